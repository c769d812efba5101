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
	_ "followthrough/app/environ" // first: it may restart the program
	"followthrough/contacts"
)

// fyneAppTOML is FyneApp.toml, where the name and version are written for
// the fyne tool that packages the app, and for --version.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
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
