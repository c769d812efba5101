package ocr

import (
	"context"
	"image"
	"image/color"
	"testing"

	"github.com/disintegration/imaging"
)

// inkBlindEngine reads the plain grey picture well and the prepared ink
// image poorly, as Tesseract did light cards on light tables whose
// preparation failed; or, with prepared set, reads both alike.
type inkBlindEngine struct {
	prepared bool
	reads    int
}

func (e *inkBlindEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *inkBlindEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	e.reads++
	// The ink image is white where the card is blank; the plain picture
	// is the grey of the table.
	g := grayOf(img)
	sum := 0
	for _, v := range g.Pix {
		sum += int(v)
	}
	plain := sum/len(g.Pix) < 240
	word := func(text string, conf float64, y int) Line {
		w := Word{Text: text, Box: image.Rect(40, y, 40+12*len(text), y+30), Conf: conf}
		return Line{Text: text, Box: w.Box, Conf: conf, Words: []Word{w}}
	}
	if plain || e.prepared {
		return []Line{
			word("Alex Morgan", 93, 40),
			word("alex.morgan@example.com", 92, 120),
			word("+44 20 7946 0000", 91, 160),
			word("www.example.com", 92, 200),
		}, nil
	}
	return []Line{word("Al", 40, 40), word("mor", 35, 80)}, nil
}

func (e *inkBlindEngine) Close() error { return nil }

// TestPlainReadKeptWhenBetter checks that when a prepared card reads
// poorly, the plain picture is read too and kept when it reads better,
// and that a card prepared well is not read again.
func TestPlainReadKeptWhenBetter(t *testing.T) {
	table := imaging.New(1600, 1200, color.NRGBA{214, 214, 210, 255})
	tests := []struct {
		name      string
		prepared  bool
		wantEmail bool
	}{
		{"preparation fails", false, true},
		{"preparation reads well", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &inkBlindEngine{prepared: tt.prepared}
			r, err := ReadImage(context.Background(), e, table)
			if err != nil {
				t.Fatal(err)
			}
			var email string
			for _, f := range r.Fields {
				if f.Kind == FieldEmail {
					email = f.Value
				}
			}
			if email != "alex.morgan@example.com" {
				t.Errorf("email %q, fields %+v", email, r.Fields)
			}
			if plainReads := e.reads - r.Passes; plainReads != 0 {
				t.Errorf("%d reads, %d counted", e.reads, r.Passes)
			}
			if tt.prepared && poorRead(r.Lines) {
				t.Errorf("a good read counted poor")
			}
			if !r.Image.Bounds().In(image.Rect(0, 0, 2400, 2400)) || r.Image.Bounds().Empty() {
				t.Errorf("image %v", r.Image.Bounds())
			}
		})
	}
}
