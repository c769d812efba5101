package vcf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"followthrough/contacts"
)

// QRMaxBytes is the most vCard a QR code holds here. A code holds up to
// 2331 bytes at the medium error-correction level, but phone cameras read
// codes with less in them far more reliably.
const QRMaxBytes = 1200

// ErrTooBigForQR is returned when even a trimmed card does not fit a QR
// code.
var ErrTooBigForQR = errors.New("vcf: the card is too long for a QR code even without its note")

// QRCard returns c's vCard 3.0, small enough to put in a QR code that a
// phone camera reads straight into its contacts, and says what it left
// out, in words for a caption ("the birthday", "the note"), so that
// nothing goes silently. A photo, whether the card's image or one from
// another app, is always left out: even a small one needs more than a code
// can hold. So is what another app's card had that the contact has no
// field for (a birthday, a nickname, a role), which phones would show
// only as raw lines. The note goes too if the card would not fit in max
// bytes with it, and then every address but the first.
func QRCard(c contacts.Contact, max int) (vcf []byte, omitted []string, err error) {
	if c.Image != "" || slices.ContainsFunc(c.Extra, isPhotoLine) {
		omitted = append(omitted, "the photo")
	}
	for _, line := range c.Extra {
		if what := extraName(line); what != "" && !slices.Contains(omitted, what) {
			omitted = append(omitted, what)
		}
	}
	encode := func(c contacts.Contact) ([]byte, error) {
		// A QR code gets what a phone uses: the note says how they met in
		// words, so the X- properties, and LABEL, which repeats ADR, stay
		// out to keep the code small enough to scan. The phonetic name
		// stays: a phone sorts and says a name in kanji by it, and it
		// takes some forty bytes.
		card := Card(c)
		for _, k := range []string{fieldLabel, fieldEvent, fieldMetOn, fieldIntroducedBy, fieldTalkedAbout} {
			delete(card, k)
		}
		var buf bytes.Buffer
		err := encodeCard(&buf, card, nil)
		return buf.Bytes(), err
	}
	if vcf, err = encode(c); err != nil || len(vcf) <= max {
		return vcf, omitted, err
	}
	// The note, with what was talked about, is the longest and least
	// needed part on a phone.
	if c.Note != "" || c.TalkedAbout != "" || c.IntroducedBy != "" {
		c.Note, c.TalkedAbout, c.IntroducedBy = "", "", ""
		omitted = append(omitted, "the note")
		if vcf, err = encode(c); err != nil || len(vcf) <= max {
			return vcf, omitted, err
		}
	}
	if n := len(c.Addresses); n > 1 {
		c.Addresses = c.Addresses[:1]
		if n == 2 {
			omitted = append(omitted, "the second address")
		} else {
			omitted = append(omitted, fmt.Sprintf("%d more addresses", n-1))
		}
		if vcf, err = encode(c); err != nil || len(vcf) <= max {
			return vcf, omitted, err
		}
	}
	return nil, omitted, ErrTooBigForQR
}

// captionNames name the properties a card from another app may have and a
// contact has no field for, as a caption says they were left out.
var captionNames = map[string]string{
	"BDAY": "the birthday", fieldBirthday3: "the birthday", "ANNIVERSARY": "the anniversary",
	"NICKNAME": "the nickname", "ROLE": "the role", "GENDER": "the gender",
	"IMPP": "the chat addresses", "X-SOCIALPROFILE": "the social profiles",
	"RELATED": "the related people", "X-ABRELATEDNAMES": "the related people",
	"GEO": "the location", "TZ": "the time zone", "LOGO": "the logo", "SOUND": "the sound",
	"KEY": "the public key", "LANG": "the languages", "MEMBER": "the group members",
	"CATEGORIES": "the groups", "NOTE": "a second note", "ORG": "a second company",
	"TITLE": "a second job title", "ADR": "an address", "LABEL": "an address",
}

// extraName returns how a caption names the property on a content line
// kept in Contact.Extra: "the birthday", or the property's name for one
// it does not know. A photo is named on its own, and the labels that
// Apple's cards give other properties (X-ABLABEL) name nothing.
func extraName(line string) string {
	name := propertyName(line)
	switch {
	case name == "PHOTO" || name == "X-ABLABEL" || name == "":
		return ""
	case captionNames[name] != "":
		return captionNames[name]
	}
	return name
}

// isPhotoLine reports whether a content line kept from another app's card
// is its PHOTO.
func isPhotoLine(line string) bool {
	name, _, _ := strings.Cut(line, ":")
	name, _, _ = strings.Cut(name, ";")
	if _, after, ok := strings.Cut(name, "."); ok { // a group, as in "item1.PHOTO"
		name = after
	}
	return strings.EqualFold(name, "PHOTO")
}
