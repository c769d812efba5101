package ui

import (
	"context"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// storedWhole is everything the store says of one contact: the contact,
// every follow-up and every interaction, as read, IDs and UIDs included.
type storedWhole struct {
	Contact      contacts.Contact
	FollowUps    []contacts.FollowUp
	Interactions []contacts.Interaction
	Reconnect    []contacts.ReconnectItem // the whole reconnect list, which the contact is on
}

func readWhole(t *testing.T, store *sqlite.Store, id int64) storedWhole {
	t.Helper()
	ctx := context.Background()
	var w storedWhole
	var err error
	if w.Contact, err = store.Get(ctx, id); err != nil {
		t.Fatal(err)
	}
	if w.FollowUps, err = store.FollowUps(ctx, id); err != nil {
		t.Fatal(err)
	}
	if w.Interactions, err = store.Interactions(ctx, id); err != nil {
		t.Fatal(err)
	}
	if w.Reconnect, err = store.ReconnectList(ctx, contacts.DayOf(apptest.Today), upcomingDays); err != nil {
		t.Fatal(err)
	}
	return w
}

// reconnectRowOf is a row of the reconnect list showing name's entry.
func reconnectRowOf(t *testing.T, m *mainWindow, name string) *entryRow {
	t.Helper()
	for _, r := range reconnectRows(m) {
		if r.entry != nil && r.entry.Person.Contact.FullName == name {
			row := newEntryRow(m.reconnect)
			row.set(r)
			return row
		}
	}
	t.Fatalf("%s is not on the reconnect list", name)
	return nil
}

// answerDone types outcome into the Done dialog on top of w and confirms.
func answerDone(t *testing.T, w fyne.Window, outcome string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Done shows no dialog")
	}
	test.Type(findEntry(top), outcome)
	test.Tap(findButton(top, "Done"))
}

// TestDoneUndo marks done as the window does, from Reconnect and from a
// contact's page, then taps Undo: the store reads back the whole contact
// as it was.
func TestDoneUndo(t *testing.T) {
	tests := []struct {
		name, who string
		done      func(t *testing.T, m *mainWindow, w fyne.Window, c contacts.Contact)
		line      string
	}{
		{"reconnect follow-up", "Olu Overdue", func(t *testing.T, m *mainWindow, w fyne.Window, _ contacts.Contact) {
			test.Tap(reconnectRowOf(t, m, "Olu Overdue").lines[0].done)
			answerDone(t, w, "Coffee next month")
		}, "Done: call with Olu Overdue."},
		{"reconnect cadence", "Fay Fading", func(t *testing.T, m *mainWindow, w fyne.Window, _ contacts.Contact) {
			test.Tap(reconnectRowOf(t, m, "Fay Fading").done)
			answerDone(t, w, "caught up")
		}, "Done: call with Fay Fading, logged."},
		{"contact page", "Olu Overdue", func(t *testing.T, m *mainWindow, w fyne.Window, c contacts.Contact) {
			m.onOpenContact(c)
			m.tasks.drain()
			done := findButton(m.contacts.history.open, "Done")
			if done == nil {
				t.Fatal("the contact's follow-up has no Done")
			}
			test.Tap(done)
			answerDone(t, w, "went well")
		}, "Done: call with Olu Overdue."},
		{"keyboard on the contact page", "Tess Today", func(t *testing.T, m *mainWindow, w fyne.Window, c contacts.Contact) {
			m.onOpenContact(c)
			m.tasks.drain()
			m.onMarkDone()
			answerDone(t, w, "")
		}, "Done: handwritten note with Tess Today."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			people := apptest.Seed(t, store, contacts.DayOf(apptest.Today))
			m, w := newTestWindow(t, store, &apptest.FakeEngine{})
			m.tasks.drain()
			c := people[tt.who]
			before := readWhole(t, store, c.ID)

			tt.done(t, m, w, c)
			m.tasks.drain()
			if reflect.DeepEqual(readWhole(t, store, c.ID), before) {
				t.Fatal("Done changed nothing in the store")
			}
			if !m.done.box.Visible() || !m.done.undo.Visible() || m.done.text.Text != tt.line {
				t.Fatalf("after Done the line shows %v, Undo %v, %q; want %q with Undo",
					m.done.box.Visible(), m.done.undo.Visible(), m.done.text.Text, tt.line)
			}

			test.Tap(m.done.undo)
			m.tasks.drain()
			if after := readWhole(t, store, c.ID); !reflect.DeepEqual(after, before) {
				t.Errorf("after Undo the store reads\n%+v\nwant as before\n%+v", after, before)
			}
			if m.done.box.Visible() {
				t.Errorf("the line stays after Undo")
			}
			found := false
			for _, e := range reconnectEntries(m) {
				found = found || e.Person.Contact.ID == c.ID
			}
			if !found {
				t.Errorf("after Undo %s is not back on the reconnect list", tt.who)
			}
		})
	}
}

// TestDoneUndoEnds: Undo lasts a while, and a second Done ends the first's.
func TestDoneUndoEnds(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.done.undoFor = 0
	m.tasks.drain()
	test.Tap(reconnectRowOf(t, m, "Olu Overdue").lines[0].done)
	answerDone(t, w, "")
	m.tasks.drain()
	for range 100 {
		m.tasks.drain()
		if !m.done.box.Visible() {
			break
		}
	}
	if m.done.box.Visible() {
		t.Errorf("the line with Undo is still there after its time")
	}
}

// TestDoneOffersTheNextFollowUp: an outcome that says when ("coffee next
// month") offers that follow-up; Schedule it adds it as offered, No
// thanks adds nothing.
func TestDoneOffersTheNextFollowUp(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	tests := []struct {
		name, outcome string
		accept        bool
		offer         string // "" for no offer
		want          *contacts.FollowUp
	}{
		{"accepted", "Coffee next month", true, "Next: coffee or lunch with Olu Overdue, Sun, Dec 20, 2026?",
			&contacts.FollowUp{Kind: contacts.KindCoffee, Due: contacts.Day{Year: 2026, Month: 12, Day: 20}, Line: "Coffee next month", State: contacts.StateOpen}},
		{"declined", "call Friday", false, "Next: call with Olu Overdue, Fri, Nov 27, 2026?", nil},
		{"no day in the words, no cadence", "went well", true, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			people := apptest.Seed(t, store, today)
			a := test.NewTempApp(t)
			w := test.NewTempWindow(t, nil)
			m := newMainWindow(t.Context(), a, w, store, nil, testClock, contacts.DateFormatFor("en_US.UTF-8"))
			m.tasks.held = true
			w.SetContent(m.buildUI())
			w.Resize(fyne.NewSize(1200, 800))
			m.tasks.drain()
			olu := people["Olu Overdue"].ID

			test.Tap(reconnectRowOf(t, m, "Olu Overdue").lines[0].done)
			answerDone(t, w, tt.outcome)
			m.tasks.drain()
			if tt.offer == "" {
				if m.done.nextRow.Visible() {
					t.Fatalf("offered %q, want nothing", m.done.nextText.Text)
				}
				return
			}
			if !m.done.nextRow.Visible() || m.done.nextText.Text != tt.offer {
				t.Fatalf("offer shown %v: %q; want %q", m.done.nextRow.Visible(), m.done.nextText.Text, tt.offer)
			}
			if tt.accept {
				test.Tap(m.done.schedule)
			} else {
				test.Tap(m.done.noThanks)
			}
			m.tasks.drain()
			fs, err := store.FollowUps(context.Background(), olu)
			if err != nil {
				t.Fatal(err)
			}
			var open []contacts.FollowUp
			for _, f := range fs {
				if f.State == contacts.StateOpen {
					// What the store gives on its own is left out.
					f.ID, f.UID, f.ContactID, f.Created = 0, "", 0, time.Time{}
					open = append(open, f)
				}
			}
			switch {
			case tt.want == nil && len(open) != 0:
				t.Errorf("after No thanks, open follow-ups %+v, want none", open)
			case tt.want != nil:
				if len(open) != 1 || !reflect.DeepEqual(open[0], *tt.want) {
					t.Errorf("after Schedule it, open follow-ups %+v, want %+v", open, *tt.want)
				}
			}
			if m.done.box.Visible() && m.done.nextRow.Visible() {
				t.Errorf("the offer stays after it was answered")
			}
			if !tt.accept && (!m.done.box.Visible() || !m.done.undo.Visible()) {
				t.Errorf("No thanks took Undo away too")
			}
		})
	}
}

// TestDoneOffersByCadence: with no day in the outcome, Done offers the
// next call after the cadence's ideal gap, unless something else is
// scheduled with the contact already.
func TestDoneOffersByCadence(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	olu := people["Olu Overdue"]
	olu.Cadence = contacts.Cadence{Ideal: 30, Max: 90}
	if err := store.Update(context.Background(), olu); err != nil {
		t.Fatal(err)
	}
	if err := store.AddFollowUp(context.Background(), &contacts.FollowUp{ContactID: olu.ID, Kind: contacts.KindNote, Due: today.AddDays(20)}); err != nil {
		t.Fatal(err)
	}
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()

	test.Tap(reconnectRowOf(t, m, "Fay Fading").done)
	answerDone(t, w, "caught up")
	m.tasks.drain()
	if want := "Next: call with Fay Fading, " + today.AddDays(60).String() + "?"; !m.done.nextRow.Visible() || m.done.nextText.Text != want {
		t.Errorf("after Done on Fay the offer is %v %q, want %q", m.done.nextRow.Visible(), m.done.nextText.Text, want)
	}

	test.Tap(reconnectRowOf(t, m, "Olu Overdue").lines[0].done)
	answerDone(t, w, "went well")
	m.tasks.drain()
	if m.done.nextRow.Visible() {
		t.Errorf("Olu has a note scheduled, yet Done offers %q", m.done.nextText.Text)
	}
}

// TestDeleteAfterDone: deleting a contact just marked done leaves one
// Undo, the deletion's: the Done's can no longer apply (tapping it said
// "Could not undo it: contact not found"). That Undo brings the contact
// back whole, with the Done and its history.
func TestDeleteAfterDone(t *testing.T) {
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	c := people["Olu Overdue"]
	m.onOpenContact(c)
	m.tasks.drain()
	test.Tap(findButton(m.contacts.history.open, "Done"))
	answerDone(t, w, "went well")
	m.tasks.drain()
	done := readWhole(t, store, c.ID)
	if !m.done.box.Visible() {
		t.Fatal("Done shows no line")
	}

	test.Tap(findButton(m.contacts.detail, "Delete"))
	m.tasks.drain()
	if m.done.box.Visible() {
		t.Errorf("the Done line, with its Undo, stays after %s was deleted", c.FullName)
	}
	if !m.contacts.undoBar.Visible() {
		t.Fatal("the deletion offers no Undo")
	}
	test.Tap(findButton(m.contacts.undoBar, "Undo"))
	m.tasks.drain()
	if after := readWhole(t, store, c.ID); !reflect.DeepEqual(after, done) {
		t.Errorf("after the deletion's Undo the store reads\n%+v\nwant as after Done\n%+v", after, done)
	}
}
