package ocr

import (
	"image"
	"math/rand/v2"
	"testing"

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
