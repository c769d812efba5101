package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func (p *program) archiveCommand() *command {
	return &command{
		Name:       "archive",
		Args:       "FILE.zip",
		Summary:    "Write everything (the database and the card images) to one archive, to restore on another computer.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("archive: give one file to write")
				}
				info, err := store.WriteArchive(ctx, args[0])
				if err != nil {
					return fmt.Errorf("archive: %w", err)
				}
				fmt.Fprintf(p.stdout, "Wrote %s and %s to %s.\nOn the other computer: followthrough restore %s\n",
					contacts.Plural(info.Contacts, "contact"), contacts.Plural(info.Images, "card image"), args[0], args[0])
				return nil
			}
		},
	}
}
