package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// outcomeDialog asks how a follow-up or an interaction went, in one line,
// and of what kind it was unless the kind is given. Enter confirms, Esc
// cancels.
type outcomeDialog struct {
	win   fyne.Window
	title string
	kind  *contacts.Kind // fixed, or nil to ask
	done  func(contacts.Kind, string)

	kinds   *dialogSelect
	outcome *dialogEntry
	d       *dialog.FormDialog
	keys    *dialogKeys
}

func newOutcomeDialog(win fyne.Window, title string, kind *contacts.Kind, done func(contacts.Kind, string)) *outcomeDialog {
	o := &outcomeDialog{win: win, title: title, kind: kind, done: done, keys: newDialogKeys(win)}
	o.buildUI()
	return o
}

func (o *outcomeDialog) buildUI() {
	o.kinds = o.keys.selection(kindLabels(), nil)
	o.kinds.SetSelected(contacts.KindCall.Label())
	if o.kind != nil {
		o.kinds.SetSelected(o.kind.Label())
		o.kinds.Disable()
	}
	o.outcome = o.keys.entry()
	o.outcome.SetPlaceHolder("How did it go? e.g. coffee next month")
	items := []*widget.FormItem{widget.NewFormItem("What", o.kinds), widget.NewFormItem("Outcome", o.outcome)}
	o.d = dialog.NewForm(o.title, "Done", "Cancel", items, o.onClosed, o.win)
	o.d.Resize(fyne.NewSize(480, 0))
}

// show shows the dialog with the cursor in the outcome.
func (o *outcomeDialog) show() {
	o.keys.show(o.d, o.d.Submit, nil)
	o.win.Canvas().Focus(o.outcome)
}

func (o *outcomeDialog) onClosed(ok bool) {
	if ok {
		o.done(kindFromLabel(o.kinds.Selected), strings.TrimSpace(o.outcome.Text))
	}
}

// askOutcome asks how a follow-up or an interaction went.
func askOutcome(win fyne.Window, title string, kind *contacts.Kind, done func(contacts.Kind, string)) {
	newOutcomeDialog(win, title, kind, done).show()
}

// showSnoozeMenu offers, under at, to put off a follow-up due on due by a
// day or to the next week, to a later day picked, or to reschedule it to
// any day from today, earlier too (when reschedule is not nil).
func showSnoozeMenu(win fyne.Window, dates contacts.DateFormat, at fyne.CanvasObject, due, today contacts.Day, snooze, reschedule func(contacts.Day)) {
	item := func(s contacts.Snooze) *fyne.MenuItem {
		to := s.From(due, today)
		return fyne.NewMenuItem(fmt.Sprintf("%s (%s)", s.Label(due, today), dates.Day(to)), func() { snooze(to) })
	}
	items := []*fyne.MenuItem{
		item(contacts.SnoozeTomorrow),
		item(contacts.SnoozeNextWeek),
		fyne.NewMenuItem("Pick a later day…", func() { pickSnoozeDay(win, dates, due, today, snooze) }),
	}
	if reschedule != nil {
		items = append(items, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Reschedule (earlier or later)…", func() { pickRescheduleDay(win, dates, due, today, reschedule) }))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), win.Canvas(), pos.Add(fyne.NewPos(0, at.Size().Height)))
}

// snoozeDialog asks, in a dialog the keyboard can work, how long to put
// off a follow-up due on due: a day, to the next week, or to a later day
// picked; or, when reschedule is not nil, to reschedule it to any day,
// earlier too. Enter takes the choice with focus, the first at the
// start; Esc cancels.
type snoozeDialog struct {
	win        fyne.Window
	dates      contacts.DateFormat
	title      string
	due, today contacts.Day
	snooze     func(contacts.Day)
	reschedule func(contacts.Day) // nil: not offered

	dayLater, nextWeek, pick, moveTo, cancel *dialogButton
	picker                                   *dayPicker // the day picker last opened
	d                                        *dialog.CustomDialog
	keys                                     *dialogKeys
}

func newSnoozeDialog(win fyne.Window, dates contacts.DateFormat, title string, due, today contacts.Day, snooze, reschedule func(contacts.Day)) *snoozeDialog {
	s := &snoozeDialog{win: win, dates: dates, title: title, due: due, today: today, snooze: snooze, reschedule: reschedule, keys: newDialogKeys(win)}
	s.d = dialog.NewCustomWithoutButtons(title, s.buildUI(), win)
	buttons := []fyne.CanvasObject{s.cancel}
	if s.reschedule != nil {
		buttons = append(buttons, s.moveTo)
	}
	s.d.SetButtons(append(buttons, s.pick, s.nextWeek, s.dayLater))
	return s
}

func (s *snoozeDialog) buildUI() fyne.CanvasObject {
	choice := func(o contacts.Snooze) *dialogButton {
		to := o.From(s.due, s.today)
		return s.keys.button(o.Label(s.due, s.today), nil, func() { s.onSnooze(to) })
	}
	s.dayLater = choice(contacts.SnoozeTomorrow)
	s.dayLater.Importance = widget.HighImportance
	s.nextWeek = choice(contacts.SnoozeNextWeek)
	s.pick = s.keys.button("Pick a later day…", nil, s.onPick)
	s.moveTo = s.keys.button("Reschedule…", nil, s.onReschedule)
	s.cancel = s.keys.button("Cancel", nil, s.onCancel)
	return widget.NewLabel(fmt.Sprintf("Now %s. Put it off until…\n%s: %s · %s: %s",
		s.dates.DueIn(s.due, s.today),
		s.dayLater.Text, s.dates.Day(contacts.SnoozeTomorrow.From(s.due, s.today)),
		s.nextWeek.Text, s.dates.Day(contacts.SnoozeNextWeek.From(s.due, s.today))))
}

// show shows the dialog with its first choice focused.
func (s *snoozeDialog) show() {
	s.keys.show(s.d, pressing(s.dayLater), nil)
	s.win.Canvas().Focus(s.dayLater)
}

func (s *snoozeDialog) onSnooze(to contacts.Day) {
	s.d.Hide()
	s.snooze(to)
}

func (s *snoozeDialog) onPick() {
	s.d.Hide()
	s.picker = pickSnoozeDay(s.win, s.dates, s.due, s.today, s.snooze)
}

func (s *snoozeDialog) onReschedule() {
	s.d.Hide()
	s.picker = pickRescheduleDay(s.win, s.dates, s.due, s.today, s.reschedule)
}

func (s *snoozeDialog) onCancel() { s.d.Hide() }

// askSnooze asks how long to put off a follow-up due on due.
func askSnooze(win fyne.Window, dates contacts.DateFormat, title string, due, today contacts.Day, snooze, reschedule func(contacts.Day)) *snoozeDialog {
	s := newSnoozeDialog(win, dates, title, due, today, snooze, reschedule)
	s.show()
	return s
}

// pickSnoozeDay asks for a later day to put off a follow-up due on due
// to: the days a snooze may not move it to cannot be picked.
func pickSnoozeDay(win fyne.Window, dates contacts.DateFormat, due, today contacts.Day, pick func(contacts.Day)) *dayPicker {
	p := newDayPicker(win, dates, "Snooze until", due, today, contacts.FirstSnoozeDay(due, today), pick)
	p.show()
	return p
}

// pickRescheduleDay asks for any day from today on, earlier or later, to
// move a follow-up due on due to.
func pickRescheduleDay(win fyne.Window, dates contacts.DateFormat, due, today contacts.Day, pick func(contacts.Day)) *dayPicker {
	p := newDayPicker(win, dates, "Reschedule to", due, today, today, pick)
	p.show()
	return p
}

// dayPicker asks for a day on a month's calendar. It opens on the month
// of the follow-up's day, which it marks, marks today, and offers no day
// before the first it allows.
type dayPicker struct {
	win                fyne.Window
	dates              contacts.DateFormat
	title              string
	due, today, first  contacts.Day
	pick               func(contacts.Day)
	month              contacts.Day // the first of the month shown
	monthLabel, legend *widget.Label
	prev, next         *dialogButton
	grid               *fyne.Container
	days               map[int]*dialogButton     // the buttons of the month shown, by day of the month
	marks              map[int]*canvas.Rectangle // the rings around today and the due day, if shown
	d                  *dialog.CustomDialog
	keys               *dialogKeys
}

func newDayPicker(win fyne.Window, dates contacts.DateFormat, title string, due, today, first contacts.Day, pick func(contacts.Day)) *dayPicker {
	p := &dayPicker{win: win, dates: dates, title: title, due: due, today: today, first: first, pick: pick, keys: newDialogKeys(win)}
	p.d = dialog.NewCustom(title, "Cancel", p.buildUI(), win)
	return p
}

func (p *dayPicker) buildUI() fyne.CanvasObject {
	p.monthLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.prev = p.keys.button("", theme.NavigateBackIcon(), p.onPrev)
	p.next = p.keys.button("", theme.NavigateNextIcon(), p.onNext)
	p.grid = container.NewGridWithColumns(7)
	p.legend = widget.NewLabel(fmt.Sprintf("Today is %s (green ring). Now due %s (blue ring).\nThe first day you can pick is %s.",
		p.dates.Day(p.today), p.dates.Day(p.due), p.dates.Day(p.first)))
	start := p.due
	if start.IsZero() {
		start = p.first
	}
	p.showMonth(contacts.Day{Year: start.Year, Month: start.Month, Day: 1})
	return container.NewBorder(container.NewBorder(nil, nil, p.prev, p.next, p.monthLabel), p.legend, nil, nil, p.grid)
}

// show shows the picker: Enter picks the day that has the focus, Esc
// cancels.
func (p *dayPicker) show() { p.keys.show(p.d, nil, nil) }

// showMonth lays out the month that starts on first, weeks from Monday.
func (p *dayPicker) showMonth(first contacts.Day) {
	p.month = first
	p.monthLabel.SetText(first.In(time.Local).Format("January 2006"))
	p.grid.RemoveAll()
	for _, d := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		p.grid.Add(widget.NewLabelWithStyle(d, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	for range (int(first.In(time.UTC).Weekday()) + 6) % 7 {
		p.grid.Add(layout.NewSpacer())
	}
	p.days, p.marks = map[int]*dialogButton{}, map[int]*canvas.Rectangle{}
	for d := first; d.Month == first.Month; d = d.AddDays(1) {
		b := p.keys.button(strconv.Itoa(d.Day), nil, func() { p.onDay(d) })
		b.Importance = widget.LowImportance
		if d.Before(p.first) {
			b.Disable()
		}
		p.days[d.Day] = b
		// Today and the due day are ringed, which shows on a day that
		// cannot be picked too.
		var ring color.Color
		switch d {
		case p.today:
			ring = theme.Color(theme.ColorNameSuccess)
		case p.due:
			ring = theme.Color(theme.ColorNamePrimary)
		}
		if ring == nil {
			p.grid.Add(b)
			continue
		}
		mark := canvas.NewRectangle(color.Transparent)
		mark.StrokeColor, mark.StrokeWidth, mark.CornerRadius = ring, 2, theme.InputRadiusSize()
		p.marks[d.Day] = mark
		p.grid.Add(container.NewStack(b, mark))
	}
	// No month before today's.
	if !first.After(firstOfMonth(p.today)) {
		p.prev.Disable()
	} else {
		p.prev.Enable()
	}
}

func (p *dayPicker) onPrev() { p.showMonth(firstOfMonth(p.month.AddDays(-1))) }

func (p *dayPicker) onNext() { p.showMonth(firstOfMonth(p.month.AddDays(31))) }

func firstOfMonth(d contacts.Day) contacts.Day {
	return contacts.Day{Year: d.Year, Month: d.Month, Day: 1}
}

func (p *dayPicker) onDay(d contacts.Day) {
	if d.Before(p.first) {
		return
	}
	p.d.Hide()
	p.pick(d)
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
