package ocr

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var folder = cases.Fold()

// Fold is s in the form text read from a card is compared in: NFKC
// normalised (full-width letters and digits as plain ones) and case
// folded.
func Fold(s string) string { return folder.String(norm.NFKC.String(s)) }

// Tokens are the words of s, folded, split at anything but a letter or a
// digit.
func Tokens(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// TokenF1 is the F1 of the word tokens of predicted against expected,
// counting repeated tokens as often as they occur in both: how much two
// texts say the same, from 0 (nothing in common) to 1 (the same words).
func TokenF1(expected, predicted string) float64 {
	te, tp := Tokens(expected), Tokens(predicted)
	if len(te) == 0 || len(tp) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, t := range te {
		count[t]++
	}
	common := 0
	for _, t := range tp {
		if count[t] > 0 {
			count[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(tp)), float64(common)/float64(len(te))
	return 2 * p * r / (p + r)
}
