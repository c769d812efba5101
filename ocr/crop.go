package ocr

import (
	"image"
	"image/color"
	"math"
	"slices"

	"followthrough/ocr/perspective"
)

// FindCard looks for a business card lying on a darker background, as in a
// phone photo of a card on a desk, and returns its bounds in img. When no
// card stands out (a flat scan, or a card that fills the frame) it returns
// img.Bounds().
//
// It thresholds a small grey copy of the image at Otsu's level, takes the
// largest bright connected region and accepts it when it is a solid,
// card-sized block well inside the frame. A card no brighter than its
// table is looked for by its colour (see apartFromTable).
func FindCard(img image.Image) image.Rectangle {
	r, _, _ := findCard(img)
	return r
}

// FindCardQuad is FindCard for a card seen at an angle: it returns the
// card's four corners in img, top-left first and clockwise, which a
// perspective transform straightens. ok is false when no card stands out.
func FindCardQuad(img image.Image) (q perspective.Quad, ok bool) {
	_, q, ok = findCard(img)
	return q, ok
}

func findCard(img image.Image) (image.Rectangle, perspective.Quad, bool) {
	full := img.Bounds()
	const side = 400
	lum, w, h := lumaThumb(img, side)
	if w < 16 || h < 16 {
		return full, perspective.Quad{}, false
	}
	// The first split may part the shadows from the rest, leaving card and
	// desk together on the bright side: split the bright side again then.
	var box image.Rectangle
	var region []int
	found := false
	sub := lum
	for try := 0; try < 3 && len(sub) > 0; try++ {
		t := otsu(sub)
		bright := make([]bool, len(lum))
		for i, v := range lum {
			bright[i] = v > t
		}
		b, n, pix := largestRegion(bright, w, h)
		area := b.Dx() * b.Dy()
		frame := w * h
		edges := edgesTouched(b, w, h)
		// Nearly everything is bright, or the bright part runs off three
		// sides of the frame (a bright desk, or a scan with a dark band):
		// split what is bright, and look for a card inside it.
		if area > frame*85/100 || edges >= 3 {
			next := make([]uint8, 0, len(sub))
			for _, v := range sub {
				if v > t {
					next = append(next, v)
				}
			}
			if len(next) == len(sub) {
				break
			}
			sub = next
			continue
		}
		if area == 0 || area < frame*5/100 || n < area*70/100 {
			break // a small glare, or not a solid block: no card stands out
		}
		// A second split finds parts of a bright card as readily as a
		// card on a bright desk: only a card-shaped block clear of the
		// frame's edges will do.
		if try > 0 && (edges > 0 || !cardShaped(b) || n < area*75/100) {
			break
		}
		box, region, found = b, pix, true
		break
	}
	if !found {
		// A card as bright as the table it lies on, a yellow card on a
		// light grey one, or darker, a red one: apart by its colour.
		box, region, found = apartFromTable(img, side)
	}
	if !found || slim(box) {
		return full, perspective.Quad{}, false
	}
	// Back to full-size coordinates with a small margin.
	sx := float64(full.Dx()) / float64(w)
	sy := float64(full.Dy()) / float64(h)
	mx, my := box.Dx()/50+1, box.Dy()/50+1
	r := image.Rect(
		full.Min.X+int(float64(box.Min.X-mx)*sx),
		full.Min.Y+int(float64(box.Min.Y-my)*sy),
		full.Min.X+int(float64(box.Max.X+mx)*sx),
		full.Min.Y+int(float64(box.Max.Y+my)*sy),
	)
	return r.Intersect(full), corners(region, w, sx, sy, full.Min), true
}

// apartFromTable finds a card by its colour, apart from the table's,
// which the frame's edge shows: a yellow card on a light grey table, as
// bright as it, or a red one, darker. Colour alone is weighed, not
// brightness: light falls unevenly across a table, and its shadows are
// grey. The card is what the table, reached from the frame's edge over
// cells of its colour, does not reach: its print and pictures inside it
// (a grey photo of a loudspeaker) are part of it. It must be a solid,
// card-shaped block in the thumbnail of img side cells across; it may
// run off two sides of the frame, as a card filling a photo's width
// does. It gives the block and its cells, or false.
func apartFromTable(img image.Image, side int) (image.Rectangle, []int, bool) {
	cbcr, w, h := chromaThumb(img, side)
	if w < 16 || h < 16 {
		return image.Rectangle{}, nil, false
	}
	onEdge := func(k int) bool { x, y := k%w, k/w; return x == 0 || y == 0 || x == w-1 || y == h-1 }
	var cb, cr []int
	for k := range w * h {
		if onEdge(k) {
			cb, cr = append(cb, int(cbcr[k*2])), append(cr, int(cbcr[k*2+1]))
		}
	}
	slices.Sort(cb)
	slices.Sort(cr)
	tb, tr := cb[len(cb)/2], cr[len(cr)/2]
	apart := make([]float64, w*h)
	var edge []float64
	for k := range apart {
		db, dr := float64(int(cbcr[k*2])-tb), float64(int(cbcr[k*2+1])-tr)
		apart[k] = math.Hypot(db, dr)
		if onEdge(k) {
			edge = append(edge, apart[k])
		}
	}
	// Far from the table: well beyond how much its own colour varies.
	slices.Sort(edge)
	t := max(minApart, 3*edge[len(edge)/2])
	table := make([]bool, w*h)
	for k, v := range apart {
		table[k] = v <= t
	}
	reached := make([]bool, w*h)
	stack := make([]int, 0, 1024)
	for k := range table {
		if table[k] && onEdge(k) && !reached[k] {
			_, _, stack = flood(table, reached, w, k, stack, nil)
		}
	}
	card := make([]bool, w*h)
	for k := range card {
		card[k] = !reached[k]
	}
	b, n, cells := largestRegion(card, w, h)
	area := b.Dx() * b.Dy()
	if area < w*h*5/100 || area > w*h*85/100 || n < area*75/100 || !cardShaped(b) || edgesTouched(b, w, h) > 2 {
		return image.Rectangle{}, nil, false
	}
	return b, cells, true
}

// edgesTouched is how many sides of a w×h frame block b runs off.
func edgesTouched(b image.Rectangle, w, h int) int {
	n := 0
	for _, touch := range []bool{b.Min.X == 0, b.Min.Y == 0, b.Max.X == w, b.Max.Y == h} {
		if touch {
			n++
		}
	}
	return n
}

// minApart is the least difference of colour (the distance between two
// points' blue and red differences, Cb and Cr) that sets a card apart
// from its table: a grey table's own varies by 0 to 3.
const minApart = 8

// corners returns the four corners of a card-shaped region of a w-wide
// mask (given as its cells' indices), in image coordinates: the cells
// furthest along each diagonal, pushed out from the middle by a margin of
// about 1% so that print at the card's edge is kept.
func corners(region []int, w int, sx, sy float64, origin image.Point) perspective.Quad {
	var q perspective.Quad
	best := [4]float64{math.Inf(1), math.Inf(-1), math.Inf(-1), math.Inf(1)} // x+y min, x-y max, x+y max, x-y min
	for _, i := range region {
		x, y := float64(i%w)+0.5, float64(i/w)+0.5
		if s := x + y; s < best[0] {
			best[0], q[0] = s, perspective.Point{X: x - 0.5, Y: y - 0.5}
		}
		if d := x - y; d > best[1] {
			best[1], q[1] = d, perspective.Point{X: x + 0.5, Y: y - 0.5}
		}
		if s := x + y; s > best[2] {
			best[2], q[2] = s, perspective.Point{X: x + 0.5, Y: y + 0.5}
		}
		if d := x - y; d < best[3] {
			best[3], q[3] = d, perspective.Point{X: x - 0.5, Y: y + 0.5}
		}
	}
	var cx, cy float64
	for _, p := range q {
		cx, cy = cx+p.X/4, cy+p.Y/4
	}
	for k, p := range q {
		q[k] = perspective.Point{
			X: float64(origin.X) + (cx+(p.X-cx)*1.015)*sx,
			Y: float64(origin.Y) + (cy+(p.Y-cy)*1.02)*sy,
		}
	}
	return q
}

// otsu returns the grey level that best splits the histogram of lum into
// two classes.
func otsu(lum []uint8) uint8 {
	var hist [256]int
	for _, v := range lum {
		hist[v]++
	}
	total := len(lum)
	var sum float64
	for i, c := range hist {
		sum += float64(i * c)
	}
	var sumB, best float64
	var wB int
	var level uint8
	for i, c := range hist {
		wB += c
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(i * c)
		mB := sumB / float64(wB)
		mF := (sum - sumB) / float64(wF)
		between := float64(wB) * float64(wF) * (mB - mF) * (mB - mF)
		if between > best {
			best, level = between, uint8(i)
		}
	}
	return level
}

// largestRegion returns the bounding box, cell count and cells of the
// largest 4-connected region of set cells in a w×h mask. The cells are in
// the order a flood fill from the region's first cell meets them.
func largestRegion(mask []bool, w, h int) (image.Rectangle, int, []int) {
	seen := make([]bool, len(mask))
	var best image.Rectangle
	bestN, bestStart := 0, -1
	stack := make([]int, 0, 1024)
	for start := range mask {
		if !mask[start] || seen[start] {
			continue
		}
		var r image.Rectangle
		var n int
		r, n, stack = flood(mask, seen, w, start, stack, nil)
		if n > bestN {
			best, bestN, bestStart = r, n, start
		}
	}
	if bestStart < 0 {
		return best, 0, nil
	}
	// Fill the largest again, to list its cells: cheaper than keeping
	// the cells of every region that was the largest so far.
	cells := make([]int, 0, bestN)
	clear(seen)
	flood(mask, seen, w, bestStart, stack, &cells)
	return best, bestN, cells
}

// flood visits the 4-connected region of set cells of mask, w wide, that
// holds start, marking them in seen, and returns its bounding box and
// cell count, and stack, for reuse; with cells, it appends the cells
// there in the order it meets them.
func flood(mask, seen []bool, w, start int, stack []int, cells *[]int) (image.Rectangle, int, []int) {
	seen[start] = true
	stack = append(stack[:0], start)
	x0, y0, x1, y1 := start%w, start/w, start%w, start/w
	n := 0
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n++
		if cells != nil {
			*cells = append(*cells, i)
		}
		x, y := i%w, i/w
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		if x > 0 && mask[i-1] && !seen[i-1] {
			seen[i-1] = true
			stack = append(stack, i-1)
		}
		if x < w-1 && mask[i+1] && !seen[i+1] {
			seen[i+1] = true
			stack = append(stack, i+1)
		}
		if i >= w && mask[i-w] && !seen[i-w] {
			seen[i-w] = true
			stack = append(stack, i-w)
		}
		if i+w < len(mask) && mask[i+w] && !seen[i+w] {
			seen[i+w] = true
			stack = append(stack, i+w)
		}
	}
	return image.Rect(x0, y0, x1+1, y1+1), n, stack
}

// cardShaped says whether r has the proportions of a business card, either
// way up: between 1.3 and 2.1 times as long as it is wide.
func cardShaped(r image.Rectangle) bool {
	long, short := max(r.Dx(), r.Dy()), min(r.Dx(), r.Dy())
	return short > 0 && 10*long >= 13*short && 10*long <= 21*short
}

// slim says whether r, a card found, is longer for its width than a
// business card is (1.9 times; cards are 1.5 to 1.8): part of it, a band
// of the table's colour across it, was left out. A Brazilian photo's
// blue card lost the grey band that held its website.
func slim(r image.Rectangle) bool {
	long, short := max(r.Dx(), r.Dy()), min(r.Dx(), r.Dy())
	return 10*long > 19*short
}

// lumaThumb returns the brightness of img shrunk to fit side×side, as
// w×h values, each the mean over its block of pixels. A JPEG's own
// brightness plane is read directly, which is far faster than converting
// a phone's photo to colour first.
func lumaThumb(img image.Image, side int) (lum []uint8, w, h int) {
	var sample func(x, y int, sum []uint32, k int)
	switch m := img.(type) {
	case *image.YCbCr:
		sample = func(x, y int, sum []uint32, k int) { sum[k] += uint32(m.Y[m.YOffset(x, y)]) }
	case *image.Gray:
		sample = func(x, y int, sum []uint32, k int) { sum[k] += uint32(m.Pix[m.PixOffset(x, y)]) }
	case *image.NRGBA:
		sample = func(x, y int, sum []uint32, k int) {
			i := m.PixOffset(x, y)
			sum[k] += (299*uint32(m.Pix[i]) + 587*uint32(m.Pix[i+1]) + 114*uint32(m.Pix[i+2])) / 1000
		}
	default:
		sample = func(x, y int, sum []uint32, k int) {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum[k] += (19595*r + 38470*g + 7471*bl + 1<<15) >> 24
		}
	}
	return thumb(img.Bounds(), side, 1, sample)
}

// chromaThumb is lumaThumb for colour: each block's mean blue and red
// difference (Cb and Cr), two values a block.
func chromaThumb(img image.Image, side int) (cbcr []uint8, w, h int) {
	var sample func(x, y int, sum []uint32, k int)
	switch m := img.(type) {
	case *image.YCbCr:
		sample = func(x, y int, sum []uint32, k int) {
			c := m.COffset(x, y)
			sum[k] += uint32(m.Cb[c])
			sum[k+1] += uint32(m.Cr[c])
		}
	case *image.NRGBA:
		sample = func(x, y int, sum []uint32, k int) {
			i := m.PixOffset(x, y)
			_, cb, cr := color.RGBToYCbCr(m.Pix[i], m.Pix[i+1], m.Pix[i+2])
			sum[k], sum[k+1] = sum[k]+uint32(cb), sum[k+1]+uint32(cr)
		}
	default:
		sample = func(x, y int, sum []uint32, k int) {
			r, g, b, _ := img.At(x, y).RGBA()
			_, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(b>>8))
			sum[k], sum[k+1] = sum[k]+uint32(cb), sum[k+1]+uint32(cr)
		}
	}
	return thumb(img.Bounds(), side, 2, sample)
}

// thumb shrinks the image in b to fit side×side: w×h blocks of ch values
// each, the mean of what sample adds up, from sum[k] on, over the
// block's pixels, of which it samples every few.
func thumb(b image.Rectangle, side, ch int, sample func(x, y int, sum []uint32, k int)) (out []uint8, w, h int) {
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, 0, 0
	}
	f := math.Max(float64(b.Dx()), float64(b.Dy())) / float64(side)
	if f < 1 {
		f = 1
	}
	w, h = max(1, int(float64(b.Dx())/f)), max(1, int(float64(b.Dy())/f))
	sum := make([]uint32, w*h*ch)
	cnt := make([]uint32, w*h)
	// Sample every few pixels: the mean of a block needs no more.
	step := max(1, int(f/3))
	// The block of each column sampled, worked out once.
	tx := make([]int, 0, b.Dx()/step+1)
	for x := b.Min.X; x < b.Max.X; x += step {
		tx = append(tx, min(w-1, int(float64(x-b.Min.X)/f)))
	}
	for y := b.Min.Y; y < b.Max.Y; y += step {
		row := min(h-1, int(float64(y-b.Min.Y)/f)) * w
		for c, x := 0, b.Min.X; x < b.Max.X; c, x = c+1, x+step {
			k := row + tx[c]
			sample(x, y, sum, k*ch)
			cnt[k]++
		}
	}
	out = make([]uint8, w*h*ch)
	for k := range out {
		if n := cnt[k/ch]; n > 0 {
			out[k] = uint8(sum[k] / n)
		}
	}
	return out, w, h
}
