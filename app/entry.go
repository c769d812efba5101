package app

import (
	"fmt"
	"strings"

	"followthrough/contacts"
)

// EntryHeadline is the terminal line for an entry on today: whom, what,
// why now, and the number to call; days written in dates.
func EntryHeadline(e contacts.ReconnectItem, dates contacts.DateFormat, today contacts.Day) string {
	return contacts.JoinNonEmpty(" · ", EntryWhat(e), dates.Reason(e, today), FirstPhone(e.Person.Contact))
}

// EntryWhat is whom to get back to and how: "Jane Doe, Acme · call: send
// her the article", for the entry's most urgent follow-up.
func EntryWhat(e contacts.ReconnectItem) string {
	what := "keep in touch"
	if f := e.FollowUp; f != nil {
		what = followUpWhat(*f)
	}
	return EntryWho(e.Person.Contact) + " · " + what
}

// EntryWho is whom to get back to: "Jane Doe, Acme".
func EntryWho(c contacts.Contact) string {
	who := c.DisplayName()
	if c.Company != "" && c.Company != who {
		who += ", " + c.Company
	}
	return who
}

// FollowUpWhat is what a follow-up asks and when, seen from today:
// "promise: introduce her to Sam · due Monday"; days written in
// dates.
func FollowUpWhat(f contacts.FollowUp, dates contacts.DateFormat, today contacts.Day) string {
	return followUpWhat(f) + " · " + dates.DueIn(f.Due, today)
}

func followUpWhat(f contacts.FollowUp) string {
	if f.Line != "" {
		return f.Kind.Label() + ": " + f.Line
	}
	return f.Kind.Label()
}

// OtherFollowUps are the open follow-ups of the entry's contact besides
// the one it is about, earliest due first.
func OtherFollowUps(e contacts.ReconnectItem) []contacts.FollowUp {
	var out []contacts.FollowUp
	for _, f := range e.Person.Open {
		if e.FollowUp == nil || f.ID != e.FollowUp.ID {
			out = append(out, f)
		}
	}
	return out
}

// EntryContext is where they met and what was said last; days written
// in dates.
func EntryContext(e contacts.ReconnectItem, dates contacts.DateFormat) string {
	return contacts.JoinNonEmpty(" · ", metAt(e.Person.Contact, dates), talked(e.Person.LastTalk))
}

func metAt(c contacts.Contact, dates contacts.DateFormat) string {
	switch {
	case c.Event != "" && !c.MetOn.IsZero():
		return fmt.Sprintf("met at %s on %s", c.Event, dates.Day(c.MetOn))
	case c.Event != "":
		return "met at " + c.Event
	case !c.MetOn.IsZero():
		return "met on " + dates.Day(c.MetOn)
	}
	return ""
}

func talked(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return "talked about " + s
}

// FirstPhone is the first number of c to call: not a fax.
func FirstPhone(c contacts.Contact) string {
	for _, p := range c.Phones {
		if p.Kind != contacts.PhoneFax {
			return p.Number
		}
	}
	return ""
}
