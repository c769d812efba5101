package sqlite

import (
	"errors"
	"os"
	"path/filepath"
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
	os.MkdirAll(filepath.Join(s.Dir(), thumbsDir), 0o700)
	os.WriteFile(filepath.Join(s.Dir(), thumbsDir, "card.jpg"), []byte("jpg"), 0o600)
	os.WriteFile(filepath.Join(s.Dir(), "images", ".import-123"), []byte("half"), 0o600)

	tests := []struct {
		name    string
		dir     func(t *testing.T) string
		wantErr error // nil: the copy is made; errAny: some error
	}{
		{"a new folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "moved", "here") }, nil},
		{"an empty folder", func(t *testing.T) string { return t.TempDir() }, nil},
		{"a folder with something in it", func(t *testing.T) string {
			d := t.TempDir()
			os.WriteFile(filepath.Join(d, "notes.txt"), []byte("mine"), 0o600)
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
	os.WriteFile(filepath.Join(src, "a.png"), []byte("a"), 0o600)
	os.WriteFile(filepath.Join(src, "b.png"), []byte("b"), 0o600)
	os.WriteFile(filepath.Join(dst, "a.png"), []byte("a, copied before"), 0o600)
	if err := copyFolder(t.Context(), src, dst); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.png": "a, copied before", "b.png": "b"} {
		if got, err := os.ReadFile(filepath.Join(dst, name)); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}
