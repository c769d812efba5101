package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func (p *program) importCommand() *command {
	return &command{
		Name:       "import",
		Args:       "FILE.vcf...",
		Summary:    "Add contacts from .vcf files of phones and other apps (vCard 2.1, 3.0, 4.0); duplicates are skipped unless --merge.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			merge := fs.Bool("merge", false, "merge a card into the contact it duplicates (same email, phone, or name at the company) instead of skipping it")
			skipBad := fs.Bool("skip-bad", false, "import the cards that can be read even if a file holds some that cannot")
			dryRun := fs.Bool("dry-run", false, "say what would be imported, and save nothing")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) == 0 {
					fs.Usage()
					return errors.New("import: give one or more .vcf files")
				}
				b, err := app.ReadImport(ctx, store, args, *merge)
				if err != nil {
					return err
				}
				for _, e := range b.Errs {
					fmt.Fprintf(p.stdout, "ERROR %v\n", e)
				}
				for _, card := range b.Cards {
					if len(card.Matches) == 0 {
						continue
					}
					m := card.Matches[0]
					verb := "skip "
					if card.Action == app.ImportMerge {
						verb = "merge"
					}
					fmt.Fprintf(p.stdout, "%s %s: %s as %s (#%d)\n", verb, card.Contact.DisplayName(),
						strings.Join(m.Reasons, ", "), m.Contact.DisplayName(), m.Contact.ID)
				}
				if len(b.Errs) > 0 && !*skipBad {
					return fmt.Errorf("import: %s could not be read; nothing was imported (fix the file, or use --skip-bad to import the %s that could)",
						contacts.Plural(len(b.Errs), "card or line"), contacts.Plural(len(b.Cards), "card"))
				}
				if *dryRun {
					fmt.Fprintf(p.stdout, "Would import %s (dry run: nothing saved).\n", contacts.Plural(len(b.Cards), "card"))
					return nil
				}
				fmt.Fprintf(p.stdout, "Saving %s…\n", contacts.Plural(len(b.Cards), "card"))
				r, err := b.Save(ctx, store)
				if err != nil {
					return err
				}
				fmt.Fprintln(p.stdout, r)
				if r.Skipped > 0 {
					fmt.Fprintln(p.stdout, "Run again with --merge to merge the duplicates into the contacts they match.")
				}
				return nil
			}
		},
	}
}
