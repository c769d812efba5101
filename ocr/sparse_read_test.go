package ocr

import (
	"context"
	"image"
	"testing"

	"followthrough/ocr/render"
)

// sizeEngine reads every card weakly in its first read, so that it is
// read again sparsely, and notes the size of the image each pass is
// given. Its sparse read finds one line the first passed over, at
// sparseBox on the image it is given.
type sizeEngine struct {
	sizes map[Mode][]image.Point
}

var sparseBox = image.Rect(100, 300, 700, 340)

func (e *sizeEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *sizeEngine) Recognize(_ context.Context, img image.Image, p Pass) ([]Line, error) {
	e.sizes[p.Mode] = append(e.sizes[p.Mode], img.Bounds().Size())
	line := func(text string, conf float64, box image.Rectangle) Line {
		w := Word{Text: text, Box: box, Conf: conf}
		return Line{Text: text, Box: box, Conf: conf, Words: []Word{w}}
	}
	if p.Mode == ModeSparse {
		return []Line{line("www.example.com", 90, sparseBox)}, nil
	}
	// Read unsurely (under WeakQuality), but not so poorly that the plain
	// picture is read too.
	return []Line{line("Alexandra Morganfield", 65, image.Rect(100, 100, 900, 150))}, nil
}

func (e *sizeEngine) Close() error { return nil }

// TestSparseReadAtReadingSize checks that a card whose small print is
// scaled up for its first read is read sparsely at its reading size, and
// that the lines of that read land where they are on the card.
func TestSparseReadAtReadingSize(t *testing.T) {
	small := render.Samples()[0]
	small.Lines = append([]render.Line(nil), small.Lines...)
	for i := range small.Lines {
		small.Lines[i].Size = 3.5
	}
	e := &sizeEngine{sizes: map[Mode][]image.Point{}}
	r, err := ReadImage(context.Background(), e, render.Draw(small, 1100))
	if err != nil {
		t.Fatal(err)
	}
	if r.Scale <= 1 {
		t.Fatalf("small print scaled by %.2f, want it scaled up for the test to mean anything", r.Scale)
	}
	card := r.Image.Bounds().Size()
	if len(e.sizes[ModeAuto]) == 0 || e.sizes[ModeAuto][0] == card {
		t.Errorf("first read of %v, want the card (%v) scaled up by %.2f", e.sizes[ModeAuto], card, r.Scale)
	}
	if got := e.sizes[ModeSparse]; len(got) != 1 || got[0] != card {
		t.Errorf("sparse reads of %v, want one of the card at its reading size %v", got, card)
	}
	var found bool
	for _, l := range r.Lines {
		if l.Text != "www.example.com" {
			continue
		}
		found = true
		d := l.Box.Min.Sub(sparseBox.Min)
		e := l.Box.Max.Sub(sparseBox.Max)
		if abs(d.X) > 1 || abs(d.Y) > 1 || abs(e.X) > 1 || abs(e.Y) > 1 {
			t.Errorf("sparse line at %v on the card, want %v", l.Box, sparseBox)
		}
	}
	if !found {
		t.Errorf("the sparse read's line was not kept: %+v", r.Lines)
	}
}
