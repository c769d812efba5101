package app

import (
	"strings"
	"testing"
	"time"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

func TestNotifyHours(t *testing.T) {
	at := func(h, min int) time.Time { return time.Date(2026, 3, 29, h, min, 0, 0, time.Local) }
	tests := []struct {
		hours string
		at    time.Time
		want  bool
	}{
		{"8-21", at(7, 59), false},
		{"8-21", at(8, 0), true},
		{"8-21", at(20, 59), true},
		{"8-21", at(21, 0), false},
		{"8-21", at(0, 0), false},
		{"22-7", at(23, 30), true}, // for those who work nights
		{"22-7", at(6, 59), true},
		{"22-7", at(7, 0), false},
		{"22-7", at(12, 0), false},
		{"9-0", at(23, 59), true}, // until midnight
		{"9-0", at(0, 30), false},
		{"0-24", at(3, 0), true},
		{"8-8", at(3, 0), true}, // the same hour twice: any hour
		{"off", at(12, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.hours+"@"+tt.at.Format("15:04"), func(t *testing.T) {
			h, err := ParseNotifyHours(tt.hours)
			if err != nil {
				t.Fatal(err)
			}
			if got := h.Allow(tt.at); got != tt.want {
				t.Errorf("allow = %v, want %v", got, tt.want)
			}
			if h.String() != tt.hours {
				t.Errorf("%q reads back as %q", tt.hours, h.String())
			}
		})
	}
	for _, bad := range []string{"", "8", "8-", "x-9", "24-3", "3-25", "-1-4"} {
		if _, err := ParseNotifyHours(bad); err == nil {
			t.Errorf("parseNotifyHours(%q) gives no error", bad)
		}
	}
	if (NotifyHours{}).Allow(at(3, 0)) != true {
		t.Error("the zero hours do not allow every hour")
	}
}

func TestReminder(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	entry := func(id int64, name string, sec contacts.Section, due contacts.Day) contacts.ReconnectItem {
		return contacts.ReconnectItem{Person: contacts.Relationship{Contact: contacts.Contact{ID: id, FullName: name}}, Section: sec, Due: due,
			FollowUp: &contacts.FollowUp{Kind: contacts.KindCall, Due: due}}
	}
	var sent []Notification
	r := &Reminder{Remind: func(n Notification) { sent = append(sent, n) }}
	one := []contacts.ReconnectItem{entry(1, "Ann", contacts.Overdue, today.AddDays(-2)), entry(2, "Bo", contacts.Upcoming, today.AddDays(9))}
	two := append([]contacts.ReconnectItem{entry(3, "Cy", contacts.Due, today)}, one...)
	later := []contacts.ReconnectItem{entry(4, "Di", contacts.Due, today.AddDays(2))}
	steps := []struct {
		name    string
		entries []contacts.ReconnectItem
		after   time.Duration
		sent    bool
	}{
		{"first due item", one, 0, true},
		{"same again next minute", one, time.Minute, false},
		{"new one within the hour", two, 30 * time.Minute, false},
		{"new one after the hour", two, 61 * time.Minute, true},
		{"nothing new two hours on", two, 3 * time.Hour, false},
		{"only due later in the week", later, 5 * time.Hour, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := len(sent)
			got := r.Check(st.entries, apptest.Today.Add(st.after))
			if got != st.sent || (len(sent) > before) != st.sent {
				t.Fatalf("sent = %v, want %v", got, st.sent)
			}
		})
	}
	if len(sent) != 2 || !strings.Contains(sent[1].Content, "Cy") || !strings.Contains(sent[1].Content, "Ann") {
		t.Errorf("notifications: %+v", sent)
	}
	if sent[1].Title != "2 follow-ups due today" {
		t.Errorf("title %q", sent[1].Title)
	}
}

// TestDueSummaryCountsEveryFollowUp covers issue 21 A.5 for reminders and
// the tray: each open follow-up due today or overdue counts, a contact's
// second one too, and one newly due is news even for a contact already in
// the last reminder.
func TestDueSummaryCountsEveryFollowUp(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	ann := contacts.Contact{ID: 1, FullName: "Ann"}
	call := contacts.FollowUp{ID: 10, ContactID: 1, Kind: contacts.KindCall, Due: today.AddDays(-2)}
	promise := contacts.FollowUp{ID: 11, ContactID: 1, Kind: contacts.KindPromise, Due: today, Line: "intro to Sam"}
	coffee := contacts.FollowUp{ID: 12, ContactID: 1, Kind: contacts.KindCoffee, Due: today.AddDays(3)}
	item := func(open ...contacts.FollowUp) []contacts.ReconnectItem {
		return []contacts.ReconnectItem{{Person: contacts.Relationship{Contact: ann, Open: open}, Section: contacts.Overdue,
			FollowUp: &open[0], Due: open[0].Due, Late: 2}}
	}
	tests := []struct {
		name      string
		entries   []contacts.ReconnectItem
		title     string
		content   []string
		wantCount int
	}{
		{"one follow-up", item(call, coffee), "1 follow-up due today", []string{"call: Ann"}, 1},
		{"a second due today", item(call, promise, coffee), "2 follow-ups due today, with 1 person", []string{"call: Ann", "promise: Ann"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, due := DueSummary(tt.entries, today)
			if n == nil || len(due) != tt.wantCount || n.Title != tt.title {
				t.Fatalf("summary %+v, %v; want %d due, titled %q", n, due, tt.wantCount, tt.title)
			}
			for _, c := range tt.content {
				if !strings.Contains(n.Content, c) {
					t.Errorf("content %q lacks %q", n.Content, c)
				}
			}
		})
	}
	var sent []Notification
	r := &Reminder{Remind: func(n Notification) { sent = append(sent, n) }}
	r.Check(item(call, coffee), apptest.Today)
	if !r.Check(item(call, promise, coffee), apptest.Today.Add(2*time.Hour)) {
		t.Error("a second follow-up come due for Ann sends no reminder")
	}
}
