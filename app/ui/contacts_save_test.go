package ui

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// TestSaveChangesOnlyWhenChanged covers issue 21 B: in Contacts, "Save
// changes" is offered only while the form differs from the contact
// stored. Every field counts; typing an edit back to what was stored
// takes the offer back, and so does saving.
func TestSaveChangesOnlyWhenChanged(t *testing.T) {
	store := apptest.OpenStore(t)
	stored := structured
	stored.ID = 0
	stored.Title, stored.Company, stored.Note = "Engineer", "Initech", "Met at the booth"
	stored.Event, stored.TalkedAbout = "Spring Expo", "Pilot in May"
	stored.IntroducedBy, stored.Tags = "Ben Ortiz", []string{"prospect", "friend"}
	if err := store.Add(t.Context(), &stored); err != nil {
		t.Fatal(err)
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	s, f := m.contacts, m.contacts.form
	open := func(t *testing.T) {
		t.Helper()
		c, err := store.Get(t.Context(), stored.ID)
		if err != nil {
			t.Fatal(err)
		}
		m.onOpenContact(c)
		m.tasks.drain()
		if s.save.Disabled() == false || m.canSave() {
			t.Fatalf("%s open and unchanged: Save changes offered %v, the menu's Save %v", c.FullName, !s.save.Disabled(), m.canSave())
		}
	}
	// typed types x into a field, and takes it away with Backspace.
	typed := func(name string, e func() fyne.Focusable) formEdit {
		return formEdit{name, func() { test.Type(e(), "x") }, func() { e().TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) }}
	}
	// picked picks another choice in a menu, and then the one it had.
	picked := func(name, other string, sel func() *widget.Select) formEdit {
		var was string
		return formEdit{name, func() { was = sel().Selected; sel().SetSelected(other) }, func() { sel().SetSelected(was) }}
	}
	tests := []formEdit{
		typed("full name", func() fyne.Focusable { return f.name }),
		typed("prefix", func() fyne.Focusable { return f.prefix }),
		typed("given name", func() fyne.Focusable { return f.given }),
		typed("middle name", func() fyne.Focusable { return f.middle }),
		typed("family name", func() fyne.Focusable { return f.family }),
		typed("suffix", func() fyne.Focusable { return f.suffix }),
		typed("phonetic name", func() fyne.Focusable { return f.phonetic }),
		typed("title", func() fyne.Focusable { return f.title }),
		typed("company", func() fyne.Focusable { return f.company }),
		typed("phone", func() fyne.Focusable { return f.phones.rows[0].value }),
		typed("email", func() fyne.Focusable { return f.emails.rows[1].value }),
		typed("website", func() fyne.Focusable { return f.websites.rows[0].value }),
		typed("street", func() fyne.Focusable { return f.addresses[0].street }),
		typed("suite", func() fyne.Focusable { return f.addresses[1].extended }),
		typed("PO box", func() fyne.Focusable { return f.addresses[1].poBox }),
		typed("city", func() fyne.Focusable { return f.addresses[0].city }),
		typed("region", func() fyne.Focusable { return f.addresses[1].region }),
		typed("postal code", func() fyne.Focusable { return f.addresses[0].postal }),
		typed("country", func() fyne.Focusable { return f.addresses[0].country }),
		typed("note", func() fyne.Focusable { return f.note }),
		typed("met at", func() fyne.Focusable { return f.event }),
		typed("met on", func() fyne.Focusable { return f.metOn.entry }),
		typed("introduced by", func() fyne.Focusable { return f.introducedBy }),
		typed("talked about", func() fyne.Focusable { return f.talkedAbout }),
		typed("tags", func() fyne.Focusable { return f.tags }),
	}
	tests = append(tests,
		picked("phone kind", "mobile", func() *widget.Select { return f.phones.rows[0].label }),
		picked("email label", noLabel, func() *widget.Select { return f.emails.rows[0].label }),
		picked("website label", string(contacts.LabelHome), func() *widget.Select { return f.websites.rows[0].label }),
		picked("address label", string(contacts.LabelOther), func() *widget.Select { return f.addresses[0].label }),
		picked("keep in touch", contacts.CadencePresets[0].Name, func() *widget.Select { return f.cadence }),
	)
	removeButton := func(row *fyne.Container) *widget.Button {
		for _, o := range row.Objects {
			if b, ok := o.(*widget.Button); ok {
				return b
			}
		}
		t.Fatal("no remove button in the row")
		return nil
	}
	tests = append(tests, []formEdit{
		{"a phone removed", func() { test.Tap(removeButton(f.phones.rows[0].row)) }, nil},
		{"an address removed", func() { test.Tap(removeButton(f.addresses[1].box.Objects[0].(*fyne.Container))) }, nil},
		{"a phone added", func() { test.Type(f.phones.add(string(contacts.PhoneMobile), "").value, "555 0199") }, nil},
	}...)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			open(t)
			tt.edit()
			if s.save.Disabled() || !m.canSave() {
				t.Fatalf("after editing: Save changes offered %v, the menu's Save %v; want both", !s.save.Disabled(), m.canSave())
			}
			if tt.undo == nil {
				return
			}
			tt.undo()
			if !s.save.Disabled() || m.canSave() {
				t.Errorf("edited back to what is stored: Save changes offered %v, the menu's Save %v", !s.save.Disabled(), m.canSave())
			}
		})
	}

	t.Run("an empty row added changes nothing", func(t *testing.T) {
		open(t)
		f.phones.add(string(contacts.PhoneWork), "")
		f.addAddress(contacts.Address{})
		if !s.save.Disabled() {
			t.Error("Save changes offered for empty rows")
		}
	})

	t.Run("saved", func(t *testing.T) {
		open(t)
		test.Type(f.title, "Lead ")
		test.Tap(s.save)
		m.tasks.drain()
		if c, err := store.Get(t.Context(), stored.ID); err != nil || c.Title != "Lead Engineer" {
			t.Fatalf("stored title %q, %v", c.Title, err)
		}
		if !s.save.Disabled() || m.canSave() {
			t.Errorf("after saving: Save changes offered %v, the menu's Save %v", !s.save.Disabled(), m.canSave())
		}
		test.Type(f.title, "x")
		if s.save.Disabled() {
			t.Error("edited after saving: Save changes not offered")
		}
	})

	// A new full name gives the name new parts, which the form then
	// shows: saved, it is as stored.
	t.Run("saved a new name", func(t *testing.T) {
		open(t)
		f.name.SetText("")
		test.Type(f.name, "Bea Lund")
		test.Tap(s.save)
		m.tasks.drain()
		c, err := store.Get(t.Context(), stored.ID)
		if err != nil || c.GivenName != "Bea" || c.FamilyName != "Lund" {
			t.Fatalf("stored %q %q, %v", c.GivenName, c.FamilyName, err)
		}
		if f.given.Text != "Bea" || f.family.Text != "Lund" || !s.save.Disabled() {
			t.Errorf("after saving: the parts shown %q %q, Save changes offered %v", f.given.Text, f.family.Text, !s.save.Disabled())
		}
	})

	// The parts follow the full name as it is typed, as they will be
	// saved, until the user types one of them: from then on they are as
	// typed.
	t.Run("the parts follow a name as it is typed", func(t *testing.T) {
		open(t)
		f.name.SetText("")
		test.Type(f.name, "Trần Thu Hà")
		if f.given.Text != "Thu Hà" || f.family.Text != "Trần" {
			t.Errorf("while typing the name: parts shown %q %q, want Thu Hà, Trần", f.given.Text, f.family.Text)
		}
		f.given.SetText("")
		test.Type(f.given, "Thu Hà Minh")
		f.name.SetText("")
		test.Type(f.name, "Trần Thu Hà Minh")
		if f.given.Text != "Thu Hà Minh" || f.family.Text != "Trần" {
			t.Errorf("a part typed, then the name: parts shown %q %q, want them as typed", f.given.Text, f.family.Text)
		}
		test.Tap(s.save)
		m.tasks.drain()
		c, err := store.Get(t.Context(), stored.ID)
		if err != nil || c.FullName != "Trần Thu Hà Minh" || c.GivenName != "Thu Hà Minh" || c.FamilyName != "Trần" {
			t.Fatalf("stored %q: %q %q, %v", c.FullName, c.GivenName, c.FamilyName, err)
		}
	})
}

// formEdit is an edit of a form, and how to take it back; undo is nil
// when it cannot be.
type formEdit struct {
	name       string
	edit, undo func()
}

// TestLeavingAContactKeepsItsEdits: what was typed into a contact and not
// saved is saved when the user opens someone else, searches for nobody,
// or quits; the rest of the contact, with its follow-ups and history,
// stays as it was.
func TestLeavingAContactKeepsItsEdits(t *testing.T) {
	tests := []struct {
		name  string
		leave func(m *mainWindow, w fyne.Window, other contacts.Contact)
	}{
		{"open someone else", func(m *mainWindow, _ fyne.Window, other contacts.Contact) {
			m.contacts.show(other)
		}},
		{"search for nobody", func(m *mainWindow, _ fyne.Window, _ contacts.Contact) {
			test.Type(m.contacts.search, "zzqq")
		}},
		{"quit", func(m *mainWindow, _ fyne.Window, _ contacts.Contact) {
			m.onQuit()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			today := contacts.DayOf(apptest.Today)
			people := apptest.Seed(t, store, today)
			// Uma has no phone, whose label the form would give it.
			edited, other := people["Uma Upcoming"], people["Olu Overdue"]
			before := readWhole(t, store, edited.ID)
			before.Reconnect = nil
			m, w := newTestWindow(t, store, &apptest.FakeEngine{})
			m.tasks.drain()
			m.onOpenContact(edited)
			m.tasks.drain()
			m.contacts.form.title.SetText("Head of Hiring")
			m.contacts.form.talkedAbout.SetText("the spring pilot")
			tt.leave(m, w, other)
			m.tasks.drain()

			want := before
			want.Contact.Title, want.Contact.TalkedAbout = "Head of Hiring", "the spring pilot"
			got := readWhole(t, store, edited.ID)
			got.Reconnect = nil
			got.Contact.Updated, want.Contact.Updated = time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after leaving, stored:\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}
