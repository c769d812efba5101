package receive

import (
	"fmt"

	"github.com/skip2/go-qrcode"
)

// QRCodePNG is the QR code of url as a PNG image size points wide.
func QRCodePNG(url string, size int) ([]byte, error) {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("receive: QR code: %w", err)
	}
	png, err := q.PNG(size)
	if err != nil {
		return nil, fmt.Errorf("receive: QR code: %w", err)
	}
	return png, nil
}

// QRCodeText is the QR code of url drawn for a terminal with half-block
// characters, two rows of modules a line, for a terminal with a dark
// background.
func QRCodeText(url string) (string, error) {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("receive: QR code: %w", err)
	}
	// Most terminals draw light text on a dark background: the light
	// modules and the quiet zone are drawn, the dark ones left to the
	// background.
	return q.ToSmallString(false), nil
}
