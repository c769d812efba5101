package ocr

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

// TestDecodeTurnsAsImaging checks that each EXIF orientation turns an
// image just as imaging.AutoOrientation does.
func TestDecodeTurnsAsImaging(t *testing.T) {
	jpg := encoded(func(b *bytes.Buffer) error { return jpeg.Encode(b, smallCard(), nil) })
	for o := uint16(1); o <= 8; o++ {
		t.Run(fmt.Sprintf("orientation %d", o), func(t *testing.T) {
			data := withEXIF(jpg, ifd(1, orientationEntry(o)))
			got, err := DecodeImage(data)
			if err != nil {
				t.Fatal(err)
			}
			want, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
			if err != nil {
				t.Fatal(err)
			}
			g, w := imaging.Clone(got), imaging.Clone(want)
			if g.Rect != w.Rect || !bytes.Equal(g.Pix, w.Pix) {
				t.Errorf("turned to %v unlike imaging's %v, or its points differ", g.Rect, w.Rect)
			}
		})
	}
}

// TestLoadCardTurnsAfterCutting checks that a card cut out of a large
// photo as stored, then turned by its EXIF orientation, comes out as the
// card cut out of the turned photo does.
func TestLoadCardTurnsAfterCutting(t *testing.T) {
	desk := imaging.New(2000, 1500, color.NRGBA{60, 52, 45, 255})
	upright := imaging.Paste(desk, render.Draw(render.Samples()[1], 1400), image.Pt(260, 330))
	tests := []struct {
		name   string
		stored image.Image // what the camera wrote
		o      uint16
	}{
		{"as taken", upright, 1},
		{"phone held upright", imaging.Rotate90(upright), 6},
		{"phone upside down", imaging.Rotate180(upright), 3},
		{"phone held the other way", imaging.Rotate270(upright), 8},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jpg := encoded(func(b *bytes.Buffer) error { return jpeg.Encode(b, tt.stored, &jpeg.Options{Quality: 92}) })
			path := filepath.Join(dir, tt.name+".jpg")
			if err := os.WriteFile(path, withEXIF(jpg, ifd(1, orientationEntry(tt.o))), 0o600); err != nil {
				t.Fatal(err)
			}
			stored, o, err := loadUnturned(path)
			if err != nil {
				t.Fatal(err)
			}
			if o != int(tt.o) {
				t.Fatalf("orientation %d, want %d", o, tt.o)
			}
			// As a photo too large to turn whole.
			got := prepareTurned(stored, o, 1000)
			img, err := LoadImage(path)
			if err != nil {
				t.Fatal(err)
			}
			want := prepareCard(img)
			if c, err := loadCard(context.Background(), path); err != nil || !bytes.Equal(c.Pix, want.Pix) {
				t.Errorf("a photo of 2000 pixels was not turned whole before its card was cut out (%v)", err)
			}
			gs, ws := got.Bounds().Size(), want.Bounds().Size()
			if gs.X < gs.Y || abs(gs.X-ws.X) > 2 || abs(gs.Y-ws.Y) > 2 {
				t.Fatalf("card %v, want about %v and wide", gs, ws)
			}
			if d := meanDifference(got, imaging.Resize(want, gs.X, gs.Y, imaging.Linear)); d > 6 {
				t.Errorf("card differs from the one cut out of the turned photo by %.1f levels on average", d)
			}
		})
	}
}

// meanDifference is how far apart two images of the same size are, in
// levels a channel on average.
func meanDifference(a, b *image.NRGBA) float64 {
	sum, n := 0, 0
	for i := range a.Pix {
		if i%4 == 3 {
			continue
		}
		sum += abs(int(a.Pix[i]) - int(b.Pix[i]))
		n++
	}
	return float64(sum) / float64(n)
}

func TestFileFootprint(t *testing.T) {
	card := smallCard() // 60×34
	jpg := encoded(func(b *bytes.Buffer) error { return jpeg.Encode(b, card, nil) })
	grey := encoded(func(b *bytes.Buffer) error { return png.Encode(b, image.NewGray(image.Rect(0, 0, 60, 34))) })
	const points = 60 * 34
	tests := []struct {
		name string
		data []byte
		want int64
	}{
		{"grey PNG", grey, points},
		{"JPEG", jpg, points * 3 / 2},
		{"JPEG as taken", withEXIF(jpg, ifd(1, orientationEntry(1))), points * 3 / 2},
		{"JPEG to turn", withEXIF(jpg, ifd(1, orientationEntry(6))), points*3/2 + points*4},
		{"JPEG with nonsense EXIF", withEXIF(jpg, ifd(1, orientationEntry(65535))), points * 3 / 2},
		{"not an image", []byte("hello"), 0},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			if got := fileFootprint(path).peak(); got != tt.want {
				t.Errorf("footprint %d, want %d", got, tt.want)
			}
		})
	}
}
