// Package contentline writes the content lines that vCard (RFC 6350) and
// iCalendar (RFC 5545) share: long lines folded at 75 octets, each
// continuation starting with a space.
package contentline

import (
	"bytes"
	"unicode/utf8"
)

// MaxOctets is the longest a line may be, CRLF excluded, in a vCard
// or an iCalendar file, which fold lines the same way.
const MaxOctets = 75

// Write writes line to buf followed by CRLF, folding it into lines
// of at most MaxOctets octets: each line after the first starts with a
// space. It breaks neither a UTF-8 sequence nor a backslash escape.
func Write(buf *bytes.Buffer, line string) {
	limit := MaxOctets
	for len(line) > limit {
		cut := limit
		for cut > limit-utf8.UTFMax && !utf8.RuneStart(line[cut]) {
			cut--
		}
		// An odd number of backslashes before cut means the last one
		// starts an escape: keep it with the character it escapes.
		n := 0
		for i := cut - 1; i >= 0 && line[i] == '\\'; i-- {
			n++
		}
		if n%2 == 1 {
			cut--
		}
		buf.WriteString(line[:cut])
		buf.WriteString("\r\n ")
		line = line[cut:]
		limit = MaxOctets - 1 // the leading space counts
	}
	buf.WriteString(line)
	buf.WriteString("\r\n")
}
