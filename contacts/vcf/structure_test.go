package vcf

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"followthrough/contacts"
)

// structuredCard is issue 22.3's card: a name in all five parts, a home
// and a work address, and emails and a website with their types.
const structuredCard = "BEGIN:VCARD\r\nVERSION:3.0\r\n" +
	"N:Øster;Ann-Marie;Q.;Dr.;PhD\r\nFN:Dr. Ann-Marie Q. Øster\\, PhD\r\n" +
	"EMAIL;TYPE=INTERNET,HOME:ann@home.example\r\nEMAIL;TYPE=INTERNET,WORK:ann@work.example\r\n" +
	"URL;TYPE=WORK:https://work.example\r\n" +
	"ADR;TYPE=home:;;Storgata 1;Oslo;;0155;Norway\r\n" +
	"ADR;TYPE=WORK:PO Box 7;Floor 3;Karl Johans gate 2;Oslo;Oslo;0154;Norway\r\n" +
	"END:VCARD\r\n"

// structuredContact is what structuredCard holds.
var structuredContact = contacts.Contact{
	FullName: "Dr. Ann-Marie Q. Øster, PhD",
	Prefix:   "Dr.", GivenName: "Ann-Marie", MiddleName: "Q.", FamilyName: "Øster", Suffix: "PhD",
	Emails:        []string{"ann@home.example", "ann@work.example"},
	EmailLabels:   map[string]contacts.Label{"ann@home.example": contacts.LabelHome, "ann@work.example": contacts.LabelWork},
	Websites:      []string{"https://work.example"},
	WebsiteLabels: map[string]contacts.Label{"https://work.example": contacts.LabelWork},
	Addresses: []contacts.Address{
		{Label: contacts.LabelHome, Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"},
		{Label: contacts.LabelWork, POBox: "PO Box 7", Extended: "Floor 3", Street: "Karl Johans gate 2",
			City: "Oslo", Region: "Oslo", PostalCode: "0154", Country: "Norway"},
	},
}

// TestStructureRoundTrip: the parts of a name, the components and types
// of several addresses, and the types of emails and websites come back
// from a 3.0 or 4.0 export, and the export writes them as they came.
func TestStructureRoundTrip(t *testing.T) {
	read, err := Read(strings.NewReader(structuredCard))
	if err != nil || len(read) != 1 {
		t.Fatalf("Read = %d cards, %v", len(read), err)
	}
	if !reflect.DeepEqual(read[0], structuredContact) {
		t.Fatalf("read\n %#v\nwant\n %#v", read[0], structuredContact)
	}
	tests := []struct {
		name  string
		write func(*bytes.Buffer, ...contacts.Contact) error
		lines []string
	}{
		{"3.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return Write(b, cs...) }, []string{
			"N:Øster;Ann-Marie;Q.;Dr.;PhD",
			"ADR;TYPE=home:;;Storgata 1;Oslo;;0155;Norway",
			"ADR;TYPE=work:PO Box 7;Floor 3;Karl Johans gate 2;Oslo;Oslo;0154;Norway",
			"EMAIL;TYPE=internet,home:ann@home.example",
			"EMAIL;TYPE=internet,work:ann@work.example",
			"URL;TYPE=work:https://work.example",
		}},
		{"4.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return Write4(b, cs...) }, []string{
			"N:Øster;Ann-Marie;Q.;Dr.;PhD",
			"EMAIL;TYPE=home:ann@home.example",
			"EMAIL;TYPE=work:ann@work.example",
			"URL;TYPE=work:https://work.example",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, read[0]); err != nil {
				t.Fatal(err)
			}
			unfolded := strings.ReplaceAll(buf.String(), "\r\n ", "")
			for _, l := range tt.lines {
				if !strings.Contains(unfolded, l+"\r\n") {
					t.Errorf("no line %q in\n%s", l, unfolded)
				}
			}
			back, err := Read(&buf)
			if err != nil || len(back) != 1 {
				t.Fatalf("Read = %d cards, %v", len(back), err)
			}
			if !reflect.DeepEqual(back[0], structuredContact) {
				t.Errorf("read back\n %#v\nwant\n %#v", back[0], structuredContact)
			}
		})
	}
	t.Run("QR", func(t *testing.T) {
		payload, omitted, err := QRCard(structuredContact, QRMaxBytes)
		if err != nil {
			t.Fatal(err)
		}
		if len(omitted) > 0 {
			t.Errorf("omitted %q from a card that fits", omitted)
		}
		back, err := Read(bytes.NewReader(payload))
		if err != nil || len(back) != 1 {
			t.Fatalf("Read = %d cards, %v", len(back), err)
		}
		if !reflect.DeepEqual(back[0], structuredContact) {
			t.Errorf("QR card reads back as\n %#v\nwant\n %#v", back[0], structuredContact)
		}
	})
}
