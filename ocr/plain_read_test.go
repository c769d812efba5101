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
			if email := valueOf(r.Fields, FieldEmail); email != "alex.morgan@example.com" {
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

// turnedInkEngine reads a tall picture of a light card on a light table,
// upright, whose prepared ink image reads poorly every way: a little
// better on its side, and orientation detection, unsure, says it lies
// on its side. The plain picture reads well upright and poorly on its
// side, and its orientation detection is sure it stands upright.
type turnedInkEngine struct{}

func (turnedInkEngine) Orientation(_ context.Context, img image.Image) (Orientation, bool) {
	if meanGrey(img) < 240 {
		return Orientation{Deg: 0, Conf: 8, Script: "Latin", ScriptConf: 2}, true
	}
	return Orientation{Deg: 270, Conf: 3, Script: "Latin", ScriptConf: 2}, true
}

func (turnedInkEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	word := func(text string, conf float64, y int) Line {
		w := Word{Text: text, Box: image.Rect(40, y, 40+12*len(text), y+30), Conf: conf}
		return Line{Text: text, Box: w.Box, Conf: conf, Words: []Word{w}}
	}
	b := img.Bounds()
	tall := b.Dy() > b.Dx()
	switch {
	case meanGrey(img) >= 240 && tall:
		return []Line{word("Alxe Mrogn", 40, 40)}, nil
	case meanGrey(img) >= 240:
		return []Line{word("Alxe Mrogn", 45, 40)}, nil
	case tall:
		return []Line{
			word("Alex Morgan", 93, 40),
			word("alex.morgan@example.com", 92, 120),
			word("+44 20 7946 0000", 91, 160),
		}, nil
	}
	return []Line{word("Al", 40, 40), word("mor", 35, 80)}, nil
}

func (turnedInkEngine) Close() error { return nil }

func meanGrey(img image.Image) int {
	g := grayOf(img)
	sum := 0
	for _, v := range g.Pix {
		sum += int(v)
	}
	return sum / len(g.Pix)
}

// TestPlainReadTurnedOnItsOwn checks that the plain picture of a card
// whose prepared read was poor is not read at the turn that poor read
// chose, when orientation detection is sure the picture stands
// otherwise.
func TestPlainReadTurnedOnItsOwn(t *testing.T) {
	table := imaging.New(1200, 1600, color.NRGBA{214, 214, 210, 255})
	r, err := ReadImage(context.Background(), turnedInkEngine{}, table)
	if err != nil {
		t.Fatal(err)
	}
	if email := valueOf(r.Fields, FieldEmail); email != "alex.morgan@example.com" {
		t.Errorf("email %q, fields %+v", email, r.Fields)
	}
	if r.Rotated != 0 {
		t.Errorf("turned %d, want 0", r.Rotated)
	}
}
