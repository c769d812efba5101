package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// askOutcome asks how a follow-up or an interaction went, in one line, and
// of what kind it was unless kind is given.
func askOutcome(win fyne.Window, title string, kind *contacts.Kind, done func(contacts.Kind, string)) {
	kinds := widget.NewSelect(kindLabels(), nil)
	kinds.SetSelected(contacts.KindCall.Label())
	if kind != nil {
		kinds.SetSelected(kind.Label())
		kinds.Disable()
	}
	outcome := widget.NewEntry()
	outcome.SetPlaceHolder("How did it go? e.g. coffee next month")
	items := []*widget.FormItem{widget.NewFormItem("What", kinds), widget.NewFormItem("Outcome", outcome)}
	d := dialog.NewForm(title, "Done", "Cancel", items, func(ok bool) {
		if ok {
			done(kindFromLabel(kinds.Selected), strings.TrimSpace(outcome.Text))
		}
	}, win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	win.Canvas().Focus(outcome)
}

// showSnoozeMenu offers the day after today, next week, or a day to
// pick, under at.
func showSnoozeMenu(win fyne.Window, at fyne.CanvasObject, today contacts.Day, to func(contacts.Day)) {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Tomorrow", func() { to(contacts.SnoozeTomorrow.From(today)) }),
		fyne.NewMenuItem("Next week", func() { to(contacts.SnoozeNextWeek.From(today)) }),
		fyne.NewMenuItem("Pick a day…", func() { pickDay(win, "Move to", today.AddDays(1), to) }),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpMenuAtPosition(menu, win.Canvas(), pos.Add(fyne.NewPos(0, at.Size().Height)))
}

// askSnooze asks, in a dialog the keyboard can work, how long to put a
// follow-up off: tomorrow, next week, or a day to pick.
func askSnooze(win fyne.Window, title string, today contacts.Day, to func(contacts.Day)) {
	var d *dialog.CustomDialog
	choose := func(day func() contacts.Day) func() {
		return func() {
			d.Hide()
			if day != nil {
				to(day())
			}
		}
	}
	tomorrow := widget.NewButton("Tomorrow", choose(func() contacts.Day { return contacts.SnoozeTomorrow.From(today) }))
	tomorrow.Importance = widget.HighImportance
	nextWeek := widget.NewButton("Next week", choose(func() contacts.Day { return contacts.SnoozeNextWeek.From(today) }))
	pick := widget.NewButton("Pick a day…", func() {
		d.Hide()
		pickDay(win, "Move to", today.AddDays(1), to)
	})
	cancel := widget.NewButton("Cancel", choose(nil))
	d = dialog.NewCustomWithoutButtons(title, widget.NewLabel("Put it off until…"), win)
	d.SetButtons([]fyne.CanvasObject{cancel, pick, nextWeek, tomorrow})
	d.Show()
	win.Canvas().Focus(tomorrow)
}

// pickDay asks for a day with a calendar.
func pickDay(win fyne.Window, title string, start contacts.Day, pick func(contacts.Day)) {
	var d dialog.Dialog
	cal := widget.NewCalendar(start.In(time.Local), func(t time.Time) {
		d.Hide()
		pick(contacts.DayOf(t))
	})
	d = dialog.NewCustom(title, "Cancel", cal, win)
	d.Show()
}

func kindLabels() []string {
	var out []string
	for _, k := range contacts.Kinds {
		out = append(out, k.Label())
	}
	return out
}

func kindFromLabel(label string) contacts.Kind {
	for _, k := range contacts.Kinds {
		if k.Label() == label {
			return k
		}
	}
	return contacts.KindCall
}
