package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/sqlite"
)

// envPassword, when set, is the CardDAV password for the sync command,
// for scripts and machines without a keyring; envDAVPassword is its older
// name.
const (
	envPassword    = "FOLLOWTHROUGH_PASSWORD"
	envDAVPassword = "FOLLOWTHROUGH_CARDDAV_PASSWORD"
)

// ErrConflicts is why sync failed when it left conflicts to resolve: the
// exit status then is not 0, so that a script notices.
var ErrConflicts = errors.New("conflicts left to resolve in the window (Sync)")

func (p *program) syncCommand() *command {
	return &command{
		Name:       "sync",
		Summary:    "Sync with the CardDAV address book (set up in the window or with --setup). Conflicts are reported and skipped, and make the exit status 1; deletions need --yes.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			yes := fs.Bool("yes", false, "delete on each side what was deleted on the other")
			setup := fs.String("setup", "", "first set up sync with the CardDAV server at `URL` (with --user); the password comes from "+envPassword+", the keyring, or a prompt")
			user := fs.String("user", "", "with --setup, the `NAME` to sign in with")
			book := fs.String("book", "", "with --setup, the address book to sync, by `NAME` or path, when the account has several")
			allowHTTP := fs.Bool("allow-http", false, "with --setup, agree to an http:// address, which sends the password and contacts unencrypted")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 0 {
					fs.Usage()
					return errors.New("sync: takes no arguments")
				}
				if *setup != "" {
					if err := p.setUpSync(ctx, store, app.DAVSettings{URL: *setup, User: *user, Book: *book, AllowHTTP: *allowHTTP}); err != nil {
						return fmt.Errorf("sync: %w", err)
					}
				} else if *user != "" || *book != "" || *allowHTTP {
					fs.Usage()
					return errors.New("sync: --user, --book and --allow-http go with --setup")
				}
				return runSync(ctx, p.stdout, store, *yes, p.password)
			}
		},
	}
}

// setUpSync checks the account s, chooses its address book, and keeps the
// settings, and the password in the keyring when it was typed.
func (p *program) setUpSync(ctx context.Context, store *sqlite.Store, s app.DAVSettings) error {
	if s.User == "" {
		return errors.New("--setup needs --user")
	}
	if app.IsPlainHTTP(s.URL) && !s.AllowHTTP {
		return fmt.Errorf("%s is plain http: the password and every contact would cross the network unencrypted; use https, or add --allow-http to agree", s.URL)
	}
	pw, typed, err := p.password(s.URL, s.User)
	if err != nil {
		return err
	}
	client, err := app.DialAccount(s, pw)
	if err != nil {
		return err
	}
	books, err := client.AddressBooks(ctx)
	if err != nil {
		return err
	}
	book, err := chooseBook(books, s.Book)
	if err != nil {
		return err
	}
	s.Book = book.Path
	if err := app.SaveDAVSettings(ctx, store, s); err != nil {
		return err
	}
	if typed {
		if err := app.SavePassword(s.URL, s.User, pw); err != nil {
			fmt.Fprintln(p.stdout, "Note:", err)
		}
	}
	fmt.Fprintf(p.stdout, "Set up: %s at %s, address book %q.\n", s.User, s.URL, book.Name)
	return nil
}

// chooseBook picks the address book named name (its name or path), or the
// only one when name is empty.
func chooseBook(books []davsync.AddressBook, name string) (davsync.AddressBook, error) {
	var names []string
	for _, b := range books {
		if name != "" && (b.Name == name || b.Path == name || strings.Trim(b.Path, "/") == strings.Trim(name, "/")) {
			return b, nil
		}
		names = append(names, fmt.Sprintf("%q (%s)", b.Name, b.Path))
	}
	switch {
	case len(books) == 0:
		return davsync.AddressBook{}, errors.New("the account has no address book: make one on the server first")
	case name == "" && len(books) == 1:
		return books[0], nil
	case name == "":
		return davsync.AddressBook{}, fmt.Errorf("the account has %d address books; choose one with --book: %s", len(books), strings.Join(names, ", "))
	}
	return davsync.AddressBook{}, fmt.Errorf("no address book %q; the account has %s", name, strings.Join(names, ", "))
}

// password returns the password of user at url: from the environment, the
// keyring, or typed at a prompt on a terminal, and whether it was typed.
func (p *program) password(url, user string) (pw string, typed bool, err error) {
	for _, env := range []string{envPassword, envDAVPassword} {
		if pw := os.Getenv(env); pw != "" {
			return pw, false, nil
		}
	}
	if pw, err := app.LoadPassword(url, user); err == nil {
		return pw, false, nil
	}
	if p.prompt == nil {
		return "", false, fmt.Errorf("no password for %s at %s: set %s, or run this on a terminal to type it: %w", user, url, envPassword, app.ErrNoPassword)
	}
	pw, err = p.prompt(fmt.Sprintf("Password for %s at %s: ", user, url))
	if err != nil {
		return "", false, err
	}
	return pw, true, nil
}

// runSync syncs with the saved address book and reports to w.
func runSync(ctx context.Context, w io.Writer, store *sqlite.Store, yes bool, password func(url, user string) (string, bool, error)) error {
	s, err := app.LoadDAVSettings(ctx, store)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	if s.URL == "" || s.User == "" || s.Book == "" {
		return errors.New("sync: not set up: choose a server and address book in the window (Sync > Sync with a CardDAV server)")
	}
	pw, _, err := password(s.URL, s.User)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	client, err := app.DialAccount(s, pw)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	syncer := &davsync.Syncer{Store: store, Client: client, Book: s.Book}
	res, err := syncer.Sync(ctx)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	fmt.Fprintln(w, res)
	for _, cf := range res.Conflicts {
		fmt.Fprintf(w, "Conflict: %s changed on both sides; skipped, resolve it in the window.\n", cf.Name())
	}
	failed := len(res.Failed)
	for _, err := range res.Failed {
		fmt.Fprintf(w, "Failed: %v\n", err)
	}
	for _, d := range res.Deletions {
		where := "here"
		if d.OnServer {
			where = "on the server"
		}
		if !yes {
			fmt.Fprintf(w, "To delete %s: %s (run with --yes to delete)\n", where, d.Contact.DisplayName())
			continue
		}
		if err := syncer.Delete(ctx, d); err != nil {
			fmt.Fprintf(w, "Failed: %v\n", err)
			failed++
			continue
		}
		fmt.Fprintf(w, "Deleted %s: %s\n", where, d.Contact.DisplayName())
	}
	if s.Calendar != "" {
		cres, err := app.PushFollowUps(ctx, store, client, s)
		if err != nil {
			return fmt.Errorf("sync: follow-ups to %s: %w", s.Calendar, err)
		}
		fmt.Fprintf(w, "Follow-ups in the calendar: %s\n", cres)
		for _, err := range cres.Failed {
			fmt.Fprintf(w, "Failed: %v\n", err)
		}
		failed += len(cres.Failed)
	}
	if failed > 0 {
		return fmt.Errorf("sync: %s could not be synced", contacts.Plural(failed, "contact"))
	}
	if n := len(res.Conflicts); n > 0 {
		return fmt.Errorf("sync: %s: %w", contacts.Plural(n, "conflict"), ErrConflicts)
	}
	return nil
}
