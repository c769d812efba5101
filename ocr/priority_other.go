//go:build !linux

package ocr

// InBackground does nothing where threads have no priority of their own
// that a program may lower.
func InBackground() {}

// ThreadNice is the nice value of the calling goroutine's thread, for
// tests; ok is false where threads have none.
func ThreadNice() (nice int, ok bool) { return 0, false }
