// Package environ restarts Follow Through with the environment it needs,
// before any other package starts. Importing it is enough: main imports
// it for its side effect.
//
// It has to be a package of its own because Fyne reads the locale while
// its packages initialise, before main runs. Go initialises packages in
// the order of their import paths, among those whose imports are ready,
// and this package needs only the standard library, so it runs first.
package environ

import (
	"os"
	"strings"
	"syscall"
)

func init() {
	if add := missing(os.Getenv); len(add) > 0 {
		restart(add)
	}
}

// missing returns, as KEY=VALUE, what the environment given by getenv
// lacks:
//   - OMP_THREAD_LIMIT=1: Tesseract reads about three times faster on a
//     small machine without OpenMP's threads, and the variable only takes
//     effect if it is there when the process starts;
//   - MALLOC_ARENA_MAX=1: Tesseract allocates its working images with
//     the C library's malloc, from whichever thread cgo runs it on, and
//     glibc gives each such thread an arena of its own that it keeps; one
//     arena held a 200-card batch with two workers about 55 MB lower than
//     two, and two about 80 MB lower than glibc's default, in the same
//     time (see BENCHMARKS.md);
//   - a language tag Fyne can parse when the locale is the bare "C" or
//     "POSIX" of a minimal system (Fyne logs an error at every start
//     otherwise). Only Go code reads it: the C library's locale, which
//     Tesseract depends on, stays "C".
func missing(getenv func(string) string) []string {
	var add []string
	if getenv("OMP_THREAD_LIMIT") == "" {
		add = append(add, "OMP_THREAD_LIMIT=1")
	}
	if getenv("MALLOC_ARENA_MAX") == "" {
		add = append(add, "MALLOC_ARENA_MAX=1")
	}
	locale := getenv("LC_ALL")
	if locale == "" {
		locale = getenv("LC_MESSAGES")
	}
	if locale == "" {
		locale = getenv("LANG")
	}
	if l, _, _ := strings.Cut(locale, "."); l == "" || l == "C" || l == "POSIX" {
		add = append(add, "LC_ALL=", "LC_MESSAGES=", "LANG=en_US.UTF-8")
	}
	return add
}

// restart sets add in the environment and runs the program again in it.
// If it cannot, the program carries on with what os.Setenv could do.
func restart(add []string) {
	for _, kv := range add {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v)
	}
	if exe, err := os.Executable(); err == nil {
		syscall.Exec(exe, os.Args, os.Environ())
	}
}
