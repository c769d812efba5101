package contacts

import (
	_ "embed"
	"strings"
	"sync"
)

// freemailList holds the domains of free email providers and ISPs, one a
// line: the list of the npm package free-email-domains 1.12.6
// (domains.json, MIT licence, github.com/Kikobeats/free-email-domains),
// written out one domain a line. Update it from a newer release of that
// package.
//
//go:embed freemail.txt
var freemailList string

var freemail = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 15000)
	for _, d := range strings.Fields(freemailList) {
		m[d] = true
	}
	return m
})

// FreeMailDomain says whether domain, or a domain it is part of, belongs
// to a free email provider or an ISP ("gmail.com", "mail.comcast.net"),
// whose addresses tell nothing of the firm a person works for.
func FreeMailDomain(domain string) bool {
	d := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(domain)), ".")
	m := freemail()
	for strings.Contains(d, ".") {
		if m[d] {
			return true
		}
		_, d, _ = strings.Cut(d, ".")
	}
	return false
}
