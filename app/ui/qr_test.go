package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"followthrough/contacts"
	"followthrough/contacts/vcf"
)

// TestQRImage reads the QR code back with an independent decoder, as a
// phone's camera would, and checks it holds the vCard.
func TestQRImage(t *testing.T) {
	c := contacts.Contact{FullName: "Mia Wong", GivenName: "Mia", FamilyName: "Wong", Company: "Acme",
		Phones: []contacts.Phone{{Number: "+1 650 555 0100", Kind: contacts.PhoneMobile}}, Emails: []string{"mia@acme.example"},
		Event: "Atlanta Tech Meetup", TalkedAbout: "hiring"}
	long := c
	long.Note = strings.Repeat("remember the coffee order ", 60)
	// Issue 22.8: what a phone added went silently.
	// (QRCard's test leaves out a second address too.)
	fromPhone := c
	fromPhone.Extra = []string{"BDAY:1990-04-01", "NICKNAME:Mimi", "ROLE:Board member"}
	tests := []struct {
		name        string
		c           contacts.Contact
		wantCaption string
		wantNote    bool
	}{
		{"whole card", c, "add Mia Wong", true},
		{"long note left out", long, "Left out of the code, to keep it readable: the note.", false},
		{"what a phone added left out", fromPhone,
			"Left out of the code, to keep it readable: the birthday, the nickname and the role.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, caption, err := qrImage(tt.c)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(caption, tt.wantCaption) {
				t.Errorf("caption %q lacks %q", caption, tt.wantCaption)
			}
			bmp, err := gozxing.NewBinaryBitmapFromImage(img)
			if err != nil {
				t.Fatal(err)
			}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
			if err != nil {
				t.Fatalf("the code cannot be read: %v", err)
			}
			cs, err := vcf.Read(bytes.NewReader([]byte(res.GetText())))
			if err != nil || len(cs) != 1 {
				t.Fatalf("the code holds %q: %v", res.GetText(), err)
			}
			got := cs[0]
			if got.FullName != "Mia Wong" || len(got.Phones) != 1 || got.Event != "Atlanta Tech Meetup" {
				t.Errorf("read %+v", got)
			}
			// A phone shows the note, which says what was talked about.
			if strings.Contains(got.Note, "Talked about: hiring") != tt.wantNote {
				t.Errorf("note = %q, want the talk kept: %v", got.Note, tt.wantNote)
			}
			if len(res.GetText()) > vcf.QRMaxBytes {
				t.Errorf("the code holds %d bytes, more than %d", len(res.GetText()), vcf.QRMaxBytes)
			}
		})
	}
}
