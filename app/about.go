package app

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
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
	"github.com/BurntSushi/toml"

	"followthrough/assets"
	"followthrough/contacts/sqlite"
)

// Metadata is what FyneApp.toml says about the app. That file is the one
// place the name, ID and version are written: main embeds it, and the
// fyne tool reads it to package the app.
type Metadata struct {
	Name, ID, Version string
	Build             int
	Website           string
}

// String is the name and version, as --version prints them.
func (m Metadata) String() string {
	s := m.Name + " " + m.Version
	if m.Build > 0 {
		s += fmt.Sprintf(" (build %d)", m.Build)
	}
	return s
}

// ParseMetadata reads the metadata from the contents of FyneApp.toml.
func ParseMetadata(data []byte) (Metadata, error) {
	var f struct {
		Website string
		Details struct {
			Name, ID, Version string
			Build             int
		}
	}
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return Metadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	m := Metadata{Name: f.Details.Name, ID: f.Details.ID, Version: f.Details.Version, Build: f.Details.Build, Website: f.Website}
	if m.Name == "" || m.ID == "" || m.Version == "" {
		return Metadata{}, errors.New("FyneApp.toml: [Details] needs a Name, an ID and a Version")
	}
	return m, nil
}

// about is the app's metadata, as LoadMetadata read it.
var about = Metadata{Name: "Follow Through", ID: ID, Version: "(unknown version)"}

// LoadMetadata takes the app's name and version from the contents of
// FyneApp.toml, for --version, the About dialog and the window.
func LoadMetadata(fyneAppTOML []byte) error {
	m, err := ParseMetadata(fyneAppTOML)
	if err != nil {
		return err
	}
	about = m
	return nil
}

// setAppMetadata tells Fyne the name and version, for the notifications
// and the tray, keeping what the fyne tool set when it packaged the app.
func setAppMetadata(a fyne.App) {
	md := a.Metadata()
	md.ID, md.Name, md.Version, md.Build = about.ID, about.Name, about.Version, about.Build
	fyneapp.SetMetadata(md)
}

func versionCommand(stdout io.Writer) *Command {
	return &Command{
		Name:    "version",
		Summary: "Print the version (also --version).",
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			return func(context.Context, *sqlite.Store, []string) error {
				_, err := fmt.Fprintln(stdout, about)
				return err
			}
		},
	}
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
func showAbout(win fyne.Window, store *sqlite.Store, openFolder func(string)) {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	name := widget.NewLabelWithStyle(about.String(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what := widget.NewLabel("Turns the business cards from an event into contacts, remembers where " +
		"you met each person and what you talked about, and makes sure you follow up personally: " +
		"a call, a handwritten note, a coffee. It never sends bulk email.")
	what.Wrapping = fyne.TextWrapWord

	dir := store.Dir()
	data := widget.NewLabel("Your contacts and card images: " + dir)
	data.Wrapping = fyne.TextWrapBreak
	data.Selectable = true
	open := widget.NewButtonWithIcon("Open data folder", theme.FolderOpenIcon(), func() { openFolder(dir) })

	libs := container.NewGridWithColumns(2)
	for _, l := range libraries {
		name := widget.NewLabel(l[0])
		name.Wrapping = fyne.TextWrapWord
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
	d.Show()
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
