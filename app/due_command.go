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
)

// Now is the clock the commands and the window read; tests replace it.
var Now = time.Now

func dueCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "due",
		Args:       "",
		Summary:    "Print the reconnect list: who is overdue, due this week, fading, and coming up.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			days := fs.Int("days", 14, "list upcoming follow-ups up to `N` days ahead")
			asJSON := fs.Bool("json", false, "print JSON instead of text")
			return func(ctx context.Context, store *contacts.Store, args []string) error {
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
func reconnectList(ctx context.Context, store *contacts.Store, horizon int) ([]contacts.Entry, error) {
	return store.ReconnectList(ctx, contacts.DayOf(Now()), horizon)
}

func writeDueText(w io.Writer, entries []contacts.Entry) {
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
		fmt.Fprintf(w, "  %s\n", EntryHeadline(e))
		if s := EntryContext(e); s != "" {
			fmt.Fprintf(w, "    %s\n", s)
		}
	}
}

// EntryHeadline is the terminal line for an entry: whom, what, why now,
// and the number to call.
func EntryHeadline(e contacts.Entry) string {
	return JoinNonEmpty(" · ", EntryWhat(e), e.Reason, FirstPhone(e.Person.Contact))
}

// EntryWhat is whom to get back to and how: "Jane Doe, Acme · call: send
// her the article".
func EntryWhat(e contacts.Entry) string {
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

// EntryContext is where they met and what was said last.
func EntryContext(e contacts.Entry) string {
	return JoinNonEmpty(" · ", metAt(e.Person.Contact), talked(e.Person.LastTalk))
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

func FirstPhone(c contacts.Contact) string {
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

func writeDueJSON(w io.Writer, entries []contacts.Entry) error {
	rows := make([]dueJSON, 0, len(entries))
	for _, e := range entries {
		c := e.Person.Contact
		r := dueJSON{
			Section: e.Section.String(), ContactID: c.ID, Name: c.DisplayName(), Company: c.Company,
			Event: c.Event, MetOn: c.MetOn.String(), LastTalk: e.Person.LastTalk,
			Due: e.Due.String(), DaysLate: e.Late, Reason: e.Reason, Phone: FirstPhone(c),
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
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export-ics: give one file to write")
				}
				n, err := ExportICS(ctx, store, args[0])
				if err != nil {
					return fmt.Errorf("export-ics: %w", err)
				}
				fmt.Fprintf(stdout, "Wrote %s to %s\n", Plural(n, "follow-up"), args[0])
				return nil
			}
		},
	}
}

// ExportICS writes every open follow-up to the iCalendar file at path,
// replacing it only once the whole file is written.
func ExportICS(ctx context.Context, store *contacts.Store, path string) (int, error) {
	people, err := store.People(ctx)
	if err != nil {
		return 0, err
	}
	var items []contacts.ICSItem
	for _, p := range people {
		for _, f := range p.Open {
			items = append(items, contacts.ICSItem{FollowUp: f, Contact: p.Contact})
		}
	}
	if len(items) == 0 {
		return 0, contacts.ErrNothingToExport
	}
	err = WriteFileAtomic(path, func(w io.Writer) error { return contacts.WriteICS(w, items, Now()) })
	return len(items), err
}
