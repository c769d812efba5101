package ocr

import (
	"image"

	"github.com/disintegration/imaging"
)

// FindCard looks for a business card lying on a darker background, as in a
// phone photo of a card on a desk, and returns its bounds in img. When no
// card stands out (a flat scan, or a card that fills the frame) it returns
// img.Bounds().
//
// It thresholds a small grey copy of the image at Otsu's level, takes the
// largest bright connected region and accepts it when it is a solid,
// card-sized block well inside the frame.
func FindCard(img image.Image) image.Rectangle {
	full := img.Bounds()
	const side = 400
	small := imaging.Grayscale(imaging.Fit(img, side, side, imaging.Box))
	w, h := small.Bounds().Dx(), small.Bounds().Dy()
	if w < 16 || h < 16 {
		return full
	}
	lum := make([]uint8, w*h)
	for y := 0; y < h; y++ {
		row := small.Pix[y*small.Stride:]
		for x := 0; x < w; x++ {
			lum[y*w+x] = row[x*4]
		}
	}
	// The first split may part the shadows from the rest, leaving card and
	// desk together on the bright side: split the bright side again then.
	var box image.Rectangle
	found := false
	sub := lum
	for try := 0; try < 3 && len(sub) > 0; try++ {
		t := otsu(sub)
		bright := make([]bool, len(lum))
		for i, v := range lum {
			bright[i] = v > t
		}
		b, n := largestRegion(bright, w, h)
		area := b.Dx() * b.Dy()
		frame := w * h
		edges := 0
		for _, touch := range []bool{b.Min.X == 0, b.Min.Y == 0, b.Max.X == w, b.Max.Y == h} {
			if touch {
				edges++
			}
		}
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
		box, found = b, true
		break
	}
	if !found {
		return full
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
	return r.Intersect(full)
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

// largestRegion returns the bounding box and pixel count of the largest
// 4-connected region of set cells in a w×h mask.
func largestRegion(mask []bool, w, h int) (image.Rectangle, int) {
	seen := make([]bool, len(mask))
	var best image.Rectangle
	bestN := 0
	stack := make([]int, 0, 1024)
	for start := range mask {
		if !mask[start] || seen[start] {
			continue
		}
		seen[start] = true
		stack = append(stack[:0], start)
		r := image.Rect(start%w, start/w, start%w+1, start/w+1)
		n := 0
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n++
			x, y := i%w, i/w
			r = r.Union(image.Rect(x, y, x+1, y+1))
			for _, j := range [4]int{i - 1, i + 1, i - w, i + w} {
				if j < 0 || j >= len(mask) || seen[j] || !mask[j] {
					continue
				}
				if (j == i-1 && x == 0) || (j == i+1 && x == w-1) {
					continue
				}
				seen[j] = true
				stack = append(stack, j)
			}
		}
		if n > bestN {
			best, bestN = r, n
		}
	}
	return best, bestN
}

// cardShaped says whether r has the proportions of a business card, either
// way up: between 1.3 and 2.1 times as long as it is wide.
func cardShaped(r image.Rectangle) bool {
	long, short := max(r.Dx(), r.Dy()), min(r.Dx(), r.Dy())
	return short > 0 && 10*long >= 13*short && 10*long <= 21*short
}
