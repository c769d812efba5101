package ocr

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// localStreets are streets as cards from the countries whose languages
// the app reads print them: Polish and Czech abbreviations before the
// street's name ("ul. Długa 5", "nám. Míru 3"); street words of
// Croatian, Czech, Polish and Italian before or after its name ("Trg
// bana Jelačića 3", "Savska cesta 107", "Piazza Garibaldi 4"); a house
// number with a second number after a slash ("Vinohradská 1064/23");
// Turkish street and quarter words ("Atatürk Cad. No: 12", "Moda
// Mah."); and Vietnamese house, ward and district words ("Số 12 Lê Lợi",
// "Phường 3", "Quận 1"), their vowels with any of the marks a reading
// may give them.
const localStreets = `\b(?:ul|al|os|pl|nám|tř)\.\s*\p{L}[^\d]*\d` +
	`|\b(?:ulica|trg|náměstí|třída|aleja|plac|piazza|viale|corso|largo|bulevar)\s+\p{L}[^\d]*\d` +
	`|\p{L}{3,}\s+(?:cesta|ulica|put|obala)\s+\d` +
	`|(?-i:(?:^|\s)\p{Lu}\p{Ll}{2,}(?:\s+\p{L}+)*\s+\d{1,5}/\d{1,4}[a-z]?\s*(?:,|$))` +
	`|\b(?:cad|cd|sok|sk|mah|mh|blv|bulv)\.|\b(?:caddesi|sokak|sokağı|mahallesi|bulvarı)(?:$|[^\p{L}])` +
	`|\bph[uưúùủũụứừửữự][oơóòỏõọớờởỡợôố]ng\s+\d{1,2}\b|\bqu[aáàảãạâấầẩẫậăä]n\s+\d{1,2}\b` +
	`|(?-i:^[Ss][oóòỏõọốồổỗộôơớờởỡợ]\s+\d{1,4}[a-z]?\s+\p{Lu})`

// localPostcodes are postcodes before a town as the countries whose
// languages the app reads print them, where other patterns miss them:
// Polish ("00-950 Warszawa") and Czech or Slovak ("110 00 Praha").
const localPostcodes = `(?-i:\b\d{2}-\d{3}\s+\p{Lu}\p{L}+|\b\d{3}\s\d{2}\s+\p{Lu}\p{L}+)`

// stateCodes are the two-letter codes of the states and territories of
// the United States and of Canada's provinces, as a town line prints
// them after its town ("Springfield, IL"): any two capitals there took a
// list of wares ("Steel, TV Panel") for a town.
const stateCodes = `(?:A[BKLRSZ]|BC|C[AOT]|D[CE]|FL|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ABDEINOPST]|N[BCDEHJLMSTUVY]|O[HKNR]|P[AER]|QC|RI|S[CDK]|T[NX]|UT|V[AIT]|W[AIVY]|YT)`

var (
	// A Japanese postcode alone on its line, which starts the address
	// under it: "〒100-0005", read as "T 100-0005" too.
	jpPostcodeLineRe = regexp.MustCompile(`^\s*[〒T]?\s*\d{3}-\d{4}\s*$`)
	// A street: a house number and a street word, in either order.
	streetRe = regexp.MustCompile(`(?i)(?:\b\d+[a-z]?\b.*\b(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|suite|ste|floor|fl|building|bldg|plaza|square|sq|terrace|ter|circle|cir|real|camino|route|rte|center|centre|park|alley|crescent|close|quay|wharf|row|walk|mall|tower)\b|\b(?:street|st|avenue|ave|av|rua|rue|via|calle|avenida|straat|strasse|str|laan|weg|plein|road|rd)\.?\s+\S+.*\d|\b(?:suite|ste|unit|floor|level|room|rm)\.?\s*#?\d+|#\d+-\d+|\d+(?:st|nd|rd|th)\s+(?:floor|fl)\b|\bp\.?\s?o\.?\s+box\b|\d+-\d+-\d+|\b\p{L}+(?:straat|laan|weg|plein|gracht|dreef|lei|strasse|straße|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad)\s+\d+|\b\d+[a-z]?,?\s+(?:rue|avenue|av|boulevard|bd|bld|chemin|allée|impasse|quai|place|calle|avenida|rua|via|viale|piazza|corso)\s+\p{L}|(?-i:^\d{1,5}[A-Za-z]?\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+,)|` + localStreets + `)`)
	// A town line: a US state and ZIP, an Australian state and postcode,
	// a postcode and town, a country, a town and its country alone
	// ("Lyon · France", its dot read as a colon or a dash too), or a
	// Japanese prefecture or postcode: of three digits and four, not
	// the end of a longer number ("9.9679-9468", a phone).
	townRe = regexp.MustCompile(`(?i)(?:\b[A-Z]{2}\.?\s*\d{5}(?:-\d{4})?\b|\b(?:nsw|vic|qld|sa|wa|tas|nt|act)\s+\d{4}\b|\bsingapore\s*\(?\d{6}\)?|(?-i:\b(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}\p{L}+)|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b|\b[A-Z]{2}\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|(?:,|\||\d)\s*(?:the\s+)?(?:` + countryNames + `)\.?\s*$|` + townCountry + `|-(?:ku|shi|ken|cho|machi|gun)\b|〒|(?:^|[^\d.\-])\d{3}-\d{4}\b|\b\d{5}-\d{3}\b|(?-i:\b[A-Z][a-z]+,\s*` + stateCodes + `\b)|` + localPostcodes + `)`)
	// The end of an address: a postcode, or a country after a comma or a
	// postcode. Nothing but a country follows it.
	addressEndRe = regexp.MustCompile(`(?i)(?:\b[A-Z]{2}\.?\s*\d{5}(?:-\d{4})?|\b\d{3}-\d{4}|\b\d{4,6}|(?:,|\d)\s*\p{L}+(?:\s\p{L}+)?\.?)\s*$`)
	// A town and its country alone, with a sign between them: "Lyon ·
	// France", "Leeds | United Kingdom", the dot read as a colon, a dash
	// or a star too. undoSlips reads bars and dots as spaces, so the line
	// as read is looked at too (see findAddress).
	townCountryRe = regexp.MustCompile(`(?i)` + townCountry)
	countryRe     = regexp.MustCompile(`(?i)^\s*(?:the\s+)?(?:` + countryNames + `)\.?\s*$`)
	// A label before an address: "Address:", "Head Office", "TOKYO :".
	addressLabelRe = regexp.MustCompile(`(?i)^(?:(?:head\s+)?office|headquarters|hq|branch|address|addr|add|adr|location|factory|showroom|studio|mail|postal address)\b\s*[:.\-]?\s*|^\p{Lu}[\p{Lu}\s]{1,20}\s:\s*`)
)

// townCountry is a town of one to three words, a sign or a comma, and a
// country, as the whole line. A middle dot is read as a colon, a star, a
// dash, an apostrophe or a degree sign too, and a dash as two signs
// ("Toronto —- Canada").
var townCountry = `^\s*(\p{L}[\p{L}'.]*(?:\s+\p{L}[\p{L}'.]*){0,2})\s*(?:[,|·•*\-–—:/'’°]\s*){1,2}((?:the\s+)?(?:` + countryNames + `))\.?\s*$`

// townAndCountry gives a line of a town and its country alone as the
// address writes them, "Lyon, France", whatever sign was printed or read
// between them.
func townAndCountry(line string) (string, bool) {
	m := townCountryRe.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return m[1] + ", " + m[2], true
}

// postmarkRe is a Japanese postcode at the start of an address with the
// postal mark before it, read as a T ("T 100-0005") or as itself with a
// space after it.
var postmarkRe = regexp.MustCompile(`^[T〒]\s*(\d{3}-\d{4})\b`)

// slippedHouseRe is a street line whose house number, one digit, was read
// as a letter (S for 5, O for 0, I or l for 1, B for 8: see digitSlips),
// before a word in small letters.
var slippedHouseRe = regexp.MustCompile(`^([SOIlB]) (\p{Ll}+ .+)$`)

// houseNumberRe finds a house number: a number of one to five digits,
// maybe with a letter, standing as a word.
var houseNumberRe = regexp.MustCompile(`(?:^|\s)\d{1,5}[A-Za-z]?(?:,|\s|$)`)

// floorRe matches a floor that starts an address, as in "5F Sample
// Building" or "12F, 1-2-3 Sample": its number may be read with a letter
// for a digit ("SF").
var floorRe = regexp.MustCompile(`^([0-9SOIlB]{1,2})(F,?\s+\S)`)

// fixFloor reads the floor number that starts an address as digits: a
// card prints a floor as digits and an F, and Tesseract reads a 5 there
// as an S, a 0 as an O, a 1 as an I or l and an 8 as a B.
func fixFloor(s string) string {
	m := floorRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	num := strings.Map(func(r rune) rune {
		switch r {
		case 'S':
			return '5'
		case 'O':
			return '0'
		case 'I', 'l':
			return '1'
		case 'B':
			return '8'
		}
		return r
	}, s[m[2]:m[3]])
	return num + s[m[3]:]
}

// isAddress says whether text looks like a line of a postal address: a
// street, a town line, a line given with its label ("Address: ..."), or
// one with a number that ends with a country ("B9 Sample Area | Abu
// Dhabi | United Arab Emirates", its bars read as spaces). A country
// after a name alone, with no number, is a firm's ("Acme Germany").
func isAddress(text string) bool {
	return streetRe.MatchString(text) || townRe.MatchString(text) || labelledAddressRe.MatchString(text) ||
		namesCountry(countryAtEndRe, text) && strings.ContainsAny(text, "0123456789") && len(strings.Fields(text)) >= 3
}

// namesCountry says whether re, a pattern of country names, matches one
// of text's countryReadings.
func namesCountry(re *regexp.Regexp, text string) bool {
	return slices.ContainsFunc(countryReadings(text), re.MatchString)
}

// countryReadings are text as read and, when it has marks, with them
// taken off: a scan reads a mark as another ("Viét Nam" for "Việt
// Nam"), which no list of names holds.
func countryReadings(text string) []string {
	if plainText(text) {
		return []string{text}
	}
	return []string{text, foldMarks(text)}
}

// labelledAddressRe is an address printed after its label, whatever it
// holds: "Address: Sample Town, Sample Country".
var labelledAddressRe = regexp.MustCompile(`(?i)^(?:address|addr|adr|add|postal address|office address|registered office)\s*[.:：]\s*\S`)

// endsAddress says whether an address line closes the address: it ends
// with a postcode or a country, as the last line of an address does. A
// street line does not, though its house number may look like a postcode
// before a name ("2785 River Street").
func endsAddress(text string) bool {
	if !townRe.MatchString(text) || jpPostcodeLineRe.MatchString(text) {
		return false
	}
	if streetWordRe.MatchString(text) && !postcodeEndRe.MatchString(text) && !namesCountry(countryAtEndRe, text) {
		return false
	}
	if namesCountry(countryRe, text) {
		return true
	}
	m := addressEndRe.FindString(text)
	if m == "" {
		return false
	}
	return strings.ContainsAny(m, "0123456789") || namesCountry(countryAtEndRe, text)
}

var (
	// A word that names a street, in the languages cards are read in.
	streetWordRe = regexp.MustCompile(`(?i)\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|terrace|circle|crescent|close|rue|calle|avenida|rua|via|straat|strasse|straße|laan|weg)\b\.?|\p{L}(?:straße|strasse|straat|platz|allee|gasse|weg)\b`)
	// A postcode at the end of a line.
	postcodeEndRe = regexp.MustCompile(`(?:\b[A-Z]{2}\.?\s*\d{5}(?:-\d{4})?|\b\d{3}-\d{4}|\b\d{5}-\d{3}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}|\b\d{4,6})\s*$`)
)

var countryAtEndRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:the\s+)?(?:` + countryNames + `)\.?\s*$`)

// findAddress takes the first block of address lines: address lines that
// follow each other on the card, with nothing else between, up to the line
// that closes the address (a postcode, a country).
func (c *card) findAddress() {
	start := -1
	for k, p := range c.parts {
		if p.kind == "" && (isAddress(p.text) || townCountryRe.MatchString(c.lines[p.line].Text) || c.columnAddress(p)) && !hasCompanySuffix(p.text) {
			start = k
			break
		}
	}
	if start < 0 {
		return
	}
	block := []int{start}
	closed := endsAddress(c.parts[start].text)
	for k := start + 1; k < len(c.parts) && !closed; k++ {
		p, prev := c.parts[k], c.parts[block[len(block)-1]]
		if !c.sameColumn(prev.line, p.line) {
			continue // a line of the column beside the address
		}
		if p.kind != "" || !c.adjacent(prev.line, p.line) {
			break
		}
		if addressLabelRe.MatchString(p.text) && len(block) > 0 && c.hasTown(block) {
			break // the next office's address
		}
		if !isAddress(p.text) && !c.continuesAddress(p) && !c.localityBeforeTown(k) {
			break
		}
		block = append(block, k)
		closed = endsAddress(p.text)
	}
	if len(block) == 1 {
		block = c.besideColumn(block[0])
	}
	// A country alone on the line after the postcode belongs too.
	if k := block[len(block)-1] + 1; k < len(c.parts) && c.parts[k].kind == "" && namesCountry(countryRe, c.parts[k].text) &&
		c.adjacent(c.parts[block[len(block)-1]].line, c.parts[k].line) {
		block = append(block, k)
	}
	// A line just above the block that ends with a comma belongs too; so
	// does one with a house number above a block that starts with its
	// town line, as a street the street words missed ("Sample-straBe 12"
	// over "12345 Town", "Ilica 89" over "37459 Zadar"). Just above in
	// its column: read before it may be a line of the column beside, or
	// a speck.
	above := start - 1
	for above >= 0 && !c.sameColumn(c.parts[above].line, c.parts[start].line) {
		above--
	}
	if above >= 0 {
		p := c.parts[above]
		first := c.parts[start].text
		// A house number alone before the street read as a letter: "S
		// tue Pasteur" for 5 rue Pasteur, over "17020 Bordeaux".
		if m := slippedHouseRe.FindStringSubmatch(p.text); m != nil && townRe.MatchString(first) {
			p.text = string(digitSlips[[]rune(m[1])[0]]) + " " + m[2]
		}
		street := houseNumberRe.MatchString(p.text) && townRe.MatchString(first) && !streetRe.MatchString(first) &&
			len(strings.Fields(p.text)) <= 8 && letters(p.text) >= 3
		if p.kind == "" && c.adjacent(p.line, c.parts[start].line) && (strings.HasSuffix(c.lines[p.line].Text, ",") || street) &&
			c.companyScore(p.text) == 0 && titleScore(p.text) == 0 && !c.services(p) {
			c.parts[above].text = p.text
			block = append([]int{above}, block...)
		}
	}
	var texts []string
	first := c.parts[block[0]].line
	box := c.lines[first].Box
	conf := 0.0
	for n, k := range block {
		c.parts[k].kind = FieldAddress
		t := strings.TrimRight(c.parts[k].text, ", ")
		if s, ok := townAndCountry(c.lines[c.parts[k].line].Text); ok {
			t = s
		} else if n == 0 {
			t = fixFloor(strings.TrimSpace(addressLabelRe.ReplaceAllString(t, "")))
			if c.region == "JP" {
				t = postmarkRe.ReplaceAllString(t, "〒$1")
				if jpPostcodeStartRe.MatchString(t) {
					t = "〒" + t // its mark taken for a speck
				}
			}

		}
		// Japanese and Chinese write no spaces between their letters:
		// "神奈 川県" is a reading's.
		t = cjkUnspaced(t)
		if t != "" {
			texts = append(texts, t)
		}
		l := c.lines[c.parts[k].line]
		box = box.Union(l.Box)
		conf += l.Conf
	}
	sep := ", "
	if strings.IndexFunc(strings.Join(texts, ""), isCJK) >= 0 {
		sep = " " // Japanese and Chinese addresses run on: "〒100-0005 東京都千代田区…"
	}
	c.found = append(c.found, Field{
		Kind:   FieldAddress,
		Value:  strings.Join(texts, sep),
		Conf:   conf / float64(len(block)),
		Box:    box,
		Reason: c.addressReason(texts),
	})
}

// hasTown says whether a block of address parts already has a town line.
func (c *card) hasTown(block []int) bool {
	for _, k := range block {
		if townRe.MatchString(c.parts[k].text) {
			return true
		}
	}
	return false
}

// localityBeforeTown accepts a short line of place names that sits
// between the street and the town line under it: "Exampleton" between
// "12 Sample Road" and "London AB1 2CD".
func (c *card) localityBeforeTown(k int) bool {
	p := c.parts[k]
	if k+1 >= len(c.parts) || c.parts[k+1].kind != "" || !townRe.MatchString(c.parts[k+1].text) ||
		!c.adjacent(p.line, c.parts[k+1].line) {
		return false
	}
	words := strings.Fields(p.text)
	if len(words) > 3 || hasCompanySuffix(p.text) || titleScore(p.text) > 0 || companyWordRe.MatchString(p.text) {
		return false
	}
	for _, w := range words {
		if r := []rune(w); !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// continuesAddress accepts a short line of place names after an address
// line: "Springfield" under "100 Main Street".
func (c *card) continuesAddress(p part) bool {
	if hasCompanySuffix(p.text) || titleScore(p.text) > 0 {
		return false
	}
	words := strings.Fields(p.text)
	if len(words) <= 4 && strings.ContainsAny(p.text, ",0123456789") {
		return true
	}
	// Place names, each capitalised, with commas between: "Ward 5, Sample
	// City".
	if len(words) > 6 || !strings.Contains(p.text, ",") {
		return false
	}
	for _, w := range words {
		if r := []rune(w); !unicode.IsUpper(r[0]) && !unicode.IsDigit(r[0]) {
			return false
		}
	}
	return true
}

// sameColumn says whether lines a and b share some of their width, as
// lines of one column do; lines of two columns side by side do not.
func (c *card) sameColumn(a, b int) bool {
	la, lb := c.lines[a].Box, c.lines[b].Box
	return la.Min.X < lb.Max.X && lb.Min.X < la.Max.X
}

// adjacent says whether line b follows line a closely enough on the card
// to belong to the same block of text.
func (c *card) adjacent(a, b int) bool {
	la, lb := c.lines[a].Box, c.lines[b].Box
	gap := lb.Min.Y - la.Max.Y
	return gap < int(1.5*c.height) && gap > -int(c.height)
}

// addressReason says what made the lines an address.
func (c *card) addressReason(texts []string) string {
	var why []string
	for _, t := range texts {
		switch {
		case streetRe.MatchString(t) && !slices.Contains(why, "a street"):
			why = append(why, "a street")
		case postcodeEndRe.MatchString(t) && !slices.Contains(why, "a postcode"):
			why = append(why, "a postcode")
		case townCountryRe.MatchString(t) && !slices.Contains(why, "a town and its country"):
			why = append(why, "a town and its country")
		case namesCountry(countryRe, t) || namesCountry(countryAtEndRe, t):
			if !slices.Contains(why, "a country") {
				why = append(why, "a country")
			}
		}
	}
	if len(why) == 0 {
		return "address lines"
	}
	return strings.Join(why, ", ")
}

// isAddressLabel says whether text is nothing but an address's label,
// printed on its own line above it: "Head Office", "Showroom:".
func isAddressLabel(text string) bool {
	m := addressLabelRe.FindString(text)
	return m != "" && strings.TrimSpace(m) == strings.TrimSpace(text)
}
