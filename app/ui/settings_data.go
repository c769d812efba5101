package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// dataSettings show where the contacts and card images are kept, and move
// them to another folder.
type dataSettings struct {
	win        fyne.Window
	store      *sqlite.Store
	tasks      *tasks
	openFolder func(dir string)
	// quit ends the app once the data is copied to its new folder, so
	// that nothing more is written to the old one.
	quit func()

	path   *widget.Label
	open   *widget.Button
	move   *widget.Button
	status *widget.Label
}

func newDataSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, openFolder func(string), quit func()) *dataSettings {
	return &dataSettings{win: win, store: store, tasks: tasks, openFolder: openFolder, quit: quit}
}

func (s *dataSettings) buildUI() fyne.CanvasObject {
	dir := s.dir()
	s.path = widget.NewLabelWithStyle(dir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.path.Selectable = true
	s.path.Wrapping = fyne.TextWrapBreak
	s.open = widget.NewButtonWithIcon("Open folder", theme.FolderOpenIcon(), func() { s.openFolder(dir) })
	s.move = widget.NewButtonWithIcon("Move…", theme.FolderNewIcon(), s.onMove)
	what := widget.NewLabel("It holds followthrough.db, the database of your contacts, events and follow-ups, " +
		"images/, the scanned cards, and backups/.")
	what.Wrapping = fyne.TextWrapWord
	how := hintLabel("Move copies all of it to an empty folder of your choice, such as one on another disk, " +
		"checks the copy, and quits: from the next start the app uses the new folder. The old folder is left as it is " +
		"until you delete it.")
	how.Wrapping = fyne.TextWrapWord
	s.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	return container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.open, s.move), s.path), what, how, s.status)
}

// dir is the data folder as an absolute path.
func (s *dataSettings) dir() string {
	dir := s.store.Dir()
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return dir
}

func (s *dataSettings) onMove() {
	chooseFolder(s.win, s.moveTo)
}

// moveTo asks before copying the data folder to dir.
func (s *dataSettings) moveTo(dir string) {
	msg := fmt.Sprintf("Copy your contacts, card images and backups to\n%s\nand use that folder from now on?\n\n"+
		"Follow Through quits when the copy is made and checked; start it again to go on. "+
		"The old folder is kept until you delete it.", dir)
	showConfirm(s.win, "Move the data folder", msg, "Move", "Cancel", func(ok bool) {
		if ok {
			s.doMove(dir)
		}
	})
}

// doMove copies the data folder to dir, checks the copy, and makes it the
// data folder from the next start; then it says so and quits.
func (s *dataSettings) doMove(dir string) {
	s.move.Disable()
	s.status.SetText("Copying to " + dir + "…")
	// Started with --data, the app is told where its data is each time:
	// the new folder only takes effect without it.
	explicit := s.dir() != app.DefaultDataDir()
	s.tasks.inOrder(func(ctx context.Context) func() {
		info, err := s.store.CopyTo(ctx, dir)
		if err == nil {
			if err = app.SetDataDir(dir); err != nil {
				// The copy will not be used: the store takes changes again.
				s.store.EndMove()
			}
		}
		return func() {
			s.move.Enable()
			if err != nil {
				s.status.SetText("Not moved: " + app.Reason(err))
				showError(s.win, "Could not move the data folder", err)
				return
			}
			s.status.SetText("Copied to " + dir + ".")
			msg := fmt.Sprintf("Your %s, %s and %s are now in\n%s\nand Follow Through uses that folder from its next start. "+
				"It quits now: start it again to go on.\n\nThe old folder, %s, is kept: delete it once you have checked the new one.",
				contacts.Plural(info.Contacts, "contact"), contacts.Plural(info.Events, "event"), contacts.Plural(info.FollowUps, "follow-up"), dir, s.dir())
			if explicit {
				msg += "\n\nThis time Follow Through was started with --data " + s.dir() + ": start it without --data, " +
					"or with --data " + dir + ", to use the new folder."
			}
			d := dialog.NewCustom("Data folder moved", "Quit", widget.NewLabel(msg), s.win)
			d.SetOnClosed(s.quit)
			newDialogKeys(s.win).show(d, d.Hide, nil)
		}
	})
}
