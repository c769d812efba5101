package contacts

import (
	"strings"
	"unicode"
)

// NameCase gives a person's name printed in capitals its usual case:
// "JANE Q. DOE" is "Jane Q. Doe", "LUDWIG VAN BEETHOVEN" is "Ludwig van
// Beethoven", "SEAN O'BRIEN-MCDONALD" is "Sean O'Brien-McDonald". Only
// words printed wholly in capitals change, so a name printed in its usual
// case, one with a family name in capitals ("Jean DUPONT" is "Jean
// Dupont"), and names in other scripts than Latin are left as they are,
// as are initials and roman numerals ("III").
func NameCase(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return name
	}
	changed := false
	for i, w := range words {
		if !allCaps(w) {
			continue
		}
		inner := i > 0 && i < len(words)-1
		if nw := wordCase(w, inner); nw != w {
			words[i], changed = nw, true
		}
	}
	if !changed {
		return name
	}
	return strings.Join(words, " ")
}

// allCaps says whether w has two letters or more, all of them Latin
// capitals: names in other scripts keep their own rules (a Greek final
// sigma), and are left as printed.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) || !unicode.Is(unicode.Latin, r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// nameParticles are the words inside a name that are written in small
// letters: "van", "de la", "von", "da", "bin".
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true, "dei": true,
	"di": true, "da": true, "das": true, "do": true, "dos": true, "du": true, "des": true, "la": true, "le": true,
	"ter": true, "ten": true, "zu": true, "bin": true, "binti": true, "bint": true, "y": true, "e": true, "af": true, "av": true,
}

// romanNumerals follow a name and keep their capitals.
var romanNumerals = map[string]bool{"ii": true, "iii": true, "iv": true, "vi": true, "vii": true, "viii": true}

// writtenPostNominals are the degrees and honours printed after a name, as they
// are written.
var writtenPostNominals = map[string]string{
	"md": "MD", "dds": "DDS", "dmd": "DMD", "mba": "MBA", "cpa": "CPA", "phd": "PhD", "rn": "RN", "pe": "PE",
	"cfa": "CFA", "cfp": "CFP", "pmp": "PMP", "esq": "Esq", "jd": "JD", "llm": "LLM", "dvm": "DVM", "msc": "MSc",
	"bsc": "BSc", "frcs": "FRCS", "mph": "MPH", "jr": "Jr", "sr": "Sr",
}

// macWords begin with "mac" without being Scottish names of the Mac
// pattern: they are written "Mack", "Machado".
var macWords = map[string]bool{
	"machado": true, "macias": true, "mackie": true, "mackey": true, "macedo": true, "machin": true, "macon": true,
	"maciel": true, "mackle": true, "macklin": true, "mackin": true, "machon": true, "macha": true, "machek": true,
	"macek": true, "macal": true, "macario": true, "macay": true, "macayla": true, "macomber": true, "macri": true,
	"macek's": true, "maceda": true, "macedonio": true, "machuca": true, "machuka": true,
}

// wordCase writes one word of a name printed in capitals in its usual
// case; inner says whether the word stands between others, where a
// particle is written small.
func wordCase(w string, inner bool) string {
	lower := strings.ToLower(w)
	bare := strings.Trim(lower, ".,")
	switch {
	case romanNumerals[bare]:
		return w
	case writtenPostNominals[bare] != "":
		return strings.Replace(lower, bare, writtenPostNominals[bare], 1)
	case strings.Contains(strings.TrimRight(bare, "."), "."):
		return w // initials run together, "D.D.S.", "J.R."
	case inner && nameParticles[bare] && bare == strings.TrimRight(lower, ","):
		return lower
	}
	// Each part of a double name, and what follows an O' or a D',
	// starts with a capital.
	parts := strings.FieldsFunc(lower, func(r rune) bool { return r == '-' || r == '\'' || r == '’' })
	var b strings.Builder
	rest := lower
	for _, p := range parts {
		k := strings.Index(rest, p)
		b.WriteString(rest[:k])
		b.WriteString(partCase(p))
		rest = rest[k+len(p):]
	}
	b.WriteString(rest)
	return b.String()
}

// partCase capitalises one part of a name: "mcdonald" is "McDonald",
// "macdonald" "MacDonald" (but "machado" "Machado").
func partCase(p string) string {
	r := []rune(p)
	if len(r) == 0 || !unicode.IsLetter(r[0]) {
		return p
	}
	r[0] = unicode.ToUpper(r[0])
	bare := strings.TrimRight(p, ".,")
	switch {
	case strings.HasPrefix(bare, "mc") && len([]rune(bare)) >= 4:
		r[2] = unicode.ToUpper(r[2])
	case strings.HasPrefix(bare, "mac") && len([]rune(bare)) >= 7 && !macWords[bare]:
		r[3] = unicode.ToUpper(r[3])
	}
	return string(r)
}
