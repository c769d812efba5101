package vcf

import (
	"bytes"
	"strings"
	"testing"

	"followthrough/contacts"
)

// TestCardUID: every card written carries the contact's UID, once, and a
// card read from another app keeps its own UID through import and export.
func TestCardUID(t *testing.T) {
	tests := []struct {
		name    string
		in      string // a card to read, or "" to write c
		c       contacts.Contact
		wantUID string
	}{
		{name: "a contact with a UID", c: contacts.Contact{UID: "4f0c3c1e-9d1a-4b47-8f3e-1f2d3c4b5a69", FullName: "Ann Lee"},
			wantUID: "4f0c3c1e-9d1a-4b47-8f3e-1f2d3c4b5a69"},
		{name: "another app's card", in: "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1234\r\nFN:Bo Ek\r\nN:Ek;Bo;;;\r\nEND:VCARD\r\n",
			wantUID: "phone-1234"},
		{name: "another app's 4.0 card with a urn UID", in: "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0b9c3a1e-1111-4222-8333-444455556666\r\nFN:Cy Ro\r\nEND:VCARD\r\n",
			wantUID: "urn:uuid:0b9c3a1e-1111-4222-8333-444455556666"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			if tt.in != "" {
				cs, err := Read(strings.NewReader(tt.in))
				if err != nil || len(cs) != 1 {
					t.Fatalf("read: %d, %v", len(cs), err)
				}
				c = cs[0]
				if c.UID != tt.wantUID {
					t.Errorf("read UID %q, want %q", c.UID, tt.wantUID)
				}
			}
			for _, write := range []func(*bytes.Buffer, contacts.Contact) error{
				func(b *bytes.Buffer, c contacts.Contact) error { return Write(b, c) },
				func(b *bytes.Buffer, c contacts.Contact) error { return Write4(b, c) },
			} {
				var buf bytes.Buffer
				if err := write(&buf, c); err != nil {
					t.Fatal(err)
				}
				if n := strings.Count(buf.String(), "\r\nUID:"); n != 1 || !strings.Contains(buf.String(), "\r\nUID:"+tt.wantUID+"\r\n") {
					t.Errorf("%d UID lines, want one with %q:\n%s", n, tt.wantUID, buf.String())
				}
				back, err := Read(&buf)
				if err != nil || len(back) != 1 || back[0].UID != tt.wantUID {
					t.Errorf("read back: %+v, %v", back, err)
				}
			}
			qr, _, err := QRCard(c, QRMaxBytes)
			if err != nil || !strings.Contains(string(qr), "\r\nUID:"+tt.wantUID+"\r\n") {
				t.Errorf("QR payload without the UID %q: %v\n%s", tt.wantUID, err, qr)
			}
		})
	}
}
