package render

import (
	"image"
	"testing"
)

// TestVertical draws a card printed down its height: portrait, each
// Japanese line a tall narrow column, the columns from right to left,
// the lines in Latin letters across at the bottom left, and the
// long-vowel mark a bar down its column.
func TestVertical(t *testing.T) {
	c := Card{Layout: Vertical, Lines: []Line{
		{Text: "株式会社ミナト建設", Size: 11},
		{Text: "マネージャー", Size: 9, SpaceBefore: 2},
		{Text: "佐藤　健一", Size: 20, SpaceBefore: 4, Align: Center},
		{Text: "東京都港区芝公園一丁目二番三号", Size: 8, SpaceBefore: 4},
		{Text: "TEL 03-5555-0123", Size: 8},
		{Text: "sato@minato.co.jp", Size: 8},
	}}
	for _, width := range []int{600, 700} {
		img := Draw(c, width)
		if got, want := img.Bounds(), image.Rect(0, 0, width, VerticalHeight(width)); got != want || want.Dy() <= want.Dx() {
			t.Fatalf("width %d: bounds = %v, want %v, taller than wide", width, got, want)
		}
		rs := LineRects(c, width)
		for i, r := range rs {
			if r.Empty() || !r.In(img.Bounds()) {
				t.Fatalf("width %d: line %d %q at %v, on a card %v", width, i, c.Lines[i].Text, r, img.Bounds())
			}
			if n := darkPixels(img, r, 110); n < r.Dx()*r.Dy()/50 {
				t.Errorf("width %d: line %d %q: only %d ink pixels in %v", width, i, c.Lines[i].Text, n, r)
			}
		}
		for i, r := range rs[:4] {
			if r.Dy() < 3*r.Dx() {
				t.Errorf("width %d: column %d %q is %v, not tall and narrow", width, i, c.Lines[i].Text, r)
			}
			if i > 0 && r.Max.X > rs[i-1].Min.X {
				t.Errorf("width %d: column %d %q at %v is not left of the one before, at %v", width, i, c.Lines[i].Text, r, rs[i-1])
			}
		}
		for i := 4; i < len(rs); i++ {
			if rs[i].Dx() < 3*rs[i].Dy() || rs[i].Min.Y < rs[3].Max.Y || rs[i].Min.X > img.Bounds().Dx()/4 {
				t.Errorf("width %d: line %d %q at %v, not across at the bottom left", width, i, c.Lines[i].Text, rs[i])
			}
		}
		// The long-vowel marks of マネージャー, the 3rd and 6th of its
		// cells: bars down the column, not across it.
		fc := newFaces(float64(width) / BaseHeight)
		ps, _ := layout(c, width, fc)
		for _, k := range []int{2, 5} {
			cl := ps[1].cells[k]
			if cl.r != 'ー' {
				t.Fatalf("cell %d of %q is %q", k, c.Lines[1].Text, cl.r)
			}
			ink := inkBox(img, cl.box)
			if ink.Dy() < 3*ink.Dx() {
				t.Errorf("width %d: ー inked over %v, not a bar down its column", width, ink)
			}
		}
		fc.close()
	}
}

// inkBox is the smallest rectangle holding the dark pixels of img in r.
func inkBox(img *image.NRGBA, r image.Rectangle) image.Rectangle {
	var b image.Rectangle
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if luma(img, x, y) < 110 {
				b = b.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return b
}

// TestQRClearOfText draws cards with a QR code in the corner, lying on
// their long side and standing on their short one, with the longest
// lines the invented cards print: no line may run under the code. On a
// card standing up, a code sized by the card's height covered the end
// of the email.
func TestQRClearOfText(t *testing.T) {
	tests := []struct {
		name string
		room bool // whether the lines leave room for a code
		card Card
	}{
		{"stacked", true, Card{QR: 7, Lines: []Line{
			{Text: "Quaywell Maritime Logistics Ltd.", Size: 12, Bold: true},
			{Text: "Alexandra Montgomery-Whitfield", Size: 11},
			{Text: "Senior Business Development Manager", Size: 8},
			{Text: "+44 20 7946 0958 · +44 7700 900123", Size: 8},
			{Text: "alexandra.montgomery@quaywell.co.uk", Size: 8},
			{Text: "12 Harbour Road, Southampton SO14 2AQ", Size: 8},
		}}},
		{"vertical", true, Card{QR: 7, Layout: Vertical, Lines: []Line{
			{Text: "アオバ物流株式会社", Size: 11},
			{Text: "代表取締役", Size: 9, SpaceBefore: 2},
			{Text: "小林　修", Size: 20, SpaceBefore: 4, Align: Center},
			{Text: "大阪府大阪市北区梅田 3-13-1 アオバセンタービル 11F", Size: 8, SpaceBefore: 4},
			{Text: "KOBAYASHI Osamu", Size: 8},
			{Text: "osamu@aoba.co.jp", Size: 8},
		}}},
		{"vertical, a long email", false, Card{QR: 7, Layout: Vertical, Lines: []Line{
			{Text: "アオバ物流株式会社", Size: 11},
			{Text: "小林　修", Size: 20, SpaceBefore: 4, Align: Center},
			{Text: "osamu.kobayashi@aoba-logistics.co.jp", Size: 8},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, width := range []int{600, 1000} {
				img := Draw(tt.card, width)
				qr := qrRect(img.Bounds(), LineRects(tt.card, width))
				switch {
				case !tt.room && !qr.Empty():
					t.Errorf("width %d: a code drawn at %v, beside lines that leave no room", width, qr)
				case tt.room && (qr.Dx() < img.Bounds().Dx()/10 || !qr.In(img.Bounds()) || darkPixels(img, qr, 110) == 0):
					t.Fatalf("width %d: no code drawn in %v", width, qr)
				}
				for i, r := range LineRects(tt.card, width) {
					if r.Overlaps(qr) {
						t.Errorf("width %d: line %d %q at %v runs under the code at %v", width, i, tt.card.Lines[i].Text, r, qr)
					}
				}
			}
		})
	}
}
