package app_test

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/ics"
)

// TestCalendarExportHoldsRecentlyClosed: the calendar export holds every
// open follow-up, and those done or cancelled in the last
// app.ClosedExportDays days, completed or cancelled under their UIDs, so
// that importing it closes them on a phone; those closed longer ago are
// left out, and with only those there is nothing to export.
func TestCalendarExportHoldsRecentlyClosed(t *testing.T) {
	ctx := t.Context()
	store := apptest.OpenStore(t)
	today := contacts.DayOf(apptest.Today)
	people := apptest.Seed(t, store, today)
	clock := apptest.Today.AddDate(0, 0, -(app.ClosedExportDays + 10))
	store.Now = func() time.Time { return clock }
	followUp := func(name string) contacts.FollowUp {
		t.Helper()
		fus, err := store.FollowUps(ctx, people[name].ID)
		if err != nil || len(fus) != 1 {
			t.Fatalf("%s's follow-ups: %+v, %v", name, fus, err)
		}
		return fus[0]
	}
	// Olu's call was cancelled 100 days ago; Tess's note was done
	// yesterday, Uma's coffee cancelled today.
	olu, tess, uma := followUp("Olu Overdue"), followUp("Tess Today"), followUp("Uma Upcoming")
	if err := store.CancelFollowUp(ctx, olu.ID); err != nil {
		t.Fatal(err)
	}
	clock = apptest.Today.AddDate(0, 0, -1)
	if _, err := store.CompleteFollowUp(ctx, tess.ID, contacts.DayOf(clock), "sent"); err != nil {
		t.Fatal(err)
	}
	clock = apptest.Today
	if err := store.CancelFollowUp(ctx, uma.ID); err != nil {
		t.Fatal(err)
	}
	// And a follow-up still open.
	open := contacts.FollowUp{ContactID: people["Fay Fading"].ID, Kind: contacts.KindEmail, Due: today.AddDays(3)}
	if err := store.AddFollowUp(ctx, &open); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		as         ics.As
		wantStatus map[string]string // by UID
	}{
		{ics.ToDos, map[string]string{open.UID: "NEEDS-ACTION", tess.UID: "COMPLETED", uma.UID: "CANCELLED"}},
		{ics.Events, map[string]string{open.UID: "CONFIRMED", tess.UID: "CONFIRMED", uma.UID: "CANCELLED"}},
	}
	for _, tt := range tests {
		t.Run(app.CalendarAsName(tt.as), func(t *testing.T) {
			e, err := app.PrepareCalendarExport(ctx, store, apptest.Today, tt.as)
			if err != nil {
				t.Fatal(err)
			}
			if e.Open != 1 || e.Closed != 2 || e.String() != "3 follow-ups (2 of them done or cancelled)" {
				t.Errorf("export of %d open and %d closed, %q", e.Open, e.Closed, e)
			}
			path := t.TempDir() + "/follow-ups.ics"
			if err := e.WriteFile(path); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, c := range cal.Children {
				uid, _ := c.Props.Text(ical.PropUID)
				got[uid], _ = c.Props.Text(ical.PropStatus)
			}
			if len(got) != len(tt.wantStatus) {
				t.Errorf("exported %v, want %v (Olu's, cancelled %d days ago, left out)", got, tt.wantStatus, app.ClosedExportDays+10)
			}
			for uid, want := range tt.wantStatus {
				if got[uid] != want {
					t.Errorf("UID %s is %q, want %q", uid, got[uid], want)
				}
			}
			if n, err := app.CalendarExportSize(ctx, store, apptest.Today); err != nil || n != 3 {
				t.Errorf("CalendarExportSize = %d, %v; want 3", n, err)
			}
		})
	}

	// A year on, all three are long closed, and the open one too.
	if err := store.CancelFollowUp(ctx, open.ID); err != nil {
		t.Fatal(err)
	}
	later := apptest.Today.AddDate(1, 0, 0)
	if _, err := app.PrepareCalendarExport(ctx, store, later, ics.ToDos); !errors.Is(err, ics.ErrNothingToExport) {
		t.Errorf("exporting only long-closed follow-ups: %v, want ics.ErrNothingToExport", err)
	}
	if n, err := app.CalendarExportSize(ctx, store, later); err != nil || n != 0 {
		t.Errorf("CalendarExportSize a year on = %d, %v; want 0", n, err)
	}
}

// TestParseCalendarAs: the command line's --as and the setting read the
// same names.
func TestParseCalendarAs(t *testing.T) {
	for _, tt := range []struct {
		name    string
		want    ics.As
		wantErr bool
	}{
		{"todos", ics.ToDos, false}, {"To-Dos", ics.ToDos, false}, {"events", ics.Events, false}, {" event ", ics.Events, false},
		{"notes", ics.ToDos, true}, {"", ics.ToDos, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			as, err := app.ParseCalendarAs(tt.name)
			if as != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseCalendarAs(%q) = %v, %v", tt.name, as, err)
			}
			if back, _ := app.ParseCalendarAs(app.CalendarAsName(as)); err == nil && back != as {
				t.Errorf("CalendarAsName(%v) = %q reads back as %v", as, app.CalendarAsName(as), back)
			}
		})
	}
}
