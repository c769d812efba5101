package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func (p *program) dueCommand() *command {
	return &command{
		Name:       "due",
		Args:       "",
		Summary:    "Print the reconnect list: who is overdue, due this week, fading, and coming up.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			days := fs.Int("days", 14, "list upcoming follow-ups up to `N` days ahead")
			asJSON := fs.Bool("json", false, "print JSON instead of text")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				entries, err := reconnectList(ctx, store, p.clock.Today(), *days)
				if err != nil {
					return fmt.Errorf("due: %w", err)
				}
				if *asJSON {
					return writeDueJSON(p.stdout, entries, p.clock.Today())
				}
				writeDueText(p.stdout, entries, p.dates, p.clock.Today())
				return nil
			}
		},
	}
}

// reconnectList is the whole reconnect list for today.
func reconnectList(ctx context.Context, store *sqlite.Store, today contacts.Day, horizon int) ([]contacts.ReconnectItem, error) {
	return store.ReconnectList(ctx, today, horizon)
}

// writeDueText prints the list, each entry with its most urgent follow-up,
// and under it the contact's other open follow-ups, one a line; days
// written in dates.
func writeDueText(w io.Writer, entries []contacts.ReconnectItem, dates contacts.DateFormat, today contacts.Day) {
	if len(entries) == 0 {
		fmt.Fprintln(w, "Nobody to get back to. Scan the cards from your next event, or give people a keep-in-touch cadence.")
		return
	}
	counts := contacts.Counts(entries)
	var section contacts.Section = -1
	for _, e := range entries {
		if e.Section != section {
			if section != -1 {
				fmt.Fprintln(w)
			}
			section = e.Section
			fmt.Fprintf(w, "%s (%d)\n", section, counts[section])
		}
		fmt.Fprintf(w, "  %s\n", app.EntryHeadline(e, dates, today))
		for _, f := range app.OtherFollowUps(e) {
			fmt.Fprintf(w, "    and %s\n", app.FollowUpWhat(f, dates, today))
		}
		if s := app.EntryContext(e, dates); s != "" {
			fmt.Fprintf(w, "    %s\n", s)
		}
	}
}

// dueJSON is one row of `due --json`: a contact, with the follow-up the
// row is about (FollowUpID, Kind, Line) and every open follow-up of theirs.
type dueJSON struct {
	Section    string `json:"section"`
	ContactID  int64  `json:"contact_id"`
	Name       string `json:"name"`
	Company    string `json:"company,omitempty"`
	Event      string `json:"event,omitempty"`
	MetOn      string `json:"met_on,omitempty"`
	LastTalk   string `json:"last_talked_about,omitempty"`
	FollowUpID int64  `json:"follow_up_id,omitempty"`
	Kind       string `json:"kind,omitempty"`
	Line       string `json:"line,omitempty"`
	Due        string `json:"due"`
	DaysLate   int    `json:"days_late,omitempty"`
	Reason     string `json:"reason"`
	Phone      string `json:"phone,omitempty"`
	Email      string `json:"email,omitempty"`
	// FollowUps are every open follow-up of the contact, earliest due
	// first.
	FollowUps []followUpJSON `json:"follow_ups"`
}

// followUpJSON is one open follow-up in `due --json`.
type followUpJSON struct {
	ID     int64  `json:"id"`
	Kind   string `json:"kind"`
	Line   string `json:"line,omitempty"`
	Due    string `json:"due"`
	Reason string `json:"reason"`
}

func writeDueJSON(w io.Writer, entries []contacts.ReconnectItem, today contacts.Day) error {
	rows := make([]dueJSON, 0, len(entries))
	for _, e := range entries {
		c := e.Person.Contact
		r := dueJSON{
			Section: e.Section.String(), ContactID: c.ID, Name: c.DisplayName(), Company: c.Company,
			Event: c.Event, MetOn: c.MetOn.String(), LastTalk: e.Person.LastTalk,
			Due: e.Due.String(), DaysLate: e.Late, Reason: e.Reason, Phone: app.FirstPhone(c),
			FollowUps: []followUpJSON{},
		}
		for _, f := range e.Person.Open {
			r.FollowUps = append(r.FollowUps, followUpJSON{ID: f.ID, Kind: string(f.Kind), Line: f.Line, Due: f.Due.String(), Reason: contacts.DateFormat{}.DueIn(f.Due, today)})
		}
		if len(c.Emails) > 0 {
			r.Email = c.Emails[0]
		}
		if f := e.FollowUp; f != nil {
			r.FollowUpID, r.Kind, r.Line = f.ID, string(f.Kind), f.Line
		}
		rows = append(rows, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}
