package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// TestNewEventIsSelected covers issue 21 B: after New event, the list
// highlights the event added and shown, not the row picked before (the
// list highlights by place, and the new event moved the others down), so
// that picking any other event shows it.
func TestNewEventIsSelected(t *testing.T) {
	store := apptest.OpenStore(t)
	today := contacts.DayOf(apptest.Today)
	for _, e := range []contacts.Event{
		{Name: "Harbour Meetup", Start: today.AddDays(-30)},
		{Name: "Spring Expo", Start: today.AddDays(-10)},
	} {
		if err := store.AddEvent(t.Context(), &e); err != nil {
			t.Fatal(err)
		}
	}
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	s := m.events
	m.tabs.Select(m.eventsTab)
	m.tasks.drain()
	index := func(name string) int {
		for i, e := range s.events {
			if e.Name == name {
				return i
			}
		}
		t.Fatalf("%s is not listed", name)
		return -1
	}
	s.list.Select(index("Harbour Meetup"))
	m.tasks.drain()

	s.onNew()
	test.Type(w.Canvas().Focused(), "Winter Fair")
	typeKey(w, fyne.KeyReturn)
	m.tasks.drain()
	if s.heading.Text != "Winter Fair" || len(s.events) != 3 {
		t.Fatalf("after adding: %d events, showing %q", len(s.events), s.heading.Text)
	}
	// The list highlights Winter Fair: picking any other event shows it,
	// the one now where Harbour Meetup was included.
	for _, name := range []string{"Spring Expo", "Harbour Meetup", "Winter Fair"} {
		s.list.Select(index(name))
		m.tasks.drain()
		if s.heading.Text != name {
			t.Errorf("picking %s after adding Winter Fair shows %q", name, s.heading.Text)
		}
	}
}
