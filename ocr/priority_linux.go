package ocr

import (
	"runtime"
	"syscall"
)

// InBackground locks the calling goroutine to its thread for good and
// lowers that thread's priority by BackgroundNice, so that the processor
// goes first to the process's other threads whenever they want it: the
// thread dies with the goroutine, never running other goroutines at the
// lower priority. It is for a worker reading cards that no one waits for
// yet, beside one reading the card a person waits for. Linux sets a nice
// value per thread (setpriority(2)); the machine's other programs are not
// favoured by it when, as on most desktops, each session or application
// has a scheduling group of its own (autogroup, cgroups).
func InBackground() {
	runtime.LockOSThread()
	tid := syscall.Gettid()
	raw, err := syscall.Getpriority(syscall.PRIO_PROCESS, tid)
	if err != nil {
		return
	}
	nice := 20 - raw // the system call's convention
	syscall.Setpriority(syscall.PRIO_PROCESS, tid, min(19, nice+BackgroundNice))
}

// A Thread is the system thread a goroutine locked itself to with
// LockThread, whose priority any goroutine may lower.
type Thread struct{ tid int }

// LockThread locks the calling goroutine to its thread for good (the
// thread dies with the goroutine, never running other goroutines at a
// priority it was given) and returns the thread.
func LockThread() Thread {
	runtime.LockOSThread()
	return Thread{tid: syscall.Gettid()}
}

// Lower lowers t's priority by BackgroundNice, for good: a program
// without privileges may lower a thread's priority but never raise it
// again, so a thread is lowered once, when someone waits for another.
func (t Thread) Lower() {
	raw, err := syscall.Getpriority(syscall.PRIO_PROCESS, t.tid)
	if err != nil {
		return
	}
	syscall.Setpriority(syscall.PRIO_PROCESS, t.tid, min(19, 20-raw+BackgroundNice))
}

// Nice is t's nice value, for tests; ok is false where threads have none.
func (t Thread) Nice() (nice int, ok bool) {
	raw, err := syscall.Getpriority(syscall.PRIO_PROCESS, t.tid)
	if err != nil {
		return 0, false
	}
	return 20 - raw, true
}

// CurrentThread is the thread the calling goroutine runs on, which it
// should have locked itself to, for tests.
func CurrentThread() Thread { return Thread{tid: syscall.Gettid()} }

// BackgroundNice is how much lower InBackground makes a thread's
// priority than the process's: at 10, a thread gets a tenth of the
// processor time of one at the process's priority that wants it too.
const BackgroundNice = 10

// ThreadNice is the nice value of the calling goroutine's thread, for
// tests; ok is false where threads have none.
func ThreadNice() (nice int, ok bool) {
	raw, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
	if err != nil {
		return 0, false
	}
	return 20 - raw, true
}
