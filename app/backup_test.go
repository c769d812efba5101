package app_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"followthrough/app"
	"followthrough/app/internal/apptest"
)

// TestCleanUpAfterBackupByHand: a backup made by hand earlier in the day
// does not stop the day's clean-up of unused card images (issue 21, A.12).
func TestCleanUpAfterBackupByHand(t *testing.T) {
	ctx := t.Context()
	store := apptest.OpenStore(t)
	apptest.AddPeople(t, store, "Ann Example")
	if _, err := store.Backup(ctx); err != nil { // Settings > Back up now
		t.Fatal(err)
	}
	unused := filepath.Join(store.Dir(), "images", "unused.jpg")
	if err := os.MkdirAll(filepath.Dir(unused), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(unused, []byte("jpeg"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(unused, old, old); err != nil {
		t.Fatal(err)
	}
	app.BackUpAndCleanDaily(ctx, store)
	if _, err := os.Stat(unused); !os.IsNotExist(err) {
		t.Errorf("the unused image is still there after the day's first start: %v", err)
	}
}
