package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"runtime/debug"
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
		ReadsOnly:  true,
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
				if n, err := store.FindCount(ctx, f); err != nil || n == 0 {
					return errors.Join(err, errors.New("export: no contacts to export"))
				}
				opts := ExportOptions{V4: *v4}
				if *photo {
					opts.Store = store
				}
				// An export of everyone makes a great deal of short-lived
				// garbage in a process that ends with it: collecting it
				// less often takes a tenth off the time, for a few tens of
				// megabytes.
				defer debug.SetGCPercent(debug.SetGCPercent(400))
				n, err := WriteVCardsFrom(ctx, args[0], opts, func(ctx context.Context, fn func([]contacts.Contact) error) error {
					return store.EachContact(ctx, f, fn)
				})
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(stdout, "Wrote %s to %s\n", Plural(n, "contact"), args[0])
				return nil
			}
		},
	}
}

// ExportOptions say how to write a .vcf file.
type ExportOptions struct {
	V4 bool // vCard 4.0 rather than 3.0
	// Store, if set, is where the card images are, to include each as
	// the contact's photo.
	Store *contacts.Store
}

// WriteVCardsFile writes cs to the .vcf file at path as opts say. A card
// image that cannot be read is left out, and the contact written without.
func WriteVCardsFile(path string, opts ExportOptions, cs []contacts.Contact) error {
	_, err := WriteVCardsFrom(context.Background(), path, opts, ContactsOf(cs))
	return err
}

// ContactSource hands contacts to fn a batch at a time, as
// Store.EachContact does.
type ContactSource func(ctx context.Context, fn func([]contacts.Contact) error) error

// ContactsOf is the source of the contacts cs, in one batch.
func ContactsOf(cs []contacts.Contact) ContactSource {
	return func(_ context.Context, fn func([]contacts.Contact) error) error { return fn(cs) }
}

// WriteVCardsFrom writes the contacts of src to the .vcf file at path as
// opts say, a batch at a time, so that exporting a hundred thousand never
// holds them all, and replaces the file only once all are written. It
// returns how many it wrote.
func WriteVCardsFrom(ctx context.Context, path string, opts ExportOptions, src ContactSource) (int, error) {
	var prepare func(contacts.Contact) contacts.Contact
	if opts.Store != nil {
		prepare = func(c contacts.Contact) contacts.Contact { return withPhoto(opts.Store, c, opts.V4) }
	}
	n := 0
	err := WriteFileAtomic(path, func(w io.Writer) error {
		var err error
		n, err = contacts.ExportVCards(ctx, w, src, opts.V4, prepare)
		return err
	})
	return n, err
}

// withPhoto returns c with its card image as the contact's photo; without
// it if the image cannot be read.
func withPhoto(store *contacts.Store, c contacts.Contact, v4 bool) contacts.Contact {
	if c.Image == "" {
		return c
	}
	photo, err := contacts.CardPhoto(store.ImagePath(c.Image))
	if err != nil {
		log.Printf("export: %s: %v", c.DisplayName(), err)
		return c
	}
	return contacts.WithPhoto(c, photo, v4)
}

// exportVCards asks how and where to save the n contacts of src as a .vcf
// file, with name as the suggested file name, and writes them there.
func exportVCards(win fyne.Window, store *contacts.Store, tasks *tasks, name string, n int, src ContactSource) {
	if n == 0 {
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
	d := dialog.NewForm(fmt.Sprintf("Export %s", Plural(n, "contact")), "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		opts := ExportOptions{V4: version.Selected == vcard4}
		if photos.Checked {
			opts.Store = store
		}
		chooseExportFile(win, tasks, name, opts, src)
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

// chooseExportFile asks where to save the contacts of src, and saves them
// there off the UI goroutine.
func chooseExportFile(win fyne.Window, tasks *tasks, name string, opts ExportOptions, src ContactSource) {
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
		tasks.goLong(func() {
			n, err := WriteVCardsFrom(context.Background(), path, opts, src)
			tasks.toUI(func() {
				if err != nil {
					showError(win, "Could not export the contacts", err)
					return
				}
				dialog.ShowInformation("Exported", fmt.Sprintf("Wrote %s to %s.\nOpen the file on your phone to add them to its contacts.", Plural(n, "contact"), path), win)
			})
		})
	}, win)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
