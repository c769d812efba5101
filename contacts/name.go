package contacts

import "strings"

// honorifics are the titles SplitName drops from the front of a name, in
// lower case without the trailing period.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true,
	"dr": true, "prof": true,
}

// postNominals are the suffixes SplitName drops from the end of a name, in
// lower case with the periods removed.
var postNominals = map[string]bool{
	"phd": true, "md": true, "jr": true, "sr": true, "mba": true,
	"cpa": true, "dmd": true, "dds": true, "esq": true,
	"ii": true, "iii": true, "iv": true,
}

// particles are the lower-case words that belong to the family name that
// follows them, as in "Ludwig van Beethoven".
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "da": true, "di": true,
	"del": true, "della": true, "der": true, "den": true, "du": true,
	"des": true, "la": true, "le": true, "dos": true, "das": true,
	"ter": true, "ten": true,
}

func isHonorific(word string) bool {
	return honorifics[strings.ToLower(strings.TrimSuffix(word, "."))]
}

func isPostNominal(word string) bool {
	return postNominals[strings.ToLower(strings.ReplaceAll(word, ".", ""))]
}

// SplitName splits a full name as printed on a business card into given
// and family names.
//
// It drops honorifics such as "Dr." before the name and post-nominals such
// as "PhD" or "Jr." after it, with the commas around them. A name of the
// form "Family, Given" is read as such. Otherwise the last word is the
// family name, together with any particles before it ("van", "de", "von",
// "da", "di", "del", "le" and a few more), and the words before it are the
// given names: "Mary Ann van der Berg" gives "Mary Ann" and "van der Berg".
// A single word is a given name, unless an honorific came before it, as in
// "Dr. Smith", when it is a family name.
func SplitName(full string) (given, family string) {
	// Split at commas, dropping empty parts and parts made only of
	// post-nominals ("Jane Doe, PhD, MBA").
	var parts [][]string
	for i, part := range strings.Split(full, ",") {
		words := strings.Fields(part)
		if len(words) == 0 || i > 0 && allPostNominals(words) {
			continue
		}
		parts = append(parts, words)
	}
	if len(parts) == 0 {
		return "", ""
	}
	if len(parts) > 1 {
		// "Family, Given": the words after the first comma are given names.
		family = strings.Join(trimTitles(parts[0]), " ")
		var rest []string
		for _, p := range parts[1:] {
			rest = append(rest, p...)
		}
		given = strings.Join(trimTitles(rest), " ")
		return given, family
	}

	words := parts[0]
	hadHonorific := len(words) > 0 && isHonorific(words[0])
	words = trimTitles(words)
	switch len(words) {
	case 0:
		return "", ""
	case 1:
		if hadHonorific {
			return "", words[0]
		}
		return words[0], ""
	}
	start := len(words) - 1
	for start > 1 && particles[strings.ToLower(words[start-1])] {
		start--
	}
	return strings.Join(words[:start], " "), strings.Join(words[start:], " ")
}

func allPostNominals(words []string) bool {
	for _, w := range words {
		if !isPostNominal(w) {
			return false
		}
	}
	return true
}

// trimTitles returns words without the honorifics at its start and the
// post-nominals at its end.
func trimTitles(words []string) []string {
	i, j := 0, len(words)
	for i < j && isHonorific(words[i]) {
		i++
	}
	for j > i && isPostNominal(words[j-1]) {
		j--
	}
	if i == j {
		return nil
	}
	return words[i:j]
}
