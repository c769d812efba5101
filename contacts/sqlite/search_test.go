package sqlite

import (
	"slices"
	"strings"
	"testing"
	"time"

	"followthrough/contacts"
)

func TestSearchWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Jane Smith", []string{"jane", "smith"}},
		{"J.Mueller@OEKO.example", []string{"j", "mueller", "oeko", "example"}},
		{"Jürgen Müller", []string{"jurgen", "muller"}},
		{"ÉCOLE  d'été", []string{"ecole", "d", "ete"}},
		{"北京科技", []string{"北", "京", "科", "技"}},
		{"Acme北京 Ltd", []string{"acme", "北", "京", "ltd"}},
		{"3M", []string{"3m"}},
		{"%_*\"", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := searchWords(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("searchWords(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSearchWords(f *testing.F) {
	for _, s := range []string{"Jane Smith", "J.Mueller@OEKO.example", "北京科技", `"*`, "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Every word must be safe inside an FTS5 string, and come back
		// unchanged from another split.
		for _, w := range searchWords(s) {
			if w == "" || strings.ContainsAny(w, `"* `) {
				t.Fatalf("word %q of %q", w, s)
			}
			if again := searchWords(w); len(again) != 1 || again[0] != w {
				t.Fatalf("word %q of %q splits again into %q", w, s, again)
			}
		}
	})
}

func TestPhoneDigits(t *testing.T) {
	tests := []struct {
		phones []string
		want   string
	}{
		{[]string{"(650) 555-0100"}, "16505550100"},
		{[]string{"+1 415 555 0101", "415 555 0101"}, "14155550101"},
		{[]string{"+49 30 123456"}, "4930123456"},
		{[]string{"ext. 12"}, "12"},
		{nil, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.phones, ","), func(t *testing.T) {
			var c contacts.Contact
			for _, p := range tt.phones {
				c.Phones = append(c.Phones, contacts.Phone{Number: p})
			}
			if got := phoneDigits(c, contacts.DefaultRegion); got != tt.want {
				t.Errorf("phoneDigits(%q) = %q, want %q", tt.phones, got, tt.want)
			}
		})
	}
}

// TestSearchFollowsChanges checks that the search index follows every way
// a contact changes: edits, tags, a renamed event, a merge, a deletion.
func TestSearchFollowsChanges(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	ann := contacts.Contact{FullName: "Ann Abbott", Company: "Acme", Emails: []string{"ann@acme.example"},
		Phones: []contacts.Phone{{Number: "+1 650 555 0100"}}, Event: "Spring Expo"}
	bob := contacts.Contact{FullName: "Bob Brown", Company: "Globex", Tags: []string{"golf"}}
	yamamoto := contacts.Contact{FullName: "山本 健太", GivenName: "健太", FamilyName: "山本",
		PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto"}
	for _, c := range []*contacts.Contact{&ann, &bob} {
		clk.advance(time.Minute)
		if err := s.Add(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	find := func(q string) []string {
		t.Helper()
		got, err := s.List(ctx, q, 0)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.FindCount(ctx, Filter{Query: q})
		if err != nil || n != len(got) {
			t.Errorf("FindCount(%q) = %d, %v; Find found %d", q, n, err, len(got))
		}
		return names(got)
	}
	steps := []struct {
		name   string
		change func() error
		query  string
		want   []string
	}{
		{"prefix as typed", nil, "ab", []string{"Ann Abbott"}},
		{"email fragment", nil, "acme", []string{"Ann Abbott"}},
		{"two words anywhere", nil, "ann acme", []string{"Ann Abbott"}},
		{"event", nil, "spring", []string{"Ann Abbott"}},
		{"phone digits", nil, "555 01", []string{"Ann Abbott"}},
		{"tag", nil, "golf", []string{"Bob Brown"}},
		{"edited company", func() error {
			ann.Company = "Initech"
			return s.Update(ctx, ann)
		}, "initech", []string{"Ann Abbott"}},
		{"old company gone", nil, "acme", []string{"Ann Abbott"}}, // still in her email
		{"edited email", func() error {
			ann.Emails = []string{"ann@initech.example"}
			return s.Update(ctx, ann)
		}, "acme", nil},
		{"edited phone", func() error {
			ann.Phones = []contacts.Phone{{Number: "+44 20 7946 0000"}}
			return s.Update(ctx, ann)
		}, "555 01", nil},
		{"new phone", nil, "7946", []string{"Ann Abbott"}},
		{"renamed event", func() error {
			e, err := s.EventByName(ctx, "Spring Expo")
			if err != nil {
				return err
			}
			e.Name = "Autumn Fair"
			return s.UpdateEvent(ctx, e)
		}, "autumn", []string{"Ann Abbott"}},
		{"old event name gone", nil, "spring", nil},
		{"deleted event", func() error {
			e, err := s.EventByName(ctx, "Autumn Fair")
			if err != nil {
				return err
			}
			return s.DeleteEvent(ctx, e.ID)
		}, "autumn", []string{"Ann Abbott"}},
		{"phonetic name", func() error {
			return s.Add(ctx, &yamamoto)
		}, "yamamoto", []string{"山本 健太"}},
		{"the kanji still", nil, "山本", []string{"山本 健太"}},
		{"edited phonetic name", func() error {
			yamamoto.PhoneticGivenName = "Kenji"
			return s.Update(ctx, yamamoto)
		}, "kenj", []string{"山本 健太"}},
		{"old phonetic name gone", nil, "kenta", nil},
		{"merged", func() error {
			return s.MergeInto(ctx, contacts.Merge(bob, ann, nil, s.Region), ann.ID)
		}, "golf", []string{"Bob Brown"}},
		{"merged away", nil, "abbott", nil},
		{"deleted", func() error {
			_, err := s.Delete(ctx, bob.ID)
			return err
		}, "bob", nil},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.change != nil {
				if err := st.change(); err != nil {
					t.Fatal(err)
				}
			}
			if got := find(st.query); !slices.Equal(got, st.want) {
				t.Errorf("after %s, search %q = %q, want %q", st.name, st.query, got, st.want)
			}
		})
	}
	var pending int
	if err := s.db.QueryRow("SELECT count(*) FROM search_pending").Scan(&pending); err != nil || pending != 0 {
		t.Errorf("%d contacts left pending (%v)", pending, err)
	}
}

// scansContacts says whether a line of a query plan reads every contact,
// in no index.
func scansContacts(line string) bool {
	f := strings.Fields(line)
	return len(f) == 2 && f[0] == "SCAN" && (f[1] == "c" || f[1] == "contacts")
}

// TestSearchIndexesOlderDatabase opens a database of schema 4, written
// before there was a search index, and finds its contacts.
func TestSearchIndexesOlderDatabase(t *testing.T) {
	dir := t.TempDir()
	old := openAtVersion(t, dir, 4)
	// In that schema's SQL: this program's Add writes columns it lacks.
	if err := execAll(old.db,
		[]any{`INSERT INTO contacts (id, full_name, created, updated) VALUES (1, 'Zoë Zimmer', 0, 0)`},
		[]any{`INSERT INTO emails (contact_id, position, address) VALUES (1, 0, 'zoe@zeta.example')`}); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"zoe", "ZIM", "zeta"} {
		if got, err := s.List(t.Context(), q, 0); err != nil || len(got) != 1 {
			t.Errorf("search %q in a migrated database = %q, %v", q, names(got), err)
		}
	}
}

func TestFindPagesAndEach(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	for i := range 25 {
		clk.advance(time.Second)
		c := contacts.Contact{FullName: "Person " + string(rune('A'+i)), Company: "Acme"}
		if i%5 == 0 {
			c.Tags = []string{"five"}
		}
		if err := s.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []Filter{{}, {Query: "acme"}, {Tag: "five"}, {Query: "person", Tag: "five"}} {
		all, err := s.Find(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var paged, each []string
		for off := 0; off < len(all)+7; off += 7 {
			pf := f
			pf.Offset, pf.Limit = off, 7
			page, err := s.Find(ctx, pf)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, names(page)...)
		}
		err = s.EachContact(ctx, f, func(cs []contacts.Contact) error {
			each = append(each, names(cs)...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(paged, names(all)) || !slices.Equal(each, names(all)) {
			t.Errorf("filter %+v: pages %q, each %q, want %q", f, paged, each, names(all))
		}
	}
}

// TestQueryPlans checks with EXPLAIN QUERY PLAN that search and the
// reconnect list read the indexes made for them, rather than every
// contact: at this size SQLite would plan the same as at 100,000.
func TestQueryPlans(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	if err := s.Add(ctx, &contacts.Contact{FullName: "Ann Abbott", Cadence: contacts.Cadence{Ideal: 30, Max: 60}}); err != nil {
		t.Fatal(err)
	}
	plan := func(query string, args ...any) string {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var lines []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, detail)
		}
		return strings.Join(lines, "\n")
	}
	today := contacts.Day{Year: 2026, Month: 11, Day: 20}
	type check struct {
		name  string
		query string
		args  []any
		want  []string // in the plan
	}
	var checks []check
	for _, f := range []Filter{{Query: "ann"}, {Query: "555 01"}, {Query: "ann", Tag: "golf"}} {
		where, args := f.where()
		checks = append(checks, check{"find " + f.Query + " " + f.Tag,
			"SELECT id FROM contacts c WHERE " + where + " ORDER BY c.updated DESC, c.id DESC LIMIT 100", args,
			[]string{"VIRTUAL TABLE INDEX", "USING INTEGER PRIMARY KEY"}})
	}
	checks = append(checks, check{"list page", "SELECT id FROM contacts c ORDER BY c.updated DESC, c.id DESC LIMIT 100 OFFSET 500",
		nil, []string{"contacts_updated"}})
	for _, sec := range contacts.Sections {
		where, _ := sectionWhere(sec, 30)
		want := []string{"contacts_next_due"}
		switch sec {
		case contacts.Overdue:
			want = append(want, "contacts_lapse_day")
		case contacts.Fading:
			want = []string{"contacts_cadence_due"}
		}
		checks = append(checks, check{"reconnect " + sec.String(), "SELECT count(*) FROM contacts c WHERE " + where,
			reconnectArgs(today, 30), want})
	}
	dup, dupArgs := duplicateCandidates(contacts.Contact{FullName: "Ann Abbott", Company: "Acme Corp",
		Emails: []string{"ann@acme.example"}, Phones: []contacts.Phone{{Number: "+1 650 555 0100"}}}, contacts.DefaultRegion)
	checks = append(checks, check{"duplicates", "SELECT id FROM contacts c WHERE id IN (" + dup + ")", dupArgs,
		[]string{"VIRTUAL TABLE INDEX", "USING INTEGER PRIMARY KEY"}})
	checks = append(checks, check{"next follow-up",
		"SELECT min(due) FROM follow_ups WHERE contact_id = 1 AND state = 'open'", nil, []string{"follow_ups_contact"}})
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			p := plan(c.query, c.args...)
			for _, w := range c.want {
				if !strings.Contains(p, w) {
					t.Errorf("plan does not use %s:\n%s", w, p)
				}
			}
			if slices.ContainsFunc(strings.Split(p, "\n"), scansContacts) {
				t.Errorf("plan reads every contact:\n%s", p)
			}
		})
	}
}
