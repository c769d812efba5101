package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts/sqlite"
)

// settingsScreen is where the user changes how the app works. It is made
// of sections, each a struct of its own with a buildUI method, so that a
// feature brings its settings as one more section.
type settingsScreen struct {
	sections []settingsSection
	scroll   *container.Scroll
	later    func(func()) // runs on the UI goroutine once it is done with what it is doing
}

// A settingsSection is one part of Settings, shown under its title.
type settingsSection struct {
	title string
	ui    interface{ buildUI() fyne.CanvasObject }
}

func newSettingsScreen(sections []settingsSection, later func(func())) *settingsScreen {
	return &settingsScreen{sections: sections, later: later}
}

func (s *settingsScreen) buildUI() fyne.CanvasObject {
	sections := &settingsLayout{screen: s}
	box := container.New(sections, widget.NewLabelWithStyle("Settings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, sec := range s.sections {
		box.Add(widget.NewCard(sec.title, "", sec.ui.buildUI()))
	}
	s.scroll = container.NewVScroll(box)
	return s.scroll
}

// settingsLayout lays the sections out one under the other, as a VBox
// does, and has the scroll lay them out again when, laid out, they are
// not as high as the scroll made them. A line that wraps is as high as
// the width it is given makes it, and the scroll measures the sections
// before it gives them their width: the end of Settings, the Backups
// buttons, was out of reach, or a gap was left at the end.
type settingsLayout struct {
	screen *settingsScreen
	asked  bool // a layout again is on its way
}

func (l *settingsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return layout.NewVBoxLayout().MinSize(objects)
}

func (l *settingsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	layout.NewVBoxLayout().Layout(objects, size)
	scroll := l.screen.scroll
	if scroll == nil || l.asked || l.screen.later == nil {
		return
	}
	if want := fyne.Max(l.MinSize(objects).Height, scroll.Size().Height); want != size.Height {
		l.asked = true
		l.screen.later(func() {
			l.asked = false
			scroll.Refresh()
		})
	}
}

// refresh shows the settings as saved now, in the sections that can have
// changed elsewhere.
func (s *settingsScreen) refresh() {
	for _, sec := range s.sections {
		if r, ok := sec.ui.(interface{ refresh() }); ok {
			r.refresh()
		}
	}
}

// settingsSections are the sections of Settings, in the order shown.
func (m *mainWindow) settingsSections() []settingsSection {
	return []settingsSection{
		{"Follow-ups", newFollowUpSettings(m.win, m.store, m.tasks, m.scan.loadDefaults)},
		{"Reading cards", settingsParts{
			newOCRSettings(m.win, m.store, m.tasks, m.scan.reloadCorrections),
			newWatchSettings(m.win, m.store, m.tasks, m.watcher),
		}},
		{"Reminders", newReminderSettings(m.win, m.store, m.tasks, app.LocalSettings{Preferences: m.app.Preferences()}, m.trayUsable, m.remindNow)},
		{"Appearance", newAppearanceSettings(m.app)},
		{"CardDAV account", newSyncSettings(m.win, m.store, m.tasks, m.dates, m.onSynced)},
		{"Data folder", newDataSettings(m.win, m.store, m.tasks, m.openFolder, m.onQuit)},
		{"Backups", newBackupSettings(m.win, m.store, m.tasks, m.clock, m.dates, func() {
			m.onChanged()
			m.contacts.refresh()
		})},
	}
}

// saveSetting saves a setting in the background, and says in status that
// it did, or why it could not.
func saveSetting(win fyne.Window, store *sqlite.Store, tasks *tasks, status *widget.Label, key, value string, then func()) {
	tasks.inOrder(func(ctx context.Context) func() {
		err := store.SetSetting(ctx, key, value)
		return func() {
			if err != nil {
				status.SetText("Not saved: " + app.Reason(err))
				showError(win, "Could not save the setting", err)
				return
			}
			status.SetText("Saved.")
			if then != nil {
				then()
			}
		}
	})
}
