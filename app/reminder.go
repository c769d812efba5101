package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"followthrough/contacts"
)

// reminderGap is the least time between two reminder notifications.
const reminderGap = time.Hour

// reminder decides when to remind the user, with one desktop notification,
// of the follow-ups that have come due: only when something new has come
// due since the last reminder, at most once per reminderGap, and always as
// one summary, never one notification per contact.
type reminder struct {
	last   time.Time
	seen   []int64 // contacts in the last reminder
	remind func(*fyne.Notification)
}

// check looks at the reconnect list at now and sends a reminder if one is
// due. It reports whether it sent one.
func (r *reminder) check(entries []contacts.Entry, now time.Time) bool {
	n, ids := dueSummary(entries, contacts.DayOf(now))
	if n == nil || now.Sub(r.last) < reminderGap {
		return false
	}
	if !slices.ContainsFunc(ids, func(id int64) bool { return !slices.Contains(r.seen, id) }) {
		return false // nothing new since the last reminder
	}
	r.last, r.seen = now, ids
	r.remind(n)
	return true
}

// dueSummary is the notification for what is overdue or due today, and
// the contacts in it; nil when nothing is.
func dueSummary(entries []contacts.Entry, today contacts.Day) (*fyne.Notification, []int64) {
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
	title := people(len(ids)) + " to follow up today"
	const shown = 3
	body := strings.Join(names[:min(shown, len(names))], "; ")
	if len(names) > shown {
		body += fmt.Sprintf("; and %d more", len(names)-shown)
	}
	return fyne.NewNotification(title, body), ids
}
