package ocr

import (
	"context"
	"image"
	"strings"
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

// pageEngine reads, of the lines printed on a card, those wholly in the
// part of the card it is given, at conf, placed on that part as
// Tesseract places them; it notes the parts.
type pageEngine struct {
	printed []Line
	conf    float64
	parts   []image.Rectangle
}

func (e *pageEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *pageEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	b := img.Bounds()
	e.parts = append(e.parts, b)
	var out []Line
	for _, l := range e.printed {
		if l.Box.In(b) {
			out = append(out, moveLine(readAt(l, e.conf), b.Min.Mul(-1)))
		}
	}
	return out, nil
}

func (e *pageEngine) Close() error { return nil }

// readAt is l with every word read at conf.
func readAt(l Line, conf float64) Line {
	l.Conf = conf
	l.Words = []Word{{Text: l.Text, Box: l.Box, Conf: conf}}
	return l
}

// TestReadUnsureDetails checks that after a first read that read one
// email unsurely, only the part of the card around that line is read
// again, and what is read there lands where it is on the card; and that
// a line read as unsurely again is left out.
func TestReadUnsureDetails(t *testing.T) {
	card := render.Samples()[0]
	const width = 1600
	ink := contrastImage(render.Draw(card, width))
	rects := render.LineRects(card, width)
	var printed []Line
	email := -1
	for i, l := range card.Lines {
		if rects[i].Empty() {
			continue
		}
		if strings.Contains(l.Text, "@") {
			email = len(printed)
		}
		printed = append(printed, Line{Text: l.Text, Box: rects[i]})
	}
	if email < 0 {
		t.Fatal("the sample card prints no email")
	}
	first := make([]Line, len(printed))
	for i, l := range printed {
		first[i] = readAt(l, 95)
	}
	first[email] = readAt(printed[email], 30)
	if got := weakness(ink, first, letterBlobs(ink)); got != weakDetails {
		t.Fatalf("weakness = %d, want weakDetails (%d)", got, weakDetails)
	}
	tests := []struct {
		name      string
		conf      float64 // of the second read
		wantLines int
	}{
		{"read surely again", 90, 1},
		{"read unsurely again", 30, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &pageEngine{printed: printed, conf: tt.conf}
			got, err := readUnsureDetails(context.Background(), e, ink, first, Pass{Mode: ModeSparse})
			if err != nil {
				t.Fatal(err)
			}
			if len(e.parts) != 1 || !printed[email].Box.In(e.parts[0]) {
				t.Fatalf("read parts %v, want one around the email at %v", e.parts, printed[email].Box)
			}
			for i, l := range printed {
				if i != email && l.Box.In(e.parts[0]) {
					t.Errorf("the part read again %v holds the line %q, read surely", e.parts[0], l.Text)
				}
			}
			if len(got) != tt.wantLines {
				t.Fatalf("read %d lines again, want %d: %+v", len(got), tt.wantLines, got)
			}
			if len(got) == 1 && (got[0].Text != printed[email].Text || got[0].Box != printed[email].Box) {
				t.Errorf("read %q at %v, want %q at %v", got[0].Text, got[0].Box, printed[email].Text, printed[email].Box)
			}
		})
	}
}

func TestWeakness(t *testing.T) {
	sure := Line{Text: "Alexandra Morganfield", Box: image.Rect(100, 100, 900, 150)}
	email := Line{Text: "alex@example.com", Box: image.Rect(100, 200, 700, 240)}
	letters := func(n int, y int) []image.Rectangle {
		var bs []image.Rectangle
		for i := range n {
			bs = append(bs, image.Rect(110+30*i, y, 130+30*i, y+30))
		}
		return bs
	}
	read := letters(20, 110)
	tests := []struct {
		name  string
		lines []Line
		blobs []image.Rectangle
		want  int
	}{
		{"read surely", []Line{readAt(sure, 95), readAt(email, 95)}, read, notWeak},
		{"an email read unsurely", []Line{readAt(sure, 95), readAt(email, 45)}, read, weakDetails},
		{"unsure over all", []Line{readAt(sure, 60), readAt(email, 60)}, read, weakAll},
		{"text passed over", []Line{readAt(sure, 95), readAt(email, 45)}, append(read, letters(10, 400)...), weakAll},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := weakness(nil, tt.lines, tt.blobs); got != tt.want {
				t.Errorf("weakness = %d, want %d", got, tt.want)
			}
		})
	}
}
