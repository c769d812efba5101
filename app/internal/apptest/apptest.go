// Package apptest holds what the tests of the window and of the command
// line share: a fake OCR engine, card images, and stores with people in.
package apptest

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// FakeEngine reads every image as the same card, with boxes placed as
// fractions of the image so they land where the lines are drawn.
type FakeEngine struct {
	Lines []FakeLine
	// Sideways, when set, is how far clockwise the card's text lies
	// turned in the tall images the engine is given, as on a card
	// photographed on its side: it says so, surely, and reads its lines
	// only from wide images.
	Sideways int
}

// A FakeLine is a line the fake engine reads, with its box.
type FakeLine struct {
	Text           string
	X0, Y0, X1, Y1 float64 // fractions of the image
	Conf           float64
}

func (f *FakeEngine) Orientation(_ context.Context, img image.Image) (ocr.Orientation, bool) {
	if f.Sideways != 0 && tall(img) {
		return ocr.Orientation{Deg: f.Sideways, Conf: 10, Script: "Latin", ScriptConf: 5}, true
	}
	return ocr.Orientation{}, false
}

func tall(img image.Image) bool { return img.Bounds().Dy() > img.Bounds().Dx() }

func (f *FakeEngine) Recognize(_ context.Context, img image.Image, _ ocr.Pass) ([]ocr.Line, error) {
	b := img.Bounds()
	if f.Sideways != 0 && tall(img) {
		return nil, nil
	}
	var out []ocr.Line
	for _, l := range f.Lines {
		box := image.Rect(int(l.X0*float64(b.Dx())), int(l.Y0*float64(b.Dy())), int(l.X1*float64(b.Dx())), int(l.Y1*float64(b.Dy())))
		out = append(out, ocr.NewLine([]ocr.Word{{Text: l.Text, Box: box, Conf: l.Conf}}))
	}
	return out, nil
}

func (f *FakeEngine) Close() error { return nil }

// JaneCard is the card of Jane Doe at Acme Widgets, as the fake engine reads it.
var JaneCard = []FakeLine{
	{"Jane Q. Doe", 0.1, 0.10, 0.6, 0.22, 95},
	{"Head of Partnerships", 0.1, 0.25, 0.6, 0.31, 91},
	{"Acme Widgets Ltd", 0.1, 0.40, 0.7, 0.48, 60},
	{"T: +1 650 555 0142", 0.1, 0.60, 0.6, 0.66, 93},
	{"jane.doe@acmewidgets.example.com", 0.1, 0.70, 0.8, 0.76, 92},
	{"100 Main Street, Springfield, IL 62701", 0.1, 0.80, 0.9, 0.86, 90},
}

// CapitalsCard is Jane's card with her name printed in capitals.
var CapitalsCard = append([]FakeLine{{"JANE Q. DOE", 0.1, 0.10, 0.6, 0.22, 95}}, JaneCard[1:]...)

// WriteImage writes a plain card-sized PNG for the fake engine to "read".
func WriteImage(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := plainCard()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o666); err != nil {
		t.Fatal(err)
	}
	return p
}

// plainCard is the PNG WriteImage writes, encoded once: the tests write
// it again and again, and under the race detector each encoding took
// about half a second.
var plainCard = sync.OnceValues(func() ([]byte, error) {
	img := image.NewNRGBA(image.Rect(0, 0, 1050, 600))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(10, 10, color.Black)
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
})

// OpenStore opens a store in a folder of its own, closed when the test ends.
func OpenStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Seed adds the people of a small reconnect list to store, as of today:
// one overdue, one due today, one fading with a cadence, one upcoming,
// and one with nothing to do.
func Seed(t *testing.T, store *sqlite.Store, today contacts.Day) map[string]contacts.Contact {
	t.Helper()
	ctx := context.Background()
	people := map[string]contacts.Contact{}
	add := func(c contacts.Contact, f ...contacts.FollowUp) {
		if err := store.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
		for _, fu := range f {
			fu.ContactID = c.ID
			if err := store.AddFollowUp(ctx, &fu); err != nil {
				t.Fatal(err)
			}
		}
		people[c.FullName] = c
	}
	add(contacts.Contact{FullName: "Olu Overdue", Company: "Late Ltd", Event: "Founders Breakfast", MetOn: today.AddDays(-10),
		Phones: []contacts.Phone{{Number: "+1 650 555 0101"}}, TalkedAbout: "hiring a designer"},
		contacts.FollowUp{Kind: contacts.KindCall, Due: today.AddDays(-3), Line: "send the article on hiring"})
	add(contacts.Contact{FullName: "Tess Today", Event: "Founders Breakfast", MetOn: today.AddDays(-3)},
		contacts.FollowUp{Kind: contacts.KindNote, Due: today})
	add(contacts.Contact{FullName: "Fay Fading", MetOn: today.AddDays(-70), Cadence: contacts.Cadence{Ideal: 60, Max: 120}})
	add(contacts.Contact{FullName: "Uma Upcoming", MetOn: today.AddDays(-1)},
		contacts.FollowUp{Kind: contacts.KindCoffee, Due: today.AddDays(12)})
	add(contacts.Contact{FullName: "Ned Nothing", MetOn: today.AddDays(-400)})
	return people
}

// Today is the day the tests run on, at ten in the morning.
var Today = time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)

// AddPeople adds a contact for each of names to store.
func AddPeople(t *testing.T, store *sqlite.Store, names ...string) {
	t.Helper()
	for _, n := range names {
		c := contacts.Contact{FullName: n}
		if err := store.Add(context.Background(), &c); err != nil {
			t.Fatal(err)
		}
	}
}

// StoredNames are the names of the contacts in store.
func StoredNames(t *testing.T, store *sqlite.Store) []string {
	t.Helper()
	cs, err := store.List(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, c := range cs {
		ns = append(ns, c.FullName)
	}
	slices.Sort(ns)
	return ns
}

// PhoneExport is a .vcf file as a phone exports it: two good cards;
// OldPhone is one of vCard 2.1 with a good card and a broken one.
const (
	PhoneExport = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nEMAIL;TYPE=INTERNET:ann@initech.example\r\n" +
		"TEL;TYPE=CELL:+1 650 555 0123\r\nBDAY:1985-04-12\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Stone;Bob;;;\r\nFN:Bob Stone\r\nORG:Acme\r\nEND:VCARD\r\n"
	OldPhone = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Diaz;Carla\r\nTEL;CELL:+34 612 345 678\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Broken\r\nthis line has no colon\r\nEND:VCARD\r\n"
)
