package render

import (
	"cmp"
	"image/color"
	"strings"

	"github.com/emersion/go-vcard"
)

// Expected is what a sample card says, for checking what OCR reads.
// Phones and Fax are written as printed, without their labels; Address is
// the card's address lines joined with ", ".
type Expected struct {
	Name, Title, Company, Email, Website, Address string
	// PhoneticGiven and PhoneticFamily are how the name is read aloud,
	// where the card prints it in another script: the romaji under a
	// Japanese name, as printed.
	PhoneticGiven, PhoneticFamily string
	Phones                        []string
	Fax                           string
	Language                      string // the card's language, "en" when empty
}

// sample is a card and what it says, kept side by side so they stay in step.
type sample struct {
	card Card
	want Expected
}

// All people, companies, numbers and addresses here are invented. Phone
// numbers are from ranges set aside for fiction: 555-01xx in North
// America, 020 7946 0xxx and 07700 900xxx in the UK (Ofcom), and
// 0491 570 156-159 and (0x) 5550 xxxx in Australia (ACMA). Domains are
// under example.com, example.org, .example and .test (RFC 2606).
func samples() []sample {
	return []sample{
		{
			// 1: plain, left-aligned, one column; US.
			card: Card{
				Lines: []Line{
					{Text: "Dana Whitfield", Size: 17, Bold: true},
					{Text: "Senior Project Manager", Size: 9},
					{Text: "Brightline Logistics", Size: 10, Bold: true, SpaceBefore: 3},
					{Text: "Office: (503) 555-0134", Size: 8.5, SpaceBefore: 4},
					{Text: "Mobile: (503) 555-0187", Size: 8.5},
					{Text: "dana.whitfield@brightline.example.com", Size: 8.5},
					{Text: "www.brightline.example.com", Size: 8.5},
					{Text: "1200 Harbor Way, Suite 400", Size: 8.5, SpaceBefore: 2},
					{Text: "Portland, OR 97209", Size: 8.5},
				},
			},
			want: Expected{
				Name:    "Dana Whitfield",
				Title:   "Senior Project Manager",
				Company: "Brightline Logistics",
				Phones:  []string{"(503) 555-0134", "(503) 555-0187"},
				Email:   "dana.whitfield@brightline.example.com",
				Website: "www.brightline.example.com",
				Address: "1200 Harbor Way, Suite 400, Portland, OR 97209",
			},
		},
		{
			// 2: two columns, name block left, contacts right; UK.
			card: Card{
				Layout: TwoColumn,
				Split:  3,
				Lines: []Line{
					{Text: "Priya Raman", Size: 16, Bold: true},
					{Text: "Head of Design", Size: 9.5},
					{Text: "Northgate Studio Ltd", Size: 9.5, Bold: true, SpaceBefore: 3},
					{Text: "Tel +44 20 7946 0321", Size: 8},
					{Text: "Mob +44 7700 900461", Size: 8},
					{Text: "priya@northgate.example", Size: 8},
					{Text: "northgate.example", Size: 8},
					{Text: "14 Canal Street", Size: 8, SpaceBefore: 3},
					{Text: "Manchester M1 3HE", Size: 8},
					{Text: "United Kingdom", Size: 8},
				},
				Background: color.NRGBA{0xf4, 0xf5, 0xf7, 0xff},
			},
			want: Expected{
				Name:    "Priya Raman",
				Title:   "Head of Design",
				Company: "Northgate Studio Ltd",
				Phones:  []string{"+44 20 7946 0321", "+44 7700 900461"},
				Email:   "priya@northgate.example",
				Website: "northgate.example",
				Address: "14 Canal Street, Manchester M1 3HE, United Kingdom",
			},
		},
		{
			// 3: everything centred, cream card, navy ink; phone and fax; US.
			card: Card{
				Lines: []Line{
					{Text: "Bell & Okafor LLP", Size: 11, Bold: true, Align: Center},
					{Text: "Marcus O. Bell", Size: 16, Bold: true, Align: Center, SpaceBefore: 5},
					{Text: "Attorney at Law", Size: 9, Align: Center},
					{Text: "Phone: (617) 555-0119", Size: 8.5, Align: Center, SpaceBefore: 5},
					{Text: "Fax: (617) 555-0120", Size: 8.5, Align: Center},
					{Text: "mbell@bellokafor.example.org", Size: 8.5, Align: Center},
					{Text: "bellokafor.example.org", Size: 8.5, Align: Center},
					{Text: "88 Beacon Street, Boston, MA 02108", Size: 8.5, Align: Center, SpaceBefore: 2},
				},
				Background: color.NRGBA{0xfb, 0xf7, 0xec, 0xff},
				Ink:        color.NRGBA{0x1b, 0x25, 0x45, 0xff},
			},
			want: Expected{
				Name:    "Marcus O. Bell",
				Title:   "Attorney at Law",
				Company: "Bell & Okafor LLP",
				Phones:  []string{"(617) 555-0119"},
				Fax:     "(617) 555-0120",
				Email:   "mbell@bellokafor.example.org",
				Website: "bellokafor.example.org",
				Address: "88 Beacon Street, Boston, MA 02108",
			},
		},
		{
			// 4: coloured band with a logo block; three phones; Australia.
			card: Card{
				Accent: true,
				Lines: []Line{
					{Text: "Kestrel Solar Pty Ltd", Size: 10.5, Bold: true},
					{Text: "Liam Nguyen", Size: 15, Bold: true, SpaceBefore: 4},
					{Text: "Field Operations Lead", Size: 9},
					{Text: "Main (02) 5550 0100", Size: 8, SpaceBefore: 4},
					{Text: "Direct (02) 5550 4127", Size: 8},
					{Text: "Mobile 0491 570 158", Size: 8},
					{Text: "liam.nguyen@kestrelsolar.test", Size: 8},
					{Text: "www.kestrelsolar.test", Size: 8},
					{Text: "Level 3, 27 Wattle Street", Size: 8, SpaceBefore: 2},
					{Text: "Ultimo NSW 2007", Size: 8},
				},
				AccentColor: color.NRGBA{0xd9, 0x6a, 0x1e, 0xff},
			},
			want: Expected{
				Name:    "Liam Nguyen",
				Title:   "Field Operations Lead",
				Company: "Kestrel Solar Pty Ltd",
				Phones:  []string{"(02) 5550 0100", "(02) 5550 4127", "0491 570 158"},
				Email:   "liam.nguyen@kestrelsolar.test",
				Website: "www.kestrelsolar.test",
				Address: "Level 3, 27 Wattle Street, Ultimo NSW 2007",
			},
		},
		{
			// 5: two columns, right-aligned name block, labelled contacts
			// in Go Mono; US.
			card: Card{
				Layout: TwoColumn,
				Split:  7,
				Lines: []Line{
					{Text: "T: +1 415 555 0162", Size: 7.5, Mono: true},
					{Text: "M: +1 415 555 0198", Size: 7.5, Mono: true},
					{Text: "F: +1 415 555 0163", Size: 7.5, Mono: true},
					{Text: "E: elena@quillvale.example", Size: 7.5, Mono: true},
					{Text: "W: quillvale.example", Size: 7.5, Mono: true},
					{Text: "500 Mission St, Fl 12", Size: 7.5, Mono: true, SpaceBefore: 3},
					{Text: "San Francisco, CA 94105", Size: 7.5, Mono: true},
					{Text: "Elena Sorokina", Size: 14, Bold: true, Align: Right},
					{Text: "Chief Data Officer", Size: 9, Align: Right},
					{Text: "Quill & Vale Analytics", Size: 9.5, Bold: true, Align: Right, SpaceBefore: 3},
				},
				Ink: color.NRGBA{0x22, 0x22, 0x22, 0xff},
			},
			want: Expected{
				Name:    "Elena Sorokina",
				Title:   "Chief Data Officer",
				Company: "Quill & Vale Analytics",
				Phones:  []string{"+1 415 555 0162", "+1 415 555 0198"},
				Fax:     "+1 415 555 0163",
				Email:   "elena@quillvale.example",
				Website: "quillvale.example",
				Address: "500 Mission St, Fl 12, San Francisco, CA 94105",
			},
		},
	}
}

// Samples returns five fictional business cards with varied layouts,
// fonts and sizes: stacked, two-column, centred, one with a logo block and
// one with "T:", "M:", "F:", "E:", "W:" labels. Each call returns fresh
// values the caller may change.
func Samples() []Card {
	ss := samples()
	cs := make([]Card, len(ss))
	for i, s := range ss {
		cs[i] = s.card
	}
	return cs
}

// SampleExpected returns what each of Samples says, in the same order.
func SampleExpected() []Expected {
	ss := samples()
	es := make([]Expected, len(ss))
	for i, s := range ss {
		es[i] = s.want
	}
	return es
}

// Text is the card's lines joined with newlines, as printed.
func (c Card) Text() string {
	ts := make([]string, len(c.Lines))
	for i, l := range c.Lines {
		ts[i] = l.Text
	}
	return strings.Join(ts, "\n")
}

// VCard is what the card says as a vCard of the kind the evaluation
// scores against: FN, TITLE, ORG, work phones, a fax, EMAIL, URL and ADR.
func (e Expected) VCard() vcard.Card {
	c := vcard.Card{}
	add := func(prop, value string, params vcard.Params) {
		if value != "" {
			c.Add(prop, &vcard.Field{Value: value, Params: params})
		}
	}
	c.SetValue(vcard.FieldVersion, "3.0")
	add(vcard.FieldFormattedName, e.Name, nil)
	// As Apple's and Android's contacts write it.
	add("X-PHONETIC-FIRST-NAME", e.PhoneticGiven, nil)
	add("X-PHONETIC-LAST-NAME", e.PhoneticFamily, nil)
	add(vcard.FieldTitle, e.Title, nil)
	add(vcard.FieldOrganization, e.Company, nil)
	for _, p := range e.Phones {
		add(vcard.FieldTelephone, p, vcard.Params{vcard.ParamType: {"work", "voice"}})
	}
	add(vcard.FieldTelephone, e.Fax, vcard.Params{vcard.ParamType: {"work", "fax"}})
	add(vcard.FieldEmail, e.Email, nil)
	add(vcard.FieldURL, e.Website, nil)
	if e.Address != "" {
		c.Add(vcard.FieldAddress, &vcard.Field{Value: ";;" + strings.ReplaceAll(e.Address, ";", ",") + ";;;;"})
	}
	c.SetValue("X-CARD-LANGUAGE", cmp.Or(e.Language, "en"))
	return c
}
