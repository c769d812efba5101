package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// importAction is what saving an imported card does.
type importAction int

const (
	importAdd   importAction = iota // a new contact
	importMerge                     // merged into its best match
	importSkip                      // not saved
)

// importCard is one card read from a .vcf file, not yet saved, with the
// stored contacts that may be the same person and what to do with it.
type importCard struct {
	contact contacts.Contact
	file    string
	matches []contacts.Match
	action  importAction
	// fromOther are the fields a merge takes from this card rather than
	// from the stored contact.
	fromOther []contacts.MergeField
}

// importBatch is what a set of .vcf files holds, read and checked against
// the store but not saved: nothing is saved until save is called, once the
// user has confirmed.
type importBatch struct {
	cards []*importCard
	// errs are the cards and lines that could not be read, each naming
	// its file and line.
	errs []error
}

// readImport reads the .vcf files at paths and looks for the same people
// in store. A duplicate is marked to be skipped, or, with merge, merged;
// the other cards are to be added.
func readImport(ctx context.Context, store *sqlite.Store, paths []string, merge bool) (importBatch, error) {
	var b importBatch
	for _, path := range paths {
		cs, err := vcf.ReadFile(path)
		if err != nil {
			b.errs = append(b.errs, splitErrors(err)...)
		}
		for _, c := range cs {
			matches, err := store.Duplicates(ctx, c)
			if err != nil {
				return b, fmt.Errorf("import: %w", err)
			}
			card := &importCard{contact: c, file: path, matches: matches}
			switch {
			case len(matches) == 0:
				card.action = importAdd
			case merge:
				card.action = importMerge
			default:
				card.action = importSkip
			}
			b.cards = append(b.cards, card)
		}
	}
	return b, nil
}

// splitErrors returns the errors joined in err, or err alone.
func splitErrors(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// importResult counts what saving a batch did.
type importResult struct {
	added, merged, skipped int
}

func (r importResult) String() string {
	parts := []string{fmt.Sprintf("Imported %s", plural(r.added, "new contact"))}
	if r.merged > 0 {
		parts = append(parts, fmt.Sprintf("merged %s into existing ones", plural(r.merged, "card")))
	}
	if r.skipped > 0 {
		parts = append(parts, fmt.Sprintf("skipped %s", plural(r.skipped, "duplicate")))
	}
	return strings.Join(parts, ", ") + "."
}

// save stores the cards of b as their actions say, all in one
// transaction: either every card is saved or, if one fails or the program
// is stopped on the way, none is. A card merged into a contact takes from
// it the fields in its fromOther and whatever the stored contact lacks;
// the stored contact's history stays.
func (b importBatch) save(ctx context.Context, store *sqlite.Store) (importResult, error) {
	var r importResult
	err := store.Transact(ctx, func(tx *sqlite.Tx) error {
		r = importResult{}
		for _, card := range b.cards {
			switch {
			case card.action == importSkip:
				r.skipped++
			case card.action == importMerge && len(card.matches) > 0:
				// The stored contact as it is now, not as it was when
				// the batch was read.
				stored, err := tx.Get(card.matches[0].Contact.ID)
				if err != nil {
					return fmt.Errorf("merge %s: %w", card.contact.DisplayName(), err)
				}
				merged := contacts.Merge(stored, card.contact, card.fromOther, contacts.DefaultRegion)
				if err := tx.MergeInto(merged, 0); err != nil {
					return err
				}
				r.merged++
			default:
				c := card.contact
				if err := tx.Add(&c); err != nil {
					return err
				}
				r.added++
			}
		}
		return nil
	})
	if err != nil {
		return importResult{}, fmt.Errorf("import: nothing was imported: %w", err)
	}
	return r, nil
}

func importCommand(stdout io.Writer) *Command {
	return &Command{
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
				b, err := readImport(ctx, store, args, *merge)
				if err != nil {
					return err
				}
				for _, e := range b.errs {
					fmt.Fprintf(stdout, "ERROR %v\n", e)
				}
				for _, card := range b.cards {
					if len(card.matches) == 0 {
						continue
					}
					m := card.matches[0]
					verb := "skip "
					if card.action == importMerge {
						verb = "merge"
					}
					fmt.Fprintf(stdout, "%s %s: %s as %s (#%d)\n", verb, card.contact.DisplayName(),
						strings.Join(m.Reasons, ", "), m.Contact.DisplayName(), m.Contact.ID)
				}
				if len(b.errs) > 0 && !*skipBad {
					return fmt.Errorf("import: %s could not be read; nothing was imported (fix the file, or use --skip-bad to import the %s that could)",
						plural(len(b.errs), "card or line"), plural(len(b.cards), "card"))
				}
				if *dryRun {
					fmt.Fprintf(stdout, "Would import %s (dry run: nothing saved).\n", plural(len(b.cards), "card"))
					return nil
				}
				fmt.Fprintf(stdout, "Saving %s…\n", plural(len(b.cards), "card"))
				r, err := b.save(ctx, store)
				if err != nil {
					return err
				}
				fmt.Fprintln(stdout, r)
				if r.skipped > 0 {
					fmt.Fprintln(stdout, "Run again with --merge to merge the duplicates into the contacts they match.")
				}
				return nil
			}
		},
	}
}
