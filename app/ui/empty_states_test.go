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
