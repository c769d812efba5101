package contacts

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A Match is a stored contact that may be the same person as another,
// with the reasons to think so.
type Match struct {
	Contact Contact
	Reasons []string // such as "same email ann@example.com"
}

// SamePerson returns the reasons to think that a and b are the same
// person, or nil if there are none: the same email address (whatever its
// case), the same phone number (compared in E.164, numbers without a
// country code read as numbers of region; the reason gives it as b
// writes it), or a close name at the same
// company. A close name is the same name once case, accents and
// punctuation are set aside, or one a typo or two away, as OCR makes them.
// A phonetic name counts as a name: the Japanese card of 山本 健太, read
// Kenta Yamamoto, and his English card, Kenta Yamamoto, name one person.
func SamePerson(a, b Contact, region string) []string {
	var reasons []string
	for _, ea := range a.Emails {
		for _, eb := range b.Emails {
			if ea = strings.TrimSpace(ea); ea != "" && strings.EqualFold(ea, strings.TrimSpace(eb)) {
				reasons = appendNew(reasons, "same email "+strings.ToLower(ea))
			}
		}
	}
	phones := make(map[string]bool)
	for _, p := range a.Phones {
		if e, ok := NormalizePhone(p.Number, region); ok {
			phones[e] = true
		}
	}
	for _, p := range b.Phones {
		if e, ok := NormalizePhone(p.Number, region); ok && phones[e] {
			// Said as b writes it, as the contact shows it; once.
			reasons = append(reasons, "same phone "+strings.Join(strings.Fields(p.Number), " "))
			delete(phones, e)
		}
	}
	if ca := CompanyKey(a.Company); ca != "" && ca == CompanyKey(b.Company) && closeNamesOf(a, b) {
		reasons = append(reasons, fmt.Sprintf("similar name at %s", strings.TrimSpace(b.Company)))
	}
	return reasons
}

// closeNamesOf reports whether a name of a, its name or its phonetic
// name, is close to one of b's.
func closeNamesOf(a, b Contact) bool {
	for _, na := range []string{nameKey(personName(a)), nameKey(a.PhoneticName())} {
		for _, nb := range []string{nameKey(personName(b)), nameKey(b.PhoneticName())} {
			if na != "" && nb != "" && closeNames(na, nb) {
				return true
			}
		}
	}
	return false
}

// appendNew appends s to list unless it is there already.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// personName is the name c was given, or "" if it has none.
func personName(c Contact) string {
	if c.FullName != "" {
		return c.FullName
	}
	return JoinNonEmpty(" ", c.GivenName, c.FamilyName)
}

// nameKey reduces a name to lower-case letters and digits without
// accents, its words sorted and initials left out, so that "Lee, Ann" and
// "Ann B. Lee" meet "Ann Lee".
func nameKey(name string) string {
	words := slices.DeleteFunc(strings.Fields(foldKey(name)), func(w string) bool {
		return len([]rune(w)) < 2
	})
	slices.Sort(words)
	return strings.Join(words, " ")
}

// companySuffixes are the legal forms that say nothing about which
// company it is.
var companySuffixes = map[string]bool{
	"inc": true, "incorporated": true, "llc": true, "llp": true, "ltd": true, "limited": true,
	"corp": true, "corporation": true, "co": true, "company": true, "plc": true, "gmbh": true,
	"ag": true, "sa": true, "sas": true, "sarl": true, "bv": true, "nv": true, "pty": true,
	"kk": true, "srl": true, "spa": true, "oy": true, "ab": true, "as": true, "the": true,
}

// CompanyKey reduces a company name to its distinctive words: "The Acme
// Corp." and "ACME Corporation" are both "acme".
func CompanyKey(company string) string {
	var kept []string
	for _, w := range strings.Fields(foldKey(company)) {
		if !companySuffixes[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// foldKey lower-cases s, takes the accents off its letters and turns
// everything but letters and digits into spaces.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// an accent, dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// closeNames reports whether two name keys are the same name: equal, or
// apart by at most one edit in six letters, and never more than two.
func closeNames(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	allowed := min(2, max(1, min(len(ra), len(rb))/6))
	return editDistance(ra, rb, allowed) <= allowed
}

// editDistance is the number of letters to insert, delete, change or swap
// with the next to turn a into b (the optimal string alignment distance),
// or a number above limit once it is sure to be more than limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// Three rows of the table: i-2, i-1 and i.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
