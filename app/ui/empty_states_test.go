package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

func TestEmptyStates(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	if !m.reconnect.empty.Visible() || findButton(m.reconnect.empty, "Scan cards") == nil {
		t.Error("an empty reconnect list offers no Scan cards")
	}
	if !m.contacts.noMatch.Visible() || !m.contacts.firstSteps.Visible() ||
		!strings.HasPrefix(m.contacts.placeholder.Text, "No contacts yet") {
		t.Errorf("empty Contacts says %q, first steps shown %v", m.contacts.placeholder.Text, m.contacts.firstSteps.Visible())
	}
	test.Tap(findButton(m.contacts.firstSteps, "Scan cards"))
	if m.tabs.Selected() != m.scanTab || !m.scan.samples.Visible() {
		t.Errorf("Scan cards in empty Contacts shows %s, samples offered %v", m.tabs.Selected().Text, m.scan.samples.Visible())
	}
	if !strings.HasPrefix(m.events.hint.Text, "No events yet") {
		t.Errorf("empty Events says %q", m.events.hint.Text)
	}

	// An event with nobody met there says how to add them.
	e := contacts.Event{Name: "Harbour Meetup", Start: contacts.DayOf(apptest.Today)}
	if err := store.AddEvent(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	m.events.refresh()
	m.tasks.drain()
	m.events.list.Select(0)
	m.tasks.drain()
	if !strings.Contains(m.events.summary.Text, "Nobody met here yet") || !strings.Contains(m.events.summary.Text, "Harbour Meetup") {
		t.Errorf("an event with nobody says %q", m.events.summary.Text)
	}
	if m.events.hint.Text != "Pick an event to see who you met there." {
		t.Errorf("Events with an event says %q", m.events.hint.Text)
	}

	// With a contact, the first steps go and a search that finds nobody
	// says so.
	if err := store.Add(context.Background(), &contacts.Contact{FullName: "Ada Byron"}); err != nil {
		t.Fatal(err)
	}
	m.contacts.refresh()
	m.tasks.drain()
	if m.contacts.noMatch.Visible() || m.contacts.firstSteps.Visible() {
		t.Error("Contacts with someone in it still shows the empty state")
	}
	test.Type(m.contacts.search, "zz")
	m.tasks.drain()
	if !m.contacts.noMatch.Visible() || !strings.Contains(m.contacts.noMatch.Text, "Nobody matches “zz”") {
		t.Errorf("a search for nobody says %q", m.contacts.noMatch.Text)
	}
}

// TestSearchFindingNobodyClearsDetail covers issue 21 B.4: with Olu open,
// a search that finds no one empties the detail beside the list, which
// says so, and leaves Save, Done and Snooze nobody to act on; clearing
// the search lists everyone again with nobody open.
func TestSearchFindingNobodyClearsDetail(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	s := m.contacts
	m.onOpenContact(people["Olu Overdue"])
	m.tasks.drain()
	if !s.detail.Visible() || s.current.ID != people["Olu Overdue"].ID {
		t.Fatal("Olu is not open")
	}

	test.Type(s.search, "zzz")
	m.tasks.drain()
	if s.total != 0 {
		t.Fatalf("the search finds %d people", s.total)
	}
	if s.detail.Visible() || !s.placeholder.Visible() || s.placeholder.Text != "No one matches “zzz”." {
		t.Errorf("a search finding nobody: detail shown %v (%q), beside it %q", s.detail.Visible(), s.heading.Text, s.placeholder.Text)
	}
	for _, id := range []string{"save", "done", "snooze"} {
		press(t, m, id)
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Errorf("%s with nobody open shows %q", id, overlayText(w))
			top.Hide()
		}
	}

	s.search.SetText("")
	m.tasks.drain()
	if s.total != len(people) || s.detail.Visible() || s.placeholder.Text != "Pick someone on the left to see their card." {
		t.Errorf("search cleared: %d listed, detail shown %v, beside it %q", s.total, s.detail.Visible(), s.placeholder.Text)
	}
}
