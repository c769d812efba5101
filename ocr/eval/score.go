// Package eval measures how well the ocr pipeline reads cards: it scores
// a reading against the card it should have given, field by field, and
// runs the reading of folders of labelled card images (Run), as the eval
// command does.
package eval

import (
	"strings"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/unicode/norm"

	"followthrough/ocr"
)

// The fields an accuracy score is kept for, in the order reports show them.
var ScoredFields = []string{"name", "title", "company", "phone", "email", "website", "address"}

// Tally counts, for one field, the values predicted, expected and right.
type Tally struct{ Predicted, Expected, Correct int }

// Add adds t2 to t.
func (t *Tally) Add(t2 Tally) {
	t.Predicted += t2.Predicted
	t.Expected += t2.Expected
	t.Correct += t2.Correct
}

// Precision is correct / predicted, or 0 when nothing was predicted.
func (t Tally) Precision() float64 { return ratio(t.Correct, t.Predicted) }

// Recall is correct / expected, or 0 when nothing was expected.
func (t Tally) Recall() float64 { return ratio(t.Correct, t.Expected) }

// F1 is the harmonic mean of precision and recall.
func (t Tally) F1() float64 {
	p, r := t.Precision(), t.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score holds tallies per field.
type Score map[string]Tally

// Add adds every tally of s2 to s.
func (s Score) Add(s2 Score) {
	for k, t := range s2 {
		t0 := s[k]
		t0.Add(t)
		s[k] = t0
	}
}

// MacroF1 is the mean F1 over ScoredFields.
func (s Score) MacroF1() float64 {
	var sum float64
	for _, f := range ScoredFields {
		sum += s[f].F1()
	}
	return sum / float64(len(ScoredFields))
}

// ScoreCard compares a predicted card with the expected one under the rules
// of the cards-dev README: the first FN, TITLE, ORG, EMAIL, URL and ADR,
// and every TEL that is not a fax; values containing "..." were cut off by
// the scan's edge and are not scored.
func ScoreCard(expected, predicted vcard.Card) Score {
	s := Score{}
	single := func(field, prop string, join bool, same func(a, b string) bool) {
		e, p := firstValue(expected, prop, join), firstValue(predicted, prop, join)
		if strings.Contains(e, "...") {
			return
		}
		var t Tally
		if e != "" {
			t.Expected = 1
		}
		if p != "" {
			t.Predicted = 1
		}
		if e != "" && p != "" && same(e, p) {
			t.Correct = 1
		}
		s[field] = t
	}
	single("name", vcard.FieldFormattedName, false, sameName)
	single("title", vcard.FieldTitle, false, tokenMatch(0.8))
	single("company", vcard.FieldOrganization, true, tokenMatch(0.8))
	single("email", vcard.FieldEmail, false, sameEmail)
	single("website", vcard.FieldURL, false, sameWebsite)
	single("address", vcard.FieldAddress, true, tokenMatch(0.7))

	exp, pred := phones(expected), phones(predicted)
	t := Tally{Expected: len(exp), Predicted: len(pred)}
	used := make([]bool, len(pred))
	for _, e := range exp {
		for i, p := range pred {
			if !used[i] && samePhone(e, p) {
				used[i] = true
				t.Correct++
				break
			}
		}
	}
	s["phone"] = t
	return s
}

func firstValue(c vcard.Card, prop string, join bool) string {
	f := c.Get(prop)
	if f == nil {
		return ""
	}
	if join {
		return strings.Join(strings.Fields(strings.ReplaceAll(f.Value, ";", " ")), " ")
	}
	return f.Value
}

func phones(c vcard.Card) []string {
	var out []string
	for _, f := range c[vcard.FieldTelephone] {
		if strings.Contains(strings.ToLower(strings.Join(f.Params[vcard.ParamType], ",")), "fax") {
			continue
		}
		if strings.Contains(f.Value, "...") {
			continue
		}
		out = append(out, f.Value)
	}
	return out
}

var honorifics = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "ts": true,
	"dmd": true, "phd": true, "md": true, "jr": true, "sr": true}

func sameName(a, b string) bool {
	strip := func(s string) []string {
		var out []string
		for _, t := range ocr.Tokens(s) {
			if !honorifics[t] {
				out = append(out, t)
			}
		}
		return out
	}
	ta, tb := strip(a), strip(b)
	if len(ta) != len(tb) || len(ta) == 0 {
		return false
	}
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

func tokenMatch(threshold float64) func(a, b string) bool {
	return func(a, b string) bool { return ocr.TokenF1(a, b) >= threshold }
}

func sameEmail(a, b string) bool {
	clean := func(s string) string {
		s = strings.ReplaceAll(ocr.Fold(s), " ", "")
		return strings.TrimPrefix(s, "mailto:")
	}
	return clean(a) == clean(b)
}

func sameWebsite(a, b string) bool {
	clean := func(s string) string {
		s = ocr.Fold(strings.TrimSpace(s))
		for _, p := range []string{"https://", "http://"} {
			s = strings.TrimPrefix(s, p)
		}
		s = strings.TrimPrefix(s, "www.")
		return strings.TrimSuffix(s, "/")
	}
	return clean(a) == clean(b)
}

func samePhone(a, b string) bool {
	da, db := digits(norm.NFKC.String(a)), digits(norm.NFKC.String(b))
	if len(da) < 7 || len(db) < 7 {
		return false
	}
	last9 := func(s string) string { return s[max(0, len(s)-9):] }
	return last9(da) == last9(db)
}

// digits are the ASCII digits of s, in order.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// A FieldDiff is a field read wrong on one card: what the card says and
// what was read, as the scoring sees them (phones joined by " | ").
type FieldDiff struct {
	Field    string `json:"field"`
	Expected string `json:"expected"`
	Read     string `json:"read"`
}

// Wrong lists the fields that s, the score of predicted against expected,
// counts as wrong: a value missed, a value read that is not on the card,
// or one read differently.
func Wrong(expected, predicted vcard.Card, s Score) []FieldDiff {
	ev, pv := ScoredValues(expected), ScoredValues(predicted)
	var out []FieldDiff
	for _, f := range ScoredFields {
		t := s[f]
		if t.Correct < t.Expected || t.Correct < t.Predicted {
			out = append(out, FieldDiff{Field: f, Expected: ev[f], Read: pv[f]})
		}
	}
	return out
}

// ScoredValues returns the values of c that scoring looks at, per field:
// the first name, title, company, email, website and address, and the
// phones that are not faxes joined by " | ".
func ScoredValues(c vcard.Card) map[string]string {
	return map[string]string{
		"name":    firstValue(c, vcard.FieldFormattedName, false),
		"title":   firstValue(c, vcard.FieldTitle, false),
		"company": firstValue(c, vcard.FieldOrganization, true),
		"phone":   strings.Join(phones(c), " | "),
		"email":   firstValue(c, vcard.FieldEmail, false),
		"website": firstValue(c, vcard.FieldURL, false),
		"address": firstValue(c, vcard.FieldAddress, true),
	}
}

// SameReading says which scored fields two readings of the same card
// disagree on, compared as the scoring compares a reading with the card.
func SameReading(a, b vcard.Card) (differ []string) {
	va, vb := ScoredValues(a), ScoredValues(b)
	same := map[string]func(a, b string) bool{
		"name": sameName, "title": tokenMatch(0.999), "company": tokenMatch(0.999), "email": sameEmail,
		"website": sameWebsite, "address": tokenMatch(0.999),
		"phone": func(a, b string) bool {
			pa, pb := strings.Split(a, " | "), strings.Split(b, " | ")
			if len(pa) != len(pb) {
				return false
			}
			for i := range pa {
				if pa[i] != pb[i] && !samePhone(pa[i], pb[i]) {
					return false
				}
			}
			return true
		},
	}
	for _, f := range ScoredFields {
		if va[f] == vb[f] || va[f] != "" && vb[f] != "" && same[f](va[f], vb[f]) {
			continue
		}
		differ = append(differ, f)
	}
	return differ
}
