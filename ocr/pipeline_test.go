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

// greyDesk is a tall phone photo of a grey desk lit from one side, its
// grey running from dark on the left to light on the right by shade, so
// that no one brightness parts a card from it.
func greyDesk(shade int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 1500, 2400))
	for y := range 2400 {
		for x := range 1500 {
			v := uint8(200 - shade/2 + x*shade/1500)
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v, v, 255
		}
	}
	return img
}

// TestFindCardApartByColour checks that a card as bright as its desk, or
// darker, is found by its colour: with a grey picture printed inside
// it, and running off the photo's sides; and that a desk with only grey
// things on it gives no card.
func TestFindCardApartByColour(t *testing.T) {
	yellow := color.NRGBA{236, 214, 96, 255}
	red := color.NRGBA{200, 40, 40, 255}
	grey := color.NRGBA{70, 70, 70, 255}
	tests := []struct {
		name    string
		shade   int             // how much lighter the desk's right is than its left
		card    image.Rectangle // none: nothing but grey on the desk
		colour  color.Color
		picture image.Rectangle // a grey picture printed on the card
		band    image.Rectangle // a band across the card, of the desk's own grey
		whole   bool            // the card is not to be cut out: the whole photo is read
	}{
		{"yellow card as bright as the desk", 110, image.Rect(300, 800, 1200, 1320), yellow, image.Rectangle{}, image.Rectangle{}, false},
		{"yellow card with a grey picture", 110, image.Rect(300, 800, 1200, 1320), yellow, image.Rect(340, 900, 700, 1280), image.Rectangle{}, false},
		{"red card across the photo's width", 20, image.Rect(0, 800, 1500, 1660), red, image.Rect(100, 900, 600, 1100), image.Rectangle{}, false},
		{"a grey card on the grey desk", 110, image.Rectangle{}, grey, image.Rect(300, 800, 1200, 1320), image.Rectangle{}, true},
		// Found apart from the band, the card would be slimmer than any
		// card: the band, which held a website, was cut off.
		{"red card with a band of the desk's grey across its foot", 20, image.Rect(300, 800, 1200, 1320), red, image.Rectangle{}, image.Rect(300, 1250, 1200, 1320), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := greyDesk(tt.shade)
			draw.Draw(img, tt.card, image.NewUniform(tt.colour), image.Point{}, draw.Src)
			draw.Draw(img, tt.picture, image.NewUniform(grey), image.Point{}, draw.Src)
			if !tt.band.Empty() {
				draw.Draw(img, tt.band, image.NewUniform(img.At(tt.band.Min.X, 10)), image.Point{}, draw.Src)
			}
			got := FindCard(img)
			if tt.whole {
				if got != img.Bounds() {
					t.Errorf("FindCard = %v, want the whole photo", got)
				}
				return
			}
			if !tt.card.In(got) || got.Dx() > tt.card.Dx()*12/10 || got.Dy() > tt.card.Dy()*12/10 {
				t.Errorf("FindCard = %v, want about %v", got, tt.card)
			}
		})
	}
}

// marksApartEngine reads a card from Vietnam whose name shares its line
// with the website of the other column, as Tesseract read an invented
// one: in Vietnamese, the marks over the name come out as lines of their
// own ("~"), which lie over the English reading's line of the name.
type marksApartEngine struct{}

func (marksApartEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (marksApartEngine) Recognize(_ context.Context, _ image.Image, p Pass) ([]Line, error) {
	line := func(x, y, w, h int, conf float64, texts ...string) Line {
		var words []Word
		for _, t := range texts {
			words = append(words, Word{Text: t, Box: image.Rect(x, y, x+w, y+h), Conf: conf})
			x += w + 20
		}
		return NewLine(words)
	}
	switch {
	case p.Mode != ModeAuto:
		return nil, nil
	case len(p.Langs) == 0:
		return []Line{
			line(100, 100, 160, 80, 80, "Vu", "Huu", "Phuoc", "www.example.com.vn"),
			line(100, 300, 300, 40, 95, "office@example.com.vn"),
			line(100, 400, 300, 40, 95, "+84", "210", "1234", "259"),
		}, nil
	default:
		return []Line{
			line(120, 96, 20, 10, 90, "~"),
			line(300, 96, 20, 10, 90, "~"),
			line(100, 100, 160, 80, 85, "Vu", "Huu", "Phuoc", "www.example.com.vn"),
			line(100, 300, 300, 40, 95, "office@example.com.vn"),
			line(100, 400, 300, 40, 95, "+84", "210", "1234", "259"),
		}, nil
	}
}

func (marksApartEngine) Close() error { return nil }

// TestNoLineTwice: a reading in the card's language merged with the
// English one gives each line once, and the contact its website once.
func TestNoLineTwice(t *testing.T) {
	r, err := ReadImage(context.Background(), marksApartEngine{}, filled(1600, 900, color.White))
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range r.Lines {
		for _, b := range r.Lines[i+1:] {
			if a.Text == b.Text && a.Box == b.Box {
				t.Errorf("line %q at %v read twice", a.Text, a.Box)
			}
		}
	}
	n := 0
	for _, f := range r.Fields {
		if f.Kind == FieldWebsite {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d websites, want 1 (fields %v)", n, r.Fields)
	}
}
