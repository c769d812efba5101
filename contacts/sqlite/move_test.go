package sqlite

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"followthrough/contacts"
)

// TestCopyTo copies a data folder with contacts, a card image, a
// thumbnail and a backup, and opens the copy as a store of its own.
func TestCopyTo(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	img := filepath.Join(s.Dir(), "images", "card.png")
	if err := os.WriteFile(img, []byte("png"), 0o600); err != nil {
		t.Fatal(err)
	}
	ann := contacts.Contact{FullName: "Ann Example", Company: "Example Ltd", Image: "images/card.png"}
	if err := s.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(s.Dir(), thumbsDir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir(), thumbsDir, "card.jpg"), []byte("jpg"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir(), "images", ".import-123"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		dir     func(t *testing.T) string
		wantErr error // nil: the copy is made; errAny: some error
	}{
		{"a new folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "moved", "here") }, nil},
		{"an empty folder", func(t *testing.T) string { return t.TempDir() }, nil},
		{"a folder with something in it", func(t *testing.T) string {
			d := t.TempDir()
			if err := os.WriteFile(filepath.Join(d, "notes.txt"), []byte("mine"), 0o600); err != nil {
				t.Fatal(err)
			}
			return d
		}, ErrFolderNotEmpty},
		{"the data folder itself", func(t *testing.T) string { return s.Dir() }, errAny},
		{"a folder inside the data folder", func(t *testing.T) string { return filepath.Join(s.Dir(), "sub") }, errAny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.dir(t)
			info, err := s.CopyTo(ctx, dir)
			switch {
			case tt.wantErr == errAny && err == nil:
				t.Fatalf("CopyTo(%s) made a copy, want an error", dir)
			case tt.wantErr == errAny:
				return
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("CopyTo(%s) = %v, want %v", dir, err, tt.wantErr)
				}
				if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
					t.Errorf("what was in the folder is gone: %v", err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if info.Contacts != 1 {
				t.Errorf("the copy holds %d contacts, want 1", info.Contacts)
			}
			for _, f := range []string{"images/card.png", "thumbs/card.jpg"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("%s was not copied: %v", f, err)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "images", ".import-123")); err == nil {
				t.Error("a temporary file was copied")
			}
			backups, _ := os.ReadDir(filepath.Join(dir, backupsDir))
			if len(backups) != 1 {
				t.Errorf("the copy has %d backups, want 1", len(backups))
			}
			moved, err := Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			defer moved.Close()
			got, err := moved.Get(ctx, ann.ID)
			if err != nil || got.FullName != ann.FullName || got.Image != ann.Image {
				t.Errorf("the copy's contact = %+v, %v; want %q with its image", got, err, ann.FullName)
			}
		})
	}
}

// errAny stands for any error in tests' tables.
var errAny = errors.New("any error")

// TestCopyFolderAgain copies a folder into one that already holds some of
// its files, as the second pass over the images does: those stay as they
// are, the others are copied.
func TestCopyFolderAgain(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "a.png"), []byte("a"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "b.png"), []byte("b"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "a.png"), []byte("a, copied before"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := copyFolder(t.Context(), src, dst); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.png": "a, copied before", "b.png": "b"} {
		if got, err := os.ReadFile(filepath.Join(dst, name)); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}

// TestCopyToLosesNoChange writes while the data folder is copied, and
// once it is: each change is either in the copy or refused with
// ErrMoving, never made in the old folder alone, since the app uses the
// copy from its next start.
func TestCopyToLosesNoChange(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	// Enough images that the copy takes a while.
	for i := range 200 {
		name := filepath.Join(s.Dir(), imagesDir, fmt.Sprintf("card%03d.png", i))
		if err := os.WriteFile(name, bytes.Repeat([]byte{byte(i)}, 64<<10), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var (
		mu      sync.Mutex
		added   []int64
		refused int
	)
	add := func(name string) error {
		c := contacts.Contact{FullName: name}
		err := s.Add(ctx, &c)
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err == nil:
			added = append(added, c.ID)
		case errors.Is(err, ErrMoving):
			refused++
		}
		return err
	}
	if err := add("Before the move"); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := add(fmt.Sprintf("During the move %d", i)); err != nil && !errors.Is(err, ErrMoving) {
				t.Error(err)
				return
			}
		}
	}()
	dir := filepath.Join(t.TempDir(), "moved")
	_, err := s.CopyTo(ctx, dir)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	// Between the copy and the quit.
	if err := add("After the move"); !errors.Is(err, ErrMoving) {
		t.Errorf("Add after the copy: %v, want ErrMoving", err)
	}
	if _, err := s.Delete(ctx, added[0]); !errors.Is(err, ErrMoving) {
		t.Errorf("Delete after the copy: %v, want ErrMoving", err)
	}

	moved, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer moved.Close()
	var missing []int64
	for _, id := range added {
		if _, err := moved.Get(ctx, id); err != nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d changes made during or after the move are not in the copy: %v (%d refused)", len(missing), len(added), missing, refused)
	}

	// A move that is not used after all (the app could not record the
	// new folder) gives the store back its writes.
	s.EndMove()
	if err := add("Staying"); err != nil {
		t.Errorf("Add after EndMove: %v", err)
	}
}
