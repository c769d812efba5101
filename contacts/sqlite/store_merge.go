package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"followthrough/contacts"
)

// Duplicates returns the stored contacts that may be the same person as
// c, as SamePerson decides, best match first. c itself, if stored, is left
// out. The candidates are found through the search indexes (see
// duplicateCandidates), so the cost does not grow with the number of
// contacts that share nothing with c.
func (s *Store) Duplicates(ctx context.Context, c contacts.Contact) ([]contacts.Match, error) {
	var matches []contacts.Match
	err := s.read(ctx, func(tx *sql.Tx) error {
		query, args := duplicateCandidates(c, s.Region)
		if query == "" {
			return nil
		}
		cands, err := queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts WHERE id IN (`+query+`) AND id <> ?`,
			append(args, c.ID)...)
		if err != nil {
			return err
		}
		for _, cand := range cands {
			if reasons := contacts.SamePerson(c, cand, s.Region); len(reasons) > 0 {
				matches = append(matches, contacts.Match{Contact: cand, Reasons: reasons})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: duplicates of %q: %w", c.DisplayName(), err)
	}
	// More reasons first; among equals, the newest.
	slices.SortStableFunc(matches, func(a, b contacts.Match) int {
		if c := cmp.Compare(len(b.Reasons), len(a.Reasons)); c != 0 {
			return c
		}
		return b.Contact.Created.Compare(a.Contact.Created)
	})
	return matches, nil
}

// duplicateCandidates returns the query that selects the IDs of the
// contacts that may be the same person as c, with its arguments, or "" if
// c has nothing to compare by. The search indexes find them: those with
// every word of one of c's emails (an email's words are among a contact's
// search words), those with the first distinctive word of c's company
// ("Acme Corp." and "ACME, Inc."), and those with the digits of one of c's
// phone numbers in E.164. More are found than are the same person;
// SamePerson decides.
func duplicateCandidates(c contacts.Contact, region string) (string, []any) {
	var words []string // of contacts_fts, each a group of words that must all be there
	group := func(s string) {
		if ws := searchWords(s); len(ws) > 0 {
			words = append(words, `("`+strings.Join(ws, `" "`)+`")`)
		}
	}
	for _, e := range c.Emails {
		group(e)
	}
	if company := strings.Fields(contacts.CompanyKey(c.Company)); len(company) > 0 {
		group(company[0])
	}
	var phones []string
	for _, p := range c.Phones {
		if e, ok := contacts.NormalizePhone(p.Number, region); ok {
			phones = append(phones, `"`+contacts.Digits(e)+`"`)
		}
	}
	var parts []string
	var args []any
	if len(words) > 0 {
		parts = append(parts, "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?")
		args = append(args, strings.Join(words, " OR "))
	}
	if len(phones) > 0 {
		parts = append(parts, "SELECT rowid FROM phones_fts WHERE phones_fts MATCH ?")
		args = append(args, strings.Join(phones, " OR "))
	}
	return strings.Join(parts, " UNION "), args
}

// MergeInto stores merged, the result of Merge, in place of the contact
// with its ID, and moves to it everything of the contact otherID: its
// follow-ups, its history, and the people it introduced. The contact
// otherID is then deleted. All of it happens in one transaction. If
// otherID is 0 (a card not yet stored), only merged is stored.
//
// The follow-ups given are scheduled for the merged contact in the same
// transaction, as with Add. The card image of the contact otherID, if the
// merged contact does not keep it, is removed.
func (s *Store) MergeInto(ctx context.Context, merged contacts.Contact, otherID int64, follow ...contacts.FollowUp) error {
	now := s.now()
	var otherImage string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		otherImage, err = mergeInto(ctx, tx, merged, otherID, now, follow)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: merge %d into %d: %w", otherID, merged.ID, err)
	}
	// What cannot be removed now, CleanImages removes with the next daily backup.
	s.DropImages(ctx, otherImage)
	return nil
}

// mergeInto is MergeInto inside the transaction tx. It returns the card
// image of the contact otherID, to be removed once committed if unused.
func mergeInto(ctx context.Context, tx *sql.Tx, merged contacts.Contact, otherID int64, now time.Time, follow []contacts.FollowUp) (otherImage string, err error) {
	if otherID == merged.ID {
		return "", fmt.Errorf("contact %d merged into itself", otherID)
	}
	if err := updateContact(ctx, tx, &merged, now); err != nil {
		return "", err
	}
	for _, f := range follow {
		f.ContactID = merged.ID
		if err := insertFollowUp(ctx, tx, &f, now); err != nil {
			return "", err
		}
	}
	if otherID == 0 {
		return "", nil
	}
	if err := tx.QueryRowContext(ctx, "SELECT image FROM contacts WHERE id = ?", otherID).Scan(&otherImage); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	for _, q := range []string{
		"UPDATE follow_ups SET contact_id = ? WHERE contact_id = ?",
		"UPDATE interactions SET contact_id = ? WHERE contact_id = ?",
		"UPDATE contacts SET introduced_by_id = ? WHERE introduced_by_id = ?",
	} {
		if _, err := tx.ExecContext(ctx, q, merged.ID, otherID); err != nil {
			return "", err
		}
	}
	// Nobody introduced themselves.
	if _, err := tx.ExecContext(ctx, "UPDATE contacts SET introduced_by_id = NULL WHERE id = ? AND introduced_by_id = id", merged.ID); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE contacts SET created = min(created, coalesce((SELECT created FROM contacts WHERE id = ?), created)) WHERE id = ?", otherID, merged.ID); err != nil {
		return "", err
	}
	res, err := tx.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", otherID)
	if err != nil {
		return "", err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return "", fmt.Errorf("contact %d: %w", otherID, ErrNotFound)
	}
	return otherImage, nil
}
