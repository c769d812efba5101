package ocr

import (
	"fmt"
	"image"
	"math"
	"testing"

	"followthrough/ocr/render"
)

// TestSkewAngleBounded checks that skewAngle keeps to the ±6 degrees it
// searches when the ink leans further than that (a logo's big slanted
// letter, the edge of a table): its refinement once followed the best
// angle a tenth of a degree at a time, to 19 degrees on a photo of a
// card, which was then turned until nothing on it could be read.
func TestSkewAngleBounded(t *testing.T) {
	for _, lean := range []float64{9, 15, -20} {
		t.Run(fmt.Sprintf("ink leaning %v degrees", lean), func(t *testing.T) {
			g := image.NewGray(image.Rect(0, 0, 1600, 1000))
			for i := range g.Pix {
				g.Pix[i] = 255
			}
			tan := math.Tan(lean * math.Pi / 180)
			for row := 100; row < 900; row += 60 {
				for x := 100; x < 1500; x++ {
					y := row + int(float64(x-800)*tan)
					for dy := range 6 {
						if p := image.Pt(x, y+dy); p.In(g.Bounds()) {
							g.Pix[g.PixOffset(p.X, p.Y)] = 0
						}
					}
				}
			}
			if a := skewAngle(g); math.Abs(a) > 6.5 {
				t.Errorf("skew %v degrees, outside the ±6 searched", a)
			}
		})
	}
	// And a card tilted within the range is still found tilted.
	card := render.Draw(render.Samples()[1], 1400)
	if a := skewAngle(contrastImage(card)); math.Abs(a) >= minSkew {
		t.Errorf("an upright card: skew %v", a)
	}
}
