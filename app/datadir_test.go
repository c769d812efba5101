package app

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDataDirFile checks which data folder the app starts in.
func TestDataDirFile(t *testing.T) {
	withDB := t.TempDir()
	if err := os.WriteFile(filepath.Join(withDB, "followthrough.db"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		file  string // the data-folder file's text; "-" for no file
		wantD func(standard string) string
	}{
		{"never moved", "-", func(s string) string { return s }},
		{"moved", withDB + "\n", func(string) string { return withDB }},
		{"moved to a folder since deleted", filepath.Join(withDB, "gone") + "\n", func(s string) string { return s }},
		{"a file that names no folder", "not/absolute\n", func(s string) string { return s }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			t.Setenv("XDG_DATA_HOME", t.TempDir())
			if tt.file != "-" {
				p, _ := DataDirFile()
				if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(tt.file), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := DefaultDataDir(), tt.wantD(StandardDataDir()); got != want {
				t.Errorf("DefaultDataDir() = %s, want %s", got, want)
			}
		})
	}
}
