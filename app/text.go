package app

import "fmt"

// CountPeople is "1 person" or "n people".
func CountPeople(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}
