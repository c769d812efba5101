package render

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestChoicesDrawnApart: the choices drawn apart from a card's other
// choices are made for about their share of the cards, each where its
// own draw says, and print what the expected card holds: the firm's
// legal form on a line of its own under its name, a card from a country
// whose language writes marks, with its holder's name as the card prints
// it, a shop's card with its firm printed larger than its holder, an
// address at a free mail provider, and a town and its country alone for
// the address.
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
			name: "a card from a country whose language writes marks", share: markedShare,
			drawn: func(i int, s Synthetic) bool {
				return cardCountry(s.seed, i).code != countryOf(i).code
			},
			printed: func(s Synthetic) bool {
				return slices.ContainsFunc(markedCountries, func(c country) bool { return c.lang == s.Want.Language }) &&
					slices.ContainsFunc(s.Card.Lines, func(l Line) bool { return l.Text == s.Want.Name })
			},
		},
		{
			name: "a shop's card, its firm printed larger than its holder", share: shopShare,
			drawn: func(_ int, s Synthetic) bool {
				_, ok := shopCard(s.seed)
				return ok
			},
			printed: func(s Synthetic) bool {
				k := slices.IndexFunc(s.Card.Lines, func(l Line) bool { return l.Text == s.Want.Name })
				return k >= 0 && slices.ContainsFunc(s.Card.Lines, func(l Line) bool {
					return l.Size > s.Card.Lines[k].Size && strings.HasPrefix(s.Want.Company, l.Text)
				})
			},
		},
		{
			name: "an address at a free mail provider", share: freeShare,
			drawn: func(_ int, s Synthetic) bool {
				_, _, ok := freeMailbox(s.seed, "", "", "")
				return ok
			},
			printed: func(s Synthetic) bool {
				_, host, _ := strings.Cut(s.Want.Email, "@")
				return slices.Contains([]string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com"}, host) &&
					slices.ContainsFunc(s.Card.Lines, func(l Line) bool { return strings.HasSuffix(l.Text, s.Want.Email) })
			},
		},
		{
			name: "a town and its country alone", share: townShare,
			drawn: func(i int, s Synthetic) bool {
				return townOnly(s.seed, cardCountry(s.seed, i)) != ""
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

// TestMarkedLanguagesDrawn: every language of markedCountries has cards
// in a set, and each of their lines is drawn in a font that has all its
// letters: the Go fonts have no Vietnamese letters with two marks, and a
// line drawn with boxes for letters would measure nothing.
func TestMarkedLanguagesDrawn(t *testing.T) {
	set := SyntheticSet(1, 520)
	for _, c := range markedCountries {
		t.Run(c.lang, func(t *testing.T) {
			var cards int
			for _, s := range set {
				if s.Want.Language != c.lang {
					continue
				}
				cards++
				fc := newFaces(1)
				for _, l := range s.Card.Lines {
					face := fc.get(l, 10)
					for _, r := range l.Text {
						if _, ok := face.GlyphAdvance(r); !ok && !unicode.IsSpace(r) {
							t.Errorf("%s: %q drawn without a letter for %q", s.Name, l.Text, r)
						}
					}
				}
				fc.close()
			}
			if cards < 5 {
				t.Errorf("%d cards in %s, want at least 5 of 520", cards, c.lang)
			}
		})
	}
}
