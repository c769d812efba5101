// Package ics writes follow-ups as iCalendar, for the calendar and task
// apps of phones and desktops: as to-dos (VTODO), or as all-day events
// (VEVENT) for the many calendar apps, khal among them, that ignore to-dos.
// Component builds one follow-up's to-do or event, which a CalDAV client
// puts on a server; Write writes a whole file.
package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
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
var ErrNothingToExport = errors.New("ics: no follow-ups to export")

// As says what a follow-up becomes in a calendar.
type As int

// The forms of a follow-up in a calendar.
const (
	// ToDos makes each follow-up a VTODO, due on its day: task apps and
	// most phone calendars show them, and can tick them off.
	ToDos As = iota
	// Events makes each follow-up an all-day VEVENT on its day, for the
	// calendar apps that ignore to-dos.
	Events
)

// Options are the choices of an export.
type Options struct {
	As As // to-dos (the default) or events
}

// Write writes follow-ups as an iCalendar file (RFC 5545) that phones'
// calendar and task apps import: one VTODO each (or, with the option
// Options{As: Events}, one all-day VEVENT), on its day, with an alarm at
// 9:00 that day and the context of the contact in the description. Each
// UID is the follow-up's own (FollowUp.UID, unique for ever), so a new
// export updates what was imported before instead of adding copies, and
// two data folders never give the same UID to different follow-ups. A
// follow-up done is exported as completed, one cancelled as cancelled, so
// that importing the file again closes them. At most one Options is used.
func Write(w io.Writer, items []Item, now time.Time, opts ...Options) error {
	if len(items) == 0 {
		return ErrNothingToExport
	}
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropProductID, ProductID)
	cal.Props.SetText(ical.PropVersion, "2.0")
	for _, it := range items {
		cal.Children = append(cal.Children, Component(it, now, o.As))
	}
	// go-ical does not fold long lines; RFC 5545 asks for 75 octets.
	var raw, folded bytes.Buffer
	if err := ical.NewEncoder(&raw).Encode(cal); err != nil {
		return fmt.Errorf("ics: write iCalendar: %w", err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(raw.String(), "\r\n"), "\r\n") {
		contentline.Write(&folded, line)
	}
	if _, err := w.Write(folded.Bytes()); err != nil {
		return fmt.Errorf("ics: write iCalendar: %w", err)
	}
	return nil
}

// ProductID is the PRODID of the calendars written here.
const ProductID = "-//Follow Through//Follow-ups//EN"

// Component returns the follow-up of it as a VTODO, or a VEVENT with
// Events, as Write describes, stamped now. A follow-up without a UID (one
// not from the store) gets a new random one.
func Component(it Item, now time.Time, as As) *ical.Component {
	f, c := it.FollowUp, it.Contact
	name := ical.CompToDo
	if as == Events {
		name = ical.CompEvent
	}
	t := ical.NewComponent(name)
	uid := f.UID
	if uid == "" {
		uid = contacts.NewUID()
	}
	t.Props.SetText(ical.PropUID, uid)
	t.Props.SetDateTime(ical.PropDateTimeStamp, now.UTC())
	// A calendar that has the to-do or event already keeps the copy with
	// the higher SEQUENCE (RFC 5545, 3.8.7.4), or the later LAST-MODIFIED.
	seq := f.Sequence
	if closed(f) && seq == 0 {
		seq = 1 // closed before the store counted changes: still one
	}
	setInt(t.Props, ical.PropSequence, seq)
	if m := modified(f); m.Unix() > 0 {
		t.Props.SetDateTime(ical.PropLastModified, m.UTC())
	}
	// Text from a card may hold what iCalendar does not allow, such as
	// control characters; the store cleans it, this makes sure.
	summary := contacts.CleanLine(Summary(f.Kind, c.DisplayName()))
	day := time.Date(f.Due.Year, f.Due.Month, f.Due.Day, 0, 0, 0, 0, time.UTC)
	t.Props.SetDate(ical.PropDateTimeStart, day)
	switch as {
	case Events:
		// An event has no "completed" status (RFC 5545, 3.8.1.11): a done
		// follow-up's event says so in its summary.
		if f.State == contacts.StateDone {
			summary = "Done: " + summary
		}
		t.Props.SetDate(ical.PropDateTimeEnd, day.AddDate(0, 0, 1))
		t.Props.SetText(ical.PropTransparency, "TRANSPARENT")
		if f.State == contacts.StateCancelled {
			t.Props.SetText(ical.PropStatus, "CANCELLED")
		} else {
			t.Props.SetText(ical.PropStatus, "CONFIRMED")
		}
	default:
		t.Props.SetDate(ical.PropDue, day)
		switch f.State {
		case contacts.StateDone:
			t.Props.SetText(ical.PropStatus, "COMPLETED")
			setInt(t.Props, ical.PropPercentComplete, 100)
			t.Props.SetDateTime(ical.PropCompleted, completed(f, now))
		case contacts.StateCancelled:
			t.Props.SetText(ical.PropStatus, "CANCELLED")
		default:
			t.Props.SetText(ical.PropStatus, "NEEDS-ACTION")
		}
	}
	t.Props.SetText(ical.PropSummary, summary)
	t.Props.SetText(ical.PropDescription, contacts.CleanText(describe(f, c)))
	cats := ical.NewProp(ical.PropCategories)
	cats.SetTextList([]string{"Follow-up"})
	t.Props.Set(cats)

	if f.State == contacts.StateOpen || f.State == "" {
		alarm := ical.NewComponent(ical.CompAlarm)
		alarm.Props.SetText(ical.PropAction, "DISPLAY")
		alarm.Props.SetText(ical.PropDescription, summary)
		trigger := ical.NewProp(ical.PropTrigger)
		trigger.SetDuration(9 * time.Hour) // 9:00 on the day it starts
		alarm.Props.Set(trigger)
		t.Children = append(t.Children, alarm)
	}
	return t
}

// setInt sets the integer property name of props to n.
func setInt(props ical.Props, name string, n int) {
	p := ical.NewProp(name)
	p.SetValueType(ical.ValueInt)
	p.Value = strconv.Itoa(n)
	props.Set(p)
}

// closed says whether f is done or cancelled.
func closed(f contacts.FollowUp) bool {
	return f.State == contacts.StateDone || f.State == contacts.StateCancelled
}

// completed is when the done follow-up f was done, for COMPLETED, a
// date-time in UTC: noon of the day it was done (the store keeps the day
// the user said, which may be before the day it was marked), or of now's
// day if it has none.
func completed(f contacts.FollowUp, now time.Time) time.Time {
	done := f.DoneOn
	if done.IsZero() {
		done = contacts.DayOf(now)
	}
	return time.Date(done.Year, done.Month, done.Day, 12, 0, 0, 0, time.UTC)
}

// modified is when f last changed, for LAST-MODIFIED: its last change,
// or, for a follow-up done before the store kept that, the day it was
// done; else when it was scheduled. Zero (or the Unix epoch, a time the
// store read as 0) if none is known.
func modified(f contacts.FollowUp) time.Time {
	switch {
	case !f.Modified.IsZero():
		return f.Modified
	case f.State == contacts.StateDone && !f.DoneOn.IsZero():
		return completed(f, time.Time{})
	}
	return f.Created
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
