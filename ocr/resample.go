package ocr

import (
	"image"
	"math"

	"github.com/disintegration/imaging"
)

// The grey images the engine reads are scaled and turned here, with
// imaging's filters and its arithmetic, one channel at a time. imaging
// itself works in NRGBA: a grey image is converted to four channels,
// resampled as four and converted back, which cost a quarter of the time
// a card took to prepare (see BENCHMARKS.md).

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

// resizeGray resizes g to w×h with filter, as imaging.Resize would: a
// horizontal pass, then a vertical one, each rounded to 8 bits.
func resizeGray(g *image.Gray, w, h int, filter imaging.ResampleFilter) *image.Gray {
	b := g.Bounds()
	src := g
	if b.Dx() != w {
		src = image.NewGray(image.Rect(0, 0, w, b.Dy()))
		weights := resampleWeights(w, b.Dx(), filter)
		for y := range b.Dy() {
			in := g.Pix[g.PixOffset(b.Min.X, b.Min.Y+y):][:b.Dx()]
			out := src.Pix[y*src.Stride:][:w]
			for x, ws := range weights {
				var v float64
				for _, iw := range ws {
					v += float64(in[iw.index]) * iw.weight
				}
				out[x] = clamp8(v)
			}
		}
	}
	if src.Bounds().Dy() == h {
		if src == g {
			return cloneGray(g)
		}
		return src
	}
	sb := src.Bounds()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	acc := make([]float64, w)
	for y, ws := range resampleWeights(h, sb.Dy(), filter) {
		clear(acc)
		for _, iw := range ws {
			in := src.Pix[src.PixOffset(sb.Min.X, sb.Min.Y+iw.index):][:w]
			for x, p := range in {
				acc[x] += float64(p) * iw.weight
			}
		}
		out := dst.Pix[y*dst.Stride:][:w]
		for x, v := range acc {
			out[x] = clamp8(v)
		}
	}
	return dst
}

type indexWeight struct {
	index  int
	weight float64
}

// resampleWeights are, for each of dst points along a line, the source
// points of the src along it that make it and their weights, as imaging
// works them out.
func resampleWeights(dst, src int, filter imaging.ResampleFilter) [][]indexWeight {
	du := float64(src) / float64(dst)
	scale := max(du, 1)
	ru := math.Ceil(scale * filter.Support)
	out := make([][]indexWeight, dst)
	tmp := make([]indexWeight, 0, dst*int(ru+2)*2)
	for v := range dst {
		fu := (float64(v)+0.5)*du - 0.5
		begin := max(0, int(math.Ceil(fu-ru)))
		end := min(src-1, int(math.Floor(fu+ru)))
		var sum float64
		for u := begin; u <= end; u++ {
			if w := filter.Kernel((float64(u) - fu) / scale); w != 0 {
				sum += w
				tmp = append(tmp, indexWeight{u, w})
			}
		}
		if sum != 0 {
			for i := range tmp {
				tmp[i].weight /= sum
			}
		}
		out[v] = tmp
		tmp = tmp[len(tmp):]
	}
	return out
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
	for y := range dh {
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

func cloneGray(g *image.Gray) *image.Gray {
	b := g.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		copy(out.Pix[y*out.Stride:][:b.Dx()], g.Pix[g.PixOffset(b.Min.X, b.Min.Y+y):])
	}
	return out
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
