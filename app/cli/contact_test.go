package cli

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// addPeople adds contacts to a new store and returns it with their IDs.
func addPeople(t *testing.T, people ...contacts.Contact) (*testStore, map[string]int64) {
	t.Helper()
	store := apptest.OpenStore(t)
	ids := map[string]int64{}
	for _, c := range people {
		if err := store.Add(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
		ids[c.FullName] = c.ID
	}
	return &testStore{store}, ids
}

func TestDeleteCommand(t *testing.T) {
	tests := []struct {
		name     string
		arg      string // #ID stands for Ann Lee's ID
		wantErr  string
		wantLeft []string
	}{
		{"by ID", "#ID", "", []string{"Ann Leeson", "Bo Li"}},
		{"by bare ID", "ID", "", []string{"Ann Leeson", "Bo Li"}},
		{"by whole name, though another starts the same", "ann lee", "", []string{"Ann Leeson", "Bo Li"}},
		{"by a word that finds one", "Bo", "", []string{"Ann Lee", "Ann Leeson"}},
		{"a word that finds two", "Ann", `"Ann" names 2 contacts`, []string{"Ann Lee", "Ann Leeson", "Bo Li"}},
		{"no one", "Zed", "no such contact", []string{"Ann Lee", "Ann Leeson", "Bo Li"}},
		{"an unknown ID", "#999", "no such contact", []string{"Ann Lee", "Ann Leeson", "Bo Li"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ids := addPeople(t, contacts.Contact{FullName: "Ann Lee"}, contacts.Contact{FullName: "Ann Leeson"}, contacts.Contact{FullName: "Bo Li"})
			arg := strings.ReplaceAll(tt.arg, "ID", itoa(ids["Ann Lee"]))
			var out bytes.Buffer
			err := s.run(t, testProgram(&out, nil).deleteCommand(), arg)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("delete %s = %v, want %q", arg, err, tt.wantErr)
			}
			if tt.wantErr == "" && !strings.HasPrefix(out.String(), "Deleted ") {
				t.Errorf("output %q", out.String())
			}
			left := apptest.StoredNames(t, s.Store)
			slices.Sort(left)
			if !slices.Equal(left, tt.wantLeft) {
				t.Errorf("left %v, want %v", left, tt.wantLeft)
			}
		})
	}
}

func TestQRCommand(t *testing.T) {
	long := contacts.Contact{FullName: "Dana Long", Emails: []string{"dana@example.com"}, Note: strings.Repeat("Met at the expo. ", 100)}
	tests := []struct {
		name        string
		png         bool
		wantOut     []string
		wantOmitted bool
	}{
		{"terminal", false, []string{"▄", "to add Dana Long to its contacts"}, true},
		{"png file", true, []string{"Wrote the QR code of Dana Long to "}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := addPeople(t, long)
			file := filepath.Join(t.TempDir(), "dana.png")
			args := []string{"Dana"}
			if tt.png {
				args = []string{"--png", file, "Dana"}
			}
			var out bytes.Buffer
			if err := s.run(t, testProgram(&out, nil).qrCommand(), args...); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if said := strings.Contains(out.String(), "Left out to keep the code readable: the note."); said != tt.wantOmitted {
				t.Errorf("names the note left out: %v, want %v:\n%s", said, tt.wantOmitted, out.String())
			}
			f, err := os.Open(file)
			if tt.png != (err == nil) {
				t.Fatalf("png file: %v, want one: %v", err, tt.png)
			}
			if tt.png {
				defer f.Close()
				img, err := png.Decode(f)
				if err != nil || img.Bounds().Dx() < 600 {
					t.Errorf("png: %v, %v", img.Bounds(), err)
				}
			}
		})
	}
	s, _ := addPeople(t)
	if err := s.run(t, testProgram(new(bytes.Buffer), nil).qrCommand(), "Nobody"); !errors.Is(err, errNoSuchContact) {
		t.Errorf("qr of no one = %v", err)
	}
}

// testStore is a store a test runs commands on.
type testStore struct{ *sqlite.Store }

// run parses args as cmd's and runs it on the store.
func (s *testStore) run(t *testing.T, cmd *command, args ...string) error {
	t.Helper()
	if err := cmd.FlagSet().Parse(args); err != nil {
		t.Fatal(err)
	}
	return cmd.Run(context.Background(), s.Store, cmd.FlagSet().Args())
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
