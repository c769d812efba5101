package ocr

import (
	"slices"
	"strings"
)

// DefaultLanguages are the Tesseract languages cards are read with unless
// the user chooses others. Japanese costs nothing on other cards: it is
// only read with when a card's script is detected as Japanese.
var DefaultLanguages = []string{"eng", "jpn"}

// A Language is one the app offers to read cards in.
type Language struct {
	Code string // Tesseract's code: "eng"
	Name string // "English"
}

// Languages are those the app offers, which setup.sh installs.
var Languages = []Language{
	{"eng", "English"}, {"jpn", "Japanese"}, {"vie", "Vietnamese"}, {"por", "Portuguese"},
	{"deu", "German"}, {"fra", "French"}, {"spa", "Spanish"},
}

// ParseLanguages reads a list of Tesseract language codes written as
// "eng,jpn", "eng+jpn" or "eng jpn". It returns nil for none.
func ParseLanguages(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '+' || r == ' ' }) {
		if l = strings.ToLower(strings.TrimSpace(l)); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
