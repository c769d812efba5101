package app

import (
	"fmt"
	"strings"
)

// Plural is n of what, as "1 card" or "3 cards".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// CountPeople is "1 person" or "n people".
func CountPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

// JoinNonEmpty joins the parts that are not blank with sep, each without
// the space around it.
func JoinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
