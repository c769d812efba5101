package sqlite

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
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
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.vcf"), 0o600, func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing folder worked")
	}
}
