package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
)

// The choices of form in the calendar export.
const (
	calendarToDos  = "To-dos"
	calendarEvents = "Events"
)

// calendarExportHint says what each form is for.
const calendarExportHint = "To-dos suit task apps and calendars that keep tasks (Apple Reminders, Thunderbird, Evolution, " +
	"Nextcloud Tasks, tasks.org): each follow-up is due on its day, and one done is ticked off.\n\n" +
	"Events suit the many calendars that ignore to-dos, such as Google Calendar and khal: each follow-up is an " +
	"all-day event on its day, and one done stays there, its title starting with \"Done:\"."

// calendarExport is the dialog that exports the follow-ups to an
// iCalendar file (.ics): it asks whether as to-dos or events, saying what
// each is for, remembers the choice in the data folder's settings, and
// builds the whole export before the file is chosen, so that nothing that
// fails touches it.
type calendarExport struct {
	win   fyne.Window
	store *sqlite.Store
	tasks *tasks
	clock app.Clock

	keys    *dialogKeys
	as      *dialogRadio
	summary *widget.Label
	dialog  *dialog.ConfirmDialog
	saving  *dialog.FileDialog // the file dialog, once asked for
}

func newCalendarExport(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock) *calendarExport {
	return &calendarExport{win: win, store: store, tasks: tasks, clock: clock}
}

// open says there is nothing to export, or asks how to export what there
// is.
func (c *calendarExport) open() {
	c.tasks.inOrder(func(ctx context.Context) func() {
		n, err := app.CalendarExportSize(ctx, c.store, c.clock.Now())
		as, aerr := app.CalendarExportAs(ctx, c.store)
		return func() {
			if err = errors.Join(err, aerr); err != nil {
				showError(c.win, "Could not export the follow-ups", err)
				return
			}
			if n == 0 {
				showNothingToExport(c.win)
				return
			}
			c.buildUI(as)
			c.keys.show(c.dialog, c.dialog.Confirm, nil)
		}
	})
}

// showNothingToExport says there are no follow-ups to export, before any
// file is asked for.
func showNothingToExport(win fyne.Window) {
	showInformation(win, "Nothing to export", fmt.Sprintf("No follow-up is scheduled, and none was done or cancelled in the last %d days.", app.ClosedExportDays))
}

func (c *calendarExport) buildUI(as ics.As) {
	c.keys = newDialogKeys(c.win)
	c.as = c.keys.radio([]string{calendarToDos, calendarEvents}, nil)
	c.as.Horizontal = true
	c.as.SetSelected(calendarToDos)
	if as == ics.Events {
		c.as.SetSelected(calendarEvents)
	}
	hint := widget.NewLabel(calendarExportHint)
	hint.Wrapping = fyne.TextWrapWord
	c.summary = widget.NewLabel(fmt.Sprintf("The file holds the open follow-ups and those done or cancelled in the last %d days, "+
		"so that importing it closes them where you imported them before. Import a later export to update them.", app.ClosedExportDays))
	c.summary.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(c.as, hint, widget.NewSeparator(), c.summary)
	c.dialog = dialog.NewCustomConfirm("Export follow-ups to a calendar", "Choose file…", "Cancel", content, func(ok bool) {
		if ok {
			c.onChoose()
		}
	}, c.win)
	c.dialog.Resize(fyne.NewSize(560, 0))
}

// chosenAs is the form picked.
func (c *calendarExport) chosenAs() ics.As {
	if c.as.Selected == calendarEvents {
		return ics.Events
	}
	return ics.ToDos
}

// onChoose keeps the choice, builds the export, and only then asks where
// to save it.
func (c *calendarExport) onChoose() {
	as := c.chosenAs()
	c.tasks.inOrder(func(ctx context.Context) func() {
		serr := app.SetCalendarExportAs(ctx, c.store, as)
		e, err := app.PrepareCalendarExport(ctx, c.store, c.clock.Now(), as)
		return func() {
			switch {
			case errors.Is(err, ics.ErrNothingToExport):
				showNothingToExport(c.win)
			case err != nil:
				showError(c.win, "Could not export the follow-ups", err)
			default:
				if serr != nil {
					showError(c.win, "Could not remember the choice of to-dos or events", serr)
				}
				c.saving = chooseSaveFile(c.win, "follow-ups.ics", ".ics", "Could not export the follow-ups", func(path string) { c.write(e, path) })
			}
		}
	})
}

// write writes e to the file at path, which is replaced only once the
// whole file is on disk.
func (c *calendarExport) write(e app.CalendarExport, path string) {
	c.tasks.inOrder(func(context.Context) func() {
		err := e.WriteFile(path)
		return func() {
			if err != nil {
				showError(c.win, "Could not export the follow-ups", err)
				return
			}
			showInformation(c.win, "Exported", fmt.Sprintf("Wrote %s to %s.\nImport it in your calendar or tasks app; importing a later export updates them.", e, path))
		}
	})
}
