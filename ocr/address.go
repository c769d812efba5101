package ocr

import (
	"regexp"
	"strings"
)

var (
	// A street: a house number and a street word, in either order.
	streetRe = regexp.MustCompile(`(?i)(?:\b\d+[a-z]?\b.*\b(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|parkway|pkwy|highway|hwy|suite|ste|floor|fl|building|bldg|plaza|square|sq|terrace|ter|circle|cir|real|camino|route|rte|center|centre|park|alley|crescent|close|quay|wharf|row|walk|mall|tower)\b|\b(?:street|st|avenue|ave|av|rua|rue|via|calle|avenida|straat|strasse|str|laan|weg|plein|road|rd)\.?\s+\S+.*\d|\b(?:suite|ste|unit|floor|level|room|rm)\.?\s*#?\d+|#\d+-\d+|\d+(?:st|nd|rd|th)\s+(?:floor|fl)\b|\bp\.?\s?o\.?\s+box\b|\d+-\d+-\d+\s+\p{L})`)
	// A town line: a US state and ZIP, an Australian state and postcode,
	// a postcode and town, a country, or a Japanese prefecture.
	townRe = regexp.MustCompile(`(?i)(?:\b[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b|\b(?:nsw|vic|qld|sa|wa|tas|nt|act)\s+\d{4}\b|\b(?:singapore|s\)?)\s*\(?\d{6}\)?|\b\d{4,5}\s+\p{Lu}\p{L}+|\b(?:usa|u\.s\.a|united states|singapore|belgium|belgique|belgië|australia|japan|brazil|brasil|germany|deutschland|france|united kingdom|uk|canada|netherlands|vietnam|viet nam|china|india)\b\.?\s*$|\b(?:tokyo|osaka|nagoya|kyoto|yokohama)\b|-(?:ku|shi|ken|cho)\b|〒|\d{3}-\d{4}\s|\b[A-Z][a-z]+,\s*[A-Z]{2}\b)`)
)

// isAddress says how strongly text looks like a line of a postal address.
func isAddress(text string) bool {
	return streetRe.MatchString(text) || townRe.MatchString(text)
}

// findAddress takes the first block of address lines: address lines that
// follow each other on the card, with nothing else between.
func (c *card) findAddress() {
	start := -1
	for k, p := range c.parts {
		if p.kind == "" && isAddress(p.text) && !hasCompanySuffix(p.text) {
			start = k
			break
		}
	}
	if start < 0 {
		return
	}
	block := []int{start}
	for k := start + 1; k < len(c.parts); k++ {
		p, prev := c.parts[k], c.parts[block[len(block)-1]]
		if !c.adjacent(prev.line, p.line) {
			break
		}
		if !isAddress(p.text) && !c.continuesAddress(p) {
			break
		}
		block = append(block, k)
	}
	// A line just above the block that ends with a comma, or is only a
	// building name on a card whose block starts with a town, belongs too.
	if start > 0 {
		p := c.parts[start-1]
		if c.adjacent(p.line, c.parts[start].line) && strings.HasSuffix(p.text, ",") {
			block = append([]int{start - 1}, block...)
		}
	}
	var texts []string
	first := c.parts[block[0]].line
	box := c.lines[first].Box
	conf := 0.0
	for _, k := range block {
		c.parts[k].kind = FieldAddress
		texts = append(texts, strings.TrimRight(c.parts[k].text, ", "))
		l := c.lines[c.parts[k].line]
		box = box.Union(l.Box)
		conf += l.Conf
	}
	c.found = append(c.found, Field{
		Kind:  FieldAddress,
		Value: strings.Join(texts, ", "),
		Conf:  conf / float64(len(block)),
		Box:   box,
	})
}

// continuesAddress accepts a short line of place names after an address
// line: "Palo Alto" under "2675 El Camino Real".
func (c *card) continuesAddress(p part) bool {
	if hasCompanySuffix(p.text) || titleScore(p.text) > 0 {
		return false
	}
	words := strings.Fields(p.text)
	return len(words) <= 4 && strings.ContainsAny(p.text, ",0123456789")
}

// adjacent says whether line b follows line a closely enough on the card
// to belong to the same block of text.
func (c *card) adjacent(a, b int) bool {
	la, lb := c.lines[a].Box, c.lines[b].Box
	gap := lb.Min.Y - la.Max.Y
	return gap < int(1.5*c.height) && gap > -int(c.height)
}
