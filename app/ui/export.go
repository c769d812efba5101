package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// exportVCards asks how and where to save the n contacts of src as a .vcf
// file, with name as the suggested file name, and writes them there.
func exportVCards(win fyne.Window, store *sqlite.Store, tasks *tasks, name string, n int, src app.ContactSource) {
	if n == 0 {
		showInformation(win, "Nothing to export", "There are no contacts in this list.")
		return
	}
	keys := newDialogKeys(win)
	photos := keys.check("Include the card images as photos (larger file)", nil)
	version := keys.radio([]string{vcard3, vcard4}, nil)
	version.SetSelected(vcard3)
	items := []*widget.FormItem{
		widget.NewFormItem("Format", version),
		widget.NewFormItem("Photos", photos),
	}
	d := dialog.NewForm(fmt.Sprintf("Export %s", contacts.Plural(n, "contact")), "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		opts := app.ExportOptions{V4: version.Selected == vcard4}
		if photos.Checked {
			opts.Store = store
		}
		chooseExportFile(win, tasks, name, opts, src)
	}, win)
	keys.show(d, d.Submit, nil)
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
func chooseExportFile(win fyne.Window, tasks *tasks, name string, opts app.ExportOptions, src app.ContactSource) {
	chooseSaveFile(win, name, "", "Could not export the contacts", func(path string) {
		tasks.onItsOwn(func(ctx context.Context) {
			n, err := app.WriteVCardsFrom(ctx, path, opts, src)
			tasks.onUI(func() {
				if err != nil {
					showError(win, "Could not export the contacts", err)
					return
				}
				showInformation(win, "Exported", fmt.Sprintf("Wrote %s to %s.\nOpen the file on your phone to add them to its contacts.", contacts.Plural(n, "contact"), path))
			})
		})
	})
}
