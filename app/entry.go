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
// her the article".
func EntryWhat(e contacts.ReconnectItem) string {
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
