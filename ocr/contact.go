package ocr

import (
	"followthrough/contacts"
)

// Contact turns what was read into a contact, ready for review. The name
// is split into its parts as contacts.SplitName splits it, family first
// in kanji, hangul or kana ("山本 健太"); the phonetic name, the romaji
// printed beside it, as contacts.SplitPhonetic does, whose order its
// capitals tell ("YAMAMOTO Kenta"): the classifier writes it in its
// usual case with contacts.PhoneticNameCase, not NameCase, unless names
// are kept as printed. A suggested field, not printed on the card, is
// left out: the contact holds what the card says.
func (r *Reading) Contact() contacts.Contact {
	var c contacts.Contact
	var notes []string
	for _, f := range r.Fields {
		if f.Suggested {
			continue
		}
		switch f.Kind {
		case FieldName:
			c.FullName = f.Value
			c.GivenName, c.FamilyName = contacts.SplitName(f.Value)
		case FieldPhonetic:
			c.PhoneticGivenName, c.PhoneticFamilyName = contacts.SplitPhonetic(f.Value)
		case FieldTitle:
			c.Title = f.Value
		case FieldCompany:
			c.Company = f.Value
		case FieldPhone:
			c.Phones = append(c.Phones, contacts.Phone{Number: f.Value, Kind: contacts.PhoneKind(f.PhoneKind)})
		case FieldEmail:
			c.Emails = append(c.Emails, f.Value)
		case FieldWebsite:
			c.Websites = append(c.Websites, f.Value)
		case FieldAddress:
			c.Addresses = append(c.Addresses, contacts.Address{Street: f.Value})
		case FieldNote:
			notes = append(notes, f.Value)
		}
	}
	for _, n := range notes {
		if c.Note != "" {
			c.Note += "\n"
		}
		c.Note += n
	}
	return c
}

// Suggestion returns the first suggested field of kind among fields: a
// value the card does not print but other evidence gives, for the user to
// take or leave.
func Suggestion(fields []Field, kind FieldKind) (Field, bool) {
	for _, f := range fields {
		if f.Suggested && f.Kind == kind {
			return f, true
		}
	}
	return Field{}, false
}
