package interop

import (
	"bytes"
	"encoding/json"
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

// TestClosedReplacesOpen exports a follow-up open, marks it done (and
// another cancelled), and exports again, as a user does who imported the
// first file on a phone: Python's icalendar reads the second file with
// the same UIDs, the done one completed (with COMPLETED, as a to-do) and
// the cancelled one cancelled, each a change on from the open copy
// (SEQUENCE and LAST-MODIFIED later); and khal, importing both files in
// turn into one calendar as events, keeps one event per follow-up, the
// newer: the done one titled "Done: ", the cancelled one CANCELLED.
func TestClosedReplacesOpen(t *testing.T) {
	py := tooltest.MustPython(t, "icalendar")
	const script = `
import sys, json, icalendar
out = {}
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    for c in cal.walk():
        if c.name not in ("VTODO", "VEVENT"):
            continue
        out.setdefault(str(c["UID"]), []).append({
            "summary": str(c["SUMMARY"]), "status": str(c.get("STATUS", "")),
            "sequence": int(c.get("SEQUENCE", -1)),
            "modified": c["LAST-MODIFIED"].dt.isoformat() if "LAST-MODIFIED" in c else "",
            "completed": c["COMPLETED"].dt.isoformat() if "COMPLETED" in c else ""})
print(json.dumps(out))
`
	type copyOf struct {
		Summary, Status, Modified, Completed string
		Sequence                             int
	}
	for _, as := range []ics.As{ics.ToDos, ics.Events} {
		t.Run(map[ics.As]string{ics.ToDos: "to-dos", ics.Events: "events"}[as], func(t *testing.T) {
			dir := t.TempDir()
			s := openStore(t)
			clock := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
			s.Now = func() time.Time { return clock }
			ctx := t.Context()
			c := contacts.Contact{FullName: "Ann Lee"}
			due := contacts.Day{Year: 2026, Month: 11, Day: 25}
			if err := s.Add(ctx, &c, contacts.FollowUp{Kind: contacts.KindCall, Due: due},
				contacts.FollowUp{Kind: contacts.KindEmail, Due: due.AddDays(1)}); err != nil {
				t.Fatal(err)
			}
			export := func(name string) string {
				t.Helper()
				fus, people, err := s.EveryFollowUp(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var items []ics.Item
				for _, f := range fus {
					items = append(items, ics.Item{FollowUp: f, Contact: people[f.ContactID]})
				}
				var buf bytes.Buffer
				if err := ics.Write(&buf, items, clock, ics.Options{As: as}); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
					t.Fatal(err)
				}
				return path
			}
			first := export("open.ics")
			fus, err := s.FollowUps(ctx, c.ID)
			if err != nil || len(fus) != 2 {
				t.Fatalf("follow-ups %+v, %v", fus, err)
			}
			email, call := fus[0], fus[1] // the latest due first
			clock = clock.Add(26 * time.Hour)
			if _, err := s.CompleteFollowUp(ctx, call.ID, contacts.DayOf(clock), "called"); err != nil {
				t.Fatal(err)
			}
			if err := s.CancelFollowUp(ctx, email.ID); err != nil {
				t.Fatal(err)
			}
			second := export("closed.ics")

			out, err := exec.Command(py, "-c", script, first, second).Output()
			if err != nil {
				t.Fatalf("python icalendar: %v", err)
			}
			var got map[string][]copyOf
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct {
				uid, status string
			}{{call.UID, "COMPLETED"}, {email.UID, "CANCELLED"}} {
				copies := got[f.uid]
				if len(copies) != 2 {
					t.Fatalf("UID %s is in %d of the two files: %+v", f.uid, len(copies), got)
				}
				before, after := copies[0], copies[1]
				wantStatus := f.status
				if as == ics.Events && f.status == "COMPLETED" {
					wantStatus = "CONFIRMED" // an event is never completed: its title says it is done
					if !strings.HasPrefix(after.Summary, "Done: ") {
						t.Errorf("the done event is titled %q", after.Summary)
					}
				}
				if after.Status != wantStatus || after.Sequence <= before.Sequence || after.Modified <= before.Modified || before.Modified == "" {
					t.Errorf("UID %s: open %+v, then %+v; want %s with a later SEQUENCE and LAST-MODIFIED", f.uid, before, after, wantStatus)
				}
				if as == ics.ToDos && (f.status == "COMPLETED") != (after.Completed != "") {
					t.Errorf("UID %s: COMPLETED is %q", f.uid, after.Completed)
				}
			}
			if as != ics.Events {
				return // khal reads events only
			}
			khal(t, dir, "import", "--batch", "-a", "followups", first)
			khal(t, dir, "import", "--batch", "-a", "followups", second)
			list := khal(t, dir, "list", "--format", "{uid} {status}{title}", "2026-11-20", "30d")
			for _, want := range []string{call.UID + " CONFIRMED Done: Call Ann Lee", email.UID + " CANCELLED Personal email to Ann Lee"} {
				if !strings.Contains(list, want) {
					t.Errorf("khal does not list %q:\n%s", want, list)
				}
			}
			if n := strings.Count(list, call.UID) + strings.Count(list, email.UID); n != 2 {
				t.Errorf("khal lists the two follow-ups %d times, want once each:\n%s", n, list)
			}
		})
	}
}
