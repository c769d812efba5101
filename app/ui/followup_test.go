package ui

import (
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// followThrough is a contact with all its follow-ups and history, read
// back from the store.
type followThrough struct {
	Contact   contacts.Contact
	FollowUps []contacts.FollowUp
	History   []contacts.Interaction
}

func storedFollowThrough(t *testing.T, store *sqlite.Store, id int64) followThrough {
	t.Helper()
	ctx := context.Background()
	var g followThrough
	var err error
	if g.Contact, err = store.Get(ctx, id); err != nil {
		t.Fatal(err)
	}
	if g.FollowUps, err = store.FollowUps(ctx, id); err != nil {
		t.Fatal(err)
	}
	if g.History, err = store.Interactions(ctx, id); err != nil {
		t.Fatal(err)
	}
	return g
}

// withDue is g with follow-up id moved to due, in the order FollowUps
// reads them (latest due first).
func (g followThrough) withDue(id int64, due contacts.Day) followThrough {
	fs := make([]contacts.FollowUp, 0, len(g.FollowUps))
	var moved contacts.FollowUp
	for _, f := range g.FollowUps {
		if f.ID == id {
			moved = f
			moved.Due = due
			moved.Sequence, moved.Modified = f.Sequence+1, changedJustNow
			continue
		}
		fs = append(fs, f)
	}
	i := 0
	for i < len(fs) && (fs[i].Due.After(due) || fs[i].Due == due && fs[i].ID > id) {
		i++
	}
	g.FollowUps = append(fs[:i:i], append([]contacts.FollowUp{moved}, fs[i:]...)...)
	return g
}

// changedJustNow stands for the time of a change of a follow-up during the
// test, in a want of compareFollowThrough: the store stamps it with the
// real clock.
var changedJustNow = time.Unix(1, 0)

func compareFollowThrough(t *testing.T, what string, got, want followThrough) {
	t.Helper()
	want.FollowUps = slices.Clone(want.FollowUps)
	for i, f := range want.FollowUps {
		if f.Modified.Equal(changedJustNow) && i < len(got.FollowUps) && got.FollowUps[i].ID == f.ID &&
			time.Since(got.FollowUps[i].Modified).Abs() < time.Minute {
			want.FollowUps[i].Modified = got.FollowUps[i].Modified
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s, read back:\n%+v\nwant\n%+v", what, got, want)
	}
}

// typeKey types key on w as the keyboard does: to the control that has
// the focus, or to the window's canvas when none has.
func typeKey(w fyne.Window, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if typed := w.Canvas().OnTypedKey(); typed != nil {
		typed(ev)
	}
}

// TestReconnectEveryFollowUp covers issue 21 A.5 in the window: Olu's
// second follow-up, a promise due today, has a line of its own in his
// Reconnect row with its own Done, in the event's list, and in the
// tray's count; and A.4's Enter in the outcome dialog (issue 20).
func TestReconnectEveryFollowUp(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	olu := people["Olu Overdue"]
	promise := contacts.FollowUp{ContactID: olu.ID, Kind: contacts.KindPromise, Due: today, Line: "introduce him to Sam"}
	if err := store.AddFollowUp(context.Background(), &promise); err != nil {
		t.Fatal(err)
	}
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	var menu *fyne.Menu
	m.tray = newTray(func(mn *fyne.Menu) { menu = mn }, func(fyne.Resource) {}, m.onShowReconnect, m.onQuit)
	m.remindNow()
	m.tasks.drain()
	if menu == nil || menu.Items[0].Label != "3 follow-ups due today, with 2 people" {
		t.Errorf("tray menu: %+v, want Olu's call and promise and Tess's note counted", menu)
	}

	s := m.reconnect
	var row *entryRow
	for _, r := range reconnectRows(m) {
		if r.entry != nil && r.entry.Person.Contact.ID == olu.ID {
			row = newEntryRow(s)
			row.set(r)
		}
	}
	if row == nil {
		t.Fatal("Olu is not listed")
	}
	var lines []string
	for _, l := range row.lines {
		lines = append(lines, l.label.Text)
	}
	want := []string{"call: send the article on hiring · 3 days overdue (2026-11-17)", "promise: introduce him to Sam · due today"}
	if !reflect.DeepEqual(lines, want) || row.done.Visible() || row.snooze.Visible() {
		t.Fatalf("Olu's row lists %q (contact's own Done shown %v); want %q each with its own Done and Snooze", lines, row.done.Visible(), want)
	}

	// Done on the promise: say how it went, Enter confirms.
	before := storedFollowThrough(t, store, olu.ID)
	test.Tap(row.lines[1].done)
	if w.Canvas().Focused() == nil {
		t.Fatal("the outcome dialog has no focus")
	}
	test.Type(w.Canvas().Focused().(*dialogEntry), "introduced them by email")
	typeKey(w, fyne.KeyReturn)
	m.tasks.drain()
	wantG := before
	wantG.FollowUps = nil
	for _, f := range before.FollowUps {
		if f.ID == promise.ID {
			f.State, f.DoneOn, f.Outcome = contacts.StateDone, today, "introduced them by email"
			f.Sequence, f.Modified = f.Sequence+1, changedJustNow
		}
		wantG.FollowUps = append(wantG.FollowUps, f)
	}
	got := storedFollowThrough(t, store, olu.ID)
	if len(got.History) == 1 {
		wantG.History = []contacts.Interaction{{ID: got.History[0].ID, ContactID: olu.ID, Kind: contacts.KindPromise, On: today,
			Note: "introduced them by email", FollowUpID: promise.ID}}
	}
	compareFollowThrough(t, "after Done on the promise", got, wantG)

	// The event's list shows each open follow-up.
	ev, err := store.EventByName(context.Background(), "Founders Breakfast")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.AddFollowUp(context.Background(), &contacts.FollowUp{ContactID: olu.ID, Kind: contacts.KindCoffee, Due: today.AddDays(9)}); err != nil {
		t.Fatal(err)
	}
	m.events.show(ev)
	m.tasks.drain()
	for _, p := range m.events.rows {
		if p.Contact.ID != olu.ID {
			continue
		}
		st := followUpStatus(p, contacts.DateFormat{}, today)
		for _, want := range []string{"call: send the article on hiring · 3 days overdue", "coffee or lunch · due 2026-11-29"} {
			if !strings.Contains(st, want) {
				t.Errorf("Olu in the event's list: %q lacks %q", st, want)
			}
		}
	}
}

// TestSnoozeOnlyLater covers issue 21 A.4 in the window: on a contact's
// page, snoozing a coffee due in 12 days moves it a day after its day, not
// to tomorrow; the day picker opens on the month of its day, marks it and
// today, and offers no day that is not later; Reschedule moves it earlier.
// It covers issue 20's Enter and Esc in the snooze and outcome dialogs too.
func TestSnoozeOnlyLater(t *testing.T) {
	today := contacts.DayOf(apptest.Today) // Friday 2026-11-20
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	uma := people["Uma Upcoming"]
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	m.onOpenContact(uma)
	m.tasks.drain()
	h := m.contacts.history
	coffee, ok := h.next()
	if !ok || coffee.Due != today.AddDays(12) {
		t.Fatalf("Uma's next follow-up: %+v", coffee)
	}

	// Esc cancels the snooze dialog and the outcome dialog: nothing moves.
	before := storedFollowThrough(t, store, uma.ID)
	h.onSnoozeNext()
	if w.Canvas().Focused() != h.snoozing.dayLater {
		t.Fatal("the snooze dialog does not focus its first choice")
	}
	typeKey(w, fyne.KeyEscape)
	h.onDoneNext()
	test.Type(w.Canvas().Focused().(*dialogEntry), "not yet")
	typeKey(w, fyne.KeyEscape)
	m.tasks.drain()
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open after Esc: %T", top)
	}
	compareFollowThrough(t, "after Esc", storedFollowThrough(t, store, uma.ID), before)

	steps := []struct {
		name string
		do   func(t *testing.T)
		due  contacts.Day
	}{
		{"Enter takes 'A day later'", func(t *testing.T) {
			h.onSnoozeNext()
			if h.snoozing.dayLater.Text != "A day later" || h.snoozing.nextWeek.Text != "The week after" {
				t.Errorf("choices %q, %q for a coffee due in 12 days", h.snoozing.dayLater.Text, h.snoozing.nextWeek.Text)
			}
			typeKey(w, fyne.KeyReturn)
		}, today.AddDays(13)},
		{"a later day picked", func(t *testing.T) {
			h.onSnoozeNext()
			test.Tap(h.snoozing.pick)
			p := h.snoozing.picker
			due := today.AddDays(13) // Thursday 3 December
			if p.month != (contacts.Day{Year: 2026, Month: 12, Day: 1}) || p.marks[due.Day] == nil || p.marks[due.Day].StrokeColor != theme.Color(theme.ColorNamePrimary) {
				t.Errorf("the picker opens on %s, marking %v; want December with the 3rd ringed", p.month, p.marks)
			}
			for d := 1; d <= due.Day; d++ {
				if !p.days[d].Disabled() {
					t.Errorf("December %d can be picked to snooze a follow-up due on the 3rd", d)
				}
			}
			test.Tap(p.prev)
			if p.marks[today.Day] == nil || p.marks[today.Day].StrokeColor != theme.Color(theme.ColorNameSuccess) || !p.days[today.Day].Disabled() {
				t.Errorf("today in November is not marked, or can be picked to snooze")
			}
			test.Tap(p.days[today.Day]) // refused: nothing happens
			test.Tap(p.next)
			test.Tap(p.days[10])
		}, contacts.Day{Year: 2026, Month: 12, Day: 10}},
		{"rescheduled earlier", func(t *testing.T) {
			h.onSnoozeNext()
			test.Tap(h.snoozing.moveTo)
			p := h.snoozing.picker
			test.Tap(p.prev)
			if p.days[today.Day-1].Disabled() == false || p.days[today.Day].Disabled() {
				t.Errorf("Reschedule offers a past day, or not today")
			}
			test.Tap(p.days[today.Day+1])
		}, today.AddDays(1)},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := storedFollowThrough(t, store, uma.ID)
			st.do(t)
			m.tasks.drain()
			compareFollowThrough(t, st.name, storedFollowThrough(t, store, uma.ID), before.withDue(coffee.ID, st.due))
			if top := w.Canvas().Overlays().Top(); top != nil {
				t.Errorf("a dialog is still open: %T", top)
			}
		})
	}
}

// TestFollowUpsNamedOneWay covers issue 21 B: the feature is called
// "Follow-ups" in the menu, in Settings and on a contact's page, and the
// buttons of each follow-up there say what they do.
func TestFollowUpsNamedOneWay(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	if _, ok := menuItems(w)["Follow-ups"]; !ok {
		t.Errorf("no Follow-ups menu among %v", slices.Collect(maps.Keys(menuItems(w))))
	}
	var sections []string
	for _, s := range m.settingsSections() {
		sections = append(sections, s.title)
	}
	if !slices.Contains(sections, "Follow-ups") {
		t.Errorf("Settings sections %v have no Follow-ups", sections)
	}
	m.onOpenContact(people["Uma Upcoming"])
	m.tasks.drain()
	h := m.contacts.history
	card, ok := find(w.Canvas().Content(), func(c *widget.Card) bool { return c.Title == "Follow-ups" })
	if !ok {
		t.Fatal("a contact's page has no Follow-ups card")
	}
	var labels []string
	for _, o := range h.open.Objects {
		for _, b := range findAll[*widget.Button](o) {
			labels = append(labels, b.Text)
		}
	}
	if want := []string{"Done", "Snooze", "Cancel"}; !slices.Equal(labels, want) {
		t.Errorf("the buttons of Uma's coffee on %q say %q, want %q", card.Title, labels, want)
	}
}

// findAll returns every widget of type T among o and what it holds.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	find(o, func(v T) bool { out = append(out, v); return false })
	return out
}
