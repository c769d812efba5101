package ui

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
	"followthrough/ocr"
)

// newTestForm is a contact form on a test window of 800x600, the
// smallest the app is used at, filled with c.
func newTestForm(t *testing.T, c contacts.Contact) (*contactForm, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	f := newContactForm(contacts.DateFormat{})
	w := test.NewTempWindow(t, container.NewVScroll(f.buildUI()))
	w.Resize(fyne.NewSize(800, 600))
	f.set(c)
	return f, w
}

// structured is a contact with every part the form edits.
var structured = contacts.Contact{
	ID: 7, FullName: "Dr. Ann-Marie Q. Øster, PhD",
	Prefix: "Dr.", GivenName: "Ann-Marie", MiddleName: "Q.", FamilyName: "Øster", Suffix: "PhD",
	PhoneticGivenName: "Anne-Marie", PhoneticFamilyName: "Oester",
	Phones:        []contacts.Phone{{Number: "+47 22 00 00 00", Kind: contacts.PhoneWork}},
	Emails:        []string{"ann@home.example", "ann@work.example"},
	EmailLabels:   map[string]contacts.Label{"ann@home.example": contacts.LabelHome, "ann@work.example": contacts.LabelWork},
	Websites:      []string{"https://work.example"},
	WebsiteLabels: map[string]contacts.Label{"https://work.example": contacts.LabelWork},
	Addresses: []contacts.Address{
		{Label: contacts.LabelHome, Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"},
		{Label: contacts.LabelWork, POBox: "PO Box 7", Extended: "Floor 3", Street: "Karl Johans gate 2",
			City: "Oslo", Region: "Oslo", PostalCode: "0154", Country: "Norway"},
	},
	MetOn: contacts.Day{Year: 2026, Month: 11, Day: 20},
}

// TestContactFormKeepsStructure: a contact shown and saved unchanged
// comes back whole, name parts, addresses and labels included.
func TestContactFormKeepsStructure(t *testing.T) {
	f, _ := newTestForm(t, structured)
	if got := f.contact(); !reflect.DeepEqual(got, structured) {
		t.Errorf("saved unchanged:\n %#v\nwant\n %#v", got, structured)
	}
}

// TestContactFormEditsStructure drives the form as a person does.
func TestContactFormEditsStructure(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(f *contactForm)
		check func(t *testing.T, c contacts.Contact)
	}{
		{"name parts wait behind More", func(f *contactForm) {
			if f.nameParts.Visible() {
				t.Error("the name's parts show before More is pressed")
			}
			test.Tap(f.moreName)
			if !f.nameParts.Visible() {
				t.Error("More does not show the name's parts")
			}
			f.suffix.SetText("")
			test.Type(f.suffix, "MD")
		}, func(t *testing.T, c contacts.Contact) {
			if c.Suffix != "MD" || c.Prefix != "Dr." || c.MiddleName != "Q." || c.FullName != structured.FullName {
				t.Errorf("name %q: %q %q %q %q %q", c.FullName, c.Prefix, c.GivenName, c.MiddleName, c.FamilyName, c.Suffix)
			}
		}},
		{"parts follow a full name typed anew", func(f *contactForm) {
			f.name.SetText("")
			test.Type(f.name, "Dr. Ann Øster-Berg")
		}, func(t *testing.T, c contacts.Contact) {
			if c.Prefix != "Dr." || c.GivenName != "Ann" || c.MiddleName != "" || c.FamilyName != "Øster-Berg" || c.Suffix != "" {
				t.Errorf("name %q: %q %q %q %q %q", c.FullName, c.Prefix, c.GivenName, c.MiddleName, c.FamilyName, c.Suffix)
			}
		}},
		{"an email's label", func(f *contactForm) {
			f.emails.rows[0].label.SetSelected(string(contacts.LabelOther))
			f.emails.add(noLabel, "")
			test.Type(f.emails.rows[2].value, "ann@new.example")
		}, func(t *testing.T, c contacts.Contact) {
			want := map[string]contacts.Label{"ann@home.example": contacts.LabelOther, "ann@work.example": contacts.LabelWork}
			if !slices.Equal(c.Emails, []string{"ann@home.example", "ann@work.example", "ann@new.example"}) || !maps.Equal(c.EmailLabels, want) {
				t.Errorf("emails %q, labels %v", c.Emails, c.EmailLabels)
			}
		}},
		{"a website's label", func(f *contactForm) {
			f.websites.rows[0].label.SetSelected(noLabel)
		}, func(t *testing.T, c contacts.Contact) {
			if len(c.Websites) != 1 || c.WebsiteLabels != nil {
				t.Errorf("websites %q, labels %v", c.Websites, c.WebsiteLabels)
			}
		}},
		{"an address added, one changed", func(f *contactForm) {
			f.addresses[0].postal.SetText("")
			test.Type(f.addresses[0].postal, "0150")
			r := f.addAddress(contacts.Address{})
			r.label.SetSelected(string(contacts.LabelOther))
			test.Type(r.street, "Unter den Linden 5")
			test.Type(r.city, "Berlin")
			test.Type(r.postal, "10117")
			test.Type(r.country, "Germany")
		}, func(t *testing.T, c contacts.Contact) {
			want := slices.Clone(structured.Addresses)
			want[0].PostalCode = "0150"
			want = append(want, contacts.Address{Label: contacts.LabelOther, Street: "Unter den Linden 5", City: "Berlin", PostalCode: "10117", Country: "Germany"})
			if !slices.Equal(c.Addresses, want) {
				t.Errorf("addresses\n %+v\nwant\n %+v", c.Addresses, want)
			}
		}},
		{"an address removed", func(f *contactForm) {
			f.addresses[1].street.SetText("")
			f.addresses[1].extended.SetText("")
			f.addresses[1].poBox.SetText("")
			f.addresses[1].city.SetText("")
			f.addresses[1].region.SetText("")
			f.addresses[1].postal.SetText("")
			f.addresses[1].country.SetText("")
		}, func(t *testing.T, c contacts.Contact) {
			if !slices.Equal(c.Addresses, structured.Addresses[:1]) {
				t.Errorf("addresses %+v, want the first only", c.Addresses)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newTestForm(t, structured)
			tt.edit(f)
			tt.check(t, f.contact())
		})
	}
}

// TestContactFormMetOn: the day met shows as the locale writes days,
// and is typed back the same way, in the locale's digits, or in ISO; a
// day that is not a date is refused.
func TestContactFormMetOn(t *testing.T) {
	locales := []struct {
		locale, shown, digits string
	}{
		{"en_US.UTF-8", "Fri, Nov 20, 2026", "3/9/2025"},
		{"en_GB.UTF-8", "Fri 20 Nov 2026", "9/3/2025"},
		{"de_DE.UTF-8", "Fri 20 Nov 2026", "9.3.2025"},
		{"C", "2026-11-20", "2025/3/9"},
	}
	for _, l := range locales {
		t.Run(l.locale, func(t *testing.T) {
			test.NewTempApp(t)
			f := newContactForm(contacts.DateFormatFor(l.locale))
			test.NewTempWindow(t, container.NewVScroll(f.buildUI()))
			f.set(structured)
			if got := f.metOn.entry.Text; got != l.shown {
				t.Fatalf("Met on shows %q, want %q", got, l.shown)
			}
			mar9 := contacts.Day{Year: 2025, Month: 3, Day: 9}
			tests := []struct {
				typed   string
				want    contacts.Day
				invalid bool
			}{
				{l.shown, structured.MetOn, false},
				{contacts.DateFormatFor(l.locale).Day(mar9), mar9, false},
				{l.digits, mar9, false},
				{"2024-02-29", contacts.Day{Year: 2024, Month: 2, Day: 29}, false},
				{"", contacts.Day{}, false},
				{"last Tuesday", structured.MetOn, true},
				{"2025-02-30", structured.MetOn, true},
			}
			for _, tt := range tests {
				t.Run(tt.typed, func(t *testing.T) {
					f.metOn.setDay(structured.MetOn)
					f.metOn.entry.SetText("")
					test.Type(f.metOn.entry, tt.typed)
					err := f.validate()
					if (err != nil) != tt.invalid || f.metOn.hint.Visible() != tt.invalid {
						t.Errorf("validate() = %v, hint shown %v; want invalid %v", err, f.metOn.hint.Visible(), tt.invalid)
					}
					if got := f.contact().MetOn; got != tt.want {
						t.Errorf("MetOn = %v, want %v", got, tt.want)
					}
				})
			}
		})
	}
}

// TestContactFormFits: at 800x600 the form shares the window with the
// card or the contact list, so with the name's parts and two addresses
// shown it needs no more than half its width.
func TestContactFormFits(t *testing.T) {
	f, _ := newTestForm(t, structured)
	test.Tap(f.moreName)
	if min := f.form.MinSize(); min.Width > 400 {
		t.Errorf("the form needs %v wide, more than half the window's 800", min.Width)
	}
}

// TestEditedFieldHint: a field read from a card and then changed says
// so under it, naming what the card read, instead of vouching for text
// the card did not give; put back as read, it shows the reading's hint.
func TestEditedFieldHint(t *testing.T) {
	fields := []ocr.Field{
		{Kind: ocr.FieldName, Value: "Marta Quellwood", Conf: 91, Reason: "large text"},
		{Kind: ocr.FieldCompany, Value: "Head of Logistics", Conf: 97, Reason: "words that name an organisation"},
		{Kind: ocr.FieldTitle, Value: "Gardner", Conf: 40, Reason: "next to the name"},
	}
	c := (&ocr.Reading{Fields: fields}).Contact()
	tests := []struct {
		name   string
		entry  func(*contactForm) *fieldEntry
		typed  string // typed over what was read
		read   string // the hint as read
		warned bool   // the hint as read warns
	}{
		{"company", func(f *contactForm) *fieldEntry { return f.company }, "Kestrelby Ltd", "97% · words that name an organisation", false},
		{"title", func(f *contactForm) *fieldEntry { return f.title }, "Gardener", lowHint + " (40% · next to the name)", true},
		{"name", func(f *contactForm) *fieldEntry { return f.name }, "Marta Quellwood-Ash", "91% · large text", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := newTestForm(t, c)
			f.showEvidence(fields)
			e, h := tt.entry(f), f.hints[tt.entry(f)]
			was := e.Text
			if h.Text != tt.read {
				t.Fatalf("hint as read %q, want %q", h.Text, tt.read)
			}
			e.SetText("")
			test.Type(e, tt.typed)
			if want := "Changed by you · the card read “" + was + "”"; h.Text != want || h.Importance != widget.MediumImportance {
				t.Errorf("hint once changed %q (importance %v), want %q", h.Text, h.Importance, want)
			}
			if got := f.contact(); tt.name == "company" && got.Company != tt.typed {
				t.Errorf("form gives company %q, want %q", got.Company, tt.typed)
			}
			e.SetText(was)
			warned := h.Importance == widget.WarningImportance
			if h.Text != tt.read || warned != tt.warned {
				t.Errorf("hint put back %q (warns %v), want %q (warns %v)", h.Text, warned, tt.read, tt.warned)
			}
		})
	}
}
