// Package perspective maps one quadrilateral of the plane onto another,
// as a camera sees a flat card at an angle: the projective transforms that
// straighten a photographed card, and that tests use to photograph one.
package perspective

import (
	"image"
	"math"
)

// A Point is a point of the plane.
type Point struct{ X, Y float64 }

// A Quad is four corners: top-left, top-right, bottom-right, bottom-left.
type Quad [4]Point

// A Matrix is a projective transform of the plane, row by row.
type Matrix [9]float64

// Identity maps every point to itself.
var Identity = Matrix{1, 0, 0, 0, 1, 0, 0, 0, 1}

// Apply maps p through m.
func (m Matrix) Apply(p Point) Point {
	w := m[6]*p.X + m[7]*p.Y + m[8]
	return Point{(m[0]*p.X + m[1]*p.Y + m[2]) / w, (m[3]*p.X + m[4]*p.Y + m[5]) / w}
}

// Between returns the transform that maps each corner of from onto the
// same corner of to. ok is false when the corners are degenerate (three in
// a line).
func Between(from, to Quad) (m Matrix, ok bool) {
	// Solve the 8x8 system A h = b for h0..h7, with h8 = 1.
	var a [8][9]float64
	for k := range 4 {
		x, y, u, v := from[k].X, from[k].Y, to[k].X, to[k].Y
		a[2*k] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*k+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for col := range 8 {
		p := col
		for r := col + 1; r < 8; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		a[col], a[p] = a[p], a[col]
		if math.Abs(a[col][col]) < 1e-12 {
			return Identity, false
		}
		for r := range 8 {
			if r == col {
				continue
			}
			f := a[r][col] / a[col][col]
			for c := col; c < 9; c++ {
				a[r][c] -= f * a[col][c]
			}
		}
	}
	for k := range 8 {
		m[k] = a[k][8] / a[k][k]
	}
	m[8] = 1
	return m, true
}

// Rect returns the corners of r as a Quad.
func Rect(r image.Rectangle) Quad {
	x0, y0, x1, y1 := float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y)
	return Quad{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

// Size is the width and height of the rectangle a card seen as q is:
// the longer of each pair of opposite edges.
func (q Quad) Size() (w, h float64) {
	d := func(a, b Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }
	return math.Max(d(q[0], q[1]), d(q[3], q[2])), math.Max(d(q[0], q[3]), d(q[1], q[2]))
}

// Warp returns a w×h image of the part of src that q covers, straightened:
// each output pixel is sampled, bilinearly, from where the transform puts
// it in src.
func Warp(src *image.NRGBA, q Quad, w, h int) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	m, ok := Between(Rect(out.Bounds()), q)
	if !ok || w <= 0 || h <= 0 {
		return out
	}
	b := src.Bounds()
	for y := range h {
		for x := range w {
			p := m.Apply(Point{float64(x) + 0.5, float64(y) + 0.5})
			px := Bilinear(src, p.X-0.5-float64(b.Min.X), p.Y-0.5-float64(b.Min.Y))
			i := out.PixOffset(x, y)
			copy(out.Pix[i:i+4], px[:])
		}
	}
	return out
}

// Bilinear samples img at (x, y), relative to its top-left corner,
// clamping at the edges.
func Bilinear(img *image.NRGBA, x, y float64) [4]uint8 {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	at := func(x, y int) []uint8 {
		x, y = min(max(x, 0), w-1), min(max(y, 0), h-1)
		i := y*img.Stride + x*4
		return img.Pix[i : i+4]
	}
	a, b, c, d := at(x0, y0), at(x0+1, y0), at(x0, y0+1), at(x0+1, y0+1)
	var out [4]uint8
	for k := range 4 {
		v := (float64(a[k])*(1-fx)+float64(b[k])*fx)*(1-fy) + (float64(c[k])*(1-fx)+float64(d[k])*fx)*fy
		out[k] = uint8(math.Min(255, math.Max(0, v+0.5)))
	}
	return out
}
