package contacts

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// NextFollowUp proposes the follow-up after one of kind done marked done
// on today with outcome: when the outcome's words say when ("coffee next
// month", "call Friday", "in two weeks"), on that day, of the kind they
// name or else done's, its line the outcome; when they do not, after the
// cadence's ideal gap, of done's kind. fromWords tells which. With no
// outcome, or neither words nor a cadence, it proposes nothing: the
// zero FollowUp.
func NextFollowUp(outcome string, done Kind, cadence Cadence, today Day) (next FollowUp, fromWords bool) {
	outcome = strings.TrimSpace(outcome)
	if outcome == "" {
		return FollowUp{}, false
	}
	if done == "" || done == KindPromise || done == KindMet {
		done = KindCall
	}
	words := outcomeWords(outcome)
	if due, ok := dayFromWords(words, today); ok {
		kind, ok := kindFromWords(words)
		if !ok {
			kind = done
		}
		return FollowUp{Kind: kind, Due: due, Line: outcome, State: StateOpen}, true
	}
	if cadence.Ideal > 0 {
		return FollowUp{Kind: done, Due: today.AddDays(cadence.Ideal), State: StateOpen}, false
	}
	return FollowUp{}, false
}

// outcomeWords is s in lower case, split into words.
func outcomeWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
}

// kindWords are words that name a kind of follow-up.
var kindWords = map[string]Kind{
	"call": KindCall, "phone": KindCall, "ring": KindCall,
	"coffee": KindCoffee, "lunch": KindCoffee, "breakfast": KindCoffee, "dinner": KindCoffee, "drinks": KindCoffee,
	"meet": KindMeeting, "meeting": KindMeeting, "visit": KindMeeting,
	"email": KindEmail, "e-mail": KindEmail, "mail": KindEmail, "write": KindEmail,
	"note": KindNote,
}

// kindFromWords is the kind the first word naming one names.
func kindFromWords(words []string) (Kind, bool) {
	for _, w := range words {
		if k, ok := kindWords[w]; ok {
			return k, true
		}
	}
	return "", false
}

// numberWords are the counts written out that outcomes use.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "couple": 2, "three": 3, "few": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// dayFromWords reads when, counted from today, words say to follow up:
// "tomorrow", "next week" (its Monday), "next month", "next year", "in
// N days, weeks, months or years" ("in a couple of weeks"), "in a
// fortnight", a weekday ("Friday", "next Friday": the next one after
// today) or "in March" (its first day, the next March to come).
func dayFromWords(words []string, today Day) (Day, bool) {
	for i, w := range words {
		next := func(k int) string {
			if i+k < len(words) {
				return words[i+k]
			}
			return ""
		}
		switch w {
		case "tomorrow":
			return today.AddDays(1), true
		case "fortnight":
			return today.AddDays(14), true
		case "next":
			switch strings.TrimSuffix(next(1), "s") {
			case "week":
				return nextMonday(today), true // from a Sunday, tomorrow
			case "month":
				return addMonths(today, 1), true
			case "year":
				return addMonths(today, 12), true
			}
		case "in", "after", "within":
			if d, ok := countFromWords(words[i+1:], today); ok {
				return d, true
			}
			if m, ok := monthNamed(next(1)); ok {
				y := today.Year
				if m <= today.Month {
					y++
				}
				return Day{Year: y, Month: m, Day: 1}, true
			}
		}
		if wd, ok := weekdayNamed(w); ok {
			days := (int(wd) - int(today.utc().Weekday()) + 7) % 7
			if days == 0 {
				days = 7
			}
			return today.AddDays(days), true
		}
	}
	return Day{}, false
}

// countFromWords reads "two weeks", "a couple of months", "3 days" at the
// start of words as that long after today.
func countFromWords(words []string, today Day) (Day, bool) {
	n, rest := 0, words
	for len(rest) > 0 {
		w := rest[0]
		if v, err := strconv.Atoi(w); err == nil && v > 0 && v < 1000 {
			n, rest = v, rest[1:]
			break
		}
		if v, ok := numberWords[w]; ok {
			if v > n {
				n = v // "a couple": two, "a few": three
			}
			rest = rest[1:]
			continue
		}
		if w == "of" && n > 0 {
			rest = rest[1:]
			continue
		}
		break
	}
	if n == 0 || len(rest) == 0 {
		return Day{}, false
	}
	switch strings.TrimSuffix(rest[0], "s") {
	case "day":
		return today.AddDays(n), true
	case "week":
		return today.AddDays(7 * n), true
	case "fortnight":
		return today.AddDays(14 * n), true
	case "month":
		return addMonths(today, n), true
	case "year":
		return addMonths(today, 12*n), true
	}
	return Day{}, false
}

// addMonths is the same day n months after d, or the month's last day
// when it is shorter: a month after January 31 is the end of February.
func addMonths(d Day, n int) Day {
	first := Day{Year: d.Year, Month: d.Month, Day: 1}.utc().AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return Day{Year: first.Year(), Month: first.Month(), Day: min(d.Day, last)}
}

func weekdayNamed(w string) (time.Weekday, bool) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if w == strings.ToLower(wd.String()) {
			return wd, true
		}
	}
	return 0, false
}

func monthNamed(w string) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		if w == strings.ToLower(m.String()) {
			return m, true
		}
	}
	return 0, false
}
