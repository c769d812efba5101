package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"followthrough/app"
	"followthrough/contacts/sqlite"
)

func (p *program) exportICSCommand() *command {
	return &command{
		Name:       "export-ics",
		Args:       "FILE",
		Summary:    fmt.Sprintf("Write the follow-ups as an iCalendar file (.ics) for a phone's calendar or tasks: the open ones, and those closed in the last %d days, to close them there.", app.ClosedExportDays),
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			as := fs.String("as", app.CalendarToDos, "write each follow-up as one of `todos` (for task apps) or events (for calendars that ignore to-dos, such as khal)")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export-ics: give one file to write")
				}
				as, err := app.ParseCalendarAs(*as)
				if err != nil {
					fs.Usage()
					return fmt.Errorf("export-ics: --as: %w", err)
				}
				e, err := app.ExportICS(ctx, store, args[0], p.clock.Now(), as)
				if err != nil {
					return fmt.Errorf("export-ics: %w", err)
				}
				fmt.Fprintf(p.stdout, "Wrote %s to %s\n", e, args[0])
				return nil
			}
		},
	}
}
