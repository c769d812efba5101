package ics

import (
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"followthrough/contacts"
)

var icsItems = []Item{
	{
		FollowUp: contacts.FollowUp{ID: 7, Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 11, Day: 25}, Line: "send her the article on hiring; ask, gently, about Q1"},
		Contact: contacts.Contact{FullName: "Renée Ä. Dubois", Company: "Atelier Nord, SARL", Event: "Lyon Design Week", MetOn: contacts.Day{Year: 2026, Month: 11, Day: 20},
			IntroducedBy: "Sam Lee", TalkedAbout: "wayfinding\nfor libraries", Phones: []contacts.Phone{{Number: "+33 4 72 00 00 00"}, {Number: "+33 4 72 00 00 01", Kind: contacts.PhoneFax}},
			Emails: []string{"renee@atelier-nord.example"}},
	},
	{
		FollowUp: contacts.FollowUp{ID: 8, Kind: contacts.KindNote, Due: contacts.Day{Year: 2026, Month: 12, Day: 1}},
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
		{ical.PropUID, "followup-7@followthrough"},
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
	Write(&again, icsItems, icsNow.Add(time.Hour))
	if !bytes.Contains(again.Bytes(), []byte("UID:followup-7@followthrough")) {
		t.Errorf("UID changed between exports")
	}
	if err := Write(new(bytes.Buffer), nil, icsNow); !errors.Is(err, ErrNothingToExport) {
		t.Errorf("no items: %v", err)
	}
}

// TestWriteICSPython reads the export with Python's icalendar module, an
// independent parser.
func TestWriteICSPython(t *testing.T) {
	data := writeTestICS(t)
	const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for c in cal.walk("VTODO"):
    out.append({"uid": str(c["UID"]), "summary": str(c["SUMMARY"]), "due": c["DUE"].dt.isoformat(),
                "description": str(c["DESCRIPTION"]), "alarms": len(c.subcomponents)})
print(json.dumps(out))
`
	var py string
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import icalendar").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Skip("no python3 with icalendar; on Debian: apt-get install python3-icalendar")
	}
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python icalendar: %v\n%s", err, data)
	}
	var got []struct {
		UID, Summary, Due, Description string
		Alarms                         int
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].UID != "followup-7@followthrough" || got[0].Due != "2026-11-25" ||
		got[0].Summary != "Call Renée Ä. Dubois" || got[0].Alarms != 1 || got[1].Summary != "Handwritten note to Ben Ortiz" {
		t.Fatalf("python read %+v", got)
	}
	if !strings.Contains(got[0].Description, "ask, gently, about Q1") || !strings.Contains(got[0].Description, "wayfinding\nfor libraries") {
		t.Errorf("description: %q", got[0].Description)
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
