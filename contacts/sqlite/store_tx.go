package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"followthrough/contacts"
)

// A Tx is a write transaction of a store: it makes many changes as one,
// so that a whole import is saved or, if anything fails or the program
// dies on the way, none of it is. Its methods do what the Store's methods
// of the same names do, inside the transaction. A Tx is only valid inside
// the function given to Store.Transact.
type Tx struct {
	ctx    context.Context
	tx     *sql.Tx
	now    time.Time
	images []string // of contacts merged away, to remove once committed
}

// Transact runs fn with a Tx and commits all it did if fn returns nil; if
// fn fails, nothing it did is kept.
func (s *Store) Transact(ctx context.Context, fn func(b *Tx) error) error {
	b := &Tx{ctx: ctx, now: s.now()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		b.tx = tx
		return fn(b)
	})
	b.tx = nil
	if err != nil {
		return fmt.Errorf("sqlite: batch: %w", err)
	}
	s.DropImages(ctx, b.images...)
	return nil
}

// Add is Store.Add in the transaction.
func (b *Tx) Add(c *contacts.Contact, follow ...contacts.FollowUp) error {
	added, err := addContact(b.ctx, b.tx, *c, b.now, follow)
	if err != nil {
		return fmt.Errorf("add %q: %w", c.DisplayName(), err)
	}
	*c = added
	return nil
}

// Get is Store.Get in the transaction: it sees what the transaction changed.
func (b *Tx) Get(id int64) (contacts.Contact, error) {
	c, err := getContact(b.ctx, b.tx, id)
	if err != nil {
		return contacts.Contact{}, fmt.Errorf("get %d: %w", id, err)
	}
	return c, nil
}

// MergeInto is Store.MergeInto in the transaction.
func (b *Tx) MergeInto(merged contacts.Contact, otherID int64, follow ...contacts.FollowUp) error {
	img, err := mergeInto(b.ctx, b.tx, merged, otherID, b.now, follow)
	if err != nil {
		return fmt.Errorf("merge %d into %d: %w", otherID, merged.ID, err)
	}
	b.images = append(b.images, img)
	return nil
}
