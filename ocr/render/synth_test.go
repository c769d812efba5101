package render

import (
	"slices"
	"testing"
)

// TestChoicesDrawnApart: the choices drawn apart from a card's other
// choices are made for about their share of the cards, each where its
// own draw says, and print what the expected card holds: the firm's
// legal form on a line of its own under its name, and a town and its
// country alone for the address.
func TestChoicesDrawnApart(t *testing.T) {
	const n = 520
	set := SyntheticSet(1, n)
	tests := []struct {
		name  string
		share int
		drawn func(i int, s Synthetic) bool // the draw of card i
		// printed says whether the card prints the choice as the
		// expected card holds it.
		printed func(Synthetic) bool
	}{
		{
			name: "a legal form on a line of its own", share: formShare,
			drawn: func(_ int, s Synthetic) bool { return formApart(s.seed) },
			printed: func(s Synthetic) bool {
				ls := s.Card.Lines
				return slices.ContainsFunc(ls[:len(ls)-1], func(l Line) bool {
					k := slices.IndexFunc(ls, func(m Line) bool { return m.Text == l.Text })
					return l.Text+" "+ls[k+1].Text == s.Want.Company
				})
			},
		},
		{
			name: "a town and its country alone", share: townShare,
			drawn: func(i int, s Synthetic) bool {
				return townOnly(s.seed, countryOf(i)) != ""
			},
			printed: func(s Synthetic) bool {
				return slices.ContainsFunc(s.Card.Lines, func(l Line) bool { return l.Text == s.Want.Address })
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var count int
			for i, s := range set {
				if s.Want.Language == "ja" || !tt.printed(s) {
					continue
				}
				count++
				if !tt.drawn(i, s) {
					t.Errorf("%s prints %s its own draw did not choose", s.Name, tt.name)
				}
			}
			// Japanese cards, Singapore's and firms with no legal form
			// make none: at least a third of the share is left.
			if want := n / tt.share; count < want/3 || count > want*3/2 {
				t.Errorf("%d of %d cards print %s, want about %d", count, n, tt.name, want)
			}
			t.Logf("%d of %d cards", count, n)
		})
	}
}
