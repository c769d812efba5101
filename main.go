// Command followthrough turns business cards into contacts and makes sure
// the user follows up with the people on them.
//
// With no command it opens the window; see followthrough --help for the
// commands that work from a terminal.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"followthrough/app"
	"followthrough/contacts"
)

func main() {
	limitTesseractThreads()
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	name := "window"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "help" || len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") && name == "window" {
		app.Usage(os.Stdout)
		return 0
	}
	cmd := app.Lookup(name)
	if cmd == nil {
		fmt.Fprintf(os.Stderr, "followthrough: unknown command %q\n\n", name)
		app.Usage(os.Stderr)
		return 2
	}
	fs := cmd.FlagSet()
	data := fs.String("data", app.DefaultDataDir(), "keep the database and card images in `DIR`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var store *contacts.Store
	if cmd.NeedsStore {
		var err error
		if store, err = contacts.Open(ctx, *data); err != nil {
			fmt.Fprintln(os.Stderr, "followthrough:", err)
			return 1
		}
		defer store.Close()
	}
	if err := cmd.Run(ctx, store, fs.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "followthrough:", err)
		return 1
	}
	return 0
}

// limitTesseractThreads restarts the program with OMP_THREAD_LIMIT=1 when
// it is not set. Tesseract reads about three times faster on a small
// machine without OpenMP's threads, and the variable only takes effect if
// it is there when the process starts.
func limitTesseractThreads() {
	if os.Getenv("OMP_THREAD_LIMIT") != "" {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		os.Setenv("OMP_THREAD_LIMIT", "1")
		return
	}
	env := append(os.Environ(), "OMP_THREAD_LIMIT=1")
	if err := syscall.Exec(exe, os.Args, env); err != nil {
		// Carry on slower rather than not at all.
		os.Setenv("OMP_THREAD_LIMIT", "1")
	}
}
