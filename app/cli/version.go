package cli

import (
	"context"
	"flag"
	"fmt"

	"followthrough/contacts/sqlite"
)

func (p *program) versionCommand() *command {
	return &command{
		Name:    "version",
		Summary: "Print the version (also --version).",
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(context.Context, *sqlite.Store, []string) error {
				_, err := fmt.Fprintln(p.stdout, p.about)
				return err
			}
		},
	}
}
