package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

func TestDueCommand(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))

	var out bytes.Buffer
	cmd := testProgram(&out, nil).dueCommand()
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
			cmd := testProgram(&out, nil).dueCommand()
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
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	path := filepath.Join(t.TempDir(), "follow-ups.ics")
	var out bytes.Buffer
	cmd := testProgram(&out, nil).exportICSCommand()
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
	err = cmd.Run(context.Background(), apptest.OpenStore(t), []string{empty})
	if !errors.Is(err, ics.ErrNothingToExport) {
		t.Errorf("exporting nothing: %v", err)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("a file was written for nothing: %v", err)
	}
}

func TestExportCommand(t *testing.T) {
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	ctx := context.Background()
	fay, _ := store.Find(ctx, sqlite.Filter{Query: "Fay Fading"})
	fay[0].Tags = []string{"friend"}
	if err := store.Update(ctx, fay[0]); err != nil {
		t.Fatal(err)
	}
	olu, _ := store.Find(ctx, sqlite.Filter{Query: "Olu Overdue"})
	rel, err := store.ImportImage(ctx, apptest.WriteImage(t, t.TempDir(), "olu.png"))
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
			cmd := testProgram(new(bytes.Buffer), nil).exportCommand()
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
			cs, err := vcf.Read(bytes.NewReader(data))
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

// TestDueListsEveryFollowUp covers issue 21 A.5 for `due`: a contact's
// second follow-up, a promise, is printed and is in the JSON.
func TestDueListsEveryFollowUp(t *testing.T) {
	store := apptest.OpenStore(t)
	today := contacts.DayOf(apptest.Today)
	people := apptest.Seed(t, store, today)
	olu := people["Olu Overdue"]
	promise := contacts.FollowUp{ContactID: olu.ID, Kind: contacts.KindPromise, Due: today.AddDays(2), Line: "introduce him to Sam"}
	if err := store.AddFollowUp(context.Background(), &promise); err != nil {
		t.Fatal(err)
	}
	open, err := store.FollowUps(context.Background(), olu.ID) // latest due first
	if err != nil || len(open) != 2 {
		t.Fatalf("Olu's follow-ups: %+v, %v", open, err)
	}
	tests := []struct {
		args  []string
		check func(t *testing.T, out string)
	}{
		{nil, func(t *testing.T, out string) {
			for _, want := range []string{"call: send the article on hiring", "promise: introduce him to Sam · due Sunday"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		}},
		{[]string{"--json"}, func(t *testing.T, out string) {
			var rows []dueJSON
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatal(err)
			}
			want := []followUpJSON{
				{ID: open[1].ID, Kind: "call", Line: "send the article on hiring", Due: open[1].Due.String(), Reason: "3 days overdue (2026-11-17)"},
				{ID: open[0].ID, Kind: "promise", Line: "introduce him to Sam", Due: open[0].Due.String(), Reason: "due Sunday"},
			}
			if rows[0].Name != "Olu Overdue" || rows[0].FollowUpID != open[1].ID || !slices.Equal(rows[0].FollowUps, want) {
				t.Errorf("Olu's row: %+v\nwant follow-ups %+v", rows[0], want)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out bytes.Buffer
			cmd := testProgram(&out, nil).dueCommand()
			if err := cmd.FlagSet().Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Run(context.Background(), store, cmd.FlagSet().Args()); err != nil {
				t.Fatal(err)
			}
			tt.check(t, out.String())
		})
	}
}
