package contacts

import "testing"

func TestNextFollowUp(t *testing.T) {
	fri := Day{Year: 2026, Month: 11, Day: 20} // a Friday
	jan31 := Day{Year: 2027, Month: 1, Day: 31}
	cadence := Cadence{Ideal: 61, Max: 122}
	tests := []struct {
		outcome   string
		done      Kind
		cadence   Cadence
		today     Day
		wantKind  Kind
		wantDue   Day
		fromWords bool
	}{
		{"Coffee next month", KindCall, Cadence{}, fri, KindCoffee, Day{2026, 12, 20}, true},
		{"great chat, call Friday", KindEmail, Cadence{}, fri, KindCall, Day{2026, 11, 27}, true},
		{"wants to talk again on Tuesday", KindEmail, Cadence{}, fri, KindEmail, Day{2026, 11, 24}, true},
		{"follow up next Monday", KindCall, Cadence{}, fri, KindCall, Day{2026, 11, 23}, true},
		{"send the deck in two weeks", KindEmail, Cadence{}, fri, KindEmail, Day{2026, 12, 4}, true},
		{"ping again in 10 days", KindNote, Cadence{}, fri, KindNote, Day{2026, 11, 30}, true},
		{"lunch in a couple of months", KindCall, Cadence{}, fri, KindCoffee, Day{2027, 1, 20}, true},
		{"check back in a few weeks", KindCall, Cadence{}, fri, KindCall, Day{2026, 12, 11}, true},
		{"in a fortnight", KindCall, Cadence{}, fri, KindCall, Day{2026, 12, 4}, true},
		{"meet tomorrow", KindCall, Cadence{}, fri, KindMeeting, Day{2026, 11, 21}, true},
		{"next week", KindCall, Cadence{}, fri, KindCall, Day{2026, 11, 23}, true},
		{"budget talk in March", KindCall, Cadence{}, fri, KindCall, Day{2027, 3, 1}, true},
		{"renewal next year", KindEmail, Cadence{}, fri, KindEmail, Day{2027, 11, 20}, true},
		{"coffee next month", KindCall, Cadence{}, jan31, KindCoffee, Day{2027, 2, 28}, true},
		{"gave me her card, call next week", KindEmail, Cadence{}, fri, KindCall, Day{2026, 11, 23}, true},
		{"Kept it: introduced her to Sam", KindPromise, Cadence{}, fri, "", Day{}, false},
		// No day in the words: the cadence's ideal gap, if any.
		{"went well", KindCoffee, cadence, fri, KindCoffee, fri.AddDays(61), false},
		{"intro done", KindPromise, cadence, fri, KindCall, fri.AddDays(61), false},
		{"in a good mood", KindCall, cadence, fri, KindCall, fri.AddDays(61), false},
		{"", KindCall, cadence, fri, "", Day{}, false},
		{"   ", KindCall, Cadence{}, fri, "", Day{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.outcome, func(t *testing.T) {
			next, fromWords := NextFollowUp(tt.outcome, tt.done, tt.cadence, tt.today)
			if next.Kind != tt.wantKind || next.Due != tt.wantDue || fromWords != tt.fromWords {
				t.Errorf("NextFollowUp(%q) = %s on %s (from words %v), want %s on %s (%v)",
					tt.outcome, next.Kind, next.Due, fromWords, tt.wantKind, tt.wantDue, tt.fromWords)
			}
			if fromWords && next.Line != tt.outcome {
				t.Errorf("line %q, want the outcome", next.Line)
			}
		})
	}
}
