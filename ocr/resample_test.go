package ocr

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
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

// sameAsImaging fails t unless got, a *image.Gray or an *image.NRGBA,
// has the size of want (imaging's NRGBA result for the same image) and
// every channel of every point close to it: no value more than 2 away,
// at most one in ten off at all and one in a thousand off by 2. imaging
// weighs points in floating point, the resampling here in fixed point,
// and the two round some values to either side, then again in the
// second pass.
func sameAsImaging(t *testing.T, got image.Image, want *image.NRGBA) {
	t.Helper()
	if got.Bounds().Size() != want.Bounds().Size() {
		t.Fatalf("size %v, imaging's %v", got.Bounds().Size(), want.Bounds().Size())
	}
	var pix []uint8
	var stride, ch int
	switch g := got.(type) {
	case *image.Gray:
		pix, stride, ch = g.Pix, g.Stride, 1
	case *image.NRGBA:
		pix, stride, ch = g.Pix, g.Stride, 4
	default:
		t.Fatalf("a %T", got)
	}
	w, h := got.Bounds().Dx(), got.Bounds().Dy()
	off, off2 := 0, 0
	for y := range h {
		for x := range w {
			for c := range ch {
				g, n := int(pix[y*stride+x*ch+c]), int(want.Pix[y*want.Stride+x*4+c])
				switch d := abs(g - n); {
				case d > 2:
					t.Fatalf("at %d,%d channel %d: %d, imaging's %d", x, y, c, g, n)
				case d == 2:
					off2++
					fallthrough
				case d == 1:
					off++
				}
			}
		}
	}
	if n := w * h * ch; off*10 > n || off2*1000 > n {
		t.Errorf("of %d values, %d off from imaging's, %d of them by 2", n, off, off2)
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

// TestResizeEmpty checks that scaling to or from no points, or to a
// size below zero, gives an image of the size asked for (none below
// zero) rather than a panic.
func TestResizeEmpty(t *testing.T) {
	tests := []struct {
		name         string
		src          image.Rectangle
		w, h         int
		wantW, wantH int
	}{
		{"from nothing", image.Rect(0, 0, 0, 0), 5, 3, 5, 3},
		{"from no rows", image.Rect(0, 0, 7, 0), 5, 3, 5, 3},
		{"to nothing", image.Rect(0, 0, 7, 4), 0, 0, 0, 0},
		{"below zero", image.Rect(0, 0, 7, 4), -3, 2, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := resizeGray(image.NewGray(tt.src), tt.w, tt.h, imaging.CatmullRom)
			n := resizeOpaque(image.NewNRGBA(tt.src), tt.w, tt.h, imaging.Lanczos)
			want := image.Pt(tt.wantW, tt.wantH)
			if g.Bounds().Size() != want || n.Bounds().Size() != want || len(g.Pix) != want.X*want.Y || len(n.Pix) != 4*want.X*want.Y {
				t.Errorf("grey %v (%d bytes), colour %v (%d bytes), want %v", g.Bounds().Size(), len(g.Pix), n.Bounds().Size(), len(n.Pix), want)
			}
		})
	}
}

// TestResizeOpaque checks the resampling of opaque colour images against
// imaging.Resize, and the card's scaling for reading against imaging.Fit.
func TestResizeOpaque(t *testing.T) {
	card := render.Draw(render.Samples()[0], 1000)
	noise := image.NewNRGBA(image.Rect(0, 0, 203, 117))
	copy(noise.Pix, noiseGray(203*4, 117, 6).Pix)
	for i := 3; i < len(noise.Pix); i += 4 {
		noise.Pix[i] = 255
	}
	sub := card.SubImage(image.Rect(30, 40, 530, 340)).(*image.NRGBA)
	tests := []struct {
		name   string
		img    *image.NRGBA
		w, h   int
		filter imaging.ResampleFilter
	}{
		{"card up", card, 1600, 1600 * card.Bounds().Dy() / 1000, imaging.CatmullRom},
		{"card down", card, 700, 700 * card.Bounds().Dy() / 1000, imaging.Lanczos},
		{"sub-image", sub, 800, 480, imaging.CatmullRom},
		{"noise", noise, 150, 301, imaging.Lanczos},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.img.Opaque() {
				t.Fatal("the image is not opaque")
			}
			got := resizeOpaque(tt.img, tt.w, tt.h, tt.filter)
			sameAsImaging(t, got, imaging.Resize(tt.img, tt.w, tt.h, tt.filter))
		})
	}
	for _, size := range []image.Point{{3120, 1900}, {1800, 3000}, {2600, 2600}} {
		t.Run(fmt.Sprintf("fit %v", size), func(t *testing.T) {
			big := imaging.Resize(card, size.X, size.Y, imaging.Box)
			sameAsImaging(t, scaleForReading(big), imaging.Fit(big, maxReadSide, maxReadSide, imaging.Lanczos))
		})
	}
	t.Run("not opaque", func(t *testing.T) {
		seeThrough := imaging.Clone(card)
		for i := 3; i < len(seeThrough.Pix); i += 8 {
			seeThrough.Pix[i] = 0
		}
		want := imaging.Resize(seeThrough, 1600, 1600*seeThrough.Bounds().Dy()/1000, imaging.CatmullRom)
		sameAsImaging(t, scaleForReading(seeThrough), want)
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

// BenchmarkScaleForReading scales a scanned card up to be read, and one
// cropped from a photo down.
func BenchmarkScaleForReading(b *testing.B) {
	for _, width := range []int{1000, 2900} {
		card := render.Draw(render.Samples()[1], width)
		b.Run(fmt.Sprint(width), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				scaleForReading(card)
			}
		})
	}
}

// TestSpread checks that the rows of an image are each done once, in
// bands that cover them, however many processors batches hold.
func TestSpread(t *testing.T) {
	defer heldProcessors.Store(heldProcessors.Load())
	for _, busy := range []int32{0, 1, 2, 64} {
		for _, n := range []int{0, 1, 2, 7, 1000} {
			t.Run(fmt.Sprintf("%d rows, %d processors held", n, busy), func(t *testing.T) {
				heldProcessors.Store(busy)
				var mu sync.Mutex
				done := make([]int, n)
				spread(n, func(y0, y1 int) {
					mu.Lock()
					defer mu.Unlock()
					for y := y0; y < y1; y++ {
						done[y]++
					}
				})
				for y, k := range done {
					if k != 1 {
						t.Fatalf("row %d done %d times", y, k)
					}
				}
			})
		}
	}
}

// bandProbe is an engine that notes how many bands spread would make while
// it reads.
type bandProbe struct{ bands *atomic.Int32 }

func (p bandProbe) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}
func (p bandProbe) Close() error { return nil }
func (p bandProbe) Recognize(context.Context, image.Image, Pass) ([]Line, error) {
	p.bands.Store(int32(bandsOf(1000)))
	return nil, nil
}

// TestBatchHoldsProcessors checks which processors a batch leaves for
// preparing its cards: a batch of a set number of workers keeps to that
// many, and a batch of fewer cards than processors prepares them on the
// others too.
func TestBatchHoldsProcessors(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	path := filepath.Join(t.TempDir(), "card.png")
	var buf bytes.Buffer
	png.Encode(&buf, render.Draw(render.Samples()[0], 600))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		workers, cards int
		bands          int
	}{
		{"one card, one worker per processor", 0, 1, 2},
		{"one card, two workers asked for", 2, 1, 2},
		{"one card, more workers than processors", 5, 1, 2},
		{"one worker asked for", 1, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var bands atomic.Int32
			b := Batch{NewEngine: func() (Engine, error) { return bandProbe{&bands}, nil }, Workers: tt.workers}
			err := b.Read(context.Background(), slices.Repeat([]string{path}, tt.cards), func(r Result) {
				if r.Err != nil {
					t.Error(r.Err)
				}
				if got := bands.Load(); got != int32(tt.bands) {
					t.Errorf("prepared in %d bands, want %d", got, tt.bands)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := heldProcessors.Load(); n != 0 {
				t.Errorf("%d processors still held after the batch", n)
			}
		})
	}
}
