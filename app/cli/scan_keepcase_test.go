package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts/vcf"
)

// TestScanKeepCase reads a card whose name is printed in capitals with
// scan: the name is kept as printed with --keep-case or the setting, and
// written in its usual case otherwise.
func TestScanKeepCase(t *testing.T) {
	tests := []struct {
		name    string
		flags   []string
		setting string
		want    string
	}{
		{"default", nil, "", "Jane Q. Doe"},
		{"--keep-case", []string{"--keep-case"}, "", "JANE Q. DOE"},
		{"the setting", nil, "true", "JANE Q. DOE"},
		{"the setting off", nil, "false", "Jane Q. Doe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			if tt.setting != "" {
				if err := store.SetSetting(context.Background(), app.SettingKeepNameCase, tt.setting); err != nil {
					t.Fatal(err)
				}
			}
			in, out := t.TempDir(), t.TempDir()
			apptest.WriteImage(t, in, "card.png")
			var stdout bytes.Buffer
			cmd := testProgram(&stdout, &apptest.FakeEngine{Lines: apptest.CapitalsCard}).scanCommand()
			if err := cmd.FlagSet().Parse(append(tt.flags, "--out", out, in)); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Run(context.Background(), store, cmd.FlagSet().Args()); err != nil {
				t.Fatalf("%v\n%s", err, stdout.String())
			}
			f, err := os.Open(filepath.Join(out, "card.vcf"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cs, err := vcf.Read(f)
			if err != nil || len(cs) != 1 || cs[0].FullName != tt.want {
				t.Errorf("card.vcf holds %+v, %v; want the name %q", cs, err, tt.want)
			}
		})
	}
}
