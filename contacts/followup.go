package contacts

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Day is a calendar day, without a time or a time zone: when a follow-up
// is due, when an event was held. Counting in days, not hours, keeps
// cadence right across time zones and daylight-saving changes.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// DayOf returns the day it is at t in t's location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day{y, m, d}
}

// ParseDay parses a day written as 2006-01-02.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Day{}, fmt.Errorf("contacts: day %q: want YYYY-MM-DD", s)
	}
	return DayOf(t), nil
}

// IsZero reports whether d is the zero Day, meaning "none".
func (d Day) IsZero() bool { return d == Day{} }

// String writes d as 2006-01-02, or "" for the zero Day.
func (d Day) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// utc is noon of d in UTC, a time to count days from that no zone or
// daylight-saving change can move.
func (d Day) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays returns the day n days after d (before, for negative n).
func (d Day) AddDays(n int) Day { return DayOf(d.utc().AddDate(0, 0, n)) }

// Sub returns the number of days from e to d.
func (d Day) Sub(e Day) int { return int(math.Round(d.utc().Sub(e.utc()).Hours() / 24)) }

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return d.Sub(e) < 0 }

// After reports whether d comes after e.
func (d Day) After(e Day) bool { return d.Sub(e) > 0 }

// In returns the start of d in loc.
func (d Day) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Event is a gathering where the user met people.
type Event struct {
	ID    int64
	Name  string
	Start Day
	End   Day // zero for a one-day event
	Place string
	Notes string
}

// Kind is the kind of a personal follow-up or interaction. There is no
// kind for bulk mail, on purpose.
type Kind string

// The kinds of personal follow-through.
const (
	KindCall    Kind = "call"
	KindNote    Kind = "note"    // a handwritten note
	KindCoffee  Kind = "coffee"  // coffee or lunch
	KindMeeting Kind = "meeting" // a meeting
	KindEmail   Kind = "email"   // a personal email
	KindPromise Kind = "promise" // a promise kept: an intro, an article
	KindMet     Kind = "met"     // meeting them in the first place
)

// Kinds lists the kinds a follow-up can have, in the order menus show them.
var Kinds = []Kind{KindCall, KindNote, KindCoffee, KindMeeting, KindEmail, KindPromise}

// Label is how k reads in a sentence: "call", "handwritten note".
func (k Kind) Label() string {
	switch k {
	case KindNote:
		return "handwritten note"
	case KindCoffee:
		return "coffee or lunch"
	case KindEmail:
		return "personal email"
	case KindPromise:
		return "promise"
	}
	return string(k)
}

// EventPerson is someone met at an event, and whether the user has
// followed up with them yet.
type EventPerson struct {
	Contact    Contact
	FollowedUp bool       // something happened since: a follow-up done, or any interaction
	Open       []FollowUp // every open follow-up, earliest due first
}

// FollowUpState is where a follow-up stands.
type FollowUpState string

// The states of a follow-up.
const (
	StateOpen      FollowUpState = "open"
	StateDone      FollowUpState = "done"
	StateCancelled FollowUpState = "cancelled"
)

// FollowUp is one personal action the user means to take.
type FollowUp struct {
	ID int64
	// UID identifies the follow-up in calendars for life (the to-do's or
	// event's UID); the store gives each a random one (NewUID).
	UID       string
	ContactID int64
	Kind      Kind
	Due       Day
	Line      string // "send her the article on X"
	State     FollowUpState
	DoneOn    Day    // when it was done
	Outcome   string // one line on how it went
	Created   time.Time
	// Sequence counts the changes since it was scheduled (rescheduled,
	// done, cancelled), and Modified is when the last was, zero for none:
	// a calendar that imports it again takes the copy with the higher.
	Sequence int
	Modified time.Time
}

// NotScheduled returns those of proposed that are not already among
// scheduled's open follow-ups: a card scanned again of someone saved
// before proposes the first follow-up they were given then, and one
// "personal email" is enough. A follow-up counts as already scheduled
// when an open one has its kind and line (case and spaces aside), so a
// new promise written on the card is kept.
func NotScheduled(proposed, scheduled []FollowUp) []FollowUp {
	var out []FollowUp
	for _, p := range proposed {
		if !slices.ContainsFunc(scheduled, func(f FollowUp) bool {
			return f.State == StateOpen && f.Kind == p.Kind && sameLine(f.Line, p.Line)
		}) {
			out = append(out, p)
		}
	}
	return out
}

func sameLine(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// Interaction is something that happened between the user and a contact:
// a call made, a note sent, a coffee. Any interaction resets the
// keep-in-touch clock.
type Interaction struct {
	ID         int64
	ContactID  int64
	Kind       Kind
	On         Day
	Note       string
	FollowUpID int64 // the follow-up it completed, or 0
}

// Cadence is how often to stay in touch: ideally every Ideal days, and
// never more than Max days apart. The zero Cadence means none: such a
// contact never fades.
type Cadence struct {
	Ideal int // days
	Max   int // days
}

// IsZero reports whether c is no cadence.
func (c Cadence) IsZero() bool { return c.Ideal <= 0 && c.Max <= 0 }

// Relationship is where the user stands with one contact: what the
// reconnect list needs to know of them.
type Relationship struct {
	Contact Contact
	// Open holds the contact's open follow-ups, earliest due first.
	Open []FollowUp
	// Last is the day of the latest interaction, or else the day they
	// met (MetOn, the event's start, or the day the contact was added).
	Last Day
	// LastTalk is the last thing talked about: the note of the latest
	// interaction that has one, or else TalkedAbout.
	LastTalk string
}
