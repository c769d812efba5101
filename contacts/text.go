package contacts

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanText returns s fit to keep, show and write into a vCard, for a
// field of several lines such as a note: valid UTF-8 (a bad byte becomes
// U+FFFD), line breaks as "\n", and without the characters that have no
// business in a contact and that readers choke on or that change how the
// text around them shows:
//   - control characters other than line feed and tab (NUL, escape, the C1
//     range), which vCard does not allow;
//   - the bidirectional embeddings and overrides (U+202A to U+202E), which
//     reverse the text after them up to the end of the line; the
//     right-to-left and left-to-right marks, which Arabic and Hebrew text
//     needs, stay;
//   - the byte order mark and the noncharacters U+FFFE and U+FFFF.
//
// Emoji and every script are kept as they are.
func CleanText(s string) string { return clean(s, true) }

// CleanLine is CleanText for a one-line field, such as a name: line
// breaks and tabs become spaces.
func CleanLine(s string) string { return clean(s, false) }

func clean(s string, multiline bool) string {
	if isClean(s, multiline) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t' && !multiline:
			b.WriteByte(' ')
		case r == '\t':
			b.WriteByte('\t')
		case unwanted(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether clean would return s unchanged, without
// allocating.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r == '\n' || r == '\t':
			if !multiline {
				return false
			}
		case r == '\r' || r == '\u2028' || r == '\u2029' || unwanted(r):
			return false
		}
		i += size
	}
	return true
}

// unwanted reports whether clean drops r.
func unwanted(r rune) bool {
	switch {
	case unicode.IsControl(r): // C0, DEL and C1
		return true
	case '\u202A' <= r && r <= '\u202E': // embeddings and overrides
		return true
	case r == '\uFEFF' || r == '\uFFFE' || r == '\uFFFF':
		return true
	}
	return false
}

// Clean returns c with every text cleaned: CleanLine for one-line fields,
// CleanText for an address's street, the note and what was talked about.
// Addresses without a component are dropped, and labels of emails and
// websites the contact does not have. The store keeps contacts this way,
// whatever they were read from.
func (c Contact) Clean() Contact {
	for _, f := range []*string{&c.UID, &c.FullName, &c.Prefix, &c.GivenName, &c.MiddleName, &c.FamilyName, &c.Suffix,
		&c.PhoneticGivenName, &c.PhoneticFamilyName, &c.Title, &c.Company, &c.Event, &c.IntroducedBy} {
		*f = CleanLine(*f)
	}
	for _, f := range []*string{&c.Note, &c.TalkedAbout} {
		*f = CleanText(*f)
	}
	c.Phones = cleanEach(c.Phones, func(p Phone) Phone { p.Number = CleanLine(p.Number); return p })
	c.Emails, c.EmailLabels = cleanLabelled(c.Emails, c.EmailLabels)
	c.Websites, c.WebsiteLabels = cleanLabelled(c.Websites, c.WebsiteLabels)
	var addrs []Address
	for _, a := range c.Addresses {
		if a = a.clean(); !a.IsZero() {
			addrs = append(addrs, a)
		}
	}
	c.Addresses = addrs
	c.Tags = cleanEach(c.Tags, CleanLine)
	c.Extra = cleanEach(c.Extra, CleanLine)
	return c
}

// cleanLabelled returns values cleaned as CleanLine, and their labels
// keyed by the cleaned values: only those of values there are, and nil for
// none.
func cleanLabelled(values []string, labels map[string]Label) ([]string, map[string]Label) {
	cleaned := cleanEach(values, CleanLine)
	var out map[string]Label
	for i, v := range values {
		if l := Label(CleanLine(string(labels[v]))); l != "" {
			if out == nil {
				out = make(map[string]Label)
			}
			out[cleaned[i]] = l
		}
	}
	return cleaned, out
}

// cleanEach returns xs with fn applied to each, copied only if that
// changes one.
func cleanEach[T comparable](xs []T, fn func(T) T) []T {
	for i, x := range xs {
		if y := fn(x); y != x {
			out := append([]T(nil), xs...)
			for j := i; j < len(out); j++ {
				out[j] = fn(out[j])
			}
			return out
		}
	}
	return xs
}

// JoinNonEmpty joins the non-empty strings of elems with sep.
func JoinNonEmpty(sep string, elems ...string) string {
	var kept []string
	for _, e := range elems {
		if e != "" {
			kept = append(kept, e)
		}
	}
	return strings.Join(kept, sep)
}

// Plural is n and what, with an s for any number but one: "1 day",
// "3 days".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Truncate returns s cut to its first n characters, with an ellipsis when
// that left some out, to quote in a message.
func Truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
