package ocr

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders registered for image.Decode
	_ "image/jpeg"
	_ "image/png"
	"io"
	"os"
	"sync"

	"github.com/disintegration/imaging"
	"github.com/rwcarlsen/goexif/exif"
	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"
)

// Limits on what LoadImage accepts, so that a hostile or mistaken file
// cannot exhaust memory.
const (
	MaxFileBytes = 64 << 20  // 64 MiB on disk
	MaxPixels    = 100 << 20 // about 100 megapixels decoded
	// MaxDecodedBytes bounds the memory an image's points may take
	// decoded, as decodedSize reckons it from the file's header: a JPEG
	// photo of 64 megapixels fits, a PNG of 48 in 8-bit colour, or of 24
	// in 16-bit.
	MaxDecodedBytes = 192 << 20
)

// ErrNotImage is returned for a file that is not an image in a supported
// format (JPEG, PNG, TIFF, WebP, BMP or GIF).
var ErrNotImage = errors.New("not a supported image (JPEG, PNG, TIFF, WebP or BMP)")

// A FormatError is a file that is not an image the reader takes, of a
// kind people mistake for one: What says what it is instead, and what to
// do about it. It is ErrNotImage.
type FormatError struct {
	What string // "a PDF document, not an image (save the page as…)"
}

func (e *FormatError) Error() string { return e.What + ": " + ErrNotImage.Error() }

// Is reports that a FormatError is ErrNotImage.
func (e *FormatError) Is(target error) bool { return target == ErrNotImage }

// FileError is the error of reading the card in one file: the file's
// path, and why it could not be read (Err, which may be ErrNotImage or an
// fs error such as fs.ErrNotExist).
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return "ocr: read " + e.Path + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// LoadImage reads the image file at path, applies its EXIF orientation and
// returns it. Its errors are *FileError.
func LoadImage(path string) (image.Image, error) {
	img, o, err := loadUnturned(path)
	if err != nil {
		return nil, err
	}
	return turn(img, o), nil
}

// loadUnturned is LoadImage without the EXIF orientation applied, which
// it returns, as decodeUnturned does.
func loadUnturned(path string) (image.Image, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, &FileError{Path: path, Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, 0, &FileError{Path: path, Err: err}
	}
	if len(data) > MaxFileBytes {
		return nil, 0, &FileError{Path: path, Err: fmt.Errorf("file is larger than %d MiB", MaxFileBytes>>20)}
	}
	img, o, err := decodeUnturned(data, MaxPixels)
	if err != nil {
		return nil, 0, &FileError{Path: path, Err: err}
	}
	return img, o, nil
}

// DecodeImage decodes an image held in memory, refusing anything that is
// not an image or would decode to more than MaxPixels, and applies the EXIF
// orientation of JPEG files. EXIF data that makes no sense is ignored.
func DecodeImage(data []byte) (image.Image, error) {
	img, err := decodeImage(data, MaxPixels)
	if err != nil {
		return nil, fmt.Errorf("ocr: decode: %w", err)
	}
	return img, nil
}

// decodeImage is DecodeImage with a limit on the pixels, which the fuzz
// test makes small.
func decodeImage(data []byte, maxPixels int64) (image.Image, error) {
	img, o, err := decodeUnturned(data, maxPixels)
	if err != nil {
		return nil, err
	}
	return turn(img, o), nil
}

// decodeUnturned is decodeImage without the EXIF orientation applied:
// it returns the image as stored, and its orientation (1 to 8, 1 as
// stored) for turn. A photo turned before its card is cut out would be
// copied whole, four bytes a point; the card cut out first is far
// smaller.
func decodeUnturned(data []byte, maxPixels int64) (img image.Image, orientation int, err error) {
	img, format, err := decodeChecked(data, maxPixels)
	if err != nil {
		return nil, 0, err
	}
	if format != "jpeg" {
		return img, 1, nil
	}
	return img, exifOrientation(bytes.NewReader(data)), nil
}

// exifOrientation is the EXIF orientation of the JPEG file read from r,
// 1 when it has none or none that makes sense. Only JPEG files are
// turned by it, as imaging.AutoOrientation does.
func exifOrientation(r io.Reader) (o int) {
	defer func() {
		if recover() != nil {
			o = 1
		}
	}()
	// The EXIF segment comes before the image data, and is at most 64
	// KiB: a file without one is not searched to its end.
	x, err := exif.Decode(io.LimitReader(r, 256<<10))
	if err != nil {
		return 1
	}
	tag, err := x.Get(exif.Orientation)
	if err != nil {
		return 1
	}
	v, err := tag.Int(0)
	if err != nil || v < 1 || v > 8 {
		return 1
	}
	return v
}

// turn applies EXIF orientation o to img, as imaging.AutoOrientation
// does.
func turn(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}

// decodeChecked decodes data, as stored, after the checks decodeImage
// makes, and says its format.
func decodeChecked(data []byte, maxPixels int64) (img image.Image, format string, err error) {
	if len(data) == 0 {
		return nil, "", &FormatError{What: "an empty file"}
	}
	if what := notImage(data); what != "" {
		return nil, "", &FormatError{What: what}
	}
	// Some decoders panic on crafted input; a bad file must never take the
	// batch down with it.
	defer func() {
		if r := recover(); r != nil {
			img, format, err = nil, "", fmt.Errorf("damaged image: %v", r)
		}
	}()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			return nil, "", ErrNotImage
		}
		return nil, "", fmt.Errorf("damaged image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, "", fmt.Errorf("damaged image: size %dx%d", cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, "", fmt.Errorf("image is %dx%d, more than %d megapixels", cfg.Width, cfg.Height, maxPixels>>20)
	}
	// The limit on bytes scales with the one on pixels, which the fuzz
	// test makes small.
	if n := decodedSize(cfg); n > maxPixels*MaxDecodedBytes/MaxPixels {
		return nil, "", fmt.Errorf("image is %dx%d, too large to read: it may take %d MiB decoded, more than %d MiB (scale it down to %d megapixels or fewer)",
			cfg.Width, cfg.Height, n>>20, MaxDecodedBytes>>20, MaxDecodedBytes/bytesPerPoint(cfg.ColorModel)>>20)
	}
	img, err = imaging.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("damaged image: %w", err)
	}
	if b := img.Bounds(); int64(b.Dx())*int64(b.Dy()) > maxPixels {
		// A decoder that went by something other than the header.
		return nil, "", fmt.Errorf("image is %dx%d, more than %d megapixels", b.Dx(), b.Dy(), maxPixels>>20)
	}
	return img, format, nil
}

// decodedSize is how many bytes the points of an image with header cfg
// take once decoded, at most: JPEG colour is counted at full resolution,
// though most files halve the colour's, since the header does not say.
func decodedSize(cfg image.Config) int64 {
	return int64(cfg.Width) * int64(cfg.Height) * bytesPerPoint(cfg.ColorModel)
}

// bytesPerPoint is what a point of the colour model m takes in the image
// Go's decoders make for it.
func bytesPerPoint(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4 // RGBA, NRGBA, CMYK, NYCbCrA and the rest
}

// A footprint is how much memory an image file takes while its card is
// prepared: its decoded points, and the copy that turning it by its EXIF
// orientation makes while the card is found.
type footprint struct {
	decoded int64 // the decoded image, which lasts until it is let go
	turn    int64 // the turned copy, gone once the card is prepared
}

// peak is the most the image takes at once: while its card is prepared.
func (f footprint) peak() int64 { return f.decoded + f.turn }

// fileFootprint is how much memory the points of the image file at path
// take once decoded, read from its header: as decodedSize says, but with
// JPEG colour at the half resolution that nearly every camera and scanner
// writes, and with the copy that turning a JPEG by its EXIF orientation
// makes when it is turned whole (see prepareTurned). It is zero when the
// file is no image it can tell, which LoadImage then refuses.
func fileFootprint(path string) footprint {
	f, err := os.Open(path)
	if err != nil {
		return footprint{}
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(bufio.NewReader(f))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return footprint{}
	}
	fp := footprint{decoded: decodedSize(cfg)}
	if cfg.ColorModel != color.YCbCrModel {
		return fp
	}
	fp.decoded /= 2
	// A photo small enough to be turned whole is copied, four bytes a
	// point, when its EXIF says to turn it.
	if format == "jpeg" && max(cfg.Width, cfg.Height) <= turnWholeSide {
		if _, err := f.Seek(0, io.SeekStart); err == nil && exifOrientation(bufio.NewReader(f)) != 1 {
			fp.turn = int64(cfg.Width) * int64(cfg.Height) * 4
		}
	}
	return fp
}

// notImage names what data is, for the formats that people mistake for
// images, or returns "".
func notImage(data []byte) string {
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF document, not an image (save the page as a JPEG or PNG image)"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return "an HEIC photo, which cannot be read (export it as JPEG, or set the phone's camera to “Most Compatible”)"
		case "avif", "avis":
			return "an AVIF image, which cannot be read (convert it to JPEG or PNG)"
		}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a zip archive or office document, not an image"
	case bytes.Contains(bytes.ToLower(head), []byte("<svg")):
		return "an SVG drawing, which cannot be read (export it as PNG)"
	}
	return ""
}

// Rotate turns img clockwise by deg degrees, a multiple of 90.
func Rotate(img image.Image, deg int) image.Image {
	switch ((deg % 360) + 360) % 360 {
	case 90:
		return turn(img, 6) // the EXIF orientation of a photo to be turned so
	case 180:
		return turn(img, 3)
	case 270:
		return turn(img, 8)
	}
	return img
}

// contrastImage returns a grey image in which every pixel is as dark as it
// differs in colour from the card around it, so that text comes out dark
// on white whatever its colour and whatever the card's: white print on a
// dark band, yellow on green and grey on white alike. The card's colour
// around each point is the median over a window several lines tall, which
// text, being thin strokes, does not move much.
func contrastImage(img image.Image) *image.Gray {
	return contrastWays(img, false)
}

// darkInkImage is contrastImage for print darker than the card alone:
// a point lighter than the card around it is paper.
func darkInkImage(img image.Image) *image.Gray {
	return contrastWays(img, true)
}

// speckledInk is the ink image of a card whose contrastImage is strewn
// with specks (see inkBlobs), and its letterBlobs: the card smoothed
// over a few pixels, and only what is darker than it taken for ink.
// Pearl and glitter stock sparkle: points lighter than the paper, as far
// from its grey as the print is, which contrastImage makes black; more so
// when the card is not found on a table as light as it, and the plain
// table, most of the picture, sets the levels contrastImage stretches.
// On a dev photo of such a card, its contact details read as hundreds of
// one to three letter words, and the card was turned on its side for
// reading a few of them more surely. A card on which no dark letters
// stand out (light print) has the smoothed card's contrastImage.
func speckledInk(card image.Image) (*image.Gray, []image.Rectangle) {
	smooth := imaging.Blur(card, speckBlur)
	ink := darkInkImage(smooth)
	blobs := letterBlobs(ink)
	if textHeight(blobs) == 0 {
		ink = contrastImage(smooth)
		blobs = letterBlobs(ink)
	}
	return ink, blobs
}

// speckBlur is the blur, in pixels, speckledInk smooths a card with:
// grains of the stock a few pixels across, at the size cards are read,
// merge into the paper, and strokes of letters stay. On the dev photo
// of pearl stock, no blur left more of it dark, and 2.5 blurred the
// print.
const speckBlur = 1.5

// contrastWays is contrastImage, or darkInkImage when darkOnly.
func contrastWays(img image.Image, darkOnly bool) *image.Gray {
	src, ok := img.(*image.NRGBA)
	if !ok || src.Rect.Min != (image.Point{}) {
		src = imaging.Clone(img)
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	if w < 8 || h < 8 {
		return out
	}
	// The background, on a coarse grid of cells, then smoothed with a
	// median; each point is compared with it interpolated between the
	// centres of the four cells around it.
	cells, radius := backgroundCells(src)
	bg := medianFilter(cells, radius)
	cw := bg.Bounds().Dx()
	g := grid{cells: bg, x0s: make([]int, w), x1s: make([]int, w), wxs: make([]int32, w), darkOnly: darkOnly}
	for x := range w {
		g.x0s[x], g.x1s[x], g.wxs[x] = between(x, w, cw)
	}
	// In bands of rows, each with its own count of levels.
	var mu sync.Mutex
	var hist [256]int
	spread(h, func(r0, r1 int) {
		count := g.differences(out.Pix, src, r0, r1)
		mu.Lock()
		for v, n := range count {
			hist[v] += n
		}
		mu.Unlock()
	})
	d := out.Pix
	// Stretch: what barely differs is paper, what differs as much as the
	// strongest few per cent is ink.
	lo, hi := percentile(hist[:], w*h, 0.60), percentile(hist[:], w*h, 0.985)
	lo = max(lo, 8)
	if hi < lo+24 {
		hi = lo + 24
	}
	var lut [256]uint8
	for v := range lut {
		t := (v - lo) * 255 / (hi - lo)
		lut[v] = uint8(255 - min(255, max(0, t)))
	}
	for i, v := range d {
		d[i] = lut[v]
	}
	return out
}

// backgroundCells shrinks src to the grid of cells whose median
// is its background, and says the median's radius in cells: a window a
// fourteenth of the card across.
func backgroundCells(src *image.NRGBA) (cells *image.NRGBA, radius int) {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	cell := max(2, max(w, h)/240)
	cells = imaging.Resize(src, (w+cell-1)/cell, (h+cell-1)/cell, imaging.Box)
	return cells, max(2, max(w, h)/14/cell)
}

// grid is the background of a card on a coarse grid of cells, and where
// each column of the card falls between the cells' centres.
type grid struct {
	cells    *image.NRGBA
	x0s, x1s []int   // the cells before and after
	wxs      []int32 // how far towards the one after, in 1/256ths
	darkOnly bool    // only points darker than the background differ
}

// differences writes into d the rows [r0, r1) of contrastImage's
// difference: for each point of src, how far its colour lies from the
// background interpolated between the four cells around it, in the
// channel that differs most. It returns how many points of those rows
// came out at each level. With g.darkOnly, a point differs only as far
// as it is darker than the background.
func (g grid) differences(d []uint8, src *image.NRGBA, r0, r1 int) (count [256]int) {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	cw, ch := g.cells.Bounds().Dx(), g.cells.Bounds().Dy()
	row := make([]int32, cw*3)
	for y := r0; y < r1; y++ {
		// The background along this row, at each cell's centre, in
		// 1/256ths.
		y0, y1, wy := between(y, h, ch)
		c0, c1 := g.cells.Pix[y0*g.cells.Stride:], g.cells.Pix[y1*g.cells.Stride:]
		for i := range cw {
			for c := range 3 {
				a, b := int32(c0[i*4+c]), int32(c1[i*4+c])
				row[i*3+c] = a*(256-wy) + b*wy
			}
		}
		sp, dp := src.Pix[y*src.Stride:][:w*4], d[y*w:][:w]
		x0s, x1s, wxs := g.x0s[:w], g.x1s[:w], g.wxs[:w]
		for x := range dp {
			a, b, wx := row[x0s[x]*3:][:3], row[x1s[x]*3:][:3], wxs[x]
			s := sp[x*4:][:3]
			// The background's three channels, and the one s differs
			// from most.
			br := (a[0]*(256-wx) + b[0]*wx + 1<<15) >> 16
			bg := (a[1]*(256-wx) + b[1]*wx + 1<<15) >> 16
			bb := (a[2]*(256-wx) + b[2]*wx + 1<<15) >> 16
			var m uint8
			if g.darkOnly {
				m = uint8(max(0, br-int32(s[0]), bg-int32(s[1]), bb-int32(s[2])))
			} else {
				m = uint8(max(abs32(int32(s[0])-br), abs32(int32(s[1])-bg), abs32(int32(s[2])-bb)))
			}
			dp[x] = m
			count[m]++
		}
	}
	return count
}

// between says where pixel p of n falls between the centres of the m
// pixels an image of n was shrunk to: the one before, the one after, and
// how far towards the one after, in 1/256ths (as a linear resize from m
// back to n places it).
func between(p, n, m int) (int, int, int32) {
	// In 1/256ths of a shrunk pixel, from the first one's centre.
	f := ((2*p+1)*m*256)/(2*n) - 128
	if f <= 0 {
		return 0, 0, 0
	}
	i := f / 256
	if i >= m-1 {
		return m - 1, m - 1, 0
	}
	return i, i + 1, int32(f % 256)
}

func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}

// percentile returns the smallest value v such that at least q of the n
// counted values are at most v.
func percentile(hist []int, n int, q float64) int {
	want := int(q * float64(n))
	sum := 0
	for v, c := range hist {
		sum += c
		if sum >= want {
			return v
		}
	}
	return len(hist) - 1
}

// medianFilter returns img with each channel replaced by its median over a
// square window of the given radius.
//
// The window slides along each row, a column in and a column out, and
// each channel's median moves from where it was by the few steps the
// change takes it (Huang's algorithm), rather than being counted again
// over all 256 levels at every point. Each channel is first laid out a
// column at a time, so that a column of the window is one run of memory.
func medianFilter(img *image.NRGBA, radius int) *image.NRGBA {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	var planes [3][]uint8
	for c := range planes {
		planes[c] = make([]uint8, w*h)
	}
	for y := range h {
		row := img.Pix[y*img.Stride:]
		for x := range w {
			for c := range planes {
				planes[c][x*h+y] = row[x*4+c]
			}
		}
	}
	spread(h, func(r0, r1 int) { medianRows(out, &planes, radius, r0, r1) })
	return out
}

// medianRows works out the rows [r0, r1) of medianFilter's out from the
// channels of its image laid out column by column.
func medianRows(out *image.NRGBA, planes *[3][]uint8, radius, r0, r1 int) {
	w, h := out.Bounds().Dx(), out.Bounds().Dy()
	var hist [256]int32
	for y := r0; y < r1; y++ {
		y0, y1 := max(0, y-radius), min(h-1, y+radius)
		o := out.Pix[y*out.Stride:]
		for c, plane := range planes {
			clear(hist[:])
			// The median, and how many values lie below it.
			m, below, n := 0, int32(0), int32(0)
			for x := 0; x <= min(w-1, radius); x++ {
				for _, v := range plane[x*h+y0 : x*h+y1+1] {
					hist[v]++
				}
				n += int32(y1 - y0 + 1)
			}
			for x := range w {
				in, gone := x+radius, x-radius-1
				switch {
				case x == 0:
				case in < w && gone >= 0:
					// A column in and one out: the count stays.
					vin, vout := plane[in*h+y0:in*h+y1+1], plane[gone*h+y0:gone*h+y1+1]
					for i, v := range vin {
						u := vout[i]
						hist[v]++
						hist[u]--
						below += int32(uint(int(v)-m)>>63) - int32(uint(int(u)-m)>>63)
					}
				case in < w:
					for _, v := range plane[in*h+y0 : in*h+y1+1] {
						hist[v]++
						below += int32(uint(int(v)-m) >> 63) // 1 when v < m
					}
					n += int32(y1 - y0 + 1)
				case gone >= 0:
					for _, v := range plane[gone*h+y0 : gone*h+y1+1] {
						hist[v]--
						below -= int32(uint(int(v)-m) >> 63)
					}
					n -= int32(y1 - y0 + 1)
				}
				// The median is the smallest level at or below which lie
				// at least half the values, as percentile(hist, n, 0.5).
				want := n / 2
				for below >= want && m > 0 {
					m--
					below -= hist[m]
				}
				for below+hist[m] < want {
					below += hist[m]
					m++
				}
				o[x*4+c] = uint8(m)
			}
		}
		for x := range w {
			o[x*4+3] = 255
		}
	}
}
