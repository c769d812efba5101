package ocr

import (
	"followthrough/contacts"
)

// Contact turns what was read into a contact, ready for review.
func (r *Reading) Contact() contacts.Contact {
	var c contacts.Contact
	var notes []string
	for _, f := range r.Fields {
		switch f.Kind {
		case FieldName:
			c.FullName = f.Value
			c.GivenName, c.FamilyName = contacts.SplitName(f.Value)
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
