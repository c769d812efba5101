package ocr_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/emersion/go-vcard"
	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"

	"followthrough/contacts"
	"followthrough/contacts/vcf"
	"followthrough/ocr"
	"followthrough/ocr/eval"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

// engine starts a Tesseract engine for a test. Without Tesseract's
// English data the test fails under make test, and is skipped otherwise
// (tesstest).
func engine(t testing.TB) *tesseract.Engine {
	t.Helper()
	tesstest.Languages(t, tesseract.Installed, "eng")
	eng, err := tesseract.New("eng")
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// expectedCard is what a rendered sample says, as a vCard to score against.
func expectedCard(e render.Expected) vcard.Card { return e.VCard() }

func writePNG(t testing.TB, dir, name string, img image.Image) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := imaging.Save(img, p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestReadSamples reads every rendered sample card and scores it with the
// same rules as the real-card evaluation.
func TestReadSamples(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	total := eval.Score{}
	for i, card := range render.Samples() {
		want := render.SampleExpected()[i]
		t.Run(want.Name, func(t *testing.T) {
			path := writePNG(t, dir, "card.png", render.Draw(card, 1200))
			r, err := ocr.Read(context.Background(), eng, path)
			if err != nil {
				t.Fatal(err)
			}
			s := eval.ScoreCard(expectedCard(want), vcf.Card(r.Contact()))
			total.Add(s)
			for _, f := range []string{"name", "phone"} {
				if s[f].Correct != s[f].Expected {
					t.Errorf("%s: %d of %d right; read %+v", f, s[f].Correct, s[f].Expected, r.Contact())
				}
			}
			for _, f := range r.Fields {
				if f.Box.Empty() && f.Kind != ocr.FieldNote {
					t.Errorf("%s %q has no box on the image", f.Kind, f.Value)
				}
				if !f.Box.In(r.Image.Bounds()) && f.Kind != ocr.FieldNote {
					t.Errorf("%s box %v is outside the image %v", f.Kind, f.Box, r.Image.Bounds())
				}
			}
		})
	}
	if f1 := total.MacroF1(); f1 < 0.9 {
		t.Errorf("macro F1 over the rendered samples = %.3f, want at least 0.9", f1)
		for _, f := range eval.ScoredFields {
			t.Logf("%-8s F1 %.2f", f, total[f].F1())
		}
	}
}

// TestReadTurnedCards reads a card turned each way and a card photographed
// small on a desk: each must come out upright with the same fields.
func TestReadTurnedCards(t *testing.T) {
	eng := engine(t)
	card := render.Draw(render.Samples()[0], 1200)
	want := render.SampleExpected()[0]
	tests := []struct {
		name    string
		img     image.Image
		rotated int
	}{
		{"upright", card, 0},
		{"turned 90 clockwise", imaging.Rotate270(card), 270},
		{"upside down", imaging.Rotate180(card), 180},
		{"turned 90 anticlockwise", imaging.Rotate90(card), 90},
		{"photo on a desk", render.Photo(card, 2, image.Pt(3000, 2250), 7), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ocr.ReadImage(context.Background(), eng, tt.img)
			if err != nil {
				t.Fatal(err)
			}
			c := r.Contact()
			checkNameEmail(t, c, want)
			if b := r.Image.Bounds(); b.Dx() < b.Dy() {
				t.Errorf("card image %v is not landscape: not turned upright", b)
			}
			if tt.name == "photo on a desk" {
				full := tt.img.Bounds()
				if r.Image.Bounds().Dx() > full.Dx()*7/10 && r.Image.Bounds().Dx() >= 2400 {
					t.Errorf("photo was not cropped to the card: %v of %v", r.Image.Bounds(), full)
				}
			}
		})
	}
}

// exifJPEG encodes img as JPEG with an EXIF orientation tag.
func exifJPEG(t *testing.T, img image.Image, orientation byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	tiffData := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD at 8
		0, 1, // one entry
		0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, // Orientation, SHORT, 1
		0, 0, 0, 0} // no next IFD
	payload := append([]byte("Exif\x00\x00"), tiffData...)
	app1 := []byte{0xff, 0xe1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	app1 = append(app1, payload...)
	data := buf.Bytes()
	return append(append([]byte{0xff, 0xd8}, app1...), data[2:]...)
}

// TestImageFormats reads the same card from each supported format, and a
// JPEG whose pixels lie on their side with an EXIF tag saying so.
func TestImageFormats(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	card := render.Draw(render.Samples()[2], 1100)
	want := render.SampleExpected()[2]
	encode := map[string]func(*bytes.Buffer) error{
		"card.png":  func(b *bytes.Buffer) error { return png.Encode(b, card) },
		"card.jpg":  func(b *bytes.Buffer) error { return jpeg.Encode(b, card, nil) },
		"card.tiff": func(b *bytes.Buffer) error { return tiff.Encode(b, card, nil) },
		"card.bmp":  func(b *bytes.Buffer) error { return bmp.Encode(b, card) },
		// Go has no WebP encoder: testdata/card.webp is this same rendered
		// card, converted once with cwebp -q 80.
		"card.webp": func(b *bytes.Buffer) error {
			data, err := os.ReadFile(filepath.Join("testdata", "card.webp"))
			b.Write(data)
			return err
		},
		"exif-rotated.jpg": func(b *bytes.Buffer) error {
			// Orientation 6: the stored pixels must be turned 90° clockwise.
			b.Write(exifJPEG(t, imaging.Rotate90(card), 6))
			return nil
		},
	}
	for name, enc := range encode {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := enc(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			img, err := ocr.LoadImage(path)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() < b.Dy() {
				t.Fatalf("loaded %v: EXIF orientation not applied", b)
			}
			r, err := ocr.Read(context.Background(), eng, path)
			if err != nil {
				t.Fatal(err)
			}
			if r.Rotated != 0 {
				t.Errorf("card was turned %d° after loading; EXIF should have made it upright", r.Rotated)
			}
			if got := r.Contact().FullName; got != want.Name {
				t.Errorf("name = %q, want %q", got, want.Name)
			}
		})
	}
}

// TestBadFiles feeds files that are not readable images: each gives an
// error naming the file, and none panics.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	var goodPNG bytes.Buffer
	png.Encode(&goodPNG, render.Draw(render.Samples()[0], 300))
	huge := hugePNGHeader(60000, 60000)
	tests := []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"empty.png", nil, "not a supported image"},
		{"notes.txt", []byte("Met Sam at the conference, call back Tuesday"), "not a supported image"},
		{"truncated.png", goodPNG.Bytes()[:goodPNG.Len()/3], "damaged image"},
		{"huge.png", huge, "megapixels"},
		{"garbage.jpg", append([]byte{0xff, 0xd8, 0xff, 0xe0}, bytes.Repeat([]byte{0x55}, 500)...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ocr.LoadImage(path)
			if err == nil {
				t.Fatal("no error")
			}
			var fe *ocr.FileError
			if !errors.As(err, &fe) || fe.Path != path {
				t.Errorf("error %q is not a FileError of the file", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not say %q", err, tt.wantErr)
			}
		})
	}
	if _, err := ocr.LoadImage(filepath.Join(dir, "missing.png")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want a not-exist error", err)
	}
}

// TestTinyImages reads images too small or too thin to hold a card, as
// a user may drop or send from the phone by mistake, from a file and as
// an image, and an image with no points at all: each reads with no
// fields and no error. Before, reading the empty image crashed the app:
// Tesseract, given no points, took the process down.
func TestTinyImages(t *testing.T) {
	eng := engine(t)
	dir := t.TempDir()
	sizes := []image.Rectangle{
		image.Rect(0, 0, 1, 1),
		image.Rect(0, 0, 3, 2),
		image.Rect(0, 0, 2000, 1),
		image.Rect(0, 0, 1, 900),
	}
	fills := []struct {
		name string
		at   func(i int) uint8
	}{
		{"black", func(int) uint8 { return 0 }},
		{"white", func(int) uint8 { return 255 }},
		{"striped", func(i int) uint8 { return uint8(40 + 200*(i%2)) }},
	}
	for _, r := range sizes {
		for _, f := range fills {
			name := fmt.Sprintf("%dx%d-%s", r.Dx(), r.Dy(), f.name)
			img := image.NewGray(r)
			for i := range img.Pix {
				img.Pix[i] = f.at(i)
			}
			path := writePNG(t, dir, name+".png", img)
			reads := []struct {
				how  string
				read func() (*ocr.Reading, error)
			}{
				{"file", func() (*ocr.Reading, error) { return ocr.Read(context.Background(), eng, path) }},
				{"image", func() (*ocr.Reading, error) { return ocr.ReadImage(context.Background(), eng, img) }},
			}
			for _, rd := range reads {
				t.Run(name+"/"+rd.how, func(t *testing.T) {
					got, err := rd.read()
					if err != nil {
						t.Fatalf("read: %v", err)
					}
					if len(got.Fields) != 0 {
						t.Errorf("fields %+v, want none", got.Fields)
					}
				})
			}
		}
	}
	t.Run("0x0/image", func(t *testing.T) {
		got, err := ocr.ReadImage(context.Background(), eng, image.NewGray(image.Rectangle{}))
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		if len(got.Fields) != 0 {
			t.Errorf("fields %+v, want none", got.Fields)
		}
	})
}

// hugePNGHeader is the start of a PNG that claims to be w×h pixels.
func hugePNGHeader(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	var buf bytes.Buffer
	png.Encode(&buf, img)
	data := buf.Bytes()
	// IHDR width and height follow the 8-byte signature, length and type.
	put := func(off, v int) {
		data[off], data[off+1], data[off+2], data[off+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	put(16, w)
	put(20, h)
	put(29, int(crc32.ChecksumIEEE(data[12:29]))) // IHDR's type and data
	return data
}

// fakeEngine reads any image as one line, and panics on images of a width
// it is told to.
type fakeEngine struct{ panicWidth int }

func (f fakeEngine) Orientation(context.Context, image.Image) (ocr.Orientation, bool) {
	return ocr.Orientation{}, false
}
func (f fakeEngine) Close() error { return nil }
func (f fakeEngine) Recognize(_ context.Context, img image.Image, _ ocr.Pass) ([]ocr.Line, error) {
	if img.Bounds().Dx() == f.panicWidth {
		panic("engine fault")
	}
	return []ocr.Line{ocr.NewLine([]ocr.Word{{Text: "jo@example.com", Box: image.Rect(10, 10, 200, 40), Conf: 90}})}, nil
}

// TestBatch reads a batch with a bad file and a card that crashes the
// engine: every other card is read, and each failure names its file.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, w := range []int{1600, 1700, 1800} {
		img := image.NewGray(image.Rect(0, 0, w, w/2))
		paths = append(paths, writePNG(t, dir, string(rune('a'+i))+".png", img))
	}
	bad := filepath.Join(dir, "bad.png")
	os.WriteFile(bad, []byte("nope"), 0o644)
	paths = append(paths[:1], append([]string{bad}, paths[1:]...)...)

	var mu sync.Mutex
	got := map[string]error{}
	b := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return fakeEngine{panicWidth: 1700}, nil }, Workers: 2}
	err := b.Read(context.Background(), paths, func(r ocr.Result) {
		mu.Lock()
		defer mu.Unlock()
		got[filepath.Base(r.Path)] = r.Err
		if r.Err == nil && r.Reading == nil {
			t.Errorf("%s: no reading and no error", r.Path)
		}
		if paths[r.Index] != r.Path {
			t.Errorf("result %d is for %s, want %s", r.Index, r.Path, paths[r.Index])
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"a.png": true, "bad.png": false, "b.png": false, "c.png": true}
	for name, ok := range want {
		e, seen := got[name]
		switch {
		case !seen:
			t.Errorf("%s: no result", name)
		case ok && e != nil:
			t.Errorf("%s: %v", name, e)
		case !ok && (e == nil || !strings.Contains(e.Error(), name)):
			t.Errorf("%s: error %v should name the file", name, e)
		}
	}

	// A cancelled batch stops and says so.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = b.Read(ctx, paths, func(ocr.Result) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled batch returned %v", err)
	}

	// An engine that will not start fails every card with the reason.
	b.NewEngine = func() (ocr.Engine, error) { return nil, errors.New("no language data") }
	n := 0
	err = b.Read(context.Background(), paths, func(r ocr.Result) {
		n++
		if r.Err == nil || !strings.Contains(r.Err.Error(), "no language data") {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
	})
	if err == nil || n != len(paths) {
		t.Errorf("with no engine: err %v, %d results for %d files", err, n, len(paths))
	}
}

// checkNameEmail checks that a card read gives the name and the first
// email of the sample drawn.
func checkNameEmail(t *testing.T, c contacts.Contact, want render.Expected) {
	t.Helper()
	if c.FullName != want.Name {
		t.Errorf("name = %q, want %q", c.FullName, want.Name)
	}
	if len(c.Emails) == 0 || c.Emails[0] != want.Email {
		t.Errorf("emails = %q, want %q", c.Emails, want.Email)
	}
}
