package contacts

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata"
)

func day(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func person(name string, last string, cad Cadence, open ...FollowUp) Relationship {
	return Relationship{Contact: Contact{FullName: name, Cadence: cad}, Last: day(last), Open: open}
}

func fu(due string) FollowUp { return FollowUp{Kind: KindCall, Due: day(due), State: StateOpen} }

func TestReconnectRules(t *testing.T) {
	every2 := Cadence{Ideal: 61, Max: 122}
	tests := []struct {
		name    string
		p       Relationship
		today   string
		listed  bool
		section Section
		late    int
		reason  string
	}{
		{"follow-up due yesterday is overdue", person("A", "2026-11-01", Cadence{}, fu("2026-11-19")), "2026-11-20", true, Overdue, 1, "1 day overdue"},
		{"due today", person("A", "2026-11-01", Cadence{}, fu("2026-11-20")), "2026-11-20", true, Due, 0, "due today"},
		{"due in six days is this week", person("A", "2026-11-01", Cadence{}, fu("2026-11-26")), "2026-11-20", true, Due, 0, "due Thursday"},
		{"due in a week is upcoming", person("A", "2026-11-01", Cadence{}, fu("2026-11-27")), "2026-11-20", true, Upcoming, 0, "due 2026-11-27"},
		{"beyond the horizon is not listed", person("A", "2026-11-01", Cadence{}, fu("2027-03-01")), "2026-11-20", false, 0, 0, ""},
		{"no cadence and nothing scheduled is never listed", person("A", "2020-01-01", Cadence{}), "2026-11-20", false, 0, 0, ""},
		{"within the ideal gap", person("A", "2026-10-01", every2), "2026-11-20", false, 0, 0, ""},
		{"past the ideal gap with nothing scheduled fades", person("A", "2026-09-01", every2), "2026-11-20", true, Fading, 19, "no contact for 80 days (every 2 months, at most 4)"},
		{"past the ideal gap but scheduled is not fading", person("A", "2026-09-01", every2, fu("2026-12-01")), "2026-11-20", true, Upcoming, 0, "due 2026-12-01"},
		{"past the maximum gap is overdue", person("A", "2026-07-01", every2), "2026-11-20", true, Overdue, 20, ""},
		{"snoozed past the maximum gap is still overdue", person("A", "2026-07-01", every2, fu("2026-12-15")), "2026-11-20", true, Overdue, 20, ""},
		{"done early resets the clock", person("A", "2026-11-10", every2), "2027-01-09", false, 0, 0, ""},
		{"and fades an ideal gap after it", person("A", "2026-11-10", every2), "2027-01-11", true, Fading, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := Reconnect([]Relationship{tt.p}, day(tt.today), 30)
			if (len(es) == 1) != tt.listed {
				t.Fatalf("listed = %v (%+v), want %v", len(es) == 1, es, tt.listed)
			}
			if !tt.listed {
				return
			}
			e := es[0]
			if e.Section != tt.section || e.Late != tt.late {
				t.Errorf("section %s late %d, want %s late %d", e.Section, e.Late, tt.section, tt.late)
			}
			if tt.reason != "" && e.Reason != tt.reason {
				t.Errorf("reason %q, want %q", e.Reason, tt.reason)
			}
		})
	}
}

func TestReconnectOrder(t *testing.T) {
	every2 := Cadence{Ideal: 61, Max: 122}
	people := []Relationship{
		person("Up Later", "2026-11-01", Cadence{}, fu("2026-12-10")),
		person("Up Soon", "2026-11-01", Cadence{}, fu("2026-12-01")),
		person("Fade Little", "2026-09-15", every2),
		person("Fade Much", "2026-09-01", every2),
		person("Due Thursday", "2026-11-01", Cadence{}, fu("2026-11-26")),
		person("Due Today", "2026-11-01", Cadence{}, fu("2026-11-20")),
		person("Late Week", "2026-11-01", Cadence{}, fu("2026-11-13")),
		person("Late Day", "2026-11-01", Cadence{}, fu("2026-11-19")),
		person("Nothing", "2026-11-01", Cadence{}),
	}
	es := Reconnect(people, day("2026-11-20"), 0)
	var got []string
	for _, e := range es {
		got = append(got, e.Person.Contact.FullName)
	}
	want := "Late Week,Late Day,Due Today,Due Thursday,Fade Much,Fade Little,Up Soon,Up Later"
	if strings.Join(got, ",") != want {
		t.Errorf("order = %s\nwant    %s", strings.Join(got, ","), want)
	}
	c := Counts(es)
	if c[Overdue] != 2 || c[Due] != 2 || c[Fading] != 2 || c[Upcoming] != 2 {
		t.Errorf("counts = %v", c)
	}
}

// TestDaysAcrossZones checks that "today" is the local calendar day: a
// follow-up due on the 8th turns overdue at local midnight, whatever the
// zone and across daylight-saving changes.
func TestDaysAcrossZones(t *testing.T) {
	zones := []string{"America/New_York", "Pacific/Auckland", "Asia/Kolkata", "Europe/London"}
	moments := []struct {
		name      string
		y         int
		m         time.Month
		d, h, min int
		wantSect  Section
	}{
		{"11:59 pm on the due day", 2026, 3, 8, 23, 59, Due},
		{"midnight after", 2026, 3, 9, 0, 0, Overdue},
		{"an hour after midnight", 2026, 3, 9, 1, 0, Overdue},
	}
	for _, zone := range zones {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range moments {
			t.Run(zone+" "+m.name, func(t *testing.T) {
				// 8 March 2026 is when New York moves its clocks on.
				now := time.Date(m.y, m.m, m.d, m.h, m.min, 0, 0, loc)
				p := person("A", "2026-03-01", Cadence{}, fu("2026-03-08"))
				es := Reconnect([]Relationship{p}, DayOf(now), 0)
				if len(es) != 1 || es[0].Section != m.wantSect {
					t.Errorf("at %s: %+v, want %s", now, es, m.wantSect)
				}
			})
		}
	}
	// Gaps count calendar days, not 24-hour periods, across a change.
	ny, _ := time.LoadLocation("America/New_York")
	before := DayOf(time.Date(2026, 11, 1, 0, 30, 0, 0, ny)) // the day the clocks go back
	after := DayOf(time.Date(2026, 11, 2, 23, 30, 0, 0, ny))
	if n := after.Sub(before); n != 1 {
		t.Errorf("days from %s to %s = %d, want 1", before, after, n)
	}
}

func TestDay(t *testing.T) {
	tests := []struct {
		a, b string
		sub  int
	}{
		{"2026-11-20", "2026-11-20", 0},
		{"2026-11-21", "2026-11-20", 1},
		{"2026-11-19", "2026-11-20", -1},
		{"2027-01-01", "2026-12-31", 1},
		{"2028-03-01", "2028-02-28", 2}, // leap year
		{"2026-03-09", "2026-03-08", 1},
		{"2025-11-20", "2026-11-20", -365},
	}
	for _, tt := range tests {
		t.Run(tt.a+"-"+tt.b, func(t *testing.T) {
			a, b := day(tt.a), day(tt.b)
			if got := a.Sub(b); got != tt.sub {
				t.Errorf("Sub = %d, want %d", got, tt.sub)
			}
			if got := b.AddDays(tt.sub); got != a {
				t.Errorf("AddDays = %s, want %s", got, a)
			}
			if a.Before(b) != (tt.sub < 0) || a.After(b) != (tt.sub > 0) {
				t.Errorf("Before/After wrong for %d days", tt.sub)
			}
		})
	}
}
