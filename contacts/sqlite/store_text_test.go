package sqlite

import (
	"testing"

	"followthrough/contacts"
)

func TestStoreCleansText(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	c := contacts.Contact{
		FullName:    "Ann\x00 \x1b[31mExample\u202e",
		Company:     "مثال\u200f للبرمجيات",
		Title:       "Head of 🚀\nGrowth",
		Note:        "line one\r\nline two\x07\tend",
		Emails:      []string{"ann@example.org\x00"},
		Phones:      []contacts.Phone{{Number: "+1 650\u2028555 0100"}},
		Tags:        []string{"vip\ufeff"},
		TalkedAbout: "bad \xff byte",
	}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"FullName":    {got.FullName, "Ann [31mExample"},
		"Company":     {got.Company, "مثال\u200f للبرمجيات"},
		"Title":       {got.Title, "Head of 🚀 Growth"},
		"Note":        {got.Note, "line one\nline two\tend"},
		"Email":       {got.Emails[0], "ann@example.org"},
		"Phone":       {got.Phones[0].Number, "+1 650 555 0100"},
		"Tag":         {got.Tags[0], "vip"},
		"TalkedAbout": {got.TalkedAbout, "bad \uFFFD byte"},
	}
	for field, gw := range want {
		if gw[0] != gw[1] {
			t.Errorf("%s = %q, want %q", field, gw[0], gw[1])
		}
	}
	if c.FullName != got.FullName {
		t.Errorf("Add left c.FullName %q, stored %q", c.FullName, got.FullName)
	}
}
