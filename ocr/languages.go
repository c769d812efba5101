package ocr

import (
	"regexp"
	"slices"
	"strings"

	"followthrough/contacts"
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
	{"tur", "Turkish"}, {"hrv", "Croatian"}, {"pol", "Polish"}, {"ces", "Czech"},
	{"ita", "Italian"}, {"nld", "Dutch"}, {"chi_sim", "Chinese (simplified)"},
	{"chi_tra", "Chinese (traditional)"},
}

// regionLanguages are the languages a card from a country is printed in,
// besides English, for the countries whose languages the app reads: the
// language model then reads their letters with their marks (č, ş, ư).
var regionLanguages = map[string][]string{
	"TR": {"tur"}, "HR": {"hrv"}, "BA": {"hrv"}, "PL": {"pol"}, "CZ": {"ces"},
	"IT": {"ita"}, "NL": {"nld"}, "VN": {"vie"}, "BR": {"por"}, "PT": {"por"},
	"DE": {"deu"}, "AT": {"deu"}, "FR": {"fra"}, "ES": {"spa"}, "MX": {"spa"},
	"AR": {"spa"}, "CL": {"spa"}, "CO": {"spa"}, "PE": {"spa"},
	"CN": {"chi_sim"}, "TW": {"chi_tra"}, "HK": {"chi_tra"}, "JP": {"jpn"},
}

// scriptOf is the script of the languages the app reads that are not
// written in Latin letters.
var scriptOf = map[string]string{"jpn": "Japanese", "jpn_vert": "Japanese", "chi_sim": "Han", "chi_tra": "Han"}

// calledScript is the script of the first language in langs, those a
// card calls for, that is not written in Latin letters, or "".
func calledScript(langs []string) string {
	for _, l := range langs {
		if s := scriptOf[l]; s != "" {
			return s
		}
	}
	return ""
}

// markLetters are letters with marks that only lang writes.
type markLetters struct {
	letters string
	lang    string
}

// markLanguages are letters with marks that only one of the languages
// the app reads writes, as a first read in English may still show them.
var markLanguages = []markLetters{
	{"şğıİŞĞ", "tur"},
	{"łąęśźżńŁŚŹŻ", "pol"},
	{"řůěŘŮĚ", "ces"},
	{"đĐ", "hrv"},
	{contacts.VietnameseLetters, "vie"},
	{"ãõÃÕ", "por"},
}

// CardLanguages are the languages, besides those a card was first read
// in, that what was read of it calls for: the country of its phone
// numbers' country codes, of the country its address names, of its email
// and website domains, and letters with marks only one language writes.
// Evidence every card gives, not a user's choice; none for a card that
// gives none.
func CardLanguages(lines []Line) []string {
	var out []string
	add := func(langs ...string) {
		for _, l := range langs {
			if !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	for _, r := range regionsOf(lines) {
		add(regionOwn(r, lines)...)
	}
	for _, l := range lines {
		for _, ml := range markLanguages {
			if strings.ContainsAny(l.Text, ml.letters) {
				add(ml.lang)
			}
		}
		for _, fl := range formLanguages {
			if fl.re.MatchString(l.Text) {
				add(fl.lang)
			}
		}
	}
	return out
}

// formLanguages are legal forms that firms of one language's countries
// alone write, with their o's read as zeros: a card with no country code,
// no country and a free mail address still names its country by its
// firm's form.
var formLanguages = []struct {
	re   *regexp.Regexp
	lang string
}{
	{formWordRe(croatianForm), "hrv"},
	{formWordRe(czechForm), "ces"},
	{formWordRe(polishForm), "pol"},
}

// regionOwn are the languages of region r that a card read as lines
// calls for. A language in a script of its own (Japanese, Chinese) is
// called for only when the card shows it may be printed in it: letters
// of that script were read, or lines were read as little more than
// guesses, as Latin letters read from kanji are. Many cards from Japan
// are printed in English alone, and reading them in Japanese costs a
// read and reads English worse.
func regionOwn(r string, lines []Line) []string {
	var out []string
	for _, l := range regionLanguages[r] {
		if scriptOf[l] == "" || printedCJK(lines) {
			out = append(out, l)
		}
	}
	return out
}

// scriptGuesses are, for a card that shows no line of kanji or hanzi read
// surely, the languages in a script of their own that its country calls
// for (a .jp domain, +86), and the lines read as guesses, when there are
// two or more of them: they may be that script read as Latin letters
// (see guessedInScript).
func scriptGuesses(lines []Line) (langs []string, guesses []Line) {
	if printedCJK(lines) {
		return nil, nil
	}
	for _, l := range lines {
		if l.Conf < guessConf && letters(l.Text) >= 2 {
			guesses = append(guesses, l)
		}
	}
	if len(guesses) < 2 {
		return nil, nil
	}
	for _, r := range regionsOf(lines) {
		for _, l := range regionLanguages[r] {
			if scriptOf[l] != "" && !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
	}
	if len(langs) == 0 {
		return nil, nil
	}
	return langs, guesses
}

// guessConf is the confidence under which a line is more guess than
// reading. Kanji read as Latin letters came out at 45 to 55 on invented
// cards printed light on dark ("HAZY 2 Z EIR" 53 for 株式会社サクラ印刷).
const guessConf = 60

// regionsOf are the countries lines name, each piece of evidence on its
// own, so that a card with a number abroad still gets the language of its
// domain: its phone numbers' country codes, the country its address
// names, its email and website domains.
func regionsOf(lines []Line) []string {
	var out []string
	add := func(r string) {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, l := range lines {
		if r, why := regionOf([]string{l.Text}, nil, ""); why != "" {
			add(r)
		}
		text := splitSuffixRe.ReplaceAllString(strings.ToLower(l.Text), ".$1.$2")
		for _, m := range domainRe.FindAllStringSubmatch(text, -1) {
			if r, why := regionOf(nil, []string{m[1]}, ""); why != "" {
				add(r)
			}
		}
	}
	return out
}

// splitSuffixRe finds a domain's country read apart from the second
// level before it, "hoshino-kk.co jp": without it, ".co" names Colombia.
var splitSuffixRe = regexp.MustCompile(`\.(co|com|ac|ne|or|go|net|org)\s+([a-z]{2})\b`)

// domainRe finds the domain of an email or a website.
var domainRe = regexp.MustCompile(`(?:@|www\.|https?://)([a-z0-9.-]+\.[a-z]{2,})\b`)

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
