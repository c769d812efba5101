package sqlite

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"followthrough/contacts"
)

// contactGraph is everything the store returns about one contact, and
// about the contacts it touches, compared whole before a deletion and
// after its undo.
type contactGraph struct {
	Contact      contacts.Contact
	FollowUps    []contacts.FollowUp
	Interactions []contacts.Interaction
	EventPeople  []contacts.EventPerson
	People       []contacts.Relationship
	Reconnect    []contacts.ReconnectItem
	Introducer   contacts.Contact // who introduced them
	Introduced   contacts.Contact // whom they introduced
	SyncRecords  []SyncRecord
	Tags         []string
	ByTag        []contacts.Contact
	Search       []contacts.Contact
	Count        int
	Files        map[string][]byte // the card image and its thumbnail
}

// graphFixture is a contact with everything that can hang on one.
type graphFixture struct {
	s                          *Store
	ann, sam, bea              contacts.Contact // Sam introduced Ann; Ann introduced Bea
	event                      contacts.Event
	imagePath, thumbPath       string
	book                       string
	today                      contacts.Day
	openFollowUp, doneFollowUp contacts.FollowUp
}

func writeTestPNG(t *testing.T, path string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 24))
	for x := range 40 {
		img.Set(x, x%24, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func newGraphFixture(t *testing.T, s *Store) *graphFixture {
	t.Helper()
	ctx := t.Context()
	f := &graphFixture{s: s, book: "/dav/book/", today: contacts.DayOf(s.now())}
	src := filepath.Join(t.TempDir(), "card.png")
	writeTestPNG(t, src)
	rel, err := s.ImportImage(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if f.thumbPath, err = s.Thumbnail(ctx, rel); err != nil {
		t.Fatal(err)
	}
	f.imagePath = s.ImagePath(rel)

	f.event = contacts.Event{Name: "Expo 2025", Start: f.today.AddDays(-10), Place: "Hall 4"}
	if err := s.AddEvent(ctx, &f.event); err != nil {
		t.Fatal(err)
	}
	f.sam = contacts.Contact{FullName: "Sam Lee", Company: "Lee & Co"}
	if err := s.Add(ctx, &f.sam); err != nil {
		t.Fatal(err)
	}
	f.ann = fullContact
	f.ann.FullName, f.ann.Image, f.ann.Event = "Ann Graph", rel, f.event.Name
	f.ann.Tags = []string{"expo", "only-ann"}
	f.ann.IntroducedBy, f.ann.IntroducedByID = f.sam.FullName, f.sam.ID
	f.ann.Cadence = contacts.Cadence{Ideal: 30, Max: 60}
	f.ann.MetOn = f.today.AddDays(-10)
	if err := s.Add(ctx, &f.ann); err != nil {
		t.Fatal(err)
	}
	f.bea = contacts.Contact{FullName: "Bea Graph", Event: f.event.Name,
		IntroducedBy: f.ann.FullName, IntroducedByID: f.ann.ID}
	if err := s.Add(ctx, &f.bea); err != nil {
		t.Fatal(err)
	}
	f.openFollowUp = contacts.FollowUp{ContactID: f.ann.ID, Kind: contacts.Kind("email"), Due: f.today.AddDays(-2), Line: "send the deck"}
	f.doneFollowUp = contacts.FollowUp{ContactID: f.ann.ID, Kind: contacts.Kind("call"), Due: f.today.AddDays(-5), Line: "call about the trial"}
	for _, fu := range []*contacts.FollowUp{&f.openFollowUp, &f.doneFollowUp} {
		if err := s.AddFollowUp(ctx, fu); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CompleteFollowUp(ctx, f.doneFollowUp.ID, f.today.AddDays(-4), "went well"); err != nil {
		t.Fatal(err)
	}
	it := contacts.Interaction{ContactID: f.ann.ID, Kind: contacts.Kind("coffee"), On: f.today.AddDays(-3), Note: "talked about sailing"}
	if err := s.LogInteraction(ctx, &it); err != nil {
		t.Fatal(err)
	}
	err = s.SaveSyncRecord(ctx, SyncRecord{Book: f.book, Href: f.book + "ann.vcf", ContactID: f.ann.ID,
		UID: "urn:uuid:ann", ETag: `"1"`, Hash: "abc", Card: "BEGIN:VCARD\r\nEND:VCARD\r\n"})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// snapshot reads back everything the store says about Ann.
func (f *graphFixture) snapshot(t *testing.T) contactGraph {
	t.Helper()
	ctx, s := t.Context(), f.s
	var g contactGraph
	var err error
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	g.Contact, err = s.Get(ctx, f.ann.ID)
	must(err)
	g.FollowUps, err = s.FollowUps(ctx, f.ann.ID)
	must(err)
	g.Interactions, err = s.Interactions(ctx, f.ann.ID)
	must(err)
	g.EventPeople, err = s.EventPeople(ctx, f.event.ID)
	must(err)
	g.People, err = s.People(ctx)
	must(err)
	g.Reconnect, err = s.ReconnectList(ctx, f.today, 30)
	must(err)
	g.Introducer, err = s.Get(ctx, f.sam.ID)
	must(err)
	g.Introduced, err = s.Get(ctx, f.bea.ID)
	must(err)
	g.SyncRecords, err = s.SyncRecords(ctx, f.book)
	must(err)
	g.Tags, err = s.Tags(ctx)
	must(err)
	g.ByTag, err = s.Find(ctx, Filter{Tag: "only-ann"})
	must(err)
	g.Search, err = s.List(ctx, "graph", 0)
	must(err)
	g.Count, err = s.Count(ctx)
	must(err)
	g.Files = map[string][]byte{}
	for _, p := range []string{f.imagePath, f.thumbPath} {
		if b, err := os.ReadFile(p); err == nil {
			g.Files[filepath.Base(p)] = b
		}
	}
	return g
}

// checkHidden checks that no query of the store shows Ann.
func (f *graphFixture) checkHidden(t *testing.T) {
	t.Helper()
	ctx, s, id := t.Context(), f.s, f.ann.ID
	if _, err := s.Get(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get of the deleted contact: %v, want ErrNotFound", err)
	}
	has := func(cs []contacts.Contact) bool {
		return slices.ContainsFunc(cs, func(c contacts.Contact) bool { return c.ID == id })
	}
	for _, q := range []Filter{{}, {Query: "graph"}, {Query: "ann"}, {Tag: "only-ann"}, {EventID: f.event.ID}, {Query: "555"}} {
		cs, err := s.Find(ctx, q)
		if err != nil || has(cs) {
			t.Errorf("Find(%+v) shows the deleted contact (%v)", q, err)
		}
		if n, err := s.FindCount(ctx, q); err != nil || n != len(cs) {
			t.Errorf("FindCount(%+v) = %d, %v; Find has %d", q, n, err, len(cs))
		}
	}
	if cs, err := s.Recent(ctx, 0); err != nil || has(cs) {
		t.Errorf("Recent shows the deleted contact (%v)", err)
	}
	var all []contacts.Contact
	err := s.EachContact(ctx, Filter{}, func(cs []contacts.Contact) error { all = append(all, cs...); return nil })
	if err != nil || has(all) {
		t.Errorf("EachContact shows the deleted contact (%v)", err)
	}
	if n, err := s.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count = %d, %v; want 2", n, err)
	}
	if fs, err := s.FollowUps(ctx, id); err != nil || len(fs) != 0 {
		t.Errorf("FollowUps of the deleted contact = %v, %v", fs, err)
	}
	if is, err := s.Interactions(ctx, id); err != nil || len(is) != 0 {
		t.Errorf("Interactions of the deleted contact = %v, %v", is, err)
	}
	if ps, err := s.EventPeople(ctx, f.event.ID); err != nil || slices.ContainsFunc(ps, func(p contacts.EventPerson) bool { return p.Contact.ID == id }) {
		t.Errorf("EventPeople shows the deleted contact (%v)", err)
	}
	if ps, err := s.People(ctx); err != nil || slices.ContainsFunc(ps, func(p contacts.Relationship) bool { return p.Contact.ID == id }) {
		t.Errorf("People shows the deleted contact (%v)", err)
	}
	if rs, err := s.ReconnectList(ctx, f.today, 30); err != nil || slices.ContainsFunc(rs, func(r contacts.ReconnectItem) bool { return r.Person.Contact.ID == id }) {
		t.Errorf("ReconnectList shows the deleted contact (%v)", err)
	}
	if tags, err := s.Tags(ctx); err != nil || slices.Contains(tags, "only-ann") {
		t.Errorf("Tags = %v, %v: the deleted contact's tag is shown", tags, err)
	}
	dup := f.ann
	dup.ID = 0
	if ms, err := s.Duplicates(ctx, dup); err != nil || slices.ContainsFunc(ms, func(m contacts.Match) bool { return m.Contact.ID == id }) {
		t.Errorf("Duplicates shows the deleted contact (%v)", err)
	}
	if bea, err := s.Get(ctx, f.bea.ID); err != nil || bea.IntroducedByID != 0 || bea.IntroducedBy != f.ann.FullName {
		t.Errorf("the contact Ann introduced: %d %q, %v; want the name kept, no link", bea.IntroducedByID, bea.IntroducedBy, err)
	}
}

func TestDeleteUndoKeepsTheWholeGraph(t *testing.T) {
	s, clk := openTestStore(t)
	f := newGraphFixture(t, s)
	before := f.snapshot(t)
	if len(before.FollowUps) != 2 || len(before.Interactions) < 2 || len(before.SyncRecords) != 1 || len(before.Files) != 2 {
		t.Fatalf("fixture incomplete: %+v", before)
	}
	clk.advance(time.Minute)
	deleted, err := s.Delete(t.Context(), f.ann.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.checkHidden(t)
	clk.advance(time.Minute)
	// What a second delete does to the image files while the undo chance
	// lasts: nothing.
	if err := s.DropImages(t.Context(), f.ann.Image); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(f.imagePath, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CleanImages(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(t.Context(), deleted); err != nil {
		t.Fatal(err)
	}
	after := f.snapshot(t)
	for _, d := range diffGraph(after, before) {
		t.Errorf("after Delete and Restore, %s", d)
	}
	if err := s.Restore(t.Context(), deleted); !errors.Is(err, ErrExists) {
		t.Errorf("second Restore: %v, want ErrExists", err)
	}
}

// leftOver reports what is left of Ann anywhere in the database, but for
// her sync record, which outlives her so that a sync sees the deletion.
func leftOver(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	var left []string
	tables := queryStrings(t, s, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%contact_id%' AND name NOT IN ('carddav_objects', 'search_pending')")
	if !slices.Contains(tables, "follow_ups") {
		t.Fatalf("the tables that refer to contacts are %v: follow_ups is not among them", tables)
	}
	for _, table := range append(tables, "contacts") {
		col := "contact_id"
		if table == "contacts" || table == "trash_contacts" {
			col = "id"
		}
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM "+table+" WHERE "+col+" = ?", id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			left = append(left, table)
		}
	}
	return left
}

func TestDeleteThenPurge(t *testing.T) {
	tests := []struct {
		name  string
		purge func(t *testing.T, s *Store, id int64) *Store
	}{
		{"Purge", func(t *testing.T, s *Store, id int64) *Store {
			if err := s.Purge(t.Context(), id); err != nil {
				t.Fatal(err)
			}
			return s
		}},
		{"reopen", func(t *testing.T, s *Store, id int64) *Store {
			dir := s.Dir()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, err := Open(t.Context(), dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s2.Close() })
			return s2
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(t.Context(), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			// The deletion was made well before: its undo chance is over.
			s.Now = func() time.Time { return time.Now().Add(-time.Hour) }
			f := newGraphFixture(t, s)
			deleted, err := s.Delete(t.Context(), f.ann.ID)
			if err != nil {
				t.Fatal(err)
			}
			old := time.Now().Add(-time.Hour)
			if err := os.Chtimes(f.imagePath, old, old); err != nil {
				t.Fatal(err)
			}
			s = tt.purge(t, s, f.ann.ID)
			if tt.name == "Purge" {
				defer s.Close()
			}
			for _, p := range []string{f.imagePath, f.thumbPath} {
				if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s is still there (%v)", p, err)
				}
			}
			if left := leftOver(t, s, f.ann.ID); len(left) > 0 {
				t.Errorf("rows of the purged contact left in %v", left)
			}
			if bea, err := s.Get(t.Context(), f.bea.ID); err != nil || bea.IntroducedByID != 0 {
				t.Errorf("the contact Ann introduced still points to her: %d, %v", bea.IntroducedByID, err)
			}
			// Once purged, there is nothing to undo: a Restore puts back
			// the contact as Delete returned it, and no more.
			if err := s.Restore(t.Context(), deleted); err != nil {
				t.Fatal(err)
			}
			if fs, _ := s.FollowUps(t.Context(), f.ann.ID); len(fs) != 0 {
				t.Errorf("follow-ups came back after the purge: %v", fs)
			}
		})
	}
}

// diffGraph says, field by field, where got differs from want.
func diffGraph(got, want contactGraph) []string {
	var out []string
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range g.NumField() {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s is\n%+v\nwant\n%+v", g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface()))
		}
	}
	return out
}

// TestTrashKeepsEveryTable fails when a table that holds rows of a
// contact has no trash table to keep them in while a deletion can be
// undone, or when a trash table's columns are not those of its table: a
// migration that adds either must add to migrations/008_trash.sql's
// tables too.
func TestTrashKeepsEveryTable(t *testing.T) {
	s, _ := openTestStore(t)
	columns := func(table string) []string {
		return queryStrings(t, s, "SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0", table)
	}
	tables := queryStrings(t, s, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'trash%' AND name NOT LIKE '%fts%'")
	checked := 0
	// These outlive the contact on purpose: a sync sees the deletion, and
	// the search index is written again on a restore.
	outlive := []string{"carddav_objects", "search_pending"}
	for _, table := range tables {
		cols := columns(table)
		if table == "contacts" {
			cols = slices.DeleteFunc(cols, func(c string) bool { return c == "since" || c == "next_due" })
		} else if !slices.Contains(cols, "contact_id") || slices.Contains(outlive, table) {
			continue
		}
		checked++
		t.Run(table, func(t *testing.T) {
			if got := columns("trash_" + table); !slices.Equal(got, cols) {
				t.Errorf("trash_%s has the columns %v, want %v", table, got, cols)
			}
		})
	}
	// contacts and follow_ups at least, or the loop checked nothing.
	if checked < 2 || !slices.Contains(tables, "follow_ups") {
		t.Errorf("checked %d of the tables %v: want contacts, follow_ups and the others", checked, tables)
	}
}

// TestDoneUndoKeepsTheWholeGraph marks Ann's open follow-up done, and logs
// a call with her, then takes both back: everything the store says about
// her is as it was.
func TestDoneUndoKeepsTheWholeGraph(t *testing.T) {
	tests := []struct {
		name string
		do   func(t *testing.T, f *graphFixture) (undo func() error)
	}{
		{"follow-up done", func(t *testing.T, f *graphFixture) func() error {
			was, err := f.s.GetFollowUp(t.Context(), f.openFollowUp.ID)
			if err != nil {
				t.Fatal(err)
			}
			it, err := f.s.CompleteFollowUp(t.Context(), f.openFollowUp.ID, f.today, "coffee next month")
			if err != nil {
				t.Fatal(err)
			}
			return func() error { return f.s.ReopenFollowUp(t.Context(), was, it.ID) }
		}},
		{"call logged", func(t *testing.T, f *graphFixture) func() error {
			it := contacts.Interaction{ContactID: f.ann.ID, Kind: contacts.KindCall, On: f.today, Note: "caught up"}
			if err := f.s.LogInteraction(t.Context(), &it); err != nil {
				t.Fatal(err)
			}
			return func() error { return f.s.DeleteInteraction(t.Context(), it.ID) }
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, clk := openTestStore(t)
			f := newGraphFixture(t, s)
			before := f.snapshot(t)
			clk.advance(time.Minute)
			undo := tt.do(t, f)
			if diffGraph(f.snapshot(t), before) == nil {
				t.Fatal("done changed nothing")
			}
			clk.advance(time.Minute)
			if err := undo(); err != nil {
				t.Fatal(err)
			}
			for _, d := range diffGraph(f.snapshot(t), before) {
				t.Errorf("after done and undo, %s", d)
			}
			if err := undo(); !errors.Is(err, ErrNotFound) {
				t.Errorf("second undo: %v, want ErrNotFound", err)
			}
		})
	}
}
