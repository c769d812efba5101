package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"followthrough/app"
	"followthrough/contacts/sqlite"
)

func (p *program) qrCommand() *command {
	return &command{
		Name:       "qr",
		Args:       "NAME-OR-ID",
		Summary:    "Show a contact's QR code, which a phone's camera adds to its contacts; or with --png, write it to a file.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			png := fs.String("png", "", "write the code as a PNG image to `FILE` instead")
			size := fs.Int("size", 640, fmt.Sprintf("with --png, the image's width in `PIXELS` (%d to %d)", app.MinQRSize, app.MaxQRSize))
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("qr: give one name or ID")
				}
				c, err := findContact(ctx, store, args[0])
				if err != nil {
					return fmt.Errorf("qr: %w", err)
				}
				code, omitted, err := app.ContactQR(c)
				if err != nil {
					return fmt.Errorf("qr: %s: %w", c.DisplayName(), err)
				}
				if *png != "" {
					if err := app.WriteQRPNG(*png, code, *size); err != nil {
						return err
					}
					fmt.Fprintf(p.stdout, "Wrote the QR code of %s to %s\n", c.DisplayName(), *png)
				} else {
					// Light modules drawn on a terminal's dark background.
					fmt.Fprint(p.stdout, code.ToSmallString(false))
					fmt.Fprintf(p.stdout, "Point your phone's camera at the code to add %s to its contacts.\n", c.DisplayName())
				}
				if len(omitted) > 0 {
					fmt.Fprintf(p.stdout, "Left out to keep the code readable: %s.\n", strings.Join(omitted, ", "))
				}
				return nil
			}
		},
	}
}
