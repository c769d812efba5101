package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The rows of the window's lists. Each keeps handles to the widgets it
// fills, so that filling a recycled row names what it sets.

// twoLineRow is a list row of a bold title over a line of detail, with
// room for controls at the leading or trailing side. Without detail the
// title is alone, in the middle of the row: a list of rows of one height
// shows no blank line under it, and a list that sizes each row to its
// content makes the row one line tall.
type twoLineRow struct {
	widget.BaseWidget
	title, detail *widget.Label
	lines         *fyne.Container // the title over the detail, between spacers
	box           *fyne.Container
}

// newTwoLineRow makes a row with leading and trailing beside its lines;
// either may be nil.
func newTwoLineRow(leading, trailing fyne.CanvasObject) *twoLineRow {
	r := &twoLineRow{
		title: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		// The detail is plain text, not LowImportance, which Fyne draws in
		// the disabled colour: too faint to read in the dark theme.
		detail: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
	}
	r.lines = container.NewVBox(layout.NewSpacer(), r.title, r.detail, layout.NewSpacer())
	r.box = container.NewBorder(nil, nil, leading, trailing, r.lines)
	r.ExtendBaseWidget(r)
	return r
}

func (r *twoLineRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// set shows title over detail, each on one line, or the title alone
// when there is no detail.
func (r *twoLineRow) set(title, detail string) {
	r.title.SetText(oneLineLabel(title))
	r.detail.SetText(oneLineLabel(detail))
	showIf(r.detail, detail != "")
	r.lines.Refresh() // a recycled row may have had the other number of lines
}

// enableIf enables w when can is true, and disables it otherwise.
func enableIf(w fyne.Disableable, can bool) {
	if can {
		w.Enable()
	} else {
		w.Disable()
	}
}

// showIf shows o when show is true, and hides it otherwise.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// newPlainRow makes a two-line row with nothing beside its lines, for
// widget.NewList.
func newPlainRow() fyne.CanvasObject { return newTwoLineRow(nil, nil) }

// contactRow is a row of the contacts list: a tick box for export, then
// the name over the title and company.
type contactRow struct {
	*twoLineRow
	tick *widget.Check
}

func newContactRow() fyne.CanvasObject {
	tick := widget.NewCheck("", nil)
	// Centred, the box keeps its own height: a Check stretched to the row
	// ignores clicks above and below the box.
	return &contactRow{twoLineRow: newTwoLineRow(container.NewCenter(tick), nil), tick: tick}
}

// set fills the row with c's name and work, ticked or not, calling onTick
// when the user ticks or unticks it.
func (r *contactRow) set(name, work string, ticked bool, onTick func(bool)) {
	r.twoLineRow.set(name, work)
	r.tick.OnChanged = nil // a recycled row must not untick its last contact
	r.tick.SetChecked(ticked)
	r.tick.OnChanged = onTick
}

// importRow is a row of the cards to import: the card, and for a
// duplicate what to do with it and a button to compare. The import
// dialog's keys answer in them too.
type importRow struct {
	*twoLineRow
	action  *dialogSelect
	compare *dialogButton
	buttons *fyne.Container
}

func newImportRow(keys *dialogKeys) fyne.CanvasObject {
	r := &importRow{
		action:  keys.selection([]string{"Skip", "Merge", "Keep both"}, nil),
		compare: keys.button("Compare…", nil, nil),
	}
	r.buttons = container.NewHBox(r.action, r.compare)
	r.twoLineRow = newTwoLineRow(nil, r.buttons)
	return r
}

// correctionRow is a row of the corrections learnt, with a button to
// remove it.
type correctionRow struct {
	*twoLineRow
	remove *widget.Button
}

func newCorrectionRow() fyne.CanvasObject {
	remove := &widget.Button{Text: "Remove", Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	return &correctionRow{twoLineRow: newTwoLineRow(nil, remove), remove: remove}
}

// eventPersonRow is a row of the people met at an event: whether they
// were followed up, their name and company, and what is next.
type eventPersonRow struct {
	*twoLineRow
	icon *widget.Icon
	more *widget.Label // the person's other open follow-ups, one a line
}

func newEventPersonRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.ConfirmIcon())
	r := &eventPersonRow{twoLineRow: newTwoLineRow(icon, nil), icon: icon,
		more: &widget.Label{Truncation: fyne.TextTruncateEllipsis}}
	r.more.Hide()
	// Under the detail, above the spacer that keeps the lines together.
	n := len(r.lines.Objects)
	r.lines.Objects = append(r.lines.Objects[:n-1:n-1], r.more, r.lines.Objects[n-1])
	return r
}

// setMore shows lines under the detail, one a line, or nothing.
func (r *eventPersonRow) setMore(lines []string) {
	if len(lines) == 0 {
		r.more.SetText("")
		r.more.Hide()
		return
	}
	r.more.SetText(strings.Join(lines, "\n"))
	r.more.Show()
}
