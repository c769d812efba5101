package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// trashGrace is how long after its deletion a contact is kept for an undo
// before Open, or CleanImages, purges it: longer than any undo chance the
// app offers, so that a second process opening the store (the command
// line, while the window offers an undo) takes nothing from the window.
const trashGrace = 10 * time.Minute

// moveToTrash moves the contact id, with everything that hangs on it,
// into the trash tables (see migrations/008_trash.sql), and deletes it.
func moveToTrash(ctx context.Context, tx *sql.Tx, id int64, now time.Time) error {
	// A contact deleted before, restored the old way, and deleted again
	// leaves no older copy behind.
	if err := emptyTrash(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO trash (contact_id, deleted) VALUES (?, ?)", id, now.UnixMilli()); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO trash_contacts (`+insertColumns+`)
		SELECT id, full_name, given_name, family_name, title, company,
			prefix, middle_name, suffix, note, coalesce((SELECT name FROM events WHERE events.id = event_id), event), image, created, updated,
			event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra, uid,
			phonetic_given_name, phonetic_family_name
		FROM contacts WHERE id = ?`, id)
	if err != nil {
		return err
	}
	// What hangs on a contact by contact_id, in an order the rows can be
	// inserted back in (interactions point to follow-ups).
	for _, table := range []string{"phones", "emails", "websites", "addresses", "tags", "follow_ups", "interactions"} {
		if _, err := tx.ExecContext(ctx, "INSERT INTO trash_"+table+" SELECT * FROM "+table+" WHERE contact_id = ?", id); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO trash_introduced (contact_id, introduced_id)
		SELECT ?, id FROM contacts WHERE introduced_by_id = ?`, id, id)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", id)
	return err
}

// restoreFromTrash moves the contact id back from the trash tables, as it
// was deleted. It reports false if the trash does not hold it.
func restoreFromTrash(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM trash WHERE contact_id = ?", id).Scan(&n); err != nil || n == 0 {
		return false, err
	}
	// An event or an introducer deleted in the meantime is not pointed
	// to: the contact keeps their names.
	_, err := tx.ExecContext(ctx, `INSERT INTO contacts (`+insertColumns+`)
		SELECT id, full_name, given_name, family_name, title, company,
			prefix, middle_name, suffix, note, CASE WHEN event_id IN (SELECT id FROM events) THEN '' ELSE event END, image, created, updated,
			CASE WHEN event_id IN (SELECT id FROM events) THEN event_id END, met_on, introduced_by,
			CASE WHEN introduced_by_id IN (SELECT id FROM contacts) THEN introduced_by_id END,
			talked_about, cadence_ideal, cadence_max, extra, uid,
			phonetic_given_name, phonetic_family_name
		FROM trash_contacts WHERE id = ?`, id)
	if err != nil {
		return false, err
	}
	for _, table := range []string{"phones", "emails", "websites", "addresses", "tags", "follow_ups", "interactions"} {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+" SELECT * FROM trash_"+table+" WHERE contact_id = ?", id); err != nil {
			return false, err
		}
	}
	// Those they introduced point to them again, unless someone else was
	// said to have introduced them since.
	_, err = tx.ExecContext(ctx, `UPDATE contacts SET introduced_by_id = ?
		WHERE id IN (SELECT introduced_id FROM trash_introduced WHERE contact_id = ?) AND introduced_by_id IS NULL`, id, id)
	if err != nil {
		return false, err
	}
	return true, emptyTrash(ctx, tx, id)
}

// emptyTrash forgets what the trash holds of the contact id.
func emptyTrash(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM trash WHERE contact_id = ?", id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM trash_contacts WHERE id = ?", id); err != nil {
		return err
	}
	for _, table := range []string{"phones", "emails", "websites", "addresses", "tags", "follow_ups", "interactions", "introduced"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM trash_"+table+" WHERE contact_id = ?", id); err != nil {
			return err
		}
	}
	return nil
}

// Purge forgets for good the contact id that Delete kept for an undo,
// with everything that hung on it, and removes its card image and the
// image's thumbnail unless another contact uses the image. The app calls
// it when the chance to undo the deletion ends; what it does not purge,
// Open and CleanImages purge later. Purging a contact that is not
// deleted, or already purged, does nothing.
func (s *Store) Purge(ctx context.Context, id int64) error {
	if err := s.purge(ctx, "contact_id = ?", id); err != nil {
		return fmt.Errorf("sqlite: purge %d: %w", id, err)
	}
	return nil
}

// purgeOld purges the contacts deleted more than trashGrace ago.
func (s *Store) purgeOld(ctx context.Context) error {
	if !s.trash {
		return nil
	}
	return s.purge(ctx, "deleted < ?", s.now().Add(-trashGrace).UnixMilli())
}

// purge purges the deleted contacts in trash that match where.
func (s *Store) purge(ctx context.Context, where string, arg any) error {
	var images []string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT contact_id FROM trash WHERE "+where, arg)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			var image string
			err := tx.QueryRowContext(ctx, "SELECT image FROM trash_contacts WHERE id = ?", id).Scan(&image)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if image != "" {
				images = append(images, image)
			}
			if err := emptyTrash(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(images) == 0 {
		return err
	}
	_, err = s.dropUnused(ctx, images, time.Minute)
	return err
}

// removeThumbnail removes the thumbnail of the image file named name.
func (s *Store) removeThumbnail(name string) error {
	p := filepath.Join(s.dir, thumbsDir, thumbName(name))
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// thumbName is the name of the thumbnail of the image file named name.
func thumbName(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".jpg"
}
