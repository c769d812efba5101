package cli

import (
	"context"
	"flag"

	"followthrough/contacts/sqlite"
)

func (p *program) windowCommand() *command {
	return &command{
		Name:       "window",
		Args:       "[FILE_OR_DIR...]",
		Summary:    "Open the window (what followthrough does with no command); card images given are read for review.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				return p.window(ctx, store, args)
			}
		},
	}
}
