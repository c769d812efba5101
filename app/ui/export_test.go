package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/ics"
)

// saveInDialog picks the file name in the folder dir in Fyne's save
// dialog on top of w, as a user does: types the name, taps Save, and
// confirms the overwrite of a file there.
func saveInDialog(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	save := findButton(top, "Save")
	entry := findEntry(top)
	if save == nil || entry == nil {
		t.Fatalf("no save dialog on top: %q", overlayText(w))
	}
	entry.SetText(name)
	test.Tap(save)
	if yes := findButton(w.Canvas().Overlays().Top(), "Yes"); yes != nil {
		test.Tap(yes) // "Are you sure you want to overwrite the file?"
	}
}

// openSaveDialogsIn makes Fyne's save dialogs open in dir: they open in
// the folder last used.
func openSaveDialogsIn(dir string) {
	fyne.CurrentApp().Preferences().SetString("fyne:fileDialogLastFolder", storage.NewFileURI(dir).String())
}

// TestExportsKeepTheOldFile drives each export of the window onto a file
// that is there already, through Fyne's own save dialog, and makes the
// export fail after the file is chosen: the file is left as it was, not
// emptied by the dialog. One that succeeds replaces it whole.
func TestExportsKeepTheOldFile(t *testing.T) {
	const old = "the user's old file\n"
	tests := []struct {
		name    string
		file    string
		export  func(t *testing.T, m *mainWindow, w fyne.Window) // up to the file dialog
		wantErr bool
		want    string // in the file after a successful export
	}{
		{"contacts, failing on the way", "contacts.vcf", func(t *testing.T, m *mainWindow, w fyne.Window) {
			failing := func(ctx context.Context, fn func([]contacts.Contact) error) error {
				if err := fn([]contacts.Contact{{FullName: "Ann Example"}}); err != nil {
					return err
				}
				return errors.New("the disk went away")
			}
			exportVCards(w, m.store, m.tasks, "contacts.vcf", 2, failing)
			test.Tap(findButton(w.Canvas().Overlays().Top(), "Choose file…"))
		}, true, ""},
		{"everything to an archive, failing", "everything.zip", func(t *testing.T, m *mainWindow, w fyne.Window) {
			b := newBackupSettings(w, m.store, m.tasks, testClock, m.dates, nil)
			b.buildUI()
			m.tasks.drain()
			test.Tap(b.exportAll)
			m.store.Close() // the archive cannot be written
		}, true, ""},
		{"follow-ups to a calendar", "follow-ups.ics", func(t *testing.T, m *mainWindow, w fyne.Window) {
			apptest.Seed(t, m.store, contacts.DayOf(apptest.Today))
			m.reconnect.onExport()
			m.tasks.drain()
			test.Tap(findButton(w.Canvas().Overlays().Top(), "Choose file…"))
			m.tasks.drain()
		}, false, "BEGIN:VCALENDAR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			m, w := newTestWindow(t, store, &apptest.FakeEngine{})
			m.tasks.drain()
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
				t.Fatal(err)
			}
			openSaveDialogsIn(dir)
			tt.export(t, m, w)
			saveInDialog(t, w, tt.file)
			m.tasks.drain()
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			said := overlayText(w)
			if tt.wantErr {
				if string(b) != old {
					t.Errorf("the failed export left the file as %q, want it as it was", b)
				}
				if !strings.Contains(said, "Could not export") {
					t.Errorf("the window says %q, want why the export failed", said)
				}
				return
			}
			if !strings.HasPrefix(string(b), tt.want) {
				t.Errorf("the file holds %q after the export", b)
			}
			if !strings.Contains(said, "Exported") {
				t.Errorf("the window says %q after the export", said)
			}
		})
	}
}

// TestCalendarExportChoice: the window's calendar export asks for to-dos
// or events, says what each is for, writes what was picked, and offers
// it first next time, from the data folder's settings.
func TestCalendarExportChoice(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	dir := t.TempDir()
	openSaveDialogsIn(dir)

	export := func(pick string) string {
		t.Helper()
		test.Tap(m.reconnect.export)
		m.tasks.drain()
		c := m.reconnect.calendar
		if c.dialog == nil {
			t.Fatalf("no choice of form: %q", overlayText(w))
		}
		for _, want := range []string{"ignore to-dos", "khal", "task apps"} {
			if !strings.Contains(overlayText(w), want) {
				t.Errorf("the dialog does not say %q:\n%s", want, overlayText(w))
			}
		}
		shown := c.as.Selected
		c.as.SetSelected(pick)
		test.Tap(findButton(w.Canvas().Overlays().Top(), "Choose file…"))
		m.tasks.drain()
		saveInDialog(t, w, "follow-ups.ics")
		m.tasks.drain()
		return shown
	}
	read := func() string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "follow-ups.ics"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	if shown := export(calendarEvents); shown != calendarToDos {
		t.Errorf("offered %q first, want to-dos", shown)
	}
	if got := read(); strings.Count(got, "BEGIN:VEVENT") != 3 || strings.Contains(got, "BEGIN:VTODO") {
		t.Errorf("picked events, wrote:\n%s", got)
	}
	if as, err := app.CalendarExportAs(t.Context(), store); err != nil || as != ics.Events {
		t.Errorf("the settings keep %v (%v), want events", as, err)
	}
	if shown := export(calendarToDos); shown != calendarEvents {
		t.Errorf("offered %q after events were picked, want events", shown)
	}
	if got := read(); strings.Count(got, "BEGIN:VTODO") != 3 || strings.Contains(got, "BEGIN:VEVENT") {
		t.Errorf("picked to-dos, wrote:\n%s", got)
	}
}

// TestNothingToExport: with no follow-up to export, the calendar export
// is not offered, and if asked for all the same says so before any file
// is asked for; likewise the contacts with no contacts. Both come back as
// soon as there is something.
func TestNothingToExport(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	w.SetMainMenu(m.mainMenu())
	m.tasks.drain()
	if !m.reconnect.export.Disabled() || !m.exportCalendar.Disabled || !m.exportContacts.Disabled {
		t.Errorf("with nothing to export: calendar button enabled %v, menu items enabled %v, %v",
			!m.reconnect.export.Disabled(), !m.exportCalendar.Disabled, !m.exportContacts.Disabled)
	}
	m.reconnect.onExport()
	m.tasks.drain()
	if said := overlayText(w); !strings.Contains(said, "Nothing to export") || findButton(w.Canvas().Overlays().Top(), "Save") != nil {
		t.Errorf("asked for the calendar export with nothing to export, the window says %q", said)
	}
	w.Canvas().Overlays().Top().Hide()

	// A contact with a follow-up: both are offered.
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	m.onChanged()
	m.tasks.drain()
	if m.reconnect.export.Disabled() || m.exportCalendar.Disabled || m.exportContacts.Disabled {
		t.Errorf("with follow-ups: calendar button enabled %v, menu items enabled %v, %v",
			!m.reconnect.export.Disabled(), !m.exportCalendar.Disabled, !m.exportContacts.Disabled)
	}
}

// TestExportTheseGreyed: Contacts' "Export these…" is greyed while there
// is nobody to export, as the File menu's item is, and follows the data:
// offered once someone is saved, greyed again when the last one is
// deleted.
func TestExportTheseGreyed(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	w.SetMainMenu(m.mainMenu())
	m.tasks.drain()
	export := m.contacts.export
	if !export.Disabled() || !m.exportContacts.Disabled {
		t.Fatalf("with no contacts: Export these enabled %v, menu item enabled %v", !export.Disabled(), !m.exportContacts.Disabled)
	}

	c := contacts.Contact{FullName: "Ada Lone"}
	if err := store.Add(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	m.contacts.refresh()
	m.tasks.drain()
	if export.Disabled() {
		t.Fatal("with one contact, Export these is greyed")
	}

	m.contacts.show(c)
	m.tasks.drain()
	test.Tap(m.contacts.del)
	m.tasks.drain()
	if !export.Disabled() || !m.exportContacts.Disabled {
		t.Errorf("after deleting the only contact: Export these enabled %v, menu item enabled %v", !export.Disabled(), !m.exportContacts.Disabled)
	}
}
