package cli

import (
	"context"
	"flag"

	"followthrough/contacts"
)

func (p *program) windowCommand() *command {
	return &command{
		Name:       "window",
		Args:       "[FILE_OR_DIR...]",
		Summary:    "Open the window (what followthrough does with no command); card images given are read for review.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				return p.window(ctx, store, args)
			}
		},
	}
}
