package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"followthrough/contacts"
)

// A CalendarRecord is what the last push of follow-ups to a CalDAV
// calendar put there for one follow-up. The record outlives its follow-up,
// so that the next push can delete what it put.
type CalendarRecord struct {
	Calendar   string // the calendar's path on the server
	FollowUpID int64
	Href       string // the to-do's or event's path on the server
	UID        string
	ETag       string // its ETag when last pushed; "" once deleted on the server
	Hash       string // a digest of what was pushed
}

// CalendarRecords returns the records of the follow-ups pushed to
// calendar.
func (s *Store) CalendarRecords(ctx context.Context, calendar string) ([]CalendarRecord, error) {
	var rs []CalendarRecord
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT calendar, follow_up_id, href, uid, etag, synced_hash
			FROM caldav_objects WHERE calendar = ? ORDER BY follow_up_id`, calendar)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r CalendarRecord
			if err := rows.Scan(&r.Calendar, &r.FollowUpID, &r.Href, &r.UID, &r.ETag, &r.Hash); err != nil {
				return err
			}
			rs = append(rs, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: calendar records of %s: %w", calendar, err)
	}
	return rs, nil
}

// SaveCalendarRecord stores r, replacing the record of the same follow-up
// in the same calendar.
func (s *Store) SaveCalendarRecord(ctx context.Context, r CalendarRecord) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if r.Calendar == "" || r.Href == "" || r.FollowUpID <= 0 {
			return errors.New("record without calendar, href or follow-up")
		}
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO caldav_objects
			(calendar, follow_up_id, href, uid, etag, synced_hash) VALUES (?, ?, ?, ?, ?, ?)`,
			r.Calendar, r.FollowUpID, r.Href, r.UID, r.ETag, r.Hash)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: save calendar record %s: %w", r.Href, err)
	}
	return nil
}

// DeleteCalendarRecord forgets what was pushed to calendar for the
// follow-up id.
func (s *Store) DeleteCalendarRecord(ctx context.Context, calendar string, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM caldav_objects WHERE calendar = ? AND follow_up_id = ?", calendar, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete calendar record %d: %w", id, err)
	}
	return nil
}

// EveryFollowUp returns every follow-up, open, done or cancelled, with its
// contact, ordered by ID: what a push to a calendar goes through.
func (s *Store) EveryFollowUp(ctx context.Context) ([]contacts.FollowUp, map[int64]contacts.Contact, error) {
	var fus []contacts.FollowUp
	people := make(map[int64]contacts.Contact)
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+followUpColumns+" FROM follow_ups f ORDER BY f.id")
		if err != nil {
			return err
		}
		defer rows.Close()
		var ids []int64
		for rows.Next() {
			f, err := scanFollowUp(rows)
			if err != nil {
				return err
			}
			fus = append(fus, f)
			if _, ok := people[f.ContactID]; !ok {
				people[f.ContactID] = contacts.Contact{}
				ids = append(ids, f.ContactID)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		cs, err := contactsByID(ctx, tx, ids)
		for _, c := range cs {
			people[c.ID] = c
		}
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: every follow-up: %w", err)
	}
	return fus, people, nil
}
