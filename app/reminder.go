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
// one summary, never one notification per contact.
type Reminder struct {
	last   time.Time
	seen   []int64 // contacts in the last reminder
	Remind func(Notification)
	// Hours are the hours of the day when reminders may be sent; the
	// zero value sends them at any hour.
	Hours NotifyHours
}

// Check looks at the reconnect list at now and sends a reminder if one is
// due. It reports whether it sent one. Outside the notification hours it
// sends nothing, and what came due waits for the first check inside them.
func (r *Reminder) Check(entries []contacts.ReconnectItem, now time.Time) bool {
	n, ids := DueSummary(entries, contacts.DayOf(now))
	if n == nil || now.Sub(r.last) < reminderGap || !r.Hours.Allow(now) {
		return false
	}
	if !slices.ContainsFunc(ids, func(id int64) bool { return !slices.Contains(r.seen, id) }) {
		return false // nothing new since the last reminder
	}
	r.last, r.seen = now, ids
	r.Remind(*n)
	return true
}

// A Notification is what a reminder says: a title and a line of detail.
type Notification struct {
	Title, Content string
}

// DueSummary is the notification for what is overdue or due today, and
// the contacts in it; nil when nothing is.
func DueSummary(entries []contacts.ReconnectItem, today contacts.Day) (*Notification, []int64) {
	var names []string
	var ids []int64
	for _, e := range entries {
		if e.Section != contacts.Overdue && !(e.Section == contacts.Due && e.Due == today) {
			continue
		}
		ids = append(ids, e.Person.Contact.ID)
		what := "get in touch with"
		if e.FollowUp != nil {
			what = e.FollowUp.Kind.Label() + ":"
		}
		names = append(names, what+" "+e.Person.Contact.DisplayName())
	}
	if len(ids) == 0 {
		return nil, nil
	}
	title := CountPeople(len(ids)) + " to follow up today"
	const shown = 3
	body := strings.Join(names[:min(shown, len(names))], "; ")
	if len(names) > shown {
		body += fmt.Sprintf("; and %d more", len(names)-shown)
	}
	return &Notification{Title: title, Content: body}, ids
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
