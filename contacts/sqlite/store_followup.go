package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"followthrough/contacts"
)

// AddEvent stores e as a new event and sets its ID.
func (s *Store) AddEvent(ctx context.Context, e *contacts.Event) error {
	e.Name = strings.TrimSpace(contacts.CleanLine(e.Name))
	e.Place, e.Notes = contacts.CleanLine(e.Place), contacts.CleanText(e.Notes)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if e.Name == "" {
			return errors.New("an event needs a name")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO events (name, start_day, end_day, place, notes, created)
			VALUES (?, ?, ?, ?, ?, ?)`, e.Name, e.Start.String(), e.End.String(), e.Place, e.Notes, s.now().UnixMilli())
		if err != nil {
			return err
		}
		e.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: add event %q: %w", e.Name, err)
	}
	return nil
}

// UpdateEvent replaces the stored event that has e's ID with e. The
// contacts met there follow a change of name.
func (s *Store) UpdateEvent(ctx context.Context, e contacts.Event) error {
	e.Name = contacts.CleanLine(e.Name)
	e.Place, e.Notes = contacts.CleanLine(e.Place), contacts.CleanText(e.Notes)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE events SET name = ?, start_day = ?, end_day = ?, place = ?, notes = ?
			WHERE id = ?`, strings.TrimSpace(e.Name), e.Start.String(), e.End.String(), e.Place, e.Notes, e.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: update event %d: %w", e.ID, err)
	}
	return nil
}

// DeleteEvent removes an event. The people met there keep the event's
// name in their own record.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The contacts let go of the event here rather than by the foreign
		// key's SET NULL, which would run the search trigger a second time
		// without its OR IGNORE.
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET event = (SELECT name FROM events WHERE id = ?), event_id = NULL
			WHERE event_id = ?`, id, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM events WHERE id = ?", id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete event %d: %w", id, err)
	}
	return nil
}

const eventColumns = "id, name, start_day, end_day, place, notes"

func scanEvent(row interface{ Scan(...any) error }) (contacts.Event, error) {
	var e contacts.Event
	var start, end string
	err := row.Scan(&e.ID, &e.Name, &start, &end, &e.Place, &e.Notes)
	e.Start, e.End = parseDay(start), parseDay(end)
	return e, err
}

// GetEvent returns the event with the given ID.
func (s *Store) GetEvent(ctx context.Context, id int64) (contacts.Event, error) {
	return s.oneEvent(ctx, "id = ?", id)
}

// EventByName returns the event with the given name, ignoring case.
func (s *Store) EventByName(ctx context.Context, name string) (contacts.Event, error) {
	return s.oneEvent(ctx, "name = ?", strings.TrimSpace(name))
}

func (s *Store) oneEvent(ctx context.Context, where string, arg any) (contacts.Event, error) {
	var e contacts.Event
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = scanEvent(tx.QueryRowContext(ctx, "SELECT "+eventColumns+" FROM events WHERE "+where, arg))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return contacts.Event{}, fmt.Errorf("sqlite: event %v: %w", arg, err)
	}
	return e, nil
}

// Events returns every event, the latest first.
func (s *Store) Events(ctx context.Context) ([]contacts.Event, error) {
	var es []contacts.Event
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events ORDER BY start_day DESC, name")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanEvent(rows)
			if err != nil {
				return err
			}
			es = append(es, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return es, nil
}

// EventPeople returns everyone met at the event, by name.
func (s *Store) EventPeople(ctx context.Context, eventID int64) ([]contacts.EventPerson, error) {
	cs, err := s.Find(ctx, Filter{EventID: eventID})
	if err != nil {
		return nil, err
	}
	var out []contacts.EventPerson
	err = s.read(ctx, func(tx *sql.Tx) error {
		open, err := openFollowUps(ctx, tx, "f.contact_id IN (SELECT id FROM contacts WHERE event_id = ?)", eventID)
		if err != nil {
			return err
		}
		done := map[int64]bool{}
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT contact_id FROM interactions
			WHERE kind <> 'met' AND contact_id IN (SELECT id FROM contacts WHERE event_id = ?)`, eventID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			done[id] = true
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range cs {
			out = append(out, contacts.EventPerson{Contact: c, FollowedUp: done[c.ID], Open: open[c.ID]})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: people of event %d: %w", eventID, err)
	}
	sortByName(out, func(p contacts.EventPerson) string { return p.Contact.DisplayName() })
	return out, nil
}

// Tags returns every tag in use, sorted, each once.
func (s *Store) Tags(ctx context.Context) ([]string, error) {
	var tags []string
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT DISTINCT tag FROM tags ORDER BY tag COLLATE NOCASE")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				return err
			}
			tags = append(tags, t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: tags: %w", err)
	}
	return tags, nil
}

const followUpColumns = "f.id, f.uid, f.contact_id, f.kind, f.due, f.line, f.state, f.done_on, f.outcome, f.created, f.sequence, f.modified"

func scanFollowUp(row interface{ Scan(...any) error }) (contacts.FollowUp, error) {
	var f contacts.FollowUp
	var due, doneOn string
	var created, modified int64
	err := row.Scan(&f.ID, &f.UID, &f.ContactID, &f.Kind, &due, &f.Line, &f.State, &doneOn, &f.Outcome, &created, &f.Sequence, &modified)
	f.Due, f.DoneOn = parseDay(due), parseDay(doneOn)
	f.Created = timeOf(created)
	if modified != 0 {
		f.Modified = timeOf(modified)
	}
	return f, err
}

// changed is what an UPDATE of a follow-up that changes what a calendar
// shows of it sets besides: one more change, made at the time its
// argument gives (Unix milliseconds).
const changed = "sequence = sequence + 1, modified = ?"

// AddFollowUp schedules f and sets its ID, State (open) and Created, and
// its UID if it has none.
func (s *Store) AddFollowUp(ctx context.Context, f *contacts.FollowUp) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return insertFollowUp(ctx, tx, f, s.now()) })
	if err != nil {
		return fmt.Errorf("sqlite: add follow-up for %d: %w", f.ContactID, err)
	}
	return nil
}

// insertFollowUp is AddFollowUp inside the transaction tx.
func insertFollowUp(ctx context.Context, tx *sql.Tx, f *contacts.FollowUp, created time.Time) error {
	switch {
	case f.Due.IsZero():
		return errors.New("a follow-up needs a due day")
	case f.Kind == "":
		return errors.New("a follow-up needs a kind")
	}
	if f.UID == "" {
		f.UID = contacts.NewUID()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO follow_ups (uid, contact_id, kind, due, line, state, created)
		VALUES (?, ?, ?, ?, ?, 'open', ?)`, f.UID, f.ContactID, string(f.Kind), f.Due.String(), strings.TrimSpace(contacts.CleanLine(f.Line)), created.UnixMilli())
	if err != nil {
		return err
	}
	f.ID, err = res.LastInsertId()
	f.State, f.Created = contacts.StateOpen, created
	return err
}

// UpdateFollowUp changes an open follow-up's kind, day or line: to
// reschedule or snooze it.
func (s *Store) UpdateFollowUp(ctx context.Context, f contacts.FollowUp) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if f.Due.IsZero() {
			return errors.New("a follow-up needs a due day")
		}
		res, err := tx.ExecContext(ctx, `UPDATE follow_ups SET kind = ?, due = ?, line = ?, `+changed+`
			WHERE id = ? AND state = 'open'`, string(f.Kind), f.Due.String(), strings.TrimSpace(contacts.CleanLine(f.Line)), s.now().UnixMilli(), f.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, fmt.Errorf("no open follow-up %d: %w", f.ID, ErrNotFound))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: update follow-up %d: %w", f.ID, err)
	}
	return nil
}

// SnoozeFollowUp puts an open follow-up off to the day to, on today. A
// snooze only moves a follow-up later: a day that is not after its due day,
// or is already past, is refused with contacts.ErrNotLater (see
// contacts.Snooze).
func (s *Store) SnoozeFollowUp(ctx context.Context, id int64, today, to contacts.Day) error {
	return s.moveFollowUp(ctx, "snooze", id, to, func(f contacts.FollowUp) error {
		return contacts.CheckSnooze(f.Due, today, to)
	})
}

// RescheduleFollowUp moves an open follow-up to the day to, earlier or
// later, on today; a day already past is refused with
// contacts.ErrPastDay.
func (s *Store) RescheduleFollowUp(ctx context.Context, id int64, today, to contacts.Day) error {
	return s.moveFollowUp(ctx, "reschedule", id, to, func(contacts.FollowUp) error {
		return contacts.CheckReschedule(today, to)
	})
}

// moveFollowUp moves the open follow-up id to the day to, if allowed
// says it may go.
func (s *Store) moveFollowUp(ctx context.Context, what string, id int64, to contacts.Day, allowed func(contacts.FollowUp) error) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		f, err := scanFollowUp(tx.QueryRowContext(ctx, "SELECT "+followUpColumns+" FROM follow_ups f WHERE f.id = ? AND f.state = 'open'", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("no open follow-up %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := allowed(f); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE follow_ups SET due = ?, "+changed+" WHERE id = ?", to.String(), s.now().UnixMilli(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: %s follow-up %d: %w", what, id, err)
	}
	return nil
}

// GetFollowUp returns the follow-up with the given ID.
func (s *Store) GetFollowUp(ctx context.Context, id int64) (contacts.FollowUp, error) {
	var f contacts.FollowUp
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		f, err = scanFollowUp(tx.QueryRowContext(ctx, "SELECT "+followUpColumns+" FROM follow_ups f WHERE f.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return contacts.FollowUp{}, fmt.Errorf("sqlite: follow-up %d: %w", id, err)
	}
	return f, nil
}

// CompleteFollowUp marks an open follow-up done on the day given, with a
// one-line outcome, and logs it as an interaction, which resets the
// contact's keep-in-touch clock. Both happen or neither does.
func (s *Store) CompleteFollowUp(ctx context.Context, id int64, on contacts.Day, outcome string) (contacts.Interaction, error) {
	var it contacts.Interaction
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		f, err := scanFollowUp(tx.QueryRowContext(ctx, "SELECT "+followUpColumns+" FROM follow_ups f WHERE f.id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if f.State != contacts.StateOpen {
			return fmt.Errorf("it is %s, not open", f.State)
		}
		outcome = strings.TrimSpace(contacts.CleanLine(outcome))
		if _, err := tx.ExecContext(ctx, "UPDATE follow_ups SET state = 'done', done_on = ?, outcome = ?, "+changed+" WHERE id = ?",
			on.String(), outcome, s.now().UnixMilli(), id); err != nil {
			return err
		}
		it = contacts.Interaction{ContactID: f.ContactID, Kind: f.Kind, On: on, Note: outcome, FollowUpID: id}
		return insertInteraction(ctx, tx, &it, s.now().UnixMilli())
	})
	if err != nil {
		return contacts.Interaction{}, fmt.Errorf("sqlite: complete follow-up %d: %w", id, err)
	}
	return it, nil
}

// ReopenFollowUp undoes CompleteFollowUp, moments after: the follow-up
// done is open again exactly as it was, was (as GetFollowUp read it
// before), its count of changes and time of the last one too, and the
// interaction that logged it, logged, is gone, so the keep-in-touch clock
// counts as before. Both happen or neither does. A calendar given the
// done follow-up in between keeps it done: the undo is for a slip of the
// mouse, not for a follow-up done long ago.
func (s *Store) ReopenFollowUp(ctx context.Context, was contacts.FollowUp, logged int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if was.State != contacts.StateOpen {
			return fmt.Errorf("it was %s, not open", was.State)
		}
		var modified int64
		if !was.Modified.IsZero() {
			modified = was.Modified.UnixMilli()
		}
		res, err := tx.ExecContext(ctx, `UPDATE follow_ups SET state = 'open', done_on = ?, outcome = ?, sequence = ?, modified = ?
			WHERE id = ? AND state = 'done'`, was.DoneOn.String(), was.Outcome, was.Sequence, modified, was.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, fmt.Errorf("no follow-up %d done: %w", was.ID, ErrNotFound))
		}
		return deleteInteraction(ctx, tx, logged, was.ID)
	})
	if err != nil {
		return fmt.Errorf("sqlite: reopen follow-up %d: %w", was.ID, err)
	}
	return nil
}

// DeleteInteraction takes back an interaction logged on its own, not by
// completing a follow-up (ReopenFollowUp takes those back).
func (s *Store) DeleteInteraction(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return deleteInteraction(ctx, tx, id, 0) })
	if err != nil {
		return fmt.Errorf("sqlite: delete interaction %d: %w", id, err)
	}
	return nil
}

// deleteInteraction deletes the interaction id, which logged the
// follow-up followUp (0 for none).
func deleteInteraction(ctx context.Context, tx *sql.Tx, id, followUp int64) error {
	res, err := tx.ExecContext(ctx, "DELETE FROM interactions WHERE id = ? AND coalesce(follow_up_id, 0) = ?", id, followUp)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(err, fmt.Errorf("no interaction %d: %w", id, ErrNotFound))
	}
	return nil
}

// CancelFollowUp drops an open follow-up; it stays in the history.
func (s *Store) CancelFollowUp(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE follow_ups SET state = 'cancelled', "+changed+" WHERE id = ? AND state = 'open'", s.now().UnixMilli(), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, fmt.Errorf("no open follow-up %d: %w", id, ErrNotFound))
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: cancel follow-up %d: %w", id, err)
	}
	return nil
}

// FollowUps returns every follow-up of a contact, whatever its state, the
// latest due first.
func (s *Store) FollowUps(ctx context.Context, contactID int64) ([]contacts.FollowUp, error) {
	var fs []contacts.FollowUp
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+followUpColumns+" FROM follow_ups f WHERE f.contact_id = ? ORDER BY f.due DESC, f.id DESC", contactID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			f, err := scanFollowUp(rows)
			if err != nil {
				return err
			}
			fs = append(fs, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: follow-ups of %d: %w", contactID, err)
	}
	return fs, nil
}

// LogInteraction records something that happened with a contact and sets
// its ID.
func (s *Store) LogInteraction(ctx context.Context, it *contacts.Interaction) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		switch {
		case it.On.IsZero():
			return errors.New("an interaction needs a day")
		case it.Kind == "":
			return errors.New("an interaction needs a kind")
		}
		return insertInteraction(ctx, tx, it, s.now().UnixMilli())
	})
	if err != nil {
		return fmt.Errorf("sqlite: log interaction with %d: %w", it.ContactID, err)
	}
	return nil
}

// LogInteractions records many interactions, as LogInteraction does, in
// one transaction: all or none.
func (s *Store) LogInteractions(ctx context.Context, its []contacts.Interaction) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		created := s.now().UnixMilli()
		for i := range its {
			it := &its[i]
			if it.On.IsZero() || it.Kind == "" {
				return fmt.Errorf("interaction %d with %d: it needs a day and a kind", i, it.ContactID)
			}
			if err := insertInteraction(ctx, tx, it, created); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: log %d interactions: %w", len(its), err)
	}
	return nil
}

func insertInteraction(ctx context.Context, tx *sql.Tx, it *contacts.Interaction, created int64) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO interactions (contact_id, kind, on_day, note, follow_up_id, created)
		VALUES (?, ?, ?, ?, ?, ?)`, it.ContactID, string(it.Kind), it.On.String(), strings.TrimSpace(contacts.CleanText(it.Note)), nullID(it.FollowUpID), created)
	if err != nil {
		return err
	}
	it.ID, err = res.LastInsertId()
	return err
}

// Interactions returns what happened with a contact, newest first.
func (s *Store) Interactions(ctx context.Context, contactID int64) ([]contacts.Interaction, error) {
	var its []contacts.Interaction
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, contact_id, kind, on_day, note, follow_up_id FROM interactions
			WHERE contact_id = ? ORDER BY on_day DESC, id DESC`, contactID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var it contacts.Interaction
			var on string
			var fu sql.NullInt64
			if err := rows.Scan(&it.ID, &it.ContactID, &it.Kind, &on, &it.Note, &fu); err != nil {
				return err
			}
			it.On, it.FollowUpID = parseDay(on), fu.Int64
			its = append(its, it)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: interactions with %d: %w", contactID, err)
	}
	return its, nil
}

// openFollowUps returns the open follow-ups of the contacts where says,
// earliest due first, by contact.
func openFollowUps(ctx context.Context, tx *sql.Tx, where string, args ...any) (map[int64][]contacts.FollowUp, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+followUpColumns+" FROM follow_ups f WHERE f.state = 'open' AND "+where+
		" ORDER BY f.due, f.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]contacts.FollowUp{}
	for rows.Next() {
		f, err := scanFollowUp(rows)
		if err != nil {
			return nil, err
		}
		out[f.ContactID] = append(out[f.ContactID], f)
	}
	return out, rows.Err()
}

// People returns what the reconnect list needs of every contact that has
// a keep-in-touch cadence or an open follow-up, in a fixed number of
// queries.
func (s *Store) People(ctx context.Context) ([]contacts.Relationship, error) {
	var out []contacts.Relationship
	err := s.read(ctx, func(tx *sql.Tx) error {
		open, err := openFollowUps(ctx, tx, "1")
		if err != nil {
			return err
		}
		cs, err := queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts c
			WHERE c.cadence_ideal > 0 OR c.cadence_max > 0
				OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = c.id AND f.state = 'open')
			ORDER BY c.id`)
		if err != nil {
			return err
		}
		// The latest interaction of each, and the latest with a note.
		type last struct {
			day  contacts.Day
			talk string
		}
		lasts := map[int64]*last{}
		rows, err := tx.QueryContext(ctx, `SELECT i.contact_id, i.on_day, i.note FROM interactions i
			JOIN contacts c ON c.id = i.contact_id
			WHERE c.cadence_ideal > 0 OR c.cadence_max > 0
				OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = c.id AND f.state = 'open')
			ORDER BY i.contact_id, i.on_day DESC, i.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var on, note string
			if err := rows.Scan(&id, &on, &note); err != nil {
				return err
			}
			l := lasts[id]
			if l == nil {
				l = &last{day: parseDay(on)}
				lasts[id] = l
			}
			if l.talk == "" {
				l.talk = note
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		starts := map[int64]contacts.Day{}
		evs, err := tx.QueryContext(ctx, "SELECT id, start_day FROM events")
		if err != nil {
			return err
		}
		defer evs.Close()
		for evs.Next() {
			var id int64
			var start string
			if err := evs.Scan(&id, &start); err != nil {
				return err
			}
			starts[id] = parseDay(start)
		}
		if err := evs.Err(); err != nil {
			return err
		}
		for _, c := range cs {
			p := contacts.Relationship{Contact: c, Open: open[c.ID], LastTalk: c.TalkedAbout}
			switch l := lasts[c.ID]; {
			case l != nil:
				p.Last = l.day
				if l.talk != "" {
					p.LastTalk = l.talk
				}
			case !c.MetOn.IsZero():
				p.Last = c.MetOn
			case !starts[c.EventID].IsZero():
				p.Last = starts[c.EventID]
			default:
				p.Last = contacts.DayOf(c.Created.In(s.now().Location()))
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: people to reconnect with: %w", err)
	}
	return out, nil
}

// Setting returns the value of a setting, or def if it is not set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	v := def
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return def, fmt.Errorf("sqlite: setting %q: %w", key, err)
	}
	return v, nil
}

// SetSetting sets a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.SetSettings(ctx, map[string]string{key: value})
}

// SetSettings sets several settings at once: all of them, or, on an
// error, none.
func (s *Store) SetSettings(ctx context.Context, settings map[string]string) error {
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", k, settings[k]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: set %s: %w", strings.Join(keys, ", "), err)
	}
	return nil
}

func timeOf(ms int64) time.Time { return time.UnixMilli(ms) }

func sortByName[T any](xs []T, name func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return strings.ToLower(name(xs[i])) < strings.ToLower(name(xs[j])) })
}
