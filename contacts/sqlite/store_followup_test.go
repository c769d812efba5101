package sqlite

import (
	"cmp"
	"errors"
	"io/fs"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"followthrough/contacts"
)

// TestMigrateFromVersion1 opens a database made by the first schema, with
// events kept as text, with the current code.
func TestMigrateFromVersion1(t *testing.T) {
	dir := t.TempDir()
	v1, err := fs.ReadFile(migrationFS, "migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	old, err := open(t.Context(), dir, fstest.MapFS{"migrations/001_init.sql": {Data: v1}})
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 10, 5, 18, 0, 0, 0, time.UTC).UnixMilli()
	for _, row := range []struct{ name, event string }{{"Ann", "Spring Expo"}, {"Bo", "spring expo"}, {"Cy", ""}} {
		if _, err := old.db.Exec(`INSERT INTO contacts (full_name, event, created, updated) VALUES (?, ?, ?, ?)`,
			row.name, row.event, created, created); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.db.Exec(`INSERT INTO emails (contact_id, position, address) VALUES (1, 0, 'ann@example.com')`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := pragmaInt(t, s, "user_version"); v != SchemaVersion() {
		t.Errorf("user_version = %d, want %d, the number of the last migration", v, SchemaVersion())
	}
	events, err := s.Events(t.Context())
	if err != nil || len(events) != 1 {
		t.Fatalf("events = %+v, %v; want the one event, whatever its case", events, err)
	}
	if events[0].Start != (contacts.Day{Year: 2026, Month: 10, Day: 5}) {
		t.Errorf("event starts %s, want the day of its first card", events[0].Start)
	}
	tests := []struct {
		id        int64
		event     string
		withEvent bool
	}{{1, "Spring Expo", true}, {2, "Spring Expo", true}, {3, "", false}} // the event's own spelling since schema 7
	for _, tt := range tests {
		c, err := s.Get(t.Context(), tt.id)
		if err != nil {
			t.Fatal(err)
		}
		if (c.EventID == events[0].ID) != tt.withEvent || c.Event != tt.event {
			t.Errorf("contact %d: event %q id %d", tt.id, c.Event, c.EventID)
		}
	}
	ann, _ := s.Get(t.Context(), 1)
	if len(ann.Emails) != 1 {
		t.Errorf("Ann lost her email in the migration: %+v", ann)
	}
}

func TestFollowUps(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	c := contacts.Contact{FullName: "Jane Doe", Event: "Founders Breakfast", MetOn: contacts.Day{Year: 2025, Month: 3, Day: 10}, Tags: []string{"prospect", "friend"},
		Cadence: contacts.Cadence{Ideal: 61, Max: 122}, TalkedAbout: "hiring"}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(ctx, c.ID)
	if got.EventID == 0 || got.MetOn != c.MetOn || got.Cadence != c.Cadence || len(got.Tags) != 2 {
		t.Fatalf("stored %+v", got)
	}
	ev, err := s.EventByName(ctx, "founders breakfast")
	if err != nil || ev.Start != c.MetOn {
		t.Errorf("event %+v, %v: want one made from the contact, dated the day they met", ev, err)
	}

	call := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindCall, Due: contacts.Day{Year: 2025, Month: 3, Day: 13}, Line: "send the article"}
	note := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindNote, Due: contacts.Day{Year: 2025, Month: 3, Day: 20}}
	for _, f := range []*contacts.FollowUp{&call, &note} {
		if err := s.AddFollowUp(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []contacts.FollowUp{{ContactID: c.ID, Kind: contacts.KindCall}, {ContactID: c.ID, Due: contacts.Day{Year: 2025, Month: 1, Day: 1}}, {ContactID: 999, Kind: contacts.KindCall, Due: contacts.Day{Year: 2025, Month: 1, Day: 1}}} {
		if err := s.AddFollowUp(ctx, &bad); err == nil {
			t.Errorf("AddFollowUp(%+v) accepted", bad)
		}
	}
	people, err := s.People(ctx)
	if err != nil || len(people) != 1 || len(people[0].Open) != 2 || people[0].Open[0].ID != call.ID {
		t.Fatalf("people = %+v, %v", people, err)
	}
	if p := people[0]; p.Last != c.MetOn || p.LastTalk != "hiring" {
		t.Errorf("before any interaction: last %s %q, want the day they met and what was said", p.Last, p.LastTalk)
	}

	// Snooze the note, then complete the call: the interaction is logged.
	note.Due = contacts.Day{Year: 2025, Month: 3, Day: 27}
	if err := s.UpdateFollowUp(ctx, note); err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	it, err := s.CompleteFollowUp(ctx, call.ID, contacts.Day{Year: 2025, Month: 3, Day: 12}, "coffee on the 3rd")
	if err != nil || it.FollowUpID != call.ID || it.Kind != contacts.KindCall {
		t.Fatalf("complete: %+v, %v", it, err)
	}
	if _, err := s.CompleteFollowUp(ctx, call.ID, contacts.Day{Year: 2025, Month: 3, Day: 12}, "again"); err == nil {
		t.Errorf("a done follow-up was completed twice")
	}
	if err := s.UpdateFollowUp(ctx, call); !errors.Is(err, ErrNotFound) {
		t.Errorf("rescheduling a done follow-up: %v", err)
	}
	people, _ = s.People(ctx)
	if p := people[0]; p.Last != (contacts.Day{Year: 2025, Month: 3, Day: 12}) || p.LastTalk != "coffee on the 3rd" || len(p.Open) != 1 || p.Open[0].Due != note.Due {
		t.Errorf("after completing: %+v", p)
	}
	fus, _ := s.FollowUps(ctx, c.ID)
	its, _ := s.Interactions(ctx, c.ID)
	if len(fus) != 2 || len(its) != 1 || its[0].Note != "coffee on the 3rd" {
		t.Errorf("follow-ups %+v, interactions %+v", fus, its)
	}
	if err := s.CancelFollowUp(ctx, note.ID); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.GetFollowUp(ctx, note.ID); f.State != contacts.StateCancelled {
		t.Errorf("cancelled follow-up is %s", f.State)
	}

	// Event people: Jane has been followed up with.
	ep, err := s.EventPeople(ctx, ev.ID)
	if err != nil || len(ep) != 1 || !ep[0].FollowedUp || len(ep[0].Open) != 0 {
		t.Errorf("event people = %+v, %v", ep, err)
	}

	// Tags filter and search.
	for _, tt := range []struct {
		f    Filter
		want int
	}{{Filter{Tag: "Prospect"}, 1}, {Filter{Tag: "nobody"}, 0}, {Filter{Query: "frie"}, 1}, {Filter{EventID: ev.ID}, 1}, {Filter{EventID: ev.ID + 1}, 0}} {
		got, err := s.Find(ctx, tt.f)
		if err != nil || len(got) != tt.want {
			t.Errorf("Find(%+v) = %d contacts, %v; want %d", tt.f, len(got), err, tt.want)
		}
	}
	if tags, _ := s.Tags(ctx); len(tags) != 2 || tags[0] != "friend" {
		t.Errorf("tags = %v", tags)
	}

	// Deleting the contact takes its follow-ups, interactions and tags.
	if _, err := s.Delete(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"follow_ups", "interactions", "tags"} {
		if n := countRows(t, s, table, c.ID); n != 0 {
			t.Errorf("%d %s left after delete", n, table)
		}
	}
}

func TestIntroducedByDeleted(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	sam := contacts.Contact{FullName: "Sam Lee"}
	if err := s.Add(ctx, &sam); err != nil {
		t.Fatal(err)
	}
	ann := contacts.Contact{FullName: "Ann", IntroducedBy: "Sam Lee", IntroducedByID: sam.ID}
	if err := s.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(ctx, sam.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, ann.ID)
	if err != nil || got.IntroducedBy != "Sam Lee" || got.IntroducedByID != 0 {
		t.Errorf("after deleting the introducer: %q (id %d), %v", got.IntroducedBy, got.IntroducedByID, err)
	}
}

func TestSettingsAndEvents(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	if v, err := s.Setting(ctx, "followup.delay", "3d"); err != nil || v != "3d" {
		t.Errorf("unset setting = %q, %v", v, err)
	}
	for _, v := range []string{"1w", "2d"} {
		if err := s.SetSetting(ctx, "followup.delay", v); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Setting(ctx, "followup.delay", "3d"); got != v {
			t.Errorf("setting = %q, want %q", got, v)
		}
	}
	e := contacts.Event{Name: "Lyon Design Week", Start: contacts.Day{Year: 2026, Month: 11, Day: 18}, End: contacts.Day{Year: 2026, Month: 11, Day: 20}, Place: "Lyon"}
	if err := s.AddEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvent(ctx, &contacts.Event{Name: "lyon design week"}); err == nil {
		t.Errorf("a second event with the same name was added")
	}
	c := contacts.Contact{FullName: "Renée", Event: "Lyon Design Week"}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	e.Name = "Lyon Design Week 2026"
	if err := s.UpdateEvent(ctx, e); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, c.ID); got.Event != "Lyon Design Week 2026" || got.EventID != e.ID {
		t.Errorf("contact event after rename: %q %d", got.Event, got.EventID)
	}
	got, err := s.GetEvent(ctx, e.ID)
	if err != nil || got != e {
		t.Errorf("GetEvent = %+v, %v; want %+v", got, err, e)
	}
	if err := s.DeleteEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, c.ID); got.Event != "Lyon Design Week 2026" || got.EventID != 0 {
		t.Errorf("contact event after the event was deleted: %q %d", got.Event, got.EventID)
	}
}

// followThrough is all a contact's follow-through, as the store reads it
// back: the contact, every follow-up and what happened.
type followThrough struct {
	Contact   contacts.Contact
	FollowUps []contacts.FollowUp
	History   []contacts.Interaction
}

func readFollowThrough(t *testing.T, s *Store, id int64) followThrough {
	t.Helper()
	var g followThrough
	var err error
	if g.Contact, err = s.Get(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	if g.FollowUps, err = s.FollowUps(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	if g.History, err = s.Interactions(t.Context(), id); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestSnoozeFollowUp covers issue 21 A.4: a snooze only ever moves a
// follow-up later, never earlier or into the past; moving it earlier is a
// reschedule, which the store allows.
func TestSnoozeFollowUp(t *testing.T) {
	today := contacts.Day{Year: 2026, Month: 11, Day: 20} // a Friday
	tuesday := today.AddDays(4)
	tests := []struct {
		name    string
		move    func(s *Store, call contacts.FollowUp) error
		wantDue contacts.Day // the call's day after; its old day when refused
		refused error        // the error it is refused with, or nil
	}{
		{"tomorrow on next Tuesday's call moves it a day later", func(s *Store, call contacts.FollowUp) error {
			return s.SnoozeFollowUp(t.Context(), call.ID, today, contacts.SnoozeTomorrow.From(call.Due, today))
		}, tuesday.AddDays(1), nil},
		{"next week on next Tuesday's call moves it to the Monday after", func(s *Store, call contacts.FollowUp) error {
			return s.SnoozeFollowUp(t.Context(), call.ID, today, contacts.SnoozeNextWeek.From(call.Due, today))
		}, tuesday.AddDays(6), nil},
		{"a day picked after Tuesday", func(s *Store, call contacts.FollowUp) error {
			return s.SnoozeFollowUp(t.Context(), call.ID, today, tuesday.AddDays(10))
		}, tuesday.AddDays(10), nil},
		{"a day picked before Tuesday is refused", func(s *Store, call contacts.FollowUp) error {
			return s.SnoozeFollowUp(t.Context(), call.ID, today, today.AddDays(1))
		}, tuesday, contacts.ErrNotLater},
		{"a past day picked is refused", func(s *Store, call contacts.FollowUp) error {
			return s.SnoozeFollowUp(t.Context(), call.ID, today, today.AddDays(-5))
		}, tuesday, contacts.ErrNotLater},
		{"rescheduling moves it earlier", func(s *Store, call contacts.FollowUp) error {
			return s.RescheduleFollowUp(t.Context(), call.ID, today, today.AddDays(1))
		}, today.AddDays(1), nil},
		{"rescheduling into the past is refused", func(s *Store, call contacts.FollowUp) error {
			return s.RescheduleFollowUp(t.Context(), call.ID, today, today.AddDays(-1))
		}, tuesday, contacts.ErrPastDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTestStore(t)
			c := contacts.Contact{FullName: "Jane Doe", MetOn: today.AddDays(-3)}
			if err := s.Add(t.Context(), &c); err != nil {
				t.Fatal(err)
			}
			call := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindCall, Due: tuesday, Line: "ask about the launch"}
			promise := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindPromise, Due: today.AddDays(10), Line: "introduce her to Sam"}
			for _, f := range []*contacts.FollowUp{&call, &promise} {
				if err := s.AddFollowUp(t.Context(), f); err != nil {
					t.Fatal(err)
				}
			}
			before := readFollowThrough(t, s, c.ID)
			err := tt.move(s, call)
			if (tt.refused == nil) != (err == nil) || tt.refused != nil && !errors.Is(err, tt.refused) {
				t.Fatalf("err = %v, want %v", err, tt.refused)
			}
			want := before
			want.FollowUps = slices.Clone(before.FollowUps)
			for i := range want.FollowUps {
				if want.FollowUps[i].ID == call.ID && tt.refused == nil {
					// Moved: one change, made now.
					want.FollowUps[i].Due = tt.wantDue
					want.FollowUps[i].Sequence++
					want.FollowUps[i].Modified = time.UnixMilli(s.Now().UnixMilli()) // as the store reads times back
				}
			}
			slices.SortFunc(want.FollowUps, func(a, b contacts.FollowUp) int {
				return cmp.Or(b.Due.Sub(a.Due), cmp.Compare(b.ID, a.ID))
			})
			if got := readFollowThrough(t, s, c.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("read back:\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

// TestEveryOpenFollowUpListed covers issue 21 A.5: a contact's second
// follow-up (a promise written down when the card was saved) is on the
// reconnect list, whether read whole or a page at a time, and on the
// event's list, beside the first.
func TestEveryOpenFollowUpListed(t *testing.T) {
	today := contacts.Day{Year: 2026, Month: 11, Day: 20}
	s, _ := openTestStore(t)
	ctx := t.Context()
	c := contacts.Contact{FullName: "Jane Doe", Event: "Founders Breakfast", MetOn: today.AddDays(-6)}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	call := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindCall, Due: today.AddDays(-2), Line: "ask about the launch"}
	promise := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindPromise, Due: today.AddDays(3), Line: "introduce her to Sam"}
	done := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindEmail, Due: today.AddDays(-5)}
	for _, f := range []*contacts.FollowUp{&call, &promise, &done} {
		if err := s.AddFollowUp(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CompleteFollowUp(ctx, done.ID, today.AddDays(-5), "sent"); err != nil {
		t.Fatal(err)
	}
	g := readFollowThrough(t, s, c.ID)
	var open []contacts.FollowUp // earliest due first
	for _, f := range slices.Backward(g.FollowUps) {
		if f.State == contacts.StateOpen {
			open = append(open, f)
		}
	}
	if len(open) != 2 {
		t.Fatalf("open follow-ups read back: %+v", open)
	}

	ev, err := s.EventByName(ctx, "Founders Breakfast")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		read func() ([]contacts.Contact, [][]contacts.FollowUp, error)
	}{
		{"the whole reconnect list", func() ([]contacts.Contact, [][]contacts.FollowUp, error) {
			items, err := s.ReconnectList(ctx, today, 30)
			var cs []contacts.Contact
			var fs [][]contacts.FollowUp
			for _, it := range items {
				cs, fs = append(cs, it.Person.Contact), append(fs, it.Person.Open)
			}
			return cs, fs, err
		}},
		{"a page of the overdue", func() ([]contacts.Contact, [][]contacts.FollowUp, error) {
			items, err := s.ReconnectItems(ctx, ReconnectQuery{Today: today, Horizon: 30, Section: contacts.Overdue, Limit: 40})
			var cs []contacts.Contact
			var fs [][]contacts.FollowUp
			for _, it := range items {
				cs, fs = append(cs, it.Person.Contact), append(fs, it.Person.Open)
			}
			return cs, fs, err
		}},
		{"the people met at the event", func() ([]contacts.Contact, [][]contacts.FollowUp, error) {
			ps, err := s.EventPeople(ctx, ev.ID)
			var cs []contacts.Contact
			var fs [][]contacts.FollowUp
			for _, p := range ps {
				cs, fs = append(cs, p.Contact), append(fs, p.Open)
			}
			return cs, fs, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, fs, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 1 || !reflect.DeepEqual(cs[0], g.Contact) || !reflect.DeepEqual(fs[0], open) {
				t.Errorf("listed %+v with follow-ups\n%+v\nwant %+v with\n%+v", cs, fs, g.Contact, open)
			}
		})
	}
}
