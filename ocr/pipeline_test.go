package ocr

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// turnEngine is a fake engine that reports the text turned by deg and
// records the size of the images it is asked to read.
type turnEngine struct {
	deg   int
	sizes []image.Point
}

func (e *turnEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{Deg: e.deg, Conf: 5}, true
}

func (e *turnEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	e.sizes = append(e.sizes, img.Bounds().Size())
	if img.Bounds().Dx() < img.Bounds().Dy() {
		return nil, nil // on its side: nothing read
	}
	w := func(s string, x, y int) Word {
		return Word{Text: s, Box: image.Rect(x, y, x+30*len(s), y+50), Conf: 95}
	}
	return []Line{
		NewLine([]Word{w("Jane", 100, 100), w("Doe", 260, 100)}),
		NewLine([]Word{w("jane@acmewidgets.com", 100, 300)}),
	}, nil
}

func (e *turnEngine) Close() error { return nil }

func filled(w, h int, c color.Color) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

func TestReadImageTurnsCardUpright(t *testing.T) {
	for _, tc := range []struct {
		deg, rotated int
	}{
		{90, 270}, // text turned a quarter clockwise: turn the card back
		{270, 90},
		{0, 0},
	} {
		e := &turnEngine{deg: tc.deg}
		src := filled(600, 1000, color.White) // a card standing on its side
		if tc.deg == 0 {
			src = filled(1000, 600, color.White)
		}
		r, err := ReadImage(context.Background(), e, src)
		if err != nil {
			t.Fatal(err)
		}
		if r.Rotated != tc.rotated {
			t.Errorf("orientation %d: Rotated = %d, want %d", tc.deg, r.Rotated, tc.rotated)
		}
		if b := r.Image.Bounds(); b.Dx() < b.Dy() {
			t.Errorf("orientation %d: upright image is %v, want landscape", tc.deg, b.Size())
		}
		var name string
		for _, f := range r.Fields {
			if f.Kind == FieldName {
				name = f.Value
			}
		}
		if name != "Jane Doe" {
			t.Errorf("orientation %d: name %q, want Jane Doe (fields %v)", tc.deg, name, r.Fields)
		}
	}
}

func TestContrastImage(t *testing.T) {
	// A white card with black print, and a dark blue band with white and
	// yellow print on it.
	img := filled(1200, 700, color.NRGBA{245, 245, 240, 255})
	draw.Draw(img, image.Rect(0, 350, 1200, 700), image.NewUniform(color.NRGBA{30, 40, 120, 255}), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(100, 100, 600, 130), image.NewUniform(color.Black), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(100, 450, 600, 480), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(100, 550, 600, 580), image.NewUniform(color.NRGBA{240, 220, 40, 255}), image.Point{}, draw.Src)
	out := contrastImage(img)
	if out.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v, want %v", out.Bounds(), img.Bounds())
	}
	for _, p := range []struct {
		name string
		at   image.Point
		dark bool
	}{
		{"black print on white", image.Pt(300, 115), true},
		{"white card", image.Pt(900, 200), false},
		{"white print on blue", image.Pt(300, 465), true},
		{"yellow print on blue", image.Pt(300, 565), true},
		{"blue band", image.Pt(900, 520), false},
	} {
		v := out.GrayAt(p.at.X, p.at.Y).Y
		if p.dark && v > 100 || !p.dark && v < 180 {
			t.Errorf("%s: grey %d, want %s", p.name, v, map[bool]string{true: "dark", false: "light"}[p.dark])
		}
	}
	if got := contrastImage(filled(3, 3, color.White)).Bounds().Size(); got != image.Pt(3, 3) {
		t.Errorf("tiny image: %v", got)
	}
}

func TestFindCard(t *testing.T) {
	for _, tc := range []struct {
		name string
		desk color.Color
		dark bool // a deep shadow along the bottom of the photo
	}{
		{"card on a dark desk", color.NRGBA{90, 90, 90, 255}, false},
		{"card on a light desk with a shadow", color.NRGBA{185, 190, 190, 255}, true},
	} {
		img := filled(2000, 2000, tc.desk)
		if tc.dark {
			draw.Draw(img, image.Rect(0, 1700, 2000, 2000), image.NewUniform(color.NRGBA{30, 30, 30, 255}), image.Point{}, draw.Src)
		}
		card := image.Rect(500, 700, 1400, 1220)
		draw.Draw(img, card, image.NewUniform(color.NRGBA{250, 250, 250, 255}), image.Point{}, draw.Src)
		got := FindCard(img)
		if !card.In(got) || got.Dx() > card.Dx()*12/10 || got.Dy() > card.Dy()*12/10 {
			t.Errorf("%s: FindCard = %v, want about %v", tc.name, got, card)
		}
	}
	// A scan: the card fills the frame.
	scan := filled(1000, 600, color.NRGBA{250, 250, 250, 255})
	draw.Draw(scan, image.Rect(0, 300, 1000, 600), image.NewUniform(color.NRGBA{30, 40, 120, 255}), image.Point{}, draw.Src)
	if got := FindCard(scan); got != scan.Bounds() {
		t.Errorf("scan: FindCard = %v, want the whole image", got)
	}
}
