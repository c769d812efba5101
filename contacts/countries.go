package contacts

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// countries are the names an address gives its country in, lower case
// and without a final full stop, with the country's ISO region code: the
// one list the card reader and ParseAddress tell countries by. "us" is
// not among them: "Contact us" would name one.
var countries = map[string]string{
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
	"united states of america": "US", "great britain": "GB", "日本": "JP",
}

// CountryRegion returns the ISO region code ("NL") of the country name
// names ("The Netherlands", "u.s.a."), its case, a leading "the" and a
// final full stop aside, or "" when it names none.
func CountryRegion(name string) string {
	n := strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), "."), "the ")
	if r, ok := countries[n]; ok {
		return r
	}
	return unmarkedCountries[n]
}

// unmarkedCountries are the names of countries written with marks, as
// they read without them ("espana", "osterreich", and "tiirkiye", its ü
// read as two letters): a scan or a photo often loses a mark, and some
// cards print none.
var unmarkedCountries = func() map[string]string {
	m := map[string]string{}
	for name, r := range countries {
		var b strings.Builder
		for _, c := range norm.NFD.String(name) {
			if !unicode.Is(unicode.Mn, c) {
				b.WriteRune(c)
			}
		}
		if plain := b.String(); plain != name && countries[plain] == "" {
			m[plain] = r
		}
		// OCR without the language's model reads ü as "ii": "Tiirkiye".
		if ii := strings.ReplaceAll(name, "ü", "ii"); ii != name && countries[ii] == "" {
			m[ii] = r
		}
	}
	return m
}()

// CountryNames returns every name CountryRegion knows a country by, in
// lower case, in no order.
func CountryNames() []string {
	return slices.Concat(slices.Collect(maps.Keys(countries)), slices.Collect(maps.Keys(unmarkedCountries)))
}
