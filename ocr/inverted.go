package ocr

import (
	"context"
	"image"
)

// darkOnLight is an engine told that the images it reads are printed
// dark on light (see Pass.DarkOnLight), except in reads of a card seen
// or leaned to be in kanji: the readings of such a card are often all
// poor and weighed against each other, and Tesseract's second look
// changed which won (a rendered vertical Japanese card was read on its
// side, and lost its name).
type darkOnLight struct{ Engine }

func (e darkOnLight) Recognize(ctx context.Context, img image.Image, p Pass) ([]Line, error) {
	p.DarkOnLight = !kanjiScript(p.Script) && !kanjiScript(p.Lean)
	return e.Engine.Recognize(ctx, img, p)
}

func kanjiScript(s string) bool { return s == "Japanese" || s == "Han" }

// lightOnDark says whether the ink image (see contrastImage) holds a
// block of ink a line of print could be cut out of, light on dark: a
// small dark band or badge the background estimate took for print, as
// on an Indian shop card whose firm's name is printed light in one. It
// looks at cells of about a hundredth of the card's short side: a block
// is cells mostly ink, side by side, at least bandCells high, at least
// twice as wide as high, and filling seven tenths of the rectangle
// around it, the holes print leaves in it counted in. Letters printed
// dark leave most cells they cross more paper than ink, and a rule is
// one cell high. It errs towards a block: one found costs only time. Of
// the 43 dev cards it found one on 16 (2 of the 11 thucdx photos), and
// on 22 of 774 invented ones, most of them lying on their side.
func lightOnDark(ink *image.Gray) bool {
	b := ink.Bounds()
	cell := max(4, min(b.Dx(), b.Dy())/100)
	cw, ch := b.Dx()/cell, b.Dy()/cell
	if cw < 2*bandCells || ch < bandCells {
		return false
	}
	dark := make([]bool, cw*ch)
	for cy := range ch {
		for cx := range cw {
			sum := 0
			for y := b.Min.Y + cy*cell; y < b.Min.Y+(cy+1)*cell; y++ {
				row := ink.Pix[ink.PixOffset(b.Min.X+cx*cell, y):]
				for _, v := range row[:cell] {
					sum += int(v)
				}
			}
			dark[cy*cw+cx] = sum < darkCell*cell*cell
		}
	}
	seen := make([]bool, len(dark))
	// The leftmost and rightmost cell of the block in each row: print
	// cut out of a band leaves holes in it, which count as the band.
	left, right := make([]int, ch), make([]int, ch)
	for i := range left {
		left[i], right[i] = cw, -1
	}
	var stack, cells []int
	for i := range dark {
		if !dark[i] || seen[i] {
			continue
		}
		var r image.Rectangle
		cells = cells[:0]
		r, _, stack = flood(dark, seen, cw, i, stack, &cells)
		for _, k := range cells {
			x, y := k%cw, k/cw
			left[y], right[y] = min(left[y], x), max(right[y], x)
		}
		spans := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			spans += right[y] - left[y] + 1
			left[y], right[y] = cw, -1
		}
		w, h := r.Dx(), r.Dy()
		if h >= bandCells && w >= 2*h && 10*spans >= 7*w*h {
			return true
		}
	}
	return false
}

// bandCells is how many cells high (see lightOnDark) a block of ink must
// be to hold a line of print; darkCell the mean grey under which a cell
// is mostly ink.
const (
	bandCells = 3
	darkCell  = 96
)
