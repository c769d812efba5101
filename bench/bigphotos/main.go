// Command bigphotos writes photos of the rendered sample cards at the
// sizes of today's phone cameras and beyond, as JPEG and PNG, for
// measuring a batch's memory whatever the size of its images
// (bench/bigbatch.sh). Each card takes most of its photo, as when a
// phone is held close: the card cut out of it is then large too. With
// -turned, each JPEG is stored on its side with the EXIF orientation
// that stands it upright, as a phone held upright writes it.
//
//	go run ./bench/bigphotos -out /tmp/bigphotos [-sizes 12,48] [-png 40] [-fill 0.7] [-turned]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

func main() {
	out := flag.String("out", "", "write the photos into `DIR`")
	sizes := flag.String("sizes", "12,12,24,24,48,48,64,64,100", "the sizes in megapixels of the JPEG photos, one photo each, 4:3")
	pngs := flag.String("png", "40,40", "sizes in megapixels of photos to write as PNG too")
	fill := flag.Float64("fill", 0.7, "the share of the photo's width the card takes")
	flag.BoolVar(&turned, "turned", false, "store the JPEGs on their side, with EXIF orientation 6 to stand them up")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fatal(err)
	}
	samples := render.Samples()
	n := 0
	write := func(list string, ext string) {
		for _, s := range strings.Split(list, ",") {
			if s == "" {
				continue
			}
			mp, err := strconv.ParseFloat(s, 64)
			if err != nil || mp <= 0 {
				fatal(fmt.Errorf("size %q: not a number of megapixels", s))
			}
			h := int(math.Sqrt(mp * 1e6 * 3 / 4))
			frame := image.Pt(h*4/3, h)
			// The card, drawn at the size it takes, on a plain desk.
			card := render.Draw(samples[n%len(samples)], int(*fill*float64(frame.X)))
			photo := imaging.New(frame.X, frame.Y, color.NRGBA{90, 70, 50, 255})
			cb := card.Bounds()
			photo = imaging.Paste(photo, card, image.Pt((frame.X-cb.Dx())/2, (frame.Y-cb.Dy())/2))
			path := filepath.Join(*out, fmt.Sprintf("%02d-%gmp%s", n, mp, ext))
			if err := save(path, photo); err != nil {
				fatal(err)
			}
			fmt.Printf("%s: %dx%d\n", path, frame.X, frame.Y)
			n++
		}
	}
	write(*sizes, ".jpg")
	write(*pngs, ".png")
}

var turned bool

func save(path string, img image.Image) error {
	var buf bytes.Buffer
	var err error
	switch {
	case strings.HasSuffix(path, ".png"):
		err = png.Encode(&buf, img)
	case turned:
		// Turned a quarter anticlockwise; orientation 6 turns it back. The
		// EXIF segment goes straight after the JPEG's start.
		var j bytes.Buffer
		if err = jpeg.Encode(&j, imaging.Rotate90(img), &jpeg.Options{Quality: 90}); err == nil {
			buf.Write(j.Bytes()[:2])
			buf.Write(orientationSix)
			buf.Write(j.Bytes()[2:])
		}
	default:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	}
	if err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// orientationSix is a JPEG APP1 segment of EXIF data that says only:
// orientation 6, turn the image a quarter clockwise to show it.
var orientationSix = []byte{
	0xff, 0xe1, 0, 34, // APP1: 32 bytes of data and the length's own 2
	'E', 'x', 'i', 'f', 0, 0,
	'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF, IFD at 8
	0, 1, // one entry
	0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, // Orientation, SHORT, 1, 6
	0, 0, 0, 0, // no next IFD
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bigphotos:", err)
	os.Exit(1)
}
