package contacts

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

var delayTests = []struct {
	in   string
	days int
	ok   bool
}{
	{"3d", 3, true}, {"3", 3, true}, {"0d", 0, true}, {"1w", 7, true}, {" 2W ", 14, true}, {"1m", 30, true},
	{"", 0, false}, {"-1d", 0, false}, {"3x", 0, false}, {"d", 0, false}, {"99999d", 0, false},
}

func TestParseDelay(t *testing.T) {
	for _, tt := range delayTests {
		t.Run(tt.in, func(t *testing.T) {
			days, err := ParseDelay(tt.in)
			if (err == nil) != tt.ok || days != tt.days {
				t.Errorf("ParseDelay(%q) = %d, %v; want %d, ok %v", tt.in, days, err, tt.days, tt.ok)
			}
			if err != nil && !strings.Contains(err.Error(), "3d") {
				t.Errorf("error %q does not say what is accepted", err)
			}
		})
	}
}

func FuzzParseDelay(f *testing.F) {
	for _, tt := range delayTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		days, err := ParseDelay(s)
		if err == nil && (days < 0 || days > 3650*30) {
			t.Errorf("ParseDelay(%q) = %d", s, days)
		}
	})
}

func TestFirstFollowUp(t *testing.T) {
	tests := []struct {
		name, met, today string
		delay            int
		want             string
	}{
		{"scanned the same day", "2026-11-20", "2026-11-20", 3, "2026-11-23"},
		{"scanned two days later", "2026-11-20", "2026-11-22", 3, "2026-11-23"},
		{"scanned long after", "2026-10-01", "2026-11-20", 3, "2026-11-20"},
		{"no delay", "2026-11-20", "2026-11-20", 0, "2026-11-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FirstFollowUp(day(tt.met), day(tt.today), tt.delay); got != day(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestSnooze covers issue 21 A.4: a snooze only ever moves a follow-up
// later. From a day still to come it moves on by the option's amount from
// that day; an overdue one moves on from today.
func TestSnooze(t *testing.T) {
	tests := []struct {
		name            string
		due, today      string
		dayLater, week  string
		dayLab, weekLab string
	}{
		{"due today, a Friday", "2026-11-20", "2026-11-20", "2026-11-21", "2026-11-23", "Tomorrow", "Next week"},
		{"due today, a Sunday", "2026-11-22", "2026-11-22", "2026-11-23", "2026-11-30", "Tomorrow", "Next week"},
		{"overdue on a Sunday", "2026-12-01", "2026-12-06", "2026-12-07", "2026-12-14", "Tomorrow", "Next week"},
		{"due next Sunday", "2026-11-22", "2026-11-20", "2026-11-23", "2026-11-30", "A day later", "The week after"},
		{"due today, a Monday", "2026-11-23", "2026-11-23", "2026-11-24", "2026-11-30", "Tomorrow", "Next week"},
		{"due today, new year's eve", "2026-12-31", "2026-12-31", "2027-01-01", "2027-01-04", "Tomorrow", "Next week"},
		{"due next Tuesday", "2026-11-24", "2026-11-20", "2026-11-25", "2026-11-30", "A day later", "The week after"},
		{"five days overdue", "2026-11-15", "2026-11-20", "2026-11-21", "2026-11-23", "Tomorrow", "Next week"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, today := day(tt.due), day(tt.today)
			for _, c := range []struct {
				s         Snooze
				want, lab string
			}{{SnoozeTomorrow, tt.dayLater, tt.dayLab}, {SnoozeNextWeek, tt.week, tt.weekLab}} {
				got := c.s.From(due, today)
				if got != day(c.want) {
					t.Errorf("%s = %s, want %s", c.lab, got, c.want)
				}
				if !got.After(due) || got.Before(today) {
					t.Errorf("%s moves %s to %s on %s: not later, or into the past", c.lab, due, got, today)
				}
				if l := c.s.Label(due, today); l != c.lab {
					t.Errorf("label %q, want %q", l, c.lab)
				}
			}
		})
	}
}

// TestSnoozeChoicesDistinct: on every day of the week, for a follow-up
// overdue, due that day or due later, the two choices a menu offers are
// different days, both later than the due day and none in the past.
func TestSnoozeChoicesDistinct(t *testing.T) {
	monday := day("2026-11-23")
	for i := range 7 {
		today := monday.AddDays(i)
		for _, c := range []struct {
			name string
			due  Day
		}{
			{"overdue", today.AddDays(-3)},
			{"due today", today},
			{"due tomorrow", today.AddDays(1)},
			{"due in six days", today.AddDays(6)},
		} {
			t.Run(fmt.Sprintf("%s, %s", today.utc().Weekday(), c.name), func(t *testing.T) {
				tomorrow, week := SnoozeTomorrow.From(c.due, today), SnoozeNextWeek.From(c.due, today)
				if tomorrow == week {
					t.Errorf("both choices move %s to %s", c.due, week)
				}
				for _, to := range []Day{tomorrow, week} {
					if err := CheckSnooze(c.due, today, to); err != nil || !to.After(c.due) {
						t.Errorf("snoozing %s to %s on %s: %v", c.due, to, today, err)
					}
				}
				if wd := week.utc().Weekday(); wd != time.Monday {
					t.Errorf("next week is a %s, not a Monday", wd)
				}
			})
		}
	}
}

func TestCheckSnooze(t *testing.T) {
	tests := []struct {
		name           string
		due, today, to string
		ok             bool
	}{
		{"a day after the due day", "2026-11-24", "2026-11-20", "2026-11-25", true},
		{"tomorrow, before the due day", "2026-11-24", "2026-11-20", "2026-11-21", false},
		{"the due day itself", "2026-11-24", "2026-11-20", "2026-11-24", false},
		{"a past day", "2026-11-24", "2026-11-20", "2026-11-15", false},
		{"overdue, to today", "2026-11-15", "2026-11-20", "2026-11-20", true},
		{"overdue, to a day still past", "2026-11-15", "2026-11-20", "2026-11-18", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckSnooze(day(tt.due), day(tt.today), day(tt.to))
			if (err == nil) != tt.ok {
				t.Errorf("CheckSnooze = %v, want ok %v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrNotLater) {
				t.Errorf("error %v is not ErrNotLater", err)
			}
			if f := FirstSnoozeDay(day(tt.due), day(tt.today)); (CheckSnooze(day(tt.due), day(tt.today), f) != nil) || CheckSnooze(day(tt.due), day(tt.today), f.AddDays(-1)) == nil {
				t.Errorf("FirstSnoozeDay = %s is not the first day a snooze may pick", f)
			}
		})
	}
}

func TestCadence(t *testing.T) {
	tests := []struct {
		c     Cadence
		str   string
		valid bool
	}{
		{Cadence{}, "", true},
		{Cadence{61, 122}, "every 2 months, at most 4", true},
		{Cadence{45, 90}, "every 45 days, at most 90", true},
		{Cadence{30, 0}, "every 30 days", true},
		{Cadence{90, 30}, "every 90 days, at most 30", false},
		{Cadence{-1, 0}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.str, func(t *testing.T) {
			if tt.valid && tt.c.String() != tt.str {
				t.Errorf("String = %q, want %q", tt.c.String(), tt.str)
			}
			if (tt.c.Valid() == nil) != tt.valid {
				t.Errorf("Valid = %v, want valid %v", tt.c.Valid(), tt.valid)
			}
		})
	}
}

func TestCadenceText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Cadence
		ok   bool
	}{
		{"none", "", Cadence{}, true},
		{"blank is none", "  ", Cadence{}, true},
		{"both gaps", "61/122", Cadence{Ideal: 61, Max: 122}, true},
		{"spaces around the numbers", " 30 / 60 ", Cadence{Ideal: 30, Max: 60}, true},
		{"only a maximum", "0/90", Cadence{Max: 90}, true},
		{"only an ideal gap", "14/0", Cadence{Ideal: 14}, true},
		{"one number", "61", Cadence{}, false},
		{"words", "monthly", Cadence{}, false},
		{"not a number", "61/x", Cadence{}, false},
		{"negative", "-1/5", Cadence{}, false},
		{"ideal past the maximum", "90/30", Cadence{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Cadence{Ideal: 7, Max: 8} // overwritten on success, kept on error
			err := c.UnmarshalText([]byte(tt.text))
			if (err == nil) != tt.ok {
				t.Fatalf("UnmarshalText(%q) = %v, want ok %v", tt.text, err, tt.ok)
			}
			if !tt.ok {
				if c != (Cadence{Ideal: 7, Max: 8}) {
					t.Errorf("failed UnmarshalText(%q) changed the cadence to %+v", tt.text, c)
				}
				return
			}
			if c != tt.want {
				t.Errorf("UnmarshalText(%q) = %+v, want %+v", tt.text, c, tt.want)
			}
			text, err := c.MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			var again Cadence
			if err := again.UnmarshalText(text); err != nil || again != c {
				t.Errorf("%+v written as %q reads back as %+v, %v", c, text, again, err)
			}
		})
	}
	for _, p := range CadencePresets {
		t.Run("preset "+p.Name, func(t *testing.T) {
			text, err := p.Cadence.MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			var c Cadence
			if err := c.UnmarshalText(text); err != nil || c != p.Cadence {
				t.Errorf("%+v written as %q reads back as %+v, %v", p.Cadence, text, c, err)
			}
		})
	}
	if text, _ := (Cadence{Ideal: 61, Max: 122}).MarshalText(); string(text) != "61/122" {
		t.Errorf("MarshalText = %q, want 61/122", text)
	}
}
