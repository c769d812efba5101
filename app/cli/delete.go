package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"followthrough/contacts/sqlite"
)

func (p *program) deleteCommand() *command {
	return &command{
		Name:       "delete",
		Args:       "NAME-OR-ID",
		Summary:    "Delete a contact, with their follow-ups and history.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("delete: give one name or ID")
				}
				c, err := findContact(ctx, store, args[0])
				if err != nil {
					return fmt.Errorf("delete: %w", err)
				}
				if _, err := store.Delete(ctx, c.ID); err != nil {
					return fmt.Errorf("delete: %w", err)
				}
				fmt.Fprintf(p.stdout, "Deleted %s (#%d).\n", c.DisplayName(), c.ID)
				return nil
			}
		},
	}
}
