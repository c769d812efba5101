package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/davsync/davtest"
)

// TestSyncDialogPushesFollowUps chooses a calendar of the same account in
// the sync dialog, as to-dos or as events, and checks that Sync now puts
// the follow-ups there, as the store's records of the calendar say.
func TestSyncDialogPushesFollowUps(t *testing.T) {
	keyring.MockInit()
	r := davtest.Start(t)
	r.MakeBook(t, "contacts")
	tests := []struct {
		name   string
		as     string
		events bool
	}{
		{"to-dos", asToDos, false},
		{"events", asEvents, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal := r.MakeCalendar(t, "follow-ups-"+map[bool]string{false: "todo", true: "event"}[tt.events])
			store := apptest.OpenStore(t)
			ctx := context.Background()
			apptest.Seed(t, store, contacts.DayOf(apptest.Today))
			d, w := openSyncDialog(t, store)
			test.Type(d.url, r.URL)
			test.Type(d.user, r.User)
			test.Type(d.password, r.Password)
			test.Tap(d.connect)
			test.Tap(findButton(w.Canvas().Overlays().Top(), "Use http"))
			d.tasks.drain()
			i := -1
			for j, c := range d.calendars {
				if c.Path == cal {
					i = j
				}
			}
			if i < 0 {
				t.Fatalf("calendar %s not offered: %v (status %q)", cal, d.calendar.Options, d.status.Text)
			}
			d.calendar.SetSelectedIndex(i + 1)
			d.as.SetSelected(tt.as)
			d.tasks.drain()
			s, err := app.LoadDAVSettings(ctx, store)
			if err != nil || s.Calendar != cal || s.AsEvents != tt.events {
				t.Fatalf("settings %+v, %v", s, err)
			}
			test.Tap(d.syncNow)
			d.tasks.drain()
			recs, err := store.CalendarRecords(ctx, cal)
			if err != nil || len(recs) == 0 {
				t.Fatalf("calendar records %v, %v; status %q", recs, err, d.status.Text)
			}
			if !strings.Contains(d.status.Text, "Follow-ups in the calendar: Added ") {
				t.Errorf("status %q", d.status.Text)
			}
		})
	}
}
