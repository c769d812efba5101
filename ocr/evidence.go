package ocr

import (
	"regexp"
	"strings"
	"unicode"

	"followthrough/contacts"
)

// Evidence against a line being the company or the job title: a line of
// services, or a slogan. Cards print both under the company's name.

// serviceSepRe splits a line of services: "Air · Sea · Road", "Sales |
// Rentals | Repairs", "Design • Print • Signage", and the bullets OCR
// reads as signs ("Design ¢ Print * Signage", "Design © Print").
var serviceSepRe = regexp.MustCompile(`\s*[·•|*/●■►¢©®°]\s*|\s+-\s+`)

// isServiceList says whether text lists services: three or more short
// items between separators, with no digits.
func isServiceList(text string) bool {
	if strings.ContainsAny(text, "0123456789@") {
		return false
	}
	items := 0
	for _, it := range serviceSepRe.Split(text, -1) {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		if len(strings.Fields(it)) > 3 {
			return false
		}
		items++
	}
	return items >= 3
}

// connectorWords are the small words inside titles and names of firms:
// "Head of Sales", "Smith and Sons".
var connectorWords = map[string]bool{"of": true, "and": true, "the": true, "for": true, "&": true, "de": true, "du": true,
	"des": true, "la": true, "le": true, "y": true, "e": true, "da": true, "do": true, "der": true, "und": true, "at": true,
	"in": true, "to": true, "a": true, "an": true, "d'": true}

// isSlogan says whether text reads as a sentence, as slogans are written,
// rather than as a name or a title: three or more words in small letters
// that are not the small words inside names and titles ("Moving what
// matters since 1987", "Your partner on every shore"), and in Vietnamese,
// five syllables or more ("Chất lượng là hàng đầu").
func isSlogan(text string) bool {
	small := 0
	words := strings.Fields(text)
	for _, w := range words {
		r := []rune(w)
		if unicode.IsLower(r[0]) && !connectorWords[strings.ToLower(w)] {
			small++
		}
	}
	if contacts.Vietnamese(text) {
		// Vietnamese writes each syllable apart, so a job of two words
		// is four of them ("Kỹ sư xây dựng", "Trưởng phòng kinh doanh"):
		// a slogan is longer.
		return small >= 3 && len(words) >= 5
	}
	return small >= 3 || small >= 2 && len(words) >= 5
}

// sentenceCase says whether text is written as a sentence: its first
// word capitalised, and a later word of three letters or more, not a
// connector, in lower case ("Crafted with care"). A firm's name is
// capitalised word by word ("Trading Company", "Bank of Example") or
// in capitals, or all in lower case as a brand may be.
func sentenceCase(text string) bool {
	words := strings.Fields(text)
	if len(words) < 2 || !unicode.IsUpper([]rune(words[0])[0]) {
		return false
	}
	for _, w := range words[1:] {
		if unicode.IsLower([]rune(w)[0]) && letters(w) >= 3 && !connectorWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// services says whether part p is a line of services, as printed: the
// separators between its items are dots and bars that undoSlips drops.
func (c *card) services(p part) bool {
	return isServiceList(c.lines[p.line].Text) || isServiceList(p.text)
}

// teamRe names a part of a firm that a person works in.
var teamRe = wholeWords(`department|dept|division|section|team`)

// teamOf says whether text names the part of a firm its holder works in,
// by its trade: "Sales Department", "IT Section".
func teamOf(text string) bool {
	if !teamRe.MatchString(text) {
		return false
	}
	for _, w := range strings.Fields(teamRe.ReplaceAllString(text, "")) {
		if titleModRe.MatchString(strings.Trim(w, ",.;:()/&")) {
			return true
		}
	}
	return false
}
