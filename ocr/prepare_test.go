package ocr

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/disintegration/imaging"
)

// blockMeans is what cropShrunk should give, worked out point by point:
// each k×k block of r's points, in NRGBA, averaged with alpha weights.
func blockMeans(img image.Image, r image.Rectangle, k int) *image.NRGBA {
	w, h := r.Dx()/k, r.Dy()/k
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			var c [3]float64
			var a float64
			for dy := range k {
				for dx := range k {
					p := color.NRGBAModel.Convert(img.At(r.Min.X+x*k+dx, r.Min.Y+y*k+dy)).(color.NRGBA)
					c[0] += float64(p.R) * float64(p.A)
					c[1] += float64(p.G) * float64(p.A)
					c[2] += float64(p.B) * float64(p.A)
					a += float64(p.A)
				}
			}
			if a > 0 {
				out.SetNRGBA(x, y, color.NRGBA{
					uint8(math.Round(c[0] / a)), uint8(math.Round(c[1] / a)), uint8(math.Round(c[2] / a)),
					uint8(math.Round(a / float64(k*k))),
				})
			}
		}
	}
	return out
}

func noiseNRGBA(w, h int, seed uint64, opaque bool) *image.NRGBA {
	rng := rand.New(rand.NewPCG(seed, 1))
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.IntN(256))
		if opaque && i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	return img
}

func TestCropShrunk(t *testing.T) {
	ycc := image.NewYCbCr(image.Rect(0, 0, 90, 70), image.YCbCrSubsampleRatio420)
	rng := rand.New(rand.NewPCG(3, 3))
	for _, p := range [][]uint8{ycc.Y, ycc.Cb, ycc.Cr} {
		for i := range p {
			p[i] = uint8(rng.IntN(256))
		}
	}
	tests := []struct {
		name string
		img  image.Image
		r    image.Rectangle
		k    int
	}{
		{"by 2", noiseNRGBA(40, 30, 1, true), image.Rect(0, 0, 40, 30), 2},
		{"by 3, a part, rows and columns left over", noiseNRGBA(61, 47, 2, true), image.Rect(5, 3, 60, 46), 3},
		{"by 3, across many strips of rows", noiseNRGBA(50, 400, 3, true), image.Rect(1, 2, 49, 399), 3},
		{"with transparent points", noiseNRGBA(32, 32, 4, false), image.Rect(0, 0, 32, 32), 4},
		{"JPEG colour, a part not at the origin", ycc.SubImage(image.Rect(10, 12, 90, 70)), image.Rect(11, 13, 89, 69), 2},
		{"grey, by 5", noiseGray(100, 60, 5), image.Rect(0, 0, 100, 60), 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cropShrunk(tt.img, tt.r, tt.k)
			want := blockMeans(tt.img, tt.r, tt.k)
			if got.Bounds() != want.Bounds() {
				t.Fatalf("bounds %v, want %v", got.Bounds(), want.Bounds())
			}
			for i := range want.Pix {
				if d := int(got.Pix[i]) - int(want.Pix[i]); d < -1 || d > 1 {
					t.Fatalf("point %d, channel %d: %d, want %d", i/4, i%4, got.Pix[i], want.Pix[i])
				}
			}
		})
	}
	t.Run("by 1 is a crop", func(t *testing.T) {
		img := noiseNRGBA(40, 30, 6, true)
		r := image.Rect(3, 4, 33, 29)
		if got, want := cropShrunk(img, r, 1), imaging.Crop(img, r); got.Bounds() != want.Bounds() || !bytes.Equal(got.Pix, want.Pix) {
			t.Error("cropShrunk by 1 differs from imaging.Crop")
		}
	})
}

// deskPhoto is a grey photo of w×h points: a dark desk with a light card
// of cw×ch points in its middle, turned deg degrees.
//
// Each point is tested on its own, but written a run at a time: the
// photos are tens of millions of points, and a write of each on its own
// took most of TestCropCardShrinks under the race detector.
func deskPhoto(w, h, cw, ch int, deg float64) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	s, c := math.Sincos(deg * math.Pi / 180)
	desk, card := bytes.Repeat([]byte{50}, w), bytes.Repeat([]byte{225}, w)
	for y := range h {
		row := img.Pix[y*img.Stride:][:w]
		copy(row, desk)
		start := -1 // where the run of card points on the row began
		for x := 0; x <= w; x++ {
			in := false
			if x < w {
				dx, dy := float64(x-w/2), float64(y-h/2)
				u, v := dx*c+dy*s, -dx*s+dy*c
				in = math.Abs(u) < float64(cw)/2 && math.Abs(v) < float64(ch)/2
			}
			if in && start < 0 {
				start = x
			} else if !in && start >= 0 {
				copy(row[start:x], card)
				start = -1
			}
		}
	}
	return img
}

// TestCropCardShrinks checks that a card far larger than it is read at
// is cut out smaller, by a whole factor that leaves it at least
// maxReadSide long, and that one under twice that is cut out as it is.
func TestCropCardShrinks(t *testing.T) {
	// The photos are made in their subtests, one at a time: together
	// they take some 170 MB.
	type photo struct {
		w, h, cw, ch int
		deg          float64
	}
	tests := []struct {
		name  string
		photo photo
		want  image.Point // the card's size once cut out (a crop keeps a margin of up to 6% around it)
	}{
		{"a card lying square", photo{8000, 5000, 5000, 2900, 0}, image.Pt(2500, 1450)},
		{"a card turned", photo{8000, 5000, 5000, 2900, 9}, image.Pt(2500, 1450)},
		{"a card three times too large", photo{9000, 6000, 7300, 4200, 0}, image.Pt(2433, 1400)},
		{"a scan the card fills", photo{5000, 3000, 6000, 4000, 0}, image.Pt(2500, 1500)},
		{"a card under twice the reading size", photo{6000, 4000, 4500, 2600, 0}, image.Pt(4500, 2600)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.photo
			got := cropCard(deskPhoto(p.w, p.h, p.cw, p.ch, p.deg)).Bounds().Size()
			near := func(got, want int) bool {
				return float64(got) > 0.98*float64(want) && float64(got) < 1.06*float64(want)
			}
			if !near(got.X, tt.want.X) || !near(got.Y, tt.want.Y) {
				t.Errorf("card cut out at %v, want about %v", got, tt.want)
			}
		})
	}
}
