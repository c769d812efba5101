// Command bigphotos writes photos of the rendered sample cards at the
// sizes of today's phone cameras and beyond, as JPEG and PNG, for
// measuring a batch's memory whatever the size of its images
// (bench/bigbatch.sh). Each card takes most of its photo, as when a
// phone is held close: the card cut out of it is then large too.
//
//	go run ./bench/bigphotos -out /tmp/bigphotos [-sizes 12,48] [-png 40] [-fill 0.7]
package main

import (
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

func save(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if strings.HasSuffix(path, ".png") {
		err = png.Encode(f, img)
	} else {
		err = jpeg.Encode(f, img, &jpeg.Options{Quality: 90})
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "bigphotos:", err)
	os.Exit(1)
}
