// Package vcf reads and writes contacts as vCards: 2.1, 3.0 and 4.0 in,
// 3.0 and 4.0 out, with card photos, QR code payloads and the cards kept
// in sync with a CardDAV server.
package vcf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/emersion/go-vcard"

	"followthrough/contacts/internal/contentline"

	"followthrough/contacts"
)

// fieldLabel is the vCard 3.0 property for the text of a postal address,
// which go-vcard, written for vCard 4.0, does not name.
const fieldLabel = "LABEL"

// Card returns c as a vCard 3.0: VERSION, UID, N, FN, the phonetic name
// (X-PHONETIC-FIRST-NAME, X-PHONETIC-LAST-NAME), ORG, TITLE, TEL, EMAIL,
// URL, ADR with LABEL, NOTE and CATEGORIES. FN is c's display name, or
// its given and family names if it has those but no full name. The note
// starts with "Met at <Event>." when c has an event, which is also the
// card's only category. Empty fields are left out, except N and FN, which
// vCard 3.0 requires, and UID, which a contact the store gave one always
// has. ID, Image and the times are not part of the card.
//
// The values follow go-vcard's conventions: text values are plain text,
// and the components of N, ADR and ORG are separated by ";" and the
// categories by ",". Where go-vcard cannot tell a ";" or "," inside a
// component from a separator, Card escapes a "\", ";" or "," that belongs
// to a component or category with a backslash, as the vCard text does, so
// that a family name such as "Smith; Jones" stays one component. go-vcard's
// Name and Address accessors do not undo that escaping, and its Encoder
// would escape the backslashes again: write the card with Write.
func Card(c contacts.Contact) vcard.Card {
	card := make(vcard.Card)
	card.SetValue(vcard.FieldVersion, "3.0")
	if c.UID != "" {
		card.SetValue(vcard.FieldUID, c.UID)
	}
	card.SetValue(vcard.FieldName, joinComponents(";", c.FamilyName, c.GivenName, c.MiddleName, c.Prefix, c.Suffix))
	card.SetValue(vcard.FieldFormattedName, formattedName(c))
	for _, x := range []struct{ prop, value string }{
		{fieldPhoneticGiven, c.PhoneticGivenName}, {fieldPhoneticFamily, c.PhoneticFamilyName},
	} {
		if x.value != "" {
			card.SetValue(x.prop, x.value)
		}
	}
	if c.Company != "" {
		card.SetValue(vcard.FieldOrganization, escapeComponent(c.Company))
	}
	if c.Title != "" {
		card.SetValue(vcard.FieldTitle, c.Title)
	}
	for _, p := range c.Phones {
		if p.Number != "" {
			card.Add(vcard.FieldTelephone, &vcard.Field{
				Value:  p.Number,
				Params: vcard.Params{vcard.ParamType: phoneTypes(p.Kind)},
			})
		}
	}
	for _, e := range c.Emails {
		if e != "" {
			// "internet" is 3.0's type for an email address; card4
			// drops it.
			card.Add(vcard.FieldEmail, &vcard.Field{
				Value:  e,
				Params: vcard.Params{vcard.ParamType: append([]string{"internet"}, labelTypes(c.EmailLabels[e])...)},
			})
		}
	}
	for _, u := range c.Websites {
		if u != "" {
			f := &vcard.Field{Value: u, Params: vcard.Params{}}
			if types := labelTypes(c.WebsiteLabels[u]); types != nil {
				f.Params[vcard.ParamType] = types
			}
			card.Add(vcard.FieldURL, f)
		}
	}
	for _, a := range c.Addresses {
		if a.IsZero() {
			continue
		}
		// LABEL gives each address as text to readers that prefer that,
		// in the order of the ADRs: card4 moves it into ADR's LABEL.
		params := vcard.Params{}
		if types := labelTypes(a.Label); types != nil {
			params[vcard.ParamType] = types
		}
		card.Add(vcard.FieldAddress, &vcard.Field{
			Value:  joinComponents(";", a.POBox, a.Extended, a.Street, a.City, a.Region, a.PostalCode, a.Country),
			Params: params,
		})
		card.Add(fieldLabel, &vcard.Field{Value: a.Line(), Params: maps.Clone(params)})
	}
	// The meeting context goes first in the note, for people and phones,
	// and in X- properties, so that reading the card back loses nothing.
	if note := contacts.JoinNonEmpty("\n", meetingContext(c), c.Note); note != "" {
		card.SetValue(vcard.FieldNote, note)
	}
	var cats []string
	for _, cat := range append([]string{c.Event}, c.Tags...) {
		if cat != "" {
			cats = append(cats, escapeComponent(cat))
		}
	}
	if len(cats) > 0 {
		card.SetValue(vcard.FieldCategories, strings.Join(cats, ","))
	}
	for _, x := range []struct{ prop, value string }{
		{fieldEvent, c.Event}, {fieldMetOn, c.MetOn.String()},
		{fieldIntroducedBy, c.IntroducedBy}, {fieldTalkedAbout, c.TalkedAbout},
	} {
		if x.value != "" {
			card.SetValue(x.prop, x.value)
		}
	}
	return card
}

// The properties of the phonetic name, how the name is read aloud, as
// Apple's Contacts, Google Contacts and Android write and read them, in
// vCard 3.0 and 4.0 alike. Android writes a phonetic middle name too,
// which Read takes into the given name; Card writes none.
const (
	fieldPhoneticGiven  = "X-PHONETIC-FIRST-NAME"
	fieldPhoneticMiddle = "X-PHONETIC-MIDDLE-NAME"
	fieldPhoneticFamily = "X-PHONETIC-LAST-NAME"
)

// The properties that keep a contact's meeting context in its vCard.
const (
	fieldEvent        = "X-FOLLOWTHROUGH-EVENT"
	fieldMetOn        = "X-FOLLOWTHROUGH-MET-ON"
	fieldIntroducedBy = "X-FOLLOWTHROUGH-INTRODUCED-BY"
	fieldTalkedAbout  = "X-FOLLOWTHROUGH-TALKED-ABOUT"
)

// meetingContext says where and how c was met, in the words a card's note
// starts with: "Met at Atlanta Tech Meetup on 2026-11-20, introduced by
// Sam Lee.\nTalked about: hiring".
func meetingContext(c contacts.Contact) string {
	var met string
	switch {
	case c.Event != "" && !c.MetOn.IsZero():
		met = fmt.Sprintf("Met at %s on %s", c.Event, c.MetOn)
	case c.Event != "":
		met = "Met at " + c.Event
	case !c.MetOn.IsZero():
		met = "Met on " + c.MetOn.String()
	}
	if c.IntroducedBy != "" {
		if met == "" {
			met = "Introduced by " + c.IntroducedBy
		} else {
			met += ", introduced by " + c.IntroducedBy
		}
	}
	if met != "" {
		met += "."
	}
	var talked string
	if c.TalkedAbout != "" {
		talked = "Talked about: " + c.TalkedAbout
	}
	return contacts.JoinNonEmpty("\n", met, talked)
}

// formattedName returns the FN of c's card: its display name, or its
// given and family names when it has those but no full name.
func formattedName(c contacts.Contact) string {
	if c.FullName == "" {
		if name := nameFromParts(c); name != "" {
			return name
		}
	}
	return c.DisplayName()
}

// nameFromParts is c's name from its parts: "Dr. Ann-Marie Q. Øster, PhD".
func nameFromParts(c contacts.Contact) string {
	return contacts.JoinNonEmpty(", ", contacts.JoinNonEmpty(" ", c.Prefix, c.GivenName, c.MiddleName, c.FamilyName), c.Suffix)
}

// metAt returns the sentence version 1 of Card started the note with for
// event, which cards written then still carry.
func metAt(event string) string { return "Met at " + event + "." }

// labelTypes returns the TYPE parameter values for label: none for none.
func labelTypes(label contacts.Label) []string {
	if label == "" {
		return nil
	}
	return []string{string(label)}
}

// labelOf returns the label that the TYPE parameter values in params
// give, or "".
func labelOf(params vcard.Params) contacts.Label {
	for _, t := range params.Types() {
		if l := contacts.ParseLabel(t); l != "" {
			return l
		}
	}
	return ""
}

// phoneTypes returns the TYPE parameter values for a phone of kind.
func phoneTypes(kind contacts.PhoneKind) []string {
	switch kind {
	case contacts.PhoneMobile:
		return []string{vcard.TypeCell, vcard.TypeVoice}
	case contacts.PhoneFax:
		return []string{vcard.TypeWork, vcard.TypeFax}
	case contacts.PhoneHome:
		return []string{vcard.TypeHome, vcard.TypeVoice}
	}
	return []string{vcard.TypeWork, vcard.TypeVoice}
}

// phoneKind returns the kind of phone the TYPE parameter values in params
// describe.
func phoneKind(params vcard.Params) contacts.PhoneKind {
	types := params.Types()
	switch {
	case slices.Contains(types, vcard.TypeFax):
		return contacts.PhoneFax
	case slices.Contains(types, vcard.TypeCell):
		return contacts.PhoneMobile
	case slices.Contains(types, vcard.TypeHome):
		return contacts.PhoneHome
	}
	return contacts.PhoneWork
}

var componentEscaper = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`)

// escapeComponent escapes the characters of s that would otherwise end a
// component or list item of a structured value.
func escapeComponent(s string) string { return componentEscaper.Replace(s) }

// joinComponents escapes each component and joins them with sep.
func joinComponents(sep string, components ...string) string {
	for i, c := range components {
		components[i] = escapeComponent(c)
	}
	return strings.Join(components, sep)
}

// Write writes cs as vCards 3.0, in UTF-8 without byte order mark,
// with CRLF line ends and lines folded at 75 octets.
//
// It does not use go-vcard's Encoder, which leaves ";" unescaped in
// components, escapes the "," between TYPE values and between categories,
// and does not fold lines.
func Write(w io.Writer, cs ...contacts.Contact) error {
	return writeCards(w, Card, cs)
}

// writeCards writes each contact's card, made by card, to w.
func writeCards(w io.Writer, card func(contacts.Contact) vcard.Card, cs []contacts.Contact) error {
	if out, ok := w.(*bytes.Buffer); ok {
		// Straight into the buffer, as an export's batches are written.
		for i, c := range cs {
			start := out.Len()
			if err := encodeCard(out, card(c), c.Extra); err != nil {
				out.Truncate(start)
				return fmt.Errorf("vcf: write vCard %d (%s): %w", i+1, c.DisplayName(), err)
			}
		}
		return nil
	}
	var buf bytes.Buffer
	for i, c := range cs {
		buf.Reset()
		if err := encodeCard(&buf, card(c), c.Extra); err != nil {
			return fmt.Errorf("vcf: write vCard %d (%s): %w", i+1, c.DisplayName(), err)
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("vcf: write vCard %d (%s): %w", i+1, c.DisplayName(), err)
		}
	}
	return nil
}

// propertyOrder is the order encodeCard writes the properties it knows in;
// it writes the others after them, sorted.
var propertyOrder = []string{
	vcard.FieldVersion, vcard.FieldUID, vcard.FieldName, vcard.FieldFormattedName,
	fieldPhoneticGiven, fieldPhoneticFamily, vcard.FieldOrganization, vcard.FieldTitle, vcard.FieldTelephone,
	vcard.FieldEmail, vcard.FieldURL, vcard.FieldAddress, fieldLabel,
	vcard.FieldNote, vcard.FieldCategories,
}

// propertyRank is each property's place in propertyOrder.
var propertyRank = func() map[string]int {
	m := map[string]int{}
	for i, k := range propertyOrder {
		m[k] = i
	}
	return m
}()

// structuredProperties are the properties whose values hold their
// components already escaped, as Card makes them.
var structuredProperties = map[string]bool{
	vcard.FieldName:         true,
	vcard.FieldAddress:      true,
	vcard.FieldOrganization: true,
	vcard.FieldCategories:   true,
}

// encodeCard writes card to buf in the shape Card makes, as Write
// describes, followed by the content lines in extra, as they are.
func encodeCard(buf *bytes.Buffer, card vcard.Card, extra []string) error {
	if card.Get(vcard.FieldVersion) == nil {
		return errors.New("VERSION missing")
	}
	// The properties Card makes, in their order, then the others sorted.
	keys := make([]string, 0, len(card))
	for _, k := range propertyOrder {
		if _, ok := card[k]; ok {
			keys = append(keys, k)
		}
	}
	known := len(keys)
	for k := range card {
		if _, ok := propertyRank[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys[known:])

	contentline.Write(buf, "BEGIN:VCARD")
	for _, k := range keys {
		for _, f := range card[k] {
			contentline.Write(buf, formatProperty(k, f))
		}
	}
	_, hasUID := card[vcard.FieldUID]
	// A phonetic name kept from a card read before the contact had one
	// gives way to the contact's own.
	phoneticFromFields := card[fieldPhoneticGiven] != nil || card[fieldPhoneticFamily] != nil
	v3 := card.Value(vcard.FieldVersion) == "3.0"
	for _, line := range extra {
		// A content line is one line, holds no control character, and is
		// a property that does not end or start a card, nor gives a second
		// UID.
		line = contacts.CleanLine(lineBreakRemover.Replace(line))
		name, value, ok := splitContentLine(line)
		if !ok || !keptProperty(name) || hasUID && propertyName(name) == vcard.FieldUID || phoneticFromFields && phoneticProperties[propertyName(name)] {
			continue
		}
		if v3 && propertyName(name) == vcard.FieldBirthday && !isDate3(name, value) {
			line = birthday3Line(line)
		}
		contentline.Write(buf, line)
	}
	contentline.Write(buf, "END:VCARD")
	return nil
}

// phoneticProperties are the properties of the phonetic name.
var phoneticProperties = map[string]bool{fieldPhoneticGiven: true, fieldPhoneticMiddle: true, fieldPhoneticFamily: true}

// fieldBirthday3 keeps, in a vCard 3.0, a birthday that 3.0 cannot write
// in BDAY: one without a year (4.0's --MMDD) or given as text. RFC 2426
// allows only a full date or date-time, and its readers refuse the rest;
// Read turns it back into BDAY, and Write4 writes BDAY.
const fieldBirthday3 = "X-FOLLOWTHROUGH-BDAY"

// isDate3 reports whether the BDAY property name (with its parameters)
// and value are valid in vCard 3.0: a date or date-time with a year,
// YYYY-MM-DD or YYYYMMDD, not marked VALUE=text.
func isDate3(name, value string) bool {
	if strings.Contains(strings.ToUpper(name), "VALUE=TEXT") {
		return false
	}
	date, _, _ := strings.Cut(strings.TrimSpace(value), "T")
	digits := strings.ReplaceAll(date, "-", "")
	if len(digits) != 8 || (len(date) != 8 && len(date) != 10) || strings.HasPrefix(date, "-") {
		return false
	}
	return !strings.ContainsFunc(digits, func(r rune) bool { return r < '0' || r > '9' })
}

// birthday3Line returns the BDAY content line l as fieldBirthday3, its
// group, parameters and value kept.
func birthday3Line(l string) string {
	i := strings.Index(strings.ToUpper(l), vcard.FieldBirthday)
	return l[:i] + fieldBirthday3 + l[i+len(vcard.FieldBirthday):]
}

// formatProperty returns the unfolded content line for the property k
// with field f.
func formatProperty(k string, f *vcard.Field) string {
	return formatLine(k, f, formatValue(k, f.Value))
}

// formatRawProperty is formatProperty for a field whose value is escaped
// already, as Read reads it: only line breaks, which a decoded
// quoted-printable value may hold, are escaped.
func formatRawProperty(k string, f *vcard.Field) string {
	return formatLine(k, f, escapeNewlines(contacts.CleanText(f.Value)))
}

// formatLine returns the content line of the property k with the group and
// parameters of f and the value v, escaped already.
func formatLine(k string, f *vcard.Field, v string) string {
	var b strings.Builder
	if f.Group != "" {
		b.WriteString(f.Group)
		b.WriteByte('.')
	}
	b.WriteString(k)
	var names [4]string // most properties have one parameter, if any
	params := names[:0]
	for p := range f.Params {
		params = append(params, p)
	}
	if len(params) > 1 {
		sort.Strings(params)
	}
	for _, p := range params {
		values := f.Params[p]
		if len(values) == 0 {
			continue
		}
		b.WriteByte(';')
		b.WriteString(p)
		b.WriteByte('=')
		for i, v := range values {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(formatParamValue(v))
		}
	}
	b.WriteByte(':')
	b.WriteString(v)
	return b.String()
}

var newlineEscaper = strings.NewReplacer("\r\n", `\n`, "\r", `\n`, "\n", `\n`)

var textEscaper = strings.NewReplacer(
	`\`, `\\`, `;`, `\;`, `,`, `\,`,
	"\r\n", `\n`, "\r", `\n`, "\n", `\n`,
)

// formatValue escapes the value v of property k. It escapes URLs as text
// too: RFC 2426 does not escape URIs, but readers such as Android's, Python's
// vobject and go-vcard unescape them, and vobject cuts a URL at a ",".
func formatValue(k, v string) string {
	v = contacts.CleanText(v) // no control characters, which vCard does not allow
	if structuredProperties[k] {
		return escapeNewlines(v)
	}
	if !strings.ContainsAny(v, "\\;,\r\n") {
		return v // most values: the replacer would only copy them
	}
	return textEscaper.Replace(v)
}

// escapeNewlines writes the line breaks in v as "\n".
func escapeNewlines(v string) string {
	if !strings.ContainsAny(v, "\r\n") {
		return v
	}
	return newlineEscaper.Replace(v)
}

// The replacers are made once: making one costs more than using it, and
// an export of 100,000 cards uses them millions of times.
var (
	lineBreakRemover = strings.NewReplacer("\r", "", "\n", "")
)

// formatParamValue returns v quoted if it holds a character that would end
// it. A parameter value cannot hold a double quote or a line break: they
// become a single quote and a space.
func formatParamValue(v string) string {
	v = strings.ReplaceAll(contacts.CleanLine(v), `"`, `'`)
	if strings.ContainsAny(v, ";:,") {
		return `"` + v + `"`
	}
	return v
}

// contactFromCard returns the contact that card, as read by Read
// with values still escaped, describes.
func contactFromCard(card vcard.Card) contacts.Contact {
	var c contacts.Contact
	c.UID = unescapeText(card.PreferredValue(vcard.FieldUID))
	if f := card.Preferred(vcard.FieldName); f != nil {
		n := splitComponents(f.Value, ';')
		c.FamilyName, c.GivenName, c.MiddleName = component(n, 0), component(n, 1), component(n, 2)
		c.Prefix, c.Suffix = component(n, 3), component(n, 4)
	}
	if f := card.Preferred(vcard.FieldOrganization); f != nil {
		c.Company = contacts.JoinNonEmpty(", ", splitComponents(f.Value, ';')...)
	}
	c.PhoneticGivenName = contacts.JoinNonEmpty(" ",
		unescapeText(card.PreferredValue(fieldPhoneticGiven)), unescapeText(card.PreferredValue(fieldPhoneticMiddle)))
	c.PhoneticFamilyName = unescapeText(card.PreferredValue(fieldPhoneticFamily))
	c.Title = unescapeText(card.PreferredValue(vcard.FieldTitle))
	for _, f := range card[vcard.FieldTelephone] {
		// vCard 4.0 may give a phone as a URI: "tel:+1-555-555-0100".
		if num := strings.TrimPrefix(unescapeText(f.Value), "tel:"); num != "" {
			c.Phones = append(c.Phones, contacts.Phone{Number: num, Kind: phoneKind(f.Params)})
		}
	}
	for _, f := range card[vcard.FieldEmail] {
		if e := unescapeText(f.Value); e != "" {
			c.Emails = append(c.Emails, e)
			c.EmailLabels = setLabel(c.EmailLabels, e, labelOf(f.Params))
		}
	}
	for _, f := range card[vcard.FieldURL] {
		if u := unescapeText(f.Value); u != "" {
			c.Websites = append(c.Websites, u)
			c.WebsiteLabels = setLabel(c.WebsiteLabels, u, labelOf(f.Params))
		}
	}
	for _, f := range card[vcard.FieldAddress] {
		n := splitComponents(f.Value, ';')
		a := contacts.Address{
			Label: labelOf(f.Params),
			POBox: component(n, 0), Extended: component(n, 1), Street: component(n, 2),
			City: component(n, 3), Region: component(n, 4), PostalCode: component(n, 5), Country: component(n, 6),
		}
		if !a.IsZero() {
			c.Addresses = append(c.Addresses, a)
		}
	}
	if len(c.Addresses) == 0 {
		// Only the text: it goes in the street, where nothing is lost.
		for _, f := range card[fieldLabel] {
			if text := unescapeText(f.Value); strings.TrimSpace(text) != "" {
				c.Addresses = append(c.Addresses, contacts.Address{Label: labelOf(f.Params), Street: text})
			}
		}
	}

	c.Note = unescapeText(card.PreferredValue(vcard.FieldNote))
	var categories []string
	for _, f := range card[vcard.FieldCategories] {
		for _, cat := range splitComponents(f.Value, ',') {
			if cat != "" {
				categories = append(categories, cat)
			}
		}
	}
	if ev := card.Get(fieldEvent); ev != nil || card.Get(fieldMetOn) != nil ||
		card.Get(fieldIntroducedBy) != nil || card.Get(fieldTalkedAbout) != nil {
		// Written by Card: the context is in its own properties, and the
		// note starts with it in words.
		c.Event = unescapeText(card.PreferredValue(fieldEvent))
		c.MetOn, _ = contacts.ParseDay(unescapeText(card.PreferredValue(fieldMetOn)))
		c.IntroducedBy = unescapeText(card.PreferredValue(fieldIntroducedBy))
		c.TalkedAbout = unescapeText(card.PreferredValue(fieldTalkedAbout))
		if rest, ok := strings.CutPrefix(c.Note, meetingContext(c)); ok {
			c.Note = strings.TrimPrefix(rest, "\n")
		}
	} else {
		// From an older Card: the event is the category the note starts
		// with "Met at". Another app's categories are its groups, which
		// are tags here.
		for _, cat := range categories {
			if rest, ok := strings.CutPrefix(c.Note, metAt(cat)); ok {
				c.Event = cat
				c.Note = strings.TrimPrefix(rest, "\n")
				break
			}
		}
	}
	// The other categories are tags, but for the groups apps put every
	// contact in, which say nothing and are kept as they were.
	var system []string
	for _, cat := range categories {
		cat = strings.TrimSpace(cat)
		switch {
		case systemGroups[strings.ToLower(cat)]:
			system = append(system, escapeComponent(cat))
		case cat != "" && cat != strings.TrimSpace(c.Event) && !slices.Contains(c.Tags, cat):
			c.Tags = append(c.Tags, cat)
		}
	}
	if len(system) > 0 {
		c.Extra = append(c.Extra, "CATEGORIES:"+strings.Join(system, ","))
	}

	c.Extra = append(extraLines(card), c.Extra...)

	fn := unescapeText(card.PreferredValue(vcard.FieldFormattedName))
	switch {
	case fn == "":
		c.FullName = nameFromParts(c)
	case c.GivenName == "" && c.FamilyName == "" && fn == c.DisplayName():
		// What Card writes for a contact without a name: the company,
		// the email or "(no name)".
	default:
		c.FullName = fn
	}
	return c
}

// systemGroups are the categories that apps give every contact, such as
// Google Contacts' "myContacts", lower-cased.
var systemGroups = map[string]bool{"mycontacts": true, "starred in android": true}

// consumedProperties are the properties a contact takes in whole, or,
// with true, only in their preferred instance: Read keeps the others
// in Contact.Extra. PRODID and REV say which app wrote the card and when,
// which stops being true once the contact is written again, so they are
// dropped.
var consumedProperties = map[string]bool{
	vcard.FieldVersion: false, "PRODID": false, vcard.FieldRevision: false,
	vcard.FieldUID:  true,
	vcard.FieldName: false, vcard.FieldFormattedName: false,
	vcard.FieldTelephone: false, vcard.FieldEmail: false, vcard.FieldURL: false,
	vcard.FieldCategories: false,
	fieldEvent:            false, fieldMetOn: false, fieldIntroducedBy: false, fieldTalkedAbout: false,
	fieldPhoneticGiven: false, fieldPhoneticMiddle: false, fieldPhoneticFamily: false,
	vcard.FieldOrganization: true, vcard.FieldTitle: true, vcard.FieldNote: true,
	vcard.FieldAddress: false, fieldLabel: false,
}

// extraLines returns, as content lines sorted by property, the properties
// of card that contactFromCard does not take in.
func extraLines(card vcard.Card) []string {
	keys := make([]string, 0, len(card))
	for k := range card {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var lines []string
	_, hasBirthday := card[vcard.FieldBirthday]
	for _, k := range keys {
		if k == fieldBirthday3 && !hasBirthday {
			for _, f := range card[k] {
				if f.Group == "" || isVCardName(f.Group) {
					lines = append(lines, formatRawProperty(vcard.FieldBirthday, f))
				}
			}
			continue
		}
		onlyPreferred, consumed := consumedProperties[k]
		if consumed && !onlyPreferred {
			continue
		}
		var preferred *vcard.Field
		if consumed {
			preferred = card.Preferred(k)
		}
		for _, f := range card[k] {
			// A property whose name or group is not a vCard name cannot
			// be written back as it was.
			if f != preferred && isVCardName(k) && (f.Group == "" || isVCardName(f.Group)) {
				lines = append(lines, formatRawProperty(k, f))
			}
		}
	}
	return lines
}

// isVCardName reports whether s can be the name of a property, a group or
// a parameter: letters, digits and "-" (RFC 6350, 3.3).
func isVCardName(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-')
	})
}

// keptProperty reports whether name, the name part of a content line kept
// in Contact.Extra with its group and parameters, names a property that
// can be written as it is: a vCard name that neither starts nor ends a
// card nor gives its version, which the writer writes itself.
func keptProperty(name string) bool {
	name, _, _ = strings.Cut(name, ";")
	group, prop, ok := strings.Cut(name, ".")
	if !ok {
		group, prop = "", name
	}
	if group != "" && !isVCardName(group) || !isVCardName(prop) {
		return false
	}
	switch strings.ToUpper(prop) {
	case "BEGIN", "END", vcard.FieldVersion:
		return false
	}
	return true
}

// setLabel returns labels with value's label set, made if need be; a
// value without a label leaves it as it is.
func setLabel(labels map[string]contacts.Label, value string, l contacts.Label) map[string]contacts.Label {
	if l == "" {
		return labels
	}
	if labels == nil {
		labels = make(map[string]contacts.Label)
	}
	if _, ok := labels[value]; !ok {
		labels[value] = l
	}
	return labels
}

// component returns the i'th component, or "".
func component(components []string, i int) string {
	if i < len(components) {
		return components[i]
	}
	return ""
}

// splitComponents splits the escaped value s at each sep that is not
// escaped, and returns the parts unescaped.
func splitComponents(s string, sep byte) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++ // skip the escaped character
		case sep:
			parts = append(parts, unescapeText(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, unescapeText(s[start:]))
}

// unescapeText undoes vCard's escaping of a text value: "\n" or "\N" is a
// line break, and "\\", "\;", "\," and "\:" the character after the
// backslash. Any other backslash is kept.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',', ':':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Write4 is Write for vCard 4.0 (RFC 6350), for the apps that
// prefer it: the address text moves from the LABEL property, which 4.0
// dropped, into ADR's LABEL parameter, and EMAIL loses the 3.0-only
// "internet" type.
func Write4(w io.Writer, cs ...contacts.Contact) error {
	return writeCards(w, card4, cs)
}

// card4 is c's card in vCard 4.0.
func card4(c contacts.Contact) vcard.Card {
	card := Card(c)
	card.SetValue(vcard.FieldVersion, "4.0")
	labels := card[fieldLabel]
	for i, adr := range card[vcard.FieldAddress] {
		if i < len(labels) {
			adr.Params.Set("LABEL", labels[i].Value)
		}
	}
	delete(card, fieldLabel)
	for _, e := range card[vcard.FieldEmail] {
		delete(e.Params, vcard.ParamType)
		if types := labelTypes(c.EmailLabels[e.Value]); types != nil {
			e.Params[vcard.ParamType] = types
		}
	}
	return card
}
