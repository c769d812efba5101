package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// chooseFolder asks for a folder, at a size where its paths can be read,
// and calls chosen with its path; nothing if the user cancels. A folder
// that cannot be listed is said in a dialog.
func chooseFolder(win fyne.Window, chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError(win, "Could not open the folder", err)
			return
		}
		if l != nil {
			chosen(l.Path())
		}
	}, win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
