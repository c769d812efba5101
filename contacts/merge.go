package contacts

import (
	"slices"
	"strings"
)

// A MergeField is a part of a contact that a merge takes whole from one
// card or the other.
type MergeField string

// The parts of a contact the user chooses between when merging.
const (
	MergeName    MergeField = "Name"          // full, given and family name, and the phonetic name
	MergeTitle   MergeField = "Title"         //
	MergeCompany MergeField = "Company"       //
	MergeAddress MergeField = "Address"       //
	MergeMet     MergeField = "Where you met" // event, day and introducer
	MergeCadence MergeField = "Keep in touch" // the cadence
	MergeImage   MergeField = "Card image"    //
)

// MergeFields are the fields a merge chooses between, in the order to show
// them. Phones, emails, websites, tags, notes, what was talked about and
// the extra properties are not chosen: a merge keeps those of both.
var MergeFields = []MergeField{MergeName, MergeTitle, MergeCompany, MergeAddress, MergeMet, MergeCadence, MergeImage}

// Value returns field f of c as text, as a merge shows it, days written
// in dates.
func (f MergeField) Value(c Contact, dates DateFormat) string {
	switch f {
	case MergeName:
		return personName(c)
	case MergeTitle:
		return c.Title
	case MergeCompany:
		return c.Company
	case MergeAddress:
		return c.AddressText()
	case MergeMet:
		var day string
		if !c.MetOn.IsZero() {
			day = "on " + dates.Day(c.MetOn)
		}
		var by string
		if c.IntroducedBy != "" {
			by = "introduced by " + c.IntroducedBy
		}
		return JoinNonEmpty(", ", JoinNonEmpty(" ", c.Event, day), by)
	case MergeCadence:
		if c.Cadence.IsZero() {
			return ""
		}
		return c.Cadence.String()
	case MergeImage:
		return c.Image
	}
	return ""
}

// take copies field f from src to dst.
func (f MergeField) take(dst *Contact, src Contact) {
	switch f {
	case MergeName:
		dst.FullName, dst.GivenName, dst.FamilyName = src.FullName, src.GivenName, src.FamilyName
		dst.Prefix, dst.MiddleName, dst.Suffix = src.Prefix, src.MiddleName, src.Suffix
		dst.PhoneticGivenName, dst.PhoneticFamilyName = src.PhoneticGivenName, src.PhoneticFamilyName
	case MergeTitle:
		dst.Title = src.Title
	case MergeCompany:
		dst.Company = src.Company
	case MergeAddress:
		dst.Addresses = slices.Clone(src.Addresses)
	case MergeMet:
		dst.Event, dst.EventID, dst.MetOn = src.Event, src.EventID, src.MetOn
		dst.IntroducedBy, dst.IntroducedByID = src.IntroducedBy, src.IntroducedByID
	case MergeCadence:
		dst.Cadence = src.Cadence
	case MergeImage:
		dst.Image = src.Image
	}
}

// Differing returns the fields that a and b both have and that differ, in
// the order of MergeFields: the choices a merge of the two needs.
func Differing(a, b Contact) []MergeField {
	var fs []MergeField
	for _, f := range MergeFields {
		va, vb := f.Value(a, DateFormat{}), f.Value(b, DateFormat{})
		if va != "" && vb != "" && va != vb {
			fs = append(fs, f)
		}
	}
	return fs
}

// newerFields are the fields a newer card most likely brings up to date:
// people change jobs and move.
var newerFields = []MergeField{MergeTitle, MergeCompany, MergeAddress}

// SuggestFromNewer returns the fields to take from newer, a card just
// scanned or imported, when merging it into stored: those where the two
// differ that people change, such as the title after a promotion. The
// name, the first meeting and the cadence stay as stored.
func SuggestFromNewer(stored, newer Contact) []MergeField {
	var fs []MergeField
	for _, f := range Differing(stored, newer) {
		if slices.Contains(newerFields, f) {
			fs = append(fs, f)
		}
	}
	return fs
}

// Merge returns keep with other merged in: the fields in fromOther, and
// those that keep lacks, come from other, and the phones, emails,
// websites, tags and extra properties of both are kept without repeats.
// The notes, and what was talked about, are joined when they differ. The
// ID is keep's; the creation time the earlier of the two. The phonetic
// name goes with the name; but when both cards have the same name and
// only other says how it is read, as a card scanned again with its romaji
// read this time, that is taken too.
func Merge(keep, other Contact, fromOther []MergeField, region string) Contact {
	m := keep
	for _, f := range MergeFields {
		if slices.Contains(fromOther, f) || (f.Value(keep, DateFormat{}) == "" && f.Value(other, DateFormat{}) != "") {
			f.take(&m, other)
		}
	}
	if m.PhoneticName() == "" && other.PhoneticName() != "" && nameKey(personName(m)) == nameKey(personName(other)) {
		m.PhoneticGivenName, m.PhoneticFamilyName = other.PhoneticGivenName, other.PhoneticFamilyName
	}
	m.Phones = slices.Clone(keep.Phones)
	for _, p := range other.Phones {
		if !slices.ContainsFunc(m.Phones, func(q Phone) bool { return samePhone(p.Number, q.Number, region) }) {
			m.Phones = append(m.Phones, p)
		}
	}
	m.Emails = unionFold(keep.Emails, other.Emails, strings.ToLower)
	m.Websites = unionFold(keep.Websites, other.Websites, func(u string) string {
		return strings.TrimSuffix(strings.ToLower(u), "/")
	})
	m.EmailLabels = unionLabels(keep.EmailLabels, other.EmailLabels, m.Emails)
	m.WebsiteLabels = unionLabels(keep.WebsiteLabels, other.WebsiteLabels, m.Websites)
	m.Tags = unionFold(keep.Tags, other.Tags, strings.ToLower)
	m.Extra = unionFold(keep.Extra, other.Extra, func(s string) string { return s })
	m.Note = joinDifferent(keep.Note, other.Note)
	m.TalkedAbout = joinDifferent(keep.TalkedAbout, other.TalkedAbout)
	if !other.Created.IsZero() && (keep.Created.IsZero() || other.Created.Before(keep.Created)) {
		m.Created = other.Created
	}
	return m
}

// samePhone reports whether a and b are the same number: the same in
// E.164, or the same digits when either is not a valid number.
func samePhone(a, b, region string) bool {
	ea, oka := NormalizePhone(a, region)
	eb, okb := NormalizePhone(b, region)
	if oka && okb {
		return ea == eb
	}
	return Digits(a) == Digits(b)
}

// unionFold returns a followed by the items of b that are not in a, nor
// repeated, once key is applied; empty items are dropped.
func unionFold(a, b []string, key func(string) string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, s := range slices.Concat(a, b) {
		k := key(strings.TrimSpace(s))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// unionLabels returns the labels of a, and those of b that a lacks, of
// the values that are in kept; nil for none.
func unionLabels(a, b map[string]Label, kept []string) map[string]Label {
	var out map[string]Label
	for _, v := range kept {
		l := a[v]
		if l == "" {
			l = b[v]
		}
		if l != "" {
			if out == nil {
				out = make(map[string]Label)
			}
			out[v] = l
		}
	}
	return out
}

// joinDifferent joins a and b on separate lines, or returns the one that
// holds the other.
func joinDifferent(a, b string) string {
	switch {
	case strings.Contains(a, b):
		return a
	case strings.Contains(b, a):
		return b
	}
	return a + "\n" + b
}
