package ocr

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var marksOnlyTests = []struct {
	plain, second string
	want          bool
}{
	{"Dvorak", "Dvořák", true},
	{"Oztiirk", "Öztürk", true},        // ü read as ii
	{"Przemystaw", "Przemysław", true}, // ł read as t
	{"Kjaer", "Kjær", true},
	{"Cagla", "Çağla", true},
	{"AOIFE O SUILLEABHAIN", "AOIFE Ó SÚILLEABHÁIN", true},
	{"Kowalski", "Kowalski", false},        // no mark added
	{"Thériault", "Theriault", false},      // a mark taken off
	{"Smith", "Smyth", false},              // another letter
	{"Bob", "Böbé", false},                 // a letter more
	{"Anna Berg", "Anna Berg GmbH", false}, // more words
	{"Aeiou", "Äéíóú", false},              // more than half the letters
	{"", "é", false},
}

func TestMarksOnly(t *testing.T) {
	for _, tt := range marksOnlyTests {
		t.Run(tt.plain+"→"+tt.second, func(t *testing.T) {
			if got := marksOnly(tt.plain, tt.second); got != tt.want {
				t.Errorf("marksOnly(%q, %q) = %v, want %v", tt.plain, tt.second, got, tt.want)
			}
		})
	}
}

func FuzzMarksOnly(f *testing.F) {
	for _, tt := range marksOnlyTests {
		f.Add(tt.plain, tt.second)
	}
	f.Fuzz(func(t *testing.T, plain, second string) {
		if !utf8.ValidString(plain) || !utf8.ValidString(second) {
			return
		}
		if marksOnly(plain, second) && !strings.ContainsFunc(second, marked) {
			t.Errorf("marksOnly(%q, %q): no mark was added", plain, second)
		}
	})
}

func TestWithMarks(t *testing.T) {
	words := func(s ...string) []Word {
		ws := make([]Word, len(s))
		for i, w := range s {
			ws[i] = Word{Text: w}
		}
		return ws
	}
	tests := []struct {
		name          string
		plain, second Line
		want          string
		ok            bool
		conf          float64 // the line's, when not 0
	}{
		{
			name:   "each word keeps the marks either reading gave",
			plain:  Line{Text: "Jesús Zuniga", Words: words("Jesús", "Zuniga")},
			second: Line{Text: "Jesus Zúñiga", Words: words("Jesus", "Zúñiga")},
			want:   "Jesús Zúñiga", ok: true,
		},
		{
			name:   "a word read otherwise is left",
			plain:  Line{Text: "Radek Oztiirk", Words: words("Radek", "Oztiirk")},
			second: Line{Text: "Radok Öztürk", Words: words("Radok", "Öztürk")},
			want:   "Radek Öztürk", ok: true,
		},
		{
			name:   "as many words apart: the whole line",
			plain:  Line{Text: "Ana Perez", Words: words("Ana", "Perez")},
			second: Line{Text: "Ana Pérez", Words: words("Ana Pérez")},
			want:   "Ana Pérez", ok: true,
		},
		{
			name:   "a word taken is as sure as its reading",
			plain:  Line{Text: "Giilsen Aydin", Words: []Word{{Text: "Giilsen", Conf: 40}, {Text: "Aydin", Conf: 60}}},
			second: Line{Text: "Gülşen Aydın", Words: []Word{{Text: "Gülşen", Conf: 90}, {Text: "Aydın", Conf: 80}}},
			want:   "Gülşen Aydın", ok: true, conf: 85,
		},
		{
			name:   "no mark added",
			plain:  Line{Text: "Harold Whitcombe", Words: words("Harold", "Whitcombe")},
			second: Line{Text: "Harold Whitcomb", Words: words("Harold", "Whitcomb")},
			want:   "Harold Whitcombe", ok: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := withMarks(tt.plain, tt.second)
			if got.Text != tt.want || ok != tt.ok {
				t.Errorf("withMarks = %q, %v; want %q, %v", got.Text, ok, tt.want, tt.ok)
			}
			if tt.conf != 0 && got.Conf != tt.conf {
				t.Errorf("withMarks read at %.0f, want %.0f", got.Conf, tt.conf)
			}
		})
	}
}
