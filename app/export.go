package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"followthrough/contacts"
)

func exportCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "export",
		Args:       "FILE",
		Summary:    "Write contacts to a .vcf file for a phone: everyone, or one event's or one tag's people.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			event := fs.String("event", "", "only the people met at the event `NAME`")
			tag := fs.String("tag", "", "only the people tagged `T`")
			v4 := fs.Bool("v4", false, "write vCard 4.0 instead of 3.0, which every phone imports")
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("export: give one file to write")
				}
				f := contacts.Filter{Tag: *tag}
				if *event != "" {
					e, err := store.EventByName(ctx, *event)
					if err != nil {
						return fmt.Errorf("export: no event called %q", *event)
					}
					f.EventID = e.ID
				}
				cs, err := store.Find(ctx, f)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				if len(cs) == 0 {
					return errors.New("export: no contacts to export")
				}
				if err := writeVCardsFile(args[0], *v4, cs); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(stdout, "Wrote %s to %s\n", plural(len(cs), "contact"), args[0])
				return nil
			}
		},
	}
}

// writeVCardsFile writes cs to the .vcf file at path, as vCard 4.0 with v4
// and 3.0 otherwise.
func writeVCardsFile(path string, v4 bool, cs []contacts.Contact) error {
	write := contacts.WriteVCards
	if v4 {
		write = contacts.WriteVCards4
	}
	return writeFileAtomic(path, func(w io.Writer) error { return write(w, cs...) })
}

// exportVCards asks where to save cs as a .vcf file, with name as the
// suggested file name, and writes them there (vCard 3.0, which every phone
// imports).
func exportVCards(win fyne.Window, tasks *tasks, name string, cs []contacts.Contact) {
	if len(cs) == 0 {
		dialog.ShowInformation("Nothing to export", "There are no contacts in this list.", win)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(win, "Could not export the contacts", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		tasks.do(func() func() {
			err := writeVCardsFile(path, false, cs)
			return func() {
				if err != nil {
					showError(win, "Could not export the contacts", err)
					return
				}
				dialog.ShowInformation("Exported", fmt.Sprintf("Wrote %s to %s.\nOpen the file on your phone to add them to its contacts.", plural(len(cs), "contact"), path), win)
			}
		})
	}, win)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
