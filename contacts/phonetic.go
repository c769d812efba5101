package contacts

import (
	"strings"
	"unicode"
)

// SplitPhonetic splits a phonetic name, how a name is read aloud, into
// the given and family names it reads: the romaji printed beside a
// Japanese name, or the kana a phone keeps. The words stay as they are
// written; their capitals only tell the order.
//
// Romaji in one case throughout is in Western order, given name first:
// "Kenta Yamamoto" and "KENTA YAMAMOTO" are given Kenta (KENTA),
// family Yamamoto (YAMAMOTO). But where a card writes the family name in
// capitals and the given name in small letters, the family name is the
// one in capitals, wherever it stands: "YAMAMOTO Kenta" and "Kenta
// YAMAMOTO" are both given Kenta, family YAMAMOTO. Anything else is read
// as SplitName reads a name: "Yamamoto, Kenta" family first, kana
// ("しまだ きょうすけ") family first.
//
// The case is left to the caller, as SplitName leaves a name's: a reader
// that writes names in their usual case does it to each part
// (PhoneticNameCase), after the capitals have told the order.
func SplitPhonetic(s string) (given, family string) {
	if !strings.Contains(s, ",") {
		words := strings.Fields(s)
		if n := capitalsRun(words); n > 0 {
			if allCaps(words[0]) {
				return strings.Join(words[n:], " "), strings.Join(words[:n], " ")
			}
			return strings.Join(words[:len(words)-n], " "), strings.Join(words[len(words)-n:], " ")
		}
	}
	return SplitName(s)
}

// capitalsRun returns how many words at the start or the end of words are
// in capitals, where those in capitals are the family name: the other
// words are not, and one of them at least has a small letter. It returns
// 0 when the name does not follow that convention.
func capitalsRun(words []string) int {
	if len(words) < 2 {
		return 0
	}
	n := 0
	fromStart := allCaps(words[0])
	for i := range words {
		w := words[i]
		if !fromStart {
			w = words[len(words)-1-i]
		}
		if !allCaps(w) {
			break
		}
		n++
	}
	if n == 0 || n == len(words) {
		return 0
	}
	rest := words[n:]
	if !fromStart {
		rest = words[:len(words)-n]
	}
	small := false
	for _, w := range rest {
		if allCaps(w) {
			return 0 // capitals at both ends: no convention to read
		}
		small = small || strings.ContainsFunc(w, unicode.IsLower)
	}
	if !small {
		return 0
	}
	return n
}

// JoinPhonetic writes given and family phonetic names as one line that
// SplitPhonetic splits into them again: given name first ("Kenta
// Yamamoto", "Kenta YAMAMOTO"), or family name first where that is how
// they are read ("しまだ きょうすけ"), or "family, given" if neither
// reads back. A family name alone cannot be told from a given name alone
// and is written as it is.
func JoinPhonetic(given, family string) string {
	given, family = strings.Join(strings.Fields(given), " "), strings.Join(strings.Fields(family), " ")
	if given == "" || family == "" {
		return given + family
	}
	for _, line := range []string{given + " " + family, family + " " + given, family + ", " + given} {
		if g, f := SplitPhonetic(line); g == given && f == family {
			return line
		}
	}
	return given + " " + family
}

// PhoneticName is c's phonetic name on one line (JoinPhonetic).
func (c Contact) PhoneticName() string {
	return JoinPhonetic(c.PhoneticGivenName, c.PhoneticFamilyName)
}

// PhoneticNameCase writes a phonetic name printed in capitals in its usual
// case, as NameCase writes a name, each part on its own, so that the
// order the capitals told stays: "YAMAMOTO Kenta" and "KENTA YAMAMOTO"
// are both "Kenta Yamamoto". A reader that writes names in their usual
// case writes a phonetic name with this rather than NameCase.
func PhoneticNameCase(s string) string {
	given, family := SplitPhonetic(s)
	if g, f := NameCase(given), NameCase(family); g != given || f != family {
		return JoinPhonetic(g, f)
	}
	return s
}
