package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func (p *program) backupCommand() *command {
	return &command{
		Name:       "backup",
		Summary:    "Back up the database now (the app also does it on start, once a day); --list lists the backups.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			list := fs.Bool("list", false, "list the backups instead, newest first")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 0 {
					fs.Usage()
					return errors.New("backup: takes no arguments")
				}
				if *list {
					return listBackups(p.stdout, store, p.dates)
				}
				b, err := store.Backup(ctx)
				if err != nil {
					return fmt.Errorf("backup: %w", err)
				}
				fmt.Fprintf(p.stdout, "Backed up to %s (%s).\nRestore it with: followthrough restore %s\n", b.Path, app.ByteSize(b.Size), b.Path)
				return nil
			}
		},
	}
}

// listBackups lists the backups of store, their times written in dates.
func listBackups(w io.Writer, store *sqlite.Store, dates contacts.DateFormat) error {
	bs, err := store.Backups()
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if len(bs) == 0 {
		fmt.Fprintf(w, "No backups yet in %s.\n", store.BackupsDir())
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, b := range bs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", dates.Time(b.Time.Local()), backupKind(b), app.ByteSize(b.Size), b.Path)
	}
	return tw.Flush()
}

// backupKind says in a word what a backup is.
func backupKind(b sqlite.Backup) string {
	if b.BeforeRestore {
		return "before a restore"
	}
	return "backup"
}
