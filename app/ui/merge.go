package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
)

// mergeChooser shows a stored contact beside a card that may be the same
// person, and lets the user choose, field by field, which to keep. Its
// check boxes take the keys of the dialog it is in.
type mergeChooser struct {
	stored, card contacts.Contact
	reasons      []string
	dates        contacts.DateFormat

	// fromCard holds, for each field where the two differ, the check that
	// takes the card's value; its twin keeps the stored one.
	fromCard  map[contacts.MergeField]*dialogCheck
	fromStore map[contacts.MergeField]*dialogCheck
}

func newMergeChooser(keys *dialogKeys, stored, card contacts.Contact, reasons []string, fromOther []contacts.MergeField, dates contacts.DateFormat) *mergeChooser {
	m := &mergeChooser{stored: stored, card: card, reasons: reasons, dates: dates,
		fromCard: make(map[contacts.MergeField]*dialogCheck), fromStore: make(map[contacts.MergeField]*dialogCheck)}
	for _, f := range contacts.Differing(stored, card) {
		m.fromStore[f] = keys.check(shownValue(f, stored, dates, savedImage), nil)
		m.fromCard[f] = keys.check(shownValue(f, card, dates, scannedImage), nil)
		m.pick(f, slices.Contains(fromOther, f))
		m.fromStore[f].OnChanged = func(on bool) { m.pick(f, !on) }
		m.fromCard[f].OnChanged = func(on bool) { m.pick(f, on) }
	}
	return m
}

// pick checks the card's value of f when card is true, and the stored
// one otherwise: exactly one of the two is always checked.
func (m *mergeChooser) pick(f contacts.MergeField, card bool) {
	if m.fromCard[f].Checked != card {
		m.fromCard[f].SetChecked(card)
	}
	if m.fromStore[f].Checked != !card {
		m.fromStore[f].SetChecked(!card)
	}
}

func (m *mergeChooser) buildUI() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("This may be someone already in your contacts: "+strings.Join(m.reasons, ", ")+".",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord

	bold := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// A form: the field names in a column as wide as the longest, then
	// the two cards side by side.
	form := container.New(layout.NewFormLayout())
	row := func(name string, stored, card fyne.CanvasObject) {
		form.Add(widget.NewLabel(name))
		form.Add(container.NewGridWithColumns(2, stored, card))
	}
	row("", bold("In your contacts"), bold("This card"))
	for _, f := range contacts.MergeFields {
		sv, cv := f.Value(m.stored, m.dates), f.Value(m.card, m.dates)
		if sv == "" && cv == "" {
			continue
		}
		if check, ok := m.fromStore[f]; ok {
			row(string(f), check, m.fromCard[f])
			continue
		}
		row(string(f), valueLabel(shownValue(f, m.stored, m.dates, savedImage)), valueLabel(shownValue(f, m.card, m.dates, scannedImage)))
	}
	for _, r := range []struct {
		name         string
		stored, card []string
	}{
		{"Phones", phoneNumbers(m.stored), phoneNumbers(m.card)},
		{"Emails", m.stored.Emails, m.card.Emails},
		{"Websites", m.stored.Websites, m.card.Websites},
		{"Tags", m.stored.Tags, m.card.Tags},
		{"Note", []string{m.stored.Note}, []string{m.card.Note}},
		{"Other fields", m.stored.Extra, m.card.Extra},
	} {
		s, c := contacts.JoinNonEmpty(", ", r.stored...), contacts.JoinNonEmpty(", ", r.card...)
		if s == "" && c == "" {
			continue
		}
		row(r.name, valueLabel(s), valueLabel(c))
	}
	note := hintLabel("Tick the value to keep where the two differ. Phones, emails, websites, tags, notes, follow-ups and history of both are kept.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(heading, note, nil, nil, container.NewVScroll(form))
}

// fromOther returns the fields the user chose to take from the card.
func (m *mergeChooser) fromOther() []contacts.MergeField {
	var fs []contacts.MergeField
	for _, f := range contacts.MergeFields {
		if c, ok := m.fromCard[f]; ok && c.Checked {
			fs = append(fs, f)
		}
	}
	return fs
}

// askMerge shows card beside stored and calls decide with what the user
// chose: merge (with the fields to take from the card), keep both, or
// skip the card. Closing the dialog decides nothing.
func askMerge(win fyne.Window, dates contacts.DateFormat, stored, card contacts.Contact, reasons []string, fromOther []contacts.MergeField, decide func(app.ImportAction, []contacts.MergeField)) {
	keys := newDialogKeys(win)
	m := newMergeChooser(keys, stored, card, reasons, fromOther, dates)
	var d dialog.Dialog
	choose := func(a app.ImportAction) func() {
		return func() {
			d.Hide()
			decide(a, m.fromOther())
		}
	}
	skip := keys.button("Skip this card", nil, choose(app.ImportSkip))
	both := keys.button("Keep both", nil, choose(app.ImportAdd))
	merge := keys.button("Merge", nil, choose(app.ImportMerge))
	merge.Importance = widget.HighImportance
	cancel := keys.button("Cancel", nil, func() { d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(cancel, layoutSpacer(), skip, both, merge), nil, nil, m.buildUI())
	d = dialog.NewCustomWithoutButtons("Same person?", content, win)
	d.Resize(fyne.NewSize(820, 560))
	keys.show(d, pressing(merge), nil)
}

// What the merge shows for a card image, which is a file name inside the
// data folder and means nothing to the user.
const (
	savedImage   = "The card image saved"
	scannedImage = "This card's image"
)

// shownValue is field f of c as the merge shows it, on one line: a card
// image as image (if c has one) rather than its file name.
func shownValue(f contacts.MergeField, c contacts.Contact, dates contacts.DateFormat, image string) string {
	v := f.Value(c, dates)
	if f == contacts.MergeImage && v != "" {
		return image
	}
	return oneLine(v)
}

// valueLabel is a label for a value that may be long.
func valueLabel(s string) *widget.Label {
	l := &widget.Label{Text: oneLine(s), Truncation: fyne.TextTruncateEllipsis}
	return l
}

// oneLine puts s on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func phoneNumbers(c contacts.Contact) []string {
	var ns []string
	for _, p := range c.Phones {
		ns = append(ns, p.Number)
	}
	return ns
}
