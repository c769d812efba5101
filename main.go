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
	"followthrough/contacts/sqlite"
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
	name, args := split(args)
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
	var store *sqlite.Store
	if cmd.NeedsStore {
		var err error
		if store, err = sqlite.Open(ctx, *data); err != nil {
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

// split returns the name of the command that args ask for and the
// arguments left for its flags. The first word names the command, unless
// it is a flag or a file to open in the window. --data, which every
// command takes, may come before the name as well as after it, so that
// "--data DIR scan FILE" runs scan rather than opening the window on
// files named "scan" and FILE.
func split(args []string) (name string, rest []string) {
	var global []string
	for len(args) > 0 {
		key, _, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if !strings.HasPrefix(args[0], "-") || key != "data" {
			break
		}
		n := 1
		if !hasValue && len(args) > 1 {
			n = 2
		}
		global, args = append(global, args[:n]...), args[n:]
	}
	name = "window"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if _, err := os.Stat(args[0]); err != nil || app.Lookup(args[0]) != nil {
			name, args = args[0], args[1:]
		}
	}
	return name, append(global, args...)
}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }
