package vcf

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/emersion/go-vcard"

	"followthrough/contacts/internal/contentline"

	"followthrough/contacts"
)

func TestCardPhoto(t *testing.T) {
	tests := []struct {
		name         string
		w, h         int
		wantW, wantH int
	}{
		{"large landscape scan", 2100, 1200, PhotoSide, 274},
		{"portrait photo", 900, 1600, 270, PhotoSide},
		{"small already", 300, 180, 300, 180},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "card.png")
			img := imaging.New(tt.w, tt.h, color.White)
			if err := imaging.Save(img, path); err != nil {
				t.Fatal(err)
			}
			photo, err := CardPhoto(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := jpeg.Decode(bytes.NewReader(photo))
			if err != nil {
				t.Fatalf("not a JPEG: %v", err)
			}
			if b := got.Bounds(); b.Dx() != tt.wantW || b.Dy() != tt.wantH {
				t.Errorf("photo %dx%d, want %dx%d", b.Dx(), b.Dy(), tt.wantW, tt.wantH)
			}
			if len(photo) > 60_000 {
				t.Errorf("photo is %d bytes; it should stay small", len(photo))
			}
		})
	}
	if _, err := CardPhoto(filepath.Join(t.TempDir(), "missing.png")); err == nil || !strings.Contains(err.Error(), "missing.png") {
		t.Errorf("missing image: %v, want an error naming it", err)
	}
	// An image that claims to be enormous, as one from an archive made
	// elsewhere could, is refused before decoding.
	var small bytes.Buffer
	png.Encode(&small, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := small.Bytes()
	binary.BigEndian.PutUint32(data[16:], 60000)
	binary.BigEndian.PutUint32(data[20:], 60000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	huge := filepath.Join(t.TempDir(), "huge.png")
	os.WriteFile(huge, data, 0o600)
	if _, err := CardPhoto(huge); err == nil || !strings.Contains(err.Error(), "more than 100 megapixels") {
		t.Errorf("huge image: %v, want it refused", err)
	}
}

func TestWithPhoto(t *testing.T) {
	var buf bytes.Buffer
	jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 64, 40)), nil)
	photo := buf.Bytes()
	tests := []struct {
		name  string
		c     contacts.Contact
		v4    bool
		write func(w *bytes.Buffer, cs ...contacts.Contact) error
		want  []byte // the photo read back; nil for the one the contact had
	}{
		{"3.0", contacts.Contact{FullName: "Ann"}, false, func(w *bytes.Buffer, cs ...contacts.Contact) error { return Write(w, cs...) }, photo},
		{"4.0", contacts.Contact{FullName: "Ann"}, true, func(w *bytes.Buffer, cs ...contacts.Contact) error { return Write4(w, cs...) }, photo},
		{"has a photo", contacts.Contact{FullName: "Bo", Extra: []string{"item1.PHOTO;TYPE=JPEG;ENCODING=b:AAAA"}}, false,
			func(w *bytes.Buffer, cs ...contacts.Contact) error { return Write(w, cs...) }, []byte{0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := tt.write(&out, WithPhoto(tt.c, photo, tt.v4)); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(out.String(), "\r\n") {
				if len(line) > contentline.MaxOctets {
					t.Fatalf("line of %d octets: the photo is not folded", len(line))
				}
			}
			card, err := vcard.NewDecoder(&out).Decode()
			if err != nil {
				t.Fatal(err)
			}
			photos := card[vcard.FieldPhoto]
			if len(photos) != 1 {
				t.Fatalf("%d PHOTO properties, want 1", len(photos))
			}
			data := photos[0].Value
			data = strings.TrimPrefix(data, "data:image/jpeg;base64,")
			got, err := base64.StdEncoding.DecodeString(data)
			if err != nil || !bytes.Equal(got, tt.want) {
				t.Errorf("PHOTO holds %d bytes (%v), want %d", len(got), err, len(tt.want))
			}
		})
	}
}
