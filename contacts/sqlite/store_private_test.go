package sqlite

import (
	"io/fs"
	"os"
	"path/filepath"
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
		c := contacts.Contact{FullName: "Ann Example"}
		if err := s.Add(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, dbName)
		for _, tt := range []struct {
			path string
			want fs.FileMode
		}{
			{dir, 0o700}, {filepath.Join(dir, imagesDir), 0o700},
			{db, 0o600}, {db + "-wal", 0o600}, {db + "-shm", 0o600},
		} {
			if got := mode(t, tt.path); got != tt.want {
				t.Errorf("%s: mode %v, want %v", filepath.Base(tt.path), got, tt.want)
			}
		}
	})
	t.Run("folder of an older version", func(t *testing.T) {
		dir := t.TempDir()
		os.Chmod(dir, 0o755)
		os.Mkdir(filepath.Join(dir, imagesDir), 0o755)
		db := filepath.Join(dir, dbName)
		if err := os.WriteFile(db, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		for path, want := range map[string]fs.FileMode{dir: 0o700, filepath.Join(dir, imagesDir): 0o700, db: 0o600} {
			if got := mode(t, path); got != want {
				t.Errorf("%s: mode %v, want %v", path, got, want)
			}
		}
	})
	t.Run("a folder of the user's own", func(t *testing.T) {
		// --data pointed at a folder that is not only ours: what we put
		// in it is private, the folder is left as it was.
		dir := t.TempDir()
		os.Chmod(dir, 0o750)
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if got := mode(t, dir); got != 0o750 {
			t.Errorf("folder mode %v, want it left at 0750", got)
		}
		if got := mode(t, filepath.Join(dir, dbName)); got != 0o600 {
			t.Errorf("database mode %v, want 0600", got)
		}
	})
}
