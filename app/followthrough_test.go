package app

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
	"followthrough/ocr"
)

// fixedNow sets the commands' and the window's clock for one test.
func fixedNow(t *testing.T, at time.Time) {
	t.Helper()
	old := Now
	Now = func() time.Time { return at }
	t.Cleanup(func() { Now = old })
}

// seed adds the people of a small reconnect list to store, as of today:
// one overdue, one due today, one fading with a cadence, one upcoming,
// and one with nothing to do.
func seed(t *testing.T, store *contacts.Store, today contacts.Day) map[string]contacts.Contact {
	t.Helper()
	ctx := context.Background()
	people := map[string]contacts.Contact{}
	add := func(c contacts.Contact, f ...contacts.FollowUp) {
		if err := store.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
		for _, fu := range f {
			fu.ContactID = c.ID
			if err := store.AddFollowUp(ctx, &fu); err != nil {
				t.Fatal(err)
			}
		}
		people[c.FullName] = c
	}
	add(contacts.Contact{FullName: "Olu Overdue", Company: "Late Ltd", Event: "Founders Breakfast", MetOn: today.AddDays(-10),
		Phones: []contacts.Phone{{Number: "+1 650 555 0101"}}, TalkedAbout: "hiring a designer"},
		contacts.FollowUp{Kind: contacts.KindCall, Due: today.AddDays(-3), Line: "send the article on hiring"})
	add(contacts.Contact{FullName: "Tess Today", Event: "Founders Breakfast", MetOn: today.AddDays(-3)},
		contacts.FollowUp{Kind: contacts.KindNote, Due: today})
	add(contacts.Contact{FullName: "Fay Fading", MetOn: today.AddDays(-70), Cadence: contacts.Cadence{Ideal: 60, Max: 120}})
	add(contacts.Contact{FullName: "Uma Upcoming", MetOn: today.AddDays(-1)},
		contacts.FollowUp{Kind: contacts.KindCoffee, Due: today.AddDays(12)})
	add(contacts.Contact{FullName: "Ned Nothing", MetOn: today.AddDays(-400)})
	return people
}

var testToday = time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)

func TestDueCommand(t *testing.T) {
	fixedNow(t, testToday)
	store := openStore(t)
	seed(t, store, contacts.DayOf(testToday))

	var out bytes.Buffer
	cmd := dueCommand(&out)
	cmd.FlagSet().Parse(nil)
	if err := cmd.Run(context.Background(), store, nil); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	order := []string{"Overdue (1)", "Olu Overdue, Late Ltd · call: send the article on hiring", "+1 650 555 0101",
		"met at Founders Breakfast on 2026-11-10", "talked about hiring a designer",
		"Tess Today", "Fading (1)", "Fay Fading", "Upcoming (1)", "Uma Upcoming"}
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("output lacks %q after position %d:\n%s", want, at, text)
		}
		at += i
	}
	if strings.Contains(text, "Ned Nothing") {
		t.Errorf("a contact with no cadence and nothing scheduled is listed:\n%s", text)
	}

	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--json"}, []string{"Olu Overdue", "Tess Today", "Fay Fading", "Uma Upcoming"}},
		{[]string{"--json", "--days", "7"}, []string{"Olu Overdue", "Tess Today", "Fay Fading"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out.Reset()
			cmd := dueCommand(&out)
			if err := cmd.FlagSet().Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Run(context.Background(), store, cmd.FlagSet().Args()); err != nil {
				t.Fatal(err)
			}
			var rows []dueJSON
			if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
				t.Fatalf("%v:\n%s", err, out.String())
			}
			var names []string
			for _, r := range rows {
				names = append(names, r.Name)
			}
			if strings.Join(names, ",") != strings.Join(tt.want, ",") {
				t.Errorf("names = %v, want %v", names, tt.want)
			}
			if rows[0].Section != "Overdue" || rows[0].DaysLate != 3 || rows[0].Kind != "call" || rows[0].Phone == "" {
				t.Errorf("first row = %+v", rows[0])
			}
		})
	}
}

func TestExportICSCommand(t *testing.T) {
	fixedNow(t, testToday)
	store := openStore(t)
	seed(t, store, contacts.DayOf(testToday))
	path := filepath.Join(t.TempDir(), "follow-ups.ics")
	var out bytes.Buffer
	cmd := exportICSCommand(&out)
	cmd.FlagSet().Parse(nil)
	if err := cmd.Run(context.Background(), store, []string{path}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "BEGIN:VTODO"); n != 3 {
		t.Errorf("%d to-dos written, want the 3 open follow-ups:\n%s", n, data)
	}
	if !strings.Contains(out.String(), "3 follow-ups") {
		t.Errorf("output %q", out.String())
	}

	// With nothing open there is nothing to write, and it says so.
	empty := filepath.Join(t.TempDir(), "none.ics")
	err = cmd.Run(context.Background(), openStore(t), []string{empty})
	if err == nil || !strings.Contains(err.Error(), "no open follow-ups") {
		t.Errorf("exporting nothing: %v", err)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("a file was written for nothing: %v", err)
	}
}

func TestScanSaveSchedulesFirstFollowUp(t *testing.T) {
	fixedNow(t, testToday)
	today := contacts.DayOf(testToday)
	tests := []struct {
		name    string
		flag    string
		setting string
		none    bool
		wantDue contacts.Day
	}{
		{"default", "", "", false, today.AddDays(contacts.DefaultFollowUpDelay)},
		{"from the settings", "", "1w", false, today.AddDays(7)},
		{"flag over the settings", "2d", "1w", false, today.AddDays(2)},
		{"no follow-up", "", "", true, contacts.Day{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := openStore(t)
			ctx := context.Background()
			if tt.setting != "" {
				store.SetSetting(ctx, SettingFollowUpDelay, tt.setting)
			}
			in := t.TempDir()
			writeImage(t, in, "card.png")
			cmd := scanCommand(new(bytes.Buffer))
			args := []string{"--save", "--out", t.TempDir()}
			if tt.flag != "" {
				args = append(args, "--follow-up-in", tt.flag)
			}
			if tt.none {
				args = append(args, "--no-follow-up")
			}
			if err := cmd.FlagSet().Parse(append(args, in)); err != nil {
				t.Fatal(err)
			}
			engineFor(t, &fakeEngine{lines: janeCard})
			if err := cmd.Run(ctx, store, cmd.FlagSet().Args()); err != nil {
				t.Fatal(err)
			}
			people, err := store.People(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tt.none {
				if len(people) != 0 {
					t.Errorf("follow-ups scheduled with --no-follow-up: %+v", people)
				}
				return
			}
			if len(people) != 1 || len(people[0].Open) != 1 || people[0].Open[0].Due != tt.wantDue {
				t.Fatalf("people = %+v, want one follow-up due %s", people, tt.wantDue)
			}
		})
	}
}

// engineFor makes NewEngine, which the commands use, start eng for one test.
func engineFor(t *testing.T, eng *fakeEngine) {
	old := NewEngine
	NewEngine = func([]string) (ocr.Engine, error) { return eng, nil }
	t.Cleanup(func() { NewEngine = old })
}

// find returns the first widget of type T among o and what it holds for
// which match is true.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	if v, ok := o.(T); ok && match(v) {
		return v, true
	}
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(v).Objects()
	}
	for _, c := range children {
		if f, ok := find(c, match); ok {
			return f, true
		}
	}
	var none T
	return none, false
}

// findButton finds the button labelled text among o and what it holds.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	b, _ := find(o, func(b *widget.Button) bool { return b.Text == text })
	return b
}

// findEntry finds the first entry among o and what it holds.
func findEntry(o fyne.CanvasObject) *widget.Entry {
	e, _ := find(o, func(*widget.Entry) bool { return true })
	return e
}

func TestReconnectScreen(t *testing.T) {
	fixedNow(t, testToday)
	today := contacts.DayOf(testToday)
	store := openStore(t)
	people := seed(t, store, today)
	m, w := newTestWindow(t, store, &fakeEngine{})
	m.tasks.settle()
	s := m.reconnect

	var names []string
	for _, r := range reconnectRows(m) {
		if r.entry != nil {
			names = append(names, r.entry.Person.Contact.FullName)
		} else {
			names = append(names, "["+r.heading+"]")
		}
	}
	want := "[Overdue (1)],Olu Overdue,[Due this week (1)],Tess Today,[Fading (1)],Fay Fading,[Upcoming (1)],Uma Upcoming"
	if got := strings.Join(names, ","); got != want {
		t.Fatalf("rows = %s\nwant   %s", got, want)
	}
	if !strings.Contains(s.heading.Text, "1 overdue") {
		t.Errorf("heading %q has no counts", s.heading.Text)
	}

	// Done on the overdue call: say how it went; it is logged and leaves
	// the list.
	row := newEntryRow(s)
	row.set(reconnectRows(m)[1])
	test.Tap(row.done)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Done shows no dialog")
	}
	test.Type(findEntry(top), "Coffee on the 3rd")
	test.Tap(findButton(top, "Done"))
	m.tasks.settle()
	its, err := store.Interactions(context.Background(), people["Olu Overdue"].ID)
	if err != nil || len(its) != 1 || its[0].Note != "Coffee on the 3rd" || its[0].Kind != contacts.KindCall {
		t.Fatalf("interactions after Done = %+v, %v", its, err)
	}
	for _, r := range reconnectRows(m) {
		if r.entry != nil && r.entry.Person.Contact.FullName == "Olu Overdue" {
			t.Errorf("Olu is still listed after the follow-up was done")
		}
	}

	// Snooze Tess's note to next week: it moves to Monday.
	var tess contacts.Entry
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Tess Today" {
			tess = e
		}
	}
	row.set(reconnectRow{entry: &tess})
	test.Tap(row.snooze)
	if w.Canvas().Overlays().Top() == nil {
		t.Errorf("Snooze shows no menu")
	}
	w.Canvas().Overlays().Top().Hide()
	s.onSnooze(tess, contacts.SnoozeNextWeek.From(today))
	m.tasks.settle()
	monday := contacts.Day{Year: 2026, Month: 11, Day: 23} // testToday is a Friday
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Tess Today" && (e.Due != monday || e.Reason != "due Monday") {
			t.Errorf("after snoozing, Tess is due %s (%s), want Monday %s", e.Due, e.Reason, monday)
		}
	}

	// Fay fades with nothing scheduled; Done on her logs a call that
	// resets the clock.
	var fay contacts.Entry
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Fay Fading" {
			fay = e
		}
	}
	row.set(reconnectRow{entry: &fay})
	test.Tap(row.done)
	top = w.Canvas().Overlays().Top()
	test.Tap(findButton(top, "Done"))
	m.tasks.settle()
	for _, e := range reconnectEntries(m) {
		if e.Person.Contact.FullName == "Fay Fading" {
			t.Errorf("Fay is still listed (%s) after a call was logged", e.Section)
		}
	}
}

// reconnectRows returns every row of the reconnect list, reading the
// pages that are not read yet as the list would when scrolled.
func reconnectRows(m *mainWindow) []reconnectRow {
	s := m.reconnect
	for range 10 {
		rows := make([]reconnectRow, s.total)
		loading := false
		for i := range rows {
			rows[i] = s.row(i)
			loading = loading || rows[i].loading
		}
		if !loading {
			return rows
		}
		m.tasks.settle()
	}
	panic("the reconnect list never finished loading")
}

// reconnectEntries returns the entries of the reconnect list.
func reconnectEntries(m *mainWindow) []contacts.Entry {
	var es []contacts.Entry
	for _, r := range reconnectRows(m) {
		if r.entry != nil {
			es = append(es, *r.entry)
		}
	}
	return es
}

func TestEventView(t *testing.T) {
	fixedNow(t, testToday)
	today := contacts.DayOf(testToday)
	store := openStore(t)
	people := seed(t, store, today)
	ctx := context.Background()
	// Tess is followed up with; Olu still waits.
	if err := store.LogInteraction(ctx, &contacts.Interaction{ContactID: people["Tess Today"].ID, Kind: contacts.KindNote, On: today}); err != nil {
		t.Fatal(err)
	}
	ev, err := store.EventByName(ctx, "Founders Breakfast")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestWindow(t, store, &fakeEngine{})
	m.tasks.settle()
	s := m.events
	if len(s.events) != 1 || s.events[0].Name != "Founders Breakfast" {
		t.Fatalf("events = %+v", s.events)
	}
	s.list.Select(0)
	m.tasks.settle()
	if s.current.ID != ev.ID || len(s.rows) != 2 {
		t.Fatalf("event shows %d people", len(s.rows))
	}
	if !strings.Contains(s.summary.Text, "Met 2 people: 1 followed up, 1 still waiting") {
		t.Errorf("summary = %q", s.summary.Text)
	}
	status := map[string]string{}
	for _, r := range s.rows {
		status[r.Contact.FullName] = followUpStatus(r, today)
	}
	if !strings.HasPrefix(status["Tess Today"], "followed up") {
		t.Errorf("Tess: %q", status["Tess Today"])
	}
	if !strings.HasPrefix(status["Olu Overdue"], "waiting · call 3 days overdue") {
		t.Errorf("Olu: %q", status["Olu Overdue"])
	}
}

func TestReminder(t *testing.T) {
	today := contacts.DayOf(testToday)
	entry := func(id int64, name string, sec contacts.Section, due contacts.Day) contacts.Entry {
		return contacts.Entry{Person: contacts.Person{Contact: contacts.Contact{ID: id, FullName: name}}, Section: sec, Due: due,
			FollowUp: &contacts.FollowUp{Kind: contacts.KindCall, Due: due}}
	}
	var sent []*fyne.Notification
	r := &Reminder{Remind: func(n *fyne.Notification) { sent = append(sent, n) }}
	one := []contacts.Entry{entry(1, "Ann", contacts.Overdue, today.AddDays(-2)), entry(2, "Bo", contacts.Upcoming, today.AddDays(9))}
	two := append([]contacts.Entry{entry(3, "Cy", contacts.Due, today)}, one...)
	later := []contacts.Entry{entry(4, "Di", contacts.Due, today.AddDays(2))}
	steps := []struct {
		name    string
		entries []contacts.Entry
		after   time.Duration
		sent    bool
	}{
		{"first due item", one, 0, true},
		{"same again next minute", one, time.Minute, false},
		{"new one within the hour", two, 30 * time.Minute, false},
		{"new one after the hour", two, 61 * time.Minute, true},
		{"nothing new two hours on", two, 3 * time.Hour, false},
		{"only due later in the week", later, 5 * time.Hour, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := len(sent)
			got := r.Check(st.entries, testToday.Add(st.after))
			if got != st.sent || (len(sent) > before) != st.sent {
				t.Fatalf("sent = %v, want %v", got, st.sent)
			}
		})
	}
	if len(sent) != 2 || !strings.Contains(sent[1].Content, "Cy") || !strings.Contains(sent[1].Content, "Ann") {
		t.Errorf("notifications: %+v", sent)
	}
	if sent[1].Title != "2 people to follow up today" {
		t.Errorf("title %q", sent[1].Title)
	}
}

func TestExportCommand(t *testing.T) {
	fixedNow(t, testToday)
	store := openStore(t)
	seed(t, store, contacts.DayOf(testToday))
	ctx := context.Background()
	fay, _ := store.Find(ctx, contacts.Filter{Query: "Fay Fading"})
	fay[0].Tags = []string{"friend"}
	if err := store.Update(ctx, fay[0]); err != nil {
		t.Fatal(err)
	}
	olu, _ := store.Find(ctx, contacts.Filter{Query: "Olu Overdue"})
	rel, err := store.ImportImage(ctx, writeImage(t, t.TempDir(), "olu.png"))
	if err != nil {
		t.Fatal(err)
	}
	olu[0].Image = rel
	if err := store.Update(ctx, olu[0]); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		want       []string
		version    string
		wantErr    string
		wantPhotos int
	}{
		{"photos", []string{"--event", "founders breakfast", "--photo"}, []string{"Olu Overdue", "Tess Today"}, "3.0", "", 1},
		{"everyone", nil, []string{"Fay Fading", "Ned Nothing", "Olu Overdue", "Tess Today", "Uma Upcoming"}, "3.0", "", 0},
		{"one event", []string{"--event", "founders breakfast"}, []string{"Olu Overdue", "Tess Today"}, "3.0", "", 0},
		{"one tag, 4.0", []string{"--tag", "Friend", "--v4"}, []string{"Fay Fading"}, "4.0", "", 0},
		{"no such event", []string{"--event", "Nowhere"}, nil, "", "no event called", 0},
		{"nobody tagged", []string{"--tag", "nobody"}, nil, "", "no contacts", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.vcf")
			cmd := exportCommand(new(bytes.Buffer))
			if err := cmd.FlagSet().Parse(append(tt.args, path)); err != nil {
				t.Fatal(err)
			}
			err := cmd.Run(ctx, store, cmd.FlagSet().Args())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte("VERSION:"+tt.version+"\r\n")) {
				t.Errorf("not vCard %s:\n%s", tt.version, data)
			}
			cs, err := contacts.ReadVCards(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, c := range cs {
				names = append(names, c.FullName)
			}
			slices.Sort(names)
			if !slices.Equal(names, tt.want) {
				t.Errorf("exported %v, want %v", names, tt.want)
			}
			if n := bytes.Count(data, []byte("\r\nPHOTO;ENCODING=b;TYPE=JPEG:")); n != tt.wantPhotos {
				t.Errorf("%d photos, want %d", n, tt.wantPhotos)
			}
			for _, c := range cs {
				if c.FullName == "Olu Overdue" && (c.Event != "Founders Breakfast" || c.TalkedAbout != "hiring a designer") {
					t.Errorf("meeting context lost: %+v", c)
				}
			}
		})
	}
}
