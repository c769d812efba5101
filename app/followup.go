package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// settingFollowUpDelay holds the default delay of the first follow-up
// after meeting someone, as ParseDelay reads it ("3d").
const settingFollowUpDelay = "followup.delay"

// followUpDelay is the delay, in days, of a first follow-up: flag when it
// is set, else the one in the settings, else the default.
func followUpDelay(ctx context.Context, store *contacts.Store, flag string) (int, error) {
	if flag != "" {
		return contacts.ParseDelay(flag)
	}
	def := strconv.Itoa(contacts.DefaultFollowUpDelay) + "d"
	s, err := store.Setting(ctx, settingFollowUpDelay, def)
	if err != nil {
		return 0, err
	}
	return contacts.ParseDelay(s)
}

// proposeFollowUp is the first follow-up proposed for someone just met:
// a few days after meeting, while it still lands.
func proposeFollowUp(c contacts.Contact, today contacts.Day, delay int) contacts.FollowUp {
	met := c.MetOn
	if met.IsZero() {
		met = today
	}
	return contacts.FollowUp{
		ContactID: c.ID,
		Kind:      contacts.DefaultFirstKind,
		Due:       contacts.FirstFollowUp(met, today, delay),
	}
}

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

// showSnoozeMenu offers tomorrow, next week, or a day to pick, under at.
func showSnoozeMenu(win fyne.Window, at fyne.CanvasObject, to func(contacts.Day)) {
	today := contacts.DayOf(now())
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Tomorrow", func() { to(contacts.SnoozeTomorrow.From(today)) }),
		fyne.NewMenuItem("Next week", func() { to(contacts.SnoozeNextWeek.From(today)) }),
		fyne.NewMenuItem("Pick a day…", func() { pickDay(win, "Move to", today.AddDays(1), to) }),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpMenuAtPosition(menu, win.Canvas(), pos.Add(fyne.NewPos(0, at.Size().Height)))
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
