package tesseract

import (
	"context"
	"image"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/tesseract/tesstest"
)

// TestEmptyImage asks the engine to read images with no points, such as
// the crop of a line whose box came out empty: Leptonica cannot take
// them, and Tesseract, given none, crashed the process. Each is read as
// holding no text, in every mode and script, and has no orientation.
func TestEmptyImage(t *testing.T) {
	tesstest.Languages(t, Installed, "eng", "jpn", "Latin", "osd")
	eng, err := New("eng", "jpn")
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	images := []struct {
		name string
		img  image.Image
	}{
		{"no points", image.NewGray(image.Rectangle{})},
		{"no width", image.NewGray(image.Rect(0, 0, 0, 40))},
		{"no height", image.NewNRGBA(image.Rect(10, 10, 400, 10))},
	}
	passes := []struct {
		name string
		pass ocr.Pass
	}{
		{"page", ocr.Pass{}},
		{"sparse", ocr.Pass{Mode: ocr.ModeSparse}},
		{"line in Latin", ocr.Pass{Mode: ocr.ModeLine, Langs: []string{"Latin"}, Only: true}},
		{"Japanese", ocr.Pass{Script: "Japanese"}},
	}
	for _, im := range images {
		for _, p := range passes {
			t.Run(im.name+"/"+p.name, func(t *testing.T) {
				lines, err := eng.Recognize(ctx, im.img, p.pass)
				if err != nil || len(lines) != 0 {
					t.Errorf("Recognize = %v, %v; want no lines and no error", lines, err)
				}
			})
		}
		t.Run(im.name+"/orientation", func(t *testing.T) {
			if o, ok := eng.Orientation(ctx, im.img); ok {
				t.Errorf("Orientation = %+v, true; want none", o)
			}
		})
	}
	// The engine still reads after them.
	if _, err := eng.Recognize(ctx, image.NewGray(image.Rect(0, 0, 200, 60)), ocr.Pass{}); err != nil {
		t.Errorf("Recognize after empty images: %v", err)
	}
}
