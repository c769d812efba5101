package app

import (
	"fmt"
	"io"

	"github.com/skip2/go-qrcode"

	"followthrough/contacts"
	"followthrough/contacts/vcf"
)

// ContactQR is the QR code of c's vCard, which a phone's camera reads
// straight into its contacts, and the fields left out to keep it readable
// (vcf.QRCard); the window and the qr command both show it.
func ContactQR(c contacts.Contact) (*qrcode.QRCode, []string, error) {
	card, omitted, err := vcf.QRCard(c, vcf.QRMaxBytes)
	if err != nil {
		return nil, nil, err
	}
	code, err := qrcode.New(string(card), qrcode.Medium)
	if err != nil {
		return nil, nil, fmt.Errorf("qr: %w", err)
	}
	return code, omitted, nil
}

// QRSizes are the widths, in pixels, a QR code is written at: smaller
// than the code's own modules it could not be read, larger is no use.
const (
	MinQRSize = 64
	MaxQRSize = 4096
)

// WriteQRPNG writes code as a PNG image size pixels wide to the file at
// path, encoding it whole first and replacing the file only once the
// image is on disk. A size out of [MinQRSize, MaxQRSize] is refused
// before the file is touched.
func WriteQRPNG(path string, code *qrcode.QRCode, size int) error {
	if size < MinQRSize || size > MaxQRSize {
		return fmt.Errorf("qr: a size of %d pixels: give %d to %d", size, MinQRSize, MaxQRSize)
	}
	png, err := code.PNG(size)
	if err != nil {
		return fmt.Errorf("qr: %w", err)
	}
	err = WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(png)
		return err
	})
	if err != nil {
		return fmt.Errorf("qr: %w", err)
	}
	return nil
}
