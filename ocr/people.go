package ocr

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/brianvoe/gofakeit/v7/data"
)

var (
	// Legal forms that end a company's name.
	companySuffixRe = regexp.MustCompile(`(?i)\b(?:inc|incorporated|llc|l\.l\.c|llp|lp|ltd|limited|co|corp|corporation|company|gmbh|ag|kg|sa|s\.a|sas|sarl|srl|spa|nv|n\.v|bv|b\.v|bvba|plc|pte|pty|oy|ab|as|k\.k|kk|eireli|me|mei|ltda|s/a)\b\.?`)
	// Words that name an organisation rather than a person or a job.
	companyWordRe = regexp.MustCompile(`(?i)\b(?:group|holdings?|partners|associates|foundation|university|college|institute|school|academy|bank|labs?|laboratory|laboratories|technologies|technology|tech|systems|solutions|consulting|consultants|services|studios?|agency|ventures|capital|realty|restaurant|grill|cafe|café|bakery|hotel|hospital|clinic|church|international|industries|enterprises|media|software|networks?|communications|pharmaceuticals?|insurance|financial|investments?|properties|construction|design|designs|marketing|logistics|trading|electronics|motors|foods|energy|global|worldwide|corporate|office|department|dept|ministry|council|society|association|club|center|centre|firm|llp|law|attorneys|bureau|factory|store|shop|market|mart|eletrônica|comércio|indústria|loja|oficina)\b`)
	titleWordRe   = regexp.MustCompile(`(?i)\b(?:ceo|cto|cfo|coo|cio|cmo|vp|svp|evp|avp|md|gm|president|vice|chief|officer|director|manager|mgr|head|lead|leader|senior|sr|junior|jr|principal|partner|founder|co-founder|cofounder|owner|proprietor|chairman|chairwoman|chair|secretary|treasurer|executive|engineer|developer|architect|designer|consultant|analyst|specialist|associate|assistant|coordinator|administrator|supervisor|representative|rep|agent|broker|advisor|adviser|counsel|attorney|lawyer|accountant|technician|scientist|researcher|professor|lecturer|student|intern|apprentice|editor|writer|producer|sales|marketing|business|development|operations|product|project|program|account|accounts|customer|support|service|relations|human|resources|hr|finance|technical|technology|research|strategy|strategic|regional|national|global|general|managing|deputy|staff|team|member|officer|physician|dentist|doctor|nurse|therapist|pharmacist|chef|realtor|trainer|instructor|teacher|curator|photographer|artist|fellow|postdoctoral|candidate|trustee|board|governor|ambassador|evangelist|recruiter|planner|buyer|controller|auditor|inspector|superintendent|commissioner|mayor|senator|dean|provost|chancellor|registrar|librarian|pastor|minister|gerente|diretor|diretora|vendedor|vendas|proprietário|sócio)\b`)
	honorificRe   = regexp.MustCompile(`(?i)^(?:mr|mrs|ms|miss|dr|prof|sir|madam|mx)\.?\s+|,?\s+(?:phd|ph\.d|md|m\.d|mba|cpa|dds|dmd|esq|jr|sr|ii|iii|pe|rn)\.?$`)
)

var (
	firstNames = wordSet(data.Person["first"], data.Person["middle"])
	lastNames  = wordSet(data.Person["last"])
	jobWords   = wordSet(data.Job["title"], data.Job["descriptor"], data.Job["level"])
)

func wordSet(lists ...[]string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, s := range l {
			for _, w := range strings.Fields(s) {
				m[strings.ToLower(w)] = true
			}
		}
	}
	return m
}

func hasCompanySuffix(s string) bool { return companySuffixRe.MatchString(s) }

// titleScore is how much text reads like a job title: the share of its
// words that are job words, or 0.
func titleScore(text string) float64 {
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 9 {
		return 0
	}
	n := len(titleWordRe.FindAllString(text, -1))
	for _, w := range words {
		if jobWords[strings.ToLower(strings.Trim(w, ",.&/"))] && !titleWordRe.MatchString(w) {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return min(1, float64(n)/float64(len(words))+0.3)
}

// companyScore is how much text reads like an organisation's name.
func (c *card) companyScore(text string) float64 {
	s := 0.0
	if hasCompanySuffix(text) {
		s += 2
	}
	if companyWordRe.MatchString(text) {
		s += 1
	}
	if c.matchesDomain(text) {
		s += 2
	}
	return s
}

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
		if strings.Contains(squashed, d) || strings.Contains(d, squashed) {
			return true
		}
		// Initials: "International Business Machines" for ibm.com.
		if initials(text) == d {
			return true
		}
		// The first word: "Chipotle Mexican Grill" for chipotle.com.
		if first := squash(strings.Fields(text)[0]); len(first) >= 4 && strings.HasPrefix(d, first) {
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

// nameScore is how much text reads like a person's name, or 0 when it
// cannot be one.
func (c *card) nameScore(p part) float64 {
	text := strings.TrimSpace(honorificRe.ReplaceAllString(p.text, ""))
	text = strings.TrimSpace(honorificRe.ReplaceAllString(text, ""))
	words := strings.Fields(text)
	if len(words) < 2 || len(words) > 4 {
		return 0
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return 0
		}
		for _, ch := range r {
			if !unicode.IsLetter(ch) && !strings.ContainsRune(".-'", ch) {
				return 0
			}
		}
	}
	s := 1.0
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(strings.Trim(w, ".,"))
	}
	if firstNames[lw[0]] {
		s += 1.5
	}
	if lastNames[lw[len(lw)-1]] {
		s += 1
	}
	if c.matchesLocalPart(lw) {
		s += 3
	}
	if titleScore(text) > 0 {
		s -= 2
	}
	if c.companyScore(text) > 0 {
		s -= 2.5
	}
	// Names are usually printed large and near the top.
	h := float64(lineHeight(c.lines[p.line])) / c.height
	s += min(h-1, 1.5)
	if c.size.Y > 0 {
		s += 0.5 * (1 - float64(c.lines[p.line].Box.Min.Y)/float64(c.size.Y))
	}
	return s
}

// matchesLocalPart says whether an email's local part agrees with the name
// words: "jsmith", "john.smith", "john", "smithj".
func (c *card) matchesLocalPart(words []string) bool {
	given, family := squash(words[0]), squash(words[len(words)-1])
	for _, local := range c.locals {
		l := squash(local)
		switch {
		case len(family) >= 3 && strings.Contains(l, family),
			len(given) >= 3 && strings.HasPrefix(l, given),
			len(given) > 0 && len(family) > 0 && l == given[:1]+family:
			return true
		}
	}
	return false
}

// findCompanyTitleName picks the name, the title and the company among the
// lines left, then leaves the rest as a note.
func (c *card) findCompanyTitleName() {
	// Company: the line that most reads like one.
	best, bestScore := -1, 0.0
	for k, p := range c.parts {
		if p.kind != "" {
			continue
		}
		if s := c.companyScore(p.text); s > bestScore {
			best, bestScore = k, s
		}
	}

	// Name: the line that most reads like a person's name.
	name, nameScore := -1, 1.5
	for k, p := range c.parts {
		if p.kind != "" || k == best && bestScore >= 2 {
			continue
		}
		if s := c.nameScore(p); s > nameScore {
			name, nameScore = k, s
		}
	}
	if name >= 0 {
		if name == best {
			best = -1
		}
		c.take(name, FieldName)
	}
	if best >= 0 {
		c.take(best, FieldCompany)
	} else if k := c.largestUnclaimed(); k >= 0 {
		// No line says it is a company: the largest print that is not a
		// name or job usually is.
		c.take(k, FieldCompany)
	}

	// Title: job words, nearest under the name; two such lines in a row
	// are one title printed over two lines.
	title, titleBest := -1, 0.0
	for k, p := range c.parts {
		if p.kind != "" {
			continue
		}
		s := titleScore(p.text)
		if s > 0 && name >= 0 && c.adjacent(c.parts[name].line, p.line) {
			s += 0.5
		}
		if s > titleBest {
			title, titleBest = k, s
		}
	}
	if title >= 0 {
		k := title
		text := c.parts[k].text
		if k+1 < len(c.parts) && c.parts[k+1].kind == "" && titleScore(c.parts[k+1].text) > 0 &&
			c.adjacent(c.parts[k].line, c.parts[k+1].line) && c.similarHeight(c.parts[k].line, c.parts[k+1].line) {
			text += " " + c.parts[k+1].text
			c.parts[k+1].kind = FieldTitle
		}
		c.parts[k].kind = FieldTitle
		c.addText(k, FieldTitle, text)
	}

	var note []string
	for _, p := range c.parts {
		if p.kind == "" && letters(p.text) >= 3 {
			note = append(note, p.text)
		}
	}
	if len(note) > 0 {
		c.found = append(c.found, Field{Kind: FieldNote, Value: strings.Join(note, "\n"), Conf: 100})
	}
}

func (c *card) similarHeight(a, b int) bool {
	ha, hb := float64(lineHeight(c.lines[a])), float64(lineHeight(c.lines[b]))
	return ha < 1.4*hb && hb < 1.4*ha
}

// largestUnclaimed returns the unclaimed part printed largest, if it is
// clearly larger than the card's body text and not a job title.
func (c *card) largestUnclaimed() int {
	best, bestH := -1, 1.3*c.height
	for k, p := range c.parts {
		if p.kind != "" || titleScore(p.text) > 0 || letters(p.text) < 3 {
			continue
		}
		if h := float64(lineHeight(c.lines[p.line])); h > bestH {
			best, bestH = k, h
		}
	}
	return best
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
	order := map[FieldKind]int{FieldName: 0, FieldTitle: 1, FieldCompany: 2, FieldPhone: 3, FieldEmail: 4, FieldWebsite: 5, FieldAddress: 6, FieldNote: 7}
	out := append([]Field(nil), c.found...)
	sortStable(out, func(a, b Field) bool { return order[a.Kind] < order[b.Kind] })
	return out
}
