package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// TestDueWritesDaysAsTheLocale checks that due's text writes every day in
// the locale's one form, and its JSON in ISO 8601 for other programs.
func TestDueWritesDaysAsTheLocale(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	iso := regexp.MustCompile(`\d{4}-\d\d-\d\d`)
	tests := []struct {
		locale  string
		met     string
		isoLeft bool // whether ISO days are expected in the text
	}{
		{"en_US.UTF-8", "met at Founders Breakfast on Tue, Nov 10, 2026", false},
		{"en_GB.UTF-8", "met at Founders Breakfast on Tue 10 Nov 2026", false},
		{"C", "met at Founders Breakfast on 2026-11-10", true},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			var out bytes.Buffer
			p := testProgram(&out, nil)
			p.dates = contacts.DateFormatFor(tt.locale)
			cmd := p.dueCommand()
			cmd.FlagSet().Parse(nil)
			if err := cmd.Run(t.Context(), store, nil); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tt.met) {
				t.Errorf("text lacks %q:\n%s", tt.met, out.String())
			}
			if got := iso.FindString(out.String()); (got != "") != tt.isoLeft {
				t.Errorf("ISO day %q in the text, want none but for C:\n%s", got, out.String())
			}

			out.Reset()
			cmd = p.dueCommand()
			cmd.FlagSet().Parse([]string{"--json"})
			if err := cmd.Run(t.Context(), store, nil); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), `"met_on": "2026-11-10"`) {
				t.Errorf("JSON does not keep ISO days:\n%s", out.String())
			}
		})
	}
}

// TestScanAndBackupWriteDaysAsTheLocale: what scan --save and backup
// --list print writes days in the locale's form too.
func TestScanAndBackupWriteDaysAsTheLocale(t *testing.T) {
	tests := []struct{ locale, followUp, backup string }{
		{"en_US.UTF-8", "first follow-up: personal email on Mon, Nov 23, 2026", `\w{3}, \w{3} \d+, \d{4}, \d+:\d\d [AP]M`},
		{"en_GB.UTF-8", "first follow-up: personal email on Mon 23 Nov 2026", `\w{3} \d+ \w{3} \d{4}, \d\d:\d\d`},
		{"C", "first follow-up: personal email on 2026-11-23", `\d{4}-\d\d-\d\d \d\d:\d\d`},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			store := apptest.OpenStore(t)
			var out bytes.Buffer
			p := testProgram(&out, &apptest.FakeEngine{Lines: apptest.JaneCard})
			p.dates = contacts.DateFormatFor(tt.locale)
			cmd := p.scanCommand()
			in := t.TempDir()
			apptest.WriteImage(t, in, "jane.png")
			if err := cmd.FlagSet().Parse([]string{"--save", "--out", t.TempDir(), in}); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Run(t.Context(), store, cmd.FlagSet().Args()); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tt.followUp) {
				t.Errorf("scan printed\n%s\nwant %q in it", out.String(), tt.followUp)
			}

			cmd = p.backupCommand()
			cmd.FlagSet().Parse(nil)
			if err := cmd.Run(t.Context(), store, nil); err != nil {
				t.Fatal(err)
			}
			out.Reset()
			cmd = p.backupCommand()
			cmd.FlagSet().Parse([]string{"--list"})
			if err := cmd.Run(t.Context(), store, nil); err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`(?m)^` + tt.backup + `\s`).MatchString(out.String()) {
				t.Errorf("backup --list printed\n%s\nwant times like %s", out.String(), tt.backup)
			}
		})
	}
}
