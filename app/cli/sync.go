package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/sqlite"
)

// envDAVPassword, when set, is the CardDAV password for the sync command,
// for machines without a keyring.
const envDAVPassword = "FOLLOWTHROUGH_CARDDAV_PASSWORD"

func (p *program) syncCommand() *command {
	return &command{
		Name:       "sync",
		Summary:    "Sync with the CardDAV address book set up in the window. Conflicts are reported and skipped; deletions need --yes.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			yes := fs.Bool("yes", false, "delete on each side what was deleted on the other")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 0 {
					fs.Usage()
					return errors.New("sync: takes no arguments")
				}
				return runSync(ctx, p.stdout, store, *yes)
			}
		},
	}
}

// runSync syncs with the saved address book and reports to w.
func runSync(ctx context.Context, w io.Writer, store *sqlite.Store, yes bool) error {
	s, err := app.LoadDAVSettings(ctx, store)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	if s.URL == "" || s.User == "" || s.Book == "" {
		return errors.New("sync: not set up: choose a server and address book in the window (Sync > Sync with a CardDAV server)")
	}
	client, err := app.DialAccount(s, os.Getenv(envDAVPassword))
	if errors.Is(err, app.ErrNoPassword) {
		return fmt.Errorf("sync: no password for %s at %s: %w (or set %s)", s.User, s.URL, err, envDAVPassword)
	}
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
	if failed > 0 {
		return fmt.Errorf("sync: %s could not be synced", contacts.Plural(failed, "contact"))
	}
	return nil
}
