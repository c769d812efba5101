// Package ics writes follow-ups as an iCalendar file of to-dos, for the
// calendar and task apps of phones.
package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"followthrough/contacts"

	"followthrough/contacts/internal/contentline"
)

// Item is a follow-up to export, with the contact it is for.
type Item struct {
	FollowUp contacts.FollowUp
	Contact  contacts.Contact
}

// ErrNothingToExport is returned by Write for no items: an iCalendar
// file must hold at least one to-do.
var ErrNothingToExport = errors.New("contacts: no open follow-ups to export")

// Write writes follow-ups as an iCalendar file (RFC 5545) that phones'
// calendar and task apps import: one VTODO each, due on its day, with an
// alarm at 9:00 that day and the context of the contact in the
// description. Each to-do's UID comes from the follow-up's ID, so a new
// export updates the to-dos already imported instead of adding copies.
func Write(w io.Writer, items []Item, now time.Time) error {
	if len(items) == 0 {
		return ErrNothingToExport
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, "-//Follow Through//Follow-ups//EN")
	cal.Props.SetText(ical.PropVersion, "2.0")
	for _, it := range items {
		cal.Children = append(cal.Children, todo(it, now))
	}
	// go-ical does not fold long lines; RFC 5545 asks for 75 octets.
	var raw, folded bytes.Buffer
	if err := ical.NewEncoder(&raw).Encode(cal); err != nil {
		return fmt.Errorf("contacts: write iCalendar: %w", err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(raw.String(), "\r\n"), "\r\n") {
		contentline.Write(&folded, line)
	}
	if _, err := w.Write(folded.Bytes()); err != nil {
		return fmt.Errorf("contacts: write iCalendar: %w", err)
	}
	return nil
}

func todo(it Item, now time.Time) *ical.Component {
	f, c := it.FollowUp, it.Contact
	t := ical.NewComponent(ical.CompToDo)
	t.Props.SetText(ical.PropUID, fmt.Sprintf("followup-%d@followthrough", f.ID))
	t.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC())
	// Text from a card may hold what iCalendar does not allow, such as
	// control characters; the store cleans it, this makes sure.
	t.Props.SetText(ical.PropSummary, contacts.CleanLine(Summary(f.Kind, c.DisplayName())))
	day := time.Date(f.Due.Year, f.Due.Month, f.Due.Day, 0, 0, 0, 0, time.UTC)
	t.Props.SetDate(ical.PropDateTimeStart, day)
	t.Props.SetDate(ical.PropDue, day)
	t.Props.SetText(ical.PropDescription, contacts.CleanText(describe(f, c)))
	t.Props.SetText(ical.PropStatus, "NEEDS-ACTION")
	cats := ical.NewProp(ical.PropCategories)
	cats.SetTextList([]string{"Follow-up"})
	t.Props.Set(cats)

	alarm := ical.NewComponent(ical.CompAlarm)
	alarm.Props.SetText(ical.PropAction, "DISPLAY")
	alarm.Props.SetText(ical.PropDescription, contacts.CleanLine(Summary(f.Kind, c.DisplayName())))
	trigger := ical.NewProp(ical.PropTrigger)
	trigger.SetDuration(9 * time.Hour) // 9:00 on the day it starts
	alarm.Props.Set(trigger)
	t.Children = append(t.Children, alarm)
	return t
}

// Summary is a follow-up in a few words: "Call Jane Doe", "Handwritten
// note to Jane Doe".
func Summary(k contacts.Kind, name string) string {
	switch k {
	case contacts.KindCall:
		return "Call " + name
	case contacts.KindNote:
		return "Handwritten note to " + name
	case contacts.KindCoffee:
		return "Coffee or lunch with " + name
	case contacts.KindMeeting:
		return "Meet " + name
	case contacts.KindEmail:
		return "Personal email to " + name
	case contacts.KindPromise:
		return "Keep a promise to " + name
	}
	return "Get in touch with " + name
}

// describe is what a to-do says about the person: everything needed to
// make the call without looking anything up.
func describe(f contacts.FollowUp, c contacts.Contact) string {
	var lines []string
	add := func(format string, v ...any) { lines = append(lines, fmt.Sprintf(format, v...)) }
	if f.Line != "" {
		add("%s", f.Line)
	}
	if who := strings.TrimSpace(strings.Join([]string{c.Title, c.Company}, ", ")); strings.Trim(who, ", ") != "" {
		add("%s", strings.Trim(who, ", "))
	}
	switch {
	case c.Event != "" && !c.MetOn.IsZero():
		add("Met at %s on %s.", c.Event, c.MetOn)
	case c.Event != "":
		add("Met at %s.", c.Event)
	}
	if c.IntroducedBy != "" {
		add("Introduced by %s.", c.IntroducedBy)
	}
	if c.TalkedAbout != "" {
		add("Talked about: %s", c.TalkedAbout)
	}
	for _, p := range c.Phones {
		if p.Kind != contacts.PhoneFax {
			add("Phone: %s", p.Number)
		}
	}
	for _, e := range c.Emails {
		add("Email: %s", e)
	}
	return strings.Join(lines, "\n")
}
