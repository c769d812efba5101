package contacts

import (
	"context"
	"database/sql"
	"fmt"
)

// Agenda returns what Reconnect needs to know of the people who may be on
// the reconnect list today, and of no one else: those with an open
// follow-up due within horizon days (any open follow-up, for horizon <=
// 0), and those whose cadence's gap has run out. It reads them through
// the indexes on follow-ups and on each contact's keep-in-touch day, so
// its cost grows with the length of the list, not of the address book.
//
// Each Person is light: its Contact has the names, company, event, day
// met and cadence, and its first email only when it has neither a name
// nor a company; Open holds only the earliest open follow-up; LastTalk is
// what was talked about when they met. Complete fills in the rest for the
// people about to be shown.
func (s *Store) Agenda(ctx context.Context, today Day, horizon int) ([]Person, error) {
	until := ""
	if horizon > 0 {
		until = today.AddDays(horizon).String()
	}
	var out []Person
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// A contact whose day came only by the UTC day it was added, a
		// day off its local day at most, is read a day early: Reconnect
		// decides.
		rows, err := tx.QueryContext(ctx, `WITH candidates (id) AS (
				SELECT contact_id FROM follow_ups WHERE state = 'open' AND (? = '' OR due <= ?)
				UNION
				SELECT id FROM contacts WHERE cadence_due IS NOT NULL AND cadence_due <= ?
			)
			SELECT c.id, c.full_name, c.company, c.event, c.event_id, c.met_on, c.talked_about,
				c.cadence_ideal, c.cadence_max, c.since, c.created,
				CASE WHEN c.full_name = '' AND c.company = '' THEN
					coalesce((SELECT address FROM emails WHERE contact_id = c.id ORDER BY position LIMIT 1), '')
				ELSE '' END,
				f.id, f.kind, f.due, f.line, f.created
			FROM candidates JOIN contacts c ON c.id = candidates.id
			LEFT JOIN follow_ups f ON f.id = (SELECT id FROM follow_ups
				WHERE contact_id = c.id AND state = 'open' ORDER BY due, id LIMIT 1)`,
			until, until, today.AddDays(1).String())
		if err != nil {
			return err
		}
		defer rows.Close()
		loc := s.now().Location()
		for rows.Next() {
			var p Person
			c := &p.Contact
			var eventID, fuID, fuCreated sql.NullInt64
			var metOn, since, email string
			var created int64
			var fuKind, fuDue, fuLine sql.NullString
			if err := rows.Scan(&c.ID, &c.FullName, &c.Company, &c.Event, &eventID, &metOn, &c.TalkedAbout,
				&c.Cadence.Ideal, &c.Cadence.Max, &since, &created, &email,
				&fuID, &fuKind, &fuDue, &fuLine, &fuCreated); err != nil {
				return err
			}
			c.EventID, c.MetOn, c.Created = eventID.Int64, parseDay(metOn), timeOf(created)
			if email != "" {
				c.Emails = []string{email}
			}
			if fuID.Valid {
				p.Open = []FollowUp{{ID: fuID.Int64, ContactID: c.ID, Kind: Kind(fuKind.String),
					Due: parseDay(fuDue.String), Line: fuLine.String, State: StateOpen, Created: timeOf(fuCreated.Int64)}}
			}
			p.Last = parseDay(since)
			if p.Last.IsZero() {
				p.Last = DayOf(c.Created.In(loc))
			}
			p.LastTalk = c.TalkedAbout
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("contacts: agenda for %s: %w", today, err)
	}
	return out, nil
}

// Complete fills in what Agenda leaves out of each of people: the whole
// contact, and the last thing talked about (the note of the latest
// interaction that has one, or else what was talked about when they
// met). Their follow-ups stay as they are.
func (s *Store) Complete(ctx context.Context, people []Person) error {
	if len(people) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ids := make([]int64, len(people))
		for i, p := range people {
			ids[i] = p.Contact.ID
		}
		cs, err := contactsByID(ctx, tx, ids)
		if err != nil {
			return err
		}
		byID := make(map[int64]Contact, len(cs))
		for _, c := range cs {
			byID[c.ID] = c
		}
		talk, err := tx.PrepareContext(ctx, `SELECT note FROM interactions
			WHERE contact_id = ? AND note <> '' ORDER BY on_day DESC, id DESC LIMIT 1`)
		if err != nil {
			return err
		}
		defer talk.Close()
		for i := range people {
			p := &people[i]
			c, ok := byID[p.Contact.ID]
			if !ok {
				continue // deleted since
			}
			p.Contact, p.LastTalk = c, c.TalkedAbout
			var note string
			switch err := talk.QueryRowContext(ctx, c.ID).Scan(&note); err {
			case nil:
				p.LastTalk = note
			case sql.ErrNoRows:
			default:
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("contacts: complete %d people: %w", len(people), err)
	}
	return nil
}
