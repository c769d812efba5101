package ocr_test

import (
	"context"
	"image"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/render"
)

// TestReadPearlCard reads cards printed on pearl stock lying across a
// table as light as they are, in a tall phone photo: the card does not
// stand out, so the whole photo is read, and the sparkles of the stock,
// lighter than the paper, are as far from its grey as the print is.
func TestReadPearlCard(t *testing.T) {
	eng := engine(t)
	const w, h = 1500, 2000
	tests := []struct {
		name   string
		sample int
		seed   int64
	}{
		{"one column", 0, 1},
		{"centred", 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := render.Pearl(render.Draw(render.Samples()[tt.sample], w*8/10), tt.seed)
			photo := render.OnTable(card, image.Pt(w, h), image.Pt(w/10, h*3/10), 168, tt.seed)
			want := render.SampleExpected()[tt.sample]
			r, err := ocr.ReadImage(context.Background(), eng, photo)
			if err != nil {
				t.Fatal(err)
			}
			c := r.Contact()
			checkNameEmail(t, c, want)
			if len(c.Addresses) == 0 || c.Addresses[0].Street != want.Address {
				t.Errorf("addresses = %+v, want %q", c.Addresses, want.Address)
			}
		})
	}
}
