package ocr

import (
	"fmt"
	"image"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

// TestMedianFilter checks the sliding median against counting each
// window afresh, on noise, on flat colour, and on images smaller than the
// window.
func TestMedianFilter(t *testing.T) {
	noise := func(w, h int, seed uint64) *image.NRGBA {
		r := rand.New(rand.NewPCG(seed, 1))
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		for i := range img.Pix {
			img.Pix[i] = uint8(r.IntN(256))
		}
		return img
	}
	flat := image.NewNRGBA(image.Rect(0, 0, 20, 9))
	for i := range flat.Pix {
		flat.Pix[i] = 200
	}
	tests := []struct {
		name   string
		img    *image.NRGBA
		radius int
	}{
		{"noise", noise(60, 40, 1), 5},
		{"noise, wide window", noise(37, 23, 2), 11},
		{"flat", flat, 3},
		{"smaller than the window", noise(4, 3, 3), 6},
		{"one pixel", noise(1, 1, 4), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := medianFilter(tt.img, tt.radius)
			w, h := tt.img.Bounds().Dx(), tt.img.Bounds().Dy()
			for y := range h {
				for x := range w {
					var hist [3][256]int
					n := 0
					for yy := max(0, y-tt.radius); yy <= min(h-1, y+tt.radius); yy++ {
						for xx := max(0, x-tt.radius); xx <= min(w-1, x+tt.radius); xx++ {
							p := tt.img.Pix[yy*tt.img.Stride+xx*4:]
							for c := range 3 {
								hist[c][p[c]]++
							}
							n++
						}
					}
					for c := range 3 {
						want := uint8(percentile(hist[c][:], n, 0.5))
						if g := got.Pix[y*got.Stride+x*4+c]; g != want {
							t.Fatalf("at %d,%d channel %d: median %d, want %d", x, y, c, g, want)
						}
					}
				}
			}
		})
	}
}

// TestContrastImageBands checks contrastImage, which works in bands of
// rows on as many processors as it may, against contrastReference, the
// same steps done plainly a point at a time: they must agree exactly,
// since any change to the ink image changes what Tesseract reads.
func TestContrastImageBands(t *testing.T) {
	noise := image.NewNRGBA(image.Rect(0, 0, 301, 187))
	r := rand.New(rand.NewPCG(7, 1))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(r.IntN(256))
	}
	samples := render.Samples()
	photo := render.Draw(samples[2], 2000)
	ycc := image.NewYCbCr(image.Rect(0, 0, 640, 400), image.YCbCrSubsampleRatio420)
	for i := range ycc.Y {
		ycc.Y[i] = uint8(i * 7)
	}
	for i := range ycc.Cb {
		ycc.Cb[i], ycc.Cr[i] = uint8(i*3), uint8(255-i)
	}
	tests := []struct {
		name string
		img  image.Image
	}{
		{"sample card", scaleForReading(cropCard(render.Draw(samples[0], 1000)))},
		{"dark card", render.Draw(samples[4], 1200)},
		{"card from a photo", scaleForReading(cropCard(photo))},
		{"noise", noise},
		{"not NRGBA", ycc},
		{"not at the origin", noise.SubImage(image.Rect(13, 9, 250, 170))},
		{"tiny", noise.SubImage(image.Rect(0, 0, 9, 8))},
		{"too small to compare", noise.SubImage(image.Rect(0, 0, 7, 30))},
	}
	for _, procs := range []int{1, 2, 3} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s on %d processors", tt.name, procs), func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				got, want := contrastImage(tt.img), contrastReference(tt.img)
				if got.Rect != want.Rect {
					t.Fatalf("size %v, want %v", got.Rect, want.Rect)
				}
				for i := range want.Pix {
					if got.Pix[i] != want.Pix[i] {
						t.Fatalf("at %d,%d: %d, want %d", i%want.Stride, i/want.Stride, got.Pix[i], want.Pix[i])
					}
				}
			})
		}
	}
}

// BenchmarkContrastImage makes the ink image of a card cropped from a
// photo, at the size it is read.
func BenchmarkContrastImage(b *testing.B) {
	card := render.Draw(render.Samples()[2], 2000)
	card = scaleForReading(cropCard(card))
	b.ReportAllocs()
	for b.Loop() {
		contrastImage(card)
	}
}

func contrastReference(img image.Image) *image.Gray {
	src, ok := img.(*image.NRGBA)
	if !ok || src.Rect.Min != (image.Point{}) {
		src = imaging.Clone(img)
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	if w < 8 || h < 8 {
		return out
	}
	// The background, on a coarse grid of cells, then smoothed with a
	// median; each point is compared with it interpolated between the
	// centres of the four cells around it.
	cell := max(2, max(w, h)/240)
	cw, ch := (w+cell-1)/cell, (h+cell-1)/cell
	bg := medianReference(imaging.Resize(src, cw, ch, imaging.Box), max(2, max(w, h)/14/cell))
	// Where each column falls between cell centres, worked out once.
	x0s, x1s, wxs := make([]int, w), make([]int, w), make([]int32, w)
	for x := range w {
		x0s[x], x1s[x], wxs[x] = between(x, w, cw)
	}
	d := out.Pix // the difference first, stretched in place below
	row := make([]int32, cw*3)
	var hist [256]int
	for y := range h {
		// The background along this row, at each cell's centre, in
		// 1/256ths.
		y0, y1, wy := between(y, h, ch)
		r0, r1 := bg.Pix[y0*bg.Stride:], bg.Pix[y1*bg.Stride:]
		for i := range cw {
			for c := range 3 {
				a, b := int32(r0[i*4+c]), int32(r1[i*4+c])
				row[i*3+c] = a*(256-wy) + b*wy
			}
		}
		sp := src.Pix[y*src.Stride:]
		for x := range w {
			i0, i1, wx := x0s[x]*3, x1s[x]*3, wxs[x]
			m := int32(0)
			for c := range 3 {
				b := (row[i0+c]*(256-wx) + row[i1+c]*wx + 1<<15) >> 16
				m = max(m, max(int32(sp[x*4+c])-b, b-int32(sp[x*4+c])))
			}
			d[y*w+x] = uint8(m)
			hist[m]++
		}
	}
	// Stretch: what barely differs is paper, what differs as much as the
	// strongest few per cent is ink.
	lo, hi := percentile(hist[:], w*h, 0.60), percentile(hist[:], w*h, 0.985)
	lo = max(lo, 8)
	if hi < lo+24 {
		hi = lo + 24
	}
	var lut [256]uint8
	for v := range lut {
		t := (v - lo) * 255 / (hi - lo)
		lut[v] = uint8(255 - min(255, max(0, t)))
	}
	for i, v := range d {
		d[i] = lut[v]
	}
	return out
}

func medianReference(img *image.NRGBA, radius int) *image.NRGBA {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	var hist [3][256]int
	var med, below [3]int // each channel's median, and how many values lie below it
	for y := range h {
		y0, y1 := max(0, y-radius), min(h-1, y+radius)
		for c := range hist {
			clear(hist[c][:])
		}
		med, below = [3]int{}, [3]int{}
		n := 0
		col := func(x, delta int) {
			for yy := y0; yy <= y1; yy++ {
				p := img.Pix[yy*img.Stride+x*4:]
				for c := range 3 {
					v := int(p[c])
					hist[c][v] += delta
					if v < med[c] {
						below[c] += delta
					}
				}
				n += delta
			}
		}
		for x := 0; x <= min(w-1, radius); x++ {
			col(x, 1)
		}
		for x := range w {
			if x > 0 {
				if x+radius < w {
					col(x+radius, 1)
				}
				if x-radius-1 >= 0 {
					col(x-radius-1, -1)
				}
			}
			// The median is the smallest level at or below which lie
			// at least half the values, as percentile(hist, n, 0.5).
			want := n / 2
			o := out.Pix[y*out.Stride+x*4:]
			for c := range 3 {
				m, b, hc := med[c], below[c], &hist[c]
				for b >= want && m > 0 {
					m--
					b -= hc[m]
				}
				for b+hc[m] < want {
					b += hc[m]
					m++
				}
				med[c], below[c] = m, b
				o[c] = uint8(m)
			}
			o[3] = 255
		}
	}
	return out
}
