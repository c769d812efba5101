package largedb

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// TestGeneratedDatabase makes the large database at a fiftieth of its
// size and checks that it holds what was asked, and that the fast paths
// (the reconnect list read through its indexes, search through the
// full-text index, lists a page at a time, export in batches) give the
// same answers as reading everything.
func TestGeneratedDatabase(t *testing.T) {
	ctx := t.Context()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	images, err := SampleCards("../..")
	if err != nil || len(images) == 0 {
		t.Fatalf("sample cards: %v, %v", images, err)
	}
	sz := Full.Scaled(50)
	today := contacts.Day{Year: 2026, Month: 11, Day: 20}
	if err := Generate(ctx, store, sz, today, 7, images, nil); err != nil {
		t.Fatal(err)
	}

	all, err := store.Find(ctx, sqlite.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	people, err := store.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("sizes", func(t *testing.T) {
		open, interactions, cadences, withImage := 0, 0, 0, 0
		for _, p := range people {
			open += len(p.Open)
		}
		for _, c := range all {
			its, err := store.Interactions(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			interactions += len(its)
			if !c.Cadence.IsZero() {
				cadences++
			}
			if c.Image != "" {
				withImage++
			}
		}
		if len(all) != sz.Contacts || interactions != sz.Interactions || open != sz.Open {
			t.Errorf("made %d contacts, %d interactions, %d open follow-ups; want %+v", len(all), interactions, open, sz)
		}
		if cadences < sz.Contacts/20 || withImage < sz.Contacts/2 {
			t.Errorf("%d contacts with a cadence, %d with an image: the data is not varied enough", cadences, withImage)
		}
	})

	t.Run("reconnect", func(t *testing.T) {
		for _, tt := range []struct {
			days, horizon int
		}{{0, 30}, {0, 0}, {-90, 14}, {45, 30}, {400, 30}} {
			day := today.AddDays(tt.days)
			want := contacts.Reconnect(people, day, tt.horizon)
			if len(want) == 0 {
				t.Fatalf("%s: an empty reconnect list tells nothing", day)
			}
			counts, err := store.ReconnectCounts(ctx, day, tt.horizon)
			if err != nil {
				t.Fatal(err)
			}
			if w := contacts.Counts(want); !maps.Equal(counts, w) {
				t.Errorf("%s, horizon %d: counts %v, want %v", day, tt.horizon, counts, w)
			}
			// Read a page at a time, as the window does.
			var got []contacts.ReconnectItem
			for _, sec := range contacts.Sections {
				for off := 0; ; off += 37 {
					page, err := store.ReconnectItems(ctx, sqlite.ReconnectQuery{Today: day, Horizon: tt.horizon, Section: sec, Offset: off, Limit: 37})
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, page...)
					if len(page) < 37 {
						break
					}
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%s, horizon %d: pages give %d entries, reading everyone %d", day, tt.horizon, len(got), len(want))
			}
			for i := range want {
				if g, w := entryKey(got[i]), entryKey(want[i]); g != w {
					t.Fatalf("%s, horizon %d: entry %d is %s, want %s", day, tt.horizon, i, g, w)
				}
				g, w := got[i].Person, want[i].Person
				if g.LastTalk != w.LastTalk || !slices.Equal(g.Contact.Phones, w.Contact.Phones) || !slices.Equal(g.Contact.Addresses, w.Contact.Addresses) {
					t.Fatalf("entry %d: talk %q phones %v; want %q %v", i, g.LastTalk, g.Contact.Phones, w.LastTalk, w.Contact.Phones)
				}
			}
		}
	})

	t.Run("search", func(t *testing.T) {
		for i := 0; i < len(all); i += 97 {
			c := all[i]
			email := c.Emails[0]
			domain := email[strings.Index(email, "@")+1:]
			digits := strings.Map(func(r rune) rune {
				if '0' <= r && r <= '9' {
					return r
				}
				return -1
			}, c.Phones[0].Number)
			for _, q := range []string{
				c.FamilyName[:min(4, len(c.FamilyName))],
				strings.Fields(c.Company)[0],
				strings.ToUpper(c.GivenName) + " " + c.FamilyName[:min(3, len(c.FamilyName))],
				domain[:min(5, len(domain))],
				email[:strings.Index(email, "@")+1],
				digits[len(digits)-7:],
			} {
				found, err := store.List(ctx, q, 0)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.ContainsFunc(found, func(f contacts.Contact) bool { return f.ID == c.ID }) {
					t.Errorf("search %q does not find %s <%s> %s", q, c.FullName, email, c.Phones[0].Number)
				}
				if q == c.FamilyName[:min(4, len(c.FamilyName))] {
					// Everyone found has a word that starts so, and
					// everyone with such a name is found.
					want := 0
					for _, o := range all {
						if hasWordStarting(o, q) {
							want++
						}
					}
					n, err := store.FindCount(ctx, sqlite.Filter{Query: q})
					if err != nil || n != want || len(found) != want {
						t.Errorf("search %q: count %d, found %d; %d have a word starting so", q, n, len(found), want)
					}
				}
			}
		}
	})

	t.Run("pages", func(t *testing.T) {
		tags, err := store.Tags(ctx)
		if err != nil || len(tags) < 10 {
			t.Fatalf("tags %v, %v", tags, err)
		}
		for _, f := range []sqlite.Filter{{}, {Tag: tags[3]}, {Query: "a"}, {Query: "a", Tag: tags[5]}} {
			whole, err := store.Find(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			n, err := store.FindCount(ctx, f)
			if err != nil || n != len(whole) {
				t.Errorf("%+v: count %d, %v; found %d", f, n, err, len(whole))
			}
			var paged []int64
			for off := 0; off < n; off += 100 {
				pf := f
				pf.Offset, pf.Limit = off, 100
				page, err := store.Find(ctx, pf)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range page {
					paged = append(paged, c.ID)
				}
			}
			if !slices.Equal(paged, ids(whole)) {
				t.Errorf("%+v: %d contacts in pages differ from the %d found at once", f, len(paged), len(whole))
			}
		}
	})

	t.Run("export", func(t *testing.T) {
		var buf bytes.Buffer
		n := 0
		err := store.EachContact(ctx, sqlite.Filter{}, func(cs []contacts.Contact) error {
			n += len(cs)
			return vcf.Write(&buf, cs...)
		})
		if err != nil {
			t.Fatal(err)
		}
		read, err := vcf.Read(&buf)
		if err != nil || n != len(all) || len(read) != len(all) {
			t.Fatalf("exported %d, read back %d (%v); want %d", n, len(read), err, len(all))
		}
		for i := 0; i < len(all); i += 211 {
			if r := read[i]; r.FullName != all[i].FullName || r.Company != all[i].Company || !slices.Equal(r.Emails, all[i].Emails) {
				t.Errorf("card %d reads back as %s, %s, %v; want %s, %s, %v", i, r.FullName, r.Company, r.Emails, all[i].FullName, all[i].Company, all[i].Emails)
			}
		}
	})

	t.Run("open", func(t *testing.T) {
		for i := 0; i < len(all); i += 101 {
			got, err := store.Get(ctx, all[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.FullName != all[i].FullName || !slices.Equal(got.Tags, all[i].Tags) || !slices.Equal(got.Phones, all[i].Phones) {
				t.Errorf("Get(%d) = %+v, Find gave %+v", all[i].ID, got, all[i])
			}
		}
	})
}

// entryKey is what identifies an entry of the reconnect list and its
// place.
func entryKey(e contacts.ReconnectItem) string {
	var fu int64
	if e.FollowUp != nil {
		fu = e.FollowUp.ID
	}
	return fmt.Sprintf("%d %s due %s late %d follow-up %d: %s", e.Person.Contact.ID, e.Section, e.Due, e.Late, fu, e.Reason)
}

func ids(cs []contacts.Contact) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// hasWordStarting reports whether a word of c's names, company, title,
// event, tags or emails starts with prefix, ignoring case: the reference
// for search, written the slow way.
func hasWordStarting(c contacts.Contact, prefix string) bool {
	prefix = strings.ToLower(prefix)
	fields := append([]string{c.FullName, c.GivenName, c.FamilyName, c.Company, c.Title, c.Event}, c.Tags...)
	fields = append(fields, c.Emails...)
	for _, f := range fields {
		for _, w := range strings.FieldsFunc(strings.ToLower(f), func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
		}) {
			if strings.HasPrefix(w, prefix) {
				return true
			}
		}
	}
	return false
}
