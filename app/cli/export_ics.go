package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/ics"
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
			as := fs.String("as", "todos", "write each follow-up as one of `todos` (for task apps) or events (for calendars that ignore to-dos, such as khal)")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export-ics: give one file to write")
				}
				opts := ics.Options{As: ics.ToDos}
				switch *as {
				case "todos", "to-dos", "todo":
				case "events", "event":
					opts.As = ics.Events
				default:
					fs.Usage()
					return fmt.Errorf("export-ics: --as %q: give todos or events", *as)
				}
				n, err := app.ExportICS(ctx, store, args[0], p.clock.Now(), opts)
				if err != nil {
					return fmt.Errorf("export-ics: %w", err)
				}
				fmt.Fprintf(p.stdout, "Wrote %s to %s\n", contacts.Plural(n, "follow-up"), args[0])
				return nil
			}
		},
	}
}
