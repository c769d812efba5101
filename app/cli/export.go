package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime/debug"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func (p *program) exportCommand() *command {
	return &command{
		Name:       "export",
		Args:       "FILE",
		Summary:    "Write contacts to a .vcf file for a phone: everyone, or one event's or one tag's people.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			event := fs.String("event", "", "only the people met at the event `NAME`")
			tag := fs.String("tag", "", "only the people tagged `T`")
			v4 := fs.Bool("v4", false, "write vCard 4.0 instead of 3.0, which every phone imports")
			photo := fs.Bool("photo", false, "include each card's image, scaled down, as the contact's photo")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export: give one file to write")
				}
				f := sqlite.Filter{Tag: *tag}
				if *event != "" {
					e, err := store.EventByName(ctx, *event)
					if err != nil {
						return fmt.Errorf("export: no event called %q", *event)
					}
					f.EventID = e.ID
				}
				if n, err := store.FindCount(ctx, f); err != nil || n == 0 {
					return errors.Join(err, errors.New("export: no contacts to export"))
				}
				opts := app.ExportOptions{V4: *v4}
				if *photo {
					opts.Store = store
				}
				// An export of everyone makes a great deal of short-lived
				// garbage in a process that ends with it: collecting it
				// less often takes a tenth off the time, for a few tens of
				// megabytes.
				defer debug.SetGCPercent(debug.SetGCPercent(400))
				n, err := app.WriteVCardsFrom(ctx, args[0], opts, func(ctx context.Context, fn func([]contacts.Contact) error) error {
					return store.EachContact(ctx, f, fn)
				})
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(p.stdout, "Wrote %s to %s\n", contacts.Plural(n, "contact"), args[0])
				return nil
			}
		},
	}
}
