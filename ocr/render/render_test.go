package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
)

// luma is the brightness of one pixel, 0 to 255.
func luma(img *image.NRGBA, x, y int) float64 {
	i := img.PixOffset(x, y)
	p := img.Pix[i : i+3]
	return 0.299*float64(p[0]) + 0.587*float64(p[1]) + 0.114*float64(p[2])
}

// darkPixels counts pixels in r darker than the threshold.
func darkPixels(img *image.NRGBA, r image.Rectangle, threshold float64) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if luma(img, x, y) < threshold {
				n++
			}
		}
	}
	return n
}

func meanLuma(img *image.NRGBA, r image.Rectangle) float64 {
	r = r.Intersect(img.Bounds())
	sum := 0.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			sum += luma(img, x, y)
		}
	}
	return sum / float64(r.Dx()*r.Dy())
}

func testCards() map[string]Card {
	cs := map[string]Card{
		"one line": {Lines: []Line{{Text: "Avery Example", Size: 16, Bold: true}}},
		"right aligned mono": {Lines: []Line{
			{Text: "R. Q. Sample", Size: 14, Align: Right},
			{Text: "T: (202) 555-0101", Mono: true, Align: Right},
		}},
		"too long to fit": {Lines: []Line{
			{Text: strings.Repeat("very long line ", 12), Size: 12},
			{Text: "short"},
		}},
		"many lines shrink": {Lines: func() []Line {
			ls := make([]Line, 20)
			for i := range ls {
				ls[i] = Line{Text: "line of text", Size: 12}
			}
			return ls
		}()},
	}
	for i, c := range Samples() {
		cs["sample "+string(rune('1'+i))] = c
	}
	return cs
}

func TestDraw(t *testing.T) {
	for name, c := range testCards() {
		for _, width := range []int{1050, 1200, 600} {
			t.Run(fmt.Sprintf("%s/%d", name, width), func(t *testing.T) {
				img := Draw(c, width)
				if got, want := img.Bounds(), image.Rect(0, 0, width, width*600/1050); got != want {
					t.Fatalf("bounds = %v, want %v", got, want)
				}
				rects := LineRects(c, width)
				if len(rects) != len(c.Lines) {
					t.Fatalf("LineRects gave %d rects for %d lines", len(rects), len(c.Lines))
				}
				for i, r := range rects {
					if r.Empty() {
						t.Errorf("line %d %q: empty rect", i, c.Lines[i].Text)
						continue
					}
					if !r.In(img.Bounds()) {
						t.Errorf("line %d %q: rect %v outside the card %v", i, c.Lines[i].Text, r, img.Bounds())
					}
					if n := darkPixels(img, r, 110); n < r.Dx()*r.Dy()/50 {
						t.Errorf("line %d %q: only %d ink pixels in %v", i, c.Lines[i].Text, n, r)
					}
					for j := range i {
						if rects[j].Overlaps(r) {
							t.Errorf("lines %d and %d overlap: %v, %v", j, i, rects[j], r)
						}
					}
				}
			})
		}
	}
}

func TestDrawDefaults(t *testing.T) {
	img := Draw(Card{Lines: []Line{{Text: "x"}}}, 1050)
	if got := color.NRGBAModel.Convert(img.At(2, 2)); got != DefaultBackground {
		t.Errorf("corner colour = %v, want the default background %v", got, DefaultBackground)
	}
	if img := Draw(Card{}, 0); !img.Bounds().Empty() {
		t.Errorf("width 0: bounds %v, want empty", img.Bounds())
	}
}

func TestBodyTextSize(t *testing.T) {
	// Body text at the default size should be about 30-40 px tall (the
	// height of "Hg") at width 1050, and a name at 16 pt well taller.
	c := Card{Lines: []Line{{Text: "Hg"}, {Text: "Hg", Size: 16, Bold: true}}}
	rs := LineRects(c, BaseWidth)
	if h := rs[0].Dy(); h < 30 || h > 42 {
		t.Errorf("body text %d px tall, want 30-42", h)
	}
	if rs[1].Dy() < rs[0].Dy()*3/2 {
		t.Errorf("name %d px tall, body %d px: want the name much larger", rs[1].Dy(), rs[0].Dy())
	}
}

func TestTwoColumn(t *testing.T) {
	tests := []struct {
		name string
		card Card
	}{
		{"sample 2", Samples()[1]},
		{"sample 5", Samples()[4]},
		{"default split", Card{Layout: TwoColumn, Lines: []Line{
			{Text: "Left One"}, {Text: "Left Two"}, {Text: "Right One"}, {Text: "Right Two"},
		}}},
		{"accent band", Card{Layout: TwoColumn, Split: 1, Accent: true, Lines: []Line{
			{Text: "Left", Size: 14}, {Text: "Right column"},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := Draw(tt.card, 1050)
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			left := darkPixels(img, image.Rect(0, 0, w/2, h), 110)
			right := darkPixels(img, image.Rect(w/2, 0, w, h), 110)
			if left < 200 || right < 200 {
				t.Errorf("ink pixels: left half %d, right half %d; want both well inked", left, right)
			}
			// The right column starts right of where the left one ends.
			n := tt.card.Split
			if n < 1 || n >= len(tt.card.Lines) {
				n = (len(tt.card.Lines) + 1) / 2
			}
			rs := LineRects(tt.card, 1050)
			leftEnd, rightStart := 0, w
			for i, r := range rs {
				if i < n {
					leftEnd = max(leftEnd, r.Max.X)
				} else {
					rightStart = min(rightStart, r.Min.X)
				}
			}
			if leftEnd >= rightStart {
				t.Errorf("left column ends at x=%d, right column starts at x=%d", leftEnd, rightStart)
			}
		})
	}
}

func TestAccent(t *testing.T) {
	c := Card{Accent: true, AccentColor: color.NRGBA{200, 40, 40, 255}, Lines: []Line{{Text: "Band Test"}}}
	img := Draw(c, 1050)
	if got := color.NRGBAModel.Convert(img.At(5, img.Bounds().Dy()-5)).(color.NRGBA); got.R != 200 || got.G != 40 {
		t.Errorf("band colour = %v, want the accent colour", got)
	}
	for _, r := range LineRects(c, 1050) {
		if r.Min.X < 1050*15/100 {
			t.Errorf("text at %v runs into the band", r)
		}
	}
}

func TestPhoto(t *testing.T) {
	card := Draw(Samples()[0], 1050)
	tests := []struct {
		name   string
		rotate float64
		frame  image.Point
		seed   int64
	}{
		{"landscape", 2, image.Pt(800, 600), 1},
		{"portrait", -3, image.Pt(600, 800), 2},
		{"square unrotated", 0, image.Pt(640, 640), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := Photo(card, tt.rotate, tt.frame, tt.seed)
			if got := img.Bounds().Size(); got != tt.frame {
				t.Fatalf("size = %v, want %v", got, tt.frame)
			}
			w, h := tt.frame.X, tt.frame.Y
			// The card lies near the middle; the corners are desk.
			mid := image.Rect(w*45/100, h*45/100, w*55/100, h*55/100)
			card := meanLuma(img, mid)
			for _, corner := range []image.Rectangle{
				image.Rect(0, 0, w/10, h/10),
				image.Rect(w*9/10, 0, w, h/10),
				image.Rect(0, h*9/10, w/10, h),
				image.Rect(w*9/10, h*9/10, w, h),
			} {
				if desk := meanLuma(img, corner); card < desk+40 {
					t.Errorf("card region mean %.0f, desk corner %v mean %.0f: want the card clearly brighter", card, corner, desk)
				}
			}
		})
	}
}

func TestPhotoDeterministic(t *testing.T) {
	card := Draw(Samples()[1], 600)
	frame := image.Pt(400, 300)
	a := Photo(card, 2, frame, 42)
	b := Photo(card, 2, frame, 42)
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("same seed gave different pictures")
	}
	if c := Photo(card, 2, frame, 43); bytes.Equal(a.Pix, c.Pix) {
		t.Error("different seeds gave the same picture")
	}
}

func TestSamples(t *testing.T) {
	cards, want := Samples(), SampleExpected()
	if len(cards) != 5 || len(want) != 5 {
		t.Fatalf("got %d cards and %d expectations, want 5 of each", len(cards), len(want))
	}
	layouts := map[Layout]bool{}
	var centred, accent, labels bool
	for i, c := range cards {
		t.Run(want[i].Name, func(t *testing.T) {
			text := c.Text()
			e := want[i]
			for _, s := range append([]string{e.Name, e.Title, e.Company, e.Email, e.Website, e.Fax}, e.Phones...) {
				if !strings.Contains(text, s) {
					t.Errorf("card does not print %q", s)
				}
			}
			for _, part := range strings.Split(e.Address, ", ") {
				if !strings.Contains(text, part) {
					t.Errorf("card does not print address part %q", part)
				}
			}
			if len(e.Phones) < 1 || len(e.Phones) > 3 {
				t.Errorf("%d phones, want 1-3", len(e.Phones))
			}
			for _, s := range []string{e.Name, e.Title, e.Company, e.Email, e.Website, e.Address} {
				if s == "" {
					t.Errorf("empty field in %+v", e)
				}
			}
			if !strings.Contains(e.Email, ".example") && !strings.HasSuffix(e.Email, ".test") {
				t.Errorf("email %q is not on a reserved domain", e.Email)
			}
		})
		layouts[c.Layout] = true
		accent = accent || c.Accent
		for _, l := range c.Lines {
			centred = centred || l.Align == Center
			labels = labels || strings.HasPrefix(l.Text, "M: ")
		}
	}
	if !layouts[Stacked] || !layouts[TwoColumn] || !centred || !accent || !labels {
		t.Errorf("samples lack variety: layouts %v, centred %v, accent %v, labels %v", layouts, centred, accent, labels)
	}
	// Callers may change what they get without changing the next call.
	cards[0].Lines[0].Text = "changed"
	if Samples()[0].Lines[0].Text == "changed" {
		t.Error("Samples shares its lines between calls")
	}
}

// TestPearl checks that pearl stock strews the paper with grains lighter
// and darker than it, sparkles among them, and leaves ink dark; and that
// the same seed gives the same picture.
func TestPearl(t *testing.T) {
	card := image.NewNRGBA(image.Rect(0, 0, 400, 200))
	fill(card, card.Bounds(), color.White)
	ink := image.Rect(0, 150, 400, 200)
	fill(card, ink, color.Black)
	got := Pearl(card, 1)
	paper := image.Rect(0, 0, 400, 140)
	mean := meanLuma(got, paper)
	var spread float64
	lighter, sparkles := 0, 0
	for y := paper.Min.Y; y < paper.Max.Y; y++ {
		for x := paper.Min.X; x < paper.Max.X; x++ {
			v := luma(got, x, y)
			spread += (v - mean) * (v - mean)
			if v > mean+10 {
				lighter++
			}
			if v > mean+40 {
				sparkles++
			}
		}
	}
	spread = math.Sqrt(spread / float64(paper.Dx()*paper.Dy()))
	if mean < 150 || mean > 210 {
		t.Errorf("paper's mean brightness %.0f, want it greyed a little from white", mean)
	}
	if spread < 8 {
		t.Errorf("paper's brightness spread %.1f, want grain", spread)
	}
	if lighter == 0 || sparkles == 0 {
		t.Errorf("%d points lighter than the paper, %d sparkles: want both", lighter, sparkles)
	}
	if m := meanLuma(got, ink); m > 20 {
		t.Errorf("ink's mean brightness %.0f, want it left dark", m)
	}
	if !bytes.Equal(got.Pix, Pearl(card, 1).Pix) {
		t.Error("same seed gave different pictures")
	}
	if bytes.Equal(got.Pix, Pearl(card, 2).Pix) {
		t.Error("different seeds gave the same picture")
	}
}
