package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// followUpSettings are the defaults each newly scanned card gets: the
// keep-in-touch cadence, and how soon after meeting the first follow-up
// falls.
type followUpSettings struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	onChanged func() // after a change is saved

	cadence *widget.Select
	delay   *widget.Entry
	status  *widget.Label
}

func newFollowUpSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, onChanged func()) *followUpSettings {
	return &followUpSettings{win: win, store: store, tasks: tasks, onChanged: onChanged}
}

func (s *followUpSettings) buildUI() fyne.CanvasObject {
	s.cadence = widget.NewSelect(cadenceNames(), nil)
	s.delay = widget.NewEntry()
	s.delay.SetPlaceHolder("3d")
	s.delay.Validator = func(text string) error {
		_, err := contacts.ParseDelay(text)
		if err != nil {
			return fmt.Errorf("a number of days or weeks, like 3d or 1w")
		}
		return nil
	}
	s.status = hintLabel("")
	s.tasks.inOrder(func(ctx context.Context) func() {
		c, err := app.DefaultCadence(ctx, s.store)
		var delay string
		if err == nil {
			delay, err = s.store.Setting(ctx, app.SettingFollowUpDelay, strconv.Itoa(contacts.DefaultFollowUpDelay)+"d")
		}
		return func() {
			if err != nil {
				s.status.SetText("Could not read the settings: " + app.Reason(err))
			}
			s.cadence.SetSelected(cadenceName(c))
			s.delay.SetText(delay)
			// Listen only now, so that loading saves nothing.
			s.cadence.OnChanged = s.onCadence
			s.delay.OnChanged = s.onDelay
		}
	})
	form := widget.NewForm(
		widget.NewFormItem("Keep in touch", s.cadence),
		widget.NewFormItem("First follow-up", s.delay),
	)
	form.Items[0].HintText = "The cadence each card you scan starts with; change it for anyone in Contacts."
	form.Items[1].HintText = "How soon after meeting: 3d is three days, 1w a week."
	return container.NewVBox(form, s.status)
}

func (s *followUpSettings) onCadence(name string) {
	var c contacts.Cadence
	for _, p := range contacts.CadencePresets {
		if p.Name == name {
			c = p.Cadence
		}
	}
	text, _ := c.MarshalText() // nothing for no cadence
	saveSetting(s.win, s.store, s.tasks, s.status, app.SettingDefaultCadence, string(text), s.onChanged)
}

func (s *followUpSettings) onDelay(text string) {
	if s.delay.Validate() != nil {
		s.status.SetText("Not saved yet: type a number of days or weeks, like 3d or 1w.")
		return
	}
	saveSetting(s.win, s.store, s.tasks, s.status, app.SettingFollowUpDelay, text, s.onChanged)
}
