package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"followthrough/app"
	"followthrough/contacts/sqlite"
)

func (p *program) restoreCommand() *command {
	return &command{
		Name:       "restore",
		Args:       "BACKUP.db|ARCHIVE.zip",
		Summary:    "Replace the contacts with a backup, or with an archive from another computer; what is replaced is kept as a backup.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("restore: give one backup or archive")
				}
				r, err := app.RestorePath(ctx, store, args[0])
				if err != nil {
					return fmt.Errorf("restore: %w", err)
				}
				fmt.Fprintln(p.stdout, r)
				return nil
			}
		},
	}
}
