package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

func TestExportICSAs(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		want      string
		wantNot   string
		wantError bool
	}{
		{"to-dos by default", nil, "BEGIN:VTODO", "BEGIN:VEVENT", false},
		{"to-dos", []string{"--as", "todos"}, "BEGIN:VTODO", "BEGIN:VEVENT", false},
		{"events", []string{"--as", "events"}, "BEGIN:VEVENT", "BEGIN:VTODO", false},
		{"neither", []string{"--as", "notes"}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &testStore{apptest.OpenStore(t)}
			apptest.Seed(t, s.Store, contacts.DayOf(apptest.Today))
			file := filepath.Join(t.TempDir(), "follow-ups.ics")
			err := s.run(t, testProgram(new(bytes.Buffer), nil).exportICSCommand(), append(tt.args, file)...)
			if (err != nil) != tt.wantError {
				t.Fatalf("export-ics %v = %v", tt.args, err)
			}
			b, rerr := os.ReadFile(file)
			if tt.wantError {
				if rerr == nil {
					t.Errorf("a file was written for a refused --as")
				}
				return
			}
			if !strings.Contains(string(b), tt.want) || strings.Contains(string(b), tt.wantNot) {
				t.Errorf("file has no %s or has %s:\n%s", tt.want, tt.wantNot, b)
			}
		})
	}
}
