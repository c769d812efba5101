package contacts

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Section is a part of the reconnect list, most urgent first.
type Section int

// The sections of the reconnect list.
const (
	Overdue  Section = iota // past a follow-up's day or a cadence's maximum gap
	Due                     // follow-ups due today and this week
	Fading                  // past the ideal gap, nothing scheduled
	Upcoming                // follow-ups further ahead
)

// Sections lists the sections of the reconnect list in order.
var Sections = []Section{Overdue, Due, Fading, Upcoming}

func (s Section) String() string {
	switch s {
	case Overdue:
		return "Overdue"
	case Due:
		return "Due this week"
	case Fading:
		return "Fading"
	case Upcoming:
		return "Upcoming"
	}
	return fmt.Sprintf("Section(%d)", int(s))
}

// ReconnectItem is one person on the reconnect list and why.
type ReconnectItem struct {
	Person   Relationship // who, with their follow-ups and last contact
	Section  Section
	FollowUp *FollowUp // the follow-up the entry is about; nil for a cadence
	Due      Day       // the follow-up's day, or the day the gap ran out
	Late     int       // days past Due, for Overdue and Fading entries
	Reason   string    // why, in words, days in ISO 8601: "3 days overdue", "due Thursday"; DateFormat.Reason writes it for the user
}

// Reconnect makes the reconnect list for today: at most one entry per
// person, for the most urgent reason, sorted by urgency. Follow-ups due
// more than horizon days ahead are left out (horizon <= 0: none are).
//
// A person is overdue when a follow-up is past its day, or when their
// cadence's maximum gap has run out, even if a follow-up is snoozed to a
// later day. They are fading when past the ideal gap with nothing
// scheduled. People with no cadence and nothing scheduled are not listed.
func Reconnect(people []Relationship, today Day, horizon int) []ReconnectItem {
	// The entries are sorted through their keys, computed once: an ReconnectItem
	// is large to move, and a name to fold, for ten thousand of them.
	type key struct {
		i       int
		section Section
		late    int
		due     int // days from today
		name    string
	}
	var out []ReconnectItem
	var keys []key
	for _, p := range people {
		e, ok := ReconnectItemFor(p, today, horizon)
		if !ok {
			continue
		}
		keys = append(keys, key{len(out), e.Section, e.Late, e.Due.Sub(today), strings.ToLower(p.Contact.DisplayName())})
		out = append(out, e)
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		if a.section != b.section {
			return cmp.Compare(a.section, b.section)
		}
		switch a.section {
		case Overdue, Fading:
			if a.late != b.late {
				return cmp.Compare(b.late, a.late)
			}
		default:
			if a.due != b.due {
				return cmp.Compare(a.due, b.due)
			}
		}
		return strings.Compare(a.name, b.name)
	})
	sorted := make([]ReconnectItem, len(out))
	for i, k := range keys {
		sorted[i] = out[k.i]
	}
	return sorted
}

func ReconnectItemFor(p Relationship, today Day, horizon int) (ReconnectItem, bool) {
	var next *FollowUp
	for i := range p.Open {
		if next == nil || p.Open[i].Due.Before(next.Due) {
			next = &p.Open[i]
		}
	}
	cad := p.Contact.Cadence
	e := ReconnectItem{Person: p}
	switch {
	case next != nil && next.Due.Before(today):
		e.Section, e.FollowUp, e.Due = Overdue, next, next.Due
		e.Late = today.Sub(next.Due)
	case cad.Max > 0 && today.After(p.Last.AddDays(cad.Max)):
		e.Section, e.FollowUp, e.Due = Overdue, next, p.Last.AddDays(cad.Max)
		e.Late = today.Sub(e.Due)
	case next != nil && next.Due.Sub(today) < 7:
		e.Section, e.FollowUp, e.Due = Due, next, next.Due
	case next == nil && cad.Ideal > 0 && today.After(p.Last.AddDays(cad.Ideal)):
		e.Section, e.Due = Fading, p.Last.AddDays(cad.Ideal)
		e.Late = today.Sub(e.Due)
	case next != nil && (horizon <= 0 || next.Due.Sub(today) <= horizon):
		e.Section, e.FollowUp, e.Due = Upcoming, next, next.Due
	default:
		return ReconnectItem{}, false
	}
	e.Reason = DateFormat{}.Reason(e, today)
	return e, true
}

// Reason says why e is listed on today, its days written in f: "3 days
// overdue", "due Thursday", "due Mon, Dec 14, 2026", "no contact for 70
// days (every 2 months)".
func (f DateFormat) Reason(e ReconnectItem, today Day) string {
	cad, last := e.Person.Contact.Cadence, e.Person.Last
	ofFollowUp := e.FollowUp != nil && e.Due == e.FollowUp.Due
	switch {
	case e.Section == Overdue && ofFollowUp:
		return Plural(e.Late, "day") + " overdue"
	case e.Section == Overdue:
		return fmt.Sprintf("no contact for %s, past the limit of %s", Plural(today.Sub(last), "day"), cad)
	case e.Section == Fading:
		return fmt.Sprintf("no contact for %s (%s)", Plural(today.Sub(last), "day"), cad)
	}
	return f.DueIn(e.Due, today)
}

// Counts returns how many entries each section holds.
func Counts(entries []ReconnectItem) map[Section]int {
	n := map[Section]int{}
	for _, e := range entries {
		n[e.Section]++
	}
	return n
}
