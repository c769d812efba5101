package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts/sqlite"
)

// watchSettings is the part of Reading cards that names a folder to
// watch: where the phone's photos arrive through Syncthing, Nextcloud or
// a cloud drive.
type watchSettings struct {
	win     fyne.Window
	store   *sqlite.Store
	tasks   *tasks
	watcher *folderWatcher

	folder *widget.Label
	choose *widget.Button
	clear  *widget.Button
	status *widget.Label
}

func newWatchSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, watcher *folderWatcher) *watchSettings {
	return &watchSettings{win: win, store: store, tasks: tasks, watcher: watcher}
}

func (s *watchSettings) buildUI() fyne.CanvasObject {
	s.folder = widget.NewLabel("")
	s.folder.Wrapping = fyne.TextWrapBreak
	s.choose = widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), s.onChoose)
	s.clear = widget.NewButtonWithIcon("Stop watching", theme.ContentClearIcon(), func() { s.onChosen("") })
	s.status = hintLabel("")
	about := hintLabel("New card images that appear in this folder, for example where your phone's photos " +
		"arrive through Syncthing, Nextcloud or a cloud drive, are read into Scan for review while " +
		"Follow Through is open. Each image is read once; nothing in the folder is moved or deleted.")
	about.Wrapping = fyne.TextWrapWord
	s.refresh()
	return container.NewVBox(subheading("Watched folder"), about,
		container.NewBorder(nil, nil, nil, container.NewHBox(s.choose, s.clear), s.folder), s.status)
}

// refresh shows the folder as saved.
func (s *watchSettings) refresh() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		dir, err := s.store.Setting(ctx, app.SettingWatchFolder, "")
		return func() {
			if err != nil {
				s.status.SetText("Could not load: " + app.Reason(err))
				return
			}
			s.show(dir)
		}
	})
}

func (s *watchSettings) show(dir string) {
	if dir == "" {
		s.folder.SetText("No folder is watched.")
		s.clear.Disable()
		return
	}
	s.folder.SetText(dir)
	s.clear.Enable()
}

func (s *watchSettings) onChoose() {
	chooseFolder(s.win, s.onChosen)
}

// onChosen saves dir as the folder to watch ("" for none) and watches it.
func (s *watchSettings) onChosen(dir string) {
	saveSetting(s.win, s.store, s.tasks, s.status, app.SettingWatchFolder, dir, func() {
		s.show(dir)
		s.watcher.watch(dir)
		if dir != "" {
			s.status.SetText("Saved. New card images there go to Scan.")
		}
	})
}

// settingsParts are parts shown together in one section of Settings.
type settingsParts []interface{ buildUI() fyne.CanvasObject }

func (p settingsParts) buildUI() fyne.CanvasObject {
	box := container.NewVBox()
	for _, part := range p {
		box.Add(part.buildUI())
	}
	return box
}

func (p settingsParts) refresh() {
	for _, part := range p {
		if r, ok := part.(interface{ refresh() }); ok {
			r.refresh()
		}
	}
}
