package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"followthrough/contacts"
)

// A SyncRecord is what the last sync with a CardDAV address book saw of
// one contact: where its card is on the server, the card's ETag then, and
// the contact's hash then (vcf.CardHash). The record outlives its contact, so that the
// next sync can tell a contact deleted here from one never synced.
type SyncRecord struct {
	Book      string // the address book's path on the server
	Href      string // the card's path on the server
	ContactID int64
	UID       string // the card's UID
	ETag      string // the card's ETag when last synced
	Hash      string // vcf.CardHash of the contact when last synced
	// Card is the card as the server last sent it, or "" if it was
	// pushed from here; vcf.SyncCard keeps what it has that the app does not.
	Card string
}

// SyncRecords returns the records of the contacts synced with book.
func (s *Store) SyncRecords(ctx context.Context, book string) ([]SyncRecord, error) {
	var rs []SyncRecord
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT book, href, contact_id, uid, etag, synced_hash, card
			FROM carddav_objects WHERE book = ? ORDER BY href`, book)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r SyncRecord
			if err := rows.Scan(&r.Book, &r.Href, &r.ContactID, &r.UID, &r.ETag, &r.Hash, &r.Card); err != nil {
				return err
			}
			rs = append(rs, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: sync records of %s: %w", book, err)
	}
	return rs, nil
}

// SaveSyncRecord stores r, replacing the record of the same card and any
// other record of the same contact in the same address book.
func (s *Store) SaveSyncRecord(ctx context.Context, r SyncRecord) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return saveSyncRecord(ctx, tx, r) })
	if err != nil {
		return fmt.Errorf("sqlite: save sync record %s: %w", r.Href, err)
	}
	return nil
}

func saveSyncRecord(ctx context.Context, tx *sql.Tx, r SyncRecord) error {
	if r.Book == "" || r.Href == "" || r.ContactID <= 0 {
		return errors.New("record without address book, href or contact")
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM carddav_objects WHERE book = ? AND (href = ? OR contact_id = ?)",
		r.Book, r.Href, r.ContactID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO carddav_objects
		(book, href, contact_id, uid, etag, synced_hash, card) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		r.Book, r.Href, r.ContactID, r.UID, r.ETag, r.Hash, r.Card)
	return err
}

// DeleteSyncRecord forgets the card at href in book.
func (s *Store) DeleteSyncRecord(ctx context.Context, book, href string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM carddav_objects WHERE book = ? AND href = ?", book, href)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete sync record %s: %w", href, err)
	}
	return nil
}

// AddSynced adds c, a contact pulled from a server, and its record r in
// one transaction, so that a sync cut short never pulls the same card
// twice. It sets c as Add does, and returns r with its ContactID and Hash
// set from the stored contact by hash (vcf.CardHash).
func (s *Store) AddSynced(ctx context.Context, c *contacts.Contact, r SyncRecord, hash func(contacts.Contact) string) (SyncRecord, error) {
	now := s.now()
	var added contacts.Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if added, err = addContact(ctx, tx, *c, now, nil); err != nil {
			return err
		}
		added, r, err = recordSynced(ctx, tx, added.ID, r, hash)
		return err
	})
	if err != nil {
		return SyncRecord{}, fmt.Errorf("sqlite: add synced %q: %w", c.DisplayName(), err)
	}
	*c = added
	return r, nil
}

// UpdateSynced replaces the stored contact with c's ID by c, a contact
// pulled from a server, and stores its record r, in one transaction, so
// that a sync cut short never leaves a contact changed whose record says
// otherwise. It returns r with its ContactID and Hash set from the stored
// contact by hash (vcf.CardHash).
func (s *Store) UpdateSynced(ctx context.Context, c contacts.Contact, r SyncRecord, hash func(contacts.Contact) string) (SyncRecord, error) {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := updateContact(ctx, tx, &c, now); err != nil {
			return err
		}
		var err error
		_, r, err = recordSynced(ctx, tx, c.ID, r, hash)
		return err
	})
	if err != nil {
		return SyncRecord{}, fmt.Errorf("sqlite: update synced %d: %w", c.ID, err)
	}
	return r, nil
}

// recordSynced saves r as the record of the stored contact id, with the
// hash of the contact as stored, which can differ from what was given
// (tags come back sorted): the hash the next sync will compute.
func recordSynced(ctx context.Context, tx *sql.Tx, id int64, r SyncRecord, hash func(contacts.Contact) string) (contacts.Contact, SyncRecord, error) {
	stored, err := getContact(ctx, tx, id)
	if err != nil {
		return contacts.Contact{}, r, err
	}
	r.ContactID, r.Hash = id, hash(stored)
	return stored, r, saveSyncRecord(ctx, tx, r)
}

// DeleteSynced deletes the contact of r and forgets r in one transaction,
// and returns the contact as it was. The contact need not exist.
func (s *Store) DeleteSynced(ctx context.Context, r SyncRecord) (contacts.Contact, error) {
	var c contacts.Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = getContact(ctx, tx, r.ContactID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", r.ContactID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM carddav_objects WHERE book = ? AND href = ?", r.Book, r.Href)
		return err
	})
	if err != nil {
		return contacts.Contact{}, fmt.Errorf("sqlite: delete synced %d: %w", r.ContactID, err)
	}
	// There is no undo: the card image goes with the contact. What cannot
	// be removed now, CleanImages removes with the next daily backup.
	s.DropImages(ctx, c.Image)
	return c, nil
}
