package ocr_test

import (
	"reflect"
	"testing"

	"followthrough/contacts"
	"followthrough/ocr"
)

// TestReadingContact: the name and the phonetic name read from a card
// become the contact's name parts, a Japanese name family first.
func TestReadingContact(t *testing.T) {
	tests := []struct {
		name   string
		fields []ocr.Field
		want   contacts.Contact
	}{
		{
			name: "a Japanese card with the romaji beside the kanji",
			fields: []ocr.Field{
				{Kind: ocr.FieldName, Value: "山本 健太"},
				{Kind: ocr.FieldPhonetic, Value: "Kenta Yamamoto"},
				{Kind: ocr.FieldCompany, Value: "株式会社アクメ"},
			},
			want: contacts.Contact{
				FullName: "山本 健太", GivenName: "健太", FamilyName: "山本",
				PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto", Company: "株式会社アクメ",
			},
		},
		{
			name: "the family name of the romaji in capitals, first",
			fields: []ocr.Field{
				{Kind: ocr.FieldName, Value: "山本 健太"},
				{Kind: ocr.FieldPhonetic, Value: "YAMAMOTO Kenta"},
			},
			want: contacts.Contact{
				FullName: "山本 健太", GivenName: "健太", FamilyName: "山本",
				PhoneticGivenName: "Kenta", PhoneticFamilyName: "YAMAMOTO",
			},
		},
		{
			name: "all in capitals, given name first",
			fields: []ocr.Field{
				{Kind: ocr.FieldName, Value: "山本健太"},
				{Kind: ocr.FieldPhonetic, Value: "KENTA YAMAMOTO"},
			},
			want: contacts.Contact{
				FullName: "山本健太", GivenName: "山本健太",
				PhoneticGivenName: "KENTA", PhoneticFamilyName: "YAMAMOTO",
			},
		},
		{
			name: "a company suggested by the email's domain is left out",
			fields: []ocr.Field{
				{Kind: ocr.FieldName, Value: "Jane Doe"},
				{Kind: ocr.FieldEmail, Value: "jane@quaywell.example"},
				{Kind: ocr.FieldCompany, Value: "Quaywell", Conf: ocr.LowConfidence - 1, Reason: "the email's domain", Suggested: true},
			},
			want: contacts.Contact{FullName: "Jane Doe", GivenName: "Jane", FamilyName: "Doe", Emails: []string{"jane@quaywell.example"}},
		},
		{
			name:   "no phonetic name",
			fields: []ocr.Field{{Kind: ocr.FieldName, Value: "Jane Doe"}},
			want:   contacts.Contact{FullName: "Jane Doe", GivenName: "Jane", FamilyName: "Doe"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &ocr.Reading{Fields: tt.fields}
			if got := r.Contact(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Contact() =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}
