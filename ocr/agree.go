package ocr

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"followthrough/contacts"
)

// A card's email, website and name usually agree: jane.doe@acme.com,
// www.acme.com, Jane Doe. Where OCR misread one letter of one of them
// (i for j, q for g, l for I, rn for m, a letter read twice), the others
// tell which reading is right. What still disagrees is marked for review.

// doubledL undoes one slip of fonts whose l has a foot: an l read as "Ll"
// or "lL" in an address printed in small letters, "eLlena@" for
// "elena@". It only applies where the address starts with a small letter
// and its only capitals are such L's.
func doubledL(s string) string {
	r := []rune(s)
	if len(r) == 0 || !unicode.IsLower(r[0]) {
		return s
	}
	for i, ch := range r {
		if unicode.IsUpper(ch) && (ch != 'L' || !(i > 0 && r[i-1] == 'l' || i+1 < len(r) && r[i+1] == 'l')) {
			return s
		}
	}
	s = strings.ReplaceAll(s, "Ll", "l")
	return strings.ReplaceAll(s, "lL", "l")
}

// editDistance is the number of letters to change, add or drop to make a
// into b (Levenshtein), counting "rn" and "m" as one letter apart.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// nearDomain returns the domain of an email on the card that host is one
// letter away from, "quillvale.examplle" for quillvale.example, or "".
// So is the domain host was cut short of in its last label, with at most
// one letter misread besides: "quilivale.a" for quillvale.ai, where the
// reading of the line dropped its last letter (see rereadCutDomains).
func (c *card) nearDomain(host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for _, f := range c.found {
		if f.Kind != FieldEmail {
			continue
		}
		_, d, _ := strings.Cut(f.Value, "@")
		if len(d) < 6 || d == host {
			continue
		}
		if oneSlip(host, d) {
			return d
		}
		if n := len(host); strings.Contains(host, ".") && n < len(d) && utf8.RuneStart(d[n]) && !strings.Contains(d[n:], ".") &&
			(d[:n] == host || oneSlip(host, d[:n])) {
			return d
		}
	}
	return ""
}

// oneSlip says whether a and b differ by one misread letter: one letter
// changed, added or dropped, or letters OCR confuses.
func oneSlip(a, b string) bool {
	return editDistance(a, b) == 1 || len(a) == len(b) && confusable(a) == confusable(b) ||
		strings.ReplaceAll(a, "rn", "m") == b || strings.ReplaceAll(b, "rn", "m") == a
}

// mendByAgreement makes the email's local part and the name agree where
// a word of one is one misread letter away from the other's: the one read
// with less confidence takes the other's letter, and is marked for
// review. It also marks for review the emails and websites whose domains
// are one letter apart and could not be told right from wrong.
func (c *card) mendByAgreement() {
	name := -1
	for i, f := range c.found {
		if f.Kind == FieldName {
			name = i
		}
	}
	for i := range c.found {
		f := &c.found[i]
		if f.Kind != FieldEmail {
			continue
		}
		local, dom, _ := strings.Cut(f.Value, "@")
		var nameWords []string
		if name >= 0 {
			nameWords = strings.Fields(c.found[name].Value)
		}
		// mendName puts word in the name in place of its k-th word, and
		// marks the name for review, saying why.
		mendName := func(k int, word, why string) {
			n := &c.found[name]
			nameWords[k] = word
			n.Value = strings.Join(nameWords, " ")
			if !c.opts.KeepNameCase {
				n.Value = contacts.NameCase(n.Value)
			}
			n.Reason += why
			n.Conf = min(n.Conf, LowConfidence-1)
		}
		// Letters the English model reads for another whatever the
		// confidence, mended in the name first, so the email is not
		// mended to the misread name: the email is right.
		pieces := localPieces(asciiLower(local))
		for k, nw := range nameWords {
			for _, slip := range emailSlips {
				if mended, ok := slip.mend(nw, pieces); ok {
					mendName(k, mended, ", "+slip.why+", mended to agree with the email")
					break
				}
			}
		}
		// A name in kanji is checked through its romaji, the phonetic
		// name.
		for _, words := range [][]string{nameWords, c.phoneticWords()} {
			if rest := unlabelled(local, words); rest != local {
				local = rest
				f.Reason += ", its label taken off"
				f.Conf = min(f.Conf, LowConfidence-1)
			}
			if mended := mendInitialed(local, words); mended != local {
				local = mended
				f.Reason += ", one letter mended to agree with the name"
				f.Conf = min(f.Conf, LowConfidence-1)
			}
			if mended := mendNumberAfterName(local, words); mended != local {
				local = mended
				f.Reason += ", a 1 read as l after the name mended"
				f.Conf = min(f.Conf, LowConfidence-1)
			}
		}
		if name < 0 {
			f.Value = local + "@" + dom
			continue
		}
		n := &c.found[name]
		// An @ read as a letter, glued to the local part's end, when the
		// local part then ends in the name's word and that letter:
		// "renelybel.nelneld amberly.com" for Renelybel Nelnel.
		// The letter is no initial of another of the name's words:
		// "thandiwen" for Thandiwe Nkosi is her own.
		if f.Value == c.atLost {
			r, _ := utf8.DecodeLastRuneInString(local)
			last := string(r)
			initial := slices.ContainsFunc(nameWords, func(nw string) bool { return strings.HasPrefix(foldMarks(squash(nw)), last) })
			for _, nw := range nameWords {
				w := foldMarks(squash(nw))
				if rest, ok := strings.CutSuffix(local, w+last); ok && !initial && len(w) >= 3 && (rest == "" || strings.ContainsAny(rest[len(rest)-1:], "._-")) {
					local = rest + w
					f.Reason += ", the letter the @ was read as taken off"
					break
				}
			}
		}
		pieces = localPieces(local)
		for _, p := range pieces {
			for k, nw := range nameWords {
				// Emails are written without the name's diacritics.
				w := foldMarks(squash(nw))
				// "mbell" is an initial and a name, not a slip of "bell".
				// "anna" for Annabel is a short form, but one letter
				// short of a long name, "slawomi" for Sławomir, a slip.
				if p == w || len([]rune(p)) < 4 || len([]rune(w)) < 4 || !oneSlip(p, w) ||
					strings.Contains(p, w) || strings.Contains(w, p) && (len(p) < 5 || len(w)-len(p) > 1) || strings.ContainsAny(nw, "0123456789") {
					continue
				}
				if f.Conf < n.Conf {
					local = strings.Replace(local, p, w, 1)
					f.Reason += ", one letter mended to agree with the name"
					f.Conf = min(f.Conf, LowConfidence-1)
				} else if w == strings.ToLower(strings.Trim(nw, ".,")) && foldMarks(p) == p {
					mendName(k, writeLike(p, nw), ", one letter mended to agree with the email")
				}
			}
		}
		f.Value = local + "@" + dom
	}
	// Emails and websites whose domains still differ by one letter: one
	// of them is misread, and the card cannot tell which.
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
			slip := len(dom) >= 6 && oneSlip(dom, host)
			// Two letters apart, on a long domain, only the firm's name
			// settles it: "nlokasa.pt" (ri read as n), "itiwake.com".
			twoSlips := len(dom) >= 8 && editDistance(dom, host) == 2
			if dom != host && (slip || twoSlips) {
				// The firm's name, a third reading, tells which is right:
				// "Larkspur" for larkspur.com over "Aarkspur.com".
				switch firm := c.firmSpells(dom, host); firm {
				case dom:
					w.Value = replaceHost(w.Value, dom)
					host = dom
					w.Reason += ", mended to agree with the email and the firm's name"
					w.Conf = min(w.Conf, LowConfidence-1)
					continue
				case host:
					e.Value = local + "@" + host
					e.Reason += ", mended to agree with the website and the firm's name"
					e.Conf = min(e.Conf, LowConfidence-1)
					continue
				}
				if !slip {
					continue
				}
				for _, f := range []*Field{w, e} {
					f.Conf = min(f.Conf, LowConfidence-1)
					if !strings.Contains(f.Reason, "disagree") {
						f.Reason += "; the email's domain and the website disagree by one letter"
					}
				}
			}
		}
	}
	c.mendWebsiteByFirm()
	c.mendKanaByDomain()
}

// mendWebsiteByFirm mends a website whose name, its first label, is a
// slip or two of the firm's name squashed, as a firm's own domain spells
// it: "kitiwakeprintworkslimited.co.uk" for Kittiwake Printworks
// Limited, one letter lost, "cormiebumroofingltd.ca" for Corrieburn
// Roofing Ltd, two. A letter alone read between the www and the name
// ("www.v.kitiwake…", a w read twice) goes. Two slips are mended only on
// a name of twelve letters or more, and a name the firm's holds, or that
// holds the firm's, is left: "halcyonbrewing.com" for Halcyon Brewing Co
// drops a word, not letters. So is one an email's domain spells: two
// readings agree. The website is marked for review.
func (c *card) mendWebsiteByFirm() {
	firm := foldMarks(squash(c.printedFirm()))
	if len(firm) < 6 {
		return
	}
	for i := range c.found {
		w := &c.found[i]
		if w.Kind != FieldWebsite {
			continue
		}
		host := hostOf(w.Value)
		bare := strings.TrimPrefix(host, "www.")
		labels := strings.Split(bare, ".")
		speck := bare != host && len(labels) >= 3 && utf8.RuneCountInString(labels[0]) == 1
		if speck {
			labels = labels[1:]
		}
		name := labels[0]
		if name == firm || c.emailDomainLabel(name) {
			if speck {
				w.Value = replaceHost(w.Value, strings.Join(labels, "."))
				w.Reason += ", a letter read between the www and the name taken off"
			}
			continue
		}
		// rn read as m is one slip.
		d := min(editDistance(name, firm), 1+editDistance(name, strings.ReplaceAll(firm, "rn", "m")))
		if d == 0 || d > 2 || d == 2 && len(firm) < 12 || strings.Contains(firm, name) || strings.Contains(name, firm) {
			continue
		}
		labels[0] = firm
		w.Value = replaceHost(w.Value, strings.Join(labels, "."))
		w.Reason += ", mended to agree with the firm's name"
		w.Conf = min(w.Conf, LowConfidence-1)
	}
}

// emailDomainLabel says whether an email found on the card is at a
// domain whose first label is name.
func (c *card) emailDomainLabel(name string) bool {
	for _, f := range c.found {
		if _, dom, ok := strings.Cut(f.Value, "@"); ok && f.Kind == FieldEmail && firstLabel(dom) == name {
			return true
		}
	}
	return false
}

// printedFirm is the company found on the card as printed, not
// suggested from a domain, or "".
func (c *card) printedFirm() string {
	var firm string
	for _, f := range c.found {
		if f.Kind == FieldCompany && !f.Suggested {
			firm = f.Value
		}
	}
	return firm
}

// localPieces are the pieces of an email's local part between its dots,
// underscores and dashes: "jane", "doe" and "uk" for jane.doe-uk.
func localPieces(local string) []string {
	return strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' })
}

// firmSpells returns which of two domains, a and b, the company found
// on the card spells (its first telling label is the company squashed,
// or that begins with the company's first word of four letters or
// more), or "" when it spells neither or both.
func (c *card) firmSpells(a, b string) string {
	firm := c.printedFirm()
	spells := func(d string) bool {
		lab := firstLabel(d)
		sq := foldMarks(squash(firm))
		if sq == "" || lab == "" {
			return false
		}
		first := foldMarks(squash(strings.Fields(firm)[0]))
		return strings.HasPrefix(sq, lab) || len(first) >= 4 && strings.HasPrefix(lab, first)
	}
	switch sa, sb := spells(a), spells(b); {
	case sa && !sb:
		return a
	case sb && !sa:
		return b
	}
	return ""
}

// firstLabel is the first label of host that is no www: "acme" for
// www.acme.co.uk.
func firstLabel(host string) string {
	lab, _, _ := strings.Cut(strings.TrimPrefix(host, "www."), ".")
	return lab
}

// phoneticWords are the words of the phonetic name found, given name
// first, or none.
func (c *card) phoneticWords() []string {
	for _, f := range c.found {
		if f.Kind == FieldPhonetic {
			return strings.Fields(f.Value)
		}
	}
	return nil
}

// nameKeys are the name's first and last words as an email writes them:
// in lower case, without marks or anything but letters.
func nameKeys(nameWords []string) (given, family string) {
	if len(nameWords) < 2 {
		return "", ""
	}
	return foldMarks(squash(nameWords[0])), foldMarks(squash(nameWords[len(nameWords)-1]))
}

// mailLabelGlued is an email's label read into its local part, with the
// colon after it read as a letter: "Mail：jane@" read "mailojane@".
var mailLabelGlued = []string{"e-mail", "email", "mail"}

// unlabelled takes an email's label off its local part when what is left
// agrees with the name and the whole did not: "mailomasato" for Masato
// Fujiwara gives "masato".
func unlabelled(local string, nameWords []string) string {
	given, family := nameKeys(nameWords)
	if len(given) < 3 || len(family) < 3 {
		return local
	}
	agrees := func(l string) bool {
		return strings.HasPrefix(l, given) || strings.HasPrefix(l, family) || strings.HasPrefix(l, given[:1]+family)
	}
	l := strings.ToLower(local)
	if agrees(l) {
		return local
	}
	for _, label := range mailLabelGlued {
		if !strings.HasPrefix(l, label) {
			continue
		}
		for _, cut := range []int{len(label), len(label) + 1} {
			if cut < len(l) && agrees(l[cut:]) {
				return local[cut:]
			}
		}
	}
	return local
}

// mendInitialed mends one misread letter in a local part made of an
// initial and a name, "jdoe" or "janed", against the name's words:
// "mhunez" for Marta Nunez is "mnunez", "hiamht" for Niamh Tovey is
// "niamht". An initial that disagrees, or a name more than one letter
// off, leaves it as read.
func mendInitialed(local string, nameWords []string) string {
	given, family := nameKeys(nameWords)
	if len(given) < 3 || len(family) < 3 || strings.ContainsAny(local, ".-_") {
		return local
	}
	l := strings.ToLower(local)
	switch {
	case l == given[:1]+family || l == given+family[:1]:
		return local
	case len(l) == len(family)+1 && l[:1] == given[:1] && oneSlip(l[1:], family):
		return given[:1] + family
	case len(l) == len(given)+1 && l[len(l)-1:] == family[:1] && oneSlip(l[:len(l)-1], given):
		return given + family[:1]
	case len(l) == len(family)+1 && l[1:] == family && strokesAlike(l[:1], given[:1]):
		return given[:1] + family
	case len(l) == len(given)+1 && l[:len(l)-1] == given && strokesAlike(l[len(l)-1:], family[:1]):
		return given + family[:1]
	}
	return local
}

// strokesAlike says whether a and b are two letters OCR takes for each
// other, being one upright stroke: i, j and l, read without the dot or
// with one.
func strokesAlike(a, b string) bool {
	return a != b && strings.Contains("ijl", a) && strings.Contains("ijl", b)
}

// mendNumberAfterName mends the number a mailbox holds after a name,
// "ainhoamartinezl1" for Ainhoa Martínez: an l, I or | among its digits
// is a 1 misread, as no word of the name goes on there. The number must
// end the local part and hold a digit read as one.
func mendNumberAfterName(local string, nameWords []string) string {
	lower := asciiLower(local) // the same byte offsets as local
	for _, nw := range nameWords {
		w := foldMarks(squash(nw))
		if len(w) < 3 {
			continue
		}
		i := strings.LastIndex(lower, w)
		if i < 0 {
			continue
		}
		rest := local[i+len(w):]
		if strings.Trim(rest, "0123456789lI|") != "" || !strings.ContainsAny(rest, "lI|") || !strings.ContainsAny(rest, "0123456789") {
			continue
		}
		return local[:i+len(w)] + strings.NewReplacer("l", "1", "I", "1", "|", "1").Replace(rest)
	}
	return local
}

// An emailSlip is a letter of a name the English model reads, whatever
// its confidence, as another, where an email writes it in plain
// letters: a ß in capitals read as R ("MÜRIG" at gotz.mussig@, ss in the
// email), an ł read as t ("Matgorzata" at malgorzata@, l), as OCR
// seldom reads a plain l so.
type emailSlip struct {
	read         rune   // the letter read, in small letters
	plain        string // how an email writes the letter printed
	lower, upper string // the letter printed, in a word in small letters and in capitals
	shortest     int    // the shortest name word mended
	why          string
}

var emailSlips = []emailSlip{
	{read: 'r', plain: "ss", lower: "ß", upper: "ß", shortest: 4, why: "ß read as R"},
	{read: 't', plain: "l", lower: "ł", upper: "Ł", shortest: 5, why: "ł read as t"},
}

// mend gives nameWord with the letter s.read where one of pieces, an
// email's local part's, writes s.plain and the two agree otherwise, as
// the letter printed: "MÜRIG" at gotz.mussig@ is MÜßIG, "Matgorzata" at
// malgorzatav@ Małgorzata. The piece may hold more than the word: an
// initial, another name, a number.
func (s emailSlip) mend(nameWord string, pieces []string) (string, bool) {
	word := []rune(nameWord)
	folded := []rune(foldMarks(strings.ToLower(nameWord)))
	if len(folded) != len(word) || len(word) < s.shortest {
		return "", false
	}
	for i, r := range folded {
		if r != s.read {
			continue
		}
		want := string(folded[:i]) + s.plain + string(folded[i+1:])
		for _, p := range pieces {
			if !strings.Contains(p, want) || strings.Contains(p, string(folded)) {
				continue
			}
			letter := s.lower
			if word[i] == unicode.ToUpper(s.read) {
				letter = s.upper
			}
			return string(word[:i]) + letter + string(word[i+1:]), true
		}
	}
	return "", false
}

// foldMarks drops the marks of letters, as an email made from a name
// does: "gaëtan" is "gaetan", and a letter written apart from its plain
// one is written with it: "łukasz" is "lukasz", "søren" "soren".
func foldMarks(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return s
	}
	return lettersApart.Replace(out)
}

// lettersApart are the Latin letters no decomposition takes a mark off,
// with the plain letters an email writes them with.
var lettersApart = strings.NewReplacer(
	"ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D", "ı", "i", "ß", "ss",
	"ħ", "h", "Ħ", "H", "ŀ", "l", "Ŀ", "L", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE",
	"ð", "d", "Ð", "D", "þ", "th", "Þ", "TH",
)

// writeLike writes word in the case of as: in capitals, or capitalised.
func writeLike(word, as string) string {
	upper := 0
	for _, r := range as {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper > len([]rune(as))/2 {
		return strings.ToUpper(word)
	}
	r := []rune(word)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
