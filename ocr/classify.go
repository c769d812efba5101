package ocr

import (
	"image"
	"net/mail"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/net/publicsuffix"
	"mvdan.cc/xurls/v2"
)

// DefaultRegion is the country assumed for phone numbers printed without
// a country code (ISO 3166 code) on a card that tells nothing of its
// country.
const DefaultRegion = "US"

// Classify decides what each line of a card is. lines come from an engine,
// in reading order; size is the size of the card image the boxes are on.
// It returns the fields found, each with the confidence and box of the
// text it came from: at most one name, title, company and address, any
// number of phones, emails and websites, and a note with what is left.
func Classify(lines []Line, size image.Point) []Field {
	return ClassifyWith(lines, size, ClassifyOptions{})
}

// ClassifyOptions say how Classify writes what it finds.
type ClassifyOptions struct {
	// KeepNameCase keeps a name printed in capitals as printed, rather
	// than in its usual case (contacts.NameCase).
	KeepNameCase bool
}

// ClassifyWith is Classify with options.
func ClassifyWith(lines []Line, size image.Point, opts ClassifyOptions) []Field {
	c := newCard(lines, size)
	c.opts = opts
	c.findContacts()
	c.findAddress()
	c.findJapanese()
	c.findCompanyTitleName()
	c.mendByAgreement()
	return c.fields()
}

// part is a line, or the piece of one, still to be classified.
type part struct {
	line int // index into card.lines
	text string
	kind FieldKind
}

type card struct {
	opts   ClassifyOptions
	lines  []Line
	size   image.Point
	height float64 // median line height, the unit for "large" and "small"

	parts   []part // text left on each line once contact details are taken
	found   []Field
	domains []string        // labels of email and website domains, e.g. "acme"
	hosts   []string        // email and website domains, e.g. "acme.co.uk"
	locals  []string        // email local parts
	icons   map[string]bool // letters read for icons (see iconLetters)
	// region is the country the card's numbers are dialled in, and why.
	region, regionWhy string
	// bare are the phones in found printed with no label, by index.
	bare []int
	// atLost is the email read with its @ lost (see lostAt), or "".
	atLost string
}

func newCard(lines []Line, size image.Point) *card {
	c := &card{size: size}
	for _, l := range lines {
		c.lines = append(c.lines, columnDashes(trimFragments(l, size)))
	}
	var hs []int
	for _, l := range c.lines {
		hs = append(hs, lineHeight(l))
	}
	sort.Ints(hs)
	if len(hs) > 0 {
		c.height = float64(hs[len(hs)/2])
	}
	if c.height == 0 {
		c.height = 1
	}
	return c
}

// CleanLines gives lines as Classify reads them, on a card image of size
// size: each without the pieces of a logo, an icon or the card's cut edge
// read into its ends ("E Pauline Martin" for a logo left of the name), its
// box shrunk to the words kept, and its text with the commonest OCR slips
// undone. The words keep their text as read. The review draws these lines
// and offers their text, so that a line picked on the card gives what its
// fields were read from.
func CleanLines(lines []Line, size image.Point) []Line {
	out := make([]Line, len(lines))
	for i, l := range lines {
		out[i] = columnDashes(trimFragments(l, size))
		out[i].Text = undoSlips(out[i].Text)
	}
	return out
}

// trimFragments drops the pieces of a logo, an icon or the card's cut
// edge read into the ends of a line. The classifier reads its lines so,
// and undoes the slips in their text (undoSlips) as it takes the details
// out of them: it keeps the text as read for the separators undoSlips
// drops (services).
func trimFragments(l Line, size image.Point) Line {
	return trimSmallFragments(trimEdgeFragments(l, size))
}

// trimEdgeFragments drops a word of one or two letters that touches the
// left or right edge of the image: a word the scan's edge cut through,
// like "Acme Widgets, In" read as "Acme Widgets, I".
func trimEdgeFragments(l Line, size image.Point) Line {
	if size.X <= 0 || len(l.Words) < 3 {
		return l
	}
	fragment := func(w Word) bool {
		n := 0
		for _, r := range w.Text {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
		}
		return n <= 2
	}
	words := l.Words
	if last := words[len(words)-1]; last.Box.Max.X >= size.X-2 && fragment(last) {
		words = words[:len(words)-1]
	}
	if first := words[0]; first.Box.Min.X <= 1 && fragment(first) {
		words = words[1:]
	}
	if len(words) == len(l.Words) {
		return l
	}
	return NewLine(words)
}

// trimSmallFragments drops the short words at either end of a line that
// are printed at most half as tall as its other words, or read with
// hardly any confidence: pieces of a logo or an icon beside the text,
// read into its line ("Ea 3 ACME TRADING").
func trimSmallFragments(l Line) Line {
	if len(l.Words) < 2 {
		return l
	}
	// A bar of a picture beside the line, read as "|" or "l", stands
	// half as tall again as the word next to it: "| Odvjetnik", under a
	// logo's stroke. Only such a piece is taken off a line of two words.
	bar := func(w, next Word) bool {
		return len(w.Text) <= 2 && strings.Trim(w.Text, "|[]!Il1") == "" && 2*w.Box.Dy() >= 3*next.Box.Dy()
	}
	few := len(l.Words) < 3
	h := lineHeight(l)
	small := func(w Word) bool {
		n := len([]rune(w.Text))
		// Digits of a number read unsurely stay: they may be a phone's.
		if hasCJK(w.Text) {
			return false // kana and kanji, the flat long-vowel mark ー among them
		}
		// A website's start, read however unsurely, is no speck.
		if strings.EqualFold(strings.TrimRight(w.Text, ".,"), "www") {
			return false
		}
		return n <= 3 && 2*w.Box.Dy() <= h || n <= 4 && w.Conf < speckConf && len(digitsOf(w.Text)) <= 1
	}
	// An icon or a logo beside the line, read as a letter or two, stands
	// apart from the line's words by more than a letter's height: "E
	// Pauline Martin" for a logo left of the name. An initial ("J.
	// Edgar") is set as close as any word, and a label ("T:", "M") may
	// stand apart from the number or address it labels.
	apart := func(w, next Word) bool {
		n := len([]rune(w.Text))
		gap := max(next.Box.Min.X-w.Box.Max.X, w.Box.Min.X-next.Box.Max.X)
		return n <= 2 && !strings.ContainsAny(w.Text, ".,&:") && !hasCJK(w.Text) && gap > h && !labelled(next.Text)
	}
	// piece says whether w, at a line's end beside next, is no part of it.
	piece := func(w, next Word) bool {
		return !few && (small(w) || apart(w, next)) || bar(w, next)
	}
	words := l.Words
	for len(words) > 1 && piece(words[0], words[1]) {
		words = words[1:]
	}
	for len(words) > 1 && piece(words[len(words)-1], words[len(words)-2]) &&
		!suffixOf(hostRun(words[:len(words)-1]), words[len(words)-1].Text) {
		words = words[:len(words)-1]
	}
	if len(words) == len(l.Words) {
		return l
	}
	return NewLine(words)
}

// hostRun is the text of the last of words, joined to the words before
// it that end in a dot as a host read with spaces after its dots is:
// "www.acme." for "www." and "acme.".
func hostRun(words []Word) string {
	run := words[len(words)-1].Text
	for k := len(words) - 2; k >= 0 && strings.HasSuffix(words[k].Text, "."); k-- {
		run = words[k].Text + run
	}
	return run
}

// suffixOf says whether word is the end of the email or website that
// prev, the word before it, starts ("jane@acme." and "com", read apart,
// or "@hotmail" and "com", the dot between them lost: see lostDotRe):
// short and in small letters, it is no piece of a logo.
func suffixOf(prev, word string) bool {
	if word == "" || strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return false
	}
	if strings.HasSuffix(prev, ".") {
		return (strings.Contains(prev, "@") || strings.HasPrefix(strings.ToLower(prev), "www.")) && validSuffix("x."+strings.ToLower(word))
	}
	_, host, ok := strings.Cut(prev, "@")
	return ok && host != "" && !strings.Contains(host, ".") && lostDotRe.MatchString(prev+" "+word)
}

// iconLetters are the letters that start both a line with an email or a
// website and another line, read from texts: an icon read as a letter,
// the same before every detail ("m" for ■), is no label, and a number
// after it is no mobile's for it. A card's labels differ ("M", "E").
func iconLetters(texts []string) map[string]bool {
	var icons map[string]bool
	for _, t := range texts {
		first, rest, ok := strings.Cut(t, " ")
		if !ok || utf8.RuneCountInString(first) != 1 || !unicode.IsLetter([]rune(first)[0]) {
			continue
		}
		if strings.Contains(rest, "@") || strings.HasPrefix(strings.ToLower(rest), "www.") || hostLikeRe.MatchString(strings.TrimSpace(rest)) {
			if icons == nil {
				icons = map[string]bool{}
			}
			icons[strings.ToLower(first)] = true
		}
	}
	return icons
}

// labelled says whether a word is what a label stands before: a number,
// an email or a website.
func labelled(word string) bool {
	return strings.ContainsAny(word, "@0123456789+(") || strings.HasPrefix(strings.ToLower(word), "www")
}

// speckConf is the confidence under which a short word at a line's end
// is taken for specks read as letters.
const speckConf = 30

// lineHeight is the median height of a line's words, which is steadier
// than the line's box when a descender or a speck stretches it.
func lineHeight(l Line) int {
	return medianHeight(l, func(w Word) int { return w.Box.Dy() })
}

// medianHeight is the median of height over a line's words, or the
// height of its box when it has none.
func medianHeight(l Line, height func(Word) int) int {
	hs := heights(l, height)
	if hs == nil {
		return l.Box.Dy()
	}
	return hs[len(hs)/2]
}

// heights are the heights of a line's words, measured by height, from
// the smallest up; nil when it has no words.
func heights(l Line, height func(Word) int) []int {
	var hs []int
	for _, w := range l.Words {
		hs = append(hs, height(w))
	}
	slices.Sort(hs)
	return hs
}

var (
	// An email address as OCR reads it: spaces may creep in around the @,
	// after a dot, and a local part may be split at a dot ("j. doe@").
	emailRe = regexp.MustCompile(`[\p{L}0-9._%+\-]+(?:(?:\. | _ ?|_ )[\p{L}0-9_%+\-]+)* ?@ ?[\p{L}0-9\-]+(?:\. ?[\p{L}0-9\-]+)*\. ?[A-Za-z]{2,}`)
	urlRe   = xurls.Relaxed()
	// A run of digits with the separators phone numbers are printed with.
	phoneRe = regexp.MustCompile(`(?:\+ ?)?\(?\d[\d ()./\-–]{5,}\d(?:\s*(?:ext\.?|x|#)\s*\d{1,5})?`)

	// The end of a range of numbers printed after the first in full,
	// "4000 1230 to 1231", "1230 al 1239": the lines of one switchboard.
	rangeEndRe = regexp.MustCompile(`(?i)^\s*(?:to|till|thru|through|al|a|à|bis|~)\s*\d{1,4}\b`)

	// A Japanese postcode, "100-0005", printed after 〒.
	jpPostcodeRe = regexp.MustCompile(`^\d{3}-\d{4}$`)

	// Labels printed before a phone number, an email or a website.
	labelEnd = `(?:\s*(?:no|nr|number|#)\.?)?\s*[.:)\]：]{0,3}\s*$`
	// One number for the phone and the fax, "Tel/Fax:", "Phone & Fax": it
	// is the card's phone, and faxLabel alone would take it for a fax.
	phoneFaxLabel = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(])(?:` + phoneWords + `|t)\.?(?:\s*[/&+]\s*|\s+(?:and|e|y)\s+)(?:` + faxWords + `|f)` + labelEnd)
	faxLabel      = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(/])(?:` + faxWords + `|f|` + cjkFaxWords + `)` + labelEnd)
	mobileLabel   = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(/])(?:` + mobileWords + `|` + mobileLetters + `|` + cjkMobileWords + `)` + labelEnd)
	phoneLabel    = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(/])(?:` + phoneWords + `|` + lineWords + `|` + phoneLetters + `|` + cjkPhoneWords + `)` + labelEnd)
	// Labels of numbers that are not phone numbers.
	otherNumberLabel = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(/])(?:tax|vat|gst|abn|acn|tin|ein|reg|registration|licen[cs]e|lic|iban|swift|bic|account|acct|a/c|code|cnpj|cpf|nif|siret|siren|id|box|zip|postcode|postal)(?:\s*(?:code|id|no|nr|number|#))?\.?\s*[.:#)]{0,2}\s*$`)
	// A label printed after a number, at the end of its line: "555 0101 Fax".
	faxAfter    = regexp.MustCompile(`(?i)^\s*[(\[]?\s*(?:` + faxWords + `|f)\s*[)\]]?\s*$`)
	mobileAfter = regexp.MustCompile(`(?i)^\s*[(\[]?\s*(?:` + mobileWords + `|m)\s*[)\]]?\s*$`)

	// Every label at the start of what is left of a line once its
	// details are taken.
	anyLabel = regexp.MustCompile(`(?i)^\s*(?:(?:` + allLabelWords + `|` + phoneLetters + `|f|` + mobileLetters + `|e)` + wordEnd + `\s*[.:)]?\s*(?:[/&+]\s*)?|(?:` + cjkLabelWords + `)\s*[.:)：]?\s*)+`)
	// Specks and stray marks at the ends of a line; a final "." or ")"
	// may belong to the text ("Inc.", "(Japan)").
	junkRe = regexp.MustCompile(`^[\s\p{P}\p{S}]+|[\s,;:|/\\\-_*~=+<>"'!?&@#%^\[\]{}]+$`)
	// What is left of an email that could not be taken, with its local
	// part.
	brokenEmailRe = regexp.MustCompile(`(?:^|\s)([\p{L}0-9._%+\-]{2,}) ?@ ?[\p{L}0-9\-]+\.`)
	// A line that gives a messenger or social network handle.
	handleRe = regexp.MustCompile(`(?i)^\W{0,3}(?:skype|twitter|linkedin|instagram|facebook|fb|wechat|weixin|line|whatsapp|telegram|github|youtube|tiktok)(?:\s*id)?\s*(?:[:：/@]|\s+\S*[._@/]\S*$)`)
	// A line of nothing but labels, printed apart from what they label.
	labelsOnlyRe = regexp.MustCompile(`(?i)^\s*(?:(?:` + allLabelWords + `)\b\s*[.:)]?\s*(?:[/&]\s*)?)+$`)
)

// The words cards label their details with, each kind's once; the
// regular expressions above and labelBeforeTakenRe take them as they
// need them. Longer words come first where one starts another.
const (
	phoneWords = `telephone|telefone|tel|phone|ph|fone|tél|tlf|toll[- ]free|hotline`
	// lineWords say which of the firm's lines a number is, and are
	// words of other text too ("Main Street", "Head Office").
	lineWords     = `direct|dir|office|off|main|work|voice`
	faxWords      = `telefax|facsimile|fax`
	mobileWords   = `mobile phone|mobile|mob|cell phone|cellular|cell|handphone|hp|gsm|celular|cel`
	mailWords     = `e-?mail|mail`
	webWords      = `website|web|url|internet|www`
	allLabelWords = phoneWords + `|` + lineWords + `|` + faxWords + `|` + mobileWords + `|` + mailWords + `|` + webWords
	// The letters that stand for them: "T", "M", "F", "E".
	phoneLetters  = `p|t|d|o|w`
	mobileLetters = `m|c|h`
	// Japanese and Chinese labels, with no space after them.
	cjkPhoneWords  = `電話|电话`
	cjkFaxWords    = `傳真|传真|ファックス`
	cjkMobileWords = `携帯電話|携帯|手机|手機`
	cjkLabelWords  = cjkMobileWords + `|` + cjkPhoneWords + `|` + cjkFaxWords + `|メール`
)

// findContacts takes the phones, emails and websites out of every line:
// emails first, since websites and names are checked against them.
func (c *card) findContacts() {
	texts := make([]string, len(c.lines))
	handle := make([]bool, len(c.lines))
	for i, l := range c.lines {
		texts[i] = undoSlips(l.Text)
		handle[i] = handleRe.MatchString(texts[i])
	}
	c.icons = iconLetters(texts)
	for i := range texts {
		if !handle[i] {
			texts[i] = c.takeEmails(i, texts[i])
		}
	}
	// An email whose @ was read as "&", or as a mark taken for a speck,
	// on a card where no email was read: "ababic & vizu.com.sg".
	if !c.has(FieldEmail) {
		lostAt := func(t string) (string, bool) { return c.lostAt(t, texts) }
		if email := c.takeMended(texts, handle, lostAt, ", its @ read as a mark"); email != "" {
			c.atLost = email
		}
	}
	// An email whose last dot was lost: "zuri33 @hotmail com".
	if !c.has(FieldEmail) {
		c.takeMended(texts, handle, lostDot, ", the dot before its ending put back")
	}
	// An email read too poorly to take still names its person: "anouk@"
	// in "anouk@examplefirm.a", its last letter lost.
	for i := range texts {
		for _, m := range brokenEmailRe.FindAllStringSubmatch(texts[i], -1) {
			c.locals = append(c.locals, m[1])
		}
	}
	for i := range texts {
		if !handle[i] {
			texts[i] = c.takeWebsites(i, texts[i])
		}
	}
	// The country the card's numbers and address name, before the
	// domains are reconciled: a domain read wrong may name another.
	country, _ := regionOf(texts, nil, "")
	c.reconcileDomains(country)
	c.region, c.regionWhy = regionOf(texts, c.hosts, DefaultRegion)
	for i := range texts {
		if !handle[i] {
			left := ""
			if j := c.leftNeighbour(i); j >= 0 {
				left = undoSlips(c.lines[j].Text)
			}
			texts[i] = c.takePhones(i, fixDigitSlips(texts[i]), left)
		}
	}
	c.faxBesidePhone()
	c.faxUnderPhone()
	for i, text := range texts {
		if handle[i] {
			c.parts = append(c.parts, part{line: i, text: text, kind: FieldNote})
			continue
		}
		// Labels go with the details taken from the line; a line of
		// other words keeps its one-letter words ("M. Jones").
		if text != undoSlips(c.lines[i].Text) || labelsOnlyRe.MatchString(text) {
			text = labelBeforeTakenRe.ReplaceAllString(text, "$1  ")
			text = strings.TrimSpace(anyLabel.ReplaceAllString(text, ""))
		}
		text = strings.TrimSpace(junkRe.ReplaceAllString(text, ""))
		// A legal form read with its o's as zeros ("d.0.0.") keeps its
		// line: it ends the firm's name over it.
		if letters(text) >= 2 || formAlone(text) || jpPostcodeLineRe.MatchString(text) && c.region == "JP" {
			c.parts = append(c.parts, part{line: i, text: text})
		}
	}
}

var (
	// A label, or an icon read as one letter, just before a detail taken
	// out of its line, which left two spaces or more where it stood:
	// "Chidi Danfanel m" when the email behind its icon, printed in
	// another column, was read on the name's line; and a label of two,
	// "Tel/Fax:".
	labelBeforeTakenRe = regexp.MustCompile(`(?i)(^|\s)` + takenLabel + `(?:\s*[/&+]\s*` + takenLabel + `)?\s*[.:)]?(\s{2,}|$)`)
	// Labels printed with their letters spaced out: "T E L", "F A X".
	spacedLabelRe = regexp.MustCompile(`\b(?:T E L|F A X|U R L|M O B|W E B)\b`)
	// A dash after katakana is its long-vowel mark read as a dash:
	// "マネージャ—".
	longVowelRe = regexp.MustCompile(`(\p{Katakana})[-—–―‐一]`)
	// The long-vowel mark anywhere else is a dash the Japanese model read:
	// "ー Eletr" on a Brazilian card.
	strayLongVowelRe = regexp.MustCompile(`(^|[^\p{Katakana}\p{Hiragana}])ー`)
	// "Ltd" read with a capital I or a one for the l, and "ltd" with an
	// i: no word is spelt so.
	ltdRe      = regexp.MustCompile(`\b[I1|]td\b`)
	ltdSmallRe = regexp.MustCompile(`\bitd\b`)
	// A label and the full-width colon after it, which the Japanese
	// model reads as an H: "TEL：03-" read "TELH03-" (or "TELH93-").
	colonAsHRe = regexp.MustCompile(`\b(TEL|FAX|MOBILE|Tel|Fax)H(\d)`)
)

// takenLabel is a label labelBeforeTakenRe takes: a word, or one letter,
// an icon read as a letter too.
const takenLabel = `(?:\p{Latin}|` + phoneWords + `|` + faxWords + `|` + mobileWords + `|` + mailWords + `|` + webWords + `)\.?`

// undoSlips undoes the commonest OCR slips that hide contact details.
func undoSlips(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '|', '¦', '«', '»', '©', '®', '™', '•', '·', '●', '■', '▪', '°':
			return ' '
		case '—', '–':
			return '-'
		case '‘', '’', '`', '´':
			return '\''
		}
		return r
	}, s)
	s = longVowelRe.ReplaceAllString(s, "${1}ー")
	s = strayLongVowelRe.ReplaceAllString(s, "${1}-")
	s = spacedLabelRe.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, " ", "") })
	s = colonAsHRe.ReplaceAllString(s, "${1}: ${2}")
	s = ltdRe.ReplaceAllString(s, "Ltd")
	s = ltdSmallRe.ReplaceAllString(s, "ltd")
	return strings.Join(strings.Fields(s), " ")
}

func (c *card) takeEmails(i int, text string) string {
	for _, m := range emailRe.FindAllStringIndex(text, -1) {
		raw := text[m[0]:m[1]]
		// A label glued on by a dot, as in "E-mail. jdoe@", is not part of
		// the address.
		if first, rest, ok := strings.Cut(raw, ". "); ok && mailLabelRe.MatchString(first) {
			raw = rest
		}
		spaced := strings.Contains(raw, " ")
		raw = doubledL(strings.ReplaceAll(raw, " ", ""))
		raw = strings.TrimLeft(raw, ".-_")
		addr, err := mail.ParseAddress(raw)
		if err != nil {
			continue
		}
		email := strings.ToLower(addr.Address)
		local, domain, _ := strings.Cut(email, "@")
		why := "an email address"
		if fixed := fixSuffix(domain); fixed != domain {
			domain, why = fixed, why+", its domain's ending mended"
		}
		if spaced {
			why += ", spaces taken out"
		}
		email = local + "@" + domain
		c.locals = append(c.locals, local)
		c.addDomain(domain)
		c.add(i, FieldEmail, email, "")
		c.reason(why)
		text = text[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + text[m[1]:]
	}
	return text
}

// takeMended takes the email of the first line, not a handle's, that
// mend makes one of, marked for a look, with why added to its reason,
// and gives it, or "" when none was taken.
func (c *card) takeMended(texts []string, handle []bool, mend func(string) (string, bool), why string) string {
	for i := range texts {
		if mended, ok := mend(texts[i]); !handle[i] && ok {
			texts[i] = c.takeEmails(i, mended)
			if c.has(FieldEmail) {
				f := &c.found[len(c.found)-1]
				f.Reason += why
				f.Conf = min(f.Conf, LowConfidence-1)
				return f.Value
			}
		}
	}
	return ""
}

// lostAtRe is a line that is an email but for its @, read as "&", "#",
// "at", or a mark undoSlips made a space: an optional label, the local
// part, and a host, perhaps with a space after a dot ("stonechat. es").
var lostAtRe = regexp.MustCompile(`^((?i:e-?mail|mail|e)\s?[:.]?\s)?([\p{L}0-9._%+\-]{2,}) (?:(&|#|\(at\)|\[at\]|at) )?([\p{L}0-9\-]+(?:\. ?[\p{L}0-9\-]+)*\. ?[A-Za-z]{2,})$`)

// lostAt gives text, a line of a card, as an email with its @ put back
// (see lostAtRe), when the line says it is one: it has a mail label or an
// "&", "#" or "at" where the @ goes, or its host is a website's on the card
// (one of texts). The host's suffix must exist.
func (c *card) lostAt(text string, texts []string) (string, bool) {
	m := lostAtRe.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	m[4] = strings.ReplaceAll(m[4], " ", "")
	if webLabelRe.MatchString(m[2]) || !validSuffix(strings.ToLower(m[4])) {
		return "", false
	}
	if m[1] == "" && m[3] == "" {
		host := strings.ToLower(m[4])
		website := slices.ContainsFunc(texts, func(t string) bool {
			t = strings.ToLower(t)
			return t != strings.ToLower(text) && strings.Contains(t, host) && !strings.Contains(t, "@") &&
				(strings.Contains(t, "www") || strings.Contains(t, "http") || webStartRe.MatchString(t))
		})
		if !website {
			return "", false
		}
	}
	return m[2] + "@" + m[4], true
}

// lostDotRe is an email whose host lost the dot before its ending, the
// dot read as a speck and dropped: "zuri33 @hotmail com". Only the
// endings no word of a line's text is likely to be.
var lostDotRe = regexp.MustCompile(`(@ ?[\p{L}0-9\-]+(?:\.[\p{L}0-9\-]+)*) (com|net|org)\b`)

// lostDot gives text with the dot put back before the ending of the
// email's host it holds, when the dot was lost (see lostDotRe).
func lostDot(text string) (string, bool) {
	if !lostDotRe.MatchString(text) {
		return "", false
	}
	return lostDotRe.ReplaceAllString(text, "$1.$2"), true
}

// webStartRe is a line that starts with a website's label: "Web:", "W".
var webStartRe = regexp.MustCompile(`(?i)^(?:w|` + webWords + `)\b`)

// webLabelRe is a website's label, or its www, which lostAtRe would take
// for an email's local part: "Web vizu.com.sg" is no email.
var webLabelRe = regexp.MustCompile(`(?i)^(?:www|web|url|https?|website)$`)

var mailLabelRe = regexp.MustCompile(`(?i)^(?:e-?mail|mail|e|email:?)$`)

var (
	// A URL scheme as OCR reads it: "htto://", "http//", "http¥/".
	schemeRe = regexp.MustCompile(`(?i)\bhtt[po](s?)\s?[:;.,¥]?\s?[/\\¥]{1,2}\s?`)
	wwwRe    = regexp.MustCompile(`(?i)\bwww\s?[.,]\s?`)
	// Where a website starts on a line.
	urlStartRe = regexp.MustCompile(`(?i)(?:https?://|\bwww\.)`)
	tldPieceRe = regexp.MustCompile(`^\.?[a-z]{2,3}/?$`)
	hostLikeRe = regexp.MustCompile(`(?i)^(?:https?://)?[\p{L}0-9\-]+(?:\.[\p{L}0-9\-]+)+\.?(?:/[^\s]*)?$`)
)

// fixURLText mends a website OCR broke up: a mangled scheme, a comma for a
// dot, and spaces after dots ("www. acme. com" or "acme.co. uk"). Spaces
// inside a name are only closed when what comes out is a domain the card's
// emails use.
func (c *card) fixURLText(text string) string {
	text = schemeRe.ReplaceAllString(text, "http${1}://")
	text = wwwRe.ReplaceAllStringFunc(text, func(m string) string { return m[:3] + "." })
	loc := urlStartRe.FindStringIndex(text)
	if loc == nil {
		return text
	}
	head, rest := text[:loc[0]], text[loc[0]:]
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return text
	}
	joined := fields[0]
	used := 1
	for k := 1; k < len(fields); k++ {
		cand := joined + fields[k]
		if !hostLikeRe.MatchString(strings.ReplaceAll(cand, ",", ".")) {
			break
		}
		// A space after a dot, before a piece that cannot end a website
		// as it stands, or before a country code: "acme.co. uk".
		dotted := strings.HasSuffix(joined, ".") || strings.HasSuffix(joined, ",") || strings.HasPrefix(fields[k], ".")
		// A dot read as a space before the last label, where the
		// emails' domain says it is one: "acme.co jp".
		if dotless := joined + "." + fields[k]; !strings.HasSuffix(joined, ".") && tldPieceRe.MatchString(fields[k]) &&
			c.knownDomain(hostOf(strings.ReplaceAll(dotless, ",", "."))) {
			joined, used = dotless, k+1
			continue
		}
		complete := validSuffix(hostOf(strings.ReplaceAll(joined, ",", ".")))
		if dotted && (!complete || tldPieceRe.MatchString(fields[k])) || c.knownDomain(hostOf(strings.ReplaceAll(cand, ",", "."))) {
			joined, used = cand, k+1
			continue
		}
		// Words of the name split by spaces: join as far as the result is
		// a domain the card's emails use.
		ok := false
		for e := k + 1; e <= len(fields) && e <= k+4; e++ {
			cand := joined + strings.Join(fields[k:e], "")
			if c.knownDomain(hostOf(strings.ReplaceAll(cand, ",", "."))) {
				joined, used, ok = cand, e, true
				break
			}
		}
		if !ok {
			break
		}
	}
	// A comma between letters inside the address is a dot.
	var b strings.Builder
	for k, r := range joined {
		if r == ',' && k > 0 && k+1 < len(joined) && isAlnum(rune(joined[k-1])) && isAlnum(rune(joined[k+1])) {
			r = '.'
		}
		b.WriteRune(r)
	}
	out := append([]string{b.String()}, fields[used:]...)
	return head + strings.Join(out, " ")
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// knownDomain says whether host is, or ends with, the domain of an email
// already read from the card.
func (c *card) knownDomain(host string) bool {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for _, f := range c.found {
		if f.Kind != FieldEmail {
			continue
		}
		_, d, _ := strings.Cut(f.Value, "@")
		if d != "" && (host == d || strings.HasSuffix(d, "."+host) || strings.HasSuffix(host, "."+d)) {
			return true
		}
	}
	return false
}

// hostOf returns the host of a website as printed: no scheme, no path.
func hostOf(s string) string {
	h := strings.ToLower(s)
	for _, p := range []string{"https://", "http://"} {
		h = strings.TrimPrefix(h, p)
	}
	h, _, _ = strings.Cut(h, "/")
	return strings.TrimRight(h, ".")
}

func (c *card) takeWebsites(i int, text string) string {
	text = c.fixURLText(text)
	// Words shaped like a host: an l read twice undone, and one that is a
	// letter away from the email's domain mended, as its suffix may be
	// one no matcher knows ("acme.exampel").
	words := strings.Fields(text)
	for k, w := range words {
		if !strings.Contains(w, ".") || strings.Contains(w, "@") {
			continue
		}
		w = doubledL(w)
		if h := hostOf(w); hostLikeRe.MatchString(w) && !validSuffix(h) {
			if near := c.nearDomain(h); near != "" {
				w = replaceHost(w, near)
			}
		}
		words[k] = w
	}
	if joined := strings.Join(words, " "); joined != strings.Join(strings.Fields(text), " ") {
		text = joined
	}
	// Match on a lower-cased copy: a card may print its website in
	// capitals. ASCII lower-casing keeps the byte offsets.
	lower := asciiLower(text)
	for _, m := range urlRe.FindAllStringIndex(lower, -1) {
		raw := strings.TrimRight(text[m[0]:m[1]], ".,;:")
		if strings.Contains(raw, "@") || m[0] > 0 && text[m[0]-1] == '@' {
			continue
		}
		if !looksLikeWebsite(raw) {
			continue
		}
		host := hostOf(raw)
		if fixed := fixSuffix(host); fixed != host {
			raw = replaceHost(raw, fixed)
			host = fixed
		}
		c.addDomain(host)
		c.add(i, FieldWebsite, lowerHost(raw), "")
		if c.knownDomain(host) {
			c.reason("a website, the email's domain")
		} else {
			c.reason("a website address")
		}
		text = text[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + text[m[1]:]
	}
	return text
}

// lowerHost writes the scheme and the host of the website raw in small
// letters, as browsers and phones show them ("WWW.ACME.COM/Shop" is
// "www.acme.com/Shop"): they mean the same in any case, and a card's
// capitals, or a reading's ("httpS://", "cO.jp"), are not kept. The path
// may mean another page in another case and is left as read.
func lowerHost(raw string) string {
	scheme, host, path := urlParts(raw)
	return asciiLower(scheme+host) + path
}

// urlParts splits the website raw into its scheme with its "://" ("" if
// none), its host, and the path from its first slash ("" if none).
func urlParts(raw string) (scheme, host, path string) {
	if k := strings.Index(raw, "://"); k >= 0 {
		scheme, raw = raw[:k+3], raw[k+3:]
	}
	if k := strings.IndexByte(raw, '/'); k >= 0 {
		return scheme, raw[:k], raw[k:]
	}
	return scheme, raw, ""
}

func asciiLower(s string) string {
	b := []byte(s)
	for k, ch := range b {
		if 'A' <= ch && ch <= 'Z' {
			b[k] = ch + 'a' - 'A'
		}
	}
	return string(b)
}

// replaceHost puts host in place of the host in the website raw, keeping
// its scheme, "www." and path.
func replaceHost(raw, host string) string {
	scheme, old, path := urlParts(raw)
	if strings.HasPrefix(strings.ToLower(old), "www.") && !strings.HasPrefix(host, "www.") {
		host = old[:4] + host
	}
	return scheme + host + path
}

var tldRe = regexp.MustCompile(`(?i)\.(com|org|net|edu|gov|io|co|biz|info|me|us|uk|sg|au|be|jp|br|de|fr|nl|ca|in|ai|app|dev|tech|ch|es|it|vn|cn|kr|tw|hk|nz|eu|ie|dk|fi|pl|pt|mx|za|ru|cz|sk|hr|si|rs|ba|tr|at|se|hu|ro|gr|bg|lt|lv|ee|lu|ae|qa|my|th|ph|ar|cl|pe|ua|example|test)(?:\.[a-z]{2})?(?:/|$)`)

// looksLikeWebsite rejects what xurls's relaxed matcher takes for a host
// but a card means otherwise, like "Co.Ltd" or "St.Louis": a website
// either says so ("www.", a scheme) or ends in a common top-level domain.
func looksLikeWebsite(s string) bool {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "http") || strings.HasPrefix(l, "www.") {
		return true
	}
	return tldRe.MatchString(l)
}

// validSuffix says whether host ends in a public suffix that ICANN
// delegates, such as "com" or "co.jp", or in a top-level domain reserved
// for examples (RFC 2606), as specimen and template cards use.
func validSuffix(host string) bool {
	if !strings.Contains(host, ".") {
		return false
	}
	if tld := host[strings.LastIndex(host, ".")+1:]; tld == "example" || tld == "test" {
		return true
	}
	_, icann := publicsuffix.PublicSuffix(host)
	return icann
}

// fixSuffix mends a domain whose last label OCR garbled with a stray
// letter: "acme.co.ijp" for "acme.co.jp". It leaves a valid domain, and
// one it cannot mend, as it is.
func fixSuffix(host string) string {
	if host == "" || validSuffix(host) {
		return host
	}
	k := strings.LastIndex(host, ".")
	if k < 0 {
		return host
	}
	stem, tld := host[:k], host[k+1:]
	for _, cand := range []string{strings.TrimLeft(tld, "il1|"), strings.TrimRight(tld, "il1|.")} {
		if cand != tld && len(cand) >= 2 && validSuffix(stem+"."+cand) && tldRe.MatchString("."+cand) {
			return stem + "." + cand
		}
	}
	return host
}

// reconcileDomains makes a card's websites and email domains agree where
// OCR misread one of them: a card's website and its emails nearly always
// share the domain. A domain with a suffix that does not exist, or one
// that only differs by letters OCR confuses (1 and l and i, 0 and o), is
// replaced by the other reading: the valid one, or else the one read with
// more confidence. So is a domain cut short of its last label
// ("acme.co" beside "acme.co.jp"), and one whose country code names
// another country than the card's (country, from its numbers and
// address; "" when unknown) where the other's names the card's.
func (c *card) reconcileDomains(country string) {
	for wi := range c.found {
		w := &c.found[wi]
		if w.Kind != FieldWebsite {
			continue
		}
		host := strings.TrimPrefix(hostOf(w.Value), "www.")
		for ei := range c.found {
			e := &c.found[ei]
			if e.Kind != FieldEmail {
				continue
			}
			local, dom, _ := strings.Cut(e.Value, "@")
			if dom == host || dom == "" {
				continue
			}
			hostOK, domOK := validSuffix(host), validSuffix(dom)
			switch {
			case domOK && bareSuffix(host) && strings.HasSuffix(dom, "."+host):
				// The website's name lost, its suffix left: "com.sg".
				w.Value = replaceHost(w.Value, dom)
				host = dom
			case !hostOK && domOK && sameStem(host, dom):
				w.Value = replaceHost(w.Value, dom)
				host = dom
			case hostOK && !domOK && sameStem(host, dom):
				e.Value = local + "@" + host
			case hostOK && domOK && len(host) == len(dom) && confusable(host) == confusable(dom):
				if e.Conf >= w.Conf {
					w.Value = replaceHost(w.Value, dom)
					host = dom
				} else {
					e.Value = local + "@" + host
				}
			case hostOK && domOK && cutShort(host, dom):
				e.Value = local + "@" + host
			case hostOK && domOK && cutShort(dom, host):
				w.Value = replaceHost(w.Value, dom)
				host = dom
			case hostOK && domOK && suffixSlip(dom, host, country):
				w.Value = replaceHost(w.Value, dom)
				host = dom
			case hostOK && domOK && suffixSlip(host, dom, country):
				e.Value = local + "@" + host
			case hostOK && domOK && schemeGlued(host, dom):
				w.Value = replaceHost(w.Value, dom)
				host = dom
			}
		}
	}
}

// bareSuffix says whether host is a public suffix alone, a domain's
// ending with no name before it: "com.sg", "co.uk".
func bareSuffix(host string) bool {
	suffix, _ := publicsuffix.PublicSuffix(host)
	return suffix == host
}

// schemeGlued says whether host is domain dom with a website's scheme or
// its www, misread, glued in front: "hmpsirifaor.pt" for https://rifaor.pt.
// A subdomain is parted from its domain by a dot.
func schemeGlued(host, dom string) bool {
	prefix, ok := strings.CutSuffix(host, dom)
	return ok && len(prefix) >= 3 && len(prefix) <= 7 && !strings.Contains(prefix, ".") && strings.ContainsRune("hw", rune(prefix[0]))
}

// cutShort says whether domain short is domain full read without its
// last label, a country code: "acme.co" for "acme.co.jp", where the
// reading stopped at a misread letter ("acme.co.]p").
func cutShort(full, short string) bool {
	k := strings.LastIndex(full, ".")
	return k > 0 && full[:k] == short && len(full)-k-1 == 2 && strings.Contains(short, ".")
}

// suffixSlip says whether domain right and domain wrong differ only in
// their last labels, right's a country code of the card's country and
// wrong's another country's code at most two letters away: "acme.ne.jp"
// and "acme.ne.io" on a card whose numbers are dialled in Japan.
func suffixSlip(right, wrong, country string) bool {
	kr, kw := strings.LastIndex(right, "."), strings.LastIndex(wrong, ".")
	if country == "" || kr < 0 || kw < 0 || right[:kr] != wrong[:kw] {
		return false
	}
	rt, wt := right[kr+1:], wrong[kw+1:]
	return len(rt) == 2 && len(wt) == 2 && rt != wt && countryOfTLD(rt) == country &&
		countryOfTLD(wt) != "" && editDistance(rt, wt) <= 2
}

// countryOfTLD is the country a two-letter top-level domain is the code
// of ("GB" for uk), or "".
func countryOfTLD(tld string) string {
	if r, ok := tldRegions[tld]; ok {
		return r
	}
	if len(tld) == 2 && phonenumbers.GetCountryCodeForRegion(strings.ToUpper(tld)) != 0 {
		return strings.ToUpper(tld)
	}
	return ""
}

// sameStem says whether two domains agree but for their last label, or
// one is the other with a last label missing.
func sameStem(a, b string) bool {
	stem := func(s string) string {
		if k := strings.LastIndex(s, "."); k >= 0 {
			return s[:k]
		}
		return s
	}
	return stem(a) == stem(b) || stem(a) == b || a == stem(b)
}

// confusable maps the letters OCR confuses to one of each kind.
func confusable(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '1', 'l', 'i', 'I', '|', '!', 'j':
			return 'i'
		case '0', 'o', 'O':
			return 'o'
		case '5', 's':
			return 's'
		}
		return r
	}, strings.ReplaceAll(s, "rn", "m"))
}

func (c *card) addDomain(host string) {
	host = strings.TrimPrefix(host, "www.")
	c.hosts = append(c.hosts, host)
	if lab, ok := domainLabel(host); ok {
		c.domains = append(c.domains, lab)
	}
}

// domainLabel is the first telling label of host, one of three letters
// or more that is no generic one: "acme" for mail.acme.co.uk.
func domainLabel(host string) (string, bool) {
	for _, lab := range strings.Split(strings.TrimPrefix(host, "www."), ".") {
		if len(lab) >= 3 && !genericLabels[lab] {
			return lab, true
		}
	}
	return "", false
}

var genericLabels = map[string]bool{"com": true, "org": true, "net": true, "edu": true, "gov": true,
	"gmail": true, "yahoo": true, "hotmail": true, "outlook": true, "aol": true, "icloud": true, "mail": true,
	"live": true, "msn": true, "protonmail": true, "proton": true, "qq": true, "naver": true, "googlemail": true}

// badParenRe finds a country code whose last digit OCR read as a bracket:
// "+8) 3" for "+81 3".
var badParenRe = regexp.MustCompile(`^\+\s?(\d{1,2})\)`)

// mendCountryCode puts back the digit of a country code that OCR read as
// a bracket, "+8) 3 5555 0100": the digit that makes the number valid,
// if only one does, or the one that makes it a number of region, the
// card's country. Otherwise raw is returned as it is.
func mendCountryCode(raw, region string) string {
	m := badParenRe.FindStringSubmatchIndex(raw)
	if m == nil {
		return raw
	}
	var valid []string
	for d := '0'; d <= '9'; d++ {
		cand := "+" + raw[m[2]:m[3]] + string(d) + raw[m[1]:]
		if n, ok := validNumber(cand, "ZZ"); ok {
			if phonenumbers.GetRegionCodeForNumber(n) == region {
				return cand
			}
			valid = append(valid, cand)
		}
	}
	if len(valid) == 1 {
		return valid[0]
	}
	return raw
}

// leftNeighbour returns the line printed just left of line i on the same
// row, where a card may set the labels of its numbers in a column of their
// own, or -1.
func (c *card) leftNeighbour(i int) int {
	b := c.lines[i].Box
	best, bestGap := -1, int(6*c.height)
	for j, l := range c.lines {
		a := l.Box
		if j == i || a.Dx() == 0 || b.Dx() == 0 || a.Max.X > b.Min.X+2 || a.Min.X >= b.Min.X {
			continue
		}
		if !sameRow(a, b) {
			continue
		}
		if gap := b.Min.X - a.Max.X; gap < bestGap {
			best, bestGap = j, gap
		}
	}
	return best
}

// takePhones takes the phone numbers out of line i's text; left is the
// text printed just left of the line, which may hold the label of a number
// that starts the line.
func (c *card) takePhones(i int, text, left string) string {
	for _, m := range phoneRe.FindAllStringIndex(text, -1) {
		raw := strings.TrimSpace(text[m[0]:m[1]])
		raw = strings.TrimRight(raw, " -./(")
		if !strings.Contains(raw, "(") {
			raw = mendCountryCode(raw, c.region)
		}
		end := m[1] + rangeEnd(text[m[1]:])
		before, after := text[:m[0]], text[end:]
		if strings.TrimSpace(before) == "" {
			before = left + " "
		}
		if jpPostcodeRe.MatchString(raw) && c.region == "JP" || strings.HasSuffix(strings.TrimSpace(before), "〒") {
			// A Japanese postcode: Japan's numbers all have an area
			// code. After the postal mark, even misread: down a
			// column its dash is a bar, read as I ("〒1051I0011").
			continue
		}
		kind := labelKind(before)
		if kind == "other" {
			continue
		}
		// An icon read as a letter labels the number as a detail, but not
		// its kind: "m" for ■ is no mobile's label.
		icon := c.icons[strings.ToLower(strings.TrimSpace(before))]
		if icon {
			kind = ""
		}
		phoneFax := phoneFaxLabel.MatchString(before)
		numbers := []string{raw}
		if n := len(digitsOf(raw)); n > 15 || !isPhone(raw, digitsOf(raw), kind != "" || icon, c.region) {
			numbers = splitNumbers(raw, c.region)
			if numbers == nil {
				continue
			}
		}
		for k, num := range numbers {
			nk := kind
			if k > 0 {
				nk = ""
			}
			// A label after the last number, at the end of the line.
			if k == len(numbers)-1 && nk == "" {
				switch {
				case faxAfter.MatchString(after):
					nk = "fax"
				case mobileAfter.MatchString(after):
					nk = "mobile"
				}
			}
			if nk == "" {
				nk = "work"
				if typ, ok := numberType(num, c.region); ok && typ == phonenumbers.MOBILE {
					nk = "mobile"
				}
			}
			label := kind // what the label before the number said
			if k == 0 && phoneFax {
				label = phoneAndFax
			}
			why := c.phoneReason(num, label, nk)
			mended := false
			if fixed, ok := leadingZero(num, c.region); ok {
				why = c.phoneReason(fixed, label, nk) + ", its first 0 read as a " + digitsOf(num)[:1]
				num, mended = fixed, true
			} else if fixed, ok := dashesMended(num, c.region); ok {
				why = c.phoneReason(fixed, label, nk) + ", a dash read as 1"
				num, mended = fixed, true
			}
			if c.addPhone(i, trimPhone(num), nk, why) {
				if mended {
					f := &c.found[len(c.found)-1]
					f.Conf = min(f.Conf, LowConfidence-1)
				}
				if kind == "" && nk == "work" {
					c.bare = append(c.bare, len(c.found)-1)
				}
			}
		}
		text = text[:m[0]] + strings.Repeat(" ", end-m[0]) + text[end:]
	}
	return text
}

// leadingZero mends a national number whose first 0 was read as a 9, an 8
// or a 6 ("93-1234-5678" for "03-1234-5678", "97400 123262" for "07400
// 123262"), in a country whose national numbers start with a trunk 0
// (Japan, Britain, Germany, France...): a number printed there without
// its country code starts with one, and with a 0 for its first digit it
// is valid. A number given with its country code is left.
func leadingZero(num, region string) (string, bool) {
	t := strings.TrimLeft(num, " (")
	if t == "" || !strings.ContainsRune("986", rune(t[0])) || phonenumbers.GetNddPrefixForRegion(region, true) != "0" {
		return num, false
	}
	i := len(num) - len(t)
	fixed := num[:i] + "0" + num[i+1:]
	if _, ok := validNumber(fixed, region); !ok {
		return num, false
	}
	return fixed, true
}

// validNumber parses s, a number dialled in region ("ZZ" when it must
// carry its country code), and says whether it is a valid number.
func validNumber(s, region string) (*phonenumbers.PhoneNumber, bool) {
	n, err := phonenumbers.Parse(s, region)
	return n, err == nil && phonenumbers.IsValidNumber(n)
}

// dashesMended mends a national number whose dashes were read as 1s,
// or with a 1 beside them ("03-11234-15679" for "03-1234-5679"): down a
// column of a card printed down its height a dash is a bar, read as 1.
// A 1 beside a dash is taken off, or a 1 taken for the dash, at most
// twice, where the number is then valid and written exactly as its
// country writes it. A valid number is left.
func dashesMended(num, region string) (string, bool) {
	if !strings.Contains(num, "-") {
		return num, false
	}
	if _, ok := validNumber(num, region); ok {
		return num, false
	}
	written := func(s string) bool {
		n, ok := validNumber(s, region)
		return ok && phonenumbers.Format(n, phonenumbers.NATIONAL) == s
	}
	edits := func(s string) []string {
		var out []string
		for i := range len(s) {
			if s[i] != '1' {
				continue
			}
			if i > 0 && s[i-1] == '-' || i+1 < len(s) && s[i+1] == '-' {
				out = append(out, s[:i]+s[i+1:])
			}
			out = append(out, s[:i]+"-"+s[i+1:])
		}
		return out
	}
	for _, a := range edits(num) {
		if written(a) {
			return a, true
		}
		for _, b := range edits(a) {
			if written(b) {
				return b, true
			}
		}
	}
	return num, false
}

// trimPhone trims spaces and brackets that do not pair up from the ends
// of a number: "(415) 555-0100" keeps its brackets, "555-0100)" does not.
func trimPhone(s string) string {
	for {
		t := strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(t, "(") && !strings.Contains(t, ")"):
			t = t[1:]
		case strings.HasSuffix(t, ")") && !strings.Contains(t, "("):
			t = t[:len(t)-1]
		case strings.HasPrefix(t, ")"):
			t = t[1:]
		case strings.HasSuffix(t, "("):
			t = t[:len(t)-1]
		}
		if t == s {
			return t
		}
		s = t
	}
}

// rangeEnd is the length of the end of a range of numbers that after,
// the text after a number, starts with ("4000 1230 to 1231": " to 1231"),
// or 0: the range's last number is no text of its own. A number that
// goes on ("a 2345-6790", another number in full) is not a range's end.
func rangeEnd(after string) int {
	r := rangeEndRe.FindStringIndex(after)
	if r == nil {
		return 0
	}
	if rest := strings.TrimLeft(after[r[1]:], " "); rest != "" && strings.ContainsAny(rest[:1], "0123456789-.–/") {
		return 0
	}
	return r[1]
}

// phoneAndFax is the label of one number for the phone and the fax
// ("Tel/Fax:"), as phoneReason tells it: its kind is "work".
const phoneAndFax = "phone and fax"

// labelKind reads the label just before a number: "fax", "mobile",
// "work", "other" for a number that is not a phone's (a tax code), or "".
func labelKind(before string) string {
	switch {
	case phoneFaxLabel.MatchString(before):
		return "work"
	case faxLabel.MatchString(before):
		return "fax"
	case mobileLabel.MatchString(before):
		return "mobile"
	case phoneLabel.MatchString(before):
		return "work"
	case otherNumberLabel.MatchString(before):
		return "other"
	}
	return ""
}

// splitNumbers splits a run of digits that holds two phone numbers printed
// one after the other ("555 0100 555 0101" read as one run) at the space
// where both halves are valid numbers. It returns nil when there is no
// such place.
func splitNumbers(raw, region string) []string {
	idx := []int{}
	for k, r := range raw {
		if r == ' ' || r == '/' {
			idx = append(idx, k)
		}
	}
	var best []string
	bestScore := 0
	for _, k := range idx {
		a, b := strings.TrimSpace(raw[:k]), strings.Trim(raw[k+1:], " /")
		da, db := digitsOf(a), digitsOf(b)
		if len(da) < 7 || len(db) < 7 {
			continue
		}
		score := 0
		for _, s := range []string{a, b} {
			num, err := phonenumbers.Parse(s, region)
			if err != nil {
				score = -1
				break
			}
			switch {
			case phonenumbers.IsValidNumber(num):
				score += 2
			case phonenumbers.IsPossibleNumber(num):
				score++
			}
		}
		if score > bestScore {
			best, bestScore = []string{a, b}, score
		}
	}
	if bestScore < 2 {
		return nil
	}
	return best
}

// isPhone decides whether a run of digits is a phone number: long enough,
// or labelled as one, and possible for libphonenumber.
func isPhone(raw, digits string, labelled bool, region string) bool {
	n := len(digits)
	if n < 7 || n > 15 {
		return false
	}
	num, err := phonenumbers.Parse(raw, region)
	if err != nil {
		return n >= 9 && labelled
	}
	// A number valid where the card's numbers are dialled is one, with a
	// label or without.
	if phonenumbers.IsValidNumber(num) {
		return true
	}
	if n < 9 && !labelled && !strings.HasPrefix(raw, "+") {
		return false
	}
	return phonenumbers.IsPossibleNumber(num) || labelled
}

func numberType(raw, region string) (phonenumbers.PhoneNumberType, bool) {
	num, ok := validNumber(raw, region)
	if !ok {
		return 0, false
	}
	return phonenumbers.GetNumberType(num), true
}

// addPhone records a phone, once: a number printed twice, or read twice,
// is one number. It says whether the phone was new.
func (c *card) addPhone(i int, number, kind, why string) bool {
	d := digitsOf(number)
	for _, f := range c.found {
		if f.Kind == FieldPhone && digitsOf(f.Value) == d {
			return false
		}
	}
	c.add(i, FieldPhone, number, kind)
	c.reason(why)
	return true
}

// faxBesidePhone takes the second of two landline numbers printed side by
// side on one row, in one area and with no label, for a fax: that is how
// a card sets its phone and fax behind icons, which are read as specks
// rather than as labels. Two such numbers with words for labels say what
// they are; so does a mobile number.
func (c *card) faxBesidePhone() {
	for _, a := range c.bare {
		if c.found[a].Box.Empty() {
			continue // where the number was is not known
		}
		var beside []int
		for _, b := range c.bare {
			if b != a && !c.found[b].Box.Empty() && sameRow(c.found[a].Box, c.found[b].Box) {
				beside = append(beside, b)
			}
		}
		if len(beside) != 1 {
			continue
		}
		b := beside[0]
		fa, fb := c.found[a], c.found[b]
		if fb.Box.Min.X < fa.Box.Max.X || !sameArea(fa.Value, fb.Value, c.region) {
			continue
		}
		c.found[b].PhoneKind = "fax"
		c.found[b].Reason = "fax: the second of two numbers of one area side by side, with icons for labels; " + fb.Reason
	}
}

// faxUnderPhone takes for a fax the last number of a card that labels its
// numbers with icons (or not at all), printed under another one of the
// same exchange: a card prints its fax's icon, which reads as a letter
// like any other, under the office number it shares all but the last
// digits with ("+385 1 2345 079" over "+385 1 2345 647"). It is marked
// for review: a direct line is printed so too. Cards with a fax
// labelled, or with words for labels, are left alone.
func (c *card) faxUnderPhone() {
	if len(c.bare) < 2 || slices.ContainsFunc(c.found, func(f Field) bool { return f.Kind == FieldPhone && f.PhoneKind == "fax" }) {
		return
	}
	last := c.bare[len(c.bare)-1]
	for _, f := range c.found[last+1:] {
		if f.Kind == FieldPhone {
			return // a number with a label was printed after it
		}
	}
	fb := c.found[last]
	for _, a := range c.bare[:len(c.bare)-1] {
		fa := c.found[a]
		if fa.Box.Empty() || fb.Box.Empty() || fb.Box.Min.Y <= fa.Box.Max.Y || !sameExchange(fa.Value, fb.Value, c.region) {
			continue
		}
		f := &c.found[last]
		f.PhoneKind = "fax"
		f.Reason = "fax: printed under an office number it shares all but its last digits with, icons for labels; " + fb.Reason
		f.Conf = min(f.Conf, LowConfidence-1)
		return
	}
}

// sameExchange says whether a and b are landline numbers of one area
// (see sameArea) that differ only in their last four digits. A number
// that may be a mobile as well (as any in North America) is none: a
// mobile shares a 555 office number's first digits on the invented
// cards.
func sameExchange(a, b, region string) bool {
	if !sameArea(a, b, region) {
		return false
	}
	for _, s := range []string{a, b} {
		if n, err := phonenumbers.Parse(s, region); err != nil || phonenumbers.GetNumberType(n) != phonenumbers.FIXED_LINE {
			return false
		}
	}
	da, db := digitsOf(a), digitsOf(b)
	return len(da) == len(db) && len(da) > 4 && da[:len(da)-4] == db[:len(db)-4]
}

// sameRow says whether boxes a and b sit on one row of text: their
// vertical centres are within half the lower one's height.
func sameRow(a, b image.Rectangle) bool {
	ca, cb := (a.Min.Y+a.Max.Y)/2, (b.Min.Y+b.Max.Y)/2
	return abs(ca-cb) < max(1, min(a.Dy(), b.Dy())/2)
}

// sameArea says whether a and b are valid landline numbers of one
// country with the same area code.
func sameArea(a, b, region string) bool {
	var nsn [2]string
	var area int
	for k, s := range []string{a, b} {
		n, ok := validNumber(s, region)
		if !ok {
			return false
		}
		switch phonenumbers.GetNumberType(n) {
		case phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE:
		default:
			return false
		}
		l := phonenumbers.GetLengthOfGeographicalAreaCode(n)
		if l == 0 || k == 1 && l != area {
			return false
		}
		area = l
		nsn[k] = strconv.Itoa(int(n.GetCountryCode())) + " " + phonenumbers.GetNationalSignificantNumber(n)
	}
	cc := strings.Index(nsn[0], " ") + 1
	return nsn[0][:cc+area] == nsn[1][:cc+area] && nsn[0] != nsn[1]
}

// phoneReason says why a number was taken for a phone of kind: its label
// (a kind, or phoneAndFax), and whether it is valid where the card's
// numbers are dialled.
func (c *card) phoneReason(num, label, kind string) string {
	var why []string
	switch {
	case label == phoneAndFax:
		why = append(why, "labelled as phone and fax")
	case label != "" && kind == "work":
		why = append(why, "labelled as a phone")
	case label != "":
		why = append(why, "labelled "+kind)
	case kind != "work":
		why = append(why, kind)
	}
	if n, ok := validNumber(num, c.region); ok {
		where := phonenumbers.GetRegionCodeForNumber(n)
		v := "a valid number in " + where
		if c.regionWhy != "" && where == c.region && !strings.HasPrefix(strings.TrimSpace(num), "+") {
			v += " (" + c.regionWhy + ")"
		}
		why = append(why, v)
	} else {
		why = append(why, "digits laid out as a phone number")
	}
	return strings.Join(why, ", ")
}

// reason sets why the field found last was chosen.
func (c *card) reason(why string) {
	if len(c.found) > 0 {
		c.found[len(c.found)-1].Reason = why
	}
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// add records a field read from line i.
func (c *card) add(i int, kind FieldKind, value, phoneKind string) {
	l := c.lines[i]
	c.found = append(c.found, Field{Kind: kind, Value: value, PhoneKind: phoneKind, Conf: l.Conf, Box: boxOf(l, value)})
}

// boxOf narrows a line's box to the words that make up value, so that the
// review shows where a field came from, not the whole line.
func boxOf(l Line, value string) image.Rectangle {
	var r image.Rectangle
	v := strings.ToLower(strings.ReplaceAll(value, " ", ""))
	for _, w := range l.Words {
		t := strings.ToLower(strings.Trim(w.Text, " ,;:|"))
		if len(t) >= 2 && strings.Contains(v, t) || len(t) >= 4 && strings.Contains(t, v) {
			if r.Empty() {
				r = w.Box
			} else {
				r = r.Union(w.Box)
			}
		}
	}
	if r.Empty() {
		return l.Box
	}
	return r
}

// digitSlips are the characters OCR reads for a digit in print: for a 0
// or a 1 most, and on small print a G for a 6, an S for a 5, a B for an 8
// and a Z for a 2.
var digitSlips = map[rune]rune{'O': '0', 'o': '0', 'D': '0', '@': '0', 'Q': '0', 'l': '1', 'I': '1', '|': '1', 'i': '1', 'G': '6', 'S': '5', 'B': '8', 'Z': '2'}

// fixDigitSlips puts back the digits OCR read as letters inside a phone
// number: "(@2) 5550 0100" is "(02) 5550 0100". A character is only
// changed where it stands between digits or a digit and a bracket or
// dash, in a line that holds enough digits to be a number.
func fixDigitSlips(s string) string {
	if len(digitsOf(s)) < 6 {
		return s
	}
	rs := []rune(s)
	isDigitish := func(i int) bool {
		return i >= 0 && i < len(rs) && (unicode.IsDigit(rs[i]) || strings.ContainsRune("()-", rs[i]))
	}
	for i, r := range rs {
		d, ok := digitSlips[r]
		if !ok {
			continue
		}
		switch {
		case isDigitish(i-1) && isDigitish(i+1) && (unicode.IsDigit(rs[i-1]) || unicode.IsDigit(rs[i+1])):
			rs[i] = d
		case (i == 0 || unicode.IsSpace(rs[i-1]) || rs[i-1] == ':') && i+2 < len(rs) && unicode.IsDigit(rs[i+1]) &&
			len(digitsOf(runUntilSpace(rs[i+1:]))) >= 6:
			// The first digit of a number: "Q3-1234-5678".
			rs[i] = d
		}
	}
	return string(rs)
}

// runUntilSpace returns the run of digits and separators at the start of
// rs, as a number printed "03-1234-5678" or "03 1234 5678" continues.
func runUntilSpace(rs []rune) string {
	k := 0
	for k < len(rs) && (unicode.IsDigit(rs[k]) || strings.ContainsRune(" -().", rs[k])) {
		k++
	}
	return string(rs[:k])
}

func sortStable(fs []Field, less func(a, b Field) bool) {
	sort.SliceStable(fs, func(i, j int) bool { return less(fs[i], fs[j]) })
}
