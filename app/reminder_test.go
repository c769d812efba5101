package app

import (
	"testing"
	"time"
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
