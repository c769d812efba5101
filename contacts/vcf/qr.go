package vcf

import (
	"bytes"
	"errors"
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
var ErrTooBigForQR = errors.New("contacts: the card is too long for a QR code even without its note")

// QRCard returns c's vCard 3.0, small enough to put in a QR code that a
// phone camera reads straight into its contacts, and says what it left
// out. A photo, whether the card's image or one from another app, is
// always left out: even a small one needs more than a code can hold. The
// note goes too if the card would not fit in max bytes with it.
func QRCard(c contacts.Contact, max int) (vcf []byte, omitted []string, err error) {
	if c.Image != "" || slices.ContainsFunc(c.Extra, isPhotoLine) {
		omitted = append(omitted, "the photo")
	}
	encode := func(c contacts.Contact) ([]byte, error) {
		// A QR code gets what a phone uses: the note says how they met in
		// words, so the X- properties, and LABEL, which repeats ADR, stay
		// out to keep the code small enough to scan.
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
	c.Note, c.TalkedAbout, c.IntroducedBy = "", "", ""
	omitted = append(omitted, "the note")
	if vcf, err = encode(c); err != nil || len(vcf) <= max {
		return vcf, omitted, err
	}
	return nil, omitted, ErrTooBigForQR
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
