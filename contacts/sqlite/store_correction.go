package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"followthrough/contacts"
)

// SaveCorrections remembers corrections, each replacing any earlier one
// for the same domain, company, field and reading. It sets their IDs.
func (s *Store) SaveCorrections(ctx context.Context, cs []contacts.Correction) error {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range cs {
			c := &cs[i]
			c.Domain = strings.ToLower(strings.TrimSpace(c.Domain))
			if c.Field == "" || c.Value == "" || c.Domain == "" && c.Company == "" {
				return fmt.Errorf("correction of %q needs a field, a value and a domain or company", c.Read)
			}
			err := tx.QueryRowContext(ctx, `INSERT INTO ocr_corrections (domain, company, field, read, value, created)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (domain, company, field, read) DO UPDATE SET value = excluded.value, created = excluded.created
				RETURNING id`, c.Domain, c.Company, c.Field, c.Read, c.Value, now.UnixMilli()).Scan(&c.ID)
			if err != nil {
				return err
			}
			c.Created = now
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: save corrections: %w", err)
	}
	return nil
}

// Corrections returns every remembered correction, newest first.
func (s *Store) Corrections(ctx context.Context) ([]contacts.Correction, error) {
	var out []contacts.Correction
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, domain, company, field, read, value, uses, created
			FROM ocr_corrections ORDER BY created DESC, id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c contacts.Correction
			var created int64
			if err := rows.Scan(&c.ID, &c.Domain, &c.Company, &c.Field, &c.Read, &c.Value, &c.Uses, &created); err != nil {
				return err
			}
			c.Created = timeOf(created)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: corrections: %w", err)
	}
	return out, nil
}

// CorrectionUsed counts one more card read with the correction id.
func (s *Store) CorrectionUsed(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE ocr_corrections SET uses = uses + 1 WHERE id = ?", id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: correction %d used: %w", id, err)
	}
	return nil
}

// DeleteCorrection forgets the correction id. Forgetting one that is not
// there is not an error.
func (s *Store) DeleteCorrection(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM ocr_corrections WHERE id = ?", id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete correction %d: %w", id, err)
	}
	return nil
}
