package app

import (
	"fmt"
	"strings"

	"followthrough/contacts"
)

// EntryHeadline is the terminal line for an entry: whom, what, why now,
// and the number to call.
func EntryHeadline(e contacts.ReconnectItem) string {
	return contacts.JoinNonEmpty(" · ", EntryWhat(e), e.Reason, FirstPhone(e.Person.Contact))
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
// "kept promise: introduce her to Sam · due Monday".
func FollowUpWhat(f contacts.FollowUp, today contacts.Day) string {
	return followUpWhat(f) + " · " + contacts.DueIn(f.Due, today)
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

// EntryContext is where they met and what was said last.
func EntryContext(e contacts.ReconnectItem) string {
	return contacts.JoinNonEmpty(" · ", metAt(e.Person.Contact), talked(e.Person.LastTalk))
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

// FirstPhone is the first number of c to call: not a fax.
func FirstPhone(c contacts.Contact) string {
	for _, p := range c.Phones {
		if p.Kind != contacts.PhoneFax {
			return p.Number
		}
	}
	return ""
}
