package ui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wheelToForm lies over the review's form and hands the mouse wheel to
// the form's scroll wherever the pointer is: a many-line field would
// otherwise keep it for a scroll of its own, and the form would stop
// under the pointer. It takes nothing else, so clicks and typing reach
// the fields under it.
type wheelToForm struct {
	widget.BaseWidget
	scroll *container.Scroll
}

func newWheelToForm(scroll *container.Scroll) *wheelToForm {
	w := &wheelToForm{scroll: scroll}
	w.ExtendBaseWidget(w)
	return w
}

// Scrolled scrolls the form.
func (w *wheelToForm) Scrolled(ev *fyne.ScrollEvent) { w.scroll.Scrolled(ev) }

func (w *wheelToForm) MinSize() fyne.Size { return fyne.Size{} }

func (w *wheelToForm) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// maxGrownRows is how tall a many-line field grows with its text; a
// longer text scrolls in the field.
const maxGrownRows = 12

// growWithText makes each many-line field in form grow with its text, as
// it is set or typed, from the rows it shows empty.
func growWithText(form fyne.CanvasObject) {
	oneLine := widget.NewEntry().MinSize().Height
	for _, e := range manyLineFields(form) {
		least := 1
		if e.MinSize().Height > oneLine+1 {
			least = 2
		}
		prev := e.OnChanged
		e.OnChanged = func(text string) {
			if prev != nil {
				prev(text)
			}
			fitRows(e, least)
		}
		fitRows(e, least)
	}
}

// fitRows shows as many rows in e as its text takes, wrapped at its
// width, between least and maxGrownRows.
func fitRows(e *fieldEntry, least int) {
	rows := 0
	width := e.Size().Width - 2*theme.InnerPadding()
	if len(e.Text) > 20_000 {
		rows = maxGrownRows
	} else {
		for _, line := range strings.Split(e.Text, "\n") {
			n := 1
			if width > 0 {
				n = max(1, int(math.Ceil(float64(fyne.MeasureText(line, theme.TextSize(), fyne.TextStyle{}).Width/width))))
			}
			rows += n
			if rows >= maxGrownRows {
				break
			}
		}
	}
	e.SetMinRowsVisible(min(max(rows, least), maxGrownRows))
}

// manyLineFields are the many-line fields among o and what it holds.
func manyLineFields(o fyne.CanvasObject) []*fieldEntry {
	switch o := o.(type) {
	case *fieldEntry:
		if o.MultiLine {
			return []*fieldEntry{o}
		}
	case *widget.Form:
		var out []*fieldEntry
		for _, it := range o.Items {
			out = append(out, manyLineFields(it.Widget)...)
		}
		return out
	case *fyne.Container:
		var out []*fieldEntry
		for _, c := range o.Objects {
			out = append(out, manyLineFields(c)...)
		}
		return out
	}
	return nil
}
