package perspective

import (
	"image"
	"image/color"
	"math"
	"testing"
)

func near(a, b Point) bool { return math.Hypot(a.X-b.X, a.Y-b.Y) < 1e-6 }

func TestBetween(t *testing.T) {
	square := Quad{{0, 0}, {100, 0}, {100, 60}, {0, 60}}
	tests := []struct {
		name string
		to   Quad
		ok   bool
	}{
		{"the same", square, true},
		{"moved and scaled", Quad{{10, 20}, {210, 20}, {210, 140}, {10, 140}}, true},
		{"turned a quarter", Quad{{60, 0}, {60, 100}, {0, 100}, {0, 0}}, true},
		{"seen at an angle", Quad{{12, 5}, {190, 30}, {170, 150}, {20, 120}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := Between(square, tt.to)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			for k := range square {
				if got := m.Apply(square[k]); !near(got, tt.to[k]) {
					t.Errorf("corner %d goes to %v, want %v", k, got, tt.to[k])
				}
			}
			// A projective map keeps straight lines straight: the middle
			// of an edge lands on the image of that edge.
			mid := m.Apply(Point{50, 0})
			a, b := tt.to[0], tt.to[1]
			if cross := (b.X-a.X)*(mid.Y-a.Y) - (b.Y-a.Y)*(mid.X-a.X); math.Abs(cross) > 1e-6 {
				t.Errorf("the top edge's middle %v is off the line %v-%v", mid, a, b)
			}
		})
	}
}

func TestBetweenDegenerate(t *testing.T) {
	line := Quad{{0, 0}, {50, 0}, {100, 0}, {0, 60}}
	if _, ok := Between(line, Quad{{0, 0}, {100, 0}, {100, 60}, {0, 60}}); ok {
		t.Error("a quad with three corners in a line maps onto a rectangle")
	}
}

func TestSize(t *testing.T) {
	q := Quad{{0, 0}, {100, 0}, {90, 50}, {10, 60}}
	w, h := q.Size()
	if w != 100 || math.Abs(h-math.Hypot(10, 60)) > 1e-9 {
		t.Errorf("Size = %v, %v", w, h)
	}
}

// TestWarp photographs a card, drawn as four coloured quarters, at an
// angle onto a larger image, and straightens it back: each quarter comes
// back in its place.
func TestWarp(t *testing.T) {
	const w, h = 80, 50
	quarters := []color.NRGBA{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 0, 255}}
	quarter := func(x, y float64) color.NRGBA {
		k := 0
		if x >= w/2 {
			k++
		}
		if y >= h/2 {
			k += 2
		}
		return quarters[k]
	}
	seen := Quad{{30, 20}, {150, 35}, {140, 110}, {25, 95}}
	m, ok := Between(seen, Rect(image.Rect(0, 0, w, h)))
	if !ok {
		t.Fatal("no transform")
	}
	photo := image.NewNRGBA(image.Rect(0, 0, 200, 140))
	for y := range 140 {
		for x := range 200 {
			p := m.Apply(Point{float64(x) + 0.5, float64(y) + 0.5})
			if p.X >= 0 && p.X < w && p.Y >= 0 && p.Y < h {
				photo.SetNRGBA(x, y, quarter(p.X, p.Y))
			}
		}
	}
	out := Warp(photo, seen, w, h)
	if out.Bounds().Dx() != w || out.Bounds().Dy() != h {
		t.Fatalf("warped to %v", out.Bounds())
	}
	for _, p := range []image.Point{{10, 10}, {70, 10}, {10, 40}, {70, 40}, {30, 20}, {50, 30}} {
		want := quarter(float64(p.X), float64(p.Y))
		if got := out.NRGBAAt(p.X, p.Y); got != want {
			t.Errorf("at %v: %v, want %v", p, got, want)
		}
	}
	if empty := Warp(photo, Quad{{0, 0}, {10, 0}, {20, 0}, {0, 5}}, w, h); empty.Bounds().Dx() != w {
		t.Errorf("a degenerate quad gives %v", empty.Bounds())
	}
}
