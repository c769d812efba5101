// Command followthrough turns business cards into contacts and makes sure
// the user follows up with the people on them.
//
// With no command it opens the window; see followthrough --help for the
// commands that work from a terminal.
package main

import (
	_ "embed"
	"os"

	_ "followthrough/app/environ" // first: it may restart the program

	"followthrough/app/cli"
	"followthrough/app/ui"
)

// fyneAppTOML is FyneApp.toml, where the name and version are written for
// the fyne tool that packages the app, and for --version.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func main() {
	os.Exit(run(os.Args[1:]))
}

// run hands args to the command line, with the window for the commands
// that open it.
func run(args []string) int { return cli.Main(args, fyneAppTOML, ui.Run) }
