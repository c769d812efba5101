package ocr

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

// inkOf is the ink image of a rendered card, the kind of image the grey
// resampling is for.
func inkOf(i, width int) *image.Gray {
	return contrastImage(render.Draw(render.Samples()[i], width))
}

func noiseGray(w, h int, seed uint64) *image.Gray {
	r := rand.New(rand.NewPCG(seed, 1))
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = uint8(r.IntN(256))
	}
	return g
}

// sameAsImaging fails t unless got has the size of want (imaging's
// NRGBA result for the same grey image) and every point within 1 of it;
// points off by 1, where the two round a sum of the same terms added in
// another order, are allowed in one in a thousand.
func sameAsImaging(t *testing.T, got *image.Gray, want *image.NRGBA) {
	t.Helper()
	if got.Bounds().Size() != want.Bounds().Size() {
		t.Fatalf("size %v, imaging's %v", got.Bounds().Size(), want.Bounds().Size())
	}
	w, h := got.Bounds().Dx(), got.Bounds().Dy()
	off := 0
	for y := range h {
		for x := range w {
			g, n := int(got.Pix[y*got.Stride+x]), int(want.Pix[y*want.Stride+x*4])
			switch d := g - n; {
			case d < -1 || d > 1:
				t.Fatalf("at %d,%d: %d, imaging's %d", x, y, g, n)
			case d != 0:
				off++
			}
		}
	}
	if off*1000 > w*h {
		t.Errorf("%d of %d points off by 1 from imaging's", off, w*h)
	}
}

// TestResizeGray checks the grey resampling against imaging.Resize, which
// it stands in for, up and down, on one axis and on both, and on a
// sub-image whose bounds do not start at the origin.
func TestResizeGray(t *testing.T) {
	ink := inkOf(1, 1000)
	sub := ink.SubImage(image.Rect(100, 50, 700, 450)).(*image.Gray)
	tests := []struct {
		name   string
		img    *image.Gray
		w, h   int
		filter imaging.ResampleFilter
	}{
		{"card up", ink, 1600, 1600 * ink.Bounds().Dy() / 1000, imaging.CatmullRom},
		{"card down", ink, 640, 640 * ink.Bounds().Dy() / 1000, imaging.Lanczos},
		{"wider only", ink, 1333, ink.Bounds().Dy(), imaging.CatmullRom},
		{"taller only", ink, 1000, 777, imaging.CatmullRom},
		{"sub-image", sub, 900, 600, imaging.CatmullRom},
		{"noise down", noiseGray(301, 203, 1), 97, 61, imaging.Lanczos},
		{"noise up", noiseGray(41, 29, 2), 123, 87, imaging.CatmullRom},
		{"one pixel", noiseGray(1, 1, 4), 5, 3, imaging.CatmullRom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resizeGray(tt.img, tt.w, tt.h, tt.filter)
			sameAsImaging(t, got, imaging.Resize(tt.img, tt.w, tt.h, tt.filter))
		})
	}
	t.Run("same size copies", func(t *testing.T) {
		got := resizeGray(sub, 600, 400, imaging.CatmullRom)
		sameAsImaging(t, got, imaging.Clone(sub))
		got.Pix[0]++
		if got.Pix[0] == sub.Pix[0] {
			t.Error("the result shares its pixels with the source")
		}
	})
}

// TestRotateGray checks the grey rotation against imaging.Rotate, for the
// small angles deskewing turns by, both ways, and a large one.
func TestRotateGray(t *testing.T) {
	ink := inkOf(3, 900)
	tests := []struct {
		name string
		img  *image.Gray
		deg  float64
	}{
		{"card, 1.5 degrees", ink, 1.5},
		{"card, -3.2 degrees", ink, -3.2},
		{"card, 12 degrees", ink, 12},
		{"noise, 33 degrees", noiseGray(57, 31, 5), 33},
		{"sub-image", ink.SubImage(image.Rect(10, 20, 400, 300)).(*image.Gray), -7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rotateGray(tt.img, tt.deg, 255)
			sameAsImaging(t, got, imaging.Rotate(tt.img, tt.deg, color.White))
		})
	}
}

// BenchmarkScaleGray scales the ink image of a card scanned at 1000
// pixels up to be read, as smallPrintScale asks for small print, and
// down to the size orientation detection looks at.
func BenchmarkScaleGray(b *testing.B) {
	ink := inkOf(2, 1600)
	for _, f := range []float64{1.4, 0.6} {
		b.Run(map[bool]string{true: "up", false: "down"}[f > 1], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				scaleGray(ink, f)
			}
		})
	}
}

// BenchmarkRotateGray deskews the ink image of a card by two degrees.
func BenchmarkRotateGray(b *testing.B) {
	ink := inkOf(2, 2000)
	b.ReportAllocs()
	for b.Loop() {
		rotateGray(ink, 2, 255)
	}
}
