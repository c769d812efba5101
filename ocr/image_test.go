package ocr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

// smallCard is a little image with something on it, in a few colours.
func smallCard() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 60, 34))
	for y := range 34 {
		for x := range 60 {
			img.Set(x, y, color.NRGBA{uint8(4 * x), uint8(7 * y), 200, 255})
		}
	}
	return img
}

func encoded(enc func(*bytes.Buffer) error) []byte {
	var buf bytes.Buffer
	if err := enc(&buf); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// withEXIF puts an APP1 segment holding tiffData, the TIFF structure of
// an EXIF block, after the start of a JPEG.
func withEXIF(jpg, tiffData []byte) []byte {
	payload := append([]byte("Exif\x00\x00"), tiffData...)
	app1 := []byte{0xff, 0xe1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	return append(append(append([]byte{0xff, 0xd8}, app1...), payload...), jpg[2:]...)
}

// ifd is a big-endian TIFF header and one IFD holding the entries given,
// each 12 bytes, after a count that may lie.
func ifd(count uint16, entries ...[]byte) []byte {
	b := []byte{'M', 'M', 0, 42, 0, 0, 0, 8}
	b = binary.BigEndian.AppendUint16(b, count)
	for _, e := range entries {
		b = append(b, e...)
	}
	return append(b, 0, 0, 0, 0)
}

func orientationEntry(v uint16) []byte {
	e := []byte{0x01, 0x12, 0, 3, 0, 0, 0, 1}
	return append(binary.BigEndian.AppendUint16(e, v), 0, 0)
}

// pngHeader is the start of a grey PNG that claims to be w×h pixels.
func pngHeader(w, h uint32) []byte {
	return pngHeaderOf(image.NewGray(image.Rect(0, 0, 1, 1)), w, h)
}

// pngHeaderOf is the start of a PNG of img's kind that claims to be w×h
// pixels.
func pngHeaderOf(img image.Image, w, h uint32) []byte {
	data := encoded(func(b *bytes.Buffer) error { return png.Encode(b, img) })
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

// sized is jpg with its frame header saying w×h.
func sized(jpg []byte, w, h uint16) []byte {
	out := bytes.Clone(jpg)
	for i := 2; i+9 < len(out); i++ {
		if out[i] == 0xff && out[i+1] == 0xc0 { // SOF0: height, width
			binary.BigEndian.PutUint16(out[i+5:], h)
			binary.BigEndian.PutUint16(out[i+7:], w)
			break
		}
	}
	return out
}

// badImageTests are files that are not images, or not ones to read, and
// images with odd insides that must still be read. FuzzDecodeImage starts
// from them.
func badImageTests() []struct {
	name    string
	data    []byte
	wantErr string // "" for an image that must be read
} {
	card := smallCard()
	jpg := encoded(func(b *bytes.Buffer) error { return jpeg.Encode(b, card, nil) })
	pngData := encoded(func(b *bytes.Buffer) error { return png.Encode(b, card) })
	hugeJPEG := sized(jpg, 65000, 65000)
	hugeGIF := encoded(func(b *bytes.Buffer) error { return gif.Encode(b, card, nil) })
	binary.LittleEndian.PutUint16(hugeGIF[6:], 65535)
	binary.LittleEndian.PutUint16(hugeGIF[8:], 65535)

	return []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"empty.png", nil, "an empty file"},
		{"notes.txt", []byte("Met Sam at the conference, call back Tuesday"), "not a supported image"},
		{"scan.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "a PDF document, not an image"},
		{"card.jpg (a PDF)", []byte("%PDF-1.4\n"), "a PDF document"},
		{"IMG_0001.HEIC", append([]byte{0, 0, 0, 24}, []byte("ftypheic\x00\x00\x00\x00mif1heic")...), "an HEIC photo"},
		{"card.avif", append([]byte{0, 0, 0, 28}, []byte("ftypavif\x00\x00\x00\x00avifmif1")...), "an AVIF image"},
		{"card.docx", []byte("PK\x03\x04\x14\x00\x06\x00"), "a zip archive"},
		{"logo.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), "an SVG drawing"},
		{"truncated.png", pngData[:len(pngData)/3], "damaged image"},
		{"truncated.jpg", jpg[:len(jpg)/2], "damaged image"},
		{"header only.jpg", jpg[:20], "damaged image"},
		{"huge.png", pngHeader(60000, 60000), "60000x60000, more than 100 megapixels"},
		{"zero.png", pngHeader(0, 10), "damaged image"},
		{"huge.jpg", hugeJPEG, "65000x65000, more than 100 megapixels"},
		{"huge.gif", hugeGIF, "65535x65535, more than 100 megapixels"},
		// Under 100 megapixels, but 8 bytes a point decoded.
		{"deep.png", pngHeaderOf(image.NewNRGBA64(image.Rect(0, 0, 1, 1)), 6000, 6000), "6000x6000, too large to read: it may take 274 MiB decoded, more than 192 MiB (scale it down to 24 megapixels or fewer)"},
		{"colour.jpg", sized(jpg, 9000, 9000), "9000x9000, too large to read: it may take 231 MiB decoded, more than 192 MiB (scale it down to 64 megapixels or fewer)"},
		{"garbage.jpg", append([]byte{0xff, 0xd8, 0xff, 0xe0}, bytes.Repeat([]byte{0x55}, 500)...), "damaged image"},
		{"random.bmp", append([]byte("BM"), bytes.Repeat([]byte{0xff}, 60)...), "not a supported image"},
		// Absurd EXIF: the image is read, the orientation ignored.
		{"orientation 9.jpg", withEXIF(jpg, ifd(1, orientationEntry(9))), ""},
		{"orientation 65535.jpg", withEXIF(jpg, ifd(1, orientationEntry(65535))), ""},
		{"65535 tags, two there.jpg", withEXIF(jpg, ifd(65535, orientationEntry(0), bytes.Repeat([]byte{0xff}, 12))), ""},
		{"IFD past the end.jpg", withEXIF(jpg, []byte{'I', 'I', 42, 0, 0xff, 0xff, 0xff, 0x7f}), ""},
		{"IFD offset 0.jpg", withEXIF(jpg, []byte{'M', 'M', 0, 42, 0, 0, 0, 0}), ""},
		{"bad byte order.jpg", withEXIF(jpg, []byte{'X', 'X', 0, 42, 0, 0, 0, 8}), ""},
		{"empty EXIF.jpg", withEXIF(jpg, nil), ""},
		{"EXIF segment length 0.jpg", append([]byte{0xff, 0xd8, 0xff, 0xe1, 0, 0}, jpg[2:]...), "damaged image"},
		{"turned 90.jpg", withEXIF(jpg, ifd(1, orientationEntry(6))), ""},
		{"ok.png", pngData, ""},
		{"ok.gif", encoded(func(b *bytes.Buffer) error { return gif.Encode(b, card, nil) }), ""},
		{"ok.bmp", encoded(func(b *bytes.Buffer) error { return bmp.Encode(b, card) }), ""},
		{"ok.tiff", encoded(func(b *bytes.Buffer) error { return tiff.Encode(b, card, nil) }), ""},
	}
}

// TestLoadBadImages: each file that is not an image to read gives an error
// naming the file and the problem, and nothing panics; images with absurd
// EXIF data are read, upright if the EXIF says so sensibly.
func TestLoadBadImages(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range badImageTests() {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_"))
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			img, err := LoadImage(path)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("LoadImage: %v", err)
				}
				want := image.Pt(60, 34)
				if strings.HasPrefix(tt.name, "turned 90") {
					want = image.Pt(34, 60)
				}
				if got := img.Bounds().Size(); got != want {
					t.Errorf("image is %v, want %v", got, want)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q should name the file and say %q", err, tt.wantErr)
			}
			if strings.Contains(tt.wantErr, "not") && !errors.Is(err, ErrNotImage) {
				t.Errorf("error %v does not wrap ErrNotImage", err)
			}
		})
	}
}

func TestDecodedSize(t *testing.T) {
	tests := []struct {
		name  string
		model color.Model
		want  int64 // for 1000×500 points
	}{
		{"grey", color.GrayModel, 500_000},
		{"16-bit grey", color.Gray16Model, 1_000_000},
		{"JPEG colour, counted at full resolution", color.YCbCrModel, 1_500_000},
		{"RGBA", color.RGBAModel, 2_000_000},
		{"NRGBA", color.NRGBAModel, 2_000_000},
		{"CMYK", color.CMYKModel, 2_000_000},
		{"16-bit RGBA", color.NRGBA64Model, 4_000_000},
		{"palette", color.Palette{color.Black, color.White}, 500_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := decodedSize(image.Config{ColorModel: tt.model, Width: 1000, Height: 500}); got != tt.want {
				t.Errorf("decodedSize = %d, want %d", got, tt.want)
			}
		})
	}
}

// A file over MaxFileBytes is refused without being decoded (here a sparse
// file, which takes no room).
func TestLoadImageTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scan.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(pngHeader(1000, 600))
	f.Truncate(MaxFileBytes + 1)
	f.Close()
	if _, err := LoadImage(path); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("LoadImage = %v, want it refused for its size", err)
	}
}

// FuzzDecodeImage feeds the image loader arbitrary bytes, starting from
// the files of TestLoadBadImages: it must never panic, and an image it
// returns must be within the pixel limit and not empty. The limit is
// small here so that each run is quick; it is the same check.
func FuzzDecodeImage(f *testing.F) {
	for _, tt := range badImageTests() {
		f.Add(tt.data)
	}
	const limit = 1 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := decodeImage(data, limit)
		if err != nil {
			if img != nil {
				t.Fatalf("an image and an error (%v)", err)
			}
			return
		}
		b := img.Bounds()
		if b.Empty() || int64(b.Dx())*int64(b.Dy()) > limit {
			t.Fatalf("decoded an image of %v", b)
		}
	})
}
