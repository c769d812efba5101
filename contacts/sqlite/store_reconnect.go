package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"followthrough/contacts"
)

// The reconnect list of a large address book is read a section and a page
// at a time, through the indexes on each contact's next follow-up day
// (next_due) and the day their cadence runs out (cadence_due), both kept
// by triggers (migration 005). The SQL below puts people in sections and
// orders them as Reconnect does; ReconnectItemFor then writes each item, and an
// item that ReconnectItemFor would put in another section is an error, so the
// two can never silently disagree. Reconnect, over People, stays the
// definition, and the tests compare the two on a generated database.

// sectionWhere is the condition on contacts c that puts them in section
// sec today (:t), with :t7 the day a week ahead and :until the end of the
// horizon, if there is one. Each starts with a term of an index, and
// names "c.next_due <> ”" where it reads the partial index on next_due,
// for SQLite to see that it may.
func sectionWhere(sec contacts.Section, horizon int) (string, bool) {
	switch sec {
	case contacts.Overdue:
		return `(c.next_due <> '' AND c.next_due < :t
			OR c.cadence_due < :t AND c.lapse_day < :t)`, true
	case contacts.Due:
		return `c.next_due <> '' AND c.next_due >= :t AND c.next_due < :t7
			AND coalesce(c.lapse_day >= :t, 1)`, true
	case contacts.Fading:
		return `c.cadence_due < :t AND c.next_due = '' AND c.fade_day < :t
			AND coalesce(c.lapse_day >= :t, 1)`, true
	case contacts.Upcoming:
		until := ""
		if horizon > 0 {
			until = "AND c.next_due <= :until"
		}
		return `c.next_due <> '' AND c.next_due >= :t7 ` + until + `
			AND coalesce(c.lapse_day >= :t, 1)`, true
	}
	return "", false
}

// sectionOrder is the order within each section, as Reconnect sorts.
var sectionOrder = map[contacts.Section]string{
	contacts.Overdue:  `CASE WHEN c.next_due <> '' AND c.next_due < :t THEN c.next_due ELSE c.lapse_day END`,
	contacts.Due:      `c.next_due`,
	contacts.Fading:   `c.fade_day`,
	contacts.Upcoming: `c.next_due`,
}

func reconnectArgs(today contacts.Day, horizon int) []any {
	until := ""
	if horizon > 0 {
		until = today.AddDays(horizon).String()
	}
	return []any{sql.Named("t", today.String()), sql.Named("t7", today.AddDays(7).String()), sql.Named("until", until)}
}

// ReconnectCounts returns how many people each section of today's
// reconnect list holds, as Counts would of Reconnect's list with the
// same horizon, without reading them.
func (s *Store) ReconnectCounts(ctx context.Context, today contacts.Day, horizon int) (map[contacts.Section]int, error) {
	counts := map[contacts.Section]int{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		for _, sec := range contacts.Sections {
			var n int
			where, _ := sectionWhere(sec, horizon)
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts c WHERE "+where,
				reconnectArgs(today, horizon)...).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				counts[sec] = n
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: reconnect counts for %s: %w", today, err)
	}
	return counts, nil
}

// ReconnectQuery picks a page of one section of the reconnect list.
type ReconnectQuery struct {
	Today   contacts.Day     // the day the list is for
	Horizon int              // days ahead of Today to list follow-ups for; <= 0: all
	Section contacts.Section // the section to read
	Offset  int              // the first item of the page
	Limit   int              // the most items to return; <= 0: all from Offset
}

// ReconnectItems returns the items q.Offset to q.Offset+q.Limit of section
// q.Section of q.Today's reconnect list, as Reconnect would list them with
// the same horizon, and complete: each with its whole contact, every open
// follow-up of theirs (Person.Open; FollowUp is the most urgent) and the
// last thing talked about.
func (s *Store) ReconnectItems(ctx context.Context, q ReconnectQuery) ([]contacts.ReconnectItem, error) {
	today, horizon, sec, offset, limit := q.Today, q.Horizon, q.Section, q.Offset, q.Limit
	where, ok := sectionWhere(sec, horizon)
	if !ok {
		return nil, fmt.Errorf("sqlite: reconnect: no section %v", sec)
	}
	if limit <= 0 {
		limit = -1
	}
	var out []contacts.ReconnectItem
	err := s.read(ctx, func(tx *sql.Tx) error {
		// The page, in order; everything else is read for it alone.
		ids, err := sectionPage(ctx, tx, sec, where, reconnectArgs(today, horizon), max(0, offset), limit)
		if err != nil || len(ids) == 0 {
			return err
		}
		people, err := completePeople(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, p := range people {
			e, ok := contacts.ReconnectItemFor(p, today, horizon)
			if !ok || e.Section != sec {
				return fmt.Errorf("contact %d is listed under %s, but the rules put it under %s (listed: %v)", p.Contact.ID, sec, e.Section, ok)
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: reconnect %s for %s: %w", sec, today, err)
	}
	return out, nil
}

// displayName is Contact.DisplayName in SQL, folded as Reconnect folds it
// to sort by.
const displayName = `fold_case(CASE WHEN c.full_name <> '' THEN c.full_name
	WHEN c.company <> '' THEN c.company
	ELSE coalesce((SELECT address FROM emails WHERE contact_id = c.id ORDER BY position LIMIT 1), '(no name)') END)`

// sectionPage returns the IDs of the contacts of a page of section sec,
// whose condition is where, in order.
//
// The overdue are in order of the day they fell due, which is the day of
// their follow-up for some and the end of their cadence's gap for the
// others: SQLite would have to read and sort all of them. Instead each
// kind is read in the order of its own index, only as far as the page
// goes, and the two are merged.
func sectionPage(ctx context.Context, tx *sql.Tx, sec contacts.Section, where string, args []any, offset, limit int) ([]int64, error) {
	type row struct {
		id        int64
		day, name string
	}
	readSection := func(where, day string, n int) ([]row, error) {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, `+day+`, `+displayName+` FROM contacts c
			WHERE `+where+` ORDER BY 2, 3, c.id LIMIT :n`, append(args, sql.Named("n", n))...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.day, &r.name); err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, rows.Err()
	}
	n := offset + limit
	if limit < 0 {
		n = -1
	}
	var all []row
	if sec == contacts.Overdue {
		late, err := readSection(`c.next_due <> '' AND c.next_due < :t`, "c.next_due", n)
		if err != nil {
			return nil, err
		}
		lapsed, err := readSection(`c.lapse_day < :t AND NOT (c.next_due <> '' AND c.next_due < :t)`, "c.lapse_day", n)
		if err != nil {
			return nil, err
		}
		all = append(late, lapsed...)
		slices.SortFunc(all, func(a, b row) int {
			return cmp.Or(strings.Compare(a.day, b.day), strings.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
		})
	} else {
		var err error
		if all, err = readSection(where, sectionOrder[sec], n); err != nil {
			return nil, err
		}
	}
	if offset >= len(all) {
		return nil, nil
	}
	all = all[offset:]
	if limit >= 0 && len(all) > limit {
		all = all[:limit]
	}
	ids := make([]int64, len(all))
	for i, r := range all {
		ids[i] = r.id
	}
	return ids, nil
}

// completePeople returns what the reconnect list needs to know of the
// contacts ids, in that order: the contacts, every open follow-up of
// theirs (earliest due first), the day their clock runs from and the last thing talked
// about (the note of the latest interaction that has one, or else what
// was talked about when they met).
func completePeople(ctx context.Context, tx *sql.Tx, ids []int64) ([]contacts.Relationship, error) {
	cs, err := contactsByID(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]contacts.Contact, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	open := map[int64][]contacts.FollowUp{}
	rows, err := tx.QueryContext(ctx, `SELECT `+followUpColumns+` FROM follow_ups f
		WHERE f.contact_id IN (SELECT value FROM json_each(?)) AND f.state = 'open'
		ORDER BY f.contact_id, f.due, f.id`, string(b))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		f, err := scanFollowUp(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		open[f.ContactID] = append(open[f.ContactID], f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]contacts.Relationship, 0, len(ids))
	for _, id := range ids {
		c, ok := byID[id]
		if !ok {
			continue
		}
		p := contacts.Relationship{Contact: c, Open: open[id], LastTalk: c.TalkedAbout}
		var since string
		if err := tx.QueryRowContext(ctx, "SELECT since FROM contacts WHERE id = ?", id).Scan(&since); err != nil {
			return nil, err
		}
		p.Last = parseDay(since)
		var note string
		switch err := tx.QueryRowContext(ctx, `SELECT note FROM interactions
			WHERE contact_id = ? AND note <> '' ORDER BY on_day DESC, id DESC LIMIT 1`, id).Scan(&note); err {
		case nil:
			p.LastTalk = note
		case sql.ErrNoRows:
		default:
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// ReconnectList is the whole of today's reconnect list, section after
// section, as Reconnect makes it; for a terminal, which prints it all.
func (s *Store) ReconnectList(ctx context.Context, today contacts.Day, horizon int) ([]contacts.ReconnectItem, error) {
	var all []contacts.ReconnectItem
	for _, sec := range contacts.Sections {
		es, err := s.ReconnectItems(ctx, ReconnectQuery{Today: today, Horizon: horizon, Section: sec})
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	return all, nil
}
