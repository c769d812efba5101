package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/ocr"
)

// TestWindowWritesDaysAsTheLocale: the window writes each day in the one
// form of the locale it is given: on Reconnect, on a contact's page, in
// its Met on field, and in a card's first follow-up, which reads back
// the form it shows.
func TestWindowWritesDaysAsTheLocale(t *testing.T) {
	tests := []struct {
		locale                         string
		olu, uma, context, metOn, next string
	}{
		{"en_US.UTF-8", "3 days overdue (Tue, Nov 17, 2026)", "due Wed, Dec 2, 2026", "met at Founders Breakfast on Tue, Nov 10, 2026", "Tue, Nov 10, 2026", "Mon, Nov 23, 2026"},
		{"en_GB.UTF-8", "3 days overdue (Tue 17 Nov 2026)", "due Wed 2 Dec 2026", "met at Founders Breakfast on Tue 10 Nov 2026", "Tue 10 Nov 2026", "Mon 23 Nov 2026"},
		{"C", "3 days overdue (2026-11-17)", "due 2026-12-02", "met at Founders Breakfast on 2026-11-10", "2026-11-10", "2026-11-23"},
	}
	iso := regexp.MustCompile(`\d{4}-\d\d-\d\d`)
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			store := apptest.OpenStore(t)
			people := apptest.Seed(t, store, contacts.DayOf(apptest.Today))
			a := test.NewTempApp(t)
			w := test.NewTempWindow(t, nil)
			eng := &apptest.FakeEngine{Lines: apptest.JaneCard}
			m := newMainWindow(t.Context(), a, w, store, func([]string) (ocr.Engine, error) { return eng, nil }, testClock, contacts.DateFormatFor(tt.locale))
			m.tasks.held = true
			w.SetContent(m.buildUI())
			w.Resize(fyne.NewSize(1200, 800))
			m.tasks.drain()

			olu := reconnectRowOf(t, m, "Olu Overdue")
			if got := olu.lines[0].label.Text; !strings.HasSuffix(got, tt.olu) {
				t.Errorf("Olu's follow-up reads %q, want it to end %q", got, tt.olu)
			}
			if got := olu.context.Text; !strings.Contains(got, tt.context) {
				t.Errorf("Olu's context reads %q, want %q", got, tt.context)
			}
			if got := reconnectRowOf(t, m, "Uma Upcoming").lines[0].label.Text; !strings.HasSuffix(got, tt.uma) {
				t.Errorf("Uma's follow-up reads %q, want it to end %q", got, tt.uma)
			}

			m.onOpenContact(people["Olu Overdue"])
			m.tasks.drain()
			if got := m.contacts.form.metOn.entry.Text; got != tt.metOn {
				t.Errorf("Met on shows %q, want %q", got, tt.metOn)
			}
			if !strings.Contains(historyText(m), tt.olu) {
				t.Errorf("the contact's follow-ups read %q, want %q in them", historyText(m), tt.olu)
			}
			if tt.locale != "C" {
				if s := iso.FindString(historyText(m)); s != "" {
					t.Errorf("the contact's follow-ups show the ISO day %s:\n%s", s, historyText(m))
				}
			}

			// A card read: its first follow-up's day shows in the same
			// form, and that form typed back is the day saved.
			m.scan.read([]string{apptest.WriteImage(t, t.TempDir(), "jane.png")})
			m.tasks.drain()
			due := m.scan.followDue.entry
			if due.Text != tt.next {
				t.Errorf("the first follow-up's day shows %q, want %q", due.Text, tt.next)
			}
			due.SetText("")
			test.Type(due, contacts.DateFormatFor(tt.locale).Day(contacts.Day{Year: 2026, Month: 11, Day: 24}))
			test.Tap(m.scan.save)
			m.tasks.drain()
			jane, err := store.List(t.Context(), "jane", 0)
			if err != nil || len(jane) != 1 {
				t.Fatalf("Jane saved: %v, %v", jane, err)
			}
			fs, err := store.FollowUps(t.Context(), jane[0].ID)
			if err != nil || len(fs) != 1 || fs[0].Due != (contacts.Day{Year: 2026, Month: 11, Day: 24}) {
				t.Errorf("Jane's follow-ups %+v, %v; want one on 2026-11-24", fs, err)
			}
		})
	}
}

// historyText is all the text of the follow-ups on the contact's page.
func historyText(m *mainWindow) string {
	var b strings.Builder
	find(fyne.CanvasObject(m.contacts.history.open), func(l *widget.Label) bool {
		b.WriteString(l.Text + "\n")
		return false
	})
	return b.String()
}
