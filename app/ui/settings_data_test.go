package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts/sqlite"
)

// newDataWindow shows the data folder settings of store in a test window,
// and counts the times they quit the app.
func newDataWindow(t *testing.T, store *sqlite.Store) (*dataSettings, fyne.Window, *int) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	quits := 0
	tk := &tasks{held: true}
	d := newDataSettings(w, store, tk, func(string) {}, func() { quits++ })
	w.SetContent(d.buildUI())
	w.Resize(fyne.NewSize(760, 620))
	return d, w, &quits
}

// TestMoveDataFolder moves the data folder in Settings: the copy holds
// the contacts and card images, the app then starts in it, and it quits
// so that nothing more goes into the old one.
func TestMoveDataFolder(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	store, err := sqlite.Open(t.Context(), app.StandardDataDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	apptest.AddPeople(t, store, "Ann Example", "Bo Example")
	if err := os.WriteFile(filepath.Join(store.Dir(), "images", "card.png"), []byte("png"), 0o600); err != nil {
		t.Fatal(err)
	}

	d, w, quits := newDataWindow(t, store)
	if d.path.Text != store.Dir() {
		t.Errorf("the data folder shows %q, want %q", d.path.Text, store.Dir())
	}

	// Cancel moves nothing.
	dir := filepath.Join(t.TempDir(), "elsewhere")
	d.moveTo(dir)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Cancel"))
	d.tasks.drain()
	if _, err := os.Stat(dir); err == nil || app.DefaultDataDir() != store.Dir() || *quits != 0 {
		t.Fatalf("after Cancel: folder made (%v), data folder %s, %d quits", err == nil, app.DefaultDataDir(), *quits)
	}

	// A folder with something in it is refused, and what is in it stays.
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "mine.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.moveTo(full)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Move"))
	d.tasks.drain()
	if msg := overlayText(w); !strings.Contains(msg, "not empty") {
		t.Errorf("moving to a folder with a file in it says %q", msg)
	}
	if _, err := os.Stat(filepath.Join(full, "mine.txt")); err != nil || app.DefaultDataDir() != store.Dir() || *quits != 0 {
		t.Fatalf("after a refused move: file kept %v, data folder %s, %d quits", err == nil, app.DefaultDataDir(), *quits)
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	d.moveTo(dir)
	if msg := overlayText(w); !strings.Contains(msg, dir) {
		t.Fatalf("the confirmation says %q", msg)
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Move"))
	d.tasks.drain()
	if msg := overlayText(w); !strings.Contains(msg, "Your 2 contacts") || !strings.Contains(msg, store.Dir()) {
		t.Fatalf("after the move the app says %q", msg)
	}
	if app.DefaultDataDir() != dir {
		t.Errorf("the data folder from the next start is %s, want %s", app.DefaultDataDir(), dir)
	}
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Quit"))
	if *quits != 1 {
		t.Errorf("the app quit %d times after the move, want 1", *quits)
	}

	moved, err := sqlite.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer moved.Close()
	if got := apptest.StoredNames(t, moved); !slices.Equal(got, []string{"Ann Example", "Bo Example"}) {
		t.Errorf("the new folder holds %v", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "images", "card.png")); err != nil {
		t.Errorf("the card image was not moved: %v", err)
	}
	if _, err := os.Stat(filepath.Join(store.Dir(), "followthrough.db")); err != nil {
		t.Errorf("the old folder's database is gone: %v", err)
	}
}

// TestMissingDataDirSaid checks that the window says so when the folder
// the data was moved to is not there, and it opened the usual one.
func TestMissingDataDirSaid(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	store, err := sqlite.Open(t.Context(), app.DefaultDataDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	m.checkDataDir()
	if msg := overlayText(w); msg != "" {
		t.Fatalf("never moved, the window says %q", msg)
	}
	if err := app.SetDataDir(filepath.Join(t.TempDir(), "unplugged")); err != nil {
		t.Fatal(err)
	}
	m.checkDataDir()
	if msg := overlayText(w); !strings.Contains(msg, "unplugged") || !strings.Contains(msg, store.Dir()+" instead") {
		t.Errorf("with the moved-to folder gone, the window says %q", msg)
	}
}
