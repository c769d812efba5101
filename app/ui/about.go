package ui

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/assets"
	"followthrough/contacts/sqlite"
)

// setAppMetadata tells Fyne the name and version, for the notifications
// and the tray, keeping what the fyne tool set when it packaged the app.
func setAppMetadata(a fyne.App) {
	about, md := app.About(), a.Metadata()
	md.ID, md.Name, md.Version, md.Build = about.ID, about.Name, about.Version, about.Build
	fyneapp.SetMetadata(md)
}

// libraries are the main libraries the app is built on, with their
// licences, for the About dialog.
var libraries = [][2]string{
	{"Fyne (the window and widgets)", "BSD 3-Clause"},
	{"Tesseract OCR, through gosseract", "Apache 2.0; gosseract MIT"},
	{"Leptonica (images for Tesseract)", "BSD 2-Clause"},
	{"SQLite, through go-sqlite3", "public domain; go-sqlite3 MIT"},
	{"go-vcard, go-webdav and go-ical", "MIT"},
	{"phonenumbers, a Go port of libphonenumber", "MIT; its data Apache 2.0"},
	{"imaging, x/image, xurls, go-qrcode, gozxing, go-keyring", "MIT or BSD 3-Clause"},
}

// showAbout shows what the app is, its version, where its data lives, and
// what it is built on.
func showAbout(win fyne.Window, about app.Metadata, store *sqlite.Store, openFolder func(string)) {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	name := widget.NewLabelWithStyle(about.String(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what := widget.NewLabel("Turns the business cards from an event into contacts, remembers where " +
		"you met each person and what you talked about, and makes sure you follow up personally: " +
		"a call, a handwritten note, a coffee. It never sends bulk email.")
	what.Wrapping = fyne.TextWrapWord

	dir := store.Dir()
	data := &widget.Label{Text: "Your contacts and card images: " + dir, Wrapping: fyne.TextWrapBreak, Selectable: true}
	open := widget.NewButtonWithIcon("Open data folder", theme.FolderOpenIcon(), func() { openFolder(dir) })

	libs := container.NewGridWithColumns(2)
	for _, l := range libraries {
		name := &widget.Label{Text: l[0], Wrapping: fyne.TextWrapWord}
		libs.Add(name)
		libs.Add(widget.NewLabel(l[1]))
	}
	parts := []fyne.CanvasObject{
		container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, what)),
		widget.NewSeparator(),
		data, container.NewHBox(open),
	}
	if u, err := url.Parse(about.Website); err == nil && about.Website != "" {
		parts = append(parts, widget.NewHyperlink(about.Website, u))
	}
	parts = append(parts, widget.NewSeparator(),
		widget.NewLabelWithStyle("Built with", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), libs)
	d := dialog.NewCustom("About "+about.Name, "Close", container.NewVScroll(container.NewVBox(parts...)), win)
	d.Resize(fyne.NewSize(620, 560))
	newDialogKeys(win).show(d, d.Hide, nil)
}

// openFolderURL is the file:// URL of the folder at dir, for the file
// manager.
func openFolderURL(dir string) (*url.URL, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return url.Parse(storage.NewFileURI(abs).String())
}
