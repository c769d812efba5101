package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"followthrough/contacts"
)

// A Batch makes many changes to a store as one: a whole import is saved,
// or, if anything fails or the program dies on the way, none of it is.
// Its methods do what the Store's methods of the same names do, inside
// the batch's transaction. A Batch is only valid inside the function given
// to Store.Batch.
type Batch struct {
	ctx    context.Context
	tx     *sql.Tx
	now    time.Time
	images []string // of contacts merged away, to remove once committed
}

// Batch runs fn with a Batch and commits all it did if fn returns nil; if
// fn fails, nothing it did is kept.
func (s *Store) Batch(ctx context.Context, fn func(b *Batch) error) error {
	b := &Batch{ctx: ctx, now: s.now()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		b.tx = tx
		return fn(b)
	})
	b.tx = nil
	if err != nil {
		return fmt.Errorf("contacts: batch: %w", err)
	}
	s.DropImages(ctx, b.images...)
	return nil
}

// Add is Store.Add in the batch.
func (b *Batch) Add(c *contacts.Contact, follow ...contacts.FollowUp) error {
	added, err := addContact(b.ctx, b.tx, *c, b.now, follow)
	if err != nil {
		return fmt.Errorf("add %q: %w", c.DisplayName(), err)
	}
	*c = added
	return nil
}

// Get is Store.Get in the batch: it sees what the batch changed.
func (b *Batch) Get(id int64) (contacts.Contact, error) {
	c, err := getContact(b.ctx, b.tx, id)
	if err != nil {
		return contacts.Contact{}, fmt.Errorf("get %d: %w", id, err)
	}
	return c, nil
}

// MergeInto is Store.MergeInto in the batch.
func (b *Batch) MergeInto(merged contacts.Contact, otherID int64, follow ...contacts.FollowUp) error {
	img, err := mergeInto(b.ctx, b.tx, merged, otherID, b.now, follow)
	if err != nil {
		return fmt.Errorf("merge %d into %d: %w", otherID, merged.ID, err)
	}
	b.images = append(b.images, img)
	return nil
}
