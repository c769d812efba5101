package ui

import (
	"image"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/ocr"
)

// cardView shows a card image with the boxes of the text read on it.
// Tapping a box calls OnPick with that line's text.
type cardView struct {
	widget.BaseWidget

	OnPick func(text string)

	img   image.Image
	lines []ocr.Line
	// space is the size of the card the boxes of lines refer to; img may
	// be smaller, kept at review size.
	space    image.Point
	selected int // index of the last line picked, or -1
}

func newCardView() *cardView {
	v := &cardView{selected: -1}
	v.ExtendBaseWidget(v)
	return v
}

// SetCard shows img with the lines read on it, whose boxes refer to a
// card of size space (img's own size when space is zero). The lines are
// shown as the classifier reads them (ocr.CleanLines): a logo or an icon
// read as a letter beside a line is outside its box and its text. A line
// left with no text, a speck read as a bar, has nothing to give and gets
// no box.
func (v *cardView) SetCard(img image.Image, lines []ocr.Line, space image.Point) {
	if img != nil && space == (image.Point{}) {
		space = img.Bounds().Size()
	}
	lines = slices.DeleteFunc(ocr.CleanLines(lines, space), func(l ocr.Line) bool { return l.Text == "" })
	v.img, v.lines, v.space, v.selected = img, lines, space, -1
	v.Refresh()
}

// Tapped picks the text box under the tap, if any.
func (v *cardView) Tapped(ev *fyne.PointEvent) {
	i := v.lineAt(ev.Position)
	if i < 0 {
		return
	}
	v.selected = i
	v.Refresh()
	if v.OnPick != nil {
		v.OnPick(v.lines[i].Text)
	}
}

// lineAt returns the index of the line whose box holds pos, or -1.
func (v *cardView) lineAt(pos fyne.Position) int {
	if v.img == nil {
		return -1
	}
	off, scale := fit(v.space, v.Size())
	if scale == 0 {
		return -1
	}
	p := image.Pt(int((pos.X-off.X)/scale), int((pos.Y-off.Y)/scale))
	for i, l := range v.lines {
		if p.In(l.Box.Inset(-4)) {
			return i
		}
	}
	return -1
}

// fit returns where an image of size img lands inside area when scaled to
// fit it whole, and the scale.
func fit(img image.Point, area fyne.Size) (fyne.Position, float32) {
	if img.X == 0 || img.Y == 0 || area.Width <= 0 || area.Height <= 0 {
		return fyne.Position{}, 0
	}
	scale := min(area.Width/float32(img.X), area.Height/float32(img.Y))
	w, h := float32(img.X)*scale, float32(img.Y)*scale
	return fyne.NewPos((area.Width-w)/2, (area.Height-h)/2), scale
}

func (v *cardView) CreateRenderer() fyne.WidgetRenderer {
	r := &cardViewRenderer{view: v, image: canvas.NewImageFromImage(nil)}
	r.image.FillMode = canvas.ImageFillContain
	r.image.ScaleMode = canvas.ImageScaleSmooth
	r.Refresh()
	return r
}

type cardViewRenderer struct {
	view  *cardView
	image *canvas.Image
	boxes []*canvas.Rectangle
}

func (r *cardViewRenderer) Layout(size fyne.Size) {
	r.image.Resize(size)
	v := r.view
	if v.img == nil {
		return
	}
	off, scale := fit(v.space, size)
	for i, b := range r.boxes {
		box := v.lines[i].Box
		b.Move(fyne.NewPos(off.X+float32(box.Min.X)*scale, off.Y+float32(box.Min.Y)*scale))
		b.Resize(fyne.NewSize(float32(box.Dx())*scale, float32(box.Dy())*scale))
	}
}

// MinSize is small, so that the review fits a window of 800×600; the
// card can be enlarged to click its boxes.
func (r *cardViewRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 120) }

func (r *cardViewRenderer) Refresh() {
	v := r.view
	if r.image.Image != v.img {
		r.image.Image = v.img
		r.image.Refresh()
	}
	for len(r.boxes) < len(v.lines) {
		r.boxes = append(r.boxes, canvas.NewRectangle(color.Transparent))
	}
	r.boxes = r.boxes[:len(v.lines)]
	primary := theme.Color(theme.ColorNamePrimary)
	for i, b := range r.boxes {
		b.StrokeWidth = 1.5
		b.StrokeColor = withAlpha(primary, 0xb0)
		b.FillColor = color.Transparent
		if v.lines[i].Conf < ocr.LowConfidence {
			b.StrokeColor = withAlpha(theme.Color(theme.ColorNameWarning), 0xd0)
		}
		if i == v.selected {
			b.FillColor = withAlpha(primary, 0x40)
			b.StrokeWidth = 2.5
		}
		b.Refresh()
	}
	r.Layout(v.Size())
}

func (r *cardViewRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.image}
	for _, b := range r.boxes {
		objs = append(objs, b)
	}
	return objs
}

func (r *cardViewRenderer) Destroy() {}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
