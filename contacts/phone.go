package contacts

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is the region, as an ISO 3166-1 alpha-2 code, assumed for
// phone numbers written without a country calling code when nothing says
// otherwise (a store's Region starts as it).
const DefaultRegion = "US"

// NormalizePhone returns number in E.164 form, such as "+16505550100",
// reading it as a number of region (an ISO 3166-1 alpha-2 code such as "US"
// or "de") when it has no country calling code. The number may carry
// punctuation, letters of a vanity number, a "tel:" prefix or an extension;
// the extension is dropped. ok is false, and e164 empty, when the text is
// not a valid number of a known numbering plan.
func NormalizePhone(number, region string) (e164 string, ok bool) {
	n, err := phonenumbers.Parse(number, strings.ToUpper(strings.TrimSpace(region)))
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

// Digits returns the ASCII digits of s: what two ways of writing a phone
// number have in common.
func Digits(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, s)
}
