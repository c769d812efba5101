package interop

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/ics"
	"followthrough/contacts/internal/tooltest"
)

// folderItems makes a data folder with the same rows as any other made
// the same way (contact 1 and its follow-ups 1 and 2), and returns its
// follow-ups as export items.
func folderItems(t *testing.T, who string) []ics.Item {
	t.Helper()
	s := openStore(t)
	ctx := t.Context()
	c := contacts.Contact{FullName: who}
	due := contacts.Day{Year: 2026, Month: 11, Day: 25}
	if err := s.Add(ctx, &c, contacts.FollowUp{Kind: contacts.KindCall, Due: due},
		contacts.FollowUp{Kind: contacts.KindEmail, Due: due.AddDays(1)}); err != nil {
		t.Fatal(err)
	}
	fus, err := s.FollowUps(ctx, c.ID)
	if err != nil || len(fus) != 2 {
		t.Fatalf("follow-ups %+v, %v", fus, err)
	}
	var items []ics.Item
	for _, f := range fus {
		items = append(items, ics.Item{FollowUp: f, Contact: c})
	}
	return items
}

// khal runs khal with a configuration whose one calendar, followups, is
// the folder cal.
func khal(t *testing.T, dir string, args ...string) string {
	t.Helper()
	bin := tooltest.Command(t, "khal", "khal")
	cal := filepath.Join(dir, "cal")
	conf := filepath.Join(dir, "config", "khal")
	for _, d := range []string{cal, conf} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	config := fmt.Sprintf(`[calendars]
[[followups]]
path = %s
type = calendar
[locale]
timeformat = %%H:%%M
dateformat = %%Y-%%m-%%d
longdateformat = %%Y-%%m-%%d
datetimeformat = %%Y-%%m-%%d %%H:%%M
longdatetimeformat = %%Y-%%m-%%d %%H:%%M
`, cal)
	if err := os.WriteFile(filepath.Join(conf, "config"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "LANG=C.UTF-8", "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("khal %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// TestTwoFoldersOneCalendar: two data folders, with the same row IDs,
// export their follow-ups as events into one calendar: khal lists all
// four, which it would not if two shared a UID (one would replace the
// other), and the UIDs are all different.
func TestTwoFoldersOneCalendar(t *testing.T) {
	now := time.Date(2026, 11, 22, 15, 4, 5, 0, time.UTC)
	dir := t.TempDir()
	var uids []string
	for i, who := range []string{"Ann Lee", "Bo Ek"} {
		items := folderItems(t, who)
		for _, it := range items {
			if slices.Contains(uids, it.FollowUp.UID) || it.FollowUp.UID == "" {
				t.Errorf("UID %q given twice or empty", it.FollowUp.UID)
			}
			uids = append(uids, it.FollowUp.UID)
		}
		var buf bytes.Buffer
		if err := ics.Write(&buf, items, now, ics.Options{As: ics.Events}); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprintf("folder%d.ics", i))
		if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		khal(t, dir, "import", "--batch", "-a", "followups", file)
	}
	out := khal(t, dir, "list", "--format", "{uid} {title}", "2026-11-20", "30d")
	for _, want := range []string{"Call Ann Lee", "Personal email to Ann Lee", "Call Bo Ek", "Personal email to Bo Ek"} {
		if !strings.Contains(out, want) {
			t.Errorf("khal does not list %q:\n%s", want, out)
		}
	}
	for _, uid := range uids {
		if !strings.Contains(out, uid+" ") {
			t.Errorf("khal does not list UID %s:\n%s", uid, out)
		}
	}
}
