package ui

import (
	"context"
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
)

// TestOnlyWhatCanBeDoneIsOffered covers issue 21 B.2: the menu's Save,
// Mark done, Snooze, Next card and Previous card are disabled where they
// would do nothing, and the
// import's Skip all and Merge all duplicates are hidden with no duplicate
// and disabled once every duplicate has that action; before sync is set
// up, Sync now and the empty address book menu are disabled.
func TestOnlyWhatCanBeDoneIsOffered(t *testing.T) {
	today := contacts.DayOf(apptest.Today)

	t.Run("menu", func(t *testing.T) {
		store := apptest.OpenStore(t)
		people := apptest.Seed(t, store, today)
		m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
		item := func(label string) *fyne.MenuItem {
			for _, items := range menuItems(w) {
				for _, it := range items {
					if it.Label == label {
						return it
					}
				}
			}
			t.Fatalf("no menu item %q", label)
			return nil
		}
		save, done, snooze := item("Save"), item("Mark done…"), item("Snooze…")
		steps := []struct {
			where              string
			do                 func()
			save, done, snooze bool // offered
		}{
			{"Reconnect with people listed", func() { press(t, m, "reconnect") }, false, true, true},
			{"Contacts with nobody open", func() { press(t, m, "contacts") }, false, false, false},
			// Save saves changes, and none is made yet.
			{"Contacts with Olu open", func() { m.onOpenContact(people["Olu Overdue"]); m.tasks.drain() }, false, true, true},
			{"Olu's title changed", func() { test.Type(m.contacts.form.title, "Chief ") }, true, true, true},
			// Mark done logs what happened with Ned; there is nothing to snooze.
			{"Contacts with Ned open, who has no follow-up", func() { m.onOpenContact(people["Ned Nothing"]); m.tasks.drain() }, false, true, false},
			{"a search finding nobody", func() { m.contacts.search.SetText("zzz"); m.tasks.drain() }, false, false, false},
			{"Events", func() { press(t, m, "events") }, false, false, false},
			{"Scan with no card to review", func() { press(t, m, "scantab") }, false, false, false},
		}
		for _, s := range steps {
			s.do()
			if save.Disabled == s.save || done.Disabled == s.done || snooze.Disabled == s.snooze {
				t.Errorf("%s: Save offered %v, Mark done %v, Snooze %v; want %v, %v, %v", s.where,
					!save.Disabled, !done.Disabled, !snooze.Disabled, s.save, s.done, s.snooze)
			}
		}
	})

	t.Run("Scan", func(t *testing.T) {
		m, w, _ := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{Lines: apptest.JaneCard})
		items := menuItems(w)["Go"]
		turn := func() (next, previous bool) {
			for _, it := range items {
				switch it.Label {
				case "Next card":
					next = !it.Disabled
				case "Previous card":
					previous = !it.Disabled
				}
			}
			return next, previous
		}
		if next, previous := turn(); next || previous {
			t.Errorf("with no card under review: Next card offered %v, Previous card %v", next, previous)
		}
		dir := t.TempDir()
		for _, name := range []string{"a.png", "b.png"} {
			apptest.WriteImage(t, dir, name)
		}
		press(t, m, "scantab")
		m.scan.read([]string{dir})
		m.tasks.drain()
		if next, previous := turn(); !next || !previous || !m.canSave() {
			t.Errorf("two cards under review: Next card offered %v, Previous card %v, Save %v", next, previous, m.canSave())
		}
		test.Tap(m.scan.skip)
		m.tasks.drain()
		if next, previous := turn(); len(m.scan.queue) != 1 || next || previous {
			t.Errorf("%d card under review: Next card offered %v, Previous card %v", len(m.scan.queue), next, previous)
		}
	})

	t.Run("sync not set up", func(t *testing.T) {
		d, _ := openSyncDialog(t, apptest.OpenStore(t))
		if !d.book.Disabled() || !d.syncNow.Disabled() {
			t.Errorf("before connecting: the address book menu offered %v, Sync now %v", !d.book.Disabled(), !d.syncNow.Disabled())
		}
	})

	t.Run("Reconnect with nobody", func(t *testing.T) {
		m, w, _ := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
		press(t, m, "reconnect")
		for _, it := range menuItems(w)["Follow-ups"] {
			if !it.Disabled {
				t.Errorf("%s is offered with nobody to get back to", it.Label)
			}
		}
	})

	t.Run("import", func(t *testing.T) {
		store := apptest.OpenStore(t)
		m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
		m.tasks.drain()
		path := filepath.Join(t.TempDir(), "phone.vcf")
		if err := os.WriteFile(path, []byte(apptest.PhoneExport), 0o600); err != nil {
			t.Fatal(err)
		}
		open := func() {
			m.onDropped([]fyne.URI{storage.NewFileURI(path)})
			m.tasks.drain()
		}
		open()
		s := m.imports
		if s.skipAll.Visible() || s.mergeAll.Visible() {
			t.Errorf("with no duplicate: Skip all shown %v, Merge all shown %v", s.skipAll.Visible(), s.mergeAll.Visible())
		}
		s.dialog.Hide()

		ann := contacts.Contact{FullName: "Ann Lee", Emails: []string{"ann@initech.example"}}
		if err := store.Add(context.Background(), &ann); err != nil {
			t.Fatal(err)
		}
		open()
		if !s.skipAll.Visible() || !s.mergeAll.Visible() {
			t.Fatalf("with a duplicate: Skip all shown %v, Merge all shown %v (%s)", s.skipAll.Visible(), s.mergeAll.Visible(), s.summary.Text)
		}
		if !s.skipAll.Disabled() || s.mergeAll.Disabled() {
			t.Errorf("the duplicate skipped: Skip all offered %v, Merge all %v", !s.skipAll.Disabled(), !s.mergeAll.Disabled())
		}
		s.setAll(app.ImportMerge)
		if !strings.Contains(s.summary.Text, "merges 1") || s.skipAll.Disabled() || !s.mergeAll.Disabled() {
			t.Errorf("the duplicate merged (%s): Skip all offered %v, Merge all %v", s.summary.Text, !s.skipAll.Disabled(), !s.mergeAll.Disabled())
		}
	})
}
