//go:build !linux

package ocr

import "runtime"

// InBackground does nothing where threads have no priority of their own
// that a program may lower.
func InBackground() {}

// ThreadNice is the nice value of the calling goroutine's thread, for
// tests; ok is false where threads have none.
func ThreadNice() (nice int, ok bool) { return 0, false }

// A Thread is the system thread a goroutine locked itself to with
// LockThread; here its priority cannot be changed.
type Thread struct{}

// LockThread locks the calling goroutine to its thread for good.
func LockThread() Thread {
	runtime.LockOSThread()
	return Thread{}
}

// Lower does nothing where threads have no priority of their own.
func (Thread) Lower() {}

// Nice is t's nice value, for tests: there is none here.
func (Thread) Nice() (nice int, ok bool) { return 0, false }

// CurrentThread is the thread the calling goroutine runs on, for tests.
func CurrentThread() Thread { return Thread{} }
