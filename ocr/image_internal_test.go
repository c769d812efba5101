package ocr

import (
	"bytes"
	"fmt"
	"image"
	"math/rand/v2"
	"runtime"
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

// TestContrastImageBands checks that contrastImage, which works in bands
// of rows on as many processors as it may, makes the same image in bands
// as in one pass on one processor: exactly, since any change to the ink
// image changes what Tesseract reads.
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
	// Each image in one pass, made once for the three counts of
	// processors: under the race detector it is most of the test.
	oneBand := make([]*image.Gray, len(tests))
	func() {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		for i, tt := range tests {
			oneBand[i] = contrastImage(tt.img)
		}
	}()
	for _, procs := range []int{2, 3, 4} {
		for i, tt := range tests {
			t.Run(fmt.Sprintf("%s on %d processors", tt.name, procs), func(t *testing.T) {
				want := oneBand[i]
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				if b := bandsOf(want.Rect.Dy()); b != min(procs, want.Rect.Dy()) {
					t.Fatalf("%d bands, want %d", b, procs)
				}
				got := contrastImage(tt.img)
				if got.Rect != want.Rect {
					t.Fatalf("size %v, want %v", got.Rect, want.Rect)
				}
				if bytes.Equal(got.Pix, want.Pix) {
					return
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

// BenchmarkMedianFilter smooths the background of a card scanned at its
// reading size, as contrastImage does: a grid of 6-pixel cells, a window
// a fourteenth of the card across.
func BenchmarkMedianFilter(b *testing.B) {
	cells, radius := backgroundCells(scaleForReading(cropCard(render.Draw(render.Samples()[2], 1000))))
	b.ReportAllocs()
	for b.Loop() {
		medianFilter(cells, radius)
	}
}
