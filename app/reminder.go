package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// reminderGap is the least time between two reminder notifications.
const reminderGap = time.Hour

// Reminder decides when to remind the user, with one desktop notification,
// of the follow-ups that have come due: only when something new has come
// due since the last reminder, at most once per reminderGap, and always as
// one summary, never one notification per follow-up.
type Reminder struct {
	last   time.Time
	seen   []DueThing // what was in the last reminder
	Remind func(Notification)
	// Hours are the hours of the day when reminders may be sent; the
	// zero value sends them at any hour.
	Hours NotifyHours
}

// Check looks at the reconnect list at now and sends a reminder if one is
// due. It reports whether it sent one. Outside the notification hours it
// sends nothing, and what came due waits for the first check inside them.
func (r *Reminder) Check(entries []contacts.ReconnectItem, now time.Time) bool {
	n, due := DueSummary(entries, contacts.DayOf(now))
	if n == nil || now.Sub(r.last) < reminderGap || !r.Hours.Allow(now) {
		return false
	}
	if !slices.ContainsFunc(due, func(d DueThing) bool { return !slices.Contains(r.seen, d) }) {
		return false // nothing new since the last reminder
	}
	r.last, r.seen = now, due
	r.Remind(*n)
	return true
}

// A Notification is what a reminder says: a title and a line of detail.
type Notification struct {
	Title, Content string
}

// DueThing is one thing to do today: an open follow-up due today or
// overdue, or getting in touch with someone whose cadence has run out
// (FollowUpID 0).
type DueThing struct {
	ContactID, FollowUpID int64
}

// DueSummary is the notification for what is overdue or due today, every
// follow-up of every contact, and the things in it; nil when nothing is.
func DueSummary(entries []contacts.ReconnectItem, today contacts.Day) (*Notification, []DueThing) {
	var names []string
	var due []DueThing
	people := 0
	for _, e := range entries {
		if e.Section != contacts.Overdue && !(e.Section == contacts.Due && e.Due == today) {
			continue
		}
		c := e.Person.Contact
		n := len(due)
		for _, f := range e.Person.Open {
			if !f.Due.After(today) {
				due = append(due, DueThing{c.ID, f.ID})
				names = append(names, f.Kind.Label()+": "+c.DisplayName())
			}
		}
		if len(due) == n { // a cadence run out, or a follow-up not read with it
			d := DueThing{ContactID: c.ID}
			what := "get in touch with " + c.DisplayName()
			if f := e.FollowUp; f != nil {
				d.FollowUpID, what = f.ID, f.Kind.Label()+": "+c.DisplayName()
			}
			due, names = append(due, d), append(names, what)
		}
		people++
	}
	if len(due) == 0 {
		return nil, nil
	}
	const shown = 3
	body := strings.Join(names[:min(shown, len(names))], "; ")
	if len(names) > shown {
		body += fmt.Sprintf("; and %d more", len(names)-shown)
	}
	return &Notification{Title: DueTodayText(len(due), people), Content: body}, due
}

// DueTodayText says how many follow-ups are due today, and with how many
// people when that is fewer: "3 follow-ups due today, with 2 people".
func DueTodayText(followUps, people int) string {
	if followUps == 0 {
		return "Nothing to follow up today"
	}
	s := contacts.Plural(followUps, "follow-up") + " due today"
	if people < followUps {
		s += ", with " + CountPeople(people)
	}
	return s
}

// SettingNotifyHours holds the hours when reminders may be sent, as
// notifyHours.String writes them ("8-21"), or "off" for never.
const SettingNotifyHours = "reminder.hours"

// DefaultNotifyHours keeps reminders to the day: from 8:00 until 21:00.
var DefaultNotifyHours = NotifyHours{From: 8, Until: 21}

// NotifyHours are the hours of the day, on the local clock, when a
// reminder may be sent: from the hour From until the hour Until, which is
// not included. Until before From spans midnight (22-6 is the night). Off
// sends none; the zero value, 0-0, allows every hour.
type NotifyHours struct {
	From, Until int // 0 to 24
	Off         bool
}

// Allow reports whether a reminder may be sent at t.
func (h NotifyHours) Allow(t time.Time) bool {
	if h.Off {
		return false
	}
	hour := t.Hour()
	switch {
	case h.From == h.Until%24:
		return true
	case h.From < h.Until:
		return h.From <= hour && hour < h.Until
	}
	return hour >= h.From || hour < h.Until
}

func (h NotifyHours) String() string {
	if h.Off {
		return "off"
	}
	return fmt.Sprintf("%d-%d", h.From, h.Until)
}

// ParseNotifyHours reads hours written by notifyHours.String.
func ParseNotifyHours(s string) (NotifyHours, error) {
	s = strings.TrimSpace(s)
	if s == "off" {
		return NotifyHours{Off: true}, nil
	}
	from, until, ok := strings.Cut(s, "-")
	var h NotifyHours
	var err error
	if h.From, err = strconv.Atoi(strings.TrimSpace(from)); err == nil && ok {
		h.Until, err = strconv.Atoi(strings.TrimSpace(until))
	}
	if err != nil || !ok || h.From < 0 || h.From > 23 || h.Until < 0 || h.Until > 24 {
		return NotifyHours{}, fmt.Errorf("setting %s: %q is not two hours of the day, like 8-21", SettingNotifyHours, s)
	}
	return h, nil
}

// LoadNotifyHours reads the notification hours from the settings.
func LoadNotifyHours(ctx context.Context, store *sqlite.Store) (NotifyHours, error) {
	s, err := store.Setting(ctx, SettingNotifyHours, DefaultNotifyHours.String())
	if err != nil {
		return DefaultNotifyHours, err
	}
	return ParseNotifyHours(s)
}

// DueToday is the part of today's reconnect list that a reminder and the
// tray count from: the overdue and those due this week, of whom those due
// today are counted. The rest of the list is not read.
func DueToday(ctx context.Context, store *sqlite.Store, today contacts.Day) ([]contacts.ReconnectItem, error) {
	entries, err := store.ReconnectItems(ctx, sqlite.ReconnectQuery{Today: today, Section: contacts.Overdue})
	if err != nil {
		return nil, err
	}
	due, err := store.ReconnectItems(ctx, sqlite.ReconnectQuery{Today: today, Section: contacts.Due})
	return append(entries, due...), err
}
