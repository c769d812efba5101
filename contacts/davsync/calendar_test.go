package davsync

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"

	"followthrough/contacts"
	"followthrough/contacts/davsync/davtest"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
)

// calendarFixture is a store with a contact, a calendar on Radicale, and
// the syncer between them.
type calendarFixture struct {
	t     *testing.T
	store *sqlite.Store
	sync  *CalendarSyncer
	dav   *caldav.Client
	ann   contacts.Contact
}

func newCalendarFixture(t *testing.T, r davtest.Radicale, as ics.As) *calendarFixture {
	name := strings.ToLower(strings.NewReplacer("/", "-", " ", "-", ",", "").Replace(t.Name()))
	cal := r.MakeCalendar(t, name)
	store, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	client, err := Dial(account(r))
	if err != nil {
		t.Fatal(err)
	}
	dav, err := caldav.NewClient(webdav.HTTPClientWithBasicAuth(nil, r.User, r.Password), r.URL)
	if err != nil {
		t.Fatal(err)
	}
	ann := contacts.Contact{FullName: "Ann Lee", Company: "Acme"}
	if err := store.Add(t.Context(), &ann); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	return &calendarFixture{t: t, store: store, dav: dav, ann: ann,
		sync: &CalendarSyncer{Store: store, Client: client, Calendar: cal, As: as, Now: func() time.Time { return now }}}
}

// followUp schedules a follow-up with Ann.
func (f *calendarFixture) followUp(kind contacts.Kind, day int) contacts.FollowUp {
	f.t.Helper()
	fu := contacts.FollowUp{ContactID: f.ann.ID, Kind: kind, Due: contacts.Day{Year: 2026, Month: 12, Day: day}}
	if err := f.store.AddFollowUp(f.t.Context(), &fu); err != nil {
		f.t.Fatal(err)
	}
	return fu
}

// run pushes and checks the counts.
func (f *calendarFixture) run(added, updated, removed int) {
	f.t.Helper()
	res, err := f.sync.Sync(f.t.Context())
	if err != nil {
		f.t.Fatal(err)
	}
	if len(res.Failed) > 0 {
		f.t.Fatalf("failed: %v", res.Failed)
	}
	if res.Added != added || res.Updated != updated || res.Removed != removed {
		f.t.Fatalf("push: %s; want %d added, %d updated, %d removed", res, added, updated, removed)
	}
}

// objects returns the to-dos or events on the calendar by UID.
func (f *calendarFixture) objects() map[string]*ical.Component {
	f.t.Helper()
	infos, err := f.dav.ReadDir(context.Background(), f.sync.Calendar, false)
	if err != nil {
		f.t.Fatal(err)
	}
	m := map[string]*ical.Component{}
	for _, fi := range infos {
		if fi.IsDir {
			continue
		}
		obj, err := f.dav.GetCalendarObject(context.Background(), fi.Path)
		if err != nil {
			f.t.Fatal(err)
		}
		for _, c := range obj.Data.Children {
			if c.Name == ical.CompToDo || c.Name == ical.CompEvent {
				uid, _ := c.Props.Text(ical.PropUID)
				if _, dup := m[uid]; dup {
					f.t.Errorf("UID %s twice on the calendar", uid)
				}
				m[uid] = c
			}
		}
	}
	return m
}

func TestCalendarSyncWithRadicale(t *testing.T) {
	r := davtest.Start(t)

	for _, tt := range []struct {
		as   ics.As
		comp string
		done string // the status of a done follow-up
	}{
		{ics.ToDos, ical.CompToDo, "COMPLETED"},
		{ics.Events, ical.CompEvent, "CONFIRMED"},
	} {
		t.Run(tt.comp, func(t *testing.T) {
			f := newCalendarFixture(t, r, tt.as)
			ctx := t.Context()
			call, note, coffee := f.followUp(contacts.KindCall, 1), f.followUp(contacts.KindNote, 2), f.followUp(contacts.KindCoffee, 3)
			f.run(3, 0, 0)
			objs := f.objects()
			if len(objs) != 3 {
				t.Fatalf("%d on the calendar, want 3", len(objs))
			}
			c := objs[call.UID]
			if c == nil || c.Name != tt.comp {
				t.Fatalf("the call is %+v, want a %s with its UID %s", c, tt.comp, call.UID)
			}
			if s, _ := c.Props.Text(ical.PropSummary); s != "Call Ann Lee" {
				t.Errorf("summary %q", s)
			}
			f.run(0, 0, 0) // nothing changed

			// Done, cancelled, rescheduled here: closed and moved there.
			if _, err := f.store.CompleteFollowUp(ctx, call.ID, contacts.Day{Year: 2026, Month: 12, Day: 1}, "went well"); err != nil {
				t.Fatal(err)
			}
			if err := f.store.CancelFollowUp(ctx, note.ID); err != nil {
				t.Fatal(err)
			}
			coffee.Due = contacts.Day{Year: 2026, Month: 12, Day: 9}
			if err := f.store.UpdateFollowUp(ctx, coffee); err != nil {
				t.Fatal(err)
			}
			f.run(0, 3, 0)
			objs = f.objects()
			for uid, want := range map[string]string{call.UID: tt.done, note.UID: "CANCELLED"} {
				if s, _ := objs[uid].Props.Text(ical.PropStatus); s != want {
					t.Errorf("status %q, want %q", s, want)
				}
			}
			if p := objs[coffee.UID].Props.Get(ical.PropDateTimeStart); p == nil || p.Value != "20261209" {
				t.Errorf("rescheduled start %+v", p)
			}

			// A follow-up done before it was ever pushed is not added.
			later := f.followUp(contacts.KindEmail, 20)
			if err := f.store.CancelFollowUp(ctx, later.ID); err != nil {
				t.Fatal(err)
			}
			f.run(0, 0, 0)

			// Deleted here (with the contact): deleted there.
			if _, err := f.store.Delete(ctx, f.ann.ID); err != nil {
				t.Fatal(err)
			}
			f.run(0, 0, 3)
			if n := len(f.objects()); n != 0 {
				t.Errorf("%d left on the calendar", n)
			}
		})
	}

	t.Run("a crash between push and record", func(t *testing.T) {
		f := newCalendarFixture(t, r, ics.ToDos)
		call := f.followUp(contacts.KindCall, 1)
		var buf bytes.Buffer
		if err := ics.Write(&buf, []ics.Item{{FollowUp: call, Contact: f.ann}}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h := calendarHeader()
		h.Set("If-None-Match", "*")
		if _, err := f.sync.Client.write(t.Context(), objectPath(f.sync.Calendar, call.UID, ".ics"), buf.Bytes(), h); err != nil {
			t.Fatal(err)
		}
		f.run(1, 0, 0)
		if n := len(f.objects()); n != 1 {
			t.Errorf("%d on the calendar, want 1", n)
		}
		f.run(0, 0, 0)
	})

	t.Run("calendars of the account", func(t *testing.T) {
		f := newCalendarFixture(t, r, ics.ToDos)
		cals, err := f.sync.Client.Calendars(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range cals {
			found = found || c.Path == f.sync.Calendar && c.ToDos && c.Events
		}
		if !found {
			t.Errorf("calendars %+v lack %s", cals, f.sync.Calendar)
		}
	})
}
