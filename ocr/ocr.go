// Package ocr turns an image of a business card into a contact: it finds
// the card in the picture, turns it upright, reads its text with Tesseract
// and decides which line is the name, the title, the company, the phones,
// emails, websites and address.
//
// The deciding (Classify) is plain Go over lines of text with their boxes,
// so it can be tested without Tesseract or an image. Engine is the seam
// where Tesseract plugs in (package ocr/tesseract) and where tests put a
// fake; the pipeline itself knows no engine.
//
// The files follow a card through the pipeline: image (decoding it),
// crop (finding the card in the picture), prepare and resample (cleaning
// and scaling it for reading), read (reading it with an engine, again
// when the first read is weak), lines (making and merging lines of the
// words read), classify, people and address (deciding what each line
// is), region (the country its phones are dialled in), corrections (what
// the user corrected on earlier cards) and contact (the fields as a
// contact). batch and memory read many cards at once; compare says how
// alike two texts are; languages are those cards can be read in.
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
	// FieldPhonetic is how the name is read aloud, printed beside a name
	// in another script: the romaji "Kenta Yamamoto" under "山本 健太".
	FieldPhonetic FieldKind = "phonetic"
)

// Field is one value read from a card, with where it came from.
type Field struct {
	Kind  FieldKind
	Value string
	// PhoneKind is "work", "mobile" or "fax" for a phone, from its label.
	PhoneKind string
	Conf      float64         // 0 to 100
	Box       image.Rectangle // where on the upright card image
	// Reason says what made the reader choose this value, for the user
	// checking it: "largest text, matches the email's name". For a
	// suggested field it names the evidence: "the email's domain".
	Reason string
	// Suggested marks a value not printed on the card but guessed from
	// other evidence, as a company from the email's domain: it has no
	// Box, and is offered to the user rather than put in the contact.
	Suggested bool
}

// LowConfidence is the confidence below which a field deserves a second
// look in review.
const LowConfidence = 70

// Orientation is what orientation and script detection tells of a card.
type Orientation struct {
	Deg  int     // how far the text is turned clockwise: 0, 90, 180 or 270
	Conf float64 // confidence in Deg; below 1 is a guess
	// Script is the writing system, as Tesseract names it: "Latin",
	// "Japanese", "Han", "Cyrillic"...
	Script     string
	ScriptConf float64
}

// A Mode is how an engine looks for text on a card.
type Mode int

// The modes Recognize reads with.
const (
	// ModeAuto analyses the page's layout into blocks and lines.
	ModeAuto Mode = iota
	// ModeSparse looks for as much text as it can in no particular order,
	// which finds words scattered over a card that layout analysis takes
	// for pictures.
	ModeSparse
	// ModeLine reads the image as one line of text.
	ModeLine
)

// Pass says how to read a card once.
type Pass struct {
	Mode   Mode
	Script string // the script detected on the card, "" when unknown
	// Lean is the script orientation detection leaned to when it was
	// too unsure to name one: a reading in the Latin-script languages
	// that is merely middling is then tried in it as well.
	Lean string
	// Langs are languages the card calls for beyond those the engine
	// reads its script in (see CardLanguages): an engine reads with
	// those of them that write the script and are installed.
	Langs []string
	// Only reads with Langs alone, none of the engine's own.
	Only bool
	// DarkOnLight says the image's print is all dark on light: the
	// engine need not read its unsure lines again inverted, as light
	// print on dark.
	DarkOnLight bool
}

// Engine reads text. ocr/tesseract's is the real one.
type Engine interface {
	// Orientation reports how far the text in img is turned and what
	// script it is in; ok is false when it cannot tell.
	Orientation(ctx context.Context, img image.Image) (o Orientation, ok bool)
	// Recognize reads the lines of text on an upright image.
	Recognize(ctx context.Context, img image.Image, p Pass) ([]Line, error)
	Close() error
}
