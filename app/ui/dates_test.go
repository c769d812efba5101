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
)

// TestWindowWritesDaysAsTheLocale: the window writes each day in the one
// form of the locale it is given: on Reconnect, on a contact's page and
// in its Met on field.
func TestWindowWritesDaysAsTheLocale(t *testing.T) {
	tests := []struct {
		locale                   string
		olu, uma, context, metOn string
	}{
		{"en_US.UTF-8", "3 days overdue (Tue, Nov 17, 2026)", "due Wed, Dec 2, 2026", "met at Founders Breakfast on Tue, Nov 10, 2026", "Tue, Nov 10, 2026"},
		{"en_GB.UTF-8", "3 days overdue (Tue 17 Nov 2026)", "due Wed 2 Dec 2026", "met at Founders Breakfast on Tue 10 Nov 2026", "Tue 10 Nov 2026"},
		{"C", "3 days overdue (2026-11-17)", "due 2026-12-02", "met at Founders Breakfast on 2026-11-10", "2026-11-10"},
	}
	iso := regexp.MustCompile(`\d{4}-\d\d-\d\d`)
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			store := apptest.OpenStore(t)
			people := apptest.Seed(t, store, contacts.DayOf(apptest.Today))
			a := test.NewTempApp(t)
			w := test.NewTempWindow(t, nil)
			m := newMainWindow(t.Context(), a, w, store, nil, testClock, contacts.DateFormatFor(tt.locale))
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
