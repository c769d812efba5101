package app

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"followthrough/contacts"
)

// A Command is something followthrough does when started from a terminal.
type Command struct {
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
	Flags func(fs *flag.FlagSet) func(ctx context.Context, store *contacts.Store, args []string) error

	run func(ctx context.Context, store *contacts.Store, args []string) error
	fs  *flag.FlagSet
}

// FlagSet returns the command's flags, to be parsed before Run.
func (c *Command) FlagSet() *flag.FlagSet {
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
// on start (maintain): the daily backup and the clean-up of unused card
// images.
func (c *Command) Run(ctx context.Context, store *contacts.Store, args []string) error {
	c.FlagSet()
	if c.NeedsStore && !c.ReadsOnly && store != nil {
		BackUpAndCleanDaily(ctx, store)
	}
	return c.run(ctx, store, args)
}

func commands() []*Command {
	return []*Command{
		{
			Name:       "window",
			Args:       "[FILE_OR_DIR...]",
			Summary:    "Open the window (what followthrough does with no command); card images given are read for review.",
			NeedsStore: true,
			Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
				return func(ctx context.Context, store *contacts.Store, args []string) error {
					return Run(ctx, store, args)
				}
			},
		},
		scanCommand(os.Stdout),
		dueCommand(os.Stdout),
		exportCommand(os.Stdout),
		importCommand(os.Stdout),
		exportICSCommand(os.Stdout),
		syncCommand(os.Stdout),
		backupCommand(os.Stdout),
		restoreCommand(os.Stdout),
		archiveCommand(os.Stdout),
		evalCommand(os.Stdout),
		versionCommand(os.Stdout),
	}
}

// Lookup returns the command called name, or nil.
func Lookup(name string) *Command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Usage writes the list of commands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Follow Through: from business cards to people you keep in touch with.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: followthrough [command] [--data DIR] [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "With no command the window opens. Commands:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s %s\t%s\n", c.Name, c.Args, c.Summary)
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every command takes --data DIR (default "+DefaultDataDir()+").")
	fmt.Fprintln(w, "followthrough COMMAND --help lists a command's flags.")
}
