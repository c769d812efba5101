package vcf

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
)

func TestQRCard(t *testing.T) {
	base := contacts.Contact{FullName: "Mia Wong", Company: "Acme", Phones: []contacts.Phone{{Number: "+1 650 555 0100"}}, Event: "Expo"}
	long := base
	long.Note = strings.Repeat("remember the coffee order ", 60)
	huge := base
	huge.Addresses = []contacts.Address{{Street: strings.Repeat("a very long street name ", 80)}}
	scanned := base
	scanned.Image = "card.jpg"
	imported := long
	imported.Extra = []string{"BDAY:1990-04-01", "PHOTO;ENCODING=b;TYPE=JPEG:" + strings.Repeat("QUJD", 2000)}
	grouped := base
	grouped.Extra = []string{"item1.PHOTO;VALUE=uri:https://example.com/p.jpg"}
	// Issue 22.8: a birthday, a nickname, a role and a second address
	// went silently.
	fromPhone := long
	fromPhone.Extra = []string{"BDAY:1990-04-01", "NICKNAME:Mimi", "item3.ROLE:Board member", "X-ABLABEL:_$!<Other>!$_", "X-CUSTOM-THING:x"}
	fromPhone.Addresses = []contacts.Address{
		{Label: contacts.LabelWork, Street: strings.Repeat("Long Work Street ", 35)},
		{Label: contacts.LabelHome, Street: strings.Repeat("Long Home Street ", 35)},
	}
	tests := []struct {
		name    string
		c       contacts.Contact
		omitted []string
		err     error
	}{
		{"fits whole", base, nil, nil},
		{"note left out", long, []string{"the note"}, nil},
		{"too big", huge, nil, ErrTooBigForQR},
		{"card image left out", scanned, []string{"the photo"}, nil},
		{"imported photo, birthday and note left out", imported, []string{"the photo", "the birthday", "the note"}, nil},
		{"what a phone added, the note and the second address left out", fromPhone,
			[]string{"the birthday", "the nickname", "the role", "X-CUSTOM-THING", "the note", "the second address"}, nil},
		{"grouped photo left out", grouped, []string{"the photo"}, nil},
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
			if bytes.Contains(vcf, []byte("PHOTO")) {
				t.Errorf("the QR card holds a photo")
			}
			if len(vcf) > QRMaxBytes {
				t.Errorf("%d bytes, more than %d", len(vcf), QRMaxBytes)
			}
			cs, err := Read(bytes.NewReader(vcf))
			if err != nil || len(cs) != 1 || cs[0].FullName != "Mia Wong" || len(cs[0].Phones) != 1 {
				t.Errorf("the QR card reads back as %+v, %v", cs, err)
			}
		})
	}
}
