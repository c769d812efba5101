// Package ocr turns an image of a business card into a contact: it finds
// the card in the picture, turns it upright, reads its text with Tesseract
// and decides which line is the name, the title, the company, the phones,
// emails, websites and address.
//
// The deciding (Classify) is plain Go over lines of text with their boxes,
// so it can be tested without Tesseract or an image. Engine is the seam
// where Tesseract plugs in and where tests put a fake.
package ocr

import (
	"context"
	"image"
)

// Word is one word as the engine read it.
type Word struct {
	Text string
	Box  image.Rectangle // on the upright card image
	Conf float64         // 0 to 100

	line [3]int // Tesseract's block, paragraph and line numbers
}

// Line is a line of text on the card.
type Line struct {
	Text  string
	Box   image.Rectangle
	Conf  float64 // mean word confidence, 0 to 100
	Words []Word
}

// FieldKind names what a piece of a card is.
type FieldKind string

// The kinds of field a card holds.
const (
	FieldName    FieldKind = "name"
	FieldTitle   FieldKind = "title"
	FieldCompany FieldKind = "company"
	FieldPhone   FieldKind = "phone"
	FieldEmail   FieldKind = "email"
	FieldWebsite FieldKind = "website"
	FieldAddress FieldKind = "address"
	FieldNote    FieldKind = "note"
)

// Field is one value read from a card, with where it came from.
type Field struct {
	Kind  FieldKind
	Value string
	// PhoneKind is "work", "mobile" or "fax" for a phone, from its label.
	PhoneKind string
	Conf      float64         // 0 to 100
	Box       image.Rectangle // where on the upright card image
}

// LowConfidence is the confidence below which a field deserves a second
// look in review.
const LowConfidence = 70

// Engine reads text. Tesseract is the real one.
type Engine interface {
	// Orientation reports how far the text in img is turned clockwise
	// (0, 90, 180 or 270); ok is false when it cannot tell.
	Orientation(ctx context.Context, img image.Image) (deg int, conf float64, ok bool)
	// Recognize reads the lines of text on an upright image.
	Recognize(ctx context.Context, img image.Image) ([]Line, error)
	Close() error
}
