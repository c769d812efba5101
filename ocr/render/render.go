// Package render draws business cards with known text, so that tests and the app's sample cards never need a real person's card.
//
// A Card is a plain list of Lines with a layout. Draw turns it into a flat,
// upright card image (1050x600 at width 1050, which is a 3.5x2 inch card at
// 300 dpi; 600x1050 at width 600 for a card printed down its height in
// Japanese, Layout Vertical); Photo puts such an image on a desk, small and slightly turned, the
// way a phone would see it. Samples and SampleExpected give five fictional
// cards and what each one says.
package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// BaseWidth and BaseHeight are the card's size in pixels at Scale 1:
// a 3.5x2 inch card at 300 dpi.
const (
	BaseWidth  = 1050
	BaseHeight = 600
)

// DefaultSize is the font size, in points, of a Line whose Size is zero.
const DefaultSize = 9

// Align is where a line sits across its column.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// Layout is how a card's lines are arranged.
type Layout int

// Layouts.
const (
	// Stacked prints all lines in one column, top to bottom.
	Stacked Layout = iota
	// TwoColumn prints the first Split lines in a left column and the
	// rest in a right column.
	TwoColumn
	// Vertical prints Japanese down a portrait card (縦書き), as
	// Japanese vertical cards are: each line holding kanji or kana is a
	// column, its characters top to bottom, and the columns go from the
	// right edge to the left in the order of Lines. A column's
	// SpaceBefore is space at its right, and the card's spare width is
	// shared among those spaces; its Align places it down the card
	// (Left at the top, Right at the bottom). The lines without kanji or
	// kana (numbers, emails) are printed across, one under the other, at
	// the bottom left. Draw(c, width) of a Vertical card is width wide
	// and VerticalHeight(width) high.
	Vertical
)

// Line is one printed line of text.
type Line struct {
	Text string
	// Size is the font size in points at 300 dpi, so at Scale 1 (card
	// width 1050 px) one point is 300/72 px. Zero means DefaultSize.
	// A line too wide for its column is drawn smaller.
	Size  float64
	Bold  bool
	Mono  bool  // Go Mono instead of Go Regular
	Align Align // Left, Center, Right within the line's column
	// SpaceBefore is extra space above the line, in points, to group lines.
	SpaceBefore float64
}

// Card is what to draw: lines of text and a little styling.
type Card struct {
	Lines  []Line // printed top to bottom
	Layout Layout // Stacked or TwoColumn
	// Split is, for TwoColumn, the number of lines in the left column.
	// Outside 1..len(Lines)-1 it means half the lines, rounded up.
	Split      int
	Background color.Color // card colour, default white
	Ink        color.Color // text colour, default near-black
	// Accent draws a coloured band down the left edge with a logo block
	// in it (no text); the text moves right to clear it.
	Accent      bool
	AccentColor color.Color // band colour, default a deep teal
	// QR, when not 0, draws a QR code's pattern (finder squares and
	// modules drawn from this seed) in the bottom right corner.
	QR int64
}

// Default colours.
var (
	DefaultBackground  color.Color = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	DefaultInk         color.Color = color.NRGBA{0x1c, 0x1c, 0x22, 0xff}
	DefaultAccentColor color.Color = color.NRGBA{0x0f, 0x5e, 0x6e, 0xff}
)

// Height is the height of a card drawn width pixels wide.
func Height(width int) int { return width * BaseHeight / BaseWidth }

// VerticalHeight is the height of a Vertical card drawn width pixels
// wide: it stands on its short side, so that at width BaseHeight it is
// a 2x3.5 inch card at 300 dpi.
func VerticalHeight(width int) int { return width * BaseWidth / BaseHeight }

var fonts = sync.OnceValue(func() [4]*opentype.Font {
	var fs [4]*opentype.Font
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF, gomono.TTF, gomonobold.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			panic("render: parsing embedded Go font: " + err.Error())
		}
		fs[i] = f
	}
	return fs
})

// JapaneseFonts are where the font that draws Japanese and Chinese
// lines is looked for: IPAGothic, Debian's fonts-ipafont-gothic, which
// setup.sh installs. The Go fonts have no CJK letters.
var JapaneseFonts = []string{
	"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
}

// japaneseFont is the first of JapaneseFonts that parses. A card with
// Japanese lines cannot be drawn without it: drawing them in boxes would
// measure nothing, so it panics saying what to install.
var japaneseFont = sync.OnceValue(func() *opentype.Font {
	for _, path := range JapaneseFonts {
		ttf, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if f, err := opentype.Parse(ttf); err == nil {
			return f
		}
	}
	panic(fmt.Sprintf("render: no Japanese font in %s: install fonts-ipafont-gothic (setup.sh does)", strings.Join(JapaneseFonts, ", ")))
})

// MarkedFonts are where the fonts that draw lines the Go fonts have no
// letters for are looked for, regular and bold: DejaVu Sans, Debian's
// fonts-dejavu-core, which setup.sh installs. The Go fonts have no
// Vietnamese letters with two marks (ạ, ế, ữ).
var MarkedFonts = [2]string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}

// markedFonts are MarkedFonts parsed. A card with such a line cannot be
// drawn without them, so it panics saying what to install.
var markedFonts = sync.OnceValue(func() [2]*opentype.Font {
	var fs [2]*opentype.Font
	for i, path := range MarkedFonts {
		ttf, err := os.ReadFile(path)
		if err == nil {
			fs[i], err = opentype.Parse(ttf)
		}
		if err != nil {
			panic(fmt.Sprintf("render: no font for letters with marks at %s: install fonts-dejavu-core (setup.sh does)", path))
		}
	}
	return fs
})

// drawsAll says whether font f has a letter for every rune of s.
func drawsAll(f *opentype.Font, s string) bool {
	var b sfnt.Buffer
	for _, r := range s {
		if i, err := f.GlyphIndex(&b, r); err != nil || i == 0 && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// cjk says whether s holds a Han, kana or Hangul letter, which only
// japaneseFont draws.
func cjk(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == '〒' || r == 'ー' {
			return true
		}
	}
	return false
}

// wide says whether s holds a CJK punctuation mark or a full-width form
// ("：", "（"), which Japanese cards print beside Latin letters.
func wide(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef })
}

// fontFor picks the Go font for a line's style.
func fontFor(l Line) *opentype.Font {
	i := 0
	if l.Bold {
		i++
	}
	if l.Mono {
		i += 2
	}
	return fonts()[i]
}

// faces makes font faces for one drawing and closes them after.
type faces struct {
	dpi float64
	m   map[faceKey]font.Face
}

type faceKey struct {
	f    *opentype.Font
	size float64
}

func newFaces(scale float64) *faces {
	return &faces{dpi: 300 * scale, m: map[faceKey]font.Face{}}
}

func (fc *faces) get(l Line, size float64) font.Face {
	face := fc.face(fontFor(l), size)
	switch {
	case cjk(l.Text) || wide(l.Text):
		// Kanji and kana in the Japanese font, the rest of the line
		// in the Go font, as Japanese cards print numbers and emails;
		// so are the wide colons of "TEL：", which the Go fonts lack.
		return fallback{face, fc.face(japaneseFont(), size)}
	case !drawsAll(fontFor(l), l.Text):
		// The whole line in one font that has all its letters, as a
		// card printed in Vietnamese is.
		i := 0
		if l.Bold {
			i = 1
		}
		return fc.face(markedFonts()[i], size)
	}
	return face
}

func (fc *faces) face(f *opentype.Font, size float64) font.Face {
	k := faceKey{f, size}
	if f, ok := fc.m[k]; ok {
		return f
	}
	face, err := opentype.NewFace(k.f, &opentype.FaceOptions{Size: size, DPI: fc.dpi, Hinting: font.HintingNone})
	if err != nil {
		panic("render: making font face: " + err.Error())
	}
	fc.m[k] = face
	return face
}

// fallback draws each letter in its first face, or in its second where
// the first has none.
type fallback struct{ first, second font.Face }

func (f fallback) pick(r rune) font.Face {
	if _, ok := f.first.GlyphAdvance(r); ok {
		return f.first
	}
	return f.second
}

func (f fallback) Close() error { return nil } // faces.close closes both

func (f fallback) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return f.pick(r).Glyph(dot, r)
}

func (f fallback) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	return f.pick(r).GlyphBounds(r)
}

func (f fallback) GlyphAdvance(r rune) (fixed.Int26_6, bool) { return f.pick(r).GlyphAdvance(r) }

func (f fallback) Kern(r0, r1 rune) fixed.Int26_6 {
	if f.pick(r0) != f.pick(r1) {
		return 0
	}
	return f.pick(r0).Kern(r0, r1)
}

func (f fallback) Metrics() font.Metrics { return f.second.Metrics() }

func (fc *faces) close() {
	for _, f := range fc.m {
		f.Close()
	}
}

// placed is a line with where it goes.
type placed struct {
	line     Line
	size     float64 // points, after any shrinking
	dot      fixed.Point26_6
	box      image.Rectangle
	hasGlyph bool
	// cells are, for a line printed down a column, its characters and
	// where each goes.
	cells []cell
}

// geometry is the card's frame at a given width.
type geometry struct {
	w, h        int
	scale       float64
	left, right int // text area across
	top, bottom int // text area down
	band        int // width of the accent band, 0 if none
}

func cardGeometry(c Card, width int) geometry {
	if c.Layout == Vertical {
		g := geometry{w: width, h: VerticalHeight(width), scale: float64(width) / BaseHeight}
		mx := int(math.Round(0.085 * float64(g.w)))
		my := int(math.Round(0.07 * float64(g.h)))
		g.left, g.right, g.top, g.bottom = mx, g.w-mx, my, g.h-my
		return g
	}
	g := geometry{w: width, h: Height(width), scale: float64(width) / BaseWidth}
	mx := int(math.Round(0.07 * float64(g.w)))
	my := int(math.Round(0.085 * float64(g.h)))
	g.left, g.right = mx, g.w-mx
	g.top, g.bottom = my, g.h-my
	if c.Accent {
		g.band = int(math.Round(0.15 * float64(g.w)))
		g.left = g.band + int(math.Round(0.055*float64(g.w)))
	}
	return g
}

// px is a size in points as pixels at this geometry's scale.
func (g geometry) px(points float64) float64 { return points * 300 / 72 * g.scale }

func sizeOf(l Line) float64 {
	if l.Size > 0 {
		return l.Size
	}
	return DefaultSize
}

// lineAdvance is how far down one line moves the pen, as a multiple of
// the font size.
const lineAdvance = 1.3

// layout places every line of c on a card width pixels wide.
func layout(c Card, width int, fc *faces) ([]placed, geometry) {
	g := cardGeometry(c, width)
	ps := make([]placed, len(c.Lines))
	for i, l := range c.Lines {
		ps[i] = placed{line: l, size: sizeOf(l)}
	}
	measure := func(p placed) int {
		return font.MeasureString(fc.get(p.line, p.size), p.line.Text).Ceil()
	}
	if c.Layout == Vertical {
		layoutVertical(ps, g, fc, measure)
		return ps, g
	}
	type column struct{ from, to, x0, x1 int }
	var cols []column
	if c.Layout == TwoColumn && len(ps) > 1 {
		n := c.Split
		if n < 1 || n >= len(ps) {
			n = (len(ps) + 1) / 2
		}
		widest := func(from, to int) int {
			w := 0
			for _, p := range ps[from:to] {
				w = max(w, measure(p))
			}
			return w
		}
		lw, rw := widest(0, n), widest(n, len(ps))
		gap := int(0.06 * float64(g.w))
		avail := g.right - g.left
		if lw+gap+rw > avail && lw+rw > 0 {
			f := float64(avail-gap) / float64(lw+rw)
			for i := range ps {
				ps[i].size *= f
			}
			lw, rw = widest(0, n), widest(n, len(ps))
		}
		cols = []column{{0, n, g.left, g.left + lw}, {n, len(ps), g.right - rw, g.right}}
	} else {
		cols = []column{{0, len(ps), g.left, g.right}}
	}

	for _, col := range cols {
		cw := col.x1 - col.x0
		// Narrow any line too wide for the column.
		for i := col.from; i < col.to; i++ {
			if w := measure(ps[i]); w > cw && w > 0 {
				ps[i].size *= float64(cw) / float64(w) * 0.995
			}
		}
		// Shrink the whole column if it is too tall.
		total := func() float64 {
			t := 0.0
			for i := col.from; i < col.to; i++ {
				if i > col.from {
					t += g.px(ps[i].line.SpaceBefore)
				}
				t += lineAdvance * g.px(ps[i].size)
			}
			return t
		}
		availH := float64(g.bottom - g.top)
		if t := total(); t > availH {
			f := availH / t
			for i := col.from; i < col.to; i++ {
				ps[i].size *= f
				ps[i].line.SpaceBefore *= f
			}
		}
		y := float64(g.top) + (availH-total())/2
		for i := col.from; i < col.to; i++ {
			p := &ps[i]
			if i > col.from {
				y += g.px(p.line.SpaceBefore)
			}
			y += placeAcross(p, fc, g, y, col.x0, col.x1, measure)
		}
	}
	return ps, g
}

// placeAcross places p across the card in the slot of its line that
// starts at y, between x0 and x1, aligned as its line says: where it is
// drawn from, and its box. It returns the slot's height.
func placeAcross(p *placed, fc *faces, g geometry, y float64, x0, x1 int, measure func(placed) int) float64 {
	face := fc.get(p.line, p.size)
	em := g.px(p.size)
	// Centre the glyphs' ascent+descent in the line's slot.
	m := face.Metrics()
	asc, desc := float64(m.Ascent)/64, float64(m.Descent)/64
	base := y + (lineAdvance*em-(asc+desc))/2 + asc
	w := measure(*p)
	x := x0
	switch p.line.Align {
	case Center:
		x = x0 + (x1-x0-w)/2
	case Right:
		x = x1 - w
	}
	p.dot = fixed.Point26_6{X: fixed.I(x), Y: fixed.Int26_6(math.Round(base * 64))}
	b, _ := font.BoundString(face, p.line.Text)
	p.box = image.Rect((p.dot.X + b.Min.X).Floor(), (p.dot.Y + b.Min.Y).Floor(),
		(p.dot.X + b.Max.X).Ceil(), (p.dot.Y + b.Max.Y).Ceil())
	p.hasGlyph = !p.box.Empty()
	return lineAdvance * em
}

// LineRects returns where each line of c's ink lies on Draw(c, width), in
// the order of c.Lines; a line with no visible glyphs has an empty
// rectangle.
func LineRects(c Card, width int) []image.Rectangle {
	fc := newFaces(cardGeometry(c, width).scale)
	defer fc.close()
	ps, _ := layout(c, width, fc)
	return boxes(ps)
}

// boxes are where the lines ps are inked, an empty rectangle for a line
// with no visible glyphs.
func boxes(ps []placed) []image.Rectangle {
	rs := make([]image.Rectangle, len(ps))
	for i, p := range ps {
		if p.hasGlyph {
			rs[i] = p.box
		}
	}
	return rs
}

// Draw renders c as an upright card image width pixels wide and
// Height(width) high, or VerticalHeight(width) for a Vertical card. Text is antialiased and fonts scale with width.
func Draw(c Card, width int) *image.NRGBA {
	if width <= 0 {
		return image.NewNRGBA(image.Rect(0, 0, 0, 0))
	}
	// The faces at the card's own scale: a Vertical card stands on its
	// short side, and drawn at the scale of a card lying on its long one
	// its letters were 4/7 of the cells they were placed in.
	fc := newFaces(cardGeometry(c, width).scale)
	defer fc.close()
	ps, g := layout(c, width, fc)
	img := image.NewNRGBA(image.Rect(0, 0, g.w, g.h))
	fill(img, img.Bounds(), orDefault(c.Background, DefaultBackground))
	if c.Accent {
		drawAccent(img, g, orDefault(c.AccentColor, DefaultAccentColor))
	}
	if c.QR != 0 {
		drawQR(img, qrRect(img.Bounds(), boxes(ps)), c.QR, orDefault(c.Ink, DefaultInk))
	}
	ink := image.NewUniform(orDefault(c.Ink, DefaultInk))
	for _, p := range ps {
		face := fc.get(p.line, p.size)
		if p.cells != nil {
			drawColumn(img, ink, face, p.cells)
			continue
		}
		d := font.Drawer{Dst: img, Src: ink, Face: face, Dot: p.dot}
		d.DrawString(p.line.Text)
	}
	return img
}

func orDefault(c, def color.Color) color.Color {
	if c == nil {
		return def
	}
	return c
}

func fill(img *image.NRGBA, r image.Rectangle, c color.Color) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			row[i], row[i+1], row[i+2], row[i+3] = n.R, n.G, n.B, n.A
		}
	}
}

// blend paints c over the pixel at (x, y) with coverage a in [0, 1].
func blend(img *image.NRGBA, x, y int, c color.NRGBA, a float64) {
	if a <= 0 || !(image.Point{x, y}.In(img.Bounds())) {
		return
	}
	a = min(a, 1)
	i := img.PixOffset(x, y)
	p := img.Pix[i : i+3 : i+3]
	p[0] = uint8(float64(p[0])*(1-a) + float64(c.R)*a + 0.5)
	p[1] = uint8(float64(p[1])*(1-a) + float64(c.G)*a + 0.5)
	p[2] = uint8(float64(p[2])*(1-a) + float64(c.B)*a + 0.5)
}

// drawAccent draws the band down the left edge and a logo block in it: a
// light rounded square holding a setting sun in the band's colour.
func drawAccent(img *image.NRGBA, g geometry, c color.Color) {
	band := color.NRGBAModel.Convert(c).(color.NRGBA)
	fill(img, image.Rect(0, 0, g.band, g.h), band)
	// A thin lighter stripe at the band's edge.
	light := mix(band, color.NRGBA{0xff, 0xff, 0xff, 0xff}, 0.45)
	stripe := max(2, int(0.006*float64(g.w)))
	fill(img, image.Rect(g.band, 0, g.band+stripe, g.h), light)

	// Logo block.
	side := 0.62 * float64(g.band)
	x0 := (float64(g.band) - side) / 2
	y0 := float64(g.top)
	radius := side * 0.16
	paper := mix(band, color.NRGBA{0xff, 0xff, 0xff, 0xff}, 0.9)
	cx, cy := x0+side/2, y0+side/2
	sunR := side * 0.34
	sunY := cy + side*0.12
	gap := side * 0.05
	horizon := [2]float64{sunY + side*0.07, sunY + side*0.13} // top, bottom
	for y := int(y0) - 1; y <= int(y0+side)+1; y++ {
		for x := int(x0) - 1; x <= int(x0+side)+1; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			// Rounded square.
			dx := math.Max(math.Abs(px-cx)-(side/2-radius), 0)
			dy := math.Max(math.Abs(py-cy)-(side/2-radius), 0)
			blend(img, x, y, paper, radius+0.5-math.Hypot(dx, dy))
			// Sun: the top half of a disc, cut by two paper-coloured gaps.
			a := math.Min(sunR+0.5-math.Hypot(px-cx, py-sunY), sunY+0.5-py)
			for _, gy := range []float64{sunY - sunR*0.25, sunY - sunR*0.55} {
				a = math.Min(a, math.Abs(py-gy)-gap/2+0.5)
			}
			blend(img, x, y, band, a)
			// Horizon bar under it.
			h := math.Min(math.Min(py-horizon[0], horizon[1]-py), sunR*1.25-math.Abs(px-cx))
			blend(img, x, y, band, h+0.5)
		}
	}
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xff}
}

// drawQR draws a QR code's pattern, qrModules a side, in r: three finder
// squares and modules on or off by seed. It encodes nothing; it is there
// for the reader to ignore.
func drawQR(img *image.NRGBA, r image.Rectangle, seed int64, ink color.Color) {
	const n = qrModules
	if r.Empty() {
		return
	}
	mod, x0, y0 := r.Dx()/n, r.Min.X, r.Min.Y
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e37))
	for y := range n {
		for x := range n {
			on := rng.IntN(2) == 0
			// Finder squares at three corners: rings on, off, on round a
			// solid centre, with an empty row between them and the rest.
			for _, f := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
				dx, dy := x-f[0], y-f[1]
				if dx >= -1 && dy >= -1 && dx <= 7 && dy <= 7 {
					d := max(abs(dx-3), abs(dy-3))
					on = d != 2 && d != 4
				}
			}
			if on {
				fill(img, image.Rect(x0+x*mod, y0+y*mod, x0+(x+1)*mod, y0+(y+1)*mod), ink)
			}
		}
	}
}

// qrModules is the number of modules on a side of the QR code drawQR
// draws.
const qrModules = 25

// qrRect is where a QR code goes on a card of bounds b whose lines are
// inked in lines: in the bottom right corner, 22 hundredths of the card's
// short side wide, or narrower to clear the lines beside it, as a card's
// designer would make it; empty when that leaves it less than half as
// wide. Sized by the height of a card standing on its short side, it had
// covered the end of the email beside it.
func qrRect(b image.Rectangle, lines []image.Rectangle) image.Rectangle {
	short := min(b.Dx(), b.Dy())
	margin := short / 20
	side := short * 22 / 100
	for {
		side = side / qrModules * qrModules
		if side < short*11/100 {
			return image.Rectangle{}
		}
		r := image.Rect(b.Max.X-margin-side, b.Max.Y-margin-side, b.Max.X-margin, b.Max.Y-margin)
		room := side // the widest code that clears the lines beside r
		for _, l := range lines {
			if l.Overlaps(r.Inset(-margin / 2)) {
				room = min(room, r.Max.X-l.Max.X-margin/2)
			}
		}
		if room == side {
			return r
		}
		side = min(side-qrModules, room)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
