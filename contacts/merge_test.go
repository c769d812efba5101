package contacts

import (
	"reflect"
	"testing"
	"time"
)

func TestMerge(t *testing.T) {
	early, late := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	stored := Contact{
		ID: 7, FullName: "Jon Smith", GivenName: "Jon", FamilyName: "Smith", Company: "Acme",
		Title: "Engineer", Phones: []Phone{{Number: "(650) 555-0100", Kind: PhoneWork}},
		Emails: []string{"jon@acme.com"}, Tags: []string{"cloud"}, Note: "Likes jazz",
		Event: "DevConf", MetOn: Day{2025, 1, 1}, Image: "images/a.jpg", Created: late,
		Extra: []string{"BDAY:1980-01-01"},
	}
	scanned := Contact{
		FullName: "John Smith", GivenName: "John", FamilyName: "Smith", Company: "Acme Inc.",
		Title: "Staff Engineer", Addresses: []Address{{Street: "1 Main St"}},
		Phones:   []Phone{{Number: "+1 650 555 0100", Kind: PhoneWork}, {Number: "+1 650 555 0199", Kind: PhoneMobile}},
		Emails:   []string{"JON@acme.com", "john.smith@gmail.com"},
		Websites: []string{"https://acme.com/"}, Tags: []string{"Cloud", "hiring"},
		Note: "Met again", Event: "GoCon", TalkedAbout: "hiring", Created: early,
		Extra: []string{"BDAY:1980-01-01", "NICKNAME:Johnny"},
	}
	tests := []struct {
		name      string
		fromOther []MergeField
		want      Contact
	}{
		{
			name: "keep everything stored, add the rest",
			want: Contact{
				ID: 7, FullName: "Jon Smith", GivenName: "Jon", FamilyName: "Smith", Company: "Acme",
				Title: "Engineer", Addresses: []Address{{Street: "1 Main St"}}, // the stored card had none
				Phones:   []Phone{{Number: "(650) 555-0100", Kind: PhoneWork}, {Number: "+1 650 555 0199", Kind: PhoneMobile}},
				Emails:   []string{"jon@acme.com", "john.smith@gmail.com"},
				Websites: []string{"https://acme.com/"}, Tags: []string{"cloud", "hiring"},
				Note: "Likes jazz\nMet again", Event: "DevConf", MetOn: Day{2025, 1, 1}, TalkedAbout: "hiring",
				Image: "images/a.jpg", Created: early, Extra: []string{"BDAY:1980-01-01", "NICKNAME:Johnny"},
			},
		},
		{
			name:      "take the name, title and meeting from the scan",
			fromOther: []MergeField{MergeName, MergeTitle, MergeMet},
			want: Contact{
				ID: 7, FullName: "John Smith", GivenName: "John", FamilyName: "Smith", Company: "Acme",
				Title: "Staff Engineer", Addresses: []Address{{Street: "1 Main St"}},
				Phones:   []Phone{{Number: "(650) 555-0100", Kind: PhoneWork}, {Number: "+1 650 555 0199", Kind: PhoneMobile}},
				Emails:   []string{"jon@acme.com", "john.smith@gmail.com"},
				Websites: []string{"https://acme.com/"}, Tags: []string{"cloud", "hiring"},
				Note: "Likes jazz\nMet again", Event: "GoCon", TalkedAbout: "hiring",
				Image: "images/a.jpg", Created: early, Extra: []string{"BDAY:1980-01-01", "NICKNAME:Johnny"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Merge(stored, scanned, tt.fromOther, "US")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Merge:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestMergePhonetic: the phonetic name goes with the name, and is taken
// from the other card when the names are the same and only it has one.
func TestMergePhonetic(t *testing.T) {
	kanji := Contact{FullName: "山本 健太", GivenName: "健太", FamilyName: "山本"}
	read := kanji
	read.PhoneticGivenName, read.PhoneticFamilyName = "Kenta", "Yamamoto"
	other := Contact{FullName: "山本 恭介", GivenName: "恭介", FamilyName: "山本", PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto"}
	tests := []struct {
		name        string
		keep, other Contact
		fromOther   []MergeField
		want        Contact
	}{
		{"same name, only the other says how it is read", kanji, read, nil, read},
		{"same name, both say how it is read: the kept one's", read, Contact{FullName: "山本 健太", PhoneticGivenName: "Kyousuke", PhoneticFamilyName: "Yamamoto"}, nil, read},
		{"another name, the kept one without a reading stays so", kanji, other, nil, kanji},
		{"the other's name chosen: its reading with it", read, other, []MergeField{MergeName}, other},
		{"the other's name chosen: no reading with it", read, Contact{FullName: "Yamamoto Kenta"}, []MergeField{MergeName}, Contact{FullName: "Yamamoto Kenta"}},
		{"no name kept: the other's, reading and all", Contact{Company: "Acme"}, read, nil, func() Contact { c := read; c.Company = "Acme"; return c }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Merge(tt.keep, tt.other, tt.fromOther, "JP"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Merge:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDiffering(t *testing.T) {
	a := Contact{FullName: "Ann Lee", Company: "Acme", Title: "CTO", Event: "DevConf", Cadence: Cadence{Ideal: 30, Max: 60}}
	b := Contact{FullName: "Ann Lee", Company: "ACME", Addresses: []Address{{Street: "1 Main St"}}, Event: "DevConf", MetOn: Day{2025, 2, 3}}
	want := []MergeField{MergeCompany, MergeMet}
	if got := Differing(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("Differing = %v, want %v", got, want)
	}
	if got := Differing(a, a); len(got) != 0 {
		t.Errorf("Differing(a, a) = %v, want none", got)
	}
}

func TestSuggestFromNewer(t *testing.T) {
	stored := Contact{FullName: "Jon Smith", Title: "Engineer", Company: "Acme", Event: "DevConf"}
	newer := Contact{FullName: "John Smith", Title: "CTO", Company: "Acme", Addresses: []Address{{Street: "1 Main St"}}, Event: "GoCon"}
	want := []MergeField{MergeTitle}
	if got := SuggestFromNewer(stored, newer); !reflect.DeepEqual(got, want) {
		t.Errorf("SuggestFromNewer = %v, want %v", got, want)
	}
}

func TestJoinDifferent(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"", "", ""},
		{"x", "", "x"},
		{"", "y", "y"},
		{"same", "same", "same"},
		{"long note", "note", "long note"},
		{"a", "b", "a\nb"},
	}
	for _, tt := range tests {
		if got := joinDifferent(tt.a, tt.b); got != tt.want {
			t.Errorf("joinDifferent(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
