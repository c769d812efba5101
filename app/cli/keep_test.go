package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// TestCommandsKeepTheOldFile runs each command that writes a file the
// user names onto a file that is there already, in ways that fail or
// have nothing to write: each says so and leaves the file as it was.
func TestCommandsKeepTheOldFile(t *testing.T) {
	const old = "the user's old file\n"
	tests := []struct {
		name   string
		seed   bool // people with follow-ups, or none
		closed bool // the store closed: whatever reads it fails
		cmd    func(p *program) *command
		args   []string // FILE is the file
	}{
		{"export with no contacts", false, false, (*program).exportCommand, []string{"FILE"}},
		{"export of an event nobody met", true, false, (*program).exportCommand, []string{"--event", "Nowhere", "FILE"}},
		{"export of a store that fails", true, true, (*program).exportCommand, []string{"FILE"}},
		{"export-ics with nothing scheduled", false, false, (*program).exportICSCommand, []string{"FILE"}},
		{"export-ics as neither", true, false, (*program).exportICSCommand, []string{"--as", "notes", "FILE"}},
		{"export-ics of a store that fails", true, true, (*program).exportICSCommand, []string{"FILE"}},
		{"qr --png of nobody", true, false, (*program).qrCommand, []string{"--png", "FILE", "Nobody At All"}},
		{"qr --png too small to read", true, false, (*program).qrCommand, []string{"--size", "8", "--png", "FILE", "Olu Overdue"}},
		{"archive of a store that fails", true, true, (*program).archiveCommand, []string{"FILE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			if tt.seed {
				apptest.Seed(t, store, contacts.DayOf(apptest.Today))
			}
			path := filepath.Join(t.TempDir(), "old-file")
			if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := tt.cmd(testProgram(new(bytes.Buffer), nil))
			var args []string
			for _, a := range tt.args {
				if a == "FILE" {
					a = path
				}
				args = append(args, a)
			}
			if err := cmd.FlagSet().Parse(args); err != nil {
				t.Fatal(err)
			}
			if tt.closed {
				store.Close()
			}
			err := cmd.Run(context.Background(), store, cmd.FlagSet().Args())
			if err == nil {
				t.Fatalf("%s %v succeeded", cmd.Name, args)
			}
			if b, rerr := os.ReadFile(path); rerr != nil || string(b) != old {
				t.Errorf("%s %v failed (%v) and left the file as %q (%v), want it as it was", cmd.Name, args, err, b, rerr)
			}
		})
	}
}
