package render

import (
	"image"
	"image/draw"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// A cell is one character of a line printed down a column: a square one
// em a side, the character centred across it.
type cell struct {
	r    rune
	dot  fixed.Point26_6 // where the character is drawn from, upright
	box  image.Rectangle // the cell
	turn bool            // drawn turned a quarter clockwise, as ー is down a column
}

// turnedDown are the characters printed turned a quarter clockwise down a
// column, as vertical Japanese prints them: the long-vowel mark is a
// vertical bar there, and so are dashes.
const turnedDown = "ー－-—―‐～〜…‥（）()"

// smallKana sit at the top right of their cell down a column, where across
// a line they sit at the bottom left; the comma and full stop all the more.
const (
	smallKana = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
	stops     = "、。，．"
)

// spareCol is the room kept between the columns and the lines printed
// across under them, as a share of the card's height.
const spareCol = 0.03

// layoutVertical places ps, the lines of a Vertical card: those holding
// kanji or kana in columns from the right edge, the others across at the
// bottom left. measure is how wide a line is printed across.
func layoutVertical(ps []placed, g geometry, fc *faces, measure func(placed) int) {
	var cols, across []int
	for i, p := range ps {
		if cjk(p.line.Text) {
			cols = append(cols, i)
		} else {
			across = append(across, i)
		}
	}
	// The lines across, narrowed to fit, at the bottom left.
	cw := g.right - g.left
	blockH := 0.0
	for k, i := range across {
		if w := measure(ps[i]); w > cw && w > 0 {
			ps[i].size *= float64(cw) / float64(w) * 0.995
		}
		if k > 0 {
			blockH += g.px(ps[i].line.SpaceBefore)
		}
		blockH += lineAdvance * g.px(ps[i].size)
	}
	y := float64(g.bottom) - blockH
	for k, i := range across {
		p := &ps[i]
		if k > 0 {
			y += g.px(p.line.SpaceBefore)
		}
		y += placeAcross(p, fc, g, y, g.left, g.right, measure)
	}

	// The columns: each shortened to fit down the card, then all narrowed
	// to fit across it.
	top, bottom := float64(g.top), float64(g.bottom)
	if len(across) > 0 {
		bottom -= blockH + spareCol*float64(g.h)
	}
	availH := bottom - top
	for _, i := range cols {
		if n := columnEms(ps[i].line.Text); n*g.px(ps[i].size) > availH {
			ps[i].size = availH / n / g.px(1)
		}
	}
	width := func() (inked, spaces float64) {
		for k, i := range cols {
			inked += lineAdvance * g.px(ps[i].size)
			if k > 0 {
				spaces += g.px(ps[i].line.SpaceBefore)
			}
		}
		return inked, spaces
	}
	availW := float64(cw)
	if c, s := width(); c+s > availW {
		f := availW / (c + s)
		for _, i := range cols {
			ps[i].size *= f
			ps[i].line.SpaceBefore *= f
		}
	}
	// The spare width goes to the spaces between groups of columns, in
	// proportion to them; with none, the columns stand in the middle.
	c, s := width()
	spare := availW - c - s
	x := float64(g.right)
	if s == 0 {
		x -= spare / 2
		spare = 0
	}
	for k, i := range cols {
		p := &ps[i]
		if k > 0 && s > 0 {
			sb := g.px(p.line.SpaceBefore)
			x -= sb + spare*sb/s
		}
		em := g.px(p.size)
		colW := lineAdvance * em
		cx := x - colW/2
		length := columnEms(p.line.Text) * em
		y0 := top
		switch p.line.Align {
		case Center:
			y0 = top + (availH-length)/2
		case Right:
			y0 = bottom - length
		}
		p.cells = columnCells(p.line.Text, fc.get(p.line, p.size), cx, y0, em)
		for _, c := range p.cells {
			p.box = p.box.Union(c.ink(fc.get(p.line, p.size)))
		}
		p.hasGlyph = !p.box.Empty()
		x -= colW
	}
}

// columnEms is how many ems s takes down a column: a space of the Latin
// alphabet takes half of one, every other character one.
func columnEms(s string) float64 {
	n := 0.0
	for _, r := range s {
		if r == ' ' {
			n += 0.5
		} else {
			n++
		}
	}
	return n
}

// columnCells places the characters of s down a column whose middle is
// at cx, from y0 down, in face at em pixels an em.
func columnCells(s string, face font.Face, cx, y0, em float64) []cell {
	m := face.Metrics()
	asc, desc := float64(m.Ascent)/64, float64(m.Descent)/64
	var cells []cell
	y := y0
	for _, r := range s {
		if r == ' ' {
			y += em / 2
			continue
		}
		adv, _ := face.GlyphAdvance(r)
		x := cx - float64(adv)/64/2
		base := y + (em-(asc+desc))/2 + asc
		switch {
		case strings.ContainsRune(smallKana, r):
			x, base = x+0.1*em, base-0.1*em
		case strings.ContainsRune(stops, r):
			x, base = x+0.6*em, base-0.6*em
		}
		cells = append(cells, cell{
			r:    r,
			dot:  fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(base * 64))},
			box:  image.Rect(int(math.Floor(cx-em/2)), int(math.Floor(y)), int(math.Ceil(cx+em/2)), int(math.Ceil(y+em))),
			turn: strings.ContainsRune(turnedDown, r),
		})
		y += em
	}
	return cells
}

// ink is where c's character leaves ink, drawn in face.
func (c cell) ink(face font.Face) image.Rectangle {
	if r := '　'; c.r == r {
		return image.Rectangle{}
	}
	b, _, ok := face.GlyphBounds(c.r)
	if !ok {
		return image.Rectangle{}
	}
	r := image.Rect((c.dot.X + b.Min.X).Floor(), (c.dot.Y + b.Min.Y).Floor(), (c.dot.X + b.Max.X).Ceil(), (c.dot.Y + b.Max.Y).Ceil())
	if r.Empty() {
		return r
	}
	if c.turn {
		return turnRect(r, c.box)
	}
	return r
}

// turnRect is r turned a quarter clockwise about the middle of the
// square box.
func turnRect(r, box image.Rectangle) image.Rectangle {
	n := box.Dx()
	a := r.Sub(box.Min)
	return image.Rect(n-a.Max.Y, a.Min.X, n-a.Min.Y, a.Max.X).Add(box.Min)
}

// drawColumn draws the characters cells place in face with ink.
func drawColumn(dst draw.Image, ink image.Image, face font.Face, cells []cell) {
	for _, c := range cells {
		dr, mask, mp, _, ok := face.Glyph(c.dot, c.r)
		if !ok {
			continue
		}
		if !c.turn {
			draw.DrawMask(dst, dr, ink, image.Point{}, mask, mp, draw.Over)
			continue
		}
		// Turned: the glyph as drawn upright in its square cell, turned
		// a quarter clockwise, so that what ran across runs down.
		n := c.box.Dx()
		sq := image.Rect(c.box.Min.X, c.box.Min.Y, c.box.Min.X+n, c.box.Min.Y+n)
		up := image.NewAlpha(sq)
		draw.Draw(up, dr.Intersect(sq), mask, mp.Add(dr.Intersect(sq).Min.Sub(dr.Min)), draw.Src)
		turned := image.NewAlpha(sq)
		for y := range n {
			for x := range n {
				turned.SetAlpha(sq.Min.X+n-1-y, sq.Min.Y+x, up.AlphaAt(sq.Min.X+x, sq.Min.Y+y))
			}
		}
		draw.DrawMask(dst, sq, ink, image.Point{}, turned, sq.Min, draw.Over)
	}
}
