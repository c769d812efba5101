package vcf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"followthrough/contacts/internal/contentline"

	"followthrough/contacts"
)

// CardHash returns a digest of c's vCard as Write writes it, but for its
// UID. Two contacts with the same hash have the same card; sync compares
// it with the hash recorded at the last sync to tell whether c changed
// here. The UID is left out: it never changes, and the card on a server
// may have another (SyncCard writes the server's).
func CardHash(c contacts.Contact) string {
	c.UID = ""
	var buf bytes.Buffer
	// Writing to a bytes.Buffer does not fail, and neither does
	// encoding a card that Card made.
	_ = Write(&buf, c)
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:])
}

// syncManaged are the properties that SyncCard writes from the contact and
// so never takes from the server's card.
var syncManaged = map[string]bool{
	"BEGIN": true, "END": true, "VERSION": true, "UID": true, "PRODID": true, "REV": true,
	"N": true, "FN": true, "ORG": true, "TITLE": true, "TEL": true, "EMAIL": true, "URL": true,
	"ADR": true, fieldLabel: true, "NOTE": true, "CATEGORIES": true,
	fieldEvent: true, fieldMetOn: true, fieldIntroducedBy: true, fieldTalkedAbout: true,
	fieldPhoneticGiven: true, fieldPhoneticMiddle: true, fieldPhoneticFamily: true,
}

// SyncCard returns the vCard 3.0 to store on a CardDAV server for c: its
// card as Write writes it, with the UID uid, followed by the
// properties of base, the card the server last sent (or ""), that the app
// has no field for, such as a birthday or photo added on a phone, so that
// pushing a change made here does not drop them. A property that c's own
// card has is taken from c alone.
func SyncCard(c contacts.Contact, uid, base string) ([]byte, error) {
	var mine bytes.Buffer
	if err := Write(&mine, c); err != nil {
		return nil, err
	}
	if strings.ContainsAny(uid, "\r\n") || uid == "" {
		return nil, fmt.Errorf("vcf: sync card: bad UID %q", uid)
	}
	lines := cardLines(mine.String())
	// The properties the contact's card has, such as those kept from
	// another app's card, are its own: base adds only the others.
	have := make(map[string]bool, len(lines))
	baseLines := cardLines(base)
	// A birthday 3.0 cannot write in BDAY goes in fieldBirthday3; but a
	// server card that has the BDAY, as a phone wrote it, keeps it as it is.
	baseBirthday := slices.ContainsFunc(baseLines, func(l string) bool { return propertyName(l) == "BDAY" })
	var out bytes.Buffer
	contentline.Write(&out, "BEGIN:VCARD")
	for _, l := range lines {
		name := propertyName(l)
		if name == "UID" || name == "BEGIN" || name == "END" || name == fieldBirthday3 && baseBirthday {
			continue
		}
		contentline.Write(&out, l)
		if name == "VERSION" {
			contentline.Write(&out, "UID:"+formatValue("UID", uid))
		}
		have[name] = true
	}
	for _, l := range baseLines {
		if name := propertyName(l); !syncManaged[name] && !have[name] {
			contentline.Write(&out, l)
		}
	}
	contentline.Write(&out, "END:VCARD")
	return out.Bytes(), nil
}

// cardLines returns the unfolded content lines of the first card in text,
// BEGIN and END included; it accepts CRLF or LF line ends.
func cardLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\n ", "")
	text = strings.ReplaceAll(text, "\n\t", "")
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lines = append(lines, l)
		if strings.EqualFold(l, "END:VCARD") {
			break
		}
	}
	return lines
}

// propertyName returns the name of the property on the content line l,
// upper case, without its group.
func propertyName(l string) string {
	end := strings.IndexAny(l, ";:")
	if end < 0 {
		end = len(l)
	}
	name := l[:end]
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToUpper(name)
}
