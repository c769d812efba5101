//go:build !linux

package app

// inBackground does nothing where threads have no priority of their own
// that the app may lower; Arrivals' workers still pause between passes
// for the newest card.
func inBackground() {}

// threadNice is the nice value of the calling goroutine's thread, for
// tests; ok is false where threads have none.
func threadNice() (nice int, ok bool) { return 0, false }
