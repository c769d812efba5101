package sqlite

import (
	"errors"
	"strings"
	"testing"

	"followthrough/contacts"
)

func TestSyncRecords(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	c := contacts.Contact{FullName: "Bo Li", Tags: []string{"zeta", "Alpha"}}
	// The hash comes from the caller (vcf.CardHash in davsync); any function
	// of the contact shows which contact was hashed.
	hash := func(c contacts.Contact) string { return c.FullName + "|" + strings.Join(c.Tags, ",") }
	r, err := s.AddSynced(ctx, &c, SyncRecord{Book: "/u/book/", Href: "/u/book/b.vcf", UID: "b", ETag: `"1"`, Card: "BEGIN:VCARD"}, hash)
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
	if r.Hash != hash(stored) || r.Hash != "Bo Li|Alpha,zeta" {
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
