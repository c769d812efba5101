package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// find returns the first widget of type T among o and what it holds for
// which match is true.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	if v, ok := o.(T); ok && match(v) {
		return v, true
	}
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(v).Objects()
	}
	for _, c := range children {
		if f, ok := find(c, match); ok {
			return f, true
		}
	}
	var none T
	return none, false
}

// findButton finds the button labelled text among o and what it holds,
// a dialog's too.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	b, _ := find(o, func(w fyne.Widget) bool {
		switch b := w.(type) {
		case *widget.Button:
			return b.Text == text
		case *dialogButton:
			return b.Text == text
		}
		return false
	})
	switch b := b.(type) {
	case *dialogButton:
		return &b.Button
	case *widget.Button:
		return b
	}
	return nil
}

// findEntry finds the first entry among o and what it holds, a dialog's
// too.
func findEntry(o fyne.CanvasObject) *widget.Entry {
	e, _ := find(o, func(w fyne.Widget) bool {
		switch w.(type) {
		case *widget.Entry, *dialogEntry:
			return true
		}
		return false
	})
	switch e := e.(type) {
	case *dialogEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	}
	return nil
}

func TestReconnectScreen(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.reconnect

	var names []string
	for _, r := range reconnectRows(m) {
		if r.entry != nil {
			names = append(names, r.entry.Person.Contact.FullName)
		} else {
			names = append(names, "["+r.heading+"]")
		}
	}
	want := "[Overdue (1)],Olu Overdue,[Due this week (1)],Tess Today,[Fading (1)],Fay Fading,[Upcoming (1)],Uma Upcoming"
	if got := strings.Join(names, ","); got != want {
		t.Fatalf("rows = %s\nwant   %s", got, want)
	}
	if !strings.Contains(s.heading.Text, "1 overdue") {
		t.Errorf("heading %q has no counts", s.heading.Text)
	}

	// Done on the overdue call: say how it went; it is logged and leaves
	// the list.
	row := newEntryRow(s)
	row.set(reconnectRows(m)[1])
	test.Tap(row.lines[0].done)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Done shows no dialog")
	}
	test.Type(findEntry(top), "Coffee on the 3rd")
	test.Tap(findButton(top, "Done"))
	m.tasks.drain()
	its, err := store.Interactions(context.Background(), people["Olu Overdue"].ID)
	if err != nil || len(its) != 1 || its[0].Note != "Coffee on the 3rd" || its[0].Kind != contacts.KindCall {
		t.Fatalf("interactions after Done = %+v, %v", its, err)
	}
	for _, r := range reconnectRows(m) {
		if r.entry != nil && r.entry.Person.Contact.FullName == "Olu Overdue" {
			t.Errorf("Olu is still listed after the follow-up was done")
		}
	}

	// Snooze Tess's note to next week: it moves to Monday.
	var tess contacts.ReconnectItem
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Tess Today" {
			tess = e
		}
	}
	if tess.Person.Contact.ID == 0 {
		t.Fatal("Tess is not listed")
	}
	row.set(reconnectRow{entry: &tess})
	test.Tap(row.lines[0].snooze)
	if w.Canvas().Overlays().Top() == nil {
		t.Errorf("Snooze shows no menu")
	}
	w.Canvas().Overlays().Top().Hide()
	s.onSnooze(tess, tess.FollowUp, contacts.SnoozeNextWeek.From(tess.FollowUp.Due, today))
	m.tasks.drain()
	monday := contacts.Day{Year: 2026, Month: 11, Day: 23} // apptest.Today is a Friday
	listed := 0
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Tess Today" {
			listed++
			if e.Due != monday || e.Reason != "due Monday" {
				t.Errorf("after snoozing, Tess is due %s (%s), want Monday %s", e.Due, e.Reason, monday)
			}
		}
	}
	if listed != 1 {
		t.Errorf("after snoozing, Tess is listed %d times, want once", listed)
	}

	// Fay fades with nothing scheduled; Done on her logs a call that
	// resets the clock.
	var fay contacts.ReconnectItem
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Fay Fading" {
			fay = e
		}
	}
	if fay.Person.Contact.ID == 0 {
		t.Fatal("Fay is not listed")
	}
	row.set(reconnectRow{entry: &fay})
	test.Tap(row.done)
	top = w.Canvas().Overlays().Top()
	test.Tap(findButton(top, "Done"))
	m.tasks.drain()
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Fay Fading" {
			t.Errorf("Fay is still listed (%s) after a call was logged", e.Section)
		}
	}
}

// reconnectRows returns every row of the reconnect list, reading the
// pages that are not read yet as the list would when scrolled.
func reconnectRows(m *mainWindow) []reconnectRow {
	s := m.reconnect
	for range 10 {
		rows := make([]reconnectRow, s.total)
		loading := false
		for i := range rows {
			rows[i] = s.row(i)
			loading = loading || rows[i].loading
		}
		if !loading {
			return rows
		}
		m.tasks.drain()
	}
	panic("the reconnect list never finished loading")
}

// reconnectEntries returns the entries of the reconnect list.
func reconnectEntries(m *mainWindow) []contacts.ReconnectItem {
	var es []contacts.ReconnectItem
	for _, r := range reconnectRows(m) {
		if r.entry != nil {
			es = append(es, *r.entry)
		}
	}
	return es
}

func TestEventView(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	ctx := context.Background()
	// Tess is followed up with; Olu still waits.
	if err := store.LogInteraction(ctx, &contacts.Interaction{ContactID: people["Tess Today"].ID, Kind: contacts.KindNote, On: today}); err != nil {
		t.Fatal(err)
	}
	ev, err := store.EventByName(ctx, "Founders Breakfast")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.events
	if len(s.events) != 1 || s.events[0].Name != "Founders Breakfast" {
		t.Fatalf("events = %+v", s.events)
	}
	s.list.Select(0)
	m.tasks.drain()
	if s.current.ID != ev.ID || len(s.rows) != 2 {
		t.Fatalf("event shows %d people", len(s.rows))
	}
	if !strings.Contains(s.summary.Text, "Met 2 people: 1 followed up, 1 still waiting") {
		t.Errorf("summary = %q", s.summary.Text)
	}
	status := map[string]string{}
	for _, r := range s.rows {
		status[r.Contact.FullName] = followUpStatus(r, contacts.DateFormat{}, today)
	}
	if !strings.HasPrefix(status["Tess Today"], "followed up") {
		t.Errorf("Tess: %q", status["Tess Today"])
	}
	if !strings.HasPrefix(status["Olu Overdue"], "waiting · call: send the article on hiring · 3 days overdue") {
		t.Errorf("Olu: %q", status["Olu Overdue"])
	}
}
