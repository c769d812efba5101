package ocr

import (
	"image"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/brianvoe/gofakeit/v7/data"

	"followthrough/contacts"
)

var (
	// Legal forms that end a company's name.
	// Legal forms that are nothing else: they make a company wherever
	// they stand.
	companySuffixRe = regexp.MustCompile(`(?i)` + wordStart + `(?:inc|incorporated|llc|l\.l\.c|llp|ltd|limited|corp|corporation|company|gmbh|s\.a|sarl|srl|n\.v|b\.v|bvba|plc|pte|pty|pvt|k\.k|kaisha|jsc|bhd|sdn|tbk|eireli|mei|ltda|lda|s/a|a/s)` + wordEnd + `\.?|` + cjkForms)
	// Legal forms written with dots or letters with marks, where \b does
	// not tell a word's end: Turkish "A.Ş." (or "AŞ") and "Ltd. Şti."
	// (its Ş read as S by a model that lacks it), Croatian
	// "d.o.o." and "d.d.", Czech "s.r.o." and "a.s.", Polish "sp. z o.o.",
	// Italian "S.p.A.", the Gulf's "W.L.L." and the free zones' "FZE",
	// "FZCO" and "FZ-LLC".
	dottedFormRe = formWordRe(`a\.?\s?ş|[şs]ti|` + misreadForms + `|d\.\s?d|a\.\s?s|s\.\s?p\.\s?a|s\.\s?r\.\s?l|s\.\s?l\.(?:\s?u)?|w\.\s?l\.\s?l|fze|fzco|fz-llc`)
	// Legal forms that are also place codes or words: "CO" is Colorado,
	// "AB" Alberta, "me" and "as" are English. They count only where a
	// company's name can stand: see shortFormIsSuffix.
	shortFormRe = regexp.MustCompile(`(?i)\b(co|lp|ag|kg|sa|sas|spa|nv|bv|oy|ab|as|kk|me)\b\.?`)
	// Words that name an organisation rather than a person or a job.
	companyWordRe = wholeWords(`group|holdings?|partners|associates|foundation|university|college|institute|school|academy|bank|labs?|laboratory|laboratories|technologies|technology|tech|systems|solutions|consulting|consultants|services|studios?|agency|ventures|capital|realty|restaurant|grill|cafe|café|bakery|hotel|hospital|clinic|dental|dentistry|medical|healthcare|health|care|pharmacy|church|international|industries|enterprises|media|software|networks?|communications|pharmaceuticals?|insurance|financial|investments?|properties|construction|design|designs|marketing|logistics|trading|electronics|motors|foods|energy|global|worldwide|corporate|ministry|council|society|association|club|firm|llp|law|attorneys|bureau|factory|store|shop|market|mart|sales|traders|stores|agencies|cooperative|eletrônica|comércio|indústria|loja|oficina`)
	// Words that make a line a job title: the job itself.
	titleHeadRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:ceo|cto|cfo|coo|cio|cmo|cso|cpo|vp|svp|evp|avp|md|gm|president|chairman|chairwoman|chair|chairperson|officer|director|manager|mgr|head|lead|leader|founder|co-founder|cofounder|owner|proprietor|partner|principal|secretary|treasurer|executive|engineer|developer|architect|designer|consultant|analyst|specialist|associate|assistant|coordinator|administrator|supervisor|representative|rep|agent|broker|advisor|adviser|counsel|counselor|attorney|lawyer|accountant|technician|scientist|researcher|professor|lecturer|student|intern|apprentice|editor|writer|producer|physician|dentist|doctor|nurse|therapist|pharmacist|chef|realtor|trainer|instructor|teacher|curator|photographer|artist|fellow|candidate|trustee|governor|ambassador|evangelist|recruiter|planner|buyer|controller|auditor|inspector|superintendent|commissioner|mayor|senator|dean|provost|chancellor|registrar|librarian|pastor|minister|strategist|programmer|coach|member|staff|gerente|diretor|diretora|vendedor|vendedora|proprietário|sócio|sócia)(?:$|[^\p{L}\p{N}])`)
	// Words that qualify a job in a title: "Senior", "Sales", "and".
	titleModRe = regexp.MustCompile(`(?i)^(?:senior|sr|junior|jr|vice|chief|managing|general|deputy|acting|interim|regional|national|global|international|area|country|sales|marketing|business|development|operations|product|project|program|account|accounts|customer|client|support|service|services|relations|human|resources|hr|finance|financial|technical|technology|research|strategy|strategic|corporate|creative|art|it|software|hardware|systems|data|quality|legal|medical|clinical|public|communications|media|digital|brand|content|design|engineering|information|security|team|board|staff|executive|associate|assistant|principal|lead|and|&|of|for|the|to|in|de|e|y)$`)
	// Words that name a department, printed under a title.
	departmentRe = wholeWords(`section|department|dept|division|div|unit|group|team|office|bureau|branch|lab|laboratory|center|centre|headquarters|hq`)
	honorificRe  = regexp.MustCompile(`(?i)^(?:mr|mrs|ms|miss|dr|prof|sir|madam|mx)\.?\s+|,?\s+(?:phd|ph\.\s?d|md|m\.d|mba|cpa|dds|d\.d\.s|dmd|d\.m\.d|esq|jr|sr|ii|iii|iv|pe|rn|cfa|cfp|pmp|msc|bsc|mph|dvm|jd|llm|frcs)\.?$|,\s*(?:\p{Lu}\.){2,}\p{Lu}?\.?$`)
)

var (
	firstNames = wordSet(data.Person["first"], data.Person["middle"])
	lastNames  = wordSet(data.Person["last"])
	// The job in each of gofakeit's job titles: "Agent" in "Travel Agent".
	jobWords = lastWords(data.Job["title"])
)

// wordSet is the set of the words in lists, in lower case and without
// their marks, as nameWords gives them.
func wordSet(lists ...[]string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, s := range l {
			for _, w := range strings.Fields(s) {
				m[foldMarks(strings.ToLower(w))] = true
			}
		}
	}
	return m
}

func lastWords(list []string) map[string]bool {
	m := make(map[string]bool)
	for _, s := range list {
		if f := strings.Fields(s); len(f) > 0 {
			m[strings.ToLower(f[len(f)-1])] = true
		}
	}
	return m
}

// hasCompanySuffix says whether s holds a company's legal form, where a
// company's name can hold one.
func hasCompanySuffix(s string) bool {
	if companySuffixRe.MatchString(s) || dottedFormRe.MatchString(s) {
		return true
	}
	for _, m := range shortFormRe.FindAllStringSubmatchIndex(s, -1) {
		if shortFormIsSuffix(s, m[2], m[3], m[1]) {
			return true
		}
	}
	return false
}

// endsWithLegalForm says whether text ends with a company's legal form:
// "Sample Co., Ltd.", "Sample Pty Limited", "Sample AG".
func endsWithLegalForm(text string) bool {
	words := strings.Fields(text)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if companySuffixRe.MatchString(last) || dottedFormRe.MatchString(last) {
		return true
	}
	if len(words) < 2 {
		return false
	}
	two := words[len(words)-2] + " " + last
	for _, m := range shortFormRe.FindAllStringSubmatchIndex(two, -1) {
		if m[1] == len(two) && shortFormIsSuffix(two, m[2], m[3], m[1]) {
			return true
		}
	}
	return false
}

// formAlone says whether text is a legal form and nothing more: "Ltd",
// "Pty Ltd", "Co., Ltd.", "GmbH & Co. KG", "Private Limited", as a card
// prints it on a line of its own under the firm's name. A short form
// alone ("AG", "Co."), which elsewhere may be a place's code or a word,
// counts here in capitals, or as "Co". So does a word that says what
// kind of firm it is and never names one alone: "Group", "Holdings".
func formAlone(text string) bool {
	if kindAloneRe.MatchString(text) {
		return true
	}
	if !hasCompanySuffix(text) && !shortFormLineRe.MatchString(text) {
		return false
	}
	// Each pattern takes the spaces around what it matches: replaced
	// until none is left, "Pty Ltd" loses both.
	rest := " " + text + " "
	for _, re := range []*regexp.Regexp{companySuffixRe, dottedFormRe, formQualifierRe} {
		for r := re.ReplaceAllString(rest, " "); r != rest; r = re.ReplaceAllString(rest, " ") {
			rest = r
		}
	}
	for _, w := range strings.Fields(rest) {
		if shortFormLineRe.MatchString(w) {
			continue
		}
		if strings.ContainsFunc(w, unicode.IsLetter) || strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
	}
	return true
}

// kindAloneRe is a line of one word that says what kind of firm the
// line above names: a group of firms, or a partnership.
var kindAloneRe = regexp.MustCompile(`(?i)^\s*(?:group|holdings|partners|associates|gruppe|groupe|grupo|gruppo|groep)\.?\s*$`)

var (
	// shortFormLineRe is a short legal form as a word of a line of legal
	// forms: in capitals, or "Co".
	shortFormLineRe = regexp.MustCompile(`^(?:(?-i:CO|Co|LP|AG|KG|SA|SAS|SpA|SPA|NV|BV|Oy|OY|AB|AS|KK|ME)\.?|&|,)+$`)
	// formQualifierRe is a word that qualifies a legal form: "Private
	// Limited", "Public Company Limited".
	formQualifierRe = wholeWords(`private|public|unipessoal`)
)

// notBeforeLegalForm are words after which a short legal form is a word
// of a sentence: "Call me", "Email us as".
var notBeforeLegalForm = map[string]bool{"call": true, "email": true, "e-mail": true, "text": true, "contact": true,
	"visit": true, "ask": true, "tell": true, "see": true, "find": true, "follow": true, "for": true, "to": true,
	"and": true, "or": true, "as": true, "of": true, "by": true, "with": true, "from": true, "about": true,
	"is": true, "are": true, "day": true, "same": true, "such": true, "so": true, "just": true, "like": true}

// shortFormIsSuffix says whether the short legal form s[start:end], its
// match running to matchEnd, stands where a company's name puts it: after
// a capitalised word or "&" with only a space between (no comma, as in
// "Denver, CO"), not before a postcode or any number ("CO 80202", "AB
// T2P 1J9"), and, but for "Co", "Oy" and "SpA", printed in capitals, as
// "AS" and "ME" are while "as" and "me" are words.
func shortFormIsSuffix(s string, start, end, matchEnd int) bool {
	form := s[start:end]
	switch strings.ToLower(form) {
	case "co", "oy", "spa":
		if r := []rune(form); !unicode.IsUpper(r[0]) && strings.ToLower(form) != "co" {
			return false
		}
	default:
		if form != strings.ToUpper(form) {
			return false
		}
	}
	// What follows: the end, punctuation, or words, but no number.
	if next := strings.Fields(s[matchEnd:]); len(next) > 0 && strings.ContainsAny(next[0], "0123456789") {
		return false
	}
	before := strings.TrimRight(s[:start], " ")
	if len(before) == len(s[:start]) {
		return false // glued to the word before, or at the start
	}
	words := strings.Fields(before)
	if len(words) == 0 {
		return false
	}
	prev := words[len(words)-1]
	if prev == "&" || prev == "and" || prev == "+" {
		return len(words) > 1
	}
	if strings.HasSuffix(prev, ",") || notBeforeLegalForm[strings.ToLower(prev)] {
		return false
	}
	r := []rune(prev)
	return unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) && letters(prev) > 0
}

// isTitleHead says whether w names a job: "Manager", "CEO", "Coach".
func isTitleHead(w string) bool {
	w = strings.Trim(w, ",.;:()")
	return titleHeadRe.MatchString(w) || jobWords[strings.ToLower(w)]
}

// titleScore is how much text reads like a job title, or 0: it must name a
// job ("Manager", "Engineer"), and the more of its other words qualify the
// job ("Senior", "Sales", "of"), the surer.
func titleScore(text string) float64 {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 9 || isSlogan(text) || isServiceList(text) || isAddressLabel(text) {
		return 0
	}
	heads, mods := 0, 0
	for _, w := range words {
		switch {
		case isTitleHead(w):
			heads++
		case titleModRe.MatchString(strings.Trim(w, ",.;:()/")):
			mods++
		}
	}
	if heads == 0 {
		return 0
	}
	return min(1, float64(heads+mods)/float64(len(words))+0.3)
}

// companyScore is how much text reads like an organisation's name.
func (c *card) companyScore(text string) float64 {
	if isServiceList(text) || isSlogan(text) && !hasCompanySuffix(text) {
		return 0
	}
	// "In association with", "A member of": words that lead into a
	// name, not one.
	if f := strings.Fields(text); len(f) > 0 && leadInWords[strings.ToLower(f[len(f)-1])] {
		return 0
	}
	s := 0.0
	if hasCompanySuffix(text) {
		s += 2
	}
	// A word that names a firm of a trade names none in a job: "Sales"
	// in "Sales Manager".
	if companyWordRe.MatchString(text) && titleScore(text) == 0 {
		s += 1
	}
	if c.matchesDomain(text) {
		s += 2
	}
	// "Research Section", "Sales Department": a part of the company.
	if departmentEndRe.MatchString(text) {
		s--
	}
	return s
}

// leadInWords end a line that leads into a name on the next: "In
// association with", "A member of", "Powered by".
var leadInWords = map[string]bool{"with": true, "of": true, "by": true, "for": true, "from": true, "to": true, "at": true}

var departmentEndRe = regexp.MustCompile(`(?i)` + wordStart + `(?:section|department|dept|division|div|unit|team)\.?$`)

// matchesDomain says whether text names the card's email or web domain:
// "Acme Widgets" for acme.com or acmewidgets.com.
func (c *card) matchesDomain(text string) bool {
	squashed := squash(text)
	if len(squashed) < 3 {
		return false
	}
	for _, d := range c.domains {
		d = squash(d)
		if len(d) < 3 {
			continue
		}
		if spelledFromWord(text, d) || strings.Contains(d, squashed) {
			return true
		}
		// Initials: "International Business Machines" for ibm.com.
		if initials(text) == d {
			return true
		}
		// The first word: "Bluebird Garden Supplies" for bluebird.com.
		if first := squash(strings.Fields(text)[0]); len(first) >= 4 && strings.HasPrefix(d, first) {
			return true
		}
	}
	return false
}

// spelledFromWord says whether text, its spaces and signs taken out,
// spells d from the start of one of its words: "Sable Ridge Freight" for
// sableridge, but not "Tovansa Beldan" for sabeldan, a coincidence of the
// letters of two words.
func spelledFromWord(text, d string) bool {
	words := strings.Fields(text)
	for i := range words {
		if strings.HasPrefix(squash(strings.Join(words[i:], " ")), d) {
			return true
		}
	}
	return false
}

// spelledByDomain says whether one of the card's domains is text as it
// stands, but for a legal form after it: "nordviksurveying" or
// "nordviksurveyingltd" for "Nordvik Surveying".
func (c *card) spelledByDomain(text string) bool {
	s := squash(text)
	if len(s) < 3 {
		return false
	}
	for _, d := range c.domains {
		rest, ok := strings.CutPrefix(squash(d), s)
		if ok && (rest == "" || companySuffixRe.FindString(rest) == rest || shortFormRe.FindString(rest) == rest) {
			return true
		}
	}
	return false
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r := []rune(strings.ToLower(w))
		if len(r) > 0 && unicode.IsLetter(r[0]) {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

// stripHonorifics removes titles before a name and degrees after it:
// "Dr. Jane Doe, M.D., PhD" gives "Jane Doe".
func stripHonorifics(text string) string {
	for {
		t := strings.TrimSpace(honorificRe.ReplaceAllString(text, ""))
		t = strings.TrimRight(t, ", ")
		if t == text {
			return t
		}
		text = t
	}
}

// nameWords returns the words of text if it could be a person's name: two
// to four words of letters, each capitalised, or all in lower case when
// the card's email agrees with them. The particles inside a name are not
// counted: "Maartje J. van den Berg" is three words and an initial.
func (c *card) nameWords(text string) []string {
	words := strings.Fields(stripHonorifics(text))
	inner := 0
	for k, w := range words {
		if k > 0 && k < len(words)-1 && nameParticles[w] {
			inner++
		}
	}
	if len(words) < 2 || len(words)-inner > 4 {
		return nil
	}
	lower := 0
	for k, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			if !unicode.IsLower(r[0]) {
				return nil
			}
			// "Ludwig van Beethoven": a particle inside a capitalised name.
			if k > 0 && k < len(words)-1 && nameParticles[w] && unicode.IsUpper([]rune(words[0])[0]) {
				continue
			}
			lower++
		}
		for _, ch := range r {
			if !unicode.IsLetter(ch) && !strings.ContainsRune(".-'", ch) {
				return nil
			}
		}
	}
	// In lower case and without marks, as the lists of names are:
	// "Patrício" is looked up as "patricio".
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = foldMarks(strings.ToLower(strings.Trim(w, ".,")))
	}
	if lower > 0 && (lower < len(words) || !c.matchesLocalPart(lw)) {
		return nil
	}
	return lw
}

// A nameReading is a way part k of a card may read as a name: as read,
// with a slipped letter mended, or with the part under it (next) when
// the name is printed over two lines.
type nameReading struct {
	text string
	next int // the part under it that the name runs on to, or -1
}

// nameReadings are the ways part k may read as a name, best being the
// company's part:
//   - as read;
//   - with a letter read as a digit or a sign mended ("Ne1son");
//   - joined with the part printed just under it, in the same column and
//     at about the same size, when each holds a word or two and together
//     they make a name that a known name or the email agrees with: "anouk"
//     over "de boer", in large lower-case letters.
func (c *card) nameReadings(k, best int) []nameReading {
	p := c.parts[k]
	out := []nameReading{{p.text, -1}}
	if m := mendNameSlips(p.text, c.region); m != p.text {
		out = append(out, nameReading{m, -1})
	}
	if m := c.mendSplitName(p.text); m != p.text {
		// Before the reading as read: the email spells it.
		out = append([]nameReading{{m, -1}}, out...)
	}
	if k+1 >= len(c.parts) || k+1 == best {
		return out
	}
	q := c.parts[k+1]
	if q.kind != "" || q.line == p.line || !c.adjacent(p.line, q.line) || !c.sameColumn(p.line, q.line) || c.overForm(q.line) ||
		!c.similarHeight(p.line, q.line) || len(strings.Fields(p.text)) > 2 || len(strings.Fields(q.text)) > 2 {
		return out
	}
	if best >= 0 && wordsOf(p.text, c.parts[best].text) || c.printedAgain(k) {
		return out // the firm's name as its logo prints it, over the name
	}
	joined := p.text + " " + q.text
	lw := c.nameWords(joined)
	if lw == nil || !firstNames[lw[0]] && !lastNames[lw[len(lw)-1]] && !c.matchesLocalPart(lw) {
		return out
	}
	return append(out, nameReading{joined, k + 1})
}

// printedAgain says whether the words of part k are all words of another
// line of the card, not an address of mail or of the web: a firm's name
// as its logo prints it ("LOFAKA"), over the name, and printed again in
// the firm's line.
func (c *card) printedAgain(k int) bool {
	return slices.ContainsFunc(c.parts, func(q part) bool {
		return q.line != c.parts[k].line && !strings.Contains(q.text, "@") && !looksLikeWebsite(q.text) && wordsOf(c.parts[k].text, q.text)
	})
}

// wordsOf says whether every word of a is a word of b, whatever their
// case and marks: "SALTMARSH" of "Saltmarsh Roofing Ltd.".
func wordsOf(a, b string) bool {
	fold := func(s string) []string {
		return strings.FieldsFunc(foldMarks(strings.ToLower(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	aw, bw := fold(a), fold(b)
	for _, w := range aw {
		if !slices.Contains(bw, w) {
			return false
		}
	}
	return len(aw) > 0
}

// cutUnit cuts the unit a job title names after a slash off it: "Director
// /Bulk Sales Team" is the job "Director" in the unit "Bulk Sales Team".
// A part with a job word of its own is another job ("Executive Director
// / General Manager") and stays.
func cutUnit(text string) (job, unit string, ok bool) {
	before, after, found := strings.Cut(text, "/")
	before, after = strings.TrimSpace(before), strings.TrimSpace(after)
	if !found || before == "" || after == "" || !departmentRe.MatchString(after) || titleScore(after) > 0 || titleScore(before) == 0 {
		return text, "", false
	}
	return before, after, true
}

// strayRe finds signs no name holds that OCR reads out of a mark over a
// capital: "WO]JCIK" and "WO ]JCIK" for "WÓJCIK". strayInsideRe finds
// one between two letters.
var (
	strayRe       = regexp.MustCompile(`[\[\]{}|]+`)
	strayInsideRe = regexp.MustCompile(`(\pL)[\[\]{}|]+(\pL)`)
)

// mendSplitName takes out of text the signs no name holds between two
// letters, and joins two words that the card's email spells as one
// where one of them is a piece of a word, of one or two letters and no
// particle: a mark over a capital splits a word ("WÓ JCIK" for "WÓJCIK"
// at zvonimir_wojcik@), while "Mac Giolla" at macgiolla@ and "De Luca"
// at deluca@ are printed apart. A sign at a word's edge goes only with
// such a join: "[ FURN [TURE HOUSE" is no name. It returns text
// unchanged when there is nothing to mend.
func (c *card) mendSplitName(text string) string {
	words := strings.Fields(text)
	for i, w := range words {
		words[i] = strayInsideRe.ReplaceAllString(strayInsideRe.ReplaceAllString(w, "$1$2"), "$1$2")
	}
	spelled := func(w string) bool {
		w = foldMarks(strings.ToLower(strayRe.ReplaceAllString(w, "")))
		if len([]rune(w)) < 4 {
			return false
		}
		for _, local := range c.locals {
			for _, piece := range strings.FieldsFunc(strings.ToLower(local), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if piece == w {
					return true
				}
			}
		}
		return false
	}
	piece := func(w string) bool {
		w = strayRe.ReplaceAllString(w, "")
		return w != "" && letters(w) <= 2 && !nameParticles[strings.ToLower(w)]
	}
	// A word's end in small letters after a capital's word is a piece
	// too, whatever its length: "Ertug rul" at ertugrul_celik@.
	tail := func(a, b string) bool {
		ra, rb := []rune(a), []rune(b)
		return unicode.IsUpper(ra[0]) && unicode.IsLower(rb[0]) && !nameParticles[b]
	}
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		if (piece(a) || piece(b) || tail(a, b)) && !spelled(a) && !spelled(b) && spelled(a+b) {
			if strings.ToUpper(a) != a { // "Wó" and "Jcik" make "Wójcik"
				r := []rune(strayRe.ReplaceAllString(b, ""))
				b = strings.ToLower(string(r[:1])) + string(r[1:])
			}
			words = slices.Replace(words, i, i+2, strayRe.ReplaceAllString(a+b, ""))
		}
	}
	if m := strings.Join(words, " "); m != strings.Join(strings.Fields(text), " ") {
		return m
	}
	return text
}

// slippedInitialRe is an initial OCR misread: a 1 or a 0 for its letter,
// or a bracket or a bar read after it.
var slippedInitialRe = regexp.MustCompile(`^([\p{Lu}10])[\]\[|)]?\.$`)

// romajiWord says whether w, in lower case, could be a word of romaji
// (Hepburn): its letters those romaji uses (no l, q, v or x; c only in
// ch), and no consonant at its end but n.
func romajiWord(w string) bool {
	if w == "" {
		return false
	}
	r := []rune(w)
	for i, ch := range r {
		switch {
		case strings.ContainsRune("aeiouāīūēōâîûêô", ch):
		case ch == 'c':
			if i+1 >= len(r) || r[i+1] != 'h' {
				return false
			}
		case strings.ContainsRune("bdfghjkmnprstwyz", ch):
			if i == len(r)-1 && ch != 'n' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// slipLetters are the letters OCR reads as a digit or a sign inside a
// word of letters, in lower case: "Ne1son" for "Nelson" or "Neison", "Babi¢"
// for "Babic" or "Babić".
var slipLetters = map[rune]rune{'1': 'l', '0': 'o', '5': 's', '¢': 'c'}

// mendNameSlips reads back as a letter the one digit or sign inside each
// word of letters in text, as a name's words hold none: a word of three
// runes or more, with the slip after its first letter. The letter is a
// capital in a word of capitals ("W1LSON"). Which letter a "1" was, l or
// i, the word seldom tells: l is the commoner, but on a card dialled in
// Japan (region), a word that reads as romaji with an i and is no known
// name with an l takes the i ("Shunpe1" is Shunpei): romaji has no l.
func mendNameSlips(text, region string) string {
	words := strings.Fields(text)
	for i, w := range words {
		// An initial read with a digit for its letter ("1." for I.), or
		// with a bracket after it ("J]." for J.).
		if m := slippedInitialRe.FindStringSubmatch(w); m != nil {
			words[i] = strings.NewReplacer("1", "I", "0", "O").Replace(m[1]) + "."
			continue
		}
		r := []rune(w)
		at, upper := -1, true
		for j, ch := range r {
			switch {
			case unicode.IsLetter(ch):
				upper = upper && !unicode.IsLower(ch)
			case slipLetters[ch] != 0 && at < 0 && j > 0:
				at = j
			default:
				at = len(r) // a word with other marks, or two slips
			}
		}
		if at < 0 || at >= len(r) || len(r) < 3 {
			continue
		}
		l := slipLetters[r[at]]
		if r[at] == '1' && region == "JP" {
			withL, withI := slices.Clone(r), slices.Clone(r)
			withL[at], withI[at] = 'l', 'i'
			if lw, iw := strings.ToLower(string(withL)), strings.ToLower(string(withI)); !firstNames[lw] && !lastNames[lw] && romajiWord(iw) {
				l = 'i'
			}
		}
		if upper {
			l = unicode.ToUpper(l)
		}
		r[at] = l
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

var nameParticles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "das": true,
	"di": true, "del": true, "della": true, "dos": true, "du": true, "la": true, "le": true, "bin": true, "binti": true,
	"al": true, "ter": true, "ten": true, "y": true, "ó": true, "o": true, "ní": true, "ui": true}

// minName is the least nameScore a line that is the name has: a line
// shaped like a name with nothing else for it, printed as tall as the
// text around it, in the top fifth of the card (1 and over 0.4 for its
// place), as a shop's card prints its holder over a firm's name printed
// larger. Lower, and a name-shaped line further down is taken.
const minName = 1.4

// nameScore is how much text reads like a person's name, or 0 when it
// cannot be one.
func (c *card) nameScore(p part) float64 {
	lw := c.nameWords(p.text)
	if lw == nil || hasCompanySuffix(p.text) {
		return 0 // a legal form names a firm: "Sample Trading LLC"
	}
	if c.overForm(p.line) {
		return 0
	}
	text := stripHonorifics(p.text)
	s := 1.0
	if firstNames[lw[0]] {
		s += 1.5
	}
	if lastNames[lw[len(lw)-1]] {
		s += 1
	}
	if c.matchesLocalPart(lw) && !c.firmsMailbox(p.line) {
		s += 3
		// Spelled whole, given name and family name, it is surer than
		// a name sharing the family name alone: "Estêvão S. Guimarães"
		// at estevao.guimaraes@, over "Inês Guimarães" under it.
		if c.spellsWhole(lw) {
			s++
		}
	}
	if titleScore(text) > 0 {
		s -= 2
	}
	if c.companyScore(text) > 0 {
		s -= 2.5
	}
	if c.jobUnder(p.line) || c.nameUnder(p.line) {
		s++
	}
	if c.underName(p.line) {
		s--
	}

	// Names are usually printed large and near the top.
	h := float64(lineHeight(c.lines[p.line])) / c.height
	s += min(h-1, 1.5)
	if c.size.Y > 0 {
		s += 0.5 * (1 - float64(c.lines[p.line].Box.Min.Y)/float64(c.size.Y))
	}
	return s
}

// jobUnder says whether the line printed just under line i, in its
// column and smaller, holds job-title words or names a team ("Sales
// Department"): a card prints the job under its holder's name, seldom
// under a firm's name or a logo.
func (c *card) jobUnder(i int) bool {
	k := c.under(i)
	if k < 0 || lineHeight(c.lines[c.parts[k].line]) >= lineHeight(c.lines[i]) {
		return false
	}
	q := c.parts[k]
	return c.companyScore(q.text) <= 0 && (titleScore(q.text) > 0 || teamOf(q.text))
}

// firmsMailbox says whether the card's email, at a free mail provider,
// may be named after the firm rather than after line i: a line above
// it, shaped like a name and nothing else, is printed clearly larger
// ("Eilidh Adeyemi" over "Ashelyfa Brewing" at ashelyfa89@yahoo.com).
// A firm's own domain holds its name, and a mailbox there is its
// holder's; at gmail, a small firm's mailbox often bears its name.
func (c *card) firmsMailbox(i int) bool {
	if !c.freeMail() {
		return false
	}
	return slices.ContainsFunc(c.parts, func(q part) bool {
		l := c.lines[q.line]
		return q.line != i && l.Box.Min.Y < c.lines[i].Box.Min.Y && 5*lineHeight(l) >= 6*lineHeight(c.lines[i]) && c.onlyName(q)
	})
}

// freeMail says whether the card's email is at a free mail provider.
func (c *card) freeMail() bool {
	return slices.ContainsFunc(c.hosts, contacts.FreeMailDomain)
}

// mailboxFirm returns the part, not the name, whose words or first word
// the card's email at a free mail provider spells, or -1: "Sable Ridge
// Freight" at sableridgefreight12@gmail.com, "Ashelyfa Brewing" at
// ashelyfa89@yahoo.com, a small firm's mailbox named after it.
func (c *card) mailboxFirm(name int) int {
	if !c.freeMail() {
		return -1
	}
	spelled := func(s string) bool {
		w := squash(foldMarks(strings.ToLower(s)))
		return len(w) >= 5 && slices.ContainsFunc(c.locals, func(l string) bool { return strings.Contains(squash(l), w) })
	}
	for k, p := range c.parts {
		if k == name || p.kind != "" || c.unsure(p) || len(strings.Fields(p.text)) > 5 {
			continue
		}
		if spelled(p.text) || spelled(strings.Fields(p.text)[0]) {
			return k
		}
	}
	return -1
}

// underName says whether line i is printed just under a line clearly
// larger than it, shaped like a person's name and like nothing else: a
// card prints the job under its holder's name, and a job with no words
// the classifier knows ("Site Foreman") is shaped like a name too.
func (c *card) underName(i int) bool {
	for _, q := range c.parts {
		if q.line != i && c.clearlyLarger(q.line, i) && c.onlyName(q) {
			if k := c.under(q.line); k >= 0 && c.parts[k].line == i {
				return true
			}
		}
	}
	return false
}

// overForm says whether the line printed just under line i, in its
// column, is a legal form alone ("Pte. Ltd."): line i is then the firm's
// name, printed over its form ("Ashvi Brewing" over "Pte. Ltd."), and no
// person's.
func (c *card) overForm(i int) bool {
	k := c.under(i)
	return k >= 0 && c.parts[k].kind == "" && formAlone(c.parts[k].text)
}

// nameUnder says whether the line printed just under line i, in its
// column and at about its size, reads as another person's name, surely
// read: a shop's or a partnership's card prints its people one under the
// other, alike, the first being the card's.
func (c *card) nameUnder(i int) bool {
	k := c.under(i)
	return k >= 0 && c.onlyName(c.parts[k]) && c.similarHeight(i, c.parts[k].line)
}

// onlyName says whether part q, unclaimed and surely read, is shaped
// like a person's name and like nothing else: no job words, nothing of
// a company.
func (c *card) onlyName(q part) bool {
	return q.kind == "" && !c.unsure(q) && c.nameWords(q.text) != nil &&
		titleScore(q.text) <= 0 && c.companyScore(q.text) <= 0 && !hasCompanySuffix(q.text)
}

// under returns the part printed next under line i in its column, or -1:
// the first part, as the card reads, on a line lower than i that is next
// to it and in its column. On a card of two columns the next part read
// may be the other column's. Specks read as letters between the lines
// ("once:" read at 18) are passed over.
func (c *card) under(i int) int {
	for k, q := range c.parts {
		if c.unsure(q) && q.kind == "" {
			continue
		}
		if q.line != i && c.lines[q.line].Box.Min.Y > c.lines[i].Box.Min.Y && c.adjacent(i, q.line) && c.sameColumn(i, q.line) {
			return k
		}
	}
	return -1
}

// nameReason says what made part p the name.
func (c *card) nameReason(p part) string {
	var why []string
	h := float64(lineHeight(c.lines[p.line])) / c.height
	if c.largestLine(p.line) {
		why = append(why, "largest text")
	} else if h >= 1.3 {
		why = append(why, "large text")
	}
	lw := c.nameWords(p.text)
	if lw != nil && c.matchesLocalPart(lw) {
		why = append(why, "matches the email's name")
	}
	if lw != nil && firstNames[lw[0]] {
		why = append(why, "a known given name")
	}
	if len(why) == 0 {
		why = append(why, "reads as a person's name")
	}
	return strings.Join(why, ", ")
}

// largestLine says whether line i is printed larger than any other.
func (c *card) largestLine(i int) bool {
	h := lineHeight(c.lines[i])
	for j, l := range c.lines {
		if j != i && lineHeight(l) >= h {
			return false
		}
	}
	return true
}

// companyReason says what made text the company.
func (c *card) companyReason(text string) string {
	var why []string
	if hasCompanySuffix(text) {
		why = append(why, "a company's legal form")
	}
	if c.matchesDomain(text) {
		why = append(why, "matches the email's domain")
	}
	if companyWordRe.MatchString(text) {
		why = append(why, "words that name an organisation")
	}
	if len(why) == 0 {
		return "reads as an organisation"
	}
	return strings.Join(why, ", ")
}

// roleWords name a mailbox after what it is for, not whom: a local part
// with one of them as a piece of its own ("saltmarshbrewing.office",
// "info", "sales.emea") is the firm's mailbox.
var roleWords = map[string]bool{
	"office": true, "info": true, "sales": true, "contact": true, "contacts": true, "enquiries": true,
	"enquiry": true, "inquiries": true, "admin": true, "mail": true, "hello": true, "team": true,
	"support": true, "bookings": true, "booking": true, "reception": true, "accounts": true, "orders": true,
}

// roleMailbox says whether local, an email's local part, holds a role
// word as one of its pieces, parted by dots, dashes, underscores or digits.
func roleMailbox(local string) bool {
	pieces := strings.FieldsFunc(strings.ToLower(local), func(r rune) bool { return !unicode.IsLetter(r) })
	return slices.ContainsFunc(pieces, func(p string) bool { return roleWords[p] })
}

// matchesLocalPart says whether an email's local part agrees with the name
// words: "jsmith", "john.smith", "john", "smithj".
func (c *card) matchesLocalPart(words []string) bool {
	if len(words) < 2 {
		return false // no name: nameWords gives nil for a line that cannot be one
	}
	// Emails are written without the name's diacritics: "Gonçalves" is
	// "goncalves".
	// A role's address ("exports.emea@", "sales@") says nothing of a
	// name that holds the role's word; an initial ("I.") is no role, nor
	// is a name with one inside it ("Patrício" holds "cio").
	for _, w := range words {
		t := strings.ToLower(strings.Trim(w, ",.;:()"))
		if len(t) >= 3 && (titleHeadRe.FindString(t) == t || jobWords[t] || titleModRe.MatchString(t)) {
			return false
		}
	}
	given, family := nameKeys(words)
	for _, local := range c.locals {
		if roleMailbox(local) {
			continue
		}
		l := squash(local)
		switch {
		case len(family) >= 3 && strings.Contains(l, family),
			len(given) >= 3 && strings.HasPrefix(l, given),
			len(given) >= 5 && strings.Contains(l, given), // after a label read into it: "mailojanet@"
			len(given) > 0 && len(family) > 0 && l == given[:1]+family:
			return true
		}
		// A name that starts with an initial goes by its next word:
		// "j.edgar@" for "J. Edgar Hoover".
		for _, w := range words[1 : len(words)-1] {
			if w = foldMarks(squash(w)); len(w) >= 3 && strings.HasPrefix(l, w) {
				return true
			}
		}
	}
	return false
}

// spellsWhole says whether an email's local part spells both the given
// name and the family name of words: "estevao.guimaraes" or
// "eguimaraes" for Estêvão Guimarães.
func (c *card) spellsWhole(words []string) bool {
	given, family := nameKeys(words)
	if len(given) < 3 || len(family) < 3 {
		return false
	}
	for _, local := range c.locals {
		l := squash(local)
		if roleMailbox(local) {
			continue
		}
		if strings.Contains(l, family) && strings.Contains(strings.Replace(l, family, " ", 1), given) ||
			l == given[:1]+family || l == given+family[:1] {
			return true
		}
	}
	return false
}

// splitNameTitle splits a line that prints the name and the job side by
// side, "Jane Doe  Sales Director", into a name part and a title part.
func (c *card) splitNameTitle() {
	for k := 0; k < len(c.parts); k++ {
		p := c.parts[k]
		if p.kind != "" {
			continue
		}
		words := strings.Fields(p.text)
		for j := 2; j <= 4 && j < len(words); j++ {
			name, title := strings.Join(words[:j], " "), strings.Join(words[j:], " ")
			lw := c.nameWords(name)
			if lw == nil || titleScore(title) == 0 || c.companyScore(name) > 0 {
				continue
			}
			// Every word of the name must be no job word, and some must be
			// known as a name or agree with the email.
			job := false
			for _, w := range words[:j] {
				job = job || isTitleHead(w) || titleModRe.MatchString(strings.Trim(w, ",."))
			}
			if job || !firstNames[lw[0]] && !lastNames[lw[len(lw)-1]] && !c.matchesLocalPart(lw) {
				continue
			}
			if !isTitleHead(words[j]) && !titleModRe.MatchString(strings.Trim(words[j], ",.")) {
				continue
			}
			c.parts[k].text = name
			rest := part{line: p.line, text: title}
			c.parts = append(c.parts[:k+1], append([]part{rest}, c.parts[k+1:]...)...)
			break
		}
	}
}

// findCompanyTitleName picks the name, the title and the company among the
// lines left, then leaves the rest as a note.
func (c *card) findCompanyTitleName() {
	c.splitNameTitle()

	// Company: the line that most reads like one; of two that read
	// alike, the one printed clearly larger, as a firm's name is: "KIRAN
	// TRADERS" over a brand's tagline ("SAMPLE COOLING SYSTEMS") printed
	// small under its logo.
	best, bestScore := -1, 0.0
	for k, p := range c.parts {
		if p.kind != "" || c.services(p) || c.unsure(p) && !c.matchesDomain(p.text) {
			continue
		}
		s := c.companyScore(p.text)
		if s > bestScore || s > 0 && s == bestScore && c.clearlyLarger(p.line, c.parts[best].line) {
			best, bestScore = k, s
		}
	}

	// Name: the line that most reads like a person's name, unless the
	// name was found in kanji (findJapanese), and that reads more like
	// one than minName.
	named := c.has(FieldName)
	name, nameScore, nameText, second := -1, minName, "", -1
	for k, p := range c.parts {
		if named || p.kind != "" || k == best && bestScore >= 2 {
			continue
		}
		for _, r := range c.nameReadings(k, best) {
			if s := c.nameScore(part{line: p.line, text: r.text}); s > nameScore {
				name, nameScore, nameText, second = k, s, r.text, r.next
			}
		}
	}
	if name >= 0 {
		c.parts[name].text = nameText
		if second >= 0 {
			c.parts[second].kind = FieldName // printed under the first
		}
	}
	// A line the company was chosen for only because it holds the
	// email's domain may be the person's own name ("Jane Sims" at
	// sims.com): it goes to the name when it reads strongly as one.
	if !named && best >= 0 && !hasCompanySuffix(c.parts[best].text) && !companyWordRe.MatchString(c.parts[best].text) {
		if s := c.nameScore(c.parts[best]); s > max(nameScore, 4) {
			name, nameScore = best, s
			best, bestScore = -1, 0
			for k, p := range c.parts {
				if k == name || p.kind != "" {
					continue
				}
				if s := c.companyScore(p.text); s > bestScore {
					best, bestScore = k, s
				}
			}
		}
	}
	if name >= 0 {
		if name == best {
			best = -1
		}
		c.take(name, FieldName)
		c.reason(c.nameReason(c.parts[name]))
		if f := &c.found[len(c.found)-1]; !c.opts.KeepNameCase {
			if v := contacts.NameCase(f.Value); v != f.Value {
				f.Value = v
				f.Reason += ", printed in capitals"
			}
		}
	}
	byEvidence := best >= 0
	if best >= 0 {
		c.takeCompany(best)
		c.reason(c.companyReason(c.parts[best].text))
	} else if k, m := c.largestUnclaimed(name), c.mailboxFirm(name); k >= 0 && m >= 0 && m != k && !c.clearlyLarger(c.parts[k].line, c.parts[m].line) {
		// The largest print is hardly larger than the line a free mail
		// address is named after: the address tells the firm, and the
		// other line may be the job ("Advogado" over "Nordvik", at
		// nordvik35@outlook.com).
		c.takeCompanyUnsure(m, "a free mail address named after it")
		byEvidence = true
	} else if k >= 0 {
		// No line says it is a company: the largest print that is not a
		// name or job usually is.
		named := m == k
		c.takeCompanyUnsure(k, "the largest text that is not the name or a job")
		// Known by its size alone, the firm tells the job under the name
		// only under a name the email or a known name confirms, or when
		// a free mail address is named after the firm: under "FLAVIO E
		// VALDEQUE", a garage's card printed its services.
		byEvidence = c.sureName(name) || named
	} else if m >= 0 {
		c.takeCompanyUnsure(m, "a free mail address named after it")
		byEvidence = true
	} else if k := c.overTagline(name); k >= 0 {
		c.takeCompanyUnsure(k, "printed over a tagline or a list of services")
		byEvidence = true
	} else {
		c.companyFromDomain(name)
	}

	// Title: job words, printed near the name (its last line); two such
	// lines in a row are one title printed over two lines.
	nameLine := -1
	if name >= 0 {
		nameLine = c.parts[name].line
		if second >= 0 {
			nameLine = c.parts[second].line
		}
	}
	title, titleBest := -1, 0.0
	for k, p := range c.parts {
		if p.kind != "" || c.has(FieldTitle) {
			continue
		}
		s := titleScore(p.text)
		if s > 0 && name >= 0 {
			switch {
			case c.adjacent(nameLine, p.line) || nameLine == p.line:
				s += 0.5
			case !c.near(nameLine, p.line):
				s = 0
			}
		}
		if s > titleBest {
			title, titleBest = k, s
		}
	}
	if title >= 0 {
		k := title
		// "Director / Bulk Sales Team": the team after the job goes to
		// the note.
		if job, unit, ok := cutUnit(c.parts[k].text); ok {
			c.parts[k].text = job
			c.parts = slices.Insert(c.parts, k+1, part{line: c.parts[k].line, text: unit})
		}
		text := c.parts[k].text
		if k+1 < len(c.parts) && c.parts[k+1].kind == "" && titleScore(c.parts[k+1].text) > 0 &&
			!departmentRe.MatchString(c.parts[k+1].text) &&
			c.adjacent(c.parts[k].line, c.parts[k+1].line) && c.similarHeight(c.parts[k].line, c.parts[k+1].line) {
			text += " " + c.parts[k+1].text
			c.parts[k+1].kind = FieldTitle
		}
		c.parts[k].kind = FieldTitle
		c.addText(k, FieldTitle, text)
		why := "job-title words"
		if name >= 0 && (c.adjacent(c.parts[name].line, c.parts[k].line) || c.parts[name].line == c.parts[k].line) {
			why += ", next to the name"
		}
		c.reason(why)
	} else if k := c.lineUnderName(name); k >= 0 && !c.has(FieldTitle) && byEvidence {
		// No job words anywhere: the short line printed just under the
		// name, smaller than it, is where cards put the job, once the
		// company is known to be another line, by its evidence or as the
		// largest text left, larger than this one (else it may be the
		// firm's name, printed under the owner's). Many cards give no other
		// evidence of the name (a firm's mailbox, "info@", names no one),
		// so an unsure name is enough, unless that line too reads as a
		// name: two people printed one under the other.
		c.take(k, FieldTitle)
		c.reason("printed just under the name; no job-title words")
		c.found[len(c.found)-1].Conf = min(c.found[len(c.found)-1].Conf, LowConfidence-1)
	}

	var note []string
	for _, p := range c.parts {
		if (p.kind == FieldNote || p.kind == "" && c.lines[p.line].Conf >= noiseLine) && letters(p.text) >= 3 {
			note = append(note, p.text)
		}
	}
	if len(note) > 0 {
		c.found = append(c.found, Field{Kind: FieldNote, Value: strings.Join(note, "\n"), Conf: 100})
	}
}

// takeCompanyUnsure takes part k as the company for a reason, why, that
// leaves it for a look in review.
func (c *card) takeCompanyUnsure(k int, why string) {
	c.takeCompany(k)
	c.reason(why)
	c.found[len(c.found)-1].Conf = min(c.found[len(c.found)-1].Conf, LowConfidence-1)
}

// takeCompany takes part k as the company, with the line next to it when
// the name runs over two lines: "Acme Widgets" over "Holdings Ltd", or
// "Institute for Widgets" over "and Gadgets". When another line spells out
// in full the name part k abbreviates, as a logo often does, that line is
// taken instead.
func (c *card) takeCompany(k int) {
	if full := c.fullerName(k); full >= 0 {
		k = full
	}
	texts := []string{c.parts[k].text}
	ks := []int{k}
	// The parts before and after, past fragments of a logo read between
	// the lines ("LE").
	j := k - 1
	for j >= 0 && c.fragment(j) {
		j--
	}
	if text, ok := c.restOfDomain(j, k, true); ok {
		texts = append([]string{text}, texts...)
		ks = append(ks, j)
	} else if j >= 0 && c.continuesCompany(j, k, true) {
		texts = append([]string{c.parts[j].text}, texts...)
		ks = append(ks, j)
	}
	j = k + 1
	for j < len(c.parts) && c.fragment(j) {
		j++
	}
	if text, ok := c.restOfDomain(j, k, false); ok {
		texts = append(texts, text)
		ks = append(ks, j)
	} else if j < len(c.parts) && c.continuesCompany(j, k, false) {
		texts = append(texts, c.parts[j].text)
		ks = append(ks, j)
	} else if u := c.under(c.parts[k].line); u >= 0 && formAlone(c.parts[u].text) && c.continuesCompany(u, k, false) {
		// The legal form under the name, the other column read between.
		texts = append(texts, c.parts[u].text)
		ks = append(ks, u)
	}
	for _, j := range ks {
		c.parts[j].kind = FieldCompany
	}
	l := c.lines[c.parts[k].line]
	box := boxOf(l, c.parts[k].text)
	for _, j := range ks[1:] {
		box = box.Union(c.lines[c.parts[j].line].Box)
	}
	c.found = append(c.found, Field{Kind: FieldCompany, Value: cjkFirm(mendForms(abbrevCommaRe.ReplaceAllString(strings.Join(texts, " "), "$1.,"))), Conf: l.Conf, Box: box})
}

// unsure says whether part p was read with so little confidence that it
// is more likely the pieces of a logo or a picture read as letters than
// text: it may only be the company when the card's domain says so.
func (c *card) unsure(p part) bool {
	return c.lines[p.line].Conf < unsureLine
}

// specks says whether text is three or more words none of which has four
// letters: "wr JA wun AFC", specks of a picture read as letters rather
// than a name printed large.
func specks(text string) bool {
	words := strings.Fields(text)
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		if letters(w) >= 4 {
			return false
		}
	}
	return true
}

// noiseLine is the confidence under which a line no field took is left
// out of the note: on the dev cards, all but a logo's letters read so
// were specks, a QR code or a picture read as letters ("OPO", "i. RE").
const noiseLine = 30

// unsureLine is the confidence under which a line is unsure. On the dev
// cards, every company read from a line under 50 was wrong but one that
// matched the email's domain.
const unsureLine = 50

// restOfDomain says whether part j, just above (before) or below part k,
// the company, is the rest of the name the card's domain spells, as
// "QRT" over "Express" at qrtexpress.com, or a logo's "Acme" over
// "Trading" at acmetrading.com. It returns the text to join: j's as
// read, or, where j was read unsurely and one letter away from the
// domain's, in the domain's letters ("IRKA" for "RKA" at
// rkatrading.com).
func (c *card) restOfDomain(j, k int, before bool) (string, bool) {
	if j < 0 || j >= len(c.parts) || c.parts[j].kind != "" || c.parts[j].line == c.parts[k].line {
		return "", false
	}
	upper, lower := c.parts[j], c.parts[k]
	if !before {
		upper, lower = lower, upper
	}
	if !c.adjacent(upper.line, lower.line) {
		return "", false
	}
	sk, sj := squash(c.parts[k].text), squash(c.parts[j].text)
	if len(sk) < 2 || len(sj) < 2 {
		return "", false
	}
	for _, d := range c.domains {
		d = squash(d)
		var rest string
		switch {
		case before && strings.HasSuffix(d, sk):
			rest = d[:len(d)-len(sk)]
		case !before && strings.HasPrefix(d, sk):
			rest = d[len(sk):]
		default:
			continue
		}
		switch {
		case len(rest) < 2:
		case sj == rest:
			return c.parts[j].text, true
		case oneSlip(sj, rest) && c.lines[c.parts[j].line].Conf < LowConfidence:
			return writeLike(rest, c.parts[j].text), true
		case oneSlip(sj, rest):
			return c.parts[j].text, true
		}
	}
	return "", false
}

// fragment says whether part k is a fragment of a logo or a speck, read
// as a line of its own: fewer than three letters, read unsurely.
func (c *card) fragment(k int) bool {
	p := c.parts[k]
	return p.kind == "" && letters(p.text) < 3 && c.lines[p.line].Conf < 85
}

// misreadForms are the legal forms whose o's OCR reads as zeros ("d.0.0.")
// and whose spaces it loses ("Sp. zo.o."): see mendForms.
const misreadForms = croatianForm + `|` + czechForm + `|` + polishForm

// The legal forms of Croatian, Czech and Polish firms, their o's read as
// zeros too: d.o.o., s.r.o. and sp. z o.o.
const (
	croatianForm = `d\.\s?[o0]\.\s?[o0]`
	czechForm    = `s\.\s?r\.\s?[o0]`
	polishForm   = `sp\.\s?z\s?[o0]\.\s?[o0]`
)

// formWordRe finds pattern, legal forms written with dots, as words of a
// line, where \b does not tell a word's end.
func formWordRe(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[\s,(])(?:` + pattern + `)\.?(?:$|[\s,)])`)
}

// turkishFormRe finds Turkish legal forms OCR misread at a firm's name's
// end: "A.Ş." read "AŞ." and "Ltd. Şti." read "Ltd. Sti.".
var turkishFormRe = regexp.MustCompile(`(?:\bAŞ\.|\b[Ll][Tt][Dd]\.\s?Sti\.)$`)

var misreadFormRe = regexp.MustCompile(`(?i)(?:^|\s)(?:` + misreadForms + `)\.?(?:$|[\s,)])`)

// mendForms writes the legal forms in a firm's name as they are printed,
// where OCR misread them: "d.0.0." is "d.o.o.", "Sp. zo.o." is "Sp. z
// o.o.", "AŞ." is "A.Ş." and "Ltd. Sti." "Ltd. Şti.". A legal form is one
// of a few spellings, so a zero in it is an o.
func mendForms(s string) string {
	s = turkishFormRe.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasSuffix(strings.ToLower(m), "ş.") {
			return m[:1] + "." + m[1:] // "AŞ.", its first dot lost
		}
		return m[:len(m)-len("Sti.")] + "Şti." // "Ltd. Sti.", its Ş read as S
	})
	return misreadFormRe.ReplaceAllStringFunc(s, func(m string) string {
		o := "o"
		if strings.ToUpper(m) == m {
			o = "O"
		}
		m = strings.ReplaceAll(m, "0", o)
		if k := strings.Index(strings.ToLower(m), "zo."); k >= 0 {
			m = m[:k+1] + " " + m[k+1:]
		}
		return m
	})
}

// abbrevCommaRe matches a legal form's abbreviation followed by a comma
// without its full stop, which Tesseract often misses between the two:
// "Example co, Ltd." is "Example co., Ltd.".
var abbrevCommaRe = regexp.MustCompile(`(?i)\b(co|corp|inc|ltd|pty|pte)\s?,+`)

// fullerName returns another unclaimed part whose words include all of
// part k's and more, or -1.
func (c *card) fullerName(k int) int {
	short := strings.Fields(strings.ToLower(squashSpaces(c.parts[k].text)))
	if len(short) == 0 {
		return -1
	}
	for j, p := range c.parts {
		if j == k || p.kind != "" || titleScore(p.text) > 0 || isAddress(p.text) ||
			buildingRe.MatchString(p.text) && !buildingRe.MatchString(c.parts[k].text) {
			continue
		}
		text := p.text
		if u := c.under(p.line); u >= 0 && formAlone(c.parts[u].text) && c.continuesCompany(u, j, false) {
			text += " " + c.parts[u].text // "Tidewater" over "Ltd"
		}
		// A legal form under the line is no more of the firm's name than
		// the line spells: "Sp. z o.o." counts four words.
		own := strings.Fields(squashSpaces(p.text))
		long := strings.Fields(strings.ToLower(squashSpaces(text)))
		if len(long) <= len(short) || len(own) > len(short)+4 {
			continue
		}
		if strings.Contains(" "+strings.Join(long, " ")+" ", " "+strings.Join(short, " ")+" ") {
			return j
		}
	}
	return -1
}

// buildingRe finds a word that names a building: "Acme Building" is where
// Acme is, not Acme's fuller name.
var buildingRe = wholeWords(`building|bldg|tower|house|plaza|centre|center|complex|mall|floor|suite|block`)

// squashSpaces turns punctuation into spaces, for comparing words.
func squashSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
}

var (
	connectorStartRe = regexp.MustCompile(`^(?:and|&|of|for|de|des|du|der|und|et)\b`)
	connectorEndRe   = regexp.MustCompile(`(?i)(?:\band|&|\bof|\bfor|,)$`)
)

// continuesCompany says whether part j, just above (before) or below part
// k, carries on the company name in part k.
func (c *card) continuesCompany(j, k int, before bool) bool {
	pj, pk := c.parts[j], c.parts[k]
	// A legal form alone on its line ends the name above it: "Quaywell
	// Freight" over "Pty Ltd".
	upper, lower := pj, pk
	if !before {
		upper, lower = pk, pj
	}
	if pj.kind == "" && formAlone(lower.text) && !formAlone(upper.text) &&
		c.adjacent(upper.line, lower.line) && c.sameColumn(upper.line, lower.line) &&
		!endsWithLegalForm(upper.text) && titleScore(upper.text) == 0 && !isAddress(upper.text) &&
		!strings.ContainsAny(upper.text, "0123456789@") && letters(upper.text) >= 2 {
		return true
	}
	if pj.kind != "" || pj.line == pk.line || titleScore(pj.text) > 0 || isAddress(pj.text) ||
		c.services(pj) || isSlogan(pj.text) ||
		letters(pj.text) < 3 || strings.ContainsAny(pj.text, "0123456789") {
		return false
	}
	if !c.adjacent(upper.line, lower.line) {
		return false
	}
	// "In association with" leads into the line after it; a legal form
	// ends a name, and what is printed under it is a tagline or a list
	// of services ("Sample Ltd" over "Crafted with care").
	if f := strings.Fields(pj.text); !before && (leadInWords[strings.ToLower(f[len(f)-1])] || endsWithLegalForm(pk.text)) {
		return false
	}
	// A domain that spells the name as it stands ends it as a legal form
	// does: under "Nordvik Surveying", at nordviksurveying.ca, "Crafted
	// with care" is a tagline, and "Design • Print" a list of services,
	// even with a word that names a firm ("care", "design"). So does a
	// line under it written as a sentence, as names are not: "Crafted
	// with care" under "Sable Ridge Orchards", at sableridge.com.
	if !before && !hasCompanySuffix(pj.text) && (c.spelledByDomain(pk.text) || sentenceCase(pj.text)) {
		return false
	}
	// The same words again, as a logo over the full name, are not more of
	// the name.
	if strings.Contains(squash(pk.text), squash(pj.text)) || strings.Contains(squash(pj.text), squash(pk.text)) {
		return false
	}
	if connectorEndRe.MatchString(upper.text) || connectorStartRe.MatchString(lower.text) {
		return c.similarHeight(upper.line, lower.line)
	}
	// A line a third the name's height or less is no more of it: a
	// brand's tagline under its logo, beside a shop's name printed large.
	if hj, hk := lineHeight(c.lines[pj.line]), lineHeight(c.lines[pk.line]); 3*hj <= hk || 3*hk <= hj {
		return false
	}
	return hasCompanySuffix(pj.text) || companyWordRe.MatchString(pj.text)
}

// overTagline returns the part printed just over a tagline ("Always
// with you") or a list of services ("Sales * Hire * Repairs"), where a
// card prints its firm's name, or -1. The part is short, read surely,
// and reads as nothing else: no job words, no number, no address.
func (c *card) overTagline(name int) int {
	for k, p := range c.parts {
		if p.kind != "" || k == name || name >= 0 && c.parts[name].line == p.line || c.unsure(p) ||
			letters(p.text) < 3 || len(strings.Fields(p.text)) > 5 || strings.ContainsAny(p.text, "0123456789@") ||
			titleScore(p.text) > 0 || isSlogan(p.text) || sentenceCase(p.text) || c.services(p) || isAddress(p.text) {
			continue
		}
		u := c.under(p.line)
		if u < 0 || c.parts[u].kind != "" {
			continue
		}
		if t := c.parts[u].text; c.services(c.parts[u]) || isSlogan(t) || sentenceCase(t) {
			return k
		}
	}
	return -1
}

// companyFromDomain suggests a company named after the card's email or
// web domain when no line names one, as "Acme" for jane@acme.com, unless
// the domain is the person's own name. It is a guess, not what the card
// says: a firm printed only as a logo, or by another name than its domain
// ("KLT" at kestrel-line.com), is as common as one named after it.
func (c *card) companyFromDomain(name int) {
	if len(c.domains) == 0 {
		return
	}
	d := c.domains[0]
	if name >= 0 {
		for _, w := range strings.Fields(strings.ToLower(c.parts[name].text)) {
			if w = squash(w); len(w) >= 3 && strings.Contains(d, w) {
				return
			}
		}
	}
	r := []rune(d)
	value := string(unicode.ToUpper(r[0])) + string(r[1:])
	from := "the website's domain"
	for _, f := range c.found {
		if _, host, ok := strings.Cut(f.Value, "@"); ok && f.Kind == FieldEmail && strings.Contains(host, d) {
			from = "the email's domain"
			break
		}
	}
	c.found = append(c.found, Field{Kind: FieldCompany, Value: value, Conf: LowConfidence - 1, Box: image.Rectangle{},
		Reason: from, Suggested: true})
}

// near says whether line b is printed close enough to line a to belong
// with it, as a job title belongs with the name: within a few lines.
func (c *card) near(a, b int) bool {
	la, lb := c.lines[a].Box, c.lines[b].Box
	gap := max(lb.Min.Y-la.Max.Y, la.Min.Y-lb.Max.Y)
	return gap < int(5*max(c.height, float64(lineHeight(c.lines[a]))))
}

func (c *card) similarHeight(a, b int) bool {
	ha, hb := float64(lineHeight(c.lines[a])), float64(lineHeight(c.lines[b]))
	return ha < 1.4*hb && hb < 1.4*ha
}

// clearlyLarger says whether line a is printed clearly larger than line b:
// half as tall again.
func (c *card) clearlyLarger(a, b int) bool {
	return 2*lineHeight(c.lines[a]) >= 3*lineHeight(c.lines[b])
}

// largestUnclaimed returns the unclaimed part printed largest, if it is
// clearly larger than the card's body text and not a job title nor a
// line of the name's.
func (c *card) largestUnclaimed(name int) int {
	best, bestH := -1, 1.3*c.height
	for k, p := range c.parts {
		if p.kind != "" || titleScore(p.text) > 0 || letters(p.text) < 3 || c.unsure(p) || specks(p.text) {
			continue
		}
		if name >= 0 && c.parts[name].line == p.line {
			continue
		}
		if h := float64(lineHeight(c.lines[p.line])); h > bestH {
			best, bestH = k, h
		}
	}
	return best
}

// has says whether a field of kind was found.
func (c *card) has(kind FieldKind) bool {
	for _, f := range c.found {
		if f.Kind == kind {
			return true
		}
	}
	return false
}

func (c *card) take(k int, kind FieldKind) {
	c.parts[k].kind = kind
	c.addText(k, kind, c.parts[k].text)
}

func (c *card) addText(k int, kind FieldKind, value string) {
	l := c.lines[c.parts[k].line]
	c.found = append(c.found, Field{Kind: kind, Value: value, Conf: l.Conf, Box: boxOf(l, value)})
}

// fields returns what was found, in a stable order: by kind, then as
// printed.
func (c *card) fields() []Field {
	order := map[FieldKind]int{FieldName: 0, FieldPhonetic: 0, FieldTitle: 1, FieldCompany: 2, FieldPhone: 3, FieldEmail: 4, FieldWebsite: 5, FieldAddress: 6, FieldNote: 7}
	out := append([]Field(nil), c.found...)
	sortStable(out, func(a, b Field) bool { return order[a.Kind] < order[b.Kind] })
	return out
}

// lineUnderName returns the unclaimed part printed just under the name,
// smaller than the name and shaped like a job title: a few words, no
// digits, nothing of a company, an address, a slogan, a list of services
// or a team ("Sales Department"), and no person's name, nor shaped like
// one when printed nine tenths the name's size or more, or, when the
// name is unsure (it neither agrees with the email nor is a known name),
// more than 0.85 its size: two people printed one under the other are
// printed alike, a job ("Chief Steward", "Loss Adjuster") smaller,
// though often not by a third. Measured without the tails below the line
// (see letterHeight), the job is smaller than an unsure name, and under a
// sure name it may measure as tall as the name, or a quarter taller: a
// job with letters reaching below the line ("Dispatcher",
// "Projectleider") measures taller than a name with none.
// It returns -1 when there is none.
func (c *card) lineUnderName(name int) int {
	if name < 0 {
		return -1
	}
	nl := c.parts[name].line
	sure := c.sureName(name)
	k := c.under(nl)
	if k < 0 {
		return -1
	}
	p := c.parts[k]
	words := strings.Fields(p.text)
	ph, nh := letterHeight(c.lines[p.line]), letterHeight(c.lines[nl])
	if p.kind != "" || !sure && ph >= nh || sure && 4*ph > 5*nh ||
		len(words) > 5 || letters(p.text) < 4 || strings.ContainsAny(p.text, "0123456789@") ||
		c.companyScore(p.text) > 0 && !qualifiersOnly(words) || hasCompanySuffix(p.text) || isAddress(p.text) ||
		isSlogan(p.text) || c.services(p) || teamOf(p.text) ||
		c.nameWords(p.text) != nil && (c.nameScore(p) > 2.5 || c.printedAlike(p, c.parts[name], sure)) {
		return -1
	}
	return k
}

// printedAlike says whether part p, shaped like a name, is printed as
// the name, part name, is: by their lines' median words, nine
// tenths its size or more (more than 0.85 under an unsure name), both
// as read and without the tails below the line, as the g of "Freight
// Forwarder" reaches as low as a name in capitals over it stands tall; or by
// their lower median words without the tails below the line, nineteen
// twentieths or more. The second measure leaves out what makes one word
// of a name stand taller than its letters: a tail ("Tadhg Sain" over
// "Siobhan Mensah") or a mark over a capital ("RUAIRÍ NKOSI", a quarter
// taller than "NIAMH NKOSI" under it), and a job nine tenths the name's
// letters ("Chief Steward") stays a job.
func (c *card) printedAlike(p, name part, sure bool) bool {
	alike := func(ph, nh int) bool { return !sure && 20*ph > 17*nh || 10*ph >= 9*nh }
	pl, nl := partOf(c.lines[p.line], p.text), partOf(c.lines[name.line], name.text)
	if alike(lineHeight(c.lines[p.line]), lineHeight(c.lines[name.line])) && alike(letterHeight(pl), letterHeight(nl)) {
		return true
	}
	return 20*lowerLetterHeight(pl) >= 19*lowerLetterHeight(nl)
}

// partOf is line l with the words of text, a part of it, alone: the
// words of a name read on one line with the other column's email are
// measured without the email's. It is l when no word of l is text's.
func partOf(l Line, text string) Line {
	fields := strings.Fields(text)
	var words []Word
	for _, w := range l.Words {
		if slices.Contains(fields, w.Text) {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return l
	}
	return Line{Text: text, Words: words, Box: l.Box, Conf: l.Conf}
}

// letterHeight is lineHeight with the tails below the line taken off: a
// word with a g, j, p, q or y is read a fifth taller than its letters
// stand, and "Shipwright" under "Thandiwe Inzuzu", printed at her name's
// size, measured 1.3 times as tall.
func letterHeight(l Line) int {
	return medianHeight(l, tailless)
}

// lowerLetterHeight is letterHeight taken at the lower median: of two
// words, the smaller.
func lowerLetterHeight(l Line) int {
	hs := heights(l, tailless)
	if hs == nil {
		return l.Box.Dy()
	}
	return hs[(len(hs)-1)/2]
}

// tailless is the height of word w without the tails of g, j, p, q and
// y below the line, with a mark or without ("Ostrý"): a fifth of a
// word with one.
func tailless(w Word) int {
	if strings.ContainsAny(w.Text, "gjpqyýÿğĝġģĵŷ") {
		return w.Box.Dy() * 4 / 5
	}
	return w.Box.Dy()
}

// sureName says whether part name, the name, is confirmed by more than
// its place and size: it agrees with the email, or is a known name.
func (c *card) sureName(name int) bool {
	return name >= 0 && c.nameScore(c.parts[name]) >= 3.5
}

// qualifiersOnly says whether words are all words that qualify a job,
// "Marketing", "Business Development": under a name, a trade or a team
// with no job named, which a card prints where the job goes. Some name
// a firm's trade too (a "Marketing" firm), and alone under a name they
// are the job.
func qualifiersOnly(words []string) bool {
	for _, w := range words {
		if !titleModRe.MatchString(strings.Trim(w, ",.;:()/")) {
			return false
		}
	}
	return len(words) > 0
}

// wholeWords compiles alts, alternatives, to match as whole words alone,
// whatever their case. Go's \b knows ASCII letters only, and a word with
// a mark held another to it: "Martínez" held "mart", a word that names a
// shop, as í is no letter to \b. Only for matching: the letters around
// a word are part of what matches.
func wholeWords(alts string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)` + wordStart + `(?:` + alts + `)` + wordEnd)
}

// wordStart and wordEnd match where a word starts and ends, letters with
// marks and combining marks counting as letters, as \b does not.
const (
	wordStart = `(?:^|[^\p{L}\p{M}\p{N}])`
	wordEnd   = `(?:$|[^\p{L}\p{M}\p{N}])`
)
