package vcf

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
)

// TestReadPhoneticName reads the phonetic name in the forms other apps
// write it, as their documentation and their exports show: Apple's
// Contacts (vCard 3.0, kana), Android's contacts exporter (vCard 2.1,
// quoted-printable UTF-8, with a phonetic middle name) and Google
// Contacts (vCard 3.0, romaji).
func TestReadPhoneticName(t *testing.T) {
	tests := []struct {
		name, card     string
		given, family  string
		full, kanjiFam string
	}{
		{
			name: "Apple Contacts",
			card: "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//macOS 14.5//EN\r\n" +
				"N:山本;健太;;;\r\nFN:山本 健太\r\n" +
				"X-PHONETIC-FIRST-NAME:きょうすけ\r\nX-PHONETIC-LAST-NAME:しまだ\r\n" +
				"ORG:アクメ株式会社;\r\nEND:VCARD\r\n",
			given: "きょうすけ", family: "しまだ", full: "山本 健太", kanjiFam: "山本",
		},
		{
			name: "Android, vCard 2.1",
			card: "BEGIN:VCARD\r\nVERSION:2.1\r\n" +
				"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E6=9C=AC;=E5=81=A5=E5=A4=AA;;;\r\n" +
				"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E6=9C=AC =E5=81=A5=E5=A4=AA\r\n" +
				"X-PHONETIC-FIRST-NAME:Kenta\r\nX-PHONETIC-MIDDLE-NAME:Taro\r\nX-PHONETIC-LAST-NAME:Yamamoto\r\n" +
				"TEL;CELL:+81 90 5555 0100\r\nEND:VCARD\r\n",
			given: "Kenta Taro", family: "Yamamoto", full: "山本 健太", kanjiFam: "山本",
		},
		{
			name: "Google Contacts",
			card: "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山本 健太\r\nN:山本;健太;;;\r\n" +
				"X-PHONETIC-FIRST-NAME:Kenta\r\nX-PHONETIC-LAST-NAME:Yamamoto\r\n" +
				"CATEGORIES:myContacts\r\nEND:VCARD\r\n",
			given: "Kenta", family: "Yamamoto", full: "山本 健太", kanjiFam: "山本",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := Read(strings.NewReader(tt.card))
			if err != nil || len(cs) != 1 {
				t.Fatalf("Read = %d cards, %v", len(cs), err)
			}
			c := cs[0]
			if c.PhoneticGivenName != tt.given || c.PhoneticFamilyName != tt.family || c.FullName != tt.full || c.FamilyName != tt.kanjiFam {
				t.Errorf("read %+v", c)
			}
			// Taken in, not kept again as another app's property.
			if slices.ContainsFunc(c.Extra, func(l string) bool { return strings.Contains(l, "PHONETIC") }) {
				t.Errorf("extra %q holds the phonetic name", c.Extra)
			}
		})
	}
}

// TestPhoneticNameRoundTrip: the phonetic name is written in 3.0 and 4.0
// as the X- properties other apps read, left out when there is none, and
// read back as it was written.
func TestPhoneticNameRoundTrip(t *testing.T) {
	c := contacts.Contact{
		UID: "yamamoto", FullName: "山本 健太", GivenName: "健太", FamilyName: "山本",
		PhoneticGivenName: "Kenta", PhoneticFamilyName: "YAMAMOTO, Jr.",
	}
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer, ...contacts.Contact) error
	}{
		{"3.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return Write(b, cs...) }},
		{"4.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return Write4(b, cs...) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, c); err != nil {
				t.Fatal(err)
			}
			lines := cardLines(buf.String())
			for _, want := range []string{"X-PHONETIC-FIRST-NAME:Kenta", `X-PHONETIC-LAST-NAME:YAMAMOTO\, Jr.`} {
				if !slices.Contains(lines, want) {
					t.Errorf("no line %q in\n%s", want, buf.String())
				}
			}
			back, err := Read(&buf)
			if err != nil || len(back) != 1 || !reflect.DeepEqual(back[0], c) {
				t.Errorf("read back %+v, %v; want %+v", back, err, c)
			}

			buf.Reset()
			plain := contacts.Contact{UID: "ann", FullName: "Ann Lee", GivenName: "Ann", FamilyName: "Lee"}
			if err := tt.write(&buf, plain); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(buf.String(), "PHONETIC") {
				t.Errorf("a contact without a phonetic name:\n%s", buf.String())
			}
		})
	}
}

// TestPhoneticNameOverExtra: a phonetic name kept as another app's
// property, from before the app read it, gives way to the contact's own,
// in a file and on a CardDAV server; and the server's does not come back
// once the contact's is cleared.
func TestPhoneticNameOverExtra(t *testing.T) {
	c := contacts.Contact{FullName: "山本 健太", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto",
		Extra: []string{"X-PHONETIC-FIRST-NAME:Old", "X-PHONETIC-MIDDLE-NAME:Older", "NICKNAME:Kyo"}}
	var buf bytes.Buffer
	if err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); strings.Contains(s, "Old") || !strings.Contains(s, "X-PHONETIC-FIRST-NAME:Kenta") || !strings.Contains(s, "NICKNAME:Kyo") {
		t.Errorf("written:\n%s", s)
	}
	// Without a phonetic name of its own, the kept one is written as it was.
	kept := c
	kept.PhoneticGivenName, kept.PhoneticFamilyName = "", ""
	buf.Reset()
	if err := Write(&buf, kept); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, "X-PHONETIC-FIRST-NAME:Old") {
		t.Errorf("written without a phonetic name of its own:\n%s", s)
	}

	base := "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nFN:山本 健太\r\nX-PHONETIC-FIRST-NAME:Server\r\n" +
		"X-PHONETIC-MIDDLE-NAME:Mid\r\nX-PHONETIC-LAST-NAME:Server\r\nBDAY:1980-01-02\r\nEND:VCARD\r\n"
	cleared := contacts.Contact{FullName: "山本 健太"}
	b, err := SyncCard(cleared, "x", base)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); strings.Contains(s, "PHONETIC") || !strings.Contains(s, "BDAY:1980-01-02") {
		t.Errorf("sync card of a contact whose phonetic name was cleared:\n%s", s)
	}
	b, err = SyncCard(c, "x", base)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(b))
	if err != nil || len(got) != 1 || got[0].PhoneticGivenName != "Kenta" || got[0].PhoneticFamilyName != "Yamamoto" {
		t.Errorf("sync card read back %+v, %v:\n%s", got, err, b)
	}
}

// TestQRCardKeepsThePhoneticName: a phone that scans the code can sort and
// say a name in kanji.
func TestQRCardKeepsThePhoneticName(t *testing.T) {
	c := contacts.Contact{FullName: "山本 健太", GivenName: "健太", FamilyName: "山本", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto"}
	b, omitted, err := QRCard(c, QRMaxBytes)
	if err != nil || len(omitted) != 0 {
		t.Fatalf("QRCard: %v, omitted %q", err, omitted)
	}
	lines := cardLines(string(b))
	for _, want := range []string{"X-PHONETIC-FIRST-NAME:Kenta", "X-PHONETIC-LAST-NAME:Yamamoto"} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in\n%s", want, b)
		}
	}
}
