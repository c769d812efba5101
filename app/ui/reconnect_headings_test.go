package ui

import (
	"cmp"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// shownRows is what the reconnect list shows, row by row from the top as
// the window lays it out: "heading: " and its text, or "entry: " and the
// name on it.
func shownRows(m *mainWindow) []string {
	type shown struct {
		y    float32
		text string
	}
	var rows []shown
	d := fyne.CurrentApp().Driver()
	find(m.reconnect.list, func(r *entryRow) bool {
		text := "entry: " + r.title.Text
		if r.heading.Visible() {
			text = "heading: " + r.heading.Text
		}
		rows = append(rows, shown{d.AbsolutePositionForObject(r).Y, text})
		return false
	})
	slices.SortFunc(rows, func(a, b shown) int { return cmp.Compare(a.y, b.y) })
	var texts []string
	for _, r := range rows {
		texts = append(texts, r.text)
	}
	return texts
}

// wantRows is what the reconnect list holds, in the words of shownRows.
func wantRows(m *mainWindow) []string {
	var texts []string
	for _, r := range reconnectRows(m) {
		row := newEntryRow(m.reconnect)
		row.set(r)
		if r.entry == nil {
			texts = append(texts, "heading: "+row.heading.Text)
		} else {
			texts = append(texts, "entry: "+row.title.Text)
		}
	}
	return texts
}

// TestReconnectHeadingsAfterDone: marking done the only person of a
// section takes the section away; every row then shown has the heading or
// the person of its place, after Undo too. Rows of other heights used to
// take over the places of the old ones, and showed a blank heading, or a
// heading above the wrong section.
func TestReconnectHeadingsAfterDone(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	w.Resize(fyne.NewSize(1000, 420)) // the list scrolls
	m.tasks.drain()
	list := m.reconnect.list
	// check compares the rows shown with those the list holds, from the
	// first row shown.
	check := func(when string) {
		t.Helper()
		got, want := shownRows(m), wantRows(m)
		first := slices.Index(want, got[0])
		if first < 0 || first+len(got) > len(want) || !slices.Equal(got, want[first:first+len(got)]) {
			t.Errorf("%s the list shows\n%q\nwant a run of\n%q", when, got, want)
		}
	}
	check("at the start")
	list.ScrollToBottom()
	check("scrolled down")

	var fading *entryRow
	find(m.reconnect.list, func(r *entryRow) bool {
		if r.entry != nil && r.entry.Person.Contact.FullName == "Fay Fading" {
			fading = r
			return true
		}
		return false
	})
	if fading == nil {
		t.Fatal("Fay Fading is not shown")
	}
	test.Tap(fading.done)
	answerDone(t, w, "caught up")
	m.tasks.drain()
	check("after Done on the only one fading")
	list.ScrollToBottom()
	check("after Done, scrolled down")

	test.Tap(m.done.undo)
	m.tasks.drain()
	check("after Undo")
	list.ScrollToTop()
	check("after Undo, scrolled up")
	list.ScrollToBottom()
	check("after Undo, scrolled down")
}
