// Command followthrough turns business cards into contacts and makes sure
// the user follows up with the people on them.
//
// With no command it opens the window; see followthrough --help for the
// commands that work from a terminal.
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"followthrough/app"
	"followthrough/contacts"
)

// fyneAppTOML is FyneApp.toml, where the name and version are written for
// the fyne tool that packages the app, and for --version.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	setEnvironment()
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if err := app.LoadMetadata(fyneAppTOML); err != nil {
		fmt.Fprintln(os.Stderr, "followthrough:", err)
		return 1
	}
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args[0] = "version"
	}
	// The first word names the command, unless it is a flag or a file to
	// open in the window.
	name := "window"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if _, err := os.Stat(args[0]); err != nil || app.Lookup(args[0]) != nil {
			name, args = args[0], args[1:]
		}
	}
	if name == "help" || name == "window" && len(args) > 0 && isHelp(args[0]) {
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

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// setEnvironment restarts the program with the environment it needs when
// that differs from the one it was given:
//   - OMP_THREAD_LIMIT=1: Tesseract reads about three times faster on a
//     small machine without OpenMP's threads, and the variable only takes
//     effect if it is there when the process starts;
//   - a language tag Fyne can parse when the locale is the bare "C" or
//     "POSIX" of a minimal system (Fyne logs an error at every start
//     otherwise). Only Go code reads it: the C library's locale, which
//     Tesseract depends on, stays "C".
func setEnvironment() {
	var add []string
	if os.Getenv("OMP_THREAD_LIMIT") == "" {
		add = append(add, "OMP_THREAD_LIMIT=1")
	}
	locale := os.Getenv("LC_ALL")
	if locale == "" {
		locale = os.Getenv("LANG")
	}
	if l, _, _ := strings.Cut(locale, "."); l == "" || l == "C" || l == "POSIX" {
		add = append(add, "LC_ALL=", "LANG=en_US.UTF-8")
	}
	if len(add) == 0 {
		return
	}
	for _, kv := range add {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v)
	}
	if exe, err := os.Executable(); err == nil {
		syscall.Exec(exe, os.Args, os.Environ())
	}
	// Without a restart, carry on with what os.Setenv could do.
}
