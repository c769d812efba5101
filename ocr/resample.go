package ocr

import (
	"image"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/disintegration/imaging"
)

// The card and its ink image are scaled and turned here, with imaging's
// filters and weights, on the channels they have. imaging converts every
// image to four channels weighed by their alpha, in floating point, and
// reads a column at a time; a profile of a batch put a sixth of its
// processor time there (see BENCHMARKS.md). Here a grey image is one
// channel, an opaque card needs no alpha weighing, the weights are in
// fixed point, and both passes run along rows.

// scaleGray scales g by f: down with Lanczos, up with Catmull-Rom.
func scaleGray(g *image.Gray, f float64) *image.Gray {
	if math.Abs(f-1) < 0.02 {
		return g
	}
	b := g.Bounds()
	w, h := max(1, int(math.Round(float64(b.Dx())*f))), max(1, int(math.Round(float64(b.Dy())*f)))
	filter := imaging.CatmullRom
	if f < 1 {
		filter = imaging.Lanczos
	}
	return resizeGray(g, w, h, filter)
}

// resizeGray resizes g to w×h with filter, as imaging.Resize would.
func resizeGray(g *image.Gray, w, h int, filter imaging.ResampleFilter) *image.Gray {
	w, h = max(0, w), max(0, h)
	b := g.Bounds()
	src := points{g.Pix[g.PixOffset(b.Min.X, b.Min.Y):], g.Stride, b.Dx(), b.Dy(), 1}
	out := src.resize(w, h, filter)
	return &image.Gray{Pix: out.pix, Stride: out.stride, Rect: image.Rect(0, 0, w, h)}
}

// resizeOpaque resizes img, which has no transparent points, to w×h with
// filter, as imaging.Resize would. (imaging weighs each point by its
// alpha, which for an opaque image changes nothing.)
func resizeOpaque(img *image.NRGBA, w, h int, filter imaging.ResampleFilter) *image.NRGBA {
	w, h = max(0, w), max(0, h)
	b := img.Bounds()
	src := points{img.Pix[img.PixOffset(b.Min.X, b.Min.Y):], img.Stride, b.Dx(), b.Dy(), 4}
	out := src.resize(w, h, filter)
	return &image.NRGBA{Pix: out.pix, Stride: out.stride, Rect: image.Rect(0, 0, w, h)}
}

// points are the pixels of an image, ch bytes each (1 for grey, 4 for an
// opaque NRGBA card), in rows stride apart.
type points struct {
	pix          []uint8
	stride, w, h int
	ch           int
}

// resize resamples p to w×h with filter: a horizontal pass, then a
// vertical one, each rounded to 8 bits, as imaging does, but with the
// weights in fixed point and each pass along rows. It always returns new
// points.
func (p points) resize(w, h int, filter imaging.ResampleFilter) points {
	ch := p.ch
	if p.w == 0 || p.h == 0 || w == 0 || h == 0 {
		return points{make([]uint8, w*h*ch), w * ch, w, h, ch} // nothing to resample: blank
	}
	src := p
	if p.w != w {
		src = points{make([]uint8, w*p.h*ch), w * ch, w, p.h, ch}
		weights := fixedWeights(w, p.w, filter)
		if ch > 1 {
			// Each weight's index is then of the point's first byte.
			for _, ts := range weights {
				for i := range ts {
					ts[i].index *= int32(ch)
				}
			}
		}
		spread(p.h, func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				p.resizeRow(src.pix[y*src.stride:][:w*ch], p.pix[y*p.stride:][:p.w*ch], weights)
			}
		})
	}
	if src.h == h {
		if p.w == w { // the same size: a copy
			src = points{make([]uint8, w*h*ch), w * ch, w, h, ch}
			for y := range h {
				copy(src.pix[y*src.stride:][:w*ch], p.pix[y*p.stride:])
			}
		}
		return src
	}
	dst := points{make([]uint8, w*h*ch), w * ch, w, h, ch}
	weights := fixedWeights(h, src.h, filter)
	spread(h, func(y0, y1 int) {
		var acc []int32
		for y := y0; y < y1; y++ {
			out := dst.pix[y*dst.stride:][:w*ch]
			row := func(t fixedWeight) []uint8 { return src.pix[int(t.index)*src.stride:][:len(out)] }
			if ts := weights[y]; len(ts) == 4 {
				// Catmull-Rom's four rows, as most scaling up takes,
				// summed a point at a time rather than row by row.
				r0, r1, r2, r3 := row(ts[0]), row(ts[1]), row(ts[2]), row(ts[3])
				w0, w1, w2, w3 := ts[0].weight, ts[1].weight, ts[2].weight, ts[3].weight
				for x := range out {
					out[x] = unfix(int32(r0[x])*w0 + int32(r1[x])*w1 + int32(r2[x])*w2 + int32(r3[x])*w3)
				}
				continue
			}
			if acc == nil {
				acc = make([]int32, len(out))
			}
			// Other filters' rows are summed two at a time.
			clear(acc)
			ts := weights[y]
			for ; len(ts) >= 2; ts = ts[2:] {
				r0, r1, w0, w1 := row(ts[0]), row(ts[1]), ts[0].weight, ts[1].weight
				for x := range acc {
					acc[x] += int32(r0[x])*w0 + int32(r1[x])*w1
				}
			}
			if len(ts) == 1 {
				for x, v := range row(ts[0]) {
					acc[x] += int32(v) * ts[0].weight
				}
			}
			for x, v := range acc {
				out[x] = unfix(v)
			}
		}
	})
	return dst
}

// resizeRow resamples the row in of p into out, the points of a row of
// the result, each made of the points of in that weights give (their
// indexes are of bytes, a point's first).
func (p points) resizeRow(out, in []uint8, weights [][]fixedWeight) {
	if p.ch == 1 {
		for x, ts := range weights {
			var v int32
			for _, t := range ts {
				v += int32(in[t.index]) * t.weight
			}
			out[x] = unfix(v)
		}
		return
	}
	// Four channels are an opaque card's: its alpha, all 255, comes out
	// 255, since each point's weights sum to one.
	for x, ts := range weights {
		var r, g, b int32
		if len(ts) == 4 { // Catmull-Rom's, as most scaling up takes
			s0, s1, s2, s3 := in[ts[0].index:][:3], in[ts[1].index:][:3], in[ts[2].index:][:3], in[ts[3].index:][:3]
			w0, w1, w2, w3 := ts[0].weight, ts[1].weight, ts[2].weight, ts[3].weight
			r = int32(s0[0])*w0 + int32(s1[0])*w1 + int32(s2[0])*w2 + int32(s3[0])*w3
			g = int32(s0[1])*w0 + int32(s1[1])*w1 + int32(s2[1])*w2 + int32(s3[1])*w3
			b = int32(s0[2])*w0 + int32(s1[2])*w1 + int32(s2[2])*w2 + int32(s3[2])*w3
		} else {
			for _, t := range ts {
				s := in[t.index:][:3]
				r += int32(s[0]) * t.weight
				g += int32(s[1]) * t.weight
				b += int32(s[2]) * t.weight
			}
		}
		d := out[x*4:][:4]
		d[0], d[1], d[2], d[3] = unfix(r), unfix(g), unfix(b), 255
	}
}

// heldProcessors counts the processors that the workers of the batches
// being read hold.
var heldProcessors atomic.Int32

// spread calls do for the rows [0, n) of an image, in bands side by side:
// one on this goroutine, and one on each processor that no worker of a
// batch holds. A card read by itself, or by a batch of fewer cards than
// processors, is prepared on the processors left free. In a batch whose
// workers fill the processors, each card is prepared on its worker's
// alone: more goroutines would only take turns with the other workers (a
// batch of 52 cards took 3 to 7% longer with two workers when a worker
// spread its rows whenever the other was between cards).
func spread(n int, do func(y0, y1 int)) {
	bands := bandsOf(n)
	if bands <= 1 {
		do(0, n)
		return
	}
	step := (n + bands - 1) / bands
	var wg sync.WaitGroup
	for y := step; y < n; y += step {
		wg.Go(func() { do(y, min(n, y+step)) })
	}
	do(0, min(n, step))
	wg.Wait()
}

// bandsOf is how many bands spread does n rows in now.
func bandsOf(n int) int {
	return min(n, runtime.GOMAXPROCS(0)-max(1, int(heldProcessors.Load()))+1)
}

// Weights in fixed point: in 1/(1<<fixBits).
const fixBits = 14

type fixedWeight struct {
	index, weight int32
}

// fixedWeights are, for each of dst points along a line, the points of
// the src along it that make it and their weights, as imaging works them
// out, in fixed point: each point's summing to exactly one, so that a
// flat colour stays as it is. They share one backing array.
func fixedWeights(dst, src int, filter imaging.ResampleFilter) [][]fixedWeight {
	du := float64(src) / float64(dst)
	scale := max(du, 1)
	ru := math.Ceil(scale * filter.Support)
	out := make([][]fixedWeight, dst)
	all := make([]fixedWeight, 0, dst*int(ru+2)*2)
	var ws []float64 // of the point being worked out
	for v := range dst {
		fu := (float64(v)+0.5)*du - 0.5
		begin := max(0, int(math.Ceil(fu-ru)))
		end := min(src-1, int(math.Floor(fu+ru)))
		ws = ws[:0]
		var sum float64
		for u := begin; u <= end; u++ {
			if w := filter.Kernel((float64(u) - fu) / scale); w != 0 {
				sum += w
				ws = append(ws, w)
				all = append(all, fixedWeight{index: int32(u)})
			}
		}
		fs := all[len(all)-len(ws):]
		total, big := int32(0), 0
		for i, w := range ws {
			if sum != 0 {
				w /= sum
			}
			fs[i].weight = int32(math.Round(w * (1 << fixBits)))
			total += fs[i].weight
			if fs[i].weight > fs[big].weight {
				big = i
			}
		}
		if len(fs) > 0 {
			fs[big].weight += 1<<fixBits - total
		}
		out[v] = fs[:len(fs):len(fs)]
	}
	return out
}

// unfix rounds a sum of fixed-point weighted values to the nearest of 0
// to 255.
func unfix(v int32) uint8 {
	v = (v + 1<<(fixBits-1)) >> fixBits
	switch {
	case v > 255:
		return 255
	case v > 0:
		return uint8(v)
	}
	return 0
}

// rotateGray turns g counter-clockwise by deg degrees, as imaging.Rotate
// does: onto a canvas that holds all of it, each point interpolated
// bilinearly, and bg where the canvas lies outside g.
func rotateGray(g *image.Gray, deg float64, bg uint8) *image.Gray {
	b := g.Bounds()
	sw, sh := b.Dx(), b.Dy()
	deg -= math.Floor(deg/360) * 360
	sin, cos := math.Sincos(math.Pi * deg / 180)
	dw, dh := rotatedSize(sw, sh, sin, cos)
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	sx0, sy0 := float64(sw)/2-0.5, float64(sh)/2-0.5
	dx0, dy0 := float64(dw)/2-0.5, float64(dh)/2-0.5
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= sw || y >= sh {
			return float64(bg)
		}
		return float64(g.Pix[g.PixOffset(b.Min.X+x, b.Min.Y+y)])
	}
	spread(dh, func(r0, r1 int) {
		for y := r0; y < r1; y++ {
			out := dst.Pix[y*dst.Stride:][:dw]
			for x := range dw {
				px, py := float64(x)-dx0, float64(y)-dy0
				xf, yf := px*cos-py*sin+sx0, px*sin+py*cos+sy0
				x0, y0 := int(math.Floor(xf)), int(math.Floor(yf))
				if x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh {
					out[x] = bg
					continue
				}
				xq, yq := xf-float64(x0), yf-float64(y0)
				var p00, p10, p01, p11 float64
				if x0 >= 0 && y0 >= 0 && x0+1 < sw && y0+1 < sh {
					i := g.PixOffset(b.Min.X+x0, b.Min.Y+y0)
					p00, p10 = float64(g.Pix[i]), float64(g.Pix[i+1])
					p01, p11 = float64(g.Pix[i+g.Stride]), float64(g.Pix[i+g.Stride+1])
				} else {
					p00, p10, p01, p11 = at(x0, y0), at(x0+1, y0), at(x0, y0+1), at(x0+1, y0+1)
				}
				out[x] = clamp8(p00*(1-xq)*(1-yq) + p10*xq*(1-yq) + p01*(1-xq)*yq + p11*xq*yq)
			}
		}
	})
	return dst
}

// rotatedSize is the size of the canvas that holds a w×h image turned by
// the angle whose sine and cosine are given, as imaging works it out.
func rotatedSize(w, h int, sin, cos float64) (int, int) {
	if w <= 0 || h <= 0 {
		return 0, 0
	}
	turn := func(x, y float64) (float64, float64) { return x*cos - y*sin, x*sin + y*cos }
	x1, y1 := turn(float64(w-1), 0)
	x2, y2 := turn(float64(w-1), float64(h-1))
	x3, y3 := turn(0, float64(h-1))
	nw := max(x1, x2, x3, 0) - min(x1, x2, x3, 0) + 1
	if nw-math.Floor(nw) > 0.1 {
		nw++
	}
	nh := max(y1, y2, y3, 0) - min(y1, y2, y3, 0) + 1
	if nh-math.Floor(nh) > 0.1 {
		nh++
	}
	return int(nw), int(nh)
}

// clamp8 rounds v to the nearest of 0 to 255.
func clamp8(v float64) uint8 {
	n := int64(v + 0.5)
	switch {
	case n > 255:
		return 255
	case n > 0:
		return uint8(n)
	}
	return 0
}
