package ocr

import "strings"

// DefaultLanguages are the Tesseract languages cards are read with unless
// the user chooses others.
var DefaultLanguages = []string{"eng"}

// ParseLanguages reads a list of Tesseract language codes written as
// "eng,jpn", "eng+jpn" or "eng jpn". It returns nil for none.
func ParseLanguages(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '+' || r == ' ' }) {
		l = strings.ToLower(strings.TrimSpace(l))
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}
