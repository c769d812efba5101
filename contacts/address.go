package contacts

import (
	"regexp"
	"strings"
)

// A Label says what a postal address, an email or a website is for, as
// vCard's TYPE parameter does: home, work, other, or empty for unsaid.
type Label string

// The labels an address, email or website can have.
const (
	LabelHome  Label = "home"
	LabelWork  Label = "work"
	LabelOther Label = "other"
)

// Labels are the labels a person chooses from, in the order to offer them.
var Labels = []Label{LabelWork, LabelHome, LabelOther}

// ParseLabel returns the label named by s ("HOME", "work"), or "" when s
// names none of them.
func ParseLabel(s string) Label {
	switch l := Label(strings.ToLower(strings.TrimSpace(s))); l {
	case LabelHome, LabelWork, LabelOther:
		return l
	}
	return ""
}

// An Address is a postal address in the components vCard's ADR has.
type Address struct {
	Label      Label
	POBox      string
	Extended   string // apartment, suite, floor
	Street     string
	City       string // vCard's locality
	Region     string // state, county, province, prefecture
	PostalCode string
	Country    string
}

// IsZero reports whether a has no component.
func (a Address) IsZero() bool {
	return a.POBox == "" && a.Extended == "" && a.Street == "" && a.City == "" &&
		a.Region == "" && a.PostalCode == "" && a.Country == ""
}

// Line returns a on one line, its components joined by ", " with the
// postal code before the city ("Storgata 1, 0155 Oslo, Norway") or, where
// a region is given, after it ("San Francisco, CA 94105").
func (a Address) Line() string {
	var place string
	if a.Region != "" {
		place = JoinNonEmpty(", ", a.City, JoinNonEmpty(" ", a.Region, a.PostalCode))
	} else {
		place = JoinNonEmpty(" ", a.PostalCode, a.City)
	}
	return JoinNonEmpty(", ", a.POBox, a.Street, a.Extended, place, a.Country)
}

// clean returns a with each component cleaned: CleanText for the street,
// which may hold lines, CleanLine for the others.
func (a Address) clean() Address {
	a.Street = CleanText(a.Street)
	for _, f := range []*string{&a.POBox, &a.Extended, &a.City, &a.Region, &a.PostalCode, &a.Country} {
		*f = CleanLine(*f)
	}
	a.Label = Label(CleanLine(string(a.Label)))
	return a
}

// AddressLine returns c's first address on one line, or "".
func (c Contact) AddressLine() string {
	if len(c.Addresses) == 0 {
		return ""
	}
	return c.Addresses[0].Line()
}

// AddressText returns c's addresses one a line, each after its label:
// "home: Storgata 1, 0155 Oslo, Norway".
func (c Contact) AddressText() string {
	var lines []string
	for _, a := range c.Addresses {
		lines = append(lines, JoinNonEmpty(": ", string(a.Label), a.Line()))
	}
	return strings.Join(lines, "\n")
}

var (
	// "CA 94105", "OR 97209-1234": a US state and ZIP code; also Canada's
	// "ON M5V 2T6" and Australia's "NSW 2007".
	stateZip = regexp.MustCompile(`^(?:(.*\S)\s+)?([A-Z]{2,3})\s+(\d{5}(?:-\d{4})?|\d{4}|[A-Z]\d[A-Z] ?\d[A-Z]\d)$`)
	// "Manchester M1 3HE", "M1 3HE": a UK postcode after the town.
	ukPostcode = regexp.MustCompile(`^(?:(.*\S)\s+)?([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$`)
	// "10115 Berlin", "D-10115 Berlin", "0155 Oslo", "NO-0155 Oslo": a
	// postal code of four or five digits before the town, as most of
	// Europe writes it; the Netherlands' "1012 AB Amsterdam", its two
	// letters part of it, Poland's "79-640 Poznań" and the Czech and
	// Slovak "680 41 Brno" too.
	codeTown = regexp.MustCompile(`^(?:[A-Z]{1,2}-)?(\d{4} ?[A-Z]{2}|\d{4,5}|\d{2}-\d{3}|\d{3} \d{2})\s+(\D.*)$`)
	// "Singapore 238859", "Pune - 411001", "Bangkok 10110", "Campinas -
	// SP 13010-001": the town, then its postal code, as much of Asia and
	// Brazil write them. The town holds no digit and no word of a street
	// or a unit ("Suite 1200" is no town).
	townCode = regexp.MustCompile(`^(\p{L}[^\d,]*?\p{L}\.?)\s*(?:[-–]\s*)?(\d{6}|\d{5}-\d{3}|\d{4,5})$`)
	// A postal code alone after its town: "Campinas - SP, 13010-001",
	// "PIN 411001", "CEP 13010-001".
	codeAlone = regexp.MustCompile(`^(?i:(?:CEP|PIN|PIN code|postcode|zip)\s*[:.]?\s*)?(\d{6}|\d{5}-\d{3}|\d{5})$`)
	// unitWord is a word of a street or a unit, which no town is named
	// with.
	unitWord = regexp.MustCompile(`(?i)\b(?:suite|ste|unit|floor|fl|level|box|room|rm|apt|no|building|bldg|street|st|road|rd|avenue|ave|lane|ln|block|plot|sector|po|house|tower|rua|rue|calle|avenida|av|alameda|travessa|estrada|rodovia|via|jalan|jl|soi)\b`)
	// townState is a town and its state's two capitals after a dash or
	// a slash: "Campinas - SP".
	townState = regexp.MustCompile(`^(.*\S)\s*[-–/]\s*([A-Z]{2})$`)
	// "〒100-0005" or "100-0005": a Japanese postal code.
	jpPostcode = regexp.MustCompile(`〒?\s*(\d{3}-\d{4})`)
	// The prefecture and the city, ward, town or village of a Japanese
	// address written without spaces: "東京都千代田区丸の内1-1-1".
	jpPlace = regexp.MustCompile(`^(東京都|北海道|(?:京都|大阪)府|\p{Han}{2,3}県)?(\p{Han}+?[市区町村](?:\p{Han}+?区)?)?(.*)$`)
)

// ParseAddress splits an address read as one line from a business card,
// its parts separated by commas or line breaks, into components. It knows
// the forms of the US ("500 Mission St, Fl 12, San Francisco, CA 94105"),
// the UK ("14 Canal Street, Manchester M1 3HE"), most of Europe
// ("Storgata 1, 0155 Oslo, Norway"; "Unter den Linden 5, 10115 Berlin"),
// Australia and Canada, Japan ("〒100-0005 東京都千代田区丸の内1-1-1"), and
// the town before its postal code as Singapore, India, much of Asia and
// Brazil write it ("Singapore 238859", "Campinas - SP, 13010-001").
// region, the user's ISO region code ("US", "NO"), is the country a
// Japanese address is taken to be in when it does not say; an address
// that names no country gets none. What it cannot place stays in the
// street, so that nothing is lost: a line it does not recognise is all
// street.
func ParseAddress(line, region string) Address {
	line = strings.TrimSpace(line)
	if line == "" {
		return Address{}
	}
	if strings.Contains(line, "〒") || hasJapanese(line) {
		return parseJapanese(line, region)
	}
	var parts []string
	for _, p := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			parts = append(parts, p)
		}
	}
	var a Address
	if n := len(parts); n > 1 {
		if CountryRegion(parts[n-1]) != "" {
			a.Country = parts[n-1]
			parts = parts[:n-1]
		}
	}
	// The last part, or the last two, give the town and postal code.
	n := len(parts)
	if n == 0 {
		return a
	}
	last := parts[n-1]
	town := func(rest string, before int) {
		// rest is the town written with the postal code, or "" when
		// the town is the part before.
		if rest != "" {
			a.City = rest
			parts = parts[:before]
			return
		}
		if before > 1 {
			a.City = parts[before-1]
			parts = parts[:before-1]
			return
		}
		parts = parts[:before]
	}
	switch {
	case stateZip.MatchString(last):
		m := stateZip.FindStringSubmatch(last)
		a.Region, a.PostalCode = m[2], m[3]
		town(m[1], n-1)
	case ukPostcode.MatchString(last):
		m := ukPostcode.FindStringSubmatch(last)
		a.PostalCode = m[2]
		town(m[1], n-1)
	case codeTown.MatchString(last):
		m := codeTown.FindStringSubmatch(last)
		a.PostalCode, a.City = m[1], m[2]
		parts = parts[:n-1]
	case townCode.MatchString(last) && !unitWord.MatchString(last):
		m := townCode.FindStringSubmatch(last)
		a.City, a.PostalCode = m[1], m[2]
		parts = parts[:n-1]
	case codeAlone.MatchString(last) && n > 1 && !strings.ContainsAny(parts[n-2], "0123456789") && !unitWord.MatchString(parts[n-2]):
		a.PostalCode = codeAlone.FindStringSubmatch(last)[1]
		a.City = parts[n-2]
		parts = parts[:n-2]
	case a.Country != "" && n == 1 && !strings.ContainsAny(last, "0123456789"):
		// A town and its country alone: "Rotterdam, The Netherlands".
		a.City = last
		return a
	default:
		// No postal code where one is looked for: nothing is safe to
		// place but the country.
		a.Street = strings.Join(parts, ", ")
		return a
	}
	if m := townState.FindStringSubmatch(a.City); m != nil && a.Region == "" {
		a.City, a.Region = m[1], m[2]
	}
	if len(parts) > 0 {
		a.Street = strings.Join(parts, ", ")
	}
	return a
}

// hasJapanese reports whether s holds kana or a Japanese prefecture's
// ending after Han characters.
func hasJapanese(s string) bool {
	for _, r := range s {
		if '\u3040' <= r && r <= '\u30FF' {
			return true
		}
	}
	return strings.ContainsAny(s, "都道府県") && strings.ContainsAny(s, "市区町村")
}

// parseJapanese is ParseAddress for a Japanese address, written from the
// postal code down to the building.
func parseJapanese(line, region string) Address {
	var a Address
	if m := jpPostcode.FindStringSubmatchIndex(line); m != nil {
		a.PostalCode = line[m[2]:m[3]]
		line = line[:m[0]] + " " + line[m[1]:]
	}
	line = strings.Join(strings.Fields(strings.ReplaceAll(line, "〒", "")), " ")
	for name, code := range countries {
		if code == "JP" && strings.HasPrefix(strings.ToLower(line), name) {
			a.Country, line = line[:len(name)], strings.TrimSpace(line[len(name):])
			break
		}
	}
	if a.Country == "" && strings.EqualFold(region, "JP") {
		a.Country = "日本"
	}
	m := jpPlace.FindStringSubmatch(line)
	a.Region, a.City = m[1], m[2]
	a.Street = strings.TrimSpace(m[3])
	if a.Region == "" && a.City == "" {
		a.Street = line
	}
	return a
}
