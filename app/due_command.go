package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
)

// now is the clock the commands and the window read; tests replace it.
var now = time.Now

func dueCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "due",
		Args:       "",
		Summary:    "Print the reconnect list: who is overdue, due this week, fading, and coming up.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			days := fs.Int("days", 14, "list upcoming follow-ups up to `N` days ahead")
			asJSON := fs.Bool("json", false, "print JSON instead of text")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				entries, err := reconnectList(ctx, store, *days)
				if err != nil {
					return fmt.Errorf("due: %w", err)
				}
				if *asJSON {
					return writeDueJSON(stdout, entries)
				}
				writeDueText(stdout, entries)
				return nil
			}
		},
	}
}

// reconnectList is the whole reconnect list for today.
func reconnectList(ctx context.Context, store *sqlite.Store, horizon int) ([]contacts.ReconnectItem, error) {
	return store.ReconnectList(ctx, contacts.DayOf(now()), horizon)
}

func writeDueText(w io.Writer, entries []contacts.ReconnectItem) {
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
		fmt.Fprintf(w, "  %s\n", entryHeadline(e))
		if s := entryContext(e); s != "" {
			fmt.Fprintf(w, "    %s\n", s)
		}
	}
}

// entryHeadline is the terminal line for an entry: whom, what, why now,
// and the number to call.
func entryHeadline(e contacts.ReconnectItem) string {
	return joinNonEmpty(" · ", entryWhat(e), e.Reason, firstPhone(e.Person.Contact))
}

// entryWhat is whom to get back to and how: "Jane Doe, Acme · call: send
// her the article".
func entryWhat(e contacts.ReconnectItem) string {
	c := e.Person.Contact
	who := c.DisplayName()
	if c.Company != "" && c.Company != who {
		who += ", " + c.Company
	}
	what := "keep in touch"
	if f := e.FollowUp; f != nil {
		what = f.Kind.Label()
		if f.Line != "" {
			what += ": " + f.Line
		}
	}
	return who + " · " + what
}

// entryContext is where they met and what was said last.
func entryContext(e contacts.ReconnectItem) string {
	return joinNonEmpty(" · ", metAt(e.Person.Contact), talked(e.Person.LastTalk))
}

func metAt(c contacts.Contact) string {
	switch {
	case c.Event != "" && !c.MetOn.IsZero():
		return fmt.Sprintf("met at %s on %s", c.Event, c.MetOn)
	case c.Event != "":
		return "met at " + c.Event
	case !c.MetOn.IsZero():
		return "met on " + c.MetOn.String()
	}
	return ""
}

func talked(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return "talked about " + s
}

func firstPhone(c contacts.Contact) string {
	for _, p := range c.Phones {
		if p.Kind != contacts.PhoneFax {
			return p.Number
		}
	}
	return ""
}

// dueJSON is one row of `due --json`.
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
}

func writeDueJSON(w io.Writer, entries []contacts.ReconnectItem) error {
	rows := make([]dueJSON, 0, len(entries))
	for _, e := range entries {
		c := e.Person.Contact
		r := dueJSON{
			Section: e.Section.String(), ContactID: c.ID, Name: c.DisplayName(), Company: c.Company,
			Event: c.Event, MetOn: c.MetOn.String(), LastTalk: e.Person.LastTalk,
			Due: e.Due.String(), DaysLate: e.Late, Reason: e.Reason, Phone: firstPhone(c),
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

func exportICSCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "export-ics",
		Args:       "FILE",
		Summary:    "Write the open follow-ups as an iCalendar file (.ics) for a phone's calendar or tasks.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export-ics: give one file to write")
				}
				n, err := exportICS(ctx, store, args[0])
				if err != nil {
					return fmt.Errorf("export-ics: %w", err)
				}
				fmt.Fprintf(stdout, "Wrote %s to %s\n", plural(n, "follow-up"), args[0])
				return nil
			}
		},
	}
}

// exportICS writes every open follow-up to the iCalendar file at path,
// replacing it only once the whole file is written.
func exportICS(ctx context.Context, store *sqlite.Store, path string) (int, error) {
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
	err = writeFileAtomic(path, func(w io.Writer) error { return ics.Write(w, items, now()) })
	return len(items), err
}
