package ocr

import (
	"context"
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"
)

func TestCardLanguages(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"nothing to tell", []string{"Jane Doe", "Sales Manager", "+1 212 555 0100", "jane@acme.com"}, nil},
		{"Turkish country code", []string{"Ayse Demir", "+90 212 555 01 02"}, []string{"tur"}},
		{"Croatian address", []string{"Ilica 10, 10000 Zagreb, Croatia"}, []string{"hrv"}},
		{"Polish domain", []string{"biuro@przyklad.pl"}, []string{"pol"}},
		{"Vietnamese website and code", []string{"www.congty.vn", "+84 28 3822 0000"}, []string{"vie"}},
		{"Czech marks", []string{"Jiří Novák"}, []string{"ces"}},
		{"Italian and Dutch", []string{"+39 02 1234 5678", "info@bedrijf.nl"}, []string{"ita", "nld"}},
		// A firm's legal form names its country when nothing else does.
		{"Croatian legal form", []string{"Brindle Prijevoz d.o.o.", "brindle30@yahoo.com"}, []string{"hrv"}},
		{"Czech legal form, its o read as a zero", []string{"Quellan Stavby s.r.0."}, []string{"ces"}},
		{"Polish legal form on its own line", []string{"Quellan Meble", "Sp. z o.o."}, []string{"pol"}},
		{"the forms' letters inside words", []string{"Sroda Dodo Consulting", "www.spzoo.example"}, nil},
		// A language in a script of its own only when the card shows
		// a line of it read surely (lines read as guesses: see
		// TestScriptGuesses).
		{"Chinese country code, printed in English", []string{"Li Wei", "+86 10 6552 0000"}, nil},
		{"Japanese domain, printed in English", []string{"Kenji Watanabe", "kenji@acme.co.jp"}, nil},
		{"Japanese domain and kanji", []string{"佐藤 健一", "sato@acme.co.jp"}, []string{"jpn"}},
		{"Japanese domain and unsure lines", []string{"?7 ZA NERF", "?HE +=", "TEL 03-1234-5678", "sato@acme.co.jp"}, nil},
		{"Japanese domain and a logo read as a few kana", []string{"の 町", "テ の", "Kenji Watanabe", "kenji@acme.co.jp"}, nil},
		{"a generic domain", []string{"www.example.com", "hello@example.org"}, nil},
		{"a country domain read apart", []string{"URL: http://www.acme-san.co jp", "kenji@acme-san.co.jp"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := confLines(tt.lines)
			if got := CardLanguages(lines); !slices.Equal(got, tt.want) {
				t.Errorf("CardLanguages(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}

// confLines makes lines of texts read with a confidence of 90, of 30 for
// a text written with a leading "?", or of 55 for one with a leading "~".
func confLines(texts []string) []Line {
	var lines []Line
	for _, s := range texts {
		l := Line{Text: s, Conf: 90}
		if text, ok := strings.CutPrefix(s, "?"); ok {
			l = Line{Text: text, Conf: 30}
		}
		if text, ok := strings.CutPrefix(s, "~"); ok {
			l = Line{Text: text, Conf: 55}
		}
		lines = append(lines, l)
	}
	return lines
}

func TestScriptGuesses(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		langs   []string
		guesses int
	}{
		{"Japanese domain and unsure lines", []string{"?7 ZA NERF", "?HE +=", "TEL 03-1234-5678", "sato@acme.co.jp"}, []string{"jpn"}, 2},
		{"Chinese country code and unsure lines", []string{"?Fh ZA", "?ERE +", "+86 10 6552 0000"}, []string{"chi_sim"}, 2},
		{"lines read at 55, kanji on a dark card", []string{"~HAZY 2 Z EIR", "~T 649-8104 RRA EX Z AE", "sato@acme.co.jp"}, []string{"jpn"}, 2},
		{"one unsure line", []string{"?Eo", "Kenji Watanabe", "kenji@acme.co.jp"}, nil, 0},
		{"lines read at 90", []string{"Sales Director", "Kenji Watanabe", "kenji@acme.co.jp"}, nil, 0},
		{"kanji read surely: CardLanguages calls for it", []string{"?7 ZA", "?HE", "佐藤 健一", "sato@acme.co.jp"}, nil, 0},
		{"unsure lines, no country of its own script", []string{"?7 ZA NERF", "?HE +=", "jane@acme.de"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			langs, guesses := scriptGuesses(confLines(tt.lines))
			if !slices.Equal(langs, tt.langs) || len(guesses) != tt.guesses {
				t.Errorf("scriptGuesses(%q) = %q, %d guesses; want %q, %d", tt.lines, langs, len(guesses), tt.langs, tt.guesses)
			}
		})
	}
}

// markEngine reads a Croatian card: in English, the name without its
// marks; in the languages the card calls for, the name with them but the
// email garbled, as Tesseract read a dev card.
type markEngine struct{}

func (e *markEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}
func (e *markEngine) Close() error { return nil }
func (e *markEngine) Recognize(_ context.Context, _ image.Image, p Pass) ([]Line, error) {
	line := func(y int, conf float64, words ...string) Line {
		var ws []Word
		x := 100
		for _, w := range words {
			ws = append(ws, Word{Text: w, Box: image.Rect(x, y, x+25*len([]rune(w)), y+50), Conf: conf})
			x += 25*len([]rune(w)) + 20
		}
		return NewLine(ws)
	}
	if len(p.Langs) == 0 {
		return []Line{
			line(100, 95, "Milena", "Babic"),
			line(300, 95, "+385", "1", "555", "0123"),
			line(400, 95, "milena@primjer.hr"),
		}, nil
	}
	return []Line{
		line(100, 95, "Milena", "Babić"),
		line(300, 95, "+385", "1", "555", "0123"),
		line(400, 19, "milena", "Qprimjer.hr"),
	}, nil
}

// TestCalledLanguageKeptWithFirstEmails checks that a reading in the
// languages a card calls for is weighed as it is kept, with the emails
// the first reading read: one that read the name's marks but the email
// worse was lost with the name's marks.
func TestCalledLanguageKeptWithFirstEmails(t *testing.T) {
	r, err := ReadImage(context.Background(), &markEngine{}, filled(1000, 600, color.White))
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, l := range r.Lines {
		text = append(text, l.Text)
	}
	got := strings.Join(text, "\n")
	for _, want := range []string{"Milena Babić", "milena@primjer.hr"} {
		if !strings.Contains(got, want) {
			t.Errorf("read %q, want %q among the lines", got, want)
		}
	}
}
