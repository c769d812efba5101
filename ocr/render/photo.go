package render

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"

	"github.com/disintegration/imaging"
)

// Photo returns a frame.X by frame.Y picture of card lying on a textured
// grey-blue desk, the way a phone photo of it would look: the card takes
// about 45% of the frame's width, is turned rotateDeg degrees
// counter-clockwise, casts a soft shadow, and the whole picture has uneven
// light and mild sensor noise. The same arguments always give the same
// picture; seed varies the desk, the noise and where the card lies.
func Photo(card image.Image, rotateDeg float64, frame image.Point, seed int64) *image.NRGBA {
	if frame.X <= 0 || frame.Y <= 0 {
		return image.NewNRGBA(image.Rectangle{})
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed_ca2d_0f_f1ce))
	out := desk(frame, rng)

	cb := card.Bounds()
	if cb.Dx() > 0 && cb.Dy() > 0 {
		fw, fh := float64(frame.X), float64(frame.Y)
		cw := (0.42 + 0.06*rng.Float64()) * fw
		ch := cw * float64(cb.Dy()) / float64(cb.Dx())
		if ch > 0.7*fh {
			ch = 0.7 * fh
			cw = ch * float64(cb.Dx()) / float64(cb.Dy())
		}
		small := imaging.Resize(card, max(1, int(math.Round(cw))), max(1, int(math.Round(ch))), imaging.Lanczos)
		turned := small
		if rotateDeg != 0 {
			turned = imaging.Rotate(small, rotateDeg, color.Transparent)
		}
		tb := turned.Bounds()
		// Near the middle, a little off.
		at := image.Pt(
			(frame.X-tb.Dx())/2+int((rng.Float64()-0.5)*0.08*fw),
			(frame.Y-tb.Dy())/2+int((rng.Float64()-0.5)*0.08*fh),
		)

		// Soft shadow: the card's outline, offset down-right and blurred.
		off := image.Pt(int(math.Round(0.008*fw))+1, int(math.Round(0.012*fw))+1)
		sigma := 0.01*fw + 1
		// Only the part of the frame the blur can reach is blurred: the
		// card's outline and twice the blur's radius (imaging's, 3σ)
		// around it. Further out the shadow is clear, and a point nearer
		// to it sees the same points in the part as in the whole frame,
		// so the picture is the same, made many times faster.
		reach := 2*int(math.Ceil(sigma*3)) + 1
		part := image.Rectangle{Max: tb.Size()}.Add(at.Add(off)).Inset(-reach).Intersect(image.Rectangle{Max: frame})
		shadow := image.NewNRGBA(image.Rectangle{Max: part.Size()})
		for y := 0; y < tb.Dy(); y++ {
			for x := 0; x < tb.Dx(); x++ {
				a := turned.Pix[turned.PixOffset(x, y)+3]
				p := image.Pt(x, y).Add(at).Add(off)
				if a == 0 || !p.In(part) {
					continue
				}
				p = p.Sub(part.Min)
				shadow.Pix[shadow.PixOffset(p.X, p.Y)+3] = uint8(float64(a) * 0.55)
			}
		}
		soft := imaging.Blur(shadow, sigma)
		out = imaging.Overlay(out, soft, part.Min, 1)
		out = imaging.Overlay(out, turned, at, 1)
	}

	light(out, rng)
	return out
}

// desk paints a grey-blue surface with soft blotches, faint fibres running
// across, and fine grain.
func desk(frame image.Point, rng *rand.Rand) *image.NRGBA {
	base := [3]float64{
		98 + 12*rng.Float64(),
		112 + 12*rng.Float64(),
		130 + 14*rng.Float64(),
	}
	long := max(frame.X, frame.Y)
	blotches := noiseField(frame, long/6, long/6, rng)
	mottle := noiseField(frame, long/40, long/40, rng)
	fibres := noiseField(frame, long/8, 3, rng)
	img := image.NewNRGBA(image.Rectangle{Max: frame})
	for y := 0; y < frame.Y; y++ {
		for x := 0; x < frame.X; x++ {
			i := y*frame.X + x
			v := 9*blotches[i] + 4*mottle[i] + 3*fibres[i] + 6*(rng.Float64()-0.5)
			o := img.PixOffset(x, y)
			for c := range 3 {
				img.Pix[o+c] = clamp8(base[c] + v)
			}
			img.Pix[o+3] = 0xff
		}
	}
	return img
}

// lightTable is a light grey table top, nearly as light as a white card,
// with a little texture and noise.
func lightTable(frame image.Point, rng *rand.Rand) *image.NRGBA {
	base := 206 + 22*rng.Float64()
	long := max(frame.X, frame.Y)
	mottle := noiseField(frame, long/30, long/30, rng)
	img := image.NewNRGBA(image.Rectangle{Max: frame})
	for y := 0; y < frame.Y; y++ {
		for x := 0; x < frame.X; x++ {
			v := base + 5*mottle[y*frame.X+x] + 4*(rng.Float64()-0.5)
			o := img.PixOffset(x, y)
			img.Pix[o], img.Pix[o+1], img.Pix[o+2], img.Pix[o+3] = clamp8(v), clamp8(v+1), clamp8(v+3), 0xff
		}
	}
	return img
}

// noiseField is smooth noise, roughly in [-1, 1], over frame, with
// features about cellX by cellY pixels.
func noiseField(frame image.Point, cellX, cellY int, rng *rand.Rand) []float64 {
	cellX, cellY = max(cellX, 1), max(cellY, 1)
	gw, gh := frame.X/cellX+2, frame.Y/cellY+2
	grid := image.NewGray(image.Rect(0, 0, gw, gh))
	for i := range grid.Pix {
		grid.Pix[i] = uint8(rng.IntN(256))
	}
	// Blurring at eight pixels a cell hides the grid that interpolation
	// leaves behind, and is cheap.
	mid := imaging.Resize(grid, min(gw*8, frame.X), min(gh*8, frame.Y), imaging.Linear)
	mid = imaging.Blur(mid, 4)
	smooth := imaging.Resize(mid, frame.X, frame.Y, imaging.Linear)
	f := make([]float64, frame.X*frame.Y)
	for y := 0; y < frame.Y; y++ {
		for x := 0; x < frame.X; x++ {
			f[y*frame.X+x] = (float64(smooth.Pix[smooth.PixOffset(x, y)])/127.5 - 1) * 1.6
		}
	}
	return f
}

// light makes the picture brighter towards one side, as under a lamp or
// window, and adds mild sensor noise.
func light(img *image.NRGBA, rng *rand.Rand) {
	b := img.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	lx, ly := w*rng.Float64(), h*rng.Float64()*0.5
	diag := math.Hypot(w, h)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			d := math.Hypot(float64(x)-lx, float64(y)-ly) / diag
			gain := 1.04 - 0.14*d
			n := rng.NormFloat64() * 3
			i := img.PixOffset(x, y)
			for c := range 3 {
				img.Pix[i+c] = clamp8(float64(img.Pix[i+c])*gain + n + rng.NormFloat64())
			}
		}
	}
}

func clamp8(v float64) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}

// Pearl returns card printed on pearl or glitter stock, as a phone sees
// it: its paper, a little greyer, strewn with fine grains a few pixels
// across, lighter and darker than it, and sparkles where they catch the
// light. Ink is left nearly as it is: the darker a point, the less grain
// it takes. The same card and seed always give the same picture.
func Pearl(card image.Image, seed int64) *image.NRGBA {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9ea7_1e55))
	out := imaging.Clone(card)
	b := out.Bounds()
	// Grains about five pixels across: noise on a grid a fifth the
	// size, scaled up. Most are a little lighter or darker than the
	// paper; one in twelve sparkles, far lighter, as on a phone's photo
	// of pearl stock.
	grid := image.NewGray(image.Rect(0, 0, b.Dx()/5+1, b.Dy()/5+1))
	for i := range grid.Pix {
		v := 128 + 20*rng.NormFloat64()
		if rng.IntN(12) == 0 { // a sparkle
			v = 128 + 80 + 40*rng.Float64()
		}
		grid.Pix[i] = clamp8(v)
	}
	grain := imaging.Resize(grid, b.Dx(), b.Dy(), imaging.Linear)
	for y := range b.Dy() {
		for x := range b.Dx() {
			i := out.PixOffset(b.Min.X+x, b.Min.Y+y)
			p := out.Pix[i : i+3 : i+3]
			paper := float64(max(p[0], p[1], p[2])) / 255 // 1 on white paper
			g := (float64(grain.Pix[grain.PixOffset(x, y)]) - 128) * 0.6 * paper * paper
			for c := range p {
				p[c] = clamp8(float64(p[c])*0.7 + g + 2*rng.NormFloat64())
			}
		}
	}
	return out
}

// OnTable returns a frame.X by frame.Y photo of card lying square on a
// plain table of the grey level grey, with its top-left corner at at and
// a little noise: a card as light as its table (pearl stock greyed by
// the light) does not stand out from it. The same arguments always give
// the same picture.
func OnTable(card image.Image, frame, at image.Point, grey uint8, seed int64) *image.NRGBA {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7ab1e))
	table := image.NewNRGBA(image.Rectangle{Max: frame})
	for i := 0; i < len(table.Pix); i += 4 {
		v := float64(grey) + float64(rng.IntN(8)) - 3.5
		table.Pix[i], table.Pix[i+1], table.Pix[i+2], table.Pix[i+3] = clamp8(v), clamp8(v), clamp8(v+2), 0xff
	}
	return imaging.Paste(table, card, at)
}
