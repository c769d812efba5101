package ics

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"followthrough/contacts"
	"followthrough/contacts/internal/tooltest"
)

var icsItems = []Item{
	{
		FollowUp: contacts.FollowUp{ID: 7, UID: "0b5e7c1a-6f1e-4c1b-9a1e-2f4b6c8d0e17", Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 11, Day: 25}, Line: "send her the article on hiring; ask, gently, about Q1"},
		Contact: contacts.Contact{FullName: "Renée Ä. Dubois", Company: "Atelier Nord, SARL", Event: "Lyon Design Week", MetOn: contacts.Day{Year: 2026, Month: 11, Day: 20},
			IntroducedBy: "Sam Lee", TalkedAbout: "wayfinding\nfor libraries", Phones: []contacts.Phone{{Number: "+33 4 72 00 00 00"}, {Number: "+33 4 72 00 00 01", Kind: contacts.PhoneFax}},
			Emails: []string{"renee@atelier-nord.example"}},
	},
	{
		FollowUp: contacts.FollowUp{ID: 8, UID: "5d2a9c4e-3b7f-4e21-8c6d-1a2b3c4d5e6f", Kind: contacts.KindNote, Due: contacts.Day{Year: 2026, Month: 12, Day: 1}},
		Contact:  contacts.Contact{FullName: "Ben Ortiz"},
	},
}

var icsNow = time.Date(2026, 11, 22, 15, 4, 5, 0, time.UTC)

func writeTestICS(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, icsItems, icsNow); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteICS(t *testing.T) {
	data := writeTestICS(t)
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read it: %v\n%s", err, data)
	}
	var todos []*ical.Component
	for _, c := range cal.Children {
		if c.Name == ical.CompToDo {
			todos = append(todos, c)
		}
	}
	if len(todos) != 2 {
		t.Fatalf("%d to-dos", len(todos))
	}
	tests := []struct {
		prop, want string
	}{
		{ical.PropUID, "0b5e7c1a-6f1e-4c1b-9a1e-2f4b6c8d0e17"},
		{ical.PropSummary, "Call Renée Ä. Dubois"},
		{ical.PropDue, "20261125"},
		{ical.PropStatus, "NEEDS-ACTION"},
	}
	for _, tt := range tests {
		t.Run(tt.prop, func(t *testing.T) {
			p := todos[0].Props.Get(tt.prop)
			if p == nil || p.Value != tt.want {
				t.Errorf("%s = %+v, want %q", tt.prop, p, tt.want)
			}
		})
	}
	desc, err := todos[0].Props.Text(ical.PropDescription)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"send her the article on hiring; ask, gently, about Q1", "Atelier Nord, SARL",
		"Met at Lyon Design Week on 2026-11-20.", "Introduced by Sam Lee.", "wayfinding\nfor libraries", "Phone: +33 4 72 00 00 00", "renee@atelier-nord.example"} {
		if !strings.Contains(desc, want) {
			t.Errorf("description lacks %q:\n%s", want, desc)
		}
	}
	if strings.Contains(desc, "00 01") {
		t.Errorf("the fax number is in the description")
	}
	if len(todos[0].Children) != 1 || todos[0].Children[0].Name != ical.CompAlarm {
		t.Errorf("no alarm")
	}
	for _, line := range strings.Split(string(data), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
	// A later export keeps the UIDs, so phones update instead of adding.
	var again bytes.Buffer
	if err := Write(&again, icsItems, icsNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(again.Bytes(), []byte("UID:0b5e7c1a-6f1e-4c1b-9a1e-2f4b6c8d0e17")) {
		t.Errorf("UID changed between exports")
	}
	if err := Write(new(bytes.Buffer), nil, icsNow); !errors.Is(err, ErrNothingToExport) {
		t.Errorf("no items: %v", err)
	}
}

// TestWriteICSPython reads the export, as to-dos and as events, with
// Python's icalendar module, an independent parser. Without it the test
// fails: ./setup.sh --test installs python3-icalendar.
func TestWriteICSPython(t *testing.T) {
	py := tooltest.MustPython(t, "icalendar")
	const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for c in cal.walk():
    if c.name not in ("VTODO", "VEVENT"):
        continue
    d = {"kind": c.name, "uid": str(c["UID"]), "summary": str(c["SUMMARY"]), "start": c["DTSTART"].dt.isoformat(),
         "status": str(c.get("STATUS", "")), "description": str(c["DESCRIPTION"]), "alarms": len(c.subcomponents)}
    if "DUE" in c:
        d["due"] = c["DUE"].dt.isoformat()
    if "DTEND" in c:
        d["end"] = c["DTEND"].dt.isoformat()
    out.append(d)
print(json.dumps(out))
`
	items := append(slices.Clone(icsItems),
		Item{FollowUp: contacts.FollowUp{UID: "done-1", Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 11, Day: 2}, State: contacts.StateDone,
			DoneOn: contacts.Day{Year: 2026, Month: 11, Day: 3}}, Contact: contacts.Contact{FullName: "Cy Ro"}},
		Item{FollowUp: contacts.FollowUp{UID: "cancelled-1", Kind: contacts.KindEmail, Due: contacts.Day{Year: 2026, Month: 11, Day: 4}, State: contacts.StateCancelled},
			Contact: contacts.Contact{FullName: "Di Lu"}})
	type component struct {
		Kind, UID, Summary, Start, Due, End, Status, Description string
		Alarms                                                   int
	}
	tests := []struct {
		as   As
		want []component
	}{
		{ToDos, []component{
			{Kind: "VTODO", UID: "0b5e7c1a-6f1e-4c1b-9a1e-2f4b6c8d0e17", Summary: "Call Renée Ä. Dubois", Start: "2026-11-25", Due: "2026-11-25", Status: "NEEDS-ACTION", Alarms: 1},
			{Kind: "VTODO", UID: "5d2a9c4e-3b7f-4e21-8c6d-1a2b3c4d5e6f", Summary: "Handwritten note to Ben Ortiz", Start: "2026-12-01", Due: "2026-12-01", Status: "NEEDS-ACTION", Alarms: 1},
			{Kind: "VTODO", UID: "done-1", Summary: "Call Cy Ro", Start: "2026-11-02", Due: "2026-11-02", Status: "COMPLETED"},
			{Kind: "VTODO", UID: "cancelled-1", Summary: "Personal email to Di Lu", Start: "2026-11-04", Due: "2026-11-04", Status: "CANCELLED"},
		}},
		{Events, []component{
			{Kind: "VEVENT", UID: "0b5e7c1a-6f1e-4c1b-9a1e-2f4b6c8d0e17", Summary: "Call Renée Ä. Dubois", Start: "2026-11-25", End: "2026-11-26", Status: "CONFIRMED", Alarms: 1},
			{Kind: "VEVENT", UID: "5d2a9c4e-3b7f-4e21-8c6d-1a2b3c4d5e6f", Summary: "Handwritten note to Ben Ortiz", Start: "2026-12-01", End: "2026-12-02", Status: "CONFIRMED", Alarms: 1},
			{Kind: "VEVENT", UID: "done-1", Summary: "Done: Call Cy Ro", Start: "2026-11-02", End: "2026-11-03", Status: "CONFIRMED"},
			{Kind: "VEVENT", UID: "cancelled-1", Summary: "Personal email to Di Lu", Start: "2026-11-04", End: "2026-11-05", Status: "CANCELLED"},
		}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.want[0].Kind), func(t *testing.T) {
			var data bytes.Buffer
			if err := Write(&data, items, icsNow, Options{As: tt.as}); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(py, "-c", script)
			cmd.Stdin = bytes.NewReader(data.Bytes())
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("python icalendar: %v\n%s", err, data.Bytes())
			}
			var got []component
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("python read %d components, want %d", len(got), len(tt.want))
			}
			if !strings.Contains(got[0].Description, "ask, gently, about Q1") || !strings.Contains(got[0].Description, "wayfinding\nfor libraries") {
				t.Errorf("description: %q", got[0].Description)
			}
			for i := range got {
				got[i].Description = ""
				if got[i] != tt.want[i] {
					t.Errorf("component %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestWriteICSHostileText writes follow-ups of contacts whose text is very
// long, or holds control characters, right-to-left text and emoji: the
// file reads back as iCalendar, holds no control character, and says what
// the contact says, cleaned.
func TestWriteICSHostileText(t *testing.T) {
	items := []Item{
		{FollowUp: contacts.FollowUp{ID: 1, Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 12, Day: 3}, Line: "bring\x00 the\x1b[1m deck\u202e"},
			Contact: contacts.Contact{FullName: "Ann\x07 Example 🚀", Company: "شركة\u200f مثال", TalkedAbout: strings.Repeat("long talk ", 5000)}},
		{FollowUp: contacts.FollowUp{ID: 2, Kind: contacts.KindEmail, Due: contacts.Day{Year: 2026, Month: 12, Day: 4}},
			Contact: contacts.Contact{FullName: "\u202eevil\u202c Name", Note: "x\r\ny"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, items, icsNow); err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(l) > 75 || strings.ContainsFunc(l, func(r rune) bool { return r < ' ' && r != '\t' || r == 0x7f || r == '\u202e' }) {
			t.Fatalf("line %d is not a sound content line: %.80q", i+1, l)
		}
	}
	cal, err := ical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatal(err)
	}
	todos := cal.Children
	if len(todos) != 2 {
		t.Fatalf("%d to-dos, want 2", len(todos))
	}
	for i, want := range []string{"Call Ann Example 🚀", "Personal email to evil Name"} {
		if got, _ := todos[i].Props.Text(ical.PropSummary); got != want {
			t.Errorf("to-do %d: summary %q, want %q", i, got, want)
		}
	}
	desc, _ := todos[0].Props.Text(ical.PropDescription)
	if !strings.HasPrefix(desc, "bring the[1m deck\nشركة\u200f مثال\n") || !strings.Contains(desc, strings.Repeat("long talk ", 5000)[:40000]) {
		t.Errorf("description %.80q…", desc)
	}
}

// TestComponentChanges: a to-do or event says how often and when its
// follow-up changed, so that a calendar importing it again keeps the newer
// copy; a closed follow-up is always a change on from the open one, even
// one closed before the store counted changes.
func TestComponentChanges(t *testing.T) {
	created := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	changedAt := time.Date(2026, 11, 24, 16, 30, 0, 0, time.UTC)
	due := contacts.Day{Year: 2026, Month: 11, Day: 25}
	open := contacts.FollowUp{UID: "u", Kind: contacts.KindCall, Due: due, State: contacts.StateOpen, Created: created}
	tests := []struct {
		name         string
		f            func() contacts.FollowUp
		wantSeq      string
		wantModified time.Time
	}{
		{"open, never changed", func() contacts.FollowUp { return open }, "0", created},
		{"snoozed twice", func() contacts.FollowUp { f := open; f.Sequence, f.Modified = 2, changedAt; return f }, "2", changedAt},
		{"done", func() contacts.FollowUp {
			f := open
			f.State, f.DoneOn, f.Sequence, f.Modified = contacts.StateDone, due, 1, changedAt
			return f
		}, "1", changedAt},
		{"done before changes were counted", func() contacts.FollowUp {
			f := open
			f.State, f.DoneOn = contacts.StateDone, due
			return f
		}, "1", time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)},
		{"cancelled before changes were counted", func() contacts.FollowUp {
			f := open
			f.State = contacts.StateCancelled
			return f
		}, "1", created},
		{"scheduled at an unknown time", func() contacts.FollowUp { f := open; f.Created = time.UnixMilli(0); return f }, "0", time.Time{}},
	}
	for _, tt := range tests {
		for _, as := range []As{ToDos, Events} {
			t.Run(fmt.Sprintf("%s as %d", tt.name, as), func(t *testing.T) {
				c := Component(Item{FollowUp: tt.f(), Contact: contacts.Contact{FullName: "Ann"}}, icsNow, as)
				seq := c.Props.Get(ical.PropSequence)
				if seq == nil || seq.Value != tt.wantSeq || seq.Params.Get(ical.ParamValue) != "" {
					t.Errorf("SEQUENCE = %+v, want %s", seq, tt.wantSeq)
				}
				if tt.wantModified.IsZero() {
					if p := c.Props.Get(ical.PropLastModified); p != nil {
						t.Errorf("LAST-MODIFIED = %s, want none", p.Value)
					}
				} else if m, err := c.Props.DateTime(ical.PropLastModified, time.UTC); err != nil || !m.Equal(tt.wantModified) {
					t.Errorf("LAST-MODIFIED = %v (%v), want %v", m, err, tt.wantModified)
				}
			})
		}
	}
}
