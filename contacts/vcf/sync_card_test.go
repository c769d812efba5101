package vcf

import (
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
)

func TestSyncCard(t *testing.T) {
	c := contacts.Contact{FullName: "Ana Ruiz", GivenName: "Ana", FamilyName: "Ruiz", Company: "Acme",
		Emails: []string{"ana@example.com"}, Tags: []string{"vip"}}
	// A card as a phone left it on the server: a birthday and a photo
	// the app has no field for, an old email, and its own UID and REV.
	base := "BEGIN:VCARD\nVERSION:3.0\nUID:phone-uid\nREV:2026-01-01T00:00:00Z\nFN:Ana R.\n" +
		"N:R.;Ana;;;\nEMAIL;TYPE=INTERNET:old@example.com\nBDAY:1990-04-01\n" +
		"PHOTO;ENCODING=b;TYPE=JPEG:AAAA\n BBBB\nitem1.X-ABLABEL:Gym\nEND:VCARD\n"
	tests := []struct {
		name, base    string
		want, notWant []string
	}{
		{"new", "", []string{"UID:card-1", "FN:Ana Ruiz", "EMAIL;TYPE=internet:ana@example.com"},
			[]string{"BDAY"}},
		{"keeps what the app has no field for", base,
			[]string{"UID:card-1", "FN:Ana Ruiz", "BDAY:1990-04-01", "PHOTO;ENCODING=b;TYPE=JPEG:AAAABBBB", "item1.X-ABLABEL:Gym"},
			[]string{"phone-uid", "old@example.com", "Ana R.", "REV:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := SyncCard(c, "card-1", tt.base)
			if err != nil {
				t.Fatal(err)
			}
			lines := cardLines(string(b))
			if lines[0] != "BEGIN:VCARD" || lines[1] != "VERSION:3.0" || lines[2] != "UID:card-1" || lines[len(lines)-1] != "END:VCARD" {
				t.Errorf("card starts %q and ends %q", lines[:3], lines[len(lines)-1])
			}
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("no line %q in\n%s", w, b)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(string(b), nw) {
					t.Errorf("card holds %q:\n%s", nw, b)
				}
			}
			got, err := Read(strings.NewReader(string(b)))
			if err != nil || len(got) != 1 || got[0].FullName != c.FullName || got[0].Company != c.Company {
				t.Errorf("read back %+v, %v", got, err)
			}
		})
	}
	if _, err := SyncCard(c, "", ""); err == nil {
		t.Error("SyncCard with no UID: no error")
	}
}

func TestCardHash(t *testing.T) {
	a := contacts.Contact{FullName: "Ana Ruiz", Emails: []string{"ana@example.com"}}
	b := a
	b.ID, b.Image = 7, "images/x.jpg" // not on the card
	if CardHash(a) != CardHash(b) {
		t.Error("hash depends on what the card does not hold")
	}
	b.Emails = []string{"ana@example.org"}
	if CardHash(a) == CardHash(b) {
		t.Error("hash ignores a changed email")
	}
}
