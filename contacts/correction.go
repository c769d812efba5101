package contacts

import "time"

// A Correction is what the user changed in a field read from a card,
// remembered so that later cards from the same email domain or company
// are read with it: a company printed only in a logo, a domain the OCR
// misreads the same way on every card of one firm.
type Correction struct {
	ID int64
	// Domain and Company say which later cards it is for: those with
	// this email domain, or this company.
	Domain  string
	Company string
	// Field is "company", "website", "address", or "domain" for the
	// domain of emails.
	Field   string
	Read    string // what was read
	Value   string // what the user made it
	Uses    int    // how many later cards it was used on
	Created time.Time
}
