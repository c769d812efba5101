package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts/sqlite"
)

// reminderSettings say when the desktop reminders may come, and whether
// the app stays in the tray to send them once the window is closed.
type reminderSettings struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	local     app.LocalSettings
	trayShown func() bool // whether the app is in a system tray the desktop shows now
	onChanged func()

	on          *widget.Check
	from, until *widget.Select
	keepInTray  *widget.Check
	trayHint    *widget.Label
	status      *widget.Label
}

func newReminderSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, local app.LocalSettings, trayShown func() bool, onChanged func()) *reminderSettings {
	return &reminderSettings{win: win, store: store, tasks: tasks, local: local, trayShown: trayShown, onChanged: onChanged}
}

// hourNames are the hours offered, "00:00" to "23:00".
func hourNames() []string {
	out := make([]string, 24)
	for h := range out {
		out[h] = fmt.Sprintf("%02d:00", h)
	}
	return out
}

func (s *reminderSettings) buildUI() fyne.CanvasObject {
	s.on = widget.NewCheck("Remind me with a desktop notification when follow-ups come due", nil)
	s.from = widget.NewSelect(hourNames(), nil)
	s.until = widget.NewSelect(hourNames(), nil)
	s.keepInTray = widget.NewCheck("Keep running in the system tray when the window is closed, to go on reminding", func(on bool) {
		s.local.SetKeepInTray(on)
	})
	s.keepInTray.SetChecked(s.local.KeepInTray())
	s.status = hintLabel("")
	s.tasks.inOrder(func(ctx context.Context) func() {
		h, err := app.LoadNotifyHours(ctx, s.store)
		return func() {
			if err != nil {
				s.status.SetText("Could not read the settings: " + app.Reason(err))
				h = app.DefaultNotifyHours
			}
			s.show(h)
			s.on.OnChanged = func(bool) { s.onHours() }
			s.from.OnChanged = func(string) { s.onHours() }
			s.until.OnChanged = func(string) { s.onHours() }
		}
	})
	between := container.NewHBox(widget.NewLabel("Only between"), s.from, widget.NewLabel("and"), s.until)
	s.trayHint = hintLabel("")
	s.trayHint.Wrapping = fyne.TextWrapWord
	s.refresh()
	hoursHint := hintLabel("No reminders come at night: what comes due then waits until the morning. The same hour twice means any hour.")
	hoursHint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(s.on, between, hoursHint, s.status, widget.NewSeparator(), s.keepInTray, s.trayHint)
}

// refresh says whether the app is in a system tray the desktop shows
// now, which can change while the app runs, and offers to keep running
// there only when it is: a window hidden with no tray could not be
// brought back. The choice is kept, for when the tray is back.
func (s *reminderSettings) refresh() {
	if s.trayShown() {
		s.keepInTray.Enable()
		s.trayHint.SetText("Quit from the tray's menu, or File > Quit.")
		return
	}
	s.keepInTray.Disable()
	s.trayHint.SetText("This desktop shows no system tray now, so closing the window quits. " +
		"On GNOME, the AppIndicator extension adds one.")
}

// show shows h in the widgets.
func (s *reminderSettings) show(h app.NotifyHours) {
	on := !h.Off
	if h.Off {
		h = app.DefaultNotifyHours
	}
	s.on.SetChecked(on)
	s.from.SetSelectedIndex(h.From % 24)
	s.until.SetSelectedIndex(h.Until % 24)
	s.enableHours(on)
}

// hours are the hours the widgets say.
func (s *reminderSettings) hours() app.NotifyHours {
	return app.NotifyHours{From: s.from.SelectedIndex(), Until: s.until.SelectedIndex(), Off: !s.on.Checked}
}

func (s *reminderSettings) enableHours(on bool) {
	for _, w := range []fyne.Disableable{s.from, s.until} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

func (s *reminderSettings) onHours() {
	s.enableHours(s.on.Checked)
	saveSetting(s.win, s.store, s.tasks, s.status, app.SettingNotifyHours, s.hours().String(), s.onChanged)
}
