package contacts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
//
// A name written in Chinese, Japanese or Korean characters (Han, Hiragana,
// Katakana, Hangul) puts the family name first: "山本 健太" is family
// 山本, given 健太 (see splitCJK). So does a name in Vietnamese, told by a
// letter only Vietnamese writes: "Trần Thu Hà" is family Trần, given Thu
// Hà.
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
	if isCJKName(words) {
		return splitCJK(words)
	}
	if len(words) > 1 && slices.ContainsFunc(words, Vietnamese) {
		// Vietnamese puts the family name first: "Trần Thu Hà" is
		// family Trần, given Thu Hà.
		return strings.Join(words[1:], " "), words[0]
	}
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

// vietnameseSmall are the letters only Vietnamese writes among the
// languages cards are printed in, in small letters (đ is Croatian and
// Serbian too).
const vietnameseSmall = "ĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"

// VietnameseLetters are those letters in both cases: the one list that
// names and the card reader tell Vietnamese by.
var VietnameseLetters = vietnameseSmall + strings.ToUpper(vietnameseSmall)

// Vietnamese says whether s holds a letter only Vietnamese writes.
func Vietnamese(s string) bool {
	return strings.ContainsAny(s, VietnameseLetters)
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

// isCJKName reports whether words are a name in Chinese, Japanese or
// Korean characters: they have a letter, and every letter is Han,
// Hiragana, Katakana or Hangul (the prolonged sound mark "ー", in no
// script of its own, counts with them).
func isCJKName(words []string) bool {
	n := 0
	for _, w := range words {
		for _, r := range w {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
				n++
			case unicode.IsLetter(r) && !unicode.Is(unicode.Common, r):
				return false
			}
		}
	}
	return n > 0
}

// foreignNameDots are the dots written between the given and family names
// of a foreign name in Katakana, "ジョン・スミス", or in Chinese
// characters, "迈克尔·乔丹".
const foreignNameDots = "・･゠＝=·"

// splitCJK splits a name in Chinese, Japanese or Korean characters. Such
// a name is written family name first, and on a card the two are set
// apart by a space: "山本 健太" is family 山本, given 健太, "김 민준" family
// 김; the words after the first are the given names.
//
// Without a space the name stays whole, as a given name, the way
// Android's name splitter keeps a Japanese name it cannot split and as a
// single Latin word is kept: 山本健太 could be 山本 健太 or 島 田健太, and
// only a dictionary of family names could tell (Japanese family names
// run from one to three characters or more). The full name is shown, so
// nothing is lost; the user can type the parts.
//
// A foreign name is the exception: written in Katakana or Chinese
// characters it keeps its own order, given name first, with a dot between
// the names: "ジョン・スミス" is given ジョン, family スミス.
func splitCJK(words []string) (given, family string) {
	if len(words) == 1 {
		w := words[0]
		if i := strings.LastIndexAny(w, foreignNameDots); i > 0 {
			_, size := utf8.DecodeRuneInString(w[i:])
			if g, f := w[:i], w[i+size:]; strings.Trim(g, foreignNameDots) != "" && strings.Trim(f, foreignNameDots) != "" {
				return strings.TrimRight(g, foreignNameDots), f
			}
		}
		return w, ""
	}
	return strings.Join(words[1:], " "), words[0]
}
