package contacts

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		in, text, line string
	}{
		{"plain", "plain", "plain"},
		{"", "", ""},
		{"two\nlines", "two\nlines", "two lines"},
		{"crlf\r\nand cr\rend", "crlf\nand cr\nend", "crlf and cr end"},
		{"tab\there", "tab\there", "tab here"},
		{"nul\x00 esc\x1b del\x7f c1\u0085", "nul esc del c1", "nul esc del c1"},
		{"rlo\u202eevil\u202c", "rloevil", "rloevil"},
		{"marks \u200e\u200f and isolates \u2067x\u2069", "marks \u200e\u200f and isolates \u2067x\u2069", "marks \u200e\u200f and isolates \u2067x\u2069"},
		{"emoji 👩🏽‍💻 ✉️", "emoji 👩🏽‍💻 ✉️", "emoji 👩🏽‍💻 ✉️"},
		{"bom\ufeff", "bom", "bom"},
		{"bad \xc3\x28 utf8", "bad \uFFFD( utf8", "bad \uFFFD( utf8"},
		{"para\u2029sep", "para\nsep", "para sep"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.text {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := CleanLine(tt.in); got != tt.line {
				t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
			if got := CleanText(tt.text); got != tt.text {
				t.Errorf("CleanText is not idempotent: %q -> %q", tt.text, got)
			}
		})
	}
}

func FuzzCleanText(f *testing.F) {
	f.Add("Ann\x00\u202e\r\n🚀\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fn := range []func(string) string{CleanText, CleanLine} {
			got := fn(s)
			if fn(got) != got {
				t.Fatalf("not idempotent: %q -> %q -> %q", s, got, fn(got))
			}
			if strings.ContainsFunc(got, func(r rune) bool { return r == '\r' || r == '\u202e' || r == 0 }) {
				t.Fatalf("%q kept a control character: %q", s, got)
			}
		}
		if strings.ContainsAny(CleanLine(s), "\n\t") {
			t.Fatalf("CleanLine(%q) kept a line break or tab", s)
		}
	})
}
