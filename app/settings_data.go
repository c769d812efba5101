package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// dataSettings show where the contacts and card images are kept, and how
// to keep them somewhere else.
type dataSettings struct {
	store      *contacts.Store
	openFolder func(dir string)

	path *widget.Label
	open *widget.Button
}

func newDataSettings(store *contacts.Store, openFolder func(string)) *dataSettings {
	return &dataSettings{store: store, openFolder: openFolder}
}

func (s *dataSettings) buildUI() fyne.CanvasObject {
	dir := s.store.Dir()
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	s.path = widget.NewLabelWithStyle(dir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.path.Selectable = true
	s.path.Wrapping = fyne.TextWrapBreak
	s.open = widget.NewButtonWithIcon("Open folder", theme.FolderOpenIcon(), func() { s.openFolder(dir) })
	what := widget.NewLabel("It holds followthrough.db, the database of your contacts, events and follow-ups, " +
		"and images/, the scanned cards.")
	what.Wrapping = fyne.TextWrapWord
	move := widget.NewLabel("To keep your data somewhere else, such as another disk: quit Follow Through, " +
		"move this folder, and start the app with followthrough --data NEW_FOLDER (in the applications " +
		"menu's entry, add --data NEW_FOLDER to its Exec line). Moving it while the app is open could " +
		"leave the database half copied, so the app does not move it itself.")
	move.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewBorder(nil, nil, nil, s.open, s.path), what, move)
}
