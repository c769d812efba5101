package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/davsync/davtest"
)

func TestSyncCommand(t *testing.T) {
	keyring.MockInit()
	r := davtest.Start(t)
	book := r.MakeBook(t, "cli")
	store := apptest.OpenStore(t)
	ctx := context.Background()
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		cmd := testProgram(&out, nil).syncCommand()
		if err := cmd.FlagSet().Parse(args); err != nil {
			t.Fatal(err)
		}
		err := cmd.Run(ctx, store, cmd.FlagSet().Args())
		return out.String(), err
	}
	if _, err := run(); err == nil || !strings.Contains(err.Error(), "not set up") {
		t.Fatalf("sync before set-up: %v", err)
	}
	if err := app.SaveDAVSettings(ctx, store, app.DAVSettings{URL: r.URL, User: r.User, Book: book, AllowHTTP: true}); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envDAVPassword, "")
	t.Setenv(envPassword, "")
	if _, err := run(); err == nil || !strings.Contains(err.Error(), envPassword) {
		t.Fatalf("sync without a password: %v", err)
	}
	t.Setenv(envDAVPassword, r.Password)

	bo := contacts.Contact{FullName: "Bo Li"}
	if err := store.Add(ctx, &bo); err != nil {
		t.Fatal(err)
	}
	if out, err := run(); err != nil || out != "Pushed 1, pulled 0.\n" {
		t.Fatalf("first sync: %q, %v", out, err)
	}
	if _, err := store.Delete(ctx, bo.ID); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "To delete on the server: Bo Li (run with --yes to delete)"},
		{[]string{"--yes"}, "Deleted on the server: Bo Li"},
		{nil, "Pushed 0, pulled 0.\n"},
	} {
		out, err := run(tt.args...)
		if err != nil || !strings.Contains(out, tt.want) {
			t.Errorf("sync %v: %q, %v; want %q", tt.args, out, err, tt.want)
		}
	}
}

// TestSyncSetup sets sync up from the command line, with the password
// from each place it can come from, and reads the settings back.
func TestSyncSetup(t *testing.T) {
	keyring.MockInit()
	r := davtest.Start(t)
	only := r.MakeBook(t, "only")
	ctx := context.Background()
	tests := []struct {
		name      string
		args      []string // URL stands for the server's
		env       string   // FOLLOWTHROUGH_PASSWORD
		keyring   string   // a password kept in the keyring
		typed     string   // what the prompt gives; "" for no terminal
		wantErr   string
		wantSaved bool
		wantKept  bool // the password typed goes to the keyring
	}{
		{"from the environment", []string{"--setup", "URL", "--user", "alice", "--allow-http"}, "secret", "", "", "", true, false},
		{"from the keyring", []string{"--setup", "URL", "--user", "alice", "--allow-http"}, "", "secret", "", "", true, false},
		{"typed at a prompt", []string{"--setup", "URL", "--user", "alice", "--allow-http"}, "", "", "secret", "", true, true},
		{"no password anywhere", []string{"--setup", "URL", "--user", "alice", "--allow-http"}, "", "", "", envPassword, false, false},
		{"a wrong password", []string{"--setup", "URL", "--user", "alice", "--allow-http"}, "wrong", "", "", "sync: ", false, false},
		{"plain http not agreed to", []string{"--setup", "URL", "--user", "alice"}, "secret", "", "", "--allow-http", false, false},
		{"no user", []string{"--setup", "URL", "--allow-http"}, "secret", "", "", "--user", false, false},
		{"a book that is not there", []string{"--setup", "URL", "--user", "alice", "--allow-http", "--book", "nope"}, "secret", "", "", `no address book "nope"`, false, false},
		{"--user without --setup", []string{"--user", "alice"}, "secret", "", "", "go with --setup", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keyring.MockInit()
			store := apptest.OpenStore(t)
			t.Setenv(envPassword, tt.env)
			t.Setenv(envDAVPassword, "")
			if tt.keyring != "" {
				if err := app.SavePassword(r.URL, r.User, tt.keyring); err != nil {
					t.Fatal(err)
				}
			}
			var out bytes.Buffer
			p := testProgram(&out, nil)
			if tt.typed != "" {
				p.prompt = func(string) (string, error) { return tt.typed, nil }
			}
			cmd := p.syncCommand()
			var args []string
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "URL", r.URL))
			}
			if err := cmd.FlagSet().Parse(args); err != nil {
				t.Fatal(err)
			}
			err := cmd.Run(ctx, store, cmd.FlagSet().Args())
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("sync %v = %v, want %q", tt.args, err, tt.wantErr)
			}
			s, err := app.LoadDAVSettings(ctx, store)
			if err != nil {
				t.Fatal(err)
			}
			if saved := s.URL == r.URL && s.User == "alice" && s.Book == only && s.AllowHTTP; saved != tt.wantSaved {
				t.Errorf("settings %+v, want saved: %v", s, tt.wantSaved)
			}
			if tt.wantSaved && !strings.Contains(out.String(), "Pushed 0, pulled 0.") {
				t.Errorf("no first sync after set-up:\n%s", out.String())
			}
			if pw, _ := app.LoadPassword(r.URL, r.User); tt.keyring == "" && (pw != "" && pw == tt.typed) != tt.wantKept {
				t.Errorf("keyring holds %q after set-up; want the typed password kept: %v", pw, tt.wantKept)
			}
		})
	}
}

// TestSyncConflictsExitNonZero changes one contact on two computers (two
// stores on one address book) and checks that the second sync reports the
// conflict and fails, so that a script notices.
func TestSyncConflictsExitNonZero(t *testing.T) {
	keyring.MockInit()
	r := davtest.Start(t)
	book := r.MakeBook(t, "shared")
	ctx := context.Background()
	t.Setenv(envPassword, r.Password)
	sync := func(store *testStore) (string, error) {
		var out bytes.Buffer
		err := store.run(t, testProgram(&out, nil).syncCommand())
		return out.String(), err
	}
	var stores []*testStore
	for range 2 {
		s := &testStore{apptest.OpenStore(t)}
		if err := app.SaveDAVSettings(ctx, s.Store, app.DAVSettings{URL: r.URL, User: r.User, Book: book, AllowHTTP: true}); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, s)
	}
	ann := contacts.Contact{FullName: "Ann Lee", Title: "Engineer"}
	if err := stores[0].Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	edit := func(s *testStore, title string) {
		cs, err := s.List(ctx, "Ann", 0)
		if err != nil || len(cs) != 1 {
			t.Fatalf("%v, %v", cs, err)
		}
		cs[0].Title = title
		if err := s.Update(ctx, cs[0]); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name    string
		store   int
		before  func()
		wantOut string
		wantErr error
	}{
		{"push from the first", 0, nil, "Pushed 1, pulled 0.", nil},
		{"pull into the second", 1, nil, "Pushed 0, pulled 1.", nil},
		{"a change pushed from the first", 0, func() { edit(stores[0], "Founder") }, "Pushed 1, pulled 0.", nil},
		{"another change of the same contact on the second", 1, func() { edit(stores[1], "Advisor") }, "Conflict: Ann Lee changed on both sides", ErrConflicts},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		out, err := sync(stores[st.store])
		if !errors.Is(err, st.wantErr) || !strings.Contains(out, st.wantOut) {
			t.Fatalf("%s: %q, %v; want %q, %v", st.name, out, err, st.wantOut, st.wantErr)
		}
	}
}

// TestSyncPushesFollowUps: with a calendar chosen (in the window), sync
// also pushes the follow-ups there, as to-dos or events.
func TestSyncPushesFollowUps(t *testing.T) {
	keyring.MockInit()
	r := davtest.Start(t)
	book := r.MakeBook(t, "contacts")
	t.Setenv(envPassword, r.Password)
	for _, events := range []bool{false, true} {
		t.Run(map[bool]string{false: "to-dos", true: "events"}[events], func(t *testing.T) {
			ctx := context.Background()
			cal := r.MakeCalendar(t, map[bool]string{false: "todos", true: "events"}[events])
			s := &testStore{apptest.OpenStore(t)}
			apptest.Seed(t, s.Store, contacts.DayOf(apptest.Today))
			if err := app.SaveDAVSettings(ctx, s.Store, app.DAVSettings{URL: r.URL, User: r.User, Book: book, AllowHTTP: true, Calendar: cal, AsEvents: events}); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := s.run(t, testProgram(&out, nil).syncCommand()); err != nil {
				t.Fatalf("sync: %v\n%s", err, out.String())
			}
			recs, err := s.CalendarRecords(ctx, cal)
			if err != nil || len(recs) == 0 || !strings.Contains(out.String(), "Follow-ups in the calendar: Added ") {
				t.Errorf("records %d, %v; output:\n%s", len(recs), err, out.String())
			}
		})
	}
}
