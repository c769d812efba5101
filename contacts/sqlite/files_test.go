package sqlite

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"followthrough/contacts"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "contacts.vcf")
	if err := os.WriteFile(path, []byte("the old file"), 0o644); err != nil {
		t.Fatal(err)
	}
	errDisk := errors.New("disk full")
	tests := []struct {
		name    string
		write   func(io.Writer) error
		wantErr error
		want    string
	}{
		{"failing half way keeps the old file", func(w io.Writer) error {
			io.WriteString(w, "half a ")
			return errDisk
		}, errDisk, "the old file"},
		{"a whole file replaces it", func(w io.Writer) error {
			_, err := io.WriteString(w, "the new file")
			return err
		}, nil, "the new file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFileAtomic(path, 0o600, tt.write)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("WriteFileAtomic = %v, want %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("file holds %q, want %q", got, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("folder holds %d files, want only the file (no temporary one left)", len(entries))
			}
		})
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("mode %v, want 0600", m)
	}
	// Errors name what the user chose, never the temporary file.
	missing := filepath.Join(dir, "missing")
	err := WriteFileAtomic(filepath.Join(missing, "x.vcf"), 0o600, func(io.Writer) error { return nil })
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("writing into a missing folder: %v, want a path error of %s that is fs.ErrNotExist", err, missing)
	}
	err = WriteFileAtomic(path, 0o600, func(w io.Writer) error {
		f := w.(*os.File)
		return &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	})
	if !errors.As(err, &pe) || pe.Path != path || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("a write that fails: %v, want a path error of %s", err, path)
	}
}

// TestWritersKeepTheOldFile makes each of the store's file writers fail
// once it has started, and checks that the file it was writing to is as
// it was, byte for byte (or, for a file that was not there, still not
// there), and that no temporary file is left beside it.
func TestWritersKeepTheOldFile(t *testing.T) {
	old := []byte("the old file, kept")
	tests := []struct {
		name string
		// write sets up a failure, then writes to target (a file that
		// holds old, or none if exists is false), and returns its error.
		write  func(t *testing.T, s *Store, target string) error
		exists bool
	}{
		{"WriteFileAtomic", func(t *testing.T, s *Store, target string) error {
			return WriteFileAtomic(target, 0o600, func(w io.Writer) error {
				w.Write([]byte("half a"))
				return errors.New("disk full")
			})
		}, true},
		{"an archive", func(t *testing.T, s *Store, target string) error {
			// The second image cannot be read: the archive fails after
			// the database and the first image are in it.
			for i, name := range []string{"a.png", "b.png"} {
				p := filepath.Join(s.Dir(), imagesDir, name)
				if i == 0 {
					if err := os.WriteFile(p, []byte("png"), 0o600); err != nil {
						t.Fatal(err)
					}
				} else {
					if err := os.Mkdir(p, 0o700); err != nil {
						t.Fatal(err)
					}
				}
				c := contacts.Contact{FullName: name, Image: imagesDir + "/" + name}
				if err := s.Add(t.Context(), &c); err != nil {
					t.Fatal(err)
				}
			}
			_, err := s.WriteArchive(t.Context(), target)
			return err
		}, true},
		{"a backup's copy of the database", func(t *testing.T, s *Store, target string) error {
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			return s.copyDatabase(ctx, target)
		}, true},
		{"a file of a data-folder copy", func(t *testing.T, s *Store, target string) error {
			// A folder where a file was listed: it opens, and its first
			// read fails.
			src := filepath.Join(t.TempDir(), "card.png")
			if err := os.Mkdir(src, 0o700); err != nil {
				t.Fatal(err)
			}
			return copyFile(src, target)
		}, false},
		{"a file of a data-folder copy that is there", func(t *testing.T, s *Store, target string) error {
			src := filepath.Join(t.TempDir(), "card.png")
			if err := os.WriteFile(src, []byte("new"), 0o600); err != nil {
				t.Fatal(err)
			}
			return copyFile(src, target)
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTestStore(t)
			dir := t.TempDir()
			target := filepath.Join(dir, "target")
			if tt.exists {
				if err := os.WriteFile(target, old, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := tt.write(t, s, target); err == nil {
				t.Fatal("the write worked; the test wants it to fail")
			}
			got, err := os.ReadFile(target)
			switch {
			case tt.exists && !bytes.Equal(got, old):
				t.Errorf("the old file holds %q (%v), want %q", got, err, old)
			case !tt.exists && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("a file was left where there was none: %q (%v)", got, err)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				if e.Name() != "target" {
					names = append(names, e.Name())
				}
			}
			if len(names) > 0 {
				t.Errorf("temporary files left beside the target: %v", names)
			}
		})
	}
}
