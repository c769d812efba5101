package ocr

import (
	"image"
	"image/color"
	"math"
	"sort"

	"github.com/disintegration/imaging"

	"followthrough/ocr/perspective"
)

// cropCard returns the card in img: cropped to it when it lies square in
// the frame, straightened with a perspective transform when a phone saw
// it at an angle or turned, and img itself for a scan the card fills.
// A card more than twice the size it is read at is shrunk as it is cut
// out (see cropShrunk), so that no copy of it at its full size is made.
func cropCard(img image.Image) *image.NRGBA {
	box, q, ok := findCard(img)
	if !ok {
		return cropShrunk(img, img.Bounds(), shrinkFactor(img.Bounds().Size()))
	}
	if square(q, box) {
		return cropShrunk(img, box, shrinkFactor(box.Size()))
	}
	w, h := q.Size()
	k := shrinkFactor(image.Pt(int(w), int(h)))
	// Warp from the crop around the quad, which is far smaller than a
	// phone's photo.
	around := image.Rect(int(math.Floor(minOf(q, true))), int(math.Floor(minOf(q, false))),
		int(math.Ceil(maxOf(q, true)))+1, int(math.Ceil(maxOf(q, false)))+1).Intersect(img.Bounds())
	sub := cropShrunk(img, around, k)
	f := float64(k)
	for i := range q {
		q[i].X = (q[i].X - float64(around.Min.X)) / f
		q[i].Y = (q[i].Y - float64(around.Min.Y)) / f
	}
	return perspective.Warp(sub, q, max(1, int(math.Round(w/f))), max(1, int(math.Round(h/f))))
}

// shrinkFactor is how many times smaller a card of size s is cut out of
// its image: as many whole times as it is larger than maxReadSide, so
// that it stays at least that large.
func shrinkFactor(s image.Point) int {
	return max(1, max(s.X, s.Y)/maxReadSide)
}

// cropShrunk returns the part r of img as NRGBA, each k×k block of its
// points made one by their mean (weighted by alpha); for k of 1, the
// part as it is. It converts r a strip of rows at a time, so that it
// never holds more than a strip of r at full size.
func cropShrunk(img image.Image, r image.Rectangle, k int) *image.NRGBA {
	r = r.Intersect(img.Bounds())
	if k <= 1 {
		return imaging.Crop(img, r)
	}
	w, h := r.Dx()/k, r.Dy()/k
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	const rows = 16 // rows of out made from one strip
	sums := make([]uint64, 4*w)
	for y0 := 0; y0 < h; y0 += rows {
		y1 := min(h, y0+rows)
		strip := imaging.Crop(img, image.Rect(r.Min.X, r.Min.Y+y0*k, r.Min.X+w*k, r.Min.Y+y1*k))
		for y := y0; y < y1; y++ {
			clear(sums)
			for dy := 0; dy < k; dy++ {
				src := strip.Pix[((y-y0)*k+dy)*strip.Stride:]
				for x := 0; x < w*k; x++ {
					p := src[4*x : 4*x+4 : 4*x+4]
					a := uint64(p[3])
					s := sums[4*(x/k) : 4*(x/k)+4 : 4*(x/k)+4]
					s[0] += uint64(p[0]) * a
					s[1] += uint64(p[1]) * a
					s[2] += uint64(p[2]) * a
					s[3] += a
				}
			}
			dst := out.Pix[y*out.Stride:]
			n := uint64(k * k)
			for x := 0; x < w; x++ {
				s := sums[4*x : 4*x+4 : 4*x+4]
				d := dst[4*x : 4*x+4 : 4*x+4]
				if s[3] == 0 {
					d[0], d[1], d[2], d[3] = 0, 0, 0, 0
					continue
				}
				d[0] = uint8((s[0] + s[3]/2) / s[3])
				d[1] = uint8((s[1] + s[3]/2) / s[3])
				d[2] = uint8((s[2] + s[3]/2) / s[3])
				d[3] = uint8((s[3] + n/2) / n)
			}
		}
	}
	return out
}

// square says whether the corners q lie within 4% of the card's size of
// the corners of box: a card lying square or nearly (turned by less than
// about two degrees, which deskewing takes out), which a crop straightens
// without the slight blur of resampling.
func square(q perspective.Quad, box image.Rectangle) bool {
	r := perspective.Rect(box)
	tol := 0.04 * float64(max(box.Dx(), box.Dy()))
	for k := range q {
		if math.Hypot(q[k].X-r[k].X, q[k].Y-r[k].Y) > tol {
			return false
		}
	}
	return true
}

func minOf(q perspective.Quad, x bool) float64 {
	m := math.Inf(1)
	for _, p := range q {
		m = math.Min(m, map[bool]float64{true: p.X, false: p.Y}[x])
	}
	return m
}

func maxOf(q perspective.Quad, x bool) float64 {
	m := math.Inf(-1)
	for _, p := range q {
		m = math.Max(m, map[bool]float64{true: p.X, false: p.Y}[x])
	}
	return m
}

// skewAngle returns how many degrees, clockwise, the lines of text on the
// ink image g are tilted, between -6 and 6: the angle at which the ink,
// projected onto the card's height, gathers into the sharpest rows.
func skewAngle(g *image.Gray) float64 {
	// Work on ink points of a copy about 800 pixels wide.
	step := max(1, g.Bounds().Dx()/800)
	type pt struct{ x, y float64 }
	var pts []pt
	for y := 0; y < g.Bounds().Dy(); y += step {
		row := g.Pix[y*g.Stride:]
		for x := 0; x < g.Bounds().Dx(); x += step {
			if row[x] < 110 {
				pts = append(pts, pt{float64(x / step), float64(y / step)})
			}
		}
	}
	if len(pts) < 200 {
		return 0
	}
	h := g.Bounds().Dy()/step + 1
	w := g.Bounds().Dx()/step + 1
	bins := make([]float64, 2*(h+w)+2)
	// score is how sharply the ink gathers into rows (or, for a card on
	// its side, columns) when the card is turned back by deg.
	score := func(deg float64, columns bool) float64 {
		clear(bins)
		s, c := math.Sin(deg*math.Pi/180), math.Cos(deg*math.Pi/180)
		off := float64(w + h)
		for _, p := range pts {
			v := p.y*c - p.x*s
			if columns {
				v = p.x*c + p.y*s
			}
			if k := int(v + off); k >= 0 && k < len(bins) {
				bins[k]++
			}
		}
		sum := 0.0
		for _, b := range bins {
			sum += b * b
		}
		return sum
	}
	search := func(columns bool) (float64, float64) {
		best, bestScore := 0.0, score(0, columns)
		for deg := -6.0; deg <= 6.0; deg += 0.5 {
			if s := score(deg, columns); s > bestScore*1.0001 {
				best, bestScore = deg, s
			}
		}
		// Refine around the best half degree. The bounds are fixed
		// before the loop: bounds that followed best let it creep a
		// tenth at a time as long as the score grew, to a skew of 19
		// degrees on a photo with a large slanted letter.
		lo, hi := best-0.4, best+0.4
		for deg := lo; deg <= hi+1e-9; deg += 0.1 {
			if s := score(deg, columns); s > bestScore*1.0001 {
				best, bestScore = deg, s
			}
		}
		// How much sharper than at random: the score against that of
		// the same points spread evenly.
		return best, bestScore / score(45, columns)
	}
	rowAngle, rowSharp := search(false)
	colAngle, colSharp := search(true)
	if colSharp > rowSharp {
		return math.Round(colAngle*10) / 10
	}
	return math.Round(rowAngle*10) / 10
}

// minSkew is the least skew, in degrees, worth taking out: Tesseract
// reads lines tilted less than this as well as straight ones.
const minSkew = 1.0

// deskew turns the card and its ink image back by a degrees, the skew of
// the text on them.
func deskew(card *image.NRGBA, ink *image.Gray, a float64) (*image.NRGBA, *image.Gray) {
	// imaging turns counter-clockwise: a clockwise tilt turns back by a.
	bg := borderColour(card)
	card = imaging.Rotate(card, a, bg)
	return card, rotateGray(ink, a, 255)
}

// borderColour is the median colour along the edges of img.
func borderColour(img *image.NRGBA) color.NRGBA {
	b := img.Bounds()
	var rs, gs, bs []int
	add := func(x, y int) {
		i := img.PixOffset(x, y)
		rs, gs, bs = append(rs, int(img.Pix[i])), append(gs, int(img.Pix[i+1])), append(bs, int(img.Pix[i+2]))
	}
	for x := b.Min.X; x < b.Max.X; x += 4 {
		add(x, b.Min.Y)
		add(x, b.Max.Y-1)
	}
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		add(b.Min.X, y)
		add(b.Max.X-1, y)
	}
	med := func(v []int) uint8 {
		sort.Ints(v)
		return uint8(v[len(v)/2])
	}
	return color.NRGBA{med(rs), med(gs), med(bs), 255}
}

// textHeight returns the median height, in pixels, of the letters of an
// ink image, given as its letterBlobs. It returns 0 when there are too
// few.
func textHeight(blobs []image.Rectangle) int {
	if len(blobs) < 12 {
		return 0
	}
	heights := make([]int, len(blobs))
	for i, b := range blobs {
		heights[i] = b.Dy()
	}
	sort.Ints(heights)
	return heights[len(heights)/2]
}

// letterBlobs returns the boxes of the connected blobs of ink on g that
// have a letter's size and proportions.
func letterBlobs(g *image.Gray) []image.Rectangle {
	blobs, _ := inkBlobs(g)
	return blobs
}

// inkBlobs returns g's letterBlobs, and the share of g's ink that lies
// in specks: blobs of fewer than speckPoints points, far smaller than
// any letter's stroke at the size cards are read.
func inkBlobs(g *image.Gray) (blobs []image.Rectangle, specks float64) {
	h := g.Bounds().Dy()
	all, speck := 0, 0
	eachBlob(g, func(r image.Rectangle, n int) {
		all += n
		if n < speckPoints {
			speck += n
		}
		if bw, bh := r.Dx(), r.Dy(); bh >= 4 && bh <= h/5 && bw <= 3*bh && bw*4 >= bh && n >= 10 {
			blobs = append(blobs, r)
		}
	})
	if all == 0 {
		return blobs, 0
	}
	return blobs, float64(speck) / float64(all)
}

// eachBlob calls f with the box, on g, and the size in points of each
// blob of g's ink (points darker than mid-grey, joined side to side).
func eachBlob(g *image.Gray, f func(box image.Rectangle, n int)) {
	b := g.Bounds()
	w, h := b.Dx(), b.Dy()
	ink := make([]bool, w*h)
	for y := range h {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		for x, v := range row {
			ink[y*w+x] = v < 128
		}
	}
	seen := make([]bool, w*h)
	stack := make([]int, 0, 256)
	for start := range ink {
		if !ink[start] || seen[start] {
			continue
		}
		var r image.Rectangle
		var n int
		r, n, stack = flood(ink, seen, w, start, stack, nil)
		f(r.Add(b.Min), n)
	}
}

// speckPoints is the size, in points, under which a blob of ink is a
// speck: a grain of pearl stock, or a few run together, at the size cards
// are read. Under 10 points, grains that ran into clumps on a heavily
// speckled card were not counted, and it looked cleaner than a lightly
// speckled one.
const speckPoints = 25

// missedText is the share of the letters of an ink image, given as its
// letterBlobs, that lie in none of the words read on it: text the read
// passed over, as layout analysis does with words it takes for part of a
// picture.
func missedText(blobs []image.Rectangle, lines []Line) float64 {
	if len(blobs) < 12 {
		return 0
	}
	missed := 0
	for _, bl := range blobs {
		c := image.Pt((bl.Min.X+bl.Max.X)/2, (bl.Min.Y+bl.Max.Y)/2)
		in := false
		for _, l := range lines {
			if !c.In(l.Box.Inset(-bl.Dy() / 2)) {
				continue
			}
			for _, w := range l.Words {
				if c.In(w.Box.Inset(-bl.Dy() / 2)) {
					in = true
					break
				}
			}
			if in {
				break
			}
		}
		if !in {
			missed++
		}
	}
	return float64(missed) / float64(len(blobs))
}

// The size cards are read at. A card is scaled so that its long side is
// at least minReadSide pixels (most scans are smaller: Tesseract misreads
// their small print) and at most maxReadSide (larger costs time and reads
// no better), and further up when its letters are still smaller than
// minTextHeight pixels, up to targetHeight.
const (
	minReadSide   = 1600
	maxReadSide   = 2400
	minTextHeight = 16
	targetHeight  = 22
	maxSide       = 3200
)

// scaleForReading scales a card so that its long side is between
// minReadSide and maxReadSide pixels. Scaling the card's colours, before
// its ink is found, reads better than scaling the ink image.
func scaleForReading(img *image.NRGBA) *image.NRGBA {
	b := img.Bounds()
	side := max(b.Dx(), b.Dy())
	switch {
	case side < minReadSide:
		f := float64(minReadSide) / float64(side)
		return resizeCard(img, int(float64(b.Dx())*f), int(float64(b.Dy())*f), imaging.CatmullRom)
	case side > maxReadSide:
		// To the size imaging.Fit gives.
		w, h := maxReadSide, maxReadSide
		if b.Dx() > b.Dy() {
			h = int(float64(w) / (float64(b.Dx()) / float64(b.Dy())))
		} else {
			w = int(float64(h) * (float64(b.Dx()) / float64(b.Dy())))
		}
		return resizeCard(img, max(1, w), max(1, h), imaging.Lanczos)
	}
	return img
}

// resizeCard resizes img to w×h with filter: by resizeOpaque when it has
// no transparent points, as photos and scans have not.
func resizeCard(img *image.NRGBA, w, h int, filter imaging.ResampleFilter) *image.NRGBA {
	if img.Opaque() {
		return resizeOpaque(img, w, h, filter)
	}
	return imaging.Resize(img, w, h, filter)
}

// smallPrintScale is the factor to scale the ink image g of a card at its
// reading size by, so that letters smaller than minTextHeight come out
// targetHeight tall; 1 for most cards. blobs are g's letterBlobs.
func smallPrintScale(g *image.Gray, blobs []image.Rectangle) float64 {
	long := float64(max(g.Bounds().Dx(), g.Bounds().Dy()))
	th := float64(textHeight(blobs))
	if th == 0 || th >= minTextHeight {
		return 1
	}
	return math.Max(1, math.Min(targetHeight/th, maxSide/long))
}

// scaleLines maps the boxes of lines read on an image scaled by f back
// onto the unscaled one.
func scaleLines(lines []Line, f float64) []Line {
	if f == 1 {
		return lines
	}
	sc := func(r image.Rectangle) image.Rectangle {
		return image.Rect(int(float64(r.Min.X)/f), int(float64(r.Min.Y)/f), int(math.Ceil(float64(r.Max.X)/f)), int(math.Ceil(float64(r.Max.Y)/f)))
	}
	out := make([]Line, len(lines))
	for i, l := range lines {
		l.Box = sc(l.Box)
		ws := make([]Word, len(l.Words))
		for k, w := range l.Words {
			w.Box = sc(w.Box)
			ws[k] = w
		}
		l.Words = ws
		out[i] = l
	}
	return out
}
