package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func (p *program) exportICSCommand() *command {
	return &command{
		Name:       "export-ics",
		Args:       "FILE",
		Summary:    "Write the open follow-ups as an iCalendar file (.ics) for a phone's calendar or tasks.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export-ics: give one file to write")
				}
				n, err := app.ExportICS(ctx, store, args[0], p.clock.Now())
				if err != nil {
					return fmt.Errorf("export-ics: %w", err)
				}
				fmt.Fprintf(p.stdout, "Wrote %s to %s\n", contacts.Plural(n, "follow-up"), args[0])
				return nil
			}
		},
	}
}
