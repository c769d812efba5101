package contacts

import (
	"reflect"
	"strings"
	"testing"
)

var samePersonTests = []struct {
	name string
	a, b Contact
	want []string
}{
	{
		name: "same email, another case",
		a:    Contact{FullName: "Ann Lee", Emails: []string{"Ann.Lee@Example.com"}},
		b:    Contact{FullName: "A. Lee", Emails: []string{"other@example.org", "ann.lee@example.com "}},
		want: []string{"same email ann.lee@example.com"},
	},
	{
		name: "same phone, written two ways",
		a:    Contact{FullName: "Bo", Phones: []Phone{{Number: "(650) 555-0100"}}},
		b:    Contact{FullName: "Robert", Phones: []Phone{{Number: "+1 650.555.0100", Kind: PhoneMobile}}},
		want: []string{"same phone +1 650.555.0100"},
	},
	{
		name: "the same phone twice, said once",
		a:    Contact{FullName: "Bo", Phones: []Phone{{Number: "+1 650 555 0100"}}},
		b:    Contact{FullName: "Bo", Phones: []Phone{{Number: "(650) 555-0100"}, {Number: "650 555 0100"}}},
		want: []string{"same phone (650) 555-0100"},
	},
	{
		name: "a typo in the name at the same company",
		a:    Contact{FullName: "Jhon Smith", Company: "Acme Corp."},
		b:    Contact{FullName: "John Smith", Company: "ACME, Inc."},
		want: []string{"similar name at ACME, Inc."},
	},
	{
		name: "name turned round, middle initial, accents",
		a:    Contact{FullName: "Zoë B. Müller", Company: "Globex GmbH"},
		b:    Contact{GivenName: "Zoe", FamilyName: "Muller", Company: "globex"},
		want: []string{"similar name at globex"},
	},
	{
		name: "everything at once",
		a:    Contact{FullName: "Ann Lee", Company: "Initech", Emails: []string{"ann@initech.com"}, Phones: []Phone{{Number: "+44 20 7946 0958"}}},
		b:    Contact{FullName: "Ann Lee", Company: "Initech", Emails: []string{"ann@initech.com"}, Phones: []Phone{{Number: "+442079460958"}}},
		want: []string{"same email ann@initech.com", "same phone +442079460958", "similar name at Initech"},
	},
	{
		name: "same name at another company",
		a:    Contact{FullName: "John Smith", Company: "Acme"},
		b:    Contact{FullName: "John Smith", Company: "Globex"},
	},
	{
		name: "colleagues at the same company",
		a:    Contact{FullName: "Ann Lee", Company: "Acme"},
		b:    Contact{FullName: "Bob Lee", Company: "Acme"},
	},
	{
		name: "one letter off in a short name",
		a:    Contact{FullName: "Al Wu", Company: "Acme"},
		b:    Contact{FullName: "Al Xu", Company: "Acme"},
		want: []string{"similar name at Acme"},
	},
	{
		name: "short names two apart",
		a:    Contact{FullName: "Al Wu", Company: "Acme"},
		b:    Contact{FullName: "Ed Xu", Company: "Acme"},
	},
	{
		name: "a Japanese card and an English card, at the same company",
		a:    Contact{FullName: "山本 健太", PhoneticGivenName: "Kenta", PhoneticFamilyName: "YAMAMOTO", Company: "Acme KK"},
		b:    Contact{FullName: "Kenta Yamamoto", Company: "ACME"},
		want: []string{"similar name at ACME"},
	},
	{
		name: "the English card first, the Japanese card second",
		a:    Contact{FullName: "Kenta Yamamoto", Company: "ACME"},
		b:    Contact{FullName: "山本 健太", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto", Company: "Acme KK"},
		want: []string{"similar name at Acme KK"},
	},
	{
		name: "another person's phonetic name at the same company",
		a:    Contact{FullName: "山本 健太", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto", Company: "Acme"},
		b:    Contact{FullName: "Kenji Ito", Company: "Acme"},
	},
	{
		name: "a phonetic name at another company",
		a:    Contact{FullName: "山本 健太", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto", Company: "Acme"},
		b:    Contact{FullName: "Kenta Yamamoto", Company: "Globex"},
	},
	{
		name: "no company is not the same company",
		a:    Contact{FullName: "John Smith"},
		b:    Contact{FullName: "John Smith"},
	},
	{
		name: "invalid phones are not compared",
		a:    Contact{FullName: "A", Phones: []Phone{{Number: "123"}}},
		b:    Contact{FullName: "B", Phones: []Phone{{Number: "123"}}},
	},
	{
		name: "empty emails are not the same",
		a:    Contact{FullName: "A", Emails: []string{""}},
		b:    Contact{FullName: "B", Emails: []string{" "}},
	},
}

func TestSamePerson(t *testing.T) {
	for _, tt := range samePersonTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SamePerson(tt.a, tt.b, "US"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SamePerson = %q, want %q", got, tt.want)
			}
			// Whether they match does not depend on the order.
			if got := SamePerson(tt.b, tt.a, "US"); (len(got) > 0) != (len(tt.want) > 0) {
				t.Errorf("SamePerson(b, a) = %q, want a match: %v", got, len(tt.want) > 0)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 2, 0},
		{"abc", "abc", 2, 0},
		{"john", "jhon", 2, 1}, // a swap is one edit
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 1, 2}, // over the limit: limit+1
		{"a", "abcdef", 2, 3},
		{"zoë", "zoe", 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := editDistance([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
				t.Errorf("editDistance = %d, want %d", got, tt.want)
			}
		})
	}
}

func FuzzSamePerson(f *testing.F) {
	for _, tt := range samePersonTests {
		f.Add(tt.a.FullName, tt.a.Company, strings.Join(tt.a.Emails, ","), tt.b.FullName, tt.b.Company)
	}
	f.Fuzz(func(t *testing.T, nameA, companyA, emailA, nameB, companyB string) {
		a := Contact{FullName: nameA, Company: companyA, Emails: []string{emailA}}
		b := Contact{FullName: nameB, Company: companyB, Emails: []string{emailA}}
		// The same email always matches, and a contact is always itself.
		if strings.TrimSpace(emailA) != "" && len(SamePerson(a, b, "US")) == 0 {
			t.Errorf("same email %q did not match", emailA)
		}
		if CompanyKey(companyA) != "" && nameKey(nameA) != "" && len(SamePerson(a, a, "US")) == 0 {
			t.Errorf("%+v is not the same person as itself", a)
		}
	})
}
