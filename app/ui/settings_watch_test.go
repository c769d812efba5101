package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
)

// TestWatchedFolder chooses a folder in Settings > Reading cards, and
// checks that a card image put there reaches the review, that the choice
// survives a restart, that a card read before is not read again after
// it, and that Stop watching stops.
func TestWatchedFolder(t *testing.T) {
	store := apptest.OpenStore(t)
	dir := t.TempDir()
	// Each file is a different photo: the same one twice is read once.
	put := func(name string, n int) {
		if err := os.WriteFile(filepath.Join(dir, name), apptest.CardPhoto(t, n, 600), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("before.jpg", 0) // there before it is watched: read too

	m, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	m.tasks.drain()
	ws := m.settings.sections[1].ui.(settingsParts)[1].(*watchSettings)
	if ws.folder.Text != "No folder is watched." || !ws.clear.Disabled() {
		t.Fatalf("before: %q, stop enabled %v", ws.folder.Text, !ws.clear.Disabled())
	}
	ws.onChosen(dir) // what the folder dialog gives
	m.tasks.drain()
	if got, _ := store.Setting(context.Background(), app.SettingWatchFolder, ""); got != dir {
		t.Fatalf("setting = %q, want %q", got, dir)
	}
	waitUI(t, m, "the card already there", func() bool { return len(m.scan.queue) == 1 })
	put("new.jpg", 1)
	waitUI(t, m, "the new card", func() bool { return len(m.scan.queue) == 2 })
	names := []string{m.scan.queue[0].Name, m.scan.queue[1].Name}
	if names[0] != "before.jpg" || names[1] != "new.jpg" {
		t.Errorf("queued %v", names)
	}
	m.watcher.stop()

	// A restart: the folder is watched again, the cards read are not
	// read again, a new one is.
	m2, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	m2.tasks.drain()
	ws2 := m2.settings.sections[1].ui.(settingsParts)[1].(*watchSettings)
	if ws2.folder.Text != dir || m2.watcher.dir != dir {
		t.Fatalf("after a restart: shown %q, watched %q; want %q", ws2.folder.Text, m2.watcher.dir, dir)
	}
	put("after-restart.jpg", 2)
	waitUI(t, m2, "the card after the restart", func() bool { return len(m2.scan.queue) >= 1 })
	m2.tasks.drain()
	if len(m2.scan.queue) != 1 || m2.scan.queue[0].Name != "after-restart.jpg" {
		t.Errorf("after the restart %d queued, first %s", len(m2.scan.queue), m2.scan.queue[0].Name)
	}

	test.Tap(ws2.clear)
	m2.tasks.drain()
	if got, _ := store.Setting(context.Background(), app.SettingWatchFolder, "x"); got != "" || m2.watcher.cancel != nil {
		t.Errorf("after Stop watching: setting %q, watching %v", got, m2.watcher.cancel != nil)
	}
	if _, err := os.Stat(filepath.Join(dir, "before.jpg")); err != nil {
		t.Errorf("a file in the folder was touched: %v", err)
	}
}
