package ui

import (
	"image"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/disintegration/imaging"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

// logoCard is a card with its firm's logo, a letter, printed left of the
// name and set apart from it, which Tesseract reads into the name's line:
// "E Pauline Sample".
var logoCard = render.Card{Lines: []render.Line{
	{Text: "E     Pauline Sample", Size: 14, Bold: true},
	{Text: "Head of Partnerships"},
	{Text: "Sample Widgets Ltd"},
	{Text: "pauline@samplewidgets.example.com"},
}}

// TestScanBoxesLeaveOutTheLogo: the boxes on the card under review are
// the lines as the classifier reads them. The name's box leaves out the
// logo beside it, and clicking it puts the name in the field, as the
// name was read; clicking the logo gives nothing.
func TestScanBoxesLeaveOutTheLogo(t *testing.T) {
	tesstest.Languages(t, tesseract.Installed, "eng")
	eng, err := tesseract.New("eng")
	if err != nil {
		t.Fatalf("tesseract: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	store := apptest.OpenStore(t)
	m, w := newReviewWindow(t, store, eng)
	dir := t.TempDir()
	if err := imaging.Save(render.Draw(logoCard, render.BaseWidth), filepath.Join(dir, "logo.png")); err != nil {
		t.Fatal(err)
	}
	m.tabs.Select(m.scanTab)
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != 1 || !m.scan.review.Visible() {
		t.Fatalf("%d cards waiting for review, review shown %v; want 1, shown", len(m.scan.queue), m.scan.review.Visible())
	}
	f := m.scan.form
	if f.name.Text != "Pauline Sample" {
		t.Fatalf("name read %q, want Pauline Sample", f.name.Text)
	}
	// The logo as the engine read it: a word of its own before the name.
	var logo, name image.Rectangle
	for _, l := range m.scan.queue[0].Lines {
		if strings.Contains(l.Text, "Pauline") {
			if len(l.Words) < 3 || l.Words[0].Text != "E" {
				t.Fatalf("the name's line was read as %q: the logo is not a word before the name, nothing to test", l.Text)
			}
			logo = l.Words[0].Box
			name = l.Words[1].Box.Union(l.Words[len(l.Words)-1].Box)
		}
	}
	if logo.Empty() {
		t.Fatalf("no line read with the name in it")
	}
	for _, l := range m.scan.card.lines {
		if l.Box.Overlaps(logo) {
			t.Errorf("the box of %q, %v, covers the logo at %v", l.Text, l.Box, logo)
		}
	}
	center := func(r image.Rectangle) fyne.Position {
		off, scale := fit(m.scan.queue[0].Size, m.scan.card.Size())
		return fyne.NewPos(off.X+float32(r.Min.X+r.Dx()/2)*scale, off.Y+float32(r.Min.Y+r.Dy()/2)*scale)
	}

	// The user clears the name and clicks the logo: it is no box, and
	// the field stays empty.
	f.name.SetText("")
	w.Canvas().Focus(f.name)
	test.TapAt(m.scan.card, center(logo))
	if f.name.Text != "" {
		t.Errorf("clicking the logo put %q in the name field, want nothing", f.name.Text)
	}
	// Clicking the name gives it without the logo.
	test.TapAt(m.scan.card, center(name))
	if f.name.Text != "Pauline Sample" {
		t.Errorf("clicking the name's box put %q in the name field, want %q", f.name.Text, "Pauline Sample")
	}

	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	today := contacts.DayOf(apptest.Today)
	due := app.FirstFollowUp(contacts.Contact{}, today, contacts.DefaultFollowUpDelay).Due
	compareStored(t, store, map[string]whole{"Pauline Sample": {
		Contact: contacts.Contact{
			FullName: "Pauline Sample", GivenName: "Pauline", FamilyName: "Sample",
			Title: "Head of Partnerships", Company: "Sample Widgets Ltd",
			Emails: []string{"pauline@samplewidgets.example.com"},
			MetOn:  today,
		},
		FollowUps: []contacts.FollowUp{{Kind: contacts.DefaultFirstKind, Due: due, State: contacts.StateOpen, Created: time0}},
	}})
}
