package ocr_test

import (
	"context"
	"image"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr"
	"followthrough/ocr/render"
)

// lightTablePhoto is a tall phone photo of a white card lying across a
// light grey table, the card taking about 70% of the frame's width: a
// card that does not stand out from what it lies on.
func lightTablePhoto(card image.Image) *image.NRGBA {
	const w, h = 1500, 2000
	rng := rand.New(rand.NewPCG(23, 6))
	table := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(table.Pix); i += 4 {
		v := uint8(212 + rng.IntN(12))
		table.Pix[i], table.Pix[i+1], table.Pix[i+2], table.Pix[i+3] = v, v, v-4, 255
	}
	small := imaging.Resize(card, w*7/10, 0, imaging.Lanczos)
	return imaging.Paste(table, small, image.Pt(w*15/100, h*3/10))
}

// TestReadOrientationFromImage reads photos of a light card on a light
// table stored every way a phone or a scanner leaves them: turned by a
// right EXIF tag, lying on its side with no tag, and upright with a tag
// that says otherwise. The image decides which way is up, not the tag.
func TestReadOrientationFromImage(t *testing.T) {
	eng := engine(t)
	card := render.Draw(render.Samples()[0], 1200)
	want := render.SampleExpected()[0]
	photo := lightTablePhoto(card)
	dir := t.TempDir()
	tests := []struct {
		name   string
		stored image.Image
		tag    byte // EXIF orientation, 0 for none
	}{
		{"upright, no tag", photo, 0},
		{"stored on its side, right tag", imaging.Rotate90(photo), 6},
		{"on its side, no tag", imaging.Rotate270(photo), 0},
		{"upright, wrong tag", photo, 6},
		{"upside down, wrong tag", imaging.Rotate180(photo), 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".jpg")
			var data []byte
			if tt.tag == 0 {
				if err := imaging.Save(tt.stored, path, imaging.JPEGQuality(92)); err != nil {
					t.Fatal(err)
				}
			} else {
				data = exifJPEG(t, tt.stored, tt.tag)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r, err := ocr.Read(context.Background(), eng, path)
			if err != nil {
				t.Fatal(err)
			}
			c := r.Contact()
			checkNameEmail(t, c, want)
		})
	}
}

// TestReadCardApartByColour reads a phone photo of a yellow card on a
// grey table as bright as it, lit from one side: no brightness parts the
// card from the table, its colour does. The card is cut out of the tall
// photo and read.
func TestReadCardApartByColour(t *testing.T) {
	eng := engine(t)
	card := imaging.AdjustFunc(render.Draw(render.Samples()[0], 1100), func(c color.NRGBA) color.NRGBA {
		// The white card yellow, its print as it was.
		return color.NRGBA{c.R, uint8(int(c.G) * 9 / 10), uint8(int(c.B) * 4 / 10), c.A}
	})
	const w, h = 1500, 2400
	table := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			v := uint8(150 + x*100/w)
			i := table.PixOffset(x, y)
			table.Pix[i], table.Pix[i+1], table.Pix[i+2], table.Pix[i+3] = v, v, v, 255
		}
	}
	photo := imaging.Paste(table, card, image.Pt(200, 800))
	path := filepath.Join(t.TempDir(), "yellow.jpg")
	if err := imaging.Save(photo, path, imaging.JPEGQuality(92)); err != nil {
		t.Fatal(err)
	}
	r, err := ocr.Read(context.Background(), eng, path)
	if err != nil {
		t.Fatal(err)
	}
	if b := r.Image.Bounds(); b.Dx() < b.Dy() {
		t.Errorf("read an image of %v, want the card cut out of the tall photo", b.Size())
	}
	checkNameEmail(t, r.Contact(), render.SampleExpected()[0])
}
