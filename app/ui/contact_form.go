package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
	"followthrough/ocr"
)

// fieldEntry is an Entry that tells the form when it gains focus, so that a
// text box clicked on the card image goes into the field being edited.
type fieldEntry struct {
	widget.Entry
	onFocus func(*fieldEntry)
	// given and shown are the text last set, and the text shown for it
	// when they differ (see SetText).
	given, shown string
}

func newFieldEntry(multiLine bool, placeholder string, onFocus func(*fieldEntry)) *fieldEntry {
	e := &fieldEntry{onFocus: onFocus}
	e.MultiLine = multiLine
	e.PlaceHolder = placeholder
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
	}
	e.ExtendBaseWidget(e)
	return e
}

// Fyne wraps a paragraph in time that grows with the square of its
// length: a paragraph of 10000 characters takes seconds to show, one of
// 30000 half a minute, whether it breaks at words or anywhere; unwrapped,
// a long line is drawn as one texture too wide for the graphics card. A
// many-line field therefore shows a paragraph longer than maxShownLine in
// lines of at most that, broken at spaces where it can, and gives back the
// text it was given as long as the user has not changed what it shows.
// Past maxWrapText it does not wrap; past maxShownText, which even then
// takes seconds, it shows the start only, says so, and cannot be edited.
const (
	maxShownLine = 1000
	maxWrapText  = 50_000
	maxShownText = 200_000
)

// SetText sets the text of e.
func (e *fieldEntry) SetText(text string) {
	e.given, e.shown = text, text
	if e.MultiLine {
		e.shown = breakLongLines(text, maxShownLine)
		e.Wrapping = fyne.TextWrapWord
		if len(e.shown) > maxWrapText {
			e.Wrapping = fyne.TextWrapOff
		}
		e.Enable()
		if len(e.shown) > maxShownText {
			cut := maxShownText
			for cut > 0 && !utf8.RuneStart(e.shown[cut]) {
				cut--
			}
			e.shown = e.shown[:cut] + fmt.Sprintf("…\n\n[%d KB more are not shown here; all of it is kept, and exported with the contact.]",
				(len(text)-cut)>>10)
			e.Disable()
		}
	}
	e.Entry.SetText(e.shown)
}

// value is the text of e: what was set, unless the user changed what is
// shown.
func (e *fieldEntry) value() string {
	if e.Text == e.shown {
		return e.given
	}
	return e.Text
}

// breakLongLines returns s with each line longer than n runes broken into
// lines of at most n, after the last space in each where there is one.
func breakLongLines(s string, n int) string {
	if len(s) <= n {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		r := []rune(line)
		for len(r) > n {
			cut := n
			for j := n; j > n/2; j-- {
				if r[j] == ' ' {
					cut = j + 1
					break
				}
			}
			b.WriteString(strings.TrimRight(string(r[:cut]), " "))
			b.WriteByte('\n')
			r = r[cut:]
		}
		b.WriteString(string(r))
	}
	return b.String()
}

// FocusGained records e as the field being edited.
func (e *fieldEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(e)
	}
}

// put puts text read from the card into e: it replaces a one-line field and
// adds a line to a many-line one.
func (e *fieldEntry) put(text string) {
	if e.MultiLine && strings.TrimSpace(e.Text) != "" {
		e.SetText(strings.TrimRight(e.Text, "\n") + "\n" + text)
		return
	}
	e.SetText(text)
}

// phoneRow is one phone number in the form: its kind and number.
type phoneRow struct {
	kind   *widget.Select
	number *fieldEntry
	row    *fyne.Container
}

// lowHint is shown under a field read with low confidence.
const lowHint = "⚠ Unsure: check it against the card"

var phoneKinds = []string{"work", "mobile", "fax", "home"}

// contactForm edits a contact's fields. The scan review and the contact
// page share it.
type contactForm struct {
	name, title, company *fieldEntry
	emails, websites     *fieldEntry
	address, note, event *fieldEntry
	metOn                *widget.DateEntry
	introducedBy         *widget.SelectEntry
	talkedAbout, tags    *fieldEntry
	cadence              *widget.Select
	people               map[string]int64 // contact IDs by name, for introducedBy
	// findPeople, if set, looks up the people a name typed in
	// introducedBy may mean, and hands them to found on the UI goroutine.
	findPeople func(text string, found func(map[string]int64))
	phones     []*phoneRow
	phoneBox   *fyne.Container
	phonesItem *widget.FormItem
	phonesHint *widget.Label
	form       *widget.Form
	// hints are the lines under the fields read from a card: how sure
	// the reading is and why.
	hints  map[*fieldEntry]*widget.Label
	active *fieldEntry // the field last focused
	base   contacts.Contact
}

func newContactForm() *contactForm {
	f := &contactForm{hints: map[*fieldEntry]*widget.Label{}}
	focus := func(e *fieldEntry) { f.active = e }
	f.name = newFieldEntry(false, "Full name", focus)
	f.title = newFieldEntry(false, "Job title", focus)
	f.company = newFieldEntry(false, "Company", focus)
	f.emails = newFieldEntry(true, "One email per line", focus)
	f.websites = newFieldEntry(true, "One website per line", focus)
	f.address = newFieldEntry(true, "Postal address", focus)
	f.note = newFieldEntry(true, "Anything else on the card", focus)
	f.event = newFieldEntry(false, "Where you met, e.g. Atlanta Tech Meetup", focus)
	f.emails.SetMinRowsVisible(1)
	f.websites.SetMinRowsVisible(1)
	f.metOn = widget.NewDateEntry()
	f.introducedBy = widget.NewSelectEntry(nil)
	f.introducedBy.SetPlaceHolder("Who introduced you")
	f.introducedBy.OnChanged = f.onIntroducedByChanged
	f.talkedAbout = newFieldEntry(true, "What you talked about, what you promised", focus)
	f.tags = newFieldEntry(false, "prospect, referral partner, friend", focus)
	f.cadence = widget.NewSelect(cadenceNames(), nil)
	f.phoneBox = container.NewVBox()
	return f
}

// noCadence is the cadence menu's choice for none.
const noCadence = "No keep-in-touch cadence"

func cadenceNames() []string {
	names := []string{noCadence}
	for _, p := range contacts.CadencePresets {
		names = append(names, p.Name)
	}
	return names
}

// cadenceName is the menu choice for c: a preset's name, or c described.
func cadenceName(c contacts.Cadence) string {
	if c.IsZero() {
		return noCadence
	}
	for _, p := range contacts.CadencePresets {
		if p.Cadence == c {
			return p.Name
		}
	}
	return c.String()
}

// onIntroducedByChanged offers the contacts whose names begin with what
// is typed: with a hundred thousand contacts, a menu of them all would be
// of no use, and slow to make.
func (f *contactForm) onIntroducedByChanged(text string) {
	if f.findPeople == nil {
		return
	}
	f.findPeople(text, func(people map[string]int64) {
		if f.introducedBy.Text == text {
			f.setPeople(people)
		}
	})
}

// setPeople gives the names that "Introduced by" offers. The names offered
// before are still known, so that one picked earlier keeps its contact.
func (f *contactForm) setPeople(people map[string]int64) {
	if f.people == nil {
		f.people = map[string]int64{}
	}
	names := make([]string, 0, len(people))
	for n, id := range people {
		f.people[n] = id
		names = append(names, n)
	}
	sort.Strings(names)
	f.introducedBy.SetOptions(names)
}

func (f *contactForm) buildUI() fyne.CanvasObject {
	addPhone := widget.NewButtonWithIcon("Add phone", theme.ContentAddIcon(), func() { f.addPhone(contacts.Phone{Kind: contacts.PhoneWork}) })
	addPhone.Importance = widget.LowImportance
	// A Form shows an item's hint only if it had one when first drawn,
	// so the hints are labels of the form's own.
	newHint := func() *widget.Label {
		l := widget.NewLabel("")
		l.SizeName = theme.SizeNameCaptionText
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		return l
	}
	item := func(label string, e *fieldEntry) *widget.FormItem {
		h := newHint()
		f.hints[e] = h
		return widget.NewFormItem(label, container.NewVBox(e, h))
	}
	f.phonesHint = newHint()
	f.phonesItem = widget.NewFormItem("Phones", container.NewVBox(f.phoneBox, f.phonesHint, container.NewHBox(addPhone)))
	f.form = widget.NewForm(
		item("Name", f.name),
		item("Title", f.title),
		item("Company", f.company),
		f.phonesItem,
		item("Emails", f.emails),
		item("Websites", f.websites),
		item("Address", f.address),
		item("Note", f.note),
		item("Met at", f.event),
		widget.NewFormItem("Met on", f.metOn),
		widget.NewFormItem("Introduced by", f.introducedBy),
		item("Talked about", f.talkedAbout),
		item("Tags", f.tags),
		widget.NewFormItem("Keep in touch", f.cadence),
	)
	return f.form
}

// set fills the form with c.
func (f *contactForm) set(c contacts.Contact) {
	f.base = c
	f.name.SetText(c.FullName)
	f.title.SetText(c.Title)
	f.company.SetText(c.Company)
	f.emails.SetText(strings.Join(c.Emails, "\n"))
	f.websites.SetText(strings.Join(c.Websites, "\n"))
	f.address.SetText(c.Address)
	f.note.SetText(c.Note)
	f.event.SetText(c.Event)
	if c.MetOn.IsZero() {
		f.metOn.SetDate(nil)
	} else {
		t := c.MetOn.In(time.Local)
		f.metOn.SetDate(&t)
	}
	f.introducedBy.SetText(c.IntroducedBy)
	f.talkedAbout.SetText(c.TalkedAbout)
	f.tags.SetText(strings.Join(c.Tags, ", "))
	if name := cadenceName(c.Cadence); slices.Contains(f.cadence.Options, name) {
		f.cadence.SetSelected(name)
	} else {
		f.cadence.SetOptions(append(cadenceNames(), name))
		f.cadence.SetSelected(name)
	}
	f.phones = nil
	f.phoneBox.RemoveAll()
	for _, p := range c.Phones {
		f.addPhone(p)
	}
	f.showEvidence(nil)
	f.active = f.name
}

// showEvidence shows under each field read from a card how sure the
// reading is and why the value was chosen ("94% · largest text, matches
// the email's name"), and marks the fields read with low confidence so
// that the user checks them against the card. No fields clears it all.
func (f *contactForm) showEvidence(fields []ocr.Field) {
	entries := map[ocr.FieldKind]*fieldEntry{
		ocr.FieldName: f.name, ocr.FieldTitle: f.title, ocr.FieldCompany: f.company,
		ocr.FieldEmail: f.emails, ocr.FieldWebsite: f.websites, ocr.FieldAddress: f.address,
	}
	hints := map[*fieldEntry]string{}
	var phones []string
	for _, fl := range fields {
		h := evidenceHint(fl)
		if fl.Kind == ocr.FieldPhone {
			phones = append(phones, h)
			continue
		}
		if e := entries[fl.Kind]; e != nil && hints[e] == "" {
			hints[e] = h
		}
	}
	show := func(l *widget.Label, text string) {
		l.Importance = widget.MediumImportance
		if strings.Contains(text, lowHint) {
			l.Importance = widget.WarningImportance
		}
		l.SetText(text)
		if text == "" {
			l.Hide()
		} else {
			l.Show()
		}
	}
	for e, l := range f.hints {
		show(l, hints[e])
	}
	if f.phonesHint != nil {
		show(f.phonesHint, strings.Join(phones, "\n"))
	}
}

// evidenceHint is the line shown under a field read from a card.
func evidenceHint(fl ocr.Field) string {
	h := fmt.Sprintf("%.0f%%", fl.Conf)
	if fl.Reason != "" {
		h += " · " + fl.Reason
	}
	if fl.Kind == ocr.FieldPhone {
		h = fl.Value + ": " + h
	}
	if fl.Conf < ocr.LowConfidence {
		h = lowHint + " (" + h + ")"
	}
	return h
}

func (f *contactForm) addPhone(p contacts.Phone) {
	r := &phoneRow{}
	r.kind = widget.NewSelect(phoneKinds, nil)
	kind := string(p.Kind)
	if kind == "" {
		kind = string(contacts.PhoneWork)
	}
	r.kind.SetSelected(kind)
	r.number = newFieldEntry(false, "Number", func(e *fieldEntry) { f.active = e })
	r.number.SetText(p.Number)
	remove := &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance}
	r.row = container.NewBorder(nil, nil, r.kind, remove, r.number)
	remove.OnTapped = func() {
		for i, q := range f.phones {
			if q == r {
				f.phones = append(f.phones[:i], f.phones[i+1:]...)
				break
			}
		}
		f.phoneBox.Remove(r.row)
	}
	f.phones = append(f.phones, r)
	f.phoneBox.Add(r.row)
}

// contact returns the contact as edited: the one set, with the form's
// fields.
func (f *contactForm) contact() contacts.Contact {
	c := f.base
	c.FullName = strings.TrimSpace(f.name.Text)
	c.GivenName, c.FamilyName = contacts.SplitName(c.FullName)
	c.Title = strings.TrimSpace(f.title.Text)
	c.Company = strings.TrimSpace(f.company.Text)
	c.Emails = lines(f.emails.Text)
	c.Websites = lines(f.websites.Text)
	c.Address = strings.TrimSpace(f.address.value())
	c.Note = strings.TrimSpace(f.note.value())
	if ev := strings.TrimSpace(f.event.Text); ev != c.Event {
		c.Event, c.EventID = ev, 0 // saving finds or makes the event
	}
	c.MetOn = contacts.Day{}
	if f.metOn.Date != nil {
		c.MetOn = contacts.DayOf(*f.metOn.Date)
	}
	if by := strings.TrimSpace(f.introducedBy.Text); by != c.IntroducedBy {
		c.IntroducedBy, c.IntroducedByID = by, f.people[by]
	}
	c.TalkedAbout = strings.TrimSpace(f.talkedAbout.value())
	c.Tags = nil
	for _, t := range strings.Split(f.tags.Text, ",") {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(c.Tags, t) {
			c.Tags = append(c.Tags, t)
		}
	}
	if f.cadence.Selected != cadenceName(f.base.Cadence) {
		c.Cadence = contacts.Cadence{} // "No keep-in-touch cadence"
		for _, p := range contacts.CadencePresets {
			if p.Name == f.cadence.Selected {
				c.Cadence = p.Cadence
			}
		}
	}
	c.Phones = nil
	for _, p := range f.phones {
		if n := strings.TrimSpace(p.number.Text); n != "" {
			c.Phones = append(c.Phones, contacts.Phone{Number: n, Kind: contacts.PhoneKind(p.kind.Selected)})
		}
	}
	return c
}

// put puts text picked on the card image into the field being edited, or
// the name when none is.
func (f *contactForm) put(text string) {
	e := f.active
	if e == nil {
		e = f.name
	}
	e.put(text)
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
