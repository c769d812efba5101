package sqlite

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"followthrough/contacts"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

func TestOpenMakesDataPrivate(t *testing.T) {
	t.Run("new folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "data")
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		src := filepath.Join(t.TempDir(), "card.png")
		writeTestPNG(t, src)
		rel, err := s.ImportImage(t.Context(), src)
		if err != nil {
			t.Fatal(err)
		}
		thumb, err := s.Thumbnail(t.Context(), rel)
		if err != nil {
			t.Fatal(err)
		}
		c := contacts.Contact{FullName: "Ann Example", Image: rel}
		if err := s.Add(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, dbName)
		for _, tt := range []struct {
			path string
			want fs.FileMode
		}{
			{dir, 0o700}, {filepath.Join(dir, imagesDir), 0o700},
			{filepath.Join(dir, thumbsDir), 0o700}, {thumb, 0o600},
			{db, 0o600}, {db + "-wal", 0o600}, {db + "-shm", 0o600},
		} {
			if got := mode(t, tt.path); got != tt.want {
				t.Errorf("%s: mode %v, want %v", filepath.Base(tt.path), got, tt.want)
			}
		}
	})
	t.Run("folder of an older version", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(dir, imagesDir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(dir, thumbsDir), 0o755); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, dbName)
		if err := os.WriteFile(db, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		for path, want := range map[string]fs.FileMode{dir: 0o700, filepath.Join(dir, imagesDir): 0o700, filepath.Join(dir, thumbsDir): 0o700, db: 0o600} {
			if got := mode(t, path); got != want {
				t.Errorf("%s: mode %v, want %v", path, got, want)
			}
		}
	})
	t.Run("a folder of the user's own", func(t *testing.T) {
		// --data pointed at a folder that already existed: it holds the
		// user's contacts from now on, and is closed to others like the
		// folder the store makes.
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o750); err != nil {
			t.Fatal(err)
		}
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if got := mode(t, dir); got != 0o700 {
			t.Errorf("folder mode %v, want 0700", got)
		}
		if got := mode(t, filepath.Join(dir, dbName)); got != 0o600 {
			t.Errorf("database mode %v, want 0600", got)
		}
	})
}

// TestOpenSaysWhyNotPrivate: a folder that cannot be closed to others
// (here a thumbnail folder that is a link into /proc, whose modes no one
// can change) stops Open with an error that says so.
func TestOpenSaysWhyNotPrivate(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("this test needs Linux's /proc; %s has none", runtime.GOOS)
	}
	dir := t.TempDir()
	if err := os.Symlink("/proc/self", filepath.Join(dir, thumbsDir)); err != nil {
		t.Fatal(err)
	}
	s, err := Open(t.Context(), dir)
	if err == nil {
		s.Close()
		t.Fatal("Open worked with a thumbnail folder open to everyone")
	}
	if !errors.Is(err, ErrNotPrivate) {
		t.Errorf("Open: %v, want ErrNotPrivate", err)
	}
}
