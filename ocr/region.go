package ocr

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"followthrough/contacts"
)

// regionOf decides the country a card's phone numbers are dialled in when
// printed without a country code, from the evidence the card gives, most
// telling first: a country code printed on one of its numbers, the
// country named in its address, then the country code top-level domain
// of its email or website. It returns fallback when nothing tells.
func regionOf(texts []string, domains []string, fallback string) (region, why string) {
	// A number printed with its country code: "+44 20 7946 0321", or
	// glued to the number that follows, "+6016 555 0142", when the whole
	// is a valid number.
	for _, t := range texts {
		for _, m := range plusNumberRe.FindAllString(t, -1) {
			if n, ok := validNumber(m, "ZZ"); ok {
				if r := phonenumbers.GetRegionCodeForNumber(n); r != "" && r != "ZZ" {
					return r, "country code +" + strconv.Itoa(int(n.GetCountryCode()))
				}
			}
		}
		for _, m := range plusCodeRe.FindAllStringSubmatch(t, -1) {
			for n := 3; n >= 1; n-- {
				if len(m[1]) < n {
					continue
				}
				code, _ := strconv.Atoi(m[1][:n])
				if r := phonenumbers.GetRegionCodeForCountryCode(code); r != "" && r != "ZZ" {
					return r, "country code +" + m[1][:n]
				}
			}
		}
	}
	for _, t := range texts {
		for _, t := range countryReadings(t) {
			if m := countryNameRe.FindStringSubmatch(t); m != nil {
				if r := contacts.CountryRegion(m[1]); r != "" {
					return r, "address in " + m[1]
				}
			}
		}
	}
	for _, d := range domains {
		tld := d[strings.LastIndex(d, ".")+1:]
		if r := countryOfTLD(tld); r != "" {
			return r, "domain ." + tld
		}
	}
	return fallback, ""
}

var plusNumberRe = regexp.MustCompile(`\+\s?\d[\d ()./\-]{5,}\d`)

var plusCodeRe = regexp.MustCompile(`\+\s?(\d{1,3})[\s.\-(]`)

// tldRegions are the country code top-level domains whose region code is
// not the domain in capitals.
var tldRegions = map[string]string{"uk": "GB", "su": "RU", "eu": ""}

// countryNames is every name of contacts.CountryNames as a regular expression's
// alternatives, longest first so that "south korea" wins over "korea":
// the one list of countries that addresses and regions are told by.
var countryNames = func() string {
	var names []string
	for _, n := range contacts.CountryNames() {
		names = append(names, regexp.QuoteMeta(n))
	}
	slices.Sort(names) // a stable order for equal lengths
	slices.SortStableFunc(names, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(names, "|")
}()

var countryNameRe = regexp.MustCompile(`(?i)(?:^|[,|\d]\s*|\s)(?:the\s+)?(` + countryNames + `)\.?\s*$`)
