package app

import (
	"context"
	"io"
	"log"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// WriteFileAtomic writes the file at path through write, replacing path
// only once the whole file is on disk, so a failure or a crash never leaves
// half a file. Files of contacts are readable by their owner only.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return sqlite.WriteFileAtomic(path, 0o600, write)
}

// ExportOptions say how to write a .vcf file.
type ExportOptions struct {
	V4 bool // vCard 4.0 rather than 3.0
	// Store, if set, is where the card images are, to include each as
	// the contact's photo.
	Store *sqlite.Store
}

// WriteVCardsFile writes cs to the .vcf file at path as opts say. A card
// image that cannot be read is left out, and the contact written without.
func WriteVCardsFile(path string, opts ExportOptions, cs []contacts.Contact) error {
	_, err := WriteVCardsFrom(context.Background(), path, opts, ContactsOf(cs))
	return err
}

// ContactSource hands contacts to fn a batch at a time, as
// Store.EachContact does.
type ContactSource func(ctx context.Context, fn func([]contacts.Contact) error) error

// ContactsOf is the source of the contacts cs, in one batch.
func ContactsOf(cs []contacts.Contact) ContactSource {
	return func(_ context.Context, fn func([]contacts.Contact) error) error { return fn(cs) }
}

// WriteVCardsFrom writes the contacts of src to the .vcf file at path as
// opts say, a batch at a time, so that exporting a hundred thousand never
// holds them all, and replaces the file only once all are written. It
// returns how many it wrote.
func WriteVCardsFrom(ctx context.Context, path string, opts ExportOptions, src ContactSource) (int, error) {
	var prepare func(contacts.Contact) contacts.Contact
	if opts.Store != nil {
		prepare = func(c contacts.Contact) contacts.Contact { return withPhoto(opts.Store, c, opts.V4) }
	}
	n := 0
	err := WriteFileAtomic(path, func(w io.Writer) error {
		var err error
		n, err = vcf.Export(ctx, w, src, opts.V4, prepare)
		return err
	})
	return n, err
}

// withPhoto returns c with its card image as the contact's photo; without
// it if the image cannot be read.
func withPhoto(store *sqlite.Store, c contacts.Contact, v4 bool) contacts.Contact {
	if c.Image == "" {
		return c
	}
	photo, err := vcf.CardPhoto(store.ImagePath(c.Image))
	if err != nil {
		log.Printf("export: %s: %v", c.DisplayName(), err)
		return c
	}
	return vcf.WithPhoto(c, photo, v4)
}

// ExportICS writes every open follow-up to the iCalendar file at path,
// replacing it only once the whole file is written, stamped as written
// at now.
func ExportICS(ctx context.Context, store *sqlite.Store, path string, now time.Time, opts ...ics.Options) (int, error) {
	people, err := store.People(ctx)
	if err != nil {
		return 0, err
	}
	var items []ics.Item
	for _, p := range people {
		for _, f := range p.Open {
			items = append(items, ics.Item{FollowUp: f, Contact: p.Contact})
		}
	}
	if len(items) == 0 {
		return 0, ics.ErrNothingToExport
	}
	err = WriteFileAtomic(path, func(w io.Writer) error { return ics.Write(w, items, now, opts...) })
	return len(items), err
}
