package cli

import (
	"bytes"
	"context"
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
	if _, err := run(); err == nil || !strings.Contains(err.Error(), envDAVPassword) {
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
