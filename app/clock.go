package app

import (
	"time"

	"followthrough/contacts"
)

// A Clock tells the time to the window and the commands. The zero Clock
// is the system's; a test sets one that stands still.
type Clock func() time.Time

// Now is the time on c.
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now()
	}
	return c()
}

// Today is the day it is on c, on the local calendar.
func (c Clock) Today() contacts.Day { return contacts.DayOf(c.Now()) }
