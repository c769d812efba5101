package contacts

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestQRCard(t *testing.T) {
	base := Contact{FullName: "Mia Wong", Company: "Acme", Phones: []Phone{{Number: "+1 650 555 0100"}}, Event: "Expo"}
	long := base
	long.Note = strings.Repeat("remember the coffee order ", 60)
	huge := base
	huge.Address = strings.Repeat("a very long street name ", 80)
	tests := []struct {
		name    string
		c       Contact
		omitted []string
		err     error
	}{
		{"fits whole", base, nil, nil},
		{"note left out", long, []string{"the note"}, nil},
		{"too big", huge, []string{"the note"}, ErrTooBigForQR},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vcf, omitted, err := QRCard(tt.c, QRMaxBytes)
			if !errors.Is(err, tt.err) || !slices.Equal(omitted, tt.omitted) {
				t.Fatalf("omitted %v, err %v; want %v, %v", omitted, err, tt.omitted, tt.err)
			}
			if err != nil {
				return
			}
			if len(vcf) > QRMaxBytes {
				t.Errorf("%d bytes, more than %d", len(vcf), QRMaxBytes)
			}
			cs, err := ReadVCards(bytes.NewReader(vcf))
			if err != nil || len(cs) != 1 || cs[0].FullName != "Mia Wong" || len(cs[0].Phones) != 1 {
				t.Errorf("the QR card reads back as %+v, %v", cs, err)
			}
		})
	}
}
