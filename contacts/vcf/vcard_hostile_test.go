package vcf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
)

// endless is a reader of the same cards over and over, forever.
type endless struct {
	card []byte
	off  int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.card[e.off:])
		n += c
		e.off = (e.off + c) % len(e.card)
	}
	return n, nil
}

const okCard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok Person\r\nEMAIL:ok@example.org\r\nEND:VCARD\r\n"

// TestReadHostileVCards reads vCards that are broken or built to hurt:
// each gives the cards that can be read and an error that names the line
// and the problem, in time and memory in proportion to the input, with
// the limits made small where the real ones would make the test slow.
func TestReadHostileVCards(t *testing.T) {
	small := vcardLimits{total: 1 << 20, card: 64 << 10, properties: 50, cards: 100}
	folded := "NOTE:" + strings.Repeat("ab\r\n ", 200000) + "end\r\n"
	tests := []struct {
		name      string
		in        io.Reader
		lim       vcardLimits
		wantCards int
		wantErr   []string // in the error, in order
		check     func(t *testing.T, cs []contacts.Contact)
	}{
		{
			name: "a line folded 200000 times",
			in:   strings.NewReader("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fold\r\n" + folded + "END:VCARD\r\n"),
			lim:  defaultLimits, wantCards: 1,
			check: func(t *testing.T, cs []contacts.Contact) {
				if want := strings.Repeat("ab", 200000) + "end"; cs[0].Note != want {
					t.Errorf("note of %d bytes, want %d", len(cs[0].Note), len(want))
				}
			},
		},
		{
			name: "a quoted-printable value broken over 100000 lines",
			in: strings.NewReader("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Soft\r\nNOTE;ENCODING=QUOTED-PRINTABLE:" +
				strings.Repeat("=C3=A4=\r\n", 100000) + "!\r\nEND:VCARD\r\n"),
			lim: defaultLimits, wantCards: 1,
			check: func(t *testing.T, cs []contacts.Contact) {
				if want := strings.Repeat("ä", 100000) + "!"; cs[0].Note != want {
					t.Errorf("note of %d bytes, want %d", len(cs[0].Note), len(want))
				}
			},
		},
		{
			name:      "a card with 5000 properties, then a good one",
			in:        strings.NewReader("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many\r\n" + strings.Repeat("TEL:+1 650 555 0100\r\n", 5000) + "END:VCARD\r\n" + okCard),
			lim:       defaultLimits,
			wantCards: 1,
			wantErr:   []string{"line 1: the card that starts here has more than 1000 properties"},
		},
		{
			name:      "a card larger than a card may be, then a good one",
			in:        strings.NewReader("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big\r\nPHOTO;ENCODING=b:" + strings.Repeat("QUJD", 40000) + "\r\nEND:VCARD\r\n" + okCard),
			lim:       small,
			wantCards: 1,
			wantErr:   []string{"line 1: the card that starts here holds more than 64 KiB"},
		},
		{
			name:      "one line of 10 MiB without a line end",
			in:        strings.NewReader("BEGIN:VCARD\r\nFN:" + strings.Repeat("x", 10<<20)),
			lim:       small,
			wantCards: 0,
			wantErr:   []string{"line 2: the input holds more than 1 MiB"},
		},
		{
			name:      "endless cards",
			in:        &endless{card: []byte(okCard)},
			lim:       vcardLimits{total: 1 << 30, card: 1 << 20, properties: 50, cards: 100},
			wantCards: 100,
			wantErr:   []string{"line 501: the file holds more than 100 cards"},
		},
		{
			name:      "an endless stream",
			in:        &endless{card: []byte("BEGIN:VCARD\r\nFN:x\r\n")},
			lim:       small,
			wantCards: 0,
			wantErr:   []string{"line 1: the card that starts here has no END:VCARD", "the input holds more than 1 MiB"},
		},
		{
			name:      "binary junk",
			in:        bytes.NewReader(append([]byte("\x00\x01\x02\xff\xfe"), bytes.Repeat([]byte{0}, 1000)...)),
			lim:       defaultLimits,
			wantCards: 0,
			wantErr:   []string{"line 1: text outside a vCard"},
		},
		{
			name: "a nested card, as vCard 2.1's AGENT",
			in: strings.NewReader("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\n" +
				"END:VCARD\r\n" + okCard),
			lim:       defaultLimits,
			wantCards: 2,
			wantErr:   []string{"line 1: the card that starts here has no END:VCARD", "line 8: text outside a vCard"},
		},
		{
			name: "unknown and mislabelled character sets",
			in: strings.NewReader("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=X-MADE-UP:M\xfcller;J\xfcrgen\r\n" +
				"TITLE;CHARSET=ISO-2022-KR:Chef\r\nORG;CHARSET=SHIFT_JIS:\x83e\x83X\x83g\r\nNOTE;CHARSET=UTF-8:caf\xe9\r\nEND:VCARD\r\n"),
			lim: defaultLimits, wantCards: 1,
			check: func(t *testing.T, cs []contacts.Contact) {
				c := cs[0]
				for _, f := range [][2]string{{c.FamilyName, "Müller"}, {c.GivenName, "Jürgen"}, {c.Title, "Chef"}, {c.Company, "テスト"}, {c.Note, "caf\uFFFD"}} {
					if f[0] != f[1] {
						t.Errorf("read %q, want %q", f[0], f[1])
					}
				}
			},
		},
		{
			name: "control characters, right-to-left marks and emoji",
			in: strings.NewReader("\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nFN:\u202eAnn\x00 \x1b[2JExample 🎉\r\nORG:شركة\u200f مثال\r\n" +
				"NOTE:one\\ntwo\x07\r\nEND:VCARD\r\n"),
			lim: defaultLimits, wantCards: 1,
			check: func(t *testing.T, cs []contacts.Contact) {
				c := cs[0]
				for _, f := range [][2]string{{c.FullName, "Ann [2JExample 🎉"}, {c.Company, "شركة\u200f مثال"}, {c.Note, "one\ntwo"}} {
					if f[0] != f[1] {
						t.Errorf("read %q, want %q", f[0], f[1])
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := readVCards(tt.in, tt.lim)
			if len(cs) != tt.wantCards {
				t.Fatalf("read %d cards, want %d (error %v)", len(cs), tt.wantCards, err)
			}
			if len(tt.wantErr) == 0 && err != nil {
				t.Fatalf("error %v", err)
			}
			rest := ""
			if err != nil {
				rest = err.Error()
			}
			for _, want := range tt.wantErr {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("error %q lacks %q", err, want)
				}
				rest = rest[i+len(want):]
			}
			for _, e := range splitJoined(err) {
				var pe *ParseError
				if err != nil && !errors.As(e, &pe) {
					t.Errorf("error %v is not a ParseError", e)
				}
			}
			if tt.check != nil {
				tt.check(t, cs)
			}
			// What was read is written back as a sound vCard.
			var buf bytes.Buffer
			if err := Write(&buf, cs...); err != nil {
				t.Fatal(err)
			}
			for i, l := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
				if len(l) > 75 || strings.ContainsFunc(l, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f }) {
					t.Fatalf("written line %d is not a sound content line: %q", i+1, contacts.Truncate(l, 80))
				}
			}
			if again, err := Read(&buf); err != nil || len(again) != len(cs) {
				t.Fatalf("read back %d cards, %v; want %d", len(again), err, len(cs))
			}
		})
	}
}

// A file larger than a vCard file may be is refused before it is read:
// here a sparse file of 100 MiB, which takes no room on disk.
func TestReadVCardFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "everyone.vcf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(okCard)
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cs, err := ReadFile(path)
	var pe *ParseError
	if len(cs) != 0 || !errors.As(err, &pe) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ReadFile = %d cards, %v; want a ParseError wrapping ErrTooLarge", len(cs), err)
	}
	if want := "everyone.vcf: the file is 100 MiB, more than the 64 MiB a vCard file may hold"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want it to start %q", err, want)
	}
}

func TestWriteVCardsNeverWritesControlCharacters(t *testing.T) {
	c := contacts.Contact{
		FullName: "Ann\x00Example\x1b", Title: "a\x7fb", Company: "Acme\u202e;Ltd",
		Note: "line\r\nbreak\x0cfeed", Event: "Expo\x01", Phones: []contacts.Phone{{Number: "+1\x00650"}},
		// Kept lines that would end the card, or are not properties, once
		// cleaned (FuzzReadVCards found "END\x10:").
		Extra: []string{"X-CUSTOM;TYPE=\"a\x00\":value\x1b", "BDAY:2000-01-01\x00",
			"END\x10:", "END:VCARD", "item1.BEGIN:VCARD", "VERSION:2.1", "BAD NAME:x", "no colon"},
		Tags: []string{"t\x02ag"},
	}
	for name, write := range map[string]func(io.Writer, ...contacts.Contact) error{"3.0": Write, "4.0": Write4} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf, c); err != nil {
				t.Fatal(err)
			}
			out := strings.ReplaceAll(buf.String(), "\r\n", "")
			if i := strings.IndexFunc(out, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f || r == '\u202e' }); i >= 0 {
				t.Fatalf("control character %q written at %d:\n%q", out[i], i, buf.String())
			}
			for _, bad := range []string{"\r\nEND:\r\n", "BEGIN:VCARD\r\nBEGIN", "VERSION:2.1", "BAD NAME", "no colon"} {
				if strings.Contains(buf.String(), bad) {
					t.Errorf("wrote %q:\n%s", bad, buf.String())
				}
			}
			cs, err := Read(&buf)
			if err != nil || len(cs) != 1 || cs[0].FullName != "AnnExample" || cs[0].Note != "line\nbreakfeed" {
				t.Fatalf("read back %+v, %v", cs, err)
			}
			if want := []string{"BDAY:2000-01-01", "X-CUSTOM;TYPE=a:value"}; !slices.Equal(cs[0].Extra, want) {
				t.Errorf("kept lines read back %q, want %q", cs[0].Extra, want)
			}
		})
	}
}

// BenchmarkReadVCards reads an ordinary export and cards built to take
// time in the square of their size, which Read reads in time in
// proportion to it (see BENCHMARKS.md).
func BenchmarkReadVCards(b *testing.B) {
	inputs := []struct{ name, data string }{
		{"1000 cards", strings.Repeat("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Example;Ann;;;\r\nFN:Ann Example\r\nORG:Acme\r\n"+
			"TEL;TYPE=cell:+1 650 555 0100\r\nEMAIL:ann@example.org\r\nNOTE:Met at the expo\\, talked about hiring\r\nEND:VCARD\r\n", 1000)},
		{"a line folded 200000 times", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fold\r\nNOTE:" + strings.Repeat("ab\r\n ", 200000) + "end\r\nEND:VCARD\r\n"},
		{"quoted-printable over 100000 lines", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Soft\r\nNOTE;ENCODING=QUOTED-PRINTABLE:" +
			strings.Repeat("=C3=A4=\r\n", 100000) + "!\r\nEND:VCARD\r\n"},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, err := Read(strings.NewReader(in.data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
