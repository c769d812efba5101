package app

import (
	"context"
	"fmt"
	"strings"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// ImportAction is what saving an imported card does.
type ImportAction int

const (
	ImportAdd   ImportAction = iota // a new contact
	ImportMerge                     // merged into its best match
	ImportSkip                      // not saved
)

// ImportCard is one card read from a .vcf file, not yet saved, with the
// stored contacts that may be the same person and what to do with it.
type ImportCard struct {
	Contact contacts.Contact
	File    string
	Matches []contacts.Match
	Action  ImportAction
	// FromOther are the fields a merge takes from this card rather than
	// from the stored contact.
	FromOther []contacts.MergeField
}

// ImportBatch is what a set of .vcf files holds, read and checked against
// the store but not saved: nothing is saved until save is called, once the
// user has confirmed.
type ImportBatch struct {
	Cards []*ImportCard
	// Errs are the cards and lines that could not be read, each naming
	// its file and line.
	Errs []error
}

// ReadImport reads the .vcf files at paths and looks for the same people
// in store. A duplicate is marked to be skipped, or, with merge, merged;
// the other cards are to be added.
func ReadImport(ctx context.Context, store *sqlite.Store, paths []string, merge bool) (ImportBatch, error) {
	var b ImportBatch
	for _, path := range paths {
		cs, err := vcf.ReadFile(path)
		if err != nil {
			b.Errs = append(b.Errs, splitErrors(err)...)
		}
		for _, c := range cs {
			matches, err := store.Duplicates(ctx, c)
			if err != nil {
				return b, fmt.Errorf("import: %w", err)
			}
			card := &ImportCard{Contact: c, File: path, Matches: matches}
			switch {
			case len(matches) == 0:
				card.Action = ImportAdd
			case merge:
				card.Action = ImportMerge
			default:
				card.Action = ImportSkip
			}
			b.Cards = append(b.Cards, card)
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

// ImportResult counts what saving a batch did.
type ImportResult struct {
	Added, Merged, Skipped int
}

func (r ImportResult) String() string {
	parts := []string{fmt.Sprintf("Imported %s", contacts.Plural(r.Added, "new contact"))}
	if r.Merged > 0 {
		parts = append(parts, fmt.Sprintf("merged %s into existing ones", contacts.Plural(r.Merged, "card")))
	}
	if r.Skipped > 0 {
		parts = append(parts, fmt.Sprintf("skipped %s", contacts.Plural(r.Skipped, "duplicate")))
	}
	return strings.Join(parts, ", ") + "."
}

// Save stores the cards of b as their actions say, all in one
// transaction: either every card is saved or, if one fails or the program
// is stopped on the way, none is. A card merged into a contact takes from
// it the fields in its fromOther and whatever the stored contact lacks;
// the stored contact's history stays.
func (b ImportBatch) Save(ctx context.Context, store *sqlite.Store) (ImportResult, error) {
	var r ImportResult
	err := store.Transact(ctx, func(tx *sqlite.Tx) error {
		r = ImportResult{}
		for _, card := range b.Cards {
			switch {
			case card.Action == ImportSkip:
				r.Skipped++
			case card.Action == ImportMerge && len(card.Matches) > 0:
				// The stored contact as it is now, not as it was when
				// the batch was read.
				stored, err := tx.Get(card.Matches[0].Contact.ID)
				if err != nil {
					return fmt.Errorf("merge %s: %w", card.Contact.DisplayName(), err)
				}
				merged := contacts.Merge(stored, card.Contact, card.FromOther, store.Region)
				if err := tx.MergeInto(merged, 0); err != nil {
					return err
				}
				r.Merged++
			default:
				c := card.Contact
				if err := tx.Add(&c); err != nil {
					return err
				}
				r.Added++
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("import: nothing was imported: %w", err)
	}
	return r, nil
}
