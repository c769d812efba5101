package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// dayEntry edits a day, such as the day two people met: typed as the
// window writes days (contacts.DateFormat), or picked on a calendar. A
// day in ISO form (2026-11-20) is always understood too.
type dayEntry struct {
	dates contacts.DateFormat
	entry *widget.Entry     // the day's text
	field fyne.CanvasObject // what shows it: entry, or a dialog's entry around it
	pick  *widget.Button
	hint  *widget.Label // what is wrong with the day typed
	popUp *widget.PopUp
	// onEdit, if set, is told when the day's text changes.
	onEdit func()
}

func newDayEntry(dates contacts.DateFormat) *dayEntry {
	e := widget.NewEntry()
	return newDayEntryIn(dates, e, e)
}

// dayEntry is a dayEntry in a dialog: Enter in it confirms the dialog and
// Esc cancels it.
func (k *dialogKeys) dayEntry(dates contacts.DateFormat) *dayEntry {
	e := k.entry()
	return newDayEntryIn(dates, &e.Entry, e)
}

// newDayEntryIn makes a dayEntry of entry, shown as field.
func newDayEntryIn(dates contacts.DateFormat, entry *widget.Entry, field fyne.CanvasObject) *dayEntry {
	d := &dayEntry{dates: dates, entry: entry, field: field, hint: widget.NewLabel("")}
	d.entry.SetPlaceHolder("e.g. " + dates.Day(contacts.Day{Year: 2026, Month: time.November, Day: 20}))
	d.entry.Validator = func(s string) error {
		_, err := d.parse(s)
		return err
	}
	d.entry.OnChanged = d.onChanged
	d.hint.SizeName = theme.SizeNameCaptionText
	d.hint.Importance = widget.WarningImportance
	d.hint.Hide()
	d.pick = &widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: d.onPick}
	return d
}

func (d *dayEntry) buildUI() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, d.pick, d.field)
}

// Enable lets the day be typed and picked again.
func (d *dayEntry) Enable() {
	d.entry.Enable()
	d.pick.Enable()
}

// Disable keeps the day from being typed or picked.
func (d *dayEntry) Disable() {
	d.entry.Disable()
	d.pick.Disable()
}

// Disabled reports whether the day can be changed.
func (d *dayEntry) Disabled() bool { return d.entry.Disabled() }

// setDay shows day; the zero Day shows nothing.
func (d *dayEntry) setDay(day contacts.Day) {
	d.entry.SetText(d.dates.Day(day))
}

// day returns the day typed, the zero Day for none, or an error saying
// how to type it.
func (d *dayEntry) day() (contacts.Day, error) {
	return d.parse(d.entry.Text)
}

func (d *dayEntry) parse(s string) (contacts.Day, error) {
	day, err := d.dates.Parse(s)
	if err != nil {
		return contacts.Day{}, fmt.Errorf("type the day as %s, or pick it on the calendar", d.dates.Day(contacts.Day{Year: 2026, Month: time.November, Day: 20}))
	}
	return day, nil
}

func (d *dayEntry) onChanged(s string) {
	if d.onEdit != nil {
		d.onEdit()
	}
	if _, err := d.parse(s); err != nil {
		d.hint.SetText(strings.ToUpper(err.Error()[:1]) + err.Error()[1:] + ".")
		d.hint.Show()
		return
	}
	d.hint.Hide()
}

// onPick shows a calendar under the entry to pick the day on.
func (d *dayEntry) onPick() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d.entry)
	if c == nil {
		return
	}
	start := time.Now()
	if day, err := d.day(); err == nil && !day.IsZero() {
		start = day.In(time.Local)
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		d.setDay(contacts.DayOf(t))
		if d.popUp != nil {
			d.popUp.Hide()
		}
	})
	d.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.entry)
	d.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, d.entry.Size().Height)))
}
