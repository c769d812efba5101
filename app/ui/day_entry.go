package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// dayEntry edits a day, such as the day two people met: typed in the
// system's date format, or picked on a calendar. A day in ISO form
// (2026-11-20) is always understood too.
type dayEntry struct {
	layout string // a Go time layout, e.g. "01/02/2006"
	entry  *widget.Entry
	pick   *widget.Button
	hint   *widget.Label // what is wrong with the day typed
	popUp  *widget.PopUp
}

func newDayEntry(layout string) *dayEntry {
	d := &dayEntry{layout: layout, entry: widget.NewEntry(), hint: widget.NewLabel("")}
	d.entry.SetPlaceHolder(layoutPlaceholder(layout))
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
	return container.NewBorder(nil, nil, nil, d.pick, d.entry)
}

// setDay shows day; the zero Day shows nothing.
func (d *dayEntry) setDay(day contacts.Day) {
	if day.IsZero() {
		d.entry.SetText("")
	} else {
		d.entry.SetText(day.In(time.Local).Format(d.layout))
	}
}

// day returns the day typed, the zero Day for none, or an error saying
// how to type it.
func (d *dayEntry) day() (contacts.Day, error) {
	return d.parse(d.entry.Text)
}

func (d *dayEntry) parse(s string) (contacts.Day, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return contacts.Day{}, nil
	}
	for _, layout := range []string{d.layout, "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return contacts.DayOf(t), nil
		}
	}
	return contacts.Day{}, fmt.Errorf("type the day as %s, e.g. %s", layoutPlaceholder(d.layout), time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local).Format(d.layout))
}

func (d *dayEntry) onChanged(s string) {
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

// systemDateLayout is the date layout of the system's region, as Fyne
// reads it from the environment: month first in the US, the day first
// with dots in most of Europe, year first in East Asia and Scandinavia,
// and the day first with slashes elsewhere.
func systemDateLayout() string {
	return dateLayout(lang.SystemLocale().String())
}

// dateLayout is the date layout of the locale named ("en-US", "nb-NO").
func dateLayout(locale string) string {
	region := strings.ToUpper(locale)
	if i := strings.LastIndexAny(region, "-_"); i >= 0 {
		region = region[i+1:]
	}
	switch region {
	case "US", "PH", "BZ", "FM":
		return "01/02/2006"
	case "DE", "AT", "CH", "NO", "DK", "FI", "PL", "CZ", "SK", "RU", "UA", "TR", "HU", "RO", "BG", "HR", "SI", "EE", "LV", "LT", "IS":
		return "02.01.2006"
	case "JP", "CN", "TW", "ZA", "HK":
		return "2006/01/02"
	case "SE", "KR", "CA":
		return "2006-01-02"
	}
	return "02/01/2006"
}

// layoutPlaceholder is how a person reads layout: "MM/DD/YYYY".
func layoutPlaceholder(layout string) string {
	return strings.NewReplacer("2006", "YYYY", "01", "MM", "02", "DD").Replace(layout)
}
