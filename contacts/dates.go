package contacts

import (
	"fmt"
	"strings"
	"time"
)

// DateOrder is the order a locale writes a day's parts in.
type DateOrder int

// The orders of a day's parts.
const (
	// YearFirst writes 2026-12-07, as ISO 8601 does: for the C and POSIX
	// locales, which ask for no local custom, for a locale not known,
	// and where the custom is year first (Japan, China, Korea, Sweden).
	YearFirst  DateOrder = iota
	MonthFirst           // Mon, Dec 7, 2026: the United States
	DayFirst             // Mon 7 Dec 2026: most of the world
)

// DateFormat is how the user's locale writes a day, and reads one typed.
// Every day shown to the user, in the window, the tray, notifications
// and the command line's text, is written with one; files for other
// programs (vCard, iCalendar, JSON) keep ISO 8601. The zero DateFormat
// writes ISO 8601.
type DateFormat struct {
	Order DateOrder
}

// DateFormatFor is the date format of the POSIX locale named, as in
// LC_TIME or LANG: "en_US.UTF-8", "de_DE", "fr", "C".
func DateFormatFor(locale string) DateFormat {
	locale, _, _ = strings.Cut(locale, ".") // the encoding
	locale, _, _ = strings.Cut(locale, "@") // the modifier
	lang, region, _ := strings.Cut(strings.ReplaceAll(locale, "-", "_"), "_")
	lang, region = strings.ToLower(lang), strings.ToUpper(region)
	switch region {
	case "US", "PH", "FM", "MH", "PR", "GU", "AS", "VI", "UM":
		return DateFormat{MonthFirst}
	case "JP", "CN", "TW", "HK", "KR", "MN", "SE", "HU", "LT", "CA", "ZA":
		return DateFormat{YearFirst}
	case "":
		switch lang {
		case "", "c", "posix", "en", "ja", "zh", "ko", "sv", "hu", "lt", "mn":
			// English alone names no side of the Atlantic.
			return DateFormat{YearFirst}
		}
	}
	return DateFormat{DayFirst}
}

// The layouts a DateFormat writes days in.
const (
	layoutMonthFirst = "Mon, Jan 2, 2006"
	layoutDayFirst   = "Mon 2 Jan 2006"
)

// Day writes d: "Mon, Dec 7, 2026", "Mon 7 Dec 2026" or "2026-12-07";
// "" for the zero Day.
func (f DateFormat) Day(d Day) string {
	if d.IsZero() {
		return ""
	}
	switch f.Order {
	case MonthFirst:
		return d.utc().Format(layoutMonthFirst)
	case DayFirst:
		return d.utc().Format(layoutDayFirst)
	}
	return d.String()
}

// Time writes the day and the time of day of t, in t's location: "Mon,
// Dec 7, 2026, 3:04 PM", "Mon 7 Dec 2026, 15:04", "2026-12-07 15:04".
func (f DateFormat) Time(t time.Time) string {
	day := f.Day(DayOf(t))
	switch f.Order {
	case MonthFirst:
		return day + ", " + t.Format("3:04 PM")
	case DayFirst:
		return day + ", " + t.Format("15:04")
	}
	return day + " " + t.Format("15:04")
}

// DueIn says when a follow-up due on due comes, seen from today, in
// words while it is near: "due today", "due tomorrow", "due Thursday",
// "due Mon, Dec 14, 2026", "3 days overdue (Mon, Dec 1, 2026)".
func (f DateFormat) DueIn(due, today Day) string {
	switch n := due.Sub(today); {
	case n < 0:
		return fmt.Sprintf("%s overdue (%s)", Plural(-n, "day"), f.Day(due))
	case n == 0:
		return "due today"
	case n == 1:
		return "due tomorrow"
	case n < 7:
		return "due " + due.utc().Weekday().String()
	}
	return "due " + f.Day(due)
}

// Parse reads a day typed as f writes it, with or without its weekday
// and commas, with the month's full name too; as digits in the locale's
// order (12/7/2026 in the US, 7/12/2026 or 7.12.2026 where the day comes
// first); or in ISO 8601 (2026-12-07), which is always understood. ""
// is the zero Day.
func (f DateFormat) Parse(s string) (Day, error) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	if s == "" {
		return Day{}, nil
	}
	// A month named cannot be mistaken, whichever side the day is on.
	layouts := []string{"2006-01-02", "Mon Jan 2 2006", "Jan 2 2006", "Monday January 2 2006", "January 2 2006",
		"Mon 2 Jan 2006", "2 Jan 2006", "Monday 2 January 2006", "2 January 2006"}
	switch f.Order {
	case MonthFirst:
		layouts = append(layouts, "1/2/2006")
	case DayFirst:
		layouts = append(layouts, "2/1/2006", "2.1.2006")
	default:
		layouts = append(layouts, "2006/1/2")
	}
	for _, layout := range layouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if strings.HasPrefix(layout, "Mon") {
			// A weekday typed must be the day's.
			typed, _, _ := strings.Cut(s, " ")
			if wd := t.Weekday().String(); !strings.EqualFold(typed, wd) && !strings.EqualFold(typed, wd[:3]) {
				return Day{}, fmt.Errorf("contacts: day %q: %s is a %s", s, f.Day(DayOf(t)), t.Weekday())
			}
		}
		return DayOf(t), nil
	}
	return Day{}, fmt.Errorf("contacts: day %q: want a day like %s", s, f.Day(Day{2026, time.November, 20}))
}
