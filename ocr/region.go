package ocr

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// regionOf decides the country a card's phone numbers are dialled in when
// printed without a country code, from the evidence the card gives, most
// telling first: a country code printed on one of its numbers, the
// country named in its address, then the country code top-level domain
// of its email or website. It returns fallback when nothing tells.
func regionOf(texts []string, domains []string, fallback string) (region, why string) {
	// A number printed with its country code: "+44 20 7946 0321", or
	// glued to the number that follows, "+6016 721 9441", when the whole
	// is a valid number.
	for _, t := range texts {
		for _, m := range plusNumberRe.FindAllString(t, -1) {
			if n, err := phonenumbers.Parse(m, "ZZ"); err == nil && phonenumbers.IsValidNumber(n) {
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
		if m := countryNameRe.FindStringSubmatch(t); m != nil {
			if r := countryRegions[strings.ToLower(m[1])]; r != "" {
				return r, "address in " + m[1]
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

// countryRegions are the countries an address may end with, by name.
var countryRegions = map[string]string{
	"usa": "US", "u.s.a": "US", "united states": "US", "canada": "CA", "mexico": "MX", "méxico": "MX",
	"brazil": "BR", "brasil": "BR", "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE", "perú": "PE",
	"united kingdom": "GB", "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "ireland": "IE",
	"france": "FR", "belgium": "BE", "belgique": "BE", "belgië": "BE", "netherlands": "NL", "nederland": "NL",
	"germany": "DE", "deutschland": "DE", "austria": "AT", "österreich": "AT", "switzerland": "CH", "schweiz": "CH", "suisse": "CH",
	"spain": "ES", "españa": "ES", "portugal": "PT", "italy": "IT", "italia": "IT",
	"denmark": "DK", "sweden": "SE", "norway": "NO", "finland": "FI", "poland": "PL", "polska": "PL",
	"japan": "JP", "china": "CN", "hong kong": "HK", "taiwan": "TW", "korea": "KR", "south korea": "KR",
	"singapore": "SG", "malaysia": "MY", "indonesia": "ID", "thailand": "TH", "philippines": "PH",
	"vietnam": "VN", "viet nam": "VN", "việt nam": "VN", "india": "IN",
	"turkey": "TR", "türkiye": "TR", "turkiye": "TR", "croatia": "HR", "hrvatska": "HR",
	"czech republic": "CZ", "czechia": "CZ", "česká republika": "CZ",
	"australia": "AU", "new zealand": "NZ", "south africa": "ZA",
	"danmark": "DK", "sverige": "SE", "norge": "NO", "greece": "GR", "luxembourg": "LU", "israel": "IL",
	"uae": "AE", "u.a.e": "AE", "united arab emirates": "AE", "saudi arabia": "SA", "qatar": "QA", "oman": "OM",
	"kuwait": "KW", "bahrain": "BH", "egypt": "EG", "nigeria": "NG", "kenya": "KE", "pakistan": "PK",
	"bangladesh": "BD", "sri lanka": "LK",
	"hungary": "HU", "magyarország": "HU", "romania": "RO", "românia": "RO", "bulgaria": "BG", "slovakia": "SK",
	"slovak republic": "SK", "slovensko": "SK", "slovenia": "SI", "slovenija": "SI", "serbia": "RS", "srbija": "RS",
	"bosnia and herzegovina": "BA", "montenegro": "ME", "north macedonia": "MK", "albania": "AL",
	"ukraine": "UA", "russia": "RU", "estonia": "EE", "latvia": "LV", "lithuania": "LT", "iceland": "IS",
	"cyprus": "CY", "malta": "MT", "monaco": "MC", "liechtenstein": "LI", "morocco": "MA", "maroc": "MA",
	"tunisia": "TN", "algeria": "DZ", "ghana": "GH", "ethiopia": "ET", "tanzania": "TZ", "uganda": "UG",
	"rwanda": "RW", "senegal": "SN", "sénégal": "SN", "cameroon": "CM", "ivory coast": "CI", "côte d'ivoire": "CI",
	"angola": "AO", "mozambique": "MZ", "namibia": "NA", "botswana": "BW", "zambia": "ZM", "zimbabwe": "ZW",
	"mauritius": "MU", "lebanon": "LB", "iraq": "IQ", "iran": "IR", "kazakhstan": "KZ", "uzbekistan": "UZ",
	"azerbaijan": "AZ", "armenia": "AM", "nepal": "NP", "myanmar": "MM", "cambodia": "KH", "laos": "LA",
	"macau": "MO", "macao": "MO", "mongolia": "MN", "brunei": "BN", "maldives": "MV",
	"uruguay": "UY", "paraguay": "PY", "bolivia": "BO", "ecuador": "EC", "venezuela": "VE", "panama": "PA",
	"panamá": "PA", "costa rica": "CR", "guatemala": "GT", "honduras": "HN", "el salvador": "SV",
	"nicaragua": "NI", "dominican republic": "DO", "república dominicana": "DO", "puerto rico": "PR",
	"jamaica": "JM", "trinidad and tobago": "TT",
}

// countryNames is every name in countryRegions as a regular expression's
// alternatives, longest first so that "south korea" wins over "korea":
// the one list of countries that addresses and regions are told by.
var countryNames = func() string {
	var names []string
	for n := range countryRegions {
		names = append(names, regexp.QuoteMeta(n))
	}
	slices.Sort(names) // a stable order for equal lengths
	slices.SortStableFunc(names, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(names, "|")
}()

var countryNameRe = regexp.MustCompile(`(?i)(?:^|[,|\d]\s*|\s)(?:the\s+)?(` + countryNames + `)\.?\s*$`)
