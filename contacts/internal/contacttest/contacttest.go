// Package contacttest holds what the tests of contacts' adapters share
// about contacts.
package contacttest

import "followthrough/contacts"

// Normalize returns c in a form reflect.DeepEqual can compare: empty
// slices as nil, times in UTC.
func Normalize(c contacts.Contact) contacts.Contact {
	if len(c.Phones) == 0 {
		c.Phones = nil
	}
	if len(c.Emails) == 0 {
		c.Emails = nil
	}
	if len(c.Websites) == 0 {
		c.Websites = nil
	}
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	c.Created = c.Created.Round(0).UTC()
	c.Updated = c.Updated.Round(0).UTC()
	return c
}
