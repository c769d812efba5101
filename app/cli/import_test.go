package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "phone.vcf"), filepath.Join(dir, "old.vcf")
	if err := os.WriteFile(good, []byte(apptest.PhoneExport), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(apptest.OldPhone), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name      string
		args      []string
		wantErr   string
		wantOut   []string
		wantNames []string // stored afterwards, sorted by name
		wantAnn   string   // Ann's title afterwards
	}{
		{
			name:    "a bad file saves nothing",
			args:    []string{good, bad},
			wantErr: "nothing was imported",
			wantOut: []string{
				"ERROR old.vcf, line 9: not a vCard property (no colon)",
				"skip  Ann Lee: same email ann@initech.example as Ann Lee",
			},
			wantNames: []string{"Ann Lee"},
			wantAnn:   "CTO",
		},
		{
			name:      "skip the bad cards",
			args:      []string{"--skip-bad", good, bad},
			wantOut:   []string{"Imported 2 new contacts, skipped 1 duplicate.", "--merge"},
			wantNames: []string{"Ann Lee", "Bob Stone", "Carla Diaz"},
			wantAnn:   "CTO",
		},
		{
			name:      "merge",
			args:      []string{"--merge", good},
			wantOut:   []string{"merge Ann Lee", "Imported 1 new contact, merged 1 card into existing ones."},
			wantNames: []string{"Ann Lee", "Bob Stone"},
			wantAnn:   "CTO",
		},
		{
			name:      "dry run",
			args:      []string{"--dry-run", good},
			wantOut:   []string{"Would import 2 cards"},
			wantNames: []string{"Ann Lee"},
			wantAnn:   "CTO",
		},
		{
			name:      "no files",
			args:      nil,
			wantErr:   "give one or more",
			wantNames: []string{"Ann Lee"},
			wantAnn:   "CTO",
		},
		{
			name:      "a missing file",
			args:      []string{filepath.Join(dir, "nope.vcf")},
			wantErr:   "nothing was imported",
			wantOut:   []string{"nope.vcf"},
			wantNames: []string{"Ann Lee"},
			wantAnn:   "CTO",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			ctx := context.Background()
			ann := contacts.Contact{FullName: "Ann Lee", Title: "CTO", Emails: []string{"ANN@initech.example"}}
			if err := store.Add(ctx, &ann); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			cmd := testProgram(&out, nil).importCommand()
			if err := cmd.FlagSet().Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			err := cmd.Run(ctx, store, cmd.FlagSet().Args())
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			cs, err := store.Find(ctx, sqlite.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range cs {
				names = append(names, c.FullName)
				if c.FullName == "Ann Lee" && c.Title != tt.wantAnn {
					t.Errorf("Ann's title %q, want %q", c.Title, tt.wantAnn)
				}
			}
			slices.Sort(names)
			if strings.Join(names, ",") != strings.Join(tt.wantNames, ",") {
				t.Errorf("stored %q, want %q", names, tt.wantNames)
			}
			if tt.name == "merge" {
				got, _ := store.Get(ctx, ann.ID)
				if len(got.Phones) != 1 || !strings.Contains(strings.Join(got.Extra, "\n"), "BDAY:1985-04-12") {
					t.Errorf("merged Ann %+v lacks the phone and birthday from the file", got)
				}
			}
		})
	}
}
