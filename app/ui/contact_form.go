package ui

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
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

// labelledRow is one phone, email or website in the form: its label
// (for a phone, its kind) and its value.
type labelledRow struct {
	label *widget.Select
	value *fieldEntry
	row   *fyne.Container
}

// labelledList is the phones, emails or websites in the form, each a row
// with a label to choose and a button to remove it.
type labelledList struct {
	labels      []string // the choices, the first the default
	placeholder string
	onFocus     func(*fieldEntry)
	onEdit      func() // told when a row is added, changed or removed
	rows        []*labelledRow
	box         *fyne.Container
	hint        *widget.Label // how sure the reading of a card is
}

func newLabelledList(labels []string, placeholder string, onFocus func(*fieldEntry)) *labelledList {
	return &labelledList{labels: labels, placeholder: placeholder, onFocus: onFocus, box: container.NewVBox()}
}

// add adds a row with the label and value given; an unknown label is the
// first choice.
func (l *labelledList) add(label, value string) *labelledRow {
	r := &labelledRow{label: widget.NewSelect(l.labels, nil)}
	if !slices.Contains(l.labels, label) {
		label = l.labels[0]
	}
	r.label.SetSelected(label)
	r.value = newFieldEntry(false, l.placeholder, l.onFocus)
	r.value.SetText(value)
	r.label.OnChanged = func(string) { l.edited() }
	r.value.OnChanged = func(string) { l.edited() }
	remove := &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance}
	r.row = container.NewBorder(nil, nil, r.label, remove, r.value)
	remove.OnTapped = func() {
		l.rows = slices.DeleteFunc(l.rows, func(q *labelledRow) bool { return q == r })
		l.box.Remove(r.row)
		l.edited()
	}
	l.rows = append(l.rows, r)
	l.box.Add(r.row)
	l.edited()
	return r
}

func (l *labelledList) edited() {
	if l.onEdit != nil {
		l.onEdit()
	}
}

// clear removes every row.
func (l *labelledList) clear() {
	l.rows = nil
	l.box.RemoveAll()
}

// each calls fn with the label and value of each row that has a value.
func (l *labelledList) each(fn func(label, value string)) {
	for _, r := range l.rows {
		if v := strings.TrimSpace(r.value.Text); v != "" {
			fn(r.label.Selected, v)
		}
	}
}

// noLabel is the label choice of an email, website or address that has
// none.
const noLabel = "–"

// labelChoices are the labels an email, website or address can have.
func labelChoices() []string {
	choices := []string{noLabel}
	for _, l := range contacts.Labels {
		choices = append(choices, string(l))
	}
	return choices
}

// labelChoice is the choice for label l.
func labelChoice(l contacts.Label) string {
	if l == "" {
		return noLabel
	}
	return string(l)
}

// addressRow is one postal address in the form, in its components.
type addressRow struct {
	label                                         *widget.Select
	street, extended, poBox, city, region, postal *fieldEntry
	country                                       *fieldEntry
	box                                           *fyne.Container
}

// lowHint is shown under a field read with low confidence.
const lowHint = "⚠ Unsure: check it against the card"

var phoneKinds = []string{"work", "mobile", "fax", "home"}

// contactForm edits a contact's fields. The scan review and the contact
// page share it.
type contactForm struct {
	name, title, company *fieldEntry
	// The parts of the name, shown by "more": each filled from the full
	// name as long as the user types none (partsTyped), as it changes.
	prefix, given, middle, family, suffix *fieldEntry
	partsTyped                            bool
	nameParts                             *fyne.Container
	moreName                              *widget.Button
	// phonetic is how the name is said, the romaji beside a kanji name:
	// one line, split into the phonetic given and family names
	// (contacts.SplitPhonetic) as it is saved.
	phonetic          *fieldEntry
	note, event       *fieldEntry
	metOn             *dayEntry
	introducedBy      *widget.SelectEntry
	talkedAbout, tags *fieldEntry
	cadence           *widget.Select
	people            map[string]int64 // contact IDs by name, for introducedBy
	// findPeople, if set, looks up the people a name typed in
	// introducedBy may mean, and hands them to found on the UI goroutine.
	findPeople       func(text string, found func(map[string]int64))
	phones           *labelledList
	emails, websites *labelledList
	addresses        []*addressRow
	addressBox       *fyne.Container
	addressHint      *widget.Label
	form             *widget.Form
	// hints are the lines under the fields read from a card: how sure
	// the reading is and why. read holds, for each field with a hint,
	// what was read into it; a field the user changes says so instead
	// (see followEvidence).
	hints map[*fieldEntry]*widget.Label
	read  map[*fieldEntry]readInto
	// suggested is the company a card does not print but other evidence
	// suggests (ocr.Field.Suggested), offered under Company, with a
	// button to use it, while Company is empty.
	suggested     ocr.Field
	suggestion    *widget.Label
	useSuggestion *widget.Button
	suggestionBox *fyne.Container
	active        *fieldEntry // the field last focused
	base          contacts.Contact
	// onEdit, if set, is told when the user changes a field, adds or
	// removes a row; changed says whether the form now differs from the
	// contact set.
	onEdit func()
	// filling is true while set fills the form. unchanged is what the
	// form gave as set, and unchangedDay the day met as it was shown.
	filling      bool
	unchanged    contacts.Contact
	unchangedDay string
}

func newContactForm(dates contacts.DateFormat) *contactForm {
	f := &contactForm{hints: map[*fieldEntry]*widget.Label{}, read: map[*fieldEntry]readInto{}}
	focus := func(e *fieldEntry) { f.active = e }
	f.name = newFieldEntry(false, "Full name", focus)
	f.prefix = newFieldEntry(false, "Prefix (Dr.)", focus)
	f.given = newFieldEntry(false, "Given name", focus)
	f.middle = newFieldEntry(false, "Middle name", focus)
	f.family = newFieldEntry(false, "Family name", focus)
	f.suffix = newFieldEntry(false, "Suffix (PhD)", focus)
	f.phonetic = newFieldEntry(false, "How the name is said, e.g. Kenta Yamamoto", focus)
	f.title = newFieldEntry(false, "Job title", focus)
	f.company = newFieldEntry(false, "Company", focus)
	f.note = newFieldEntry(true, "Anything else on the card", focus)
	f.event = newFieldEntry(false, "Where you met, e.g. Atlanta Tech Meetup", focus)
	f.metOn = newDayEntry(dates)
	f.metOn.onEdit = f.edited
	f.introducedBy = widget.NewSelectEntry(nil)
	f.introducedBy.SetPlaceHolder("Who introduced you")
	f.introducedBy.OnChanged = f.onIntroducedByChanged
	f.talkedAbout = newFieldEntry(true, "What you talked about, what you promised", focus)
	f.tags = newFieldEntry(false, "prospect, referral partner, friend", focus)
	f.cadence = widget.NewSelect(cadenceNames(), func(string) { f.edited() })
	f.phones = newLabelledList(phoneKinds, "Number", focus)
	f.emails = newLabelledList(labelChoices(), "Email", focus)
	f.websites = newLabelledList(labelChoices(), "Website", focus)
	for _, l := range []*labelledList{f.phones, f.emails, f.websites} {
		l.onEdit = f.edited
	}
	for _, e := range []*fieldEntry{f.phonetic, f.title, f.note, f.event, f.talkedAbout, f.tags} {
		e.OnChanged = func(string) {
			f.edited()
			f.followEvidence(e)
		}
	}
	f.name.OnChanged = func(string) {
		f.edited()
		f.followName()
		f.followEvidence(f.name)
	}
	for _, e := range []*fieldEntry{f.prefix, f.given, f.middle, f.family, f.suffix} {
		e.OnChanged = func(string) {
			if !f.filling {
				f.partsTyped = true
			}
			f.edited()
		}
	}
	f.company.OnChanged = func(string) {
		f.edited()
		f.showSuggestion() // a company typed leaves nothing to suggest
		f.followEvidence(f.company)
	}
	f.addressBox = container.NewVBox()
	return f
}

// followName shows the name's parts as the full name typed gives them,
// while the user has typed none of them: as contact will save them.
func (f *contactForm) followName() {
	if f.filling || f.partsTyped {
		return
	}
	c := withNameParts(f.base, strings.TrimSpace(f.name.Text))
	f.filling = true
	defer func() { f.filling = false }()
	f.prefix.SetText(c.Prefix)
	f.given.SetText(c.GivenName)
	f.middle.SetText(c.MiddleName)
	f.family.SetText(c.FamilyName)
	f.suffix.SetText(c.Suffix)
}

// withNameParts is c with the full name full, and its parts as that name
// gives them: c's own when full is c's name, else split from it
// (contacts.SplitName), keeping a prefix or suffix full still has.
func withNameParts(c contacts.Contact, full string) contacts.Contact {
	if full == c.FullName {
		return c
	}
	c.FullName = full
	c.GivenName, c.FamilyName = contacts.SplitName(full)
	c.MiddleName = ""
	if !strings.HasPrefix(full, c.Prefix) {
		c.Prefix = ""
	}
	if !strings.HasSuffix(full, c.Suffix) {
		c.Suffix = ""
	}
	return c
}

// edited tells onEdit that the user changed the form.
func (f *contactForm) edited() {
	if f.onEdit != nil && !f.filling {
		f.onEdit()
	}
}

// changed reports whether the form differs from the contact set: whether
// saving it would change anything.
func (f *contactForm) changed() bool {
	return f.metOn.entry.Text != f.unchangedDay || !reflect.DeepEqual(f.contact(), f.unchanged)
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
	f.edited()
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
	addButton := func(label string, add func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, theme.ContentAddIcon(), add)
		b.Importance = widget.LowImportance
		return b
	}
	list := func(label string, l *labelledList, add string, first string) *widget.FormItem {
		l.hint = newHint()
		return widget.NewFormItem(label, container.NewVBox(l.box, l.hint,
			container.NewHBox(addButton(add, func() { f.focus(l.add(first, "").value) }))))
	}

	// The full name is the field people fill; its parts wait behind "More".
	f.nameParts = container.NewVBox(
		container.NewGridWithColumns(3, f.prefix, f.given, f.middle),
		container.NewGridWithColumns(2, f.family, f.suffix),
	)
	f.nameParts.Hide()
	f.moreName = &widget.Button{Text: moreName, Icon: theme.MenuExpandIcon(), Importance: widget.LowImportance, OnTapped: f.onMoreName}
	nameHint := newHint()
	f.hints[f.name] = nameHint
	nameItem := widget.NewFormItem("Name", container.NewVBox(
		f.name, nameHint, container.NewHBox(f.moreName), f.nameParts))

	f.addressHint = newHint()
	addressItem := widget.NewFormItem("Addresses", container.NewVBox(f.addressBox, f.addressHint,
		container.NewHBox(addButton("Add address", func() { f.focus(f.addAddress(contacts.Address{}).street) }))))

	// Under Company, a company the card does not print may be offered.
	companyHint := newHint()
	f.hints[f.company] = companyHint
	f.suggestion = newHint()
	f.suggestion.Show()
	f.useSuggestion = widget.NewButtonWithIcon("", theme.ContentAddIcon(), f.onUseSuggestion)
	f.suggestionBox = container.NewVBox(f.suggestion, container.NewHBox(f.useSuggestion))
	f.suggestionBox.Hide()
	companyItem := widget.NewFormItem("Company", container.NewVBox(f.company, companyHint, f.suggestionBox))

	f.form = widget.NewForm(
		nameItem,
		item("Phonetic name", f.phonetic),
		item("Title", f.title),
		companyItem,
		list("Phones", f.phones, "Add phone", string(contacts.PhoneWork)),
		list("Emails", f.emails, "Add email", noLabel),
		list("Websites", f.websites, "Add website", noLabel),
		addressItem,
		item("Note", f.note),
		item("Met at", f.event),
		widget.NewFormItem("Met on", container.NewVBox(f.metOn.buildUI(), f.metOn.hint)),
		widget.NewFormItem("Introduced by", f.introducedBy),
		item("Talked about", f.talkedAbout),
		item("Tags", f.tags),
		widget.NewFormItem("Keep in touch", f.cadence),
	)
	return f.form
}

// focus focuses e, when the form is on a window, and makes it the field
// being edited.
func (f *contactForm) focus(e *fieldEntry) {
	f.active = e
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// The labels of the button that shows and hides the name's parts.
const (
	moreName = "More name fields"
	lessName = "Fewer name fields"
)

// onMoreName shows or hides the parts of the name.
func (f *contactForm) onMoreName() {
	if f.nameParts.Visible() {
		f.nameParts.Hide()
		f.moreName.SetText(moreName)
		f.moreName.SetIcon(theme.MenuExpandIcon())
	} else {
		f.nameParts.Show()
		f.moreName.SetText(lessName)
		f.moreName.SetIcon(theme.MenuDropUpIcon())
	}
}

// addAddress adds a, in its components, to the form's addresses.
func (f *contactForm) addAddress(a contacts.Address) *addressRow {
	focus := func(e *fieldEntry) { f.active = e }
	r := &addressRow{
		label:    widget.NewSelect(labelChoices(), nil),
		street:   newFieldEntry(true, "Street", focus),
		extended: newFieldEntry(false, "Suite, floor", focus),
		poBox:    newFieldEntry(false, "PO box", focus),
		city:     newFieldEntry(false, "City", focus),
		region:   newFieldEntry(false, "State, region", focus),
		postal:   newFieldEntry(false, "Postal code", focus),
		country:  newFieldEntry(false, "Country", focus),
	}
	r.street.SetMinRowsVisible(1)
	r.label.SetSelected(labelChoice(a.Label))
	r.label.OnChanged = func(string) { f.edited() }
	for e, v := range map[*fieldEntry]string{r.street: a.Street, r.extended: a.Extended, r.poBox: a.POBox,
		r.city: a.City, r.region: a.Region, r.postal: a.PostalCode, r.country: a.Country} {
		e.SetText(v)
		e.OnChanged = func(string) { f.edited() }
	}
	remove := &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance}
	r.box = container.NewVBox(
		container.NewBorder(nil, nil, r.label, remove),
		r.street,
		container.NewGridWithColumns(2, r.extended, r.poBox),
		container.NewGridWithColumns(2, r.postal, r.city),
		container.NewGridWithColumns(2, r.region, r.country),
		widget.NewSeparator(),
	)
	remove.OnTapped = func() {
		f.addresses = slices.DeleteFunc(f.addresses, func(q *addressRow) bool { return q == r })
		f.addressBox.Remove(r.box)
		f.edited()
	}
	f.addresses = append(f.addresses, r)
	f.addressBox.Add(r.box)
	f.edited()
	return r
}

// address is the address r holds.
func (r *addressRow) address() contacts.Address {
	a := contacts.Address{
		Street: strings.TrimSpace(r.street.value()), Extended: strings.TrimSpace(r.extended.Text),
		POBox: strings.TrimSpace(r.poBox.Text), City: strings.TrimSpace(r.city.Text),
		Region: strings.TrimSpace(r.region.Text), PostalCode: strings.TrimSpace(r.postal.Text),
		Country: strings.TrimSpace(r.country.Text),
	}
	if r.label.Selected != noLabel {
		a.Label = contacts.ParseLabel(r.label.Selected)
	}
	return a
}

// set fills the form with c.
func (f *contactForm) set(c contacts.Contact) {
	f.filling = true
	defer func() { f.filling = false }()
	f.base = c
	f.partsTyped = false
	f.name.SetText(c.FullName)
	f.prefix.SetText(c.Prefix)
	f.given.SetText(c.GivenName)
	f.middle.SetText(c.MiddleName)
	f.family.SetText(c.FamilyName)
	f.suffix.SetText(c.Suffix)
	f.phonetic.SetText(c.PhoneticName())
	f.title.SetText(c.Title)
	f.company.SetText(c.Company)
	f.emails.clear()
	for _, e := range c.Emails {
		f.emails.add(labelChoice(c.EmailLabels[e]), e)
	}
	f.websites.clear()
	for _, u := range c.Websites {
		f.websites.add(labelChoice(c.WebsiteLabels[u]), u)
	}
	f.addresses = nil
	f.addressBox.RemoveAll()
	for _, a := range c.Addresses {
		f.addAddress(a)
	}
	f.note.SetText(c.Note)
	f.event.SetText(c.Event)
	f.metOn.setDay(c.MetOn)
	f.introducedBy.SetText(c.IntroducedBy)
	f.talkedAbout.SetText(c.TalkedAbout)
	f.tags.SetText(strings.Join(c.Tags, ", "))
	if name := cadenceName(c.Cadence); slices.Contains(f.cadence.Options, name) {
		f.cadence.SetSelected(name)
	} else {
		f.cadence.SetOptions(append(cadenceNames(), name))
		f.cadence.SetSelected(name)
	}
	f.phones.clear()
	for _, p := range c.Phones {
		kind := string(p.Kind)
		if kind == "" {
			kind = string(contacts.PhoneWork)
		}
		f.phones.add(kind, p.Number)
	}
	f.showEvidence(nil)
	f.active = f.name
	f.unchanged, f.unchangedDay = f.contact(), f.metOn.entry.Text
}

// saved makes c, just saved from the form as it is, the contact set,
// without filling the form again: only the name's parts, which saving may
// have made from the full name, and the phonetic name, as its parts read
// given name first, are shown as saved.
func (f *contactForm) saved(c contacts.Contact) {
	f.filling = true
	for e, v := range map[*fieldEntry]string{f.prefix: c.Prefix, f.given: c.GivenName, f.middle: c.MiddleName,
		f.family: c.FamilyName, f.suffix: c.Suffix, f.phonetic: c.PhoneticName()} {
		if e.Text != v {
			e.SetText(v)
		}
	}
	f.filling = false
	f.base = c
	f.unchanged, f.unchangedDay = f.contact(), f.metOn.entry.Text
}

// showEvidence shows under each field read from a card how sure the
// reading is and why the value was chosen ("94% · largest text, matches
// the email's name"), and marks the fields read with low confidence so
// that the user checks them against the card. No fields clears it all.
func (f *contactForm) showEvidence(fields []ocr.Field) {
	entries := map[ocr.FieldKind]*fieldEntry{
		ocr.FieldName: f.name, ocr.FieldPhonetic: f.phonetic, ocr.FieldTitle: f.title, ocr.FieldCompany: f.company,
	}
	lists := map[ocr.FieldKind]*widget.Label{
		ocr.FieldPhone: f.phones.hint, ocr.FieldEmail: f.emails.hint, ocr.FieldWebsite: f.websites.hint,
		ocr.FieldAddress: f.addressHint,
	}
	hints := map[*fieldEntry]string{}
	listHints := map[*widget.Label][]string{}
	f.suggested, _ = ocr.Suggestion(fields, ocr.FieldCompany)
	f.showSuggestion()
	for _, fl := range fields {
		if fl.Suggested {
			continue // not read from the card: offered instead
		}
		h := evidenceHint(fl)
		if l := lists[fl.Kind]; l != nil {
			listHints[l] = append(listHints[l], h)
			continue
		}
		if e := entries[fl.Kind]; e != nil && hints[e] == "" {
			hints[e] = h
		}
	}
	show := func(l *widget.Label, text string) {
		if l == nil {
			return // not built
		}
		l.Importance = hintImportance(text)
		l.SetText(text)
		if text == "" {
			l.Hide()
		} else {
			l.Show()
		}
	}
	clear(f.read)
	for e, l := range f.hints {
		show(l, hints[e])
		if hints[e] != "" {
			f.read[e] = readInto{text: e.Text, hint: hints[e]}
		}
	}
	for _, l := range lists {
		show(l, strings.Join(listHints[l], "\n"))
	}
}

// readInto is what a field was filled with from a card: its text, and
// the hint shown under it.
type readInto struct{ text, hint string }

// followEvidence keeps the hint under e true to what e holds: once the
// user changes the text read from the card, the hint says so, and names
// what was read, instead of vouching for text the card did not give.
// Put back as read, the field shows the reading's hint again.
func (f *contactForm) followEvidence(e *fieldEntry) {
	r, ok := f.read[e]
	l := f.hints[e]
	if !ok || l == nil || f.filling {
		return
	}
	text := r.hint
	if e.Text != r.text {
		text = editedHint(r.text)
	}
	importance := hintImportance(text)
	if l.Text != text || l.Importance != importance {
		l.Importance = importance
		l.SetText(text)
	}
}

// hintImportance is how a hint under a field is shown: as a warning when
// the field was read with low confidence (lowHint).
func hintImportance(text string) widget.Importance {
	if strings.Contains(text, lowHint) {
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// editedHint is the line under a field the user changed from what was
// read from the card, read.
func editedHint(read string) string {
	if read == "" {
		return "Typed by you"
	}
	return fmt.Sprintf("Changed by you · the card read “%s”", read)
}

// showSuggestion shows the company suggested for the card under Company
// while that is empty, and hides it otherwise.
func (f *contactForm) showSuggestion() {
	if f.suggestionBox == nil {
		return // not built
	}
	if f.suggested.Value == "" || strings.TrimSpace(f.company.Text) != "" {
		f.suggestionBox.Hide()
		return
	}
	f.suggestion.SetText(suggestionText(f.suggested))
	f.useSuggestion.SetText("Use " + f.suggested.Value)
	f.suggestionBox.Show()
}

// onUseSuggestion puts the company suggested into Company.
func (f *contactForm) onUseSuggestion() {
	f.company.SetText(f.suggested.Value)
	f.showSuggestion()
}

// suggestionText is the line offering a value the card does not print:
// "Not printed on the card. The email's domain suggests Quaywell."
func suggestionText(fl ocr.Field) string {
	if fl.Reason == "" {
		return fmt.Sprintf("Not printed on the card. Suggested: %s.", fl.Value)
	}
	r, n := utf8.DecodeRuneInString(fl.Reason)
	return fmt.Sprintf("Not printed on the card. %s%s suggests %s.", string(unicode.ToUpper(r)), fl.Reason[n:], fl.Value)
}

// evidenceHint is the line shown under a field read from a card; under a
// list of them (phones, emails, websites, addresses) it names the value.
func evidenceHint(fl ocr.Field) string {
	h := fmt.Sprintf("%.0f%%", fl.Conf)
	if fl.Reason != "" {
		h += " · " + fl.Reason
	}
	switch fl.Kind {
	case ocr.FieldPhone, ocr.FieldEmail, ocr.FieldWebsite, ocr.FieldAddress:
		h = fl.Value + ": " + h
	}
	if fl.Conf < ocr.LowConfidence {
		h = lowHint + " (" + h + ")"
	}
	return h
}

// contact returns the contact as edited: the one set, with the form's
// fields. The name's parts are as typed in them; while none is typed,
// they follow the full name (see withNameParts). The phonetic name is split into its
// parts (contacts.SplitPhonetic) once it is edited; until then the parts
// set stay as they were.
func (f *contactForm) contact() contacts.Contact {
	c := f.base
	full := strings.TrimSpace(f.name.Text)
	if f.partsTyped {
		c.FullName = full
		c.Prefix = strings.TrimSpace(f.prefix.Text)
		c.GivenName = strings.TrimSpace(f.given.Text)
		c.MiddleName = strings.TrimSpace(f.middle.Text)
		c.FamilyName = strings.TrimSpace(f.family.Text)
		c.Suffix = strings.TrimSpace(f.suffix.Text)
	} else {
		c = withNameParts(c, full)
	}
	if p := strings.TrimSpace(f.phonetic.Text); p != f.base.PhoneticName() {
		c.PhoneticGivenName, c.PhoneticFamilyName = contacts.SplitPhonetic(p)
	}
	c.Title = strings.TrimSpace(f.title.Text)
	c.Company = strings.TrimSpace(f.company.Text)
	c.Emails, c.EmailLabels = labelledValues(f.emails)
	c.Websites, c.WebsiteLabels = labelledValues(f.websites)
	c.Addresses = nil
	for _, r := range f.addresses {
		if a := r.address(); !a.IsZero() {
			c.Addresses = append(c.Addresses, a)
		}
	}
	c.Note = strings.TrimSpace(f.note.value())
	if ev := strings.TrimSpace(f.event.Text); ev != c.Event {
		c.Event, c.EventID = ev, 0 // saving finds or makes the event
	}
	if d, err := f.metOn.day(); err == nil {
		c.MetOn = d
	} // else the day set stays: validate says what is wrong
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
	f.phones.each(func(kind, number string) {
		c.Phones = append(c.Phones, contacts.Phone{Number: number, Kind: contacts.PhoneKind(kind)})
	})
	return c
}

// validate says what in the form cannot be saved: a day met that is not
// a date.
func (f *contactForm) validate() error {
	_, err := f.metOn.day()
	return err
}

// labelledValues returns the values of l and their labels.
func labelledValues(l *labelledList) ([]string, map[string]contacts.Label) {
	var values []string
	var labels map[string]contacts.Label
	l.each(func(label, value string) {
		if slices.Contains(values, value) {
			return
		}
		values = append(values, value)
		if lb := contacts.ParseLabel(label); lb != "" {
			if labels == nil {
				labels = map[string]contacts.Label{}
			}
			labels[value] = lb
		}
	})
	return values, labels
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
