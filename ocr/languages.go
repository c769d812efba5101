package ocr

import (
	"slices"
	"strings"
	"sync"

	"github.com/otiai10/gosseract/v2"
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

// ScriptsOf returns the scripts, as Tesseract's orientation and script
// detection names them, that a Tesseract language writes.
func ScriptsOf(lang string) []string {
	switch lang {
	case "jpn", "jpn_vert":
		return []string{"Japanese", "Han", "Hiragana", "Katakana"}
	case "chi_sim", "chi_tra":
		return []string{"Han"}
	case "kor":
		return []string{"Hangul", "Korean"}
	case "rus", "ukr", "bul", "srp":
		return []string{"Cyrillic"}
	case "ell":
		return []string{"Greek"}
	case "ara", "fas":
		return []string{"Arabic"}
	case "heb":
		return []string{"Hebrew"}
	case "tha":
		return []string{"Thai"}
	case "hin", "mar":
		return []string{"Devanagari"}
	case "osd":
		return nil
	}
	return []string{"Latin"}
}

var installed = sync.OnceValue(func() []string {
	langs, err := gosseract.GetAvailableLanguages()
	if err != nil {
		return nil
	}
	return langs
})

// Installed says whether Tesseract's data for lang is installed.
func Installed(lang string) bool { return slices.Contains(installed(), lang) }

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
