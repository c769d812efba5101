package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/internal/contacttest"
)

// clock is a fake clock for Store.Now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// openTestStore opens a store in a fresh temporary directory, with a fake
// clock, and closes it when the test ends.
func openTestStore(t *testing.T) (*Store, *clock) {
	t.Helper()
	s, err := Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	clk := &clock{t: time.Date(2025, 3, 14, 9, 26, 53, 589_000_000, time.UTC)}
	s.Now = clk.now
	return s, clk
}

func assertSameContact(t *testing.T, got, want contacts.Contact) {
	t.Helper()
	// The store sets EventID from the event's name.
	if (got.EventID != 0) != (want.Event != "") {
		t.Errorf("event %q stored with EventID %d", want.Event, got.EventID)
	}
	want.EventID = got.EventID
	if g, w := contacttest.Normalize(got), contacttest.Normalize(want); !reflect.DeepEqual(g, w) {
		t.Errorf("contact mismatch:\n got %+v\nwant %+v", g, w)
	}
}

func names(cs []contacts.Contact) []string {
	var ns []string
	for _, c := range cs {
		ns = append(ns, c.DisplayName())
	}
	return ns
}

func pragmaInt(t *testing.T, s *Store, name string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("PRAGMA " + name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// queryStrings returns the one column of text that q selects, failing the
// test on any error, the scan's and the rows' included.
func queryStrings(t *testing.T, s *Store, q string, args ...any) []string {
	t.Helper()
	rows, err := s.db.Query(q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// openRaw opens the database in dir without migrating it.
func openRaw(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driverName, dsn(filepath.Join(dir, dbName)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func countRows(t *testing.T, s *Store, table string, id int64) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM "+table+" WHERE contact_id = ?", id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var fullContact = contacts.Contact{
	FullName:   "Dr. Ada Lovelace",
	Prefix:     "Dr.",
	GivenName:  "Ada",
	MiddleName: "King",
	FamilyName: "Lovelace",
	Suffix:     "FRS",
	// How the name is said, as a phone keeps it.
	PhoneticGivenName:  "AY-duh",
	PhoneticFamilyName: "LUV-luh-lays",
	Title:              "Analyst",
	Company:            "Analytical Engines Ltd",
	Phones: []contacts.Phone{
		{Number: "+44 20 7946 0958", Kind: contacts.PhoneWork},
		{Number: "(650) 555-0100", Kind: contacts.PhoneMobile},
		{Number: "650 555 0199", Kind: contacts.PhoneFax},
		{Number: "not a number", Kind: ""},
	},
	Emails:        []string{"ada@example.org", "Ada.Lovelace@Engines.example"},
	EmailLabels:   map[string]contacts.Label{"ada@example.org": contacts.LabelHome, "Ada.Lovelace@Engines.example": contacts.LabelWork},
	Websites:      []string{"https://engines.example", "example.org/ada"},
	WebsiteLabels: map[string]contacts.Label{"https://engines.example": contacts.LabelWork},
	Addresses: []contacts.Address{
		{Label: contacts.LabelWork, Street: "12 St James's Square", City: "London", PostalCode: "SW1Y 4LB", Country: "UK"},
		{Label: contacts.LabelHome, POBox: "PO Box 9", Extended: "Flat 2", Street: "Ockham Park", City: "Ockham",
			Region: "Surrey", PostalCode: "GU23 6NP", Country: "United Kingdom"},
		{Street: "a line from an old card, kept whole"},
	},
	Note:  "Interested in the difference engine.\nFollow up in May.",
	Event: "Royal Society Soirée 1843",
	Image: "images/abc.jpg",
}

func TestOpenMigratesEmptyDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not", "yet", "there")
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	if s.Dir() != dir {
		t.Errorf("Dir() = %q, want %q", s.Dir(), dir)
	}
	for _, p := range []string{filepath.Join(dir, "followthrough.db"), filepath.Join(dir, "images")} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("after Open: %v", err)
		}
	}
	ms, err := readMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no embedded migrations")
	}
	if got, want := pragmaInt(t, s, "user_version"), ms[len(ms)-1].version; got != want || want != SchemaVersion() {
		t.Errorf("user_version = %d, want %d (SchemaVersion %d)", got, want, SchemaVersion())
	}
	if got := pragmaInt(t, s, "foreign_keys"); got != 1 {
		t.Errorf("foreign_keys = %d, want 1", got)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	for _, name := range []string{
		"contacts", "phones", "emails", "websites",
		"contacts_fts", "phones_fts", "events_search_update",
		"contacts_next_due", "contacts_cadence_due", "follow_ups_contact",
	} {
		t.Run(name, func(t *testing.T) {
			var n int
			if err := s.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = ?", name).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("schema has %d objects named %q, want 1", n, name)
			}
		})
	}
}

func TestOpenOddDirectoryName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a dir?with#odd%20chars")
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	c := contacts.Contact{FullName: "Odd Path"}
	if err := s.Add(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "followthrough.db")); err != nil {
		t.Errorf("database not where expected: %v", err)
	}
}

func TestMigrate(t *testing.T) {
	const (
		v1 = "CREATE TABLE a (x INTEGER);"
		v2 = "ALTER TABLE a ADD COLUMN y TEXT; INSERT INTO a (x, y) VALUES (1, 'one');"
	)
	tests := []struct {
		name        string
		steps       []fstest.MapFS // opened one after the other on the same directory
		wantVersion int
		wantErr     string // in the last step's error; "" for none
		wantTables  []string
		noTables    []string
	}{
		{
			name: "forward one step at a time",
			steps: []fstest.MapFS{
				{"migrations/001_a.sql": {Data: []byte(v1)}},
				{"migrations/001_a.sql": {Data: []byte(v1)}, "migrations/002_b.sql": {Data: []byte(v2)}},
			},
			wantVersion: 2,
			wantTables:  []string{"a"},
		},
		{
			name: "forward two steps at once",
			steps: []fstest.MapFS{
				{"migrations/001_a.sql": {Data: []byte(v1)}, "migrations/002_b.sql": {Data: []byte(v2)}},
			},
			wantVersion: 2,
			wantTables:  []string{"a"},
		},
		{
			name: "failed step is rolled back",
			steps: []fstest.MapFS{{
				"migrations/001_a.sql": {Data: []byte(v1)},
				"migrations/002_b.sql": {Data: []byte("CREATE TABLE b (x); SELECT no_such_function();")},
			}},
			wantVersion: 1,
			wantErr:     "002_b.sql",
			wantTables:  []string{"a"},
			noTables:    []string{"b"},
		},
		{
			// Branches take numbers side by side; one may land without
			// the other.
			name: "gap in numbers",
			steps: []fstest.MapFS{
				{"migrations/001_a.sql": {Data: []byte(v1)}},
				{"migrations/001_a.sql": {Data: []byte(v1)}, "migrations/003_c.sql": {Data: []byte(v2)}},
			},
			wantVersion: 3,
			wantTables:  []string{"a"},
		},
		{
			name: "same number twice",
			steps: []fstest.MapFS{{
				"migrations/001_a.sql": {Data: []byte(v1)},
				"migrations/002_b.sql": {Data: []byte(v2)}, "migrations/002_c.sql": {Data: []byte(v2)},
			}},
			wantVersion: 0,
			wantErr:     "002_b.sql and 002_c.sql have the same number",
		},
		{
			name: "database newer than program, past a gap",
			steps: []fstest.MapFS{
				{"migrations/001_a.sql": {Data: []byte(v1)}, "migrations/004_b.sql": {Data: []byte(v2)}},
				{"migrations/001_a.sql": {Data: []byte(v1)}, "migrations/003_b.sql": {Data: []byte(v2)}},
			},
			wantVersion: 4,
			wantErr:     "newer",
		},
		{
			name:        "unnumbered file",
			steps:       []fstest.MapFS{{"migrations/init.sql": {Data: []byte(v1)}}},
			wantVersion: 0,
			wantErr:     "does not start with a number",
		},
		{
			name: "database newer than program",
			steps: []fstest.MapFS{
				{"migrations/001_a.sql": {Data: []byte(v1)}, "migrations/002_b.sql": {Data: []byte(v2)}},
				{"migrations/001_a.sql": {Data: []byte(v1)}},
			},
			wantVersion: 2,
			wantErr:     "newer",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var err error
			for i, fsys := range tt.steps {
				var s *Store
				s, err = open(t.Context(), dir, fsys)
				if i < len(tt.steps)-1 && err != nil {
					t.Fatalf("step %d: %v", i+1, err)
				}
				if err == nil {
					s.Close()
				}
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("last step: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("last step: error %v, want one containing %q", err, tt.wantErr)
			}

			db := openRaw(t, dir)
			var version int
			if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
				t.Fatal(err)
			}
			if version != tt.wantVersion {
				t.Errorf("user_version = %d, want %d", version, tt.wantVersion)
			}
			for _, table := range append(tt.wantTables, tt.noTables...) {
				var n int
				if err := db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if want := !slices.Contains(tt.noTables, table); (n == 1) != want {
					t.Errorf("table %s exists: %v, want %v", table, n == 1, want)
				}
			}
		})
	}
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	c := fullContact
	if err := s.Add(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(t.Context(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameContact(t, got, c)
	if n, err := s.Count(t.Context()); err != nil || n != 1 {
		t.Errorf("Count() = %d, %v; want 1, nil", n, err)
	}
	ms, err := readMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pragmaInt(t, s, "user_version"), ms[len(ms)-1].version; got != want {
		t.Errorf("user_version = %d after reopening, want %d", got, want)
	}
}

func TestAddGet(t *testing.T) {
	tests := []struct {
		name string
		c    contacts.Contact
	}{
		{"full", fullContact},
		{"empty", contacts.Contact{}},
		{"name only", contacts.Contact{FullName: "Cher", GivenName: "Cher"}},
		{"company only", contacts.Contact{Company: "Acme; Sons, & Co. \\ Ltd"}},
		{"accents and CJK", contacts.Contact{
			FullName: "王小明", FamilyName: "王", GivenName: "小明",
			Company: "Société Générale", Note: "日本語のメモ 🎴",
		}},
		{"empty slices", contacts.Contact{FullName: "Nobody", Phones: []contacts.Phone{}, Emails: []string{}, Websites: []string{}}},
		{"extra properties", contacts.Contact{FullName: "Kept", Extra: []string{"BDAY:1980-02-03", "item1.X-ABLABEL:Other", "NOTE:two\\nlines"}}},
	}
	s, clk := openTestStore(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk.advance(time.Minute)
			c := tt.c
			c.ID = 999 // ignored
			if err := s.Add(t.Context(), &c); err != nil {
				t.Fatal(err)
			}
			if c.ID <= 0 || c.ID == 999 {
				t.Errorf("ID = %d after Add", c.ID)
			}
			if !c.Created.Equal(clk.t) || !c.Updated.Equal(clk.t) {
				t.Errorf("Created, Updated = %v, %v; want %v", c.Created, c.Updated, clk.t)
			}
			want := tt.c
			want.ID, want.Created, want.Updated = c.ID, clk.t, clk.t
			if !uuidPattern.MatchString(c.UID) {
				t.Errorf("UID = %q after Add, want a random UUID", c.UID)
			}
			want.UID = c.UID // TestContactUID tests it
			assertSameContact(t, c, want)

			got, err := s.Get(t.Context(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			assertSameContact(t, got, want)
		})
	}

	t.Run("IDs differ", func(t *testing.T) {
		a, b := contacts.Contact{FullName: "A"}, contacts.Contact{FullName: "B"}
		if err := s.Add(t.Context(), &a); err != nil {
			t.Fatal(err)
		}
		if err := s.Add(t.Context(), &b); err != nil {
			t.Fatal(err)
		}
		if a.ID == b.ID {
			t.Errorf("two contacts got ID %d", a.ID)
		}
	})
}

func TestGetNotFound(t *testing.T) {
	s, _ := openTestStore(t)
	_, err := s.Get(t.Context(), 42)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(42) error = %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), "sqlite: get 42") {
		t.Errorf("error %q does not say what failed", err)
	}
}

func TestUpdate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*contacts.Contact)
	}{
		{"fields", func(c *contacts.Contact) {
			c.FullName, c.GivenName, c.FamilyName = "Augusta Ada King", "Augusta Ada", "King"
			c.Title, c.Company, c.Addresses = "Countess", "Lovelace Estates", []contacts.Address{{Street: "Ockham Park"}}
			c.Note, c.Event, c.Image = "", "", ""
		}},
		{"fewer children", func(c *contacts.Contact) {
			c.Phones = c.Phones[:1]
			c.Emails = c.Emails[1:]
			c.Websites = nil
			// A label goes with its email or website.
			c.EmailLabels = map[string]contacts.Label{c.Emails[0]: c.EmailLabels[c.Emails[0]]}
			c.WebsiteLabels = nil
			c.Addresses = c.Addresses[1:2]
		}},
		{"more children", func(c *contacts.Contact) {
			c.Phones = append(slices.Clone(c.Phones), contacts.Phone{Number: "+1 212 555 0142", Kind: contacts.PhoneHome})
			c.Emails = append(slices.Clone(c.Emails), "third@example.com")
			c.Websites = append(slices.Clone(c.Websites), "https://third.example")
			c.Addresses = append(slices.Clone(c.Addresses), contacts.Address{Label: contacts.LabelOther, City: "Paris"})
		}},
		{"reordered", func(c *contacts.Contact) {
			c.Phones = slices.Clone(c.Phones)
			slices.Reverse(c.Phones)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, clk := openTestStore(t)
			c := fullContact
			if err := s.Add(t.Context(), &c); err != nil {
				t.Fatal(err)
			}
			created := c.Created
			clk.advance(time.Hour)

			want := c
			tt.change(&want)
			changed := want
			changed.Created = time.Time{} // ignored by Update
			if err := s.Update(t.Context(), changed); err != nil {
				t.Fatal(err)
			}
			want.Created, want.Updated = created, clk.t
			got, err := s.Get(t.Context(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			assertSameContact(t, got, want)
			if n := countRows(t, s, "phones", c.ID); n != len(want.Phones) {
				t.Errorf("%d phone rows, want %d", n, len(want.Phones))
			}
		})
	}

	t.Run("not found", func(t *testing.T) {
		s, _ := openTestStore(t)
		err := s.Update(t.Context(), contacts.Contact{ID: 7, FullName: "Ghost"})
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("Update error = %v, want ErrNotFound", err)
		}
		if n, _ := s.Count(t.Context()); n != 0 {
			t.Errorf("Count() = %d after failed update, want 0", n)
		}
		if n := countRows(t, s, "phones", 7); n != 0 {
			t.Errorf("%d phone rows for a missing contact", n)
		}
	})
}

func TestDeleteCascades(t *testing.T) {
	s, _ := openTestStore(t)
	c, other := fullContact, fullContact
	for _, x := range []*contacts.Contact{&c, &other} {
		if err := s.Add(t.Context(), x); err != nil {
			t.Fatal(err)
		}
	}

	deleted, err := s.Delete(t.Context(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameContact(t, deleted, c)
	if _, err := s.Get(t.Context(), c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: error %v, want ErrNotFound", err)
	}
	for _, table := range []string{"phones", "emails", "websites"} {
		t.Run(table, func(t *testing.T) {
			if n := countRows(t, s, table, c.ID); n != 0 {
				t.Errorf("%d rows left for the deleted contact", n)
			}
			if n := countRows(t, s, table, other.ID); n == 0 {
				t.Errorf("rows of the other contact deleted too")
			}
		})
	}
	if n, _ := s.Count(t.Context()); n != 1 {
		t.Errorf("Count() = %d, want 1", n)
	}

	if _, err := s.Delete(t.Context(), c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: error %v, want ErrNotFound", err)
	}
}

func TestRestore(t *testing.T) {
	tests := []struct {
		name     string
		addAfter bool // add a contact between Delete and Restore
		target   int  // index of the contact to delete among 3
	}{
		{"middle", false, 1},
		{"newest", false, 2},
		{"newest then add", true, 2},
		{"oldest then add", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, clk := openTestStore(t)
			var cs []contacts.Contact
			for i := range 3 {
				clk.advance(time.Minute)
				c := fullContact
				c.FullName = fmt.Sprintf("Person %d", i)
				if err := s.Add(t.Context(), &c); err != nil {
					t.Fatal(err)
				}
				cs = append(cs, c)
			}
			target := cs[tt.target]
			deleted, err := s.Delete(t.Context(), target.ID)
			if err != nil {
				t.Fatal(err)
			}
			clk.advance(time.Minute)
			if tt.addAfter {
				c := contacts.Contact{FullName: "Newcomer"}
				if err := s.Add(t.Context(), &c); err != nil {
					t.Fatal(err)
				}
				if c.ID == target.ID {
					t.Fatalf("new contact reuses deleted ID %d", c.ID)
				}
			}

			if err := s.Restore(t.Context(), deleted); err != nil {
				t.Fatal(err)
			}
			got, err := s.Get(t.Context(), target.ID)
			if err != nil {
				t.Fatal(err)
			}
			assertSameContact(t, got, target)

			if err := s.Restore(t.Context(), deleted); !errors.Is(err, ErrExists) {
				t.Errorf("second Restore: error %v, want ErrExists", err)
			}
		})
	}

	t.Run("no ID", func(t *testing.T) {
		s, _ := openTestStore(t)
		if err := s.Restore(t.Context(), contacts.Contact{FullName: "X"}); err == nil {
			t.Error("Restore of a contact without ID succeeded")
		}
	})
}

func TestList(t *testing.T) {
	s, clk := openTestStore(t)
	// Added in this order, so updated in this order: the last is newest.
	seed := []contacts.Contact{
		{FullName: "Jane Smith", Company: "Acme Corp", Title: "Chief Engineer",
			Emails: []string{"jane@acme.example"},
			Phones: []contacts.Phone{{Number: "(650) 555-0100", Kind: contacts.PhoneWork}}},
		{FullName: "John Smithers", Company: "3M", Title: "Sales",
			Phones: []contacts.Phone{{Number: "+1 212 555 0199", Kind: contacts.PhoneMobile}}},
		{FullName: "Jürgen Müller", Company: "Öko GmbH", Event: "CeBIT 2025",
			Emails: []string{"J.Mueller@OEKO.example"},
			Phones: []contacts.Phone{{Number: "+49 30 123456", Kind: contacts.PhoneWork}}},
		{Company: "Nameless Ltd", Emails: []string{"info@nameless.example"}},
		{FullName: "王小明", Company: "北京科技", Phones: []contacts.Phone{{Number: "+86 10 1234 5678"}}},
	}
	for _, c := range seed {
		clk.advance(time.Minute)
		if err := s.Add(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		query string
		limit int
		want  []string
	}{
		{"", 0, []string{"王小明", "Nameless Ltd", "Jürgen Müller", "John Smithers", "Jane Smith"}},
		{"   ", -1, []string{"王小明", "Nameless Ltd", "Jürgen Müller", "John Smithers", "Jane Smith"}},
		{"", 2, []string{"王小明", "Nameless Ltd"}},
		{"smith", 0, []string{"John Smithers", "Jane Smith"}},
		{"SMITH", 1, []string{"John Smithers"}},
		{"  jane ", 0, []string{"Jane Smith"}},
		{"acme", 0, []string{"Jane Smith"}},
		{"engineer", 0, []string{"Jane Smith"}},
		{"sales", 0, []string{"John Smithers"}},
		{"mueller@oeko", 0, []string{"Jürgen Müller"}},
		{"MÜLLER", 0, []string{"Jürgen Müller"}},
		{"öko gmbh", 0, []string{"Jürgen Müller"}},
		{"cebit", 0, []string{"Jürgen Müller"}},
		{"nameless", 0, []string{"Nameless Ltd"}},
		{"科技", 0, []string{"王小明"}},
		{"555", 0, []string{"John Smithers", "Jane Smith"}},
		{"555-0100", 0, []string{"Jane Smith"}},
		{"(650) 555", 0, []string{"Jane Smith"}},
		{"+1 650 555 0100", 0, []string{"Jane Smith"}}, // via E.164: the number was stored without +1
		{"+49 30", 0, []string{"Jürgen Müller"}},
		{"3M", 0, []string{"John Smithers"}}, // a company, not phone digits
		{"2025", 0, []string{"Jürgen Müller"}},
		{"nobody", 0, nil},
		{"%", 0, nil},
		{"_", 0, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q limit %d", tt.query, tt.limit), func(t *testing.T) {
			got, err := s.List(t.Context(), tt.query, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(names(got), tt.want) {
				t.Errorf("List(%q, %d) = %q, want %q", tt.query, tt.limit, names(got), tt.want)
			}
		})
	}

	t.Run("children loaded", func(t *testing.T) {
		got, err := s.List(t.Context(), "", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range got {
			want, err := s.Get(t.Context(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			assertSameContact(t, c, want)
		}
	})

	t.Run("update moves to front", func(t *testing.T) {
		all, err := s.List(t.Context(), "", 0)
		if err != nil {
			t.Fatal(err)
		}
		last := all[len(all)-1]
		clk.advance(time.Minute)
		if err := s.Update(t.Context(), last); err != nil {
			t.Fatal(err)
		}
		got, err := s.List(t.Context(), "", 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != last.ID {
			t.Errorf("after Update, List first = %q, want %q", names(got), last.DisplayName())
		}
	})
}

func TestListManyContacts(t *testing.T) {
	s, clk := openTestStore(t)
	const n = 120
	for i := range n {
		clk.advance(time.Second)
		c := contacts.Contact{
			FullName: fmt.Sprintf("Person %03d", i),
			Emails:   []string{fmt.Sprintf("p%03d@example.com", i)},
			Websites: []string{fmt.Sprintf("https://p%03d.example", i)},
		}
		for j := range i % 4 {
			c.Phones = append(c.Phones, contacts.Phone{Number: fmt.Sprintf("+1 650 555 %04d", i*4+j), Kind: contacts.PhoneWork})
		}
		if err := s.Add(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.List(t.Context(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("List returned %d contacts, want %d", len(got), n)
	}
	for k, c := range got {
		i := n - 1 - k
		if want := fmt.Sprintf("Person %03d", i); c.FullName != want {
			t.Fatalf("contact %d is %q, want %q", k, c.FullName, want)
		}
		if len(c.Phones) != i%4 || len(c.Emails) != 1 || len(c.Websites) != 1 {
			t.Fatalf("%s has %d phones, %d emails, %d websites; want %d, 1, 1",
				c.FullName, len(c.Phones), len(c.Emails), len(c.Websites), i%4)
		}
		if c.Emails[0] != fmt.Sprintf("p%03d@example.com", i) {
			t.Errorf("%s has email %q", c.FullName, c.Emails[0])
		}
		for j, p := range c.Phones {
			if want := fmt.Sprintf("+1 650 555 %04d", i*4+j); p.Number != want {
				t.Errorf("%s phone %d = %q, want %q", c.FullName, j, p.Number, want)
			}
		}
	}
}

func TestRecent(t *testing.T) {
	s, clk := openTestStore(t)
	for _, name := range []string{"first", "second", "third", "fourth"} {
		clk.advance(time.Minute)
		c := contacts.Contact{FullName: name, Emails: []string{name + "@example.com"}}
		if err := s.Add(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
	}
	// Updating changes List's order but not Recent's.
	first, err := s.List(t.Context(), "first", 1)
	if err != nil || len(first) != 1 {
		t.Fatalf("List(first) = %v, %v", first, err)
	}
	clk.advance(time.Minute)
	if err := s.Update(t.Context(), first[0]); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		n    int
		want []string
	}{
		{1, []string{"fourth"}},
		{3, []string{"fourth", "third", "second"}},
		{10, []string{"fourth", "third", "second", "first"}},
		{0, []string{"fourth", "third", "second", "first"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			got, err := s.Recent(t.Context(), tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(names(got), tt.want) {
				t.Errorf("Recent(%d) = %q, want %q", tt.n, names(got), tt.want)
			}
			for _, c := range got {
				if len(c.Emails) != 1 || c.Emails[0] != c.FullName+"@example.com" {
					t.Errorf("%s has emails %q", c.FullName, c.Emails)
				}
			}
		})
	}
}

func TestCount(t *testing.T) {
	s, _ := openTestStore(t)
	var ids []int64
	for i := range 3 {
		if n, err := s.Count(t.Context()); err != nil || n != i {
			t.Fatalf("Count() = %d, %v; want %d", n, err, i)
		}
		c := contacts.Contact{FullName: fmt.Sprint(i)}
		if err := s.Add(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	if _, err := s.Delete(t.Context(), ids[0]); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(t.Context()); err != nil || n != 2 {
		t.Errorf("Count() = %d, %v after a delete; want 2", n, err)
	}
}

func TestConcurrentAdds(t *testing.T) {
	s, err := Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const workers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				c := contacts.Contact{FullName: fmt.Sprintf("w%d-%d", w, i), Phones: []contacts.Phone{{Number: "+1 650 555 0100"}}}
				if err := s.Add(context.Background(), &c); err != nil {
					errs <- err
				}
				if _, err := s.List(context.Background(), "w", 5); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, err := s.Count(t.Context()); err != nil || n != workers*each {
		t.Errorf("Count() = %d, %v; want %d", n, err, workers*each)
	}
}

func TestImportImage(t *testing.T) {
	s, _ := openTestStore(t)
	src := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(src, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jpeg := []byte("\xff\xd8\xff\xe0 not really a JPEG")
	png := []byte("\x89PNG\r\n\x1a\n not really a PNG")

	tests := []struct {
		name    string
		path    string
		want    string // the relative path
		content []byte
	}{
		{"jpeg", write("card.JPG", jpeg), "images/37111b0e4684e4ac67d133488a69bf9de93d269cc7ced90356c039f9a30e10a0.jpg", jpeg},
		{"same content other name", write("again.jpg", jpeg), "", jpeg},
		{"png", write("scan.png", png), "", png},
		{"no extension", write("scan", png), "", png},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rel, err := s.ImportImage(t.Context(), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && rel != tt.want {
				t.Errorf("ImportImage = %q, want %q", rel, tt.want)
			}
			if !strings.HasPrefix(rel, "images/") {
				t.Errorf("ImportImage = %q, want a path under images/", rel)
			}
			if ext := strings.ToLower(filepath.Ext(tt.path)); filepath.Ext(rel) != ext {
				t.Errorf("ImportImage = %q, want extension %q", rel, ext)
			}
			abs := s.ImagePath(rel)
			if !filepath.IsAbs(abs) || !strings.HasPrefix(abs, s.Dir()) {
				t.Errorf("ImagePath(%q) = %q, want an absolute path in %s", rel, abs, s.Dir())
			}
			got, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.content) {
				t.Errorf("copied content = %q, want %q", got, tt.content)
			}
			seen[rel] = true
		})
	}
	// Same content with the same extension gives the same file.
	if len(seen) != 3 {
		t.Errorf("imported files: %v, want 3 distinct", seen)
	}
	entries, err := os.ReadDir(filepath.Join(s.Dir(), "images"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		var ns []string
		for _, e := range entries {
			ns = append(ns, e.Name())
		}
		t.Errorf("images directory holds %q, want 3 files and no temporary ones", ns)
	}

	t.Run("missing file", func(t *testing.T) {
		if _, err := s.ImportImage(t.Context(), filepath.Join(src, "missing.jpg")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("error %v, want one wrapping os.ErrNotExist", err)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if _, err := s.ImportImage(ctx, write("late.jpg", []byte("late"))); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
		entries, _ := os.ReadDir(filepath.Join(s.Dir(), "images"))
		if len(entries) != 3 {
			t.Errorf("%d files in images after a canceled import, want 3", len(entries))
		}
	})
}

func TestImagePath(t *testing.T) {
	s, _ := openTestStore(t)
	tests := []struct{ rel, want string }{
		{"images/abc.jpg", filepath.Join(s.Dir(), "images", "abc.jpg")},
		{"", ""},
		{"../outside.jpg", ""},
		{"images/../../outside.jpg", ""},
		{"/etc/passwd", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			if got := s.ImagePath(tt.rel); got != tt.want {
				t.Errorf("ImagePath(%q) = %q, want %q", tt.rel, got, tt.want)
			}
		})
	}
}
