package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

func TestBackupCommands(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.AddPeople(t, store, "Ann Example", "Bo Example")
	ctx := context.Background()
	run := func(cmd *command, args ...string) error {
		fs := cmd.FlagSet()
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		return cmd.Run(ctx, store, fs.Args())
	}
	var out bytes.Buffer
	if err := run(testProgram(&out, nil).backupCommand()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Backed up to "+store.BackupsDir()) {
		t.Errorf("backup says %q", out.String())
	}
	out.Reset()
	if err := run(testProgram(&out, nil).backupCommand(), "--list"); err != nil {
		t.Fatal(err)
	}
	// The one asked for, and no daily one as well: backup changes no
	// contacts, so it starts no daily backup of its own.
	if n := strings.Count(out.String(), "  backup  "); n != 1 {
		t.Errorf("backup --list lists %d backups:\n%s", n, out.String())
	}
	bs, _ := store.Backups()
	apptest.AddPeople(t, store, "Cy Example")

	out.Reset()
	archive := filepath.Join(t.TempDir(), "all.zip")
	if err := run(testProgram(&out, nil).archiveCommand(), archive); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Wrote 3 contacts and 0 card images to "+archive) {
		t.Errorf("archive says %q", out.String())
	}

	out.Reset()
	if err := run(testProgram(&out, nil).restoreCommand(), bs[0].Path); err != nil {
		t.Fatal(err)
	}
	if got := apptest.StoredNames(t, store); len(got) != 2 || !strings.Contains(out.String(), "Restored 2 contacts") || !strings.Contains(out.String(), "restore it to undo") {
		t.Errorf("after restore: %v, it says %q", got, out.String())
	}
	out.Reset()
	if err := run(testProgram(&out, nil).restoreCommand(), archive); err != nil {
		t.Fatal(err)
	}
	if got := apptest.StoredNames(t, store); len(got) != 3 {
		t.Errorf("after restoring the archive: %v", got)
	}
	if err := run(testProgram(&out, nil).restoreCommand(), filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("restore of a missing file worked")
	}
}

// A command that may change contacts makes the day's backup first; one
// that only reads them does not wait for one.
func TestDailyBackupOnlyBeforeChanges(t *testing.T) {
	dir := t.TempDir()
	vcf := filepath.Join(dir, "in.vcf")
	if err := os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Example;Di;;;\r\nFN:Di Example\r\nEND:VCARD\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		cmd     *command
		args    []string
		backups int
	}{
		{"export", testProgram(io.Discard, nil).exportCommand(), []string{filepath.Join(dir, "out.vcf")}, 0},
		{"due", testProgram(io.Discard, nil).dueCommand(), nil, 0},
		{"export-ics", testProgram(io.Discard, nil).exportICSCommand(), []string{filepath.Join(dir, "out.ics")}, 0},
		{"import", testProgram(io.Discard, nil).importCommand(), []string{vcf}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			store := apptest.OpenStore(t)
			// Ann has a follow-up, so that export-ics has one to write:
			// each command does its work, not fail before it.
			ann := contacts.Contact{FullName: "Ann Example"}
			if err := store.Add(ctx, &ann); err != nil {
				t.Fatal(err)
			}
			fu := contacts.FollowUp{ContactID: ann.ID, Kind: contacts.KindCall, Due: contacts.DayOf(apptest.Today).AddDays(2)}
			if err := store.AddFollowUp(ctx, &fu); err != nil {
				t.Fatal(err)
			}
			fs := tt.cmd.FlagSet()
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if err := tt.cmd.Run(ctx, store, fs.Args()); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if bs, err := store.Backups(); err != nil || len(bs) != tt.backups {
				t.Errorf("%d backups after %s (%v), want %d", len(bs), tt.name, err, tt.backups)
			}
		})
	}
}
