// Package contacts is the domain of Follow Through: the people the user has
// met, where they were met, the follow-ups and interactions that keep them
// in touch, and the rules over them: the reconnect list, cadences,
// same-person matching and merging, names, phone numbers and clean text.
//
// It is plain Go over plain values, with no SQL, file or format in it.
// Its adapters import it, never the other way round: contacts/sqlite
// stores contacts, contacts/vcf reads and writes vCards, contacts/ics
// writes follow-ups as iCalendar, and contacts/davsync syncs with a
// CardDAV server.
package contacts

import "time"

// PhoneKind says what a phone number is for.
type PhoneKind string

// The phone kinds a card distinguishes.
const (
	PhoneWork   PhoneKind = "work"
	PhoneMobile PhoneKind = "mobile"
	PhoneFax    PhoneKind = "fax"
	PhoneHome   PhoneKind = "home"
)

// MaxImagePixels is the most pixels a card image may have to be made a
// photo or taken from an archive: as many as the scanner reads
// (ocr.MaxPixels). An image from an archive made elsewhere could claim more.
const MaxImagePixels = 100 << 20

// Phone is one telephone number as printed, with its kind.
type Phone struct {
	Number string    // as printed or typed, e.g. "+1 (650) 555-0100"
	Kind   PhoneKind // work, mobile, fax or home; empty means work
}

// Contact is one person the user has met.
type Contact struct {
	ID int64
	// UID identifies the person across programs for life: the vCard's
	// UID, the card's on a CardDAV server. The store gives a new contact a
	// random one (NewUID); a contact read from another app's card keeps
	// that card's.
	UID      string
	FullName string
	// The parts of the name, as vCard's N has them: "Dr." "Ann-Marie"
	// "Q." "Øster" "PhD". FullName is the name as written.
	Prefix     string
	GivenName  string
	MiddleName string
	FamilyName string
	Suffix     string
	// PhoneticGivenName and PhoneticFamilyName are how the given and
	// family names are read aloud, as phones and vCards keep them
	// (X-PHONETIC-FIRST-NAME, X-PHONETIC-LAST-NAME): the romaji
	// "Kenta" and "Yamamoto" of "山本 健太". SplitPhonetic makes them
	// from one line, PhoneticName joins them again.
	PhoneticGivenName  string
	PhoneticFamilyName string
	Title              string
	Company            string
	Phones             []Phone
	Emails             []string
	// EmailLabels holds the label of each email that has one, keyed by
	// the email as it is in Emails.
	EmailLabels map[string]Label
	Websites    []string
	// WebsiteLabels holds the label of each website that has one, keyed
	// by the URL as it is in Websites.
	WebsiteLabels map[string]Label
	// Addresses are the postal addresses, each in its components.
	Addresses []Address
	Note      string

	// Event is the name of the event where the user met this person, and
	// EventID its record; saving a contact with a new event name creates
	// the event.
	Event   string
	EventID int64
	// MetOn is the day they met; zero means the event's day, or unknown.
	MetOn Day
	// IntroducedBy is who introduced them, as text that stays readable
	// when that contact is deleted; IntroducedByID is that contact, or 0.
	IntroducedBy   string
	IntroducedByID int64
	// TalkedAbout is what they talked about, written at review time.
	TalkedAbout string
	Tags        []string
	Cadence     Cadence
	// Image is the path of the scanned card image, relative to the
	// store's data directory; empty when there is none.
	Image string
	// Extra holds what a card from another app had that a contact has no
	// field for (a birthday, a nickname, a photo, that app's UID), as the
	// card's unfolded content lines, to be written back with the card.
	Extra []string

	Created time.Time
	Updated time.Time
}

// DisplayName is the name to show for c: the full name, or the company or
// first email when the card has no name.
func (c Contact) DisplayName() string {
	switch {
	case c.FullName != "":
		return c.FullName
	case c.Company != "":
		return c.Company
	case len(c.Emails) > 0:
		return c.Emails[0]
	}
	return "(no name)"
}
