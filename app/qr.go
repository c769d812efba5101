package app

import (
	"fmt"

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
