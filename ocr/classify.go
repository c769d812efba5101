package ocr

import (
	"image"
	"net/mail"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
	"mvdan.cc/xurls/v2"
)

// DefaultRegion is the country assumed for phone numbers printed without
// a country code (ISO 3166 code).
var DefaultRegion = "US"

// Classify decides what each line of a card is. lines come from an engine,
// in reading order; size is the size of the card image the boxes are on.
// It returns the fields found, each with the confidence and box of the
// text it came from: at most one name, title, company and address, any
// number of phones, emails and websites, and a note with what is left.
func Classify(lines []Line, size image.Point) []Field {
	c := newCard(lines, size)
	c.findContacts()
	c.findAddress()
	c.findCompanyTitleName()
	return c.fields()
}

// part is a line, or the piece of one, still to be classified.
type part struct {
	line   int // index into card.lines
	text   string
	kind   FieldKind
	weight float64 // how sure the classification is; for ranking
}

type card struct {
	lines  []Line
	size   image.Point
	height float64 // median line height, the unit for "large" and "small"

	parts   []part // text left on each line once contact details are taken
	found   []Field
	domains []string // labels of email and website domains, e.g. "acme"
	locals  []string // email local parts
}

func newCard(lines []Line, size image.Point) *card {
	c := &card{lines: lines, size: size}
	var hs []int
	for _, l := range lines {
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

// lineHeight is the median height of a line's words, which is steadier
// than the line's box when a descender or a speck stretches it.
func lineHeight(l Line) int {
	if len(l.Words) == 0 {
		return l.Box.Dy()
	}
	hs := make([]int, 0, len(l.Words))
	for _, w := range l.Words {
		hs = append(hs, w.Box.Dy())
	}
	sort.Ints(hs)
	return hs[len(hs)/2]
}

var (
	emailRe = regexp.MustCompile(`[\p{L}0-9._%+\-]+ ?@ ?[\p{L}0-9\-]+(?:\. ?[\p{L}0-9\-]+)*\.[A-Za-z]{2,}`)
	urlRe   = xurls.Relaxed()
	// A run of digits with the separators phone numbers are printed with.
	phoneRe = regexp.MustCompile(`(?:\+ ?)?\(?\d[\d ()./\-–]{5,}\d(?:\s*(?:ext\.?|x|#)\s*\d{1,5})?`)

	// Labels printed before a phone number, an email or a website.
	faxLabel    = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(])(?:fax|facsimile|f)\s*[.:)]?\s*$`)
	mobileLabel = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(])(?:mobile|mob|cell|cellular|m|c|hp|handphone|gsm)\s*[.:)]?\s*$`)
	phoneLabel  = regexp.MustCompile(`(?i)(?:^|[\s|:;,.(])(?:tel|telephone|phone|ph|p|t|direct|dir|d|office|off|o|main|work|w|voice|tél|telefone|fone)\s*[.:)]?\s*$`)
	anyLabel    = regexp.MustCompile(`(?i)^\s*(?:(?:tel|telephone|phone|ph|p|t|direct|dir|d|office|off|o|main|work|w|voice|fax|facsimile|f|mobile|mob|cell|cellular|m|c|hp|handphone|gsm|e-?mail|mail|e|web|website|url|internet|www)\b\s*[.:)]?\s*)+`)
	junkRe      = regexp.MustCompile(`^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}&&[^.)]]+$`)
)

// findContacts takes the phones, emails and websites out of every line.
func (c *card) findContacts() {
	for i, l := range c.lines {
		text := cleanLine(l.Text)
		text = c.takeEmails(i, text)
		text = c.takeWebsites(i, text)
		text = c.takePhones(i, text)
		text = strings.TrimSpace(anyLabel.ReplaceAllString(text, ""))
		text = strings.TrimSpace(junkRe.ReplaceAllString(text, ""))
		if letters(text) >= 2 {
			c.parts = append(c.parts, part{line: i, text: text})
		}
	}
}

// cleanLine undoes the commonest OCR slips that hide contact details.
func cleanLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '|', '¦', '«', '»', '©', '®', '™', '•', '·', '●', '■', '▪':
			return ' '
		case '—', '–':
			return '-'
		case '‘', '’', '`', '´':
			return '\''
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func (c *card) takeEmails(i int, text string) string {
	for _, m := range emailRe.FindAllStringIndex(text, -1) {
		raw := strings.ReplaceAll(text[m[0]:m[1]], " ", "")
		raw = strings.TrimLeft(raw, ".-_")
		addr, err := mail.ParseAddress(raw)
		if err != nil {
			continue
		}
		email := strings.ToLower(addr.Address)
		local, domain, _ := strings.Cut(email, "@")
		c.locals = append(c.locals, local)
		c.addDomain(domain)
		c.add(i, FieldEmail, email, "")
		text = text[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + text[m[1]:]
	}
	return text
}

func (c *card) takeWebsites(i int, text string) string {
	for _, m := range urlRe.FindAllStringIndex(text, -1) {
		raw := strings.TrimRight(text[m[0]:m[1]], ".,;:")
		if strings.Contains(raw, "@") || !looksLikeWebsite(raw) {
			continue
		}
		host := strings.ToLower(raw)
		for _, p := range []string{"https://", "http://"} {
			host = strings.TrimPrefix(host, p)
		}
		host, _, _ = strings.Cut(host, "/")
		c.addDomain(host)
		c.add(i, FieldWebsite, raw, "")
		text = text[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + text[m[1]:]
	}
	return text
}

var tldRe = regexp.MustCompile(`(?i)\.(com|org|net|edu|gov|io|co|biz|info|me|us|uk|sg|au|be|jp|br|de|fr|nl|ca|in|ai|app|dev|tech|ch|es|it|vn|cn|kr|tw|hk|nz|eu)(?:\.[a-z]{2})?(?:/|$)`)

// looksLikeWebsite rejects what xurls's relaxed matcher takes for a host
// but a card means otherwise, like "Co.Ltd" or "St.Louis".
func looksLikeWebsite(s string) bool {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "http") || strings.HasPrefix(l, "www.") {
		return true
	}
	return tldRe.MatchString(l)
}

func (c *card) addDomain(host string) {
	host = strings.TrimPrefix(host, "www.")
	labels := strings.Split(host, ".")
	for _, lab := range labels {
		if len(lab) >= 3 && !genericLabels[lab] {
			c.domains = append(c.domains, lab)
			return
		}
	}
}

var genericLabels = map[string]bool{"com": true, "org": true, "net": true, "edu": true, "gov": true,
	"gmail": true, "yahoo": true, "hotmail": true, "outlook": true, "aol": true, "icloud": true, "mail": true}

func (c *card) takePhones(i int, text string) string {
	for _, m := range phoneRe.FindAllStringIndex(text, -1) {
		raw := strings.TrimSpace(text[m[0]:m[1]])
		raw = strings.TrimRight(raw, " -./(")
		digits := digitsOf(raw)
		before := text[:m[0]]
		kind := ""
		switch {
		case faxLabel.MatchString(before):
			kind = "fax"
		case mobileLabel.MatchString(before):
			kind = "mobile"
		case phoneLabel.MatchString(before):
			kind = "work"
		}
		if !isPhone(raw, digits, kind != "") {
			continue
		}
		if kind == "" {
			kind = "work"
			if typ, ok := numberType(raw); ok && typ == phonenumbers.MOBILE {
				kind = "mobile"
			}
		}
		c.add(i, FieldPhone, strings.Trim(raw, " ()"), kind)
		text = text[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + text[m[1]:]
	}
	return text
}

// isPhone decides whether a run of digits is a phone number: long enough,
// or labelled as one, and possible for libphonenumber.
func isPhone(raw, digits string, labelled bool) bool {
	n := len(digits)
	switch {
	case n < 7 || n > 15:
		return false
	case n < 9 && !labelled && !strings.HasPrefix(raw, "+"):
		return false
	}
	region := DefaultRegion
	num, err := phonenumbers.Parse(raw, region)
	if err != nil {
		return n >= 9 && labelled
	}
	return phonenumbers.IsPossibleNumber(num) || labelled
}

func numberType(raw string) (phonenumbers.PhoneNumberType, bool) {
	num, err := phonenumbers.Parse(raw, DefaultRegion)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return 0, false
	}
	return phonenumbers.GetNumberType(num), true
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

func sortStable(fs []Field, less func(a, b Field) bool) {
	sort.SliceStable(fs, func(i, j int) bool { return less(fs[i], fs[j]) })
}
