package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// newBackupWindow shows the backup settings of store in a test window.
func newBackupWindow(t *testing.T, store *sqlite.Store) (*backupSettings, fyne.Window, *int) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	restoredCount := 0
	tk := &tasks{held: true}
	b := newBackupSettings(w, store, tk, testClock, contacts.DateFormat{}, func() { restoredCount++ })
	w.SetContent(b.buildUI())
	w.Resize(fyne.NewSize(760, 620))
	tk.drain()
	return b, w, &restoredCount
}

// overlayText is all the text of the dialog on top of w.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var texts []string
	find(top, func(l *widget.Label) bool { texts = append(texts, l.Text); return false })
	return strings.Join(texts, "\n")
}

func TestBackupSettings(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.AddPeople(t, store, "Ann Example", "Bo Example")
	b, w, restoredCount := newBackupWindow(t, store)
	if !b.empty.Visible() || !b.restore.Disabled() {
		t.Fatalf("with no backups: empty label %v, restore enabled %v", b.empty.Visible(), !b.restore.Disabled())
	}

	test.Tap(b.backupNow)
	b.tasks.drain()
	if len(b.backups) != 1 || b.empty.Visible() || !strings.Contains(b.status.Text, "Backed up to") {
		t.Fatalf("after Back up now: %d backups listed, status %q", len(b.backups), b.status.Text)
	}

	// A contact added since the backup; restoring the backup drops it,
	// after saying what will happen.
	apptest.AddPeople(t, store, "Cy Example")
	b.list.Select(0)
	if b.restore.Disabled() {
		t.Fatal("Restore is disabled with a backup selected")
	}
	test.Tap(b.restore)
	b.tasks.drain()
	if msg := overlayText(w); !strings.Contains(msg, "Replace your 3 contacts with the 2 contacts") || !strings.Contains(msg, "kept as a backup") {
		t.Fatalf("the confirmation says %q", msg)
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Restore"))
	b.tasks.drain()
	if got := apptest.StoredNames(t, store); !slices.Equal(got, []string{"Ann Example", "Bo Example"}) {
		t.Fatalf("after restoring: %v", got)
	}
	if *restoredCount != 1 || !strings.Contains(b.status.Text, "Restored 2 contacts") {
		t.Errorf("after restoring: screens told %d times, status %q", *restoredCount, b.status.Text)
	}
	// The list now shows the copy kept aside, which undoes the restore.
	var aside int = -1
	for i, bk := range b.backups {
		if bk.BeforeRestore {
			aside = i
		}
	}
	if len(b.backups) != 2 || aside < 0 {
		t.Fatalf("backups listed after the restore: %+v", b.backups)
	}
	b.list.Select(aside)
	test.Tap(b.restore)
	b.tasks.drain()
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Restore"))
	b.tasks.drain()
	if got := apptest.StoredNames(t, store); !slices.Equal(got, []string{"Ann Example", "Bo Example", "Cy Example"}) {
		t.Fatalf("after undoing the restore: %v", got)
	}

	// Cancel changes nothing.
	b.list.Select(len(b.backups) - 1)
	test.Tap(b.restore)
	b.tasks.drain()
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Cancel"))
	b.tasks.drain()
	if got := apptest.StoredNames(t, store); len(got) != 3 {
		t.Errorf("after Cancel: %v", got)
	}
}

func TestBackupSettingsRefusesBadFiles(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.AddPeople(t, store, "Ann Example")
	b, w, restoredCount := newBackupWindow(t, store)
	dir := t.TempDir()
	for name, tt := range map[string]struct {
		data []byte
		why  string
	}{
		"notes.db":    {[]byte("not a database"), "not a Follow Through database"},
		"evil.zip":    {[]byte("PK\x03\x04 not really"), "not a Follow Through archive"},
		"holiday.jpg": {[]byte{0xff, 0xd8, 0xff}, "not a Follow Through database"},
	} {
		t.Run(name, func(t *testing.T) {
			data := tt.data
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o600); err != nil {
				t.Fatal(err)
			}
			b.restorePath(p)
			b.tasks.drain()
			msg := overlayText(w)
			if !strings.Contains(msg, "Could not restore from "+name) || !strings.Contains(msg, tt.why) {
				t.Errorf("for %s the dialog says %q", name, msg)
			}
			w.Canvas().Overlays().Top().Hide()
			w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
		})
	}
	if got := apptest.StoredNames(t, store); !slices.Equal(got, []string{"Ann Example"}) || *restoredCount != 0 {
		t.Errorf("after refused files: %v, screens told %d times", got, *restoredCount)
	}
}

// TestArchiveToAnotherComputerFromTheWindow exports everything from one
// store and imports it into another, as on a second computer.
func TestArchiveToAnotherComputerFromTheWindow(t *testing.T) {
	from := apptest.OpenStore(t)
	src := apptest.WriteImage(t, t.TempDir(), "card.png")
	if _, err := app.SaveCard(context.Background(), from, app.Card{Contact: contacts.Contact{FullName: "Ann Example"}, ImagePath: src}); err != nil {
		t.Fatal(err)
	}
	b, _, _ := newBackupWindow(t, from)
	path := filepath.Join(t.TempDir(), "everything.zip")
	b.exportTo(path)
	b.tasks.drain()
	if !strings.Contains(b.status.Text, "Wrote 1 contact and 1 card image to "+path) {
		t.Fatalf("after export: %q", b.status.Text)
	}

	to := apptest.OpenStore(t)
	apptest.AddPeople(t, to, "Someone Else")
	b2, w2, _ := newBackupWindow(t, to)
	b2.restorePath(path)
	b2.tasks.drain()
	if msg := overlayText(w2); !strings.Contains(msg, "Replace your 1 contact with the 1 contact and 1 card image of the archive made on") {
		t.Fatalf("the confirmation says %q", msg)
	}
	test.Tap(findButton(w2.Canvas().Overlays().Top(), "Restore"))
	b2.tasks.drain()
	cs, _ := to.List(context.Background(), "", 0)
	if len(cs) != 1 || cs[0].FullName != "Ann Example" {
		t.Fatalf("after importing: %+v", cs)
	}
	if _, err := os.Stat(to.ImagePath(cs[0].Image)); err != nil {
		t.Errorf("the card image did not come with the archive: %v", err)
	}
}

// TestDeleteRemovesImageAfterUndo: a deleted contact's card image stays
// while the deletion can be undone, and goes after.
func TestDeleteRemovesImageAfterUndo(t *testing.T) {
	store := apptest.OpenStore(t)
	ctx := context.Background()
	var imgs []string
	for i, name := range []string{"Ann Example", "Bo Example"} {
		src := apptest.WriteImage(t, t.TempDir(), "card.png")
		// Different images, copied in a while ago.
		f, _ := os.OpenFile(src, os.O_APPEND|os.O_WRONLY, 0)
		f.Write([]byte{byte(i)})
		f.Close()
		c, err := app.SaveCard(ctx, store, app.Card{Contact: contacts.Contact{FullName: name}, ImagePath: src})
		if err != nil {
			t.Fatal(err)
		}
		p := store.ImagePath(c.Image)
		then := time.Now().Add(-time.Hour)
		if err := os.Chtimes(p, then, then); err != nil {
			t.Fatal(err)
		}
		imgs = append(imgs, p)
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.contacts.undoFor = 50 * time.Millisecond
	s := m.contacts
	m.tasks.drain()
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }

	// Delete Ann, and undo: her image is there all along.
	selectName(t, m, "Ann Example")
	test.Tap(s.del)
	m.tasks.drain()
	if !exists(imgs[0]) {
		t.Fatal("the image went before the deletion could be undone")
	}
	test.Tap(s.undoBar.Objects[1].(fyne.Tappable))
	m.tasks.drain()
	time.Sleep(3 * m.contacts.undoFor)
	m.tasks.drain()
	if !exists(imgs[0]) {
		t.Fatal("the image went after the deletion was undone")
	}

	// Delete Bo and let the undo pass: his image goes.
	selectName(t, m, "Bo Example")
	test.Tap(s.del)
	m.tasks.drain()
	deadline := time.Now().Add(5 * time.Second)
	for exists(imgs[1]) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		m.tasks.drain()
	}
	if exists(imgs[1]) || s.undoBar.Visible() {
		t.Errorf("after the undo passed: image there %v, undo bar shown %v", exists(imgs[1]), s.undoBar.Visible())
	}
	if !exists(imgs[0]) {
		t.Error("the image of a contact still there went too")
	}
}

func selectName(t *testing.T, m *mainWindow, name string) {
	t.Helper()
	for i, c := range listedContacts(m) {
		if c.FullName == name {
			m.contacts.list.Select(i)
			return
		}
	}
	t.Fatalf("%s is not listed", name)
}

// In a scrolling settings screen, which gives a section its minimum size
// only, the list of backups keeps room for a few.
func TestBackupSettingsInAScrollingScreen(t *testing.T) {
	store := apptest.OpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	b := newBackupSettings(w, store, &tasks{held: true}, testClock, contacts.DateFormat{}, nil)
	w.SetContent(container.NewVScroll(container.NewVBox(widget.NewCard("Backups", "", b.buildUI()))))
	w.Resize(fyne.NewSize(760, 500))
	if h := b.list.Size().Height; h < 200 {
		t.Errorf("the list of backups is %v high", h)
	}
}
