package ocr_test

import (
	"context"
	"image"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/render"
)

// BenchmarkReadScan reads one rendered card the size of a flatbed scan
// (1050x600) with a reused engine, as a batch worker does.
func BenchmarkReadScan(b *testing.B) {
	benchmarkRead(b, render.Draw(render.Samples()[0], 1050))
}

// BenchmarkReadPhoto reads a 12-megapixel phone photo of a card on a desk:
// finding the card, cropping and reading.
func BenchmarkReadPhoto(b *testing.B) {
	card := render.Draw(render.Samples()[0], 1400)
	benchmarkRead(b, render.Photo(card, 2, image.Pt(4000, 3000), 1))
}

func benchmarkRead(b *testing.B, img image.Image) {
	eng := engine(b)
	ctx := context.Background()
	if _, err := ocr.ReadImage(ctx, eng, img); err != nil { // warm the engine
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ocr.ReadImage(ctx, eng, img); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindCard looks for the card in a 12-megapixel photo, and in a
// scan the card fills, where every point of the image counts.
func BenchmarkFindCard(b *testing.B) {
	images := []struct {
		name string
		img  image.Image
	}{
		{"photo", render.Photo(render.Draw(render.Samples()[1], 1400), 2, image.Pt(4000, 3000), 1)},
		{"scan", render.Draw(render.Samples()[1], 1050)},
	}
	for _, im := range images {
		b.Run(im.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ocr.FindCard(im.img)
			}
		})
	}
}
