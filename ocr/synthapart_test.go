package ocr

import (
	"strings"
	"testing"

	"followthrough/ocr/render"
)

// TestSyntheticSetApart checks that the invented cards are not drawn from
// the classifier's own lists (issue 23): few of their people have names
// the classifier knows, few of their job titles hold its title words and
// few of their companies its company words. When they did, the synthetic
// set scored 0.99 while real cards nobody tuned for scored 0.73.
func TestSyntheticSetApart(t *testing.T) {
	set := render.SyntheticSet(1, 4*len(render.Styles))
	var knownName, knownTitle, knownCompany int
	for _, s := range set {
		words := strings.Fields(foldMarks(strings.ToLower(s.Want.Name)))
		if firstNames[words[0]] || lastNames[words[len(words)-1]] {
			knownName++
		}
		for _, w := range strings.Fields(s.Want.Title) {
			if isTitleHead(w) {
				knownTitle++
				break
			}
		}
		if companyWordRe.MatchString(s.Want.Company) {
			knownCompany++
		}
	}
	n := len(set)
	tests := []struct {
		what  string
		count int
		most  float64 // the largest share allowed
	}{
		{"names the classifier knows", knownName, 0.15},
		{"job titles with the classifier's title words", knownTitle, 0.5},
		{"companies with the classifier's company words", knownCompany, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			t.Logf("%d of %d cards", tt.count, n)
			if share := float64(tt.count) / float64(n); share > tt.most {
				t.Errorf("%d of %d synthetic cards have %s (%.0f%%), want at most %.0f%%", tt.count, n, tt.what, 100*share, 100*tt.most)
			}
		})
	}
}
