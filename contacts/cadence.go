package contacts

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// DefaultFollowUpDelay is how many days after meeting someone the first
// follow-up is proposed: soon enough that they still remember the
// conversation.
const DefaultFollowUpDelay = 3

// DefaultFirstKind is the kind of the first follow-up proposed: a short
// personal email, which the user can change to a call or a note.
const DefaultFirstKind = KindEmail

// ParseDelay reads a delay such as "3d" (days), "2w" (weeks) or "1m"
// (months, counted as 30 days); a bare number is days.
func ParseDelay(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	unit := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = s[:len(s)-1]
	case strings.HasSuffix(s, "w"):
		s, unit = s[:len(s)-1], 7
	case strings.HasSuffix(s, "m"):
		s, unit = s[:len(s)-1], 30
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 3650 {
		return 0, fmt.Errorf("contacts: delay %q: want a number of days, weeks or months, like 3d, 2w or 1m", s)
	}
	return n * unit, nil
}

// FirstFollowUp is the day proposed for the first follow-up with someone
// met on met: delay days later, but never before today, since a card
// scanned late should still get a follow-up that can be done.
func FirstFollowUp(met, today Day, delay int) Day {
	due := met.AddDays(delay)
	if due.Before(today) {
		return today
	}
	return due
}

// Snooze is a way to put a follow-up off.
//
// A snooze only ever moves a follow-up later: never earlier, never into
// the past. An option moves a follow-up by its amount from the follow-up's
// own day, or from today when that day has passed: "Tomorrow" on a call
// due next Tuesday makes it due on Wednesday (and the menu calls it "A day
// later"). A day picked to snooze to must come after the due day and not
// before today (CheckSnooze). Moving a follow-up earlier is a reschedule,
// which menus offer under that name.
type Snooze int

// The snooze choices menus offer; picking a day is the third.
const (
	SnoozeTomorrow Snooze = iota // a day later
	SnoozeNextWeek               // the Monday after the week, never the day SnoozeTomorrow picks
)

// ErrNotLater is the error of a snooze that would not move a follow-up
// later: to its own day, before it, or into the past.
var ErrNotLater = errors.New("a snooze only moves a follow-up later; to move it earlier, reschedule it")

// ErrPastDay is the error of a follow-up moved to a day already past.
var ErrPastDay = errors.New("a follow-up cannot be moved to a day already past")

// snoozeBase is the day a snooze counts from: the follow-up's day, or
// today once that has passed.
func snoozeBase(due, today Day) Day {
	if due.Before(today) {
		return today
	}
	return due
}

// From returns the day that a follow-up due on due moves to when snoozed
// by s on today: always after due, never before today. The two choices
// are always different days: from a Sunday the next Monday is only a day
// away, so "Next week" goes on to the Monday after it.
func (s Snooze) From(due, today Day) Day {
	base := snoozeBase(due, today)
	if s == SnoozeNextWeek {
		monday := nextMonday(base)
		if monday == base.AddDays(1) {
			monday = monday.AddDays(7)
		}
		return monday
	}
	return base.AddDays(1)
}

// nextMonday returns the first Monday after d.
func nextMonday(d Day) Day {
	days := (8 - int(d.utc().Weekday())) % 7 // to Monday; Sunday is 0
	if days == 0 {
		days = 7
	}
	return d.AddDays(days)
}

// Label is what a menu calls s for a follow-up due on due: "Tomorrow" and
// "Next week" when it counts from today, "A day later" and "The week
// after" when it counts from a day still to come.
func (s Snooze) Label(due, today Day) string {
	fromToday := snoozeBase(due, today) == today
	switch {
	case s == SnoozeNextWeek && fromToday:
		return "Next week"
	case s == SnoozeNextWeek:
		return "The week after"
	case fromToday:
		return "Tomorrow"
	}
	return "A day later"
}

// FirstSnoozeDay is the first day a follow-up due on due may be snoozed
// to on today: the day after its own, or today if that has passed.
func FirstSnoozeDay(due, today Day) Day {
	if due.Before(today) {
		return today
	}
	return due.AddDays(1)
}

// CheckSnooze reports, as ErrNotLater, whether snoozing a follow-up due on
// due to the day to, on today, would not move it later.
func CheckSnooze(due, today, to Day) error {
	if to.Before(FirstSnoozeDay(due, today)) {
		return fmt.Errorf("contacts: snooze from %s to %s: %w", due, to, ErrNotLater)
	}
	return nil
}

// CheckReschedule reports, as ErrPastDay, whether to is a day already
// past on today, which no follow-up can be moved to.
func CheckReschedule(today, to Day) error {
	if to.Before(today) {
		return fmt.Errorf("contacts: reschedule to %s: %w", to, ErrPastDay)
	}
	return nil
}

// NamedCadence is a cadence with the name menus show.
type NamedCadence struct {
	Name    string
	Cadence Cadence
}

// CadencePresets are the cadences menus offer.
var CadencePresets = []NamedCadence{
	{"Every month, at most 2", Cadence{Ideal: 30, Max: 61}},
	{"Every 2 months, at most 4", Cadence{Ideal: 61, Max: 122}},
	{"Every quarter, at most 6 months", Cadence{Ideal: 91, Max: 183}},
	{"Twice a year, at most a year", Cadence{Ideal: 183, Max: 365}},
	{"Once a year, at most 18 months", Cadence{Ideal: 365, Max: 548}},
}

// Valid reports what is wrong with c, if anything.
func (c Cadence) Valid() error {
	switch {
	case c.Ideal < 0 || c.Max < 0:
		return fmt.Errorf("contacts: cadence of %d/%d days: gaps cannot be negative", c.Ideal, c.Max)
	case c.Max > 0 && c.Ideal > c.Max:
		return fmt.Errorf("contacts: cadence: the ideal gap (%d days) is longer than the maximum (%d)", c.Ideal, c.Max)
	}
	return nil
}

// MarshalText writes c as two numbers of days, ideal and maximum gaps
// ("61/122"), as settings keep it, or nothing for no cadence.
func (c Cadence) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return nil, nil
	}
	return fmt.Appendf(nil, "%d/%d", c.Ideal, c.Max), nil
}

// UnmarshalText reads a cadence written by MarshalText: "61/122", or
// blank for no cadence. A cadence that is not Valid is an error.
func (c *Cadence) UnmarshalText(text []byte) error {
	s := string(text)
	if strings.TrimSpace(s) == "" {
		*c = Cadence{}
		return nil
	}
	var got Cadence
	ideal, max, ok := strings.Cut(s, "/")
	var err error
	if got.Ideal, err = strconv.Atoi(strings.TrimSpace(ideal)); err == nil && ok {
		got.Max, err = strconv.Atoi(strings.TrimSpace(max))
	}
	if err != nil || !ok {
		return fmt.Errorf("contacts: cadence %q is not two numbers of days, like 61/122", s)
	}
	if err := got.Valid(); err != nil {
		return err
	}
	*c = got
	return nil
}

// String describes c: "every 2 months, at most 4", or "" for none.
func (c Cadence) String() string {
	for _, p := range CadencePresets {
		if p.Cadence == c {
			return strings.ToLower(p.Name[:1]) + p.Name[1:]
		}
	}
	switch {
	case c.IsZero():
		return ""
	case c.Max <= 0:
		return fmt.Sprintf("every %d days", c.Ideal)
	case c.Ideal <= 0:
		return fmt.Sprintf("at most %d days apart", c.Max)
	}
	return fmt.Sprintf("every %d days, at most %d", c.Ideal, c.Max)
}
