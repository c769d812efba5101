package vcf

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"os"
	"strings"

	"github.com/disintegration/imaging"

	"followthrough/contacts"
)

// PhotoSide is the longest side, in pixels, of the card image that
// CardPhoto makes: enough to recognise the card on a phone, small enough
// to keep a .vcf of a hundred contacts a few megabytes.
const PhotoSide = 480

// CardPhoto returns the card image at path scaled to fit in PhotoSide
// pixels and encoded as JPEG, for a vCard's PHOTO.
func CardPhoto(path string) ([]byte, error) {
	img, err := openPhoto(path)
	if err != nil {
		return nil, fmt.Errorf("vcf: photo from %s: %w", path, err)
	}
	img = imaging.Fit(img, PhotoSide, PhotoSide, imaging.Lanczos)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 75}); err != nil {
		return nil, fmt.Errorf("vcf: photo from %s: %w", path, err)
	}
	return buf.Bytes(), nil
}

// openPhoto decodes the image file at path, applying its EXIF
// orientation, once its header says it is not too large to.
func openPhoto(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return nil, err
	}
	if int64(cfg.Width)*int64(cfg.Height) > contacts.MaxImagePixels {
		return nil, fmt.Errorf("image is %dx%d, more than %d megapixels", cfg.Width, cfg.Height, contacts.MaxImagePixels>>20)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return imaging.Decode(f, imaging.AutoOrientation(true))
}

// WithPhoto returns c with the JPEG image photo as its card's PHOTO, in
// the form of vCard 4.0 (a data URI) with v4 and of 3.0 otherwise. A
// contact that has a photo already, such as one imported from a phone,
// keeps it: a face says more than a card.
func WithPhoto(c contacts.Contact, photo []byte, v4 bool) contacts.Contact {
	for _, line := range c.Extra {
		if name, _, ok := splitContentLine(line); ok && isProperty(name, "PHOTO") {
			return c
		}
	}
	data := base64.StdEncoding.EncodeToString(photo)
	line := "PHOTO;ENCODING=b;TYPE=JPEG:" + data
	if v4 {
		line = "PHOTO:data:image/jpeg;base64," + data
	}
	c.Extra = append(append([]string(nil), c.Extra...), line)
	return c
}

// isProperty reports whether the name part of a content line, with its
// group and parameters, is the property prop.
func isProperty(name, prop string) bool {
	name, _, _ = strings.Cut(name, ";")
	if _, after, ok := strings.Cut(name, "."); ok {
		name = after
	}
	return strings.EqualFold(name, prop)
}
