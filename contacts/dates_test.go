package contacts

import (
	"testing"
	"time"
)

func TestDateFormat(t *testing.T) {
	mon := Day{2026, time.December, 7} // a Monday
	at := time.Date(2026, 12, 7, 15, 4, 0, 0, time.UTC)
	tests := []struct {
		locale    string
		day, time string
	}{
		{"en_US.UTF-8", "Mon, Dec 7, 2026", "Mon, Dec 7, 2026, 3:04 PM"},
		{"en_PH", "Mon, Dec 7, 2026", "Mon, Dec 7, 2026, 3:04 PM"},
		{"en_GB.UTF-8", "Mon 7 Dec 2026", "Mon 7 Dec 2026, 15:04"},
		{"de_DE.UTF-8@euro", "Mon 7 Dec 2026", "Mon 7 Dec 2026, 15:04"},
		{"fr_FR", "Mon 7 Dec 2026", "Mon 7 Dec 2026, 15:04"},
		{"fr", "Mon 7 Dec 2026", "Mon 7 Dec 2026, 15:04"},
		{"pt-BR", "Mon 7 Dec 2026", "Mon 7 Dec 2026, 15:04"},
		{"en_IN", "Mon 7 Dec 2026", "Mon 7 Dec 2026, 15:04"},
		{"ja_JP.UTF-8", "2026-12-07", "2026-12-07 15:04"},
		{"sv_SE", "2026-12-07", "2026-12-07 15:04"},
		{"C", "2026-12-07", "2026-12-07 15:04"},
		{"C.UTF-8", "2026-12-07", "2026-12-07 15:04"},
		{"POSIX", "2026-12-07", "2026-12-07 15:04"},
		{"", "2026-12-07", "2026-12-07 15:04"},
		{"en", "2026-12-07", "2026-12-07 15:04"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			f := DateFormatFor(tt.locale)
			if got := f.Day(mon); got != tt.day {
				t.Errorf("Day = %q, want %q", got, tt.day)
			}
			if got := f.Time(at); got != tt.time {
				t.Errorf("Time = %q, want %q", got, tt.time)
			}
			// What is shown can be typed back.
			if got, err := f.Parse(tt.day); err != nil || got != mon {
				t.Errorf("Parse(%q) = %s, %v; want %s", tt.day, got, err, mon)
			}
			if f.Day(Day{}) != "" {
				t.Errorf("the zero Day is written %q, want nothing", f.Day(Day{}))
			}
		})
	}
}

func TestDateFormatParse(t *testing.T) {
	us, de, iso := DateFormatFor("en_US"), DateFormatFor("de_DE"), DateFormatFor("C")
	feb3 := Day{2026, time.February, 3}
	tests := []struct {
		f    DateFormat
		in   string
		want Day
		bad  bool
	}{
		{us, "2/3/2026", feb3, false},
		{de, "3/2/2026", feb3, false},
		{de, "3.2.2026", feb3, false},
		{iso, "2026/2/3", feb3, false},
		{us, "2026-02-03", feb3, false},
		{de, "2026-02-03", feb3, false},
		{us, "Feb 3, 2026", feb3, false},
		{us, "3 Feb 2026", feb3, false}, // a month named reads either way
		{de, "Feb 3 2026", feb3, false},
		{de, "tuesday, 3 february 2026", feb3, false},
		{us, "Tue,  Feb 3,2026", feb3, false},
		{iso, "Tue 3 Feb 2026", feb3, false},
		{us, "", Day{}, false},
		{us, "Wed, Feb 3, 2026", Day{}, true}, // Feb 3 is a Tuesday
		{us, "Wednesday 3 Feb 2026", Day{}, true},
		{us, "3.2.2026", Day{}, true}, // digits only in the locale's order
		{iso, "2/3/2026", Day{}, true},
		{us, "Feb 30, 2026", Day{}, true},
		{us, "soon", Day{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := tt.f.Parse(tt.in)
			if (err != nil) != tt.bad || got != tt.want {
				t.Errorf("Parse(%q) = %s, %v; want %s (error: %v)", tt.in, got, err, tt.want, tt.bad)
			}
		})
	}
}

func TestDueIn(t *testing.T) {
	today := Day{2026, time.December, 3} // a Thursday
	tests := []struct {
		locale string
		due    Day
		want   string
	}{
		{"en_US", today, "due today"},
		{"en_US", today.AddDays(1), "due tomorrow"},
		{"en_US", today.AddDays(4), "due Monday"},
		{"en_US", today.AddDays(7), "due Thu, Dec 10, 2026"},
		{"en_GB", today.AddDays(7), "due Thu 10 Dec 2026"},
		{"C", today.AddDays(7), "due 2026-12-10"},
		{"en_US", today.AddDays(-1), "1 day overdue (Wed, Dec 2, 2026)"},
		{"de_DE", today.AddDays(-5), "5 days overdue (Sat 28 Nov 2026)"},
		{"POSIX", today.AddDays(-5), "5 days overdue (2026-11-28)"},
	}
	for _, tt := range tests {
		t.Run(tt.locale+" "+tt.due.String(), func(t *testing.T) {
			if got := DateFormatFor(tt.locale).DueIn(tt.due, today); got != tt.want {
				t.Errorf("DueIn(%s, %s) = %q, want %q", tt.due, today, got, tt.want)
			}
		})
	}
}

func TestMergeMetWritesTheDay(t *testing.T) {
	c := Contact{Event: "Expo", MetOn: Day{2026, time.November, 10}, IntroducedBy: "Sam"}
	tests := []struct{ locale, want string }{
		{"en_US", "Expo on Tue, Nov 10, 2026, introduced by Sam"},
		{"en_GB", "Expo on Tue 10 Nov 2026, introduced by Sam"},
		{"C", "Expo on 2026-11-10, introduced by Sam"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			if got := MergeMet.Value(c, DateFormatFor(tt.locale)); got != tt.want {
				t.Errorf("Value = %q, want %q", got, tt.want)
			}
		})
	}
}
