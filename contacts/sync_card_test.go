package contacts

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSyncCard(t *testing.T) {
	c := Contact{FullName: "Ana Ruiz", GivenName: "Ana", FamilyName: "Ruiz", Company: "Acme",
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
			got, err := ReadVCards(strings.NewReader(string(b)))
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
	a := Contact{FullName: "Ana Ruiz", Emails: []string{"ana@example.com"}}
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

func TestSyncRecords(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	c := Contact{FullName: "Bo Li", Tags: []string{"zeta", "Alpha"}}
	r, err := s.AddSynced(ctx, &c, SyncRecord{Book: "/u/book/", Href: "/u/book/b.vcf", UID: "b", ETag: `"1"`, Card: "BEGIN:VCARD"})
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || r.ContactID != c.ID {
		t.Fatalf("contact %d, record for %d", c.ID, r.ContactID)
	}
	stored, err := s.Get(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Hash != CardHash(stored) {
		t.Error("record's hash is not the stored contact's")
	}
	// Another book's records are kept apart.
	other := SyncRecord{Book: "/u/other/", Href: "/u/other/b.vcf", ContactID: c.ID, UID: "b", ETag: `"9"`}
	if err := s.SaveSyncRecord(ctx, other); err != nil {
		t.Fatal(err)
	}
	// Saving a record of the same contact under a new href replaces it.
	r.Href, r.ETag = "/u/book/moved.vcf", `"2"`
	if err := s.SaveSyncRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	rs, err := s.SyncRecords(ctx, "/u/book/")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0] != r {
		t.Fatalf("records = %+v, want just %+v", rs, r)
	}
	if err := s.SaveSyncRecord(ctx, SyncRecord{Book: "/u/book/", Href: "/x.vcf"}); err == nil {
		t.Error("record without a contact saved")
	}

	if _, err := s.DeleteSynced(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("contact still there: %v", err)
	}
	if rs, _ := s.SyncRecords(ctx, "/u/book/"); len(rs) != 0 {
		t.Errorf("records left: %+v", rs)
	}
	if rs, _ := s.SyncRecords(ctx, "/u/other/"); len(rs) != 1 {
		t.Errorf("other book's records: %+v", rs)
	}
	if err := s.DeleteSyncRecord(ctx, "/u/other/", "/u/other/b.vcf"); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.SyncRecords(ctx, "/u/other/"); len(rs) != 0 {
		t.Errorf("records left after DeleteSyncRecord: %+v", rs)
	}
}
