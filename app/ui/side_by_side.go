package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// sideBySide lays out its objects in equal columns when the space is wide
// enough for each one's minimum width, and one above the other when it is
// not, so that a window of 800x600 cuts nothing off the right of a page.
// Its minimum size is that of the objects stacked.
type sideBySide struct{}

func (sideBySide) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var size fyne.Size
	n := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
		n++
	}
	if n > 1 {
		size.Height += pad * float32(n-1)
	}
	return size
}

func (sideBySide) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	var visible []fyne.CanvasObject
	var widest float32
	for _, o := range objects {
		if o.Visible() {
			visible = append(visible, o)
			widest = max(widest, o.MinSize().Width)
		}
	}
	n := float32(len(visible))
	if n == 0 {
		return
	}
	if widest*n+pad*(n-1) <= size.Width {
		w := (size.Width - pad*(n-1)) / n
		for i, o := range visible {
			o.Move(fyne.NewPos(float32(i)*(w+pad), 0))
			o.Resize(fyne.NewSize(w, size.Height))
		}
		return
	}
	y := float32(0)
	for _, o := range visible {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}
