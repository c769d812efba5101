package ocr

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// printed draws on a light card, 1600 by 1000, lines of dark "letters":
// bars of stroke pixels wide and high pixels tall, a gap of a stroke
// apart, as many as fit in width from at.
func printed(img *image.NRGBA, at image.Point, width, high, stroke int, c color.Color) {
	for x := at.X; x+stroke <= at.X+width; x += 2 * stroke {
		draw.Draw(img, image.Rect(x, at.Y, x+stroke, at.Y+high), image.NewUniform(c), image.Point{}, draw.Src)
	}
}

// inkCards are the cards TestLightOnDark and TestReadDarkOnLight read:
// each made on a light card with dark print, and whether it holds light
// print on a dark block the ink image keeps dark.
var inkCards = []struct {
	name  string
	draw  func(img *image.NRGBA)
	light bool
}{
	{"dark print alone", func(*image.NRGBA) {}, false},
	{"a bold name", func(img *image.NRGBA) {
		printed(img, image.Pt(120, 60), 900, 110, 22, color.Black)
	}, false},
	{"a rule under the name", func(img *image.NRGBA) {
		draw.Draw(img, image.Rect(100, 200, 1500, 206), image.NewUniform(color.Black), image.Point{}, draw.Src)
	}, false},
	{"a square logo", func(img *image.NRGBA) {
		draw.Draw(img, image.Rect(1300, 60, 1480, 240), image.NewUniform(color.NRGBA{20, 60, 140, 255}), image.Point{}, draw.Src)
	}, false},
	{"a badge with the firm's name light in it", func(img *image.NRGBA) {
		draw.Draw(img, image.Rect(1000, 60, 1400, 160), image.NewUniform(color.NRGBA{150, 20, 30, 255}), image.Point{}, draw.Src)
		printed(img, image.Pt(1030, 90), 340, 40, 6, color.White)
	}, true},
	{"a dark lower half with light print", func(img *image.NRGBA) {
		// Large enough for the background estimate: its print comes
		// out dark on light in the ink image.
		draw.Draw(img, image.Rect(0, 500, 1600, 1000), image.NewUniform(color.NRGBA{30, 40, 120, 255}), image.Point{}, draw.Src)
		printed(img, image.Pt(120, 650), 800, 30, 6, color.White)
	}, false},
}

func inkCard(draw func(*image.NRGBA)) *image.NRGBA {
	img := filled(1600, 1000, color.NRGBA{245, 245, 240, 255})
	printed(img, image.Pt(120, 300), 700, 30, 5, color.Black)
	printed(img, image.Pt(120, 360), 900, 30, 5, color.Black)
	printed(img, image.Pt(120, 420), 500, 30, 5, color.Black)
	draw(img)
	return img
}

// TestLightOnDark checks that a dark block print could be cut out of is
// told from dark print, bold or not, rules and logos, in the ink image a
// card is read from.
func TestLightOnDark(t *testing.T) {
	for _, tt := range inkCards {
		t.Run(tt.name, func(t *testing.T) {
			if got := lightOnDark(contrastImage(inkCard(tt.draw))); got != tt.light {
				t.Errorf("lightOnDark = %v, want %v", got, tt.light)
			}
		})
	}
	t.Run("too small to tell", func(t *testing.T) {
		if lightOnDark(image.NewGray(image.Rect(0, 0, 10, 10))) {
			t.Error("a black speck of an image holds light print")
		}
	})
}

// invertEngine answers every read with one line, and keeps the passes it
// was asked to read with.
type invertEngine struct{ passes []Pass }

func (e *invertEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *invertEngine) Recognize(_ context.Context, img image.Image, p Pass) ([]Line, error) {
	e.passes = append(e.passes, p)
	box := image.Rect(40, 40, 440, 80)
	w := Word{Text: "Jane Example", Box: box, Conf: 40}
	return []Line{{Text: w.Text, Box: box, Conf: w.Conf, Words: []Word{w}}}, nil
}

func (e *invertEngine) Close() error { return nil }

// TestReadDarkOnLight checks that every read of a card's ink image, whole
// or of its lines, tells the engine its print is dark on light, sparing
// it a second look at unsure lines inverted, unless the ink image holds a
// dark block light print may be in.
func TestReadDarkOnLight(t *testing.T) {
	for _, tt := range inkCards {
		t.Run(tt.name, func(t *testing.T) {
			e := &invertEngine{}
			// readCard, as the plain picture ReadImage may read too is
			// no ink image, and is read with Tesseract's second look.
			if _, err := readCard(context.Background(), e, prepareCard(inkCard(tt.draw))); err != nil {
				t.Fatal(err)
			}
			if len(e.passes) < 2 {
				t.Fatalf("%d reads, want a weak first read and more", len(e.passes))
			}
			for i, p := range e.passes {
				if p.DarkOnLight == tt.light {
					t.Errorf("read %d of %d (%+v): DarkOnLight = %v, want %v", i+1, len(e.passes), p, p.DarkOnLight, !tt.light)
				}
			}
		})
	}
}

// TestDarkOnLightKanji checks that reads of a card seen or leaned to be
// in kanji keep Tesseract's second look at unsure lines inverted.
func TestDarkOnLightKanji(t *testing.T) {
	tests := []struct {
		script, lean string
		want         bool
	}{
		{"", "", true},
		{"Latin", "", true},
		{"", "Cyrillic", true},
		{"", "Han", false},
		{"", "Japanese", false},
		{"Japanese", "", false},
		{"Han", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.script+"/"+tt.lean, func(t *testing.T) {
			e := &invertEngine{}
			if _, err := (darkOnLight{e}).Recognize(context.Background(), image.NewGray(image.Rect(0, 0, 8, 8)), Pass{Script: tt.script, Lean: tt.lean}); err != nil {
				t.Fatal(err)
			}
			if got := e.passes[0].DarkOnLight; got != tt.want {
				t.Errorf("DarkOnLight = %v, want %v", got, tt.want)
			}
		})
	}
}
