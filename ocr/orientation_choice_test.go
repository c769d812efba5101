package ocr

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"testing"

	"github.com/disintegration/imaging"
)

// unsureEngine reads a tall card whose text stands upright: confidently when
// it is read as it lies, middlingly when turned on its side (Tesseract
// reads sideways text with confidences of 70 to 80). Its orientation
// detection says the text is turned 90 degrees, with confidence conf.
type unsureEngine struct {
	conf float64
}

func (e *unsureEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{Deg: 90, Conf: e.conf, Script: "Latin", ScriptConf: 2}, true
}

func (e *unsureEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	b := img.Bounds()
	conf := 92.0
	if b.Dx() > b.Dy() {
		conf = 75
	}
	w := Word{Text: "someone@example.com", Box: image.Rect(10, 10, 300, 40), Conf: conf}
	return []Line{{Text: w.Text, Box: w.Box, Conf: conf, Words: []Word{w}}}, nil
}

func (e *unsureEngine) Close() error { return nil }

// TestOrientationChosenByReading checks that a turn orientation detection
// is unsure of is weighed against a read of the card as it lies, and the
// more confident reading kept, while a sure one is taken as it is.
func TestOrientationChosenByReading(t *testing.T) {
	tall := imaging.New(600, 1000, color.White)
	tests := []struct {
		conf  float64
		want  int // degrees turned
		reads int
	}{
		{conf: 2, want: 0, reads: 2},   // unsure: both ways read, as it lies wins
		{conf: 3.3, want: 0, reads: 2}, // still under sureTurn
		{conf: 8, want: 270, reads: 1}, // sure: turned, and read once
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("confidence %v", tt.conf), func(t *testing.T) {
			e := &unsureEngine{conf: tt.conf}
			r, err := ReadImage(context.Background(), e, tall)
			if err != nil {
				t.Fatal(err)
			}
			if r.Rotated != tt.want {
				t.Errorf("turned %d, want %d", r.Rotated, tt.want)
			}
			if r.Passes != tt.reads {
				t.Errorf("read %d times, want %d", r.Passes, tt.reads)
			}
		})
	}
}
