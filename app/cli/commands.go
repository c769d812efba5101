// Package cli is Follow Through's command line: the table of commands,
// one file per command with its flags, and Main, which main hands the
// arguments to. It does not import Fyne: the window is a function that
// main passes in.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// A command is something followthrough does when started from a terminal.
type command struct {
	Name    string
	Args    string // the arguments after the flags, for usage
	Summary string
	// NeedsStore says whether Run is given an open store.
	NeedsStore bool
	// ReadsOnly says that the command changes nothing in the store, so it
	// does not start the day's backup, which a command that changes
	// contacts does first (an export of everyone should not wait a second
	// for a copy of what it only reads).
	ReadsOnly bool
	// Flags adds the command's own flags to fs; Run then sees their values.
	Flags func(fs *flag.FlagSet) func(ctx context.Context, store *sqlite.Store, args []string) error

	run func(ctx context.Context, store *sqlite.Store, args []string) error
	fs  *flag.FlagSet
}

// FlagSet returns the command's flags, to be parsed before Run.
func (c *command) FlagSet() *flag.FlagSet {
	if c.fs == nil {
		c.fs = flag.NewFlagSet("followthrough "+c.Name, flag.ContinueOnError)
		c.fs.Usage = func() {
			out := c.fs.Output()
			fmt.Fprintf(out, "usage: followthrough %s [flags] %s\n\n%s\n\nflags:\n", c.Name, c.Args, c.Summary)
			c.fs.PrintDefaults()
		}
		c.run = c.Flags(c.fs)
	}
	return c.fs
}

// Run runs the command with the arguments left after its flags. A command
// that needs the store, and may change it, first does what the app does
// on start (app.BackUpAndCleanDaily): the daily backup and the clean-up of unused card
// images.
func (c *command) Run(ctx context.Context, store *sqlite.Store, args []string) error {
	c.FlagSet()
	if c.NeedsStore && !c.ReadsOnly && store != nil {
		app.BackUpAndCleanDaily(ctx, store)
	}
	return c.run(ctx, store, args)
}

// Window opens the window on store, reading the card images or folders in
// paths for review, and returns when it is closed. ui.Run is the one main
// passes in, so that this package needs no Fyne.
type Window func(ctx context.Context, store *sqlite.Store, paths []string) error

// program is what the commands run with: where they print, the clock, the
// OCR engine they read cards with, and the window.
type program struct {
	stdout    io.Writer
	about     app.Metadata // the name and version
	clock     app.Clock
	dates     contacts.DateFormat // how days are written for the user
	newEngine func(langs []string) (ocr.Engine, error)
	window    Window
	// prompt asks for a secret on the terminal, without echo; nil when
	// the input is not a terminal.
	prompt func(question string) (string, error)
}

func (p *program) commands() []*command {
	return []*command{
		p.windowCommand(),
		p.scanCommand(),
		p.receiveCommand(),
		p.dueCommand(),
		p.exportCommand(),
		p.importCommand(),
		p.exportICSCommand(),
		p.syncCommand(),
		p.qrCommand(),
		p.deleteCommand(),
		p.backupCommand(),
		p.restoreCommand(),
		p.archiveCommand(),
		p.evalCommand(),
		p.versionCommand(),
	}
}

// lookup returns the command called name, or nil.
func (p *program) lookup(name string) *command {
	for _, c := range p.commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// usage writes the list of commands.
func (p *program) usage(w io.Writer) {
	fmt.Fprintln(w, "Follow Through: from business cards to people you keep in touch with.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: followthrough [command] [--data DIR] [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "With no command the window opens. Commands:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range p.commands() {
		fmt.Fprintf(tw, "  %s %s\t%s\n", c.Name, c.Args, c.Summary)
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every command takes --data DIR (default "+app.DefaultDataDir()+").")
	fmt.Fprintln(w, "followthrough COMMAND --help lists a command's flags.")
}

// Main runs the command that args (the program's arguments, without its
// name) ask for, with the app's metadata read from appTOML, the contents
// of FyneApp.toml, and returns the exit status: 0 when it worked, 1 when
// it failed, 2 for a command line it cannot make sense of. With no
// command, or with card images, it opens window.
func Main(args []string, appTOML []byte, window Window) int {
	if err := app.LoadMetadata(appTOML); err != nil {
		fmt.Fprintln(os.Stderr, "followthrough:", err)
		return 1
	}
	p := &program{stdout: os.Stdout, about: app.About(), dates: app.SystemDateFormat(os.Getenv), newEngine: app.NewEngine, window: window, prompt: terminalPrompt()}
	return p.main(args)
}

func (p *program) main(args []string) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		args[0] = "version"
	}
	name, args := split(args)
	if name == "help" || name == "window" && len(args) > 0 && isHelp(args[0]) {
		p.usage(p.stdout)
		return 0
	}
	cmd := p.lookup(name)
	if cmd == nil {
		fmt.Fprintf(os.Stderr, "followthrough: unknown command %q\n\n", name)
		p.usage(os.Stderr)
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
		if _, err := os.Stat(args[0]); err != nil || (&program{}).lookup(args[0]) != nil {
			name, args = args[0], args[1:]
		}
	}
	return name, append(global, args...)
}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }
