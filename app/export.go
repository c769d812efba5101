package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
			photo := fs.Bool("photo", false, "include each card's image, scaled down, as the contact's photo")
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
				opts := exportOptions{v4: *v4}
				if *photo {
					opts.store = store
				}
				if err := writeVCardsFile(args[0], opts, cs); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(stdout, "Wrote %s to %s\n", plural(len(cs), "contact"), args[0])
				return nil
			}
		},
	}
}

// exportOptions say how to write a .vcf file.
type exportOptions struct {
	v4 bool // vCard 4.0 rather than 3.0
	// store, if set, is where the card images are, to include each as
	// the contact's photo.
	store *contacts.Store
}

// writeVCardsFile writes cs to the .vcf file at path as opts say. A card
// image that cannot be read is left out, and the contact written without.
func writeVCardsFile(path string, opts exportOptions, cs []contacts.Contact) error {
	if opts.store != nil {
		withPhotos := make([]contacts.Contact, len(cs))
		for i, c := range cs {
			withPhotos[i] = c
			if c.Image == "" {
				continue
			}
			photo, err := contacts.CardPhoto(opts.store.ImagePath(c.Image))
			if err != nil {
				log.Printf("export: %s: %v", c.DisplayName(), err)
				continue
			}
			withPhotos[i] = contacts.WithPhoto(c, photo, opts.v4)
		}
		cs = withPhotos
	}
	write := contacts.WriteVCards
	if opts.v4 {
		write = contacts.WriteVCards4
	}
	return writeFileAtomic(path, func(w io.Writer) error { return write(w, cs...) })
}

// exportVCards asks how and where to save cs as a .vcf file, with name as
// the suggested file name, and writes them there.
func exportVCards(win fyne.Window, store *contacts.Store, tasks *tasks, name string, cs []contacts.Contact) {
	if len(cs) == 0 {
		dialog.ShowInformation("Nothing to export", "There are no contacts in this list.", win)
		return
	}
	photos := widget.NewCheck("Include the card images as photos (larger file)", nil)
	version := widget.NewRadioGroup([]string{vcard3, vcard4}, nil)
	version.SetSelected(vcard3)
	version.Required = true
	items := []*widget.FormItem{
		widget.NewFormItem("Format", version),
		widget.NewFormItem("Photos", photos),
	}
	d := dialog.NewForm(fmt.Sprintf("Export %s", plural(len(cs), "contact")), "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		opts := exportOptions{v4: version.Selected == vcard4}
		if photos.Checked {
			opts.store = store
		}
		chooseExportFile(win, tasks, name, opts, cs)
	}, win)
	d.Show()
}

// safeFileName makes name, which may come from a card or a vCard (an
// event's name), fit to suggest as a file name: one name, with no folder
// in it, not hidden, and not too long. It is only ever a suggestion in a
// save dialog, in the folder the user is in.
func safeFileName(name, ext string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|':
			return '-'
		}
		return r
	}, contacts.CleanLine(name))
	name = strings.TrimLeft(strings.TrimSpace(name), ".- ")
	if r := []rune(name); len(r) > 80 {
		name = string(r[:80])
	}
	if name == "" {
		name = "contacts"
	}
	return name + ext
}

// The choices of format on export.
const (
	vcard3 = "vCard 3.0 (every phone reads it)"
	vcard4 = "vCard 4.0"
)

// chooseExportFile asks where to save cs, and saves them there.
func chooseExportFile(win fyne.Window, tasks *tasks, name string, opts exportOptions, cs []contacts.Contact) {
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
			err := writeVCardsFile(path, opts, cs)
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
