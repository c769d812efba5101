package ui

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/ocr"
)

// TestPhoneticNameSaved: the phonetic name typed under a contact's name
// is saved as its given and family names, the capitals telling which is
// which, and the rest of the contact, with its follow-ups and history,
// stays as it was. Typed again to read the same, it changes nothing;
// emptied, it is gone.
func TestPhoneticNameSaved(t *testing.T) {
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	// Uma has no phone, whose label the form would give it.
	uma := people["Uma Upcoming"]
	before := readWhole(t, store, uma.ID)
	before.Reconnect = nil
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s, f := m.contacts, m.contacts.form
	open := func() {
		t.Helper()
		c, err := store.Get(t.Context(), uma.ID)
		if err != nil {
			t.Fatal(err)
		}
		m.onOpenContact(c)
		m.tasks.drain()
	}
	stored := func(given, family string) {
		t.Helper()
		want := before
		want.Contact.PhoneticGivenName, want.Contact.PhoneticFamilyName = given, family
		got := readWhole(t, store, uma.ID)
		got.Reconnect = nil
		got.Contact.Updated, want.Contact.Updated = time.Time{}, time.Time{}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("stored:\n%+v\nwant\n%+v", got, want)
		}
	}

	open()
	if f.phonetic.Text != "" || !s.save.Disabled() {
		t.Fatalf("opened: phonetic name %q, Save changes offered %v", f.phonetic.Text, !s.save.Disabled())
	}
	test.Type(f.phonetic, "UPCOMING Uma")
	if s.save.Disabled() {
		t.Fatal("phonetic name typed: Save changes not offered")
	}
	test.Tap(s.save)
	m.tasks.drain()
	stored("Uma", "UPCOMING")
	// Saved, it shows as its parts read, given name first.
	if f.phonetic.Text != "Uma UPCOMING" || !s.save.Disabled() {
		t.Errorf("after saving: phonetic name shown %q, Save changes offered %v", f.phonetic.Text, !s.save.Disabled())
	}

	open()
	if f.phonetic.Text != "Uma UPCOMING" || !s.save.Disabled() {
		t.Errorf("opened again: phonetic name %q, Save changes offered %v", f.phonetic.Text, !s.save.Disabled())
	}
	// The same name written the other way round is no change.
	f.phonetic.SetText("")
	test.Type(f.phonetic, "UPCOMING Uma")
	if !s.save.Disabled() {
		t.Error("the same phonetic name typed the other way round: Save changes offered")
	}

	open()
	f.phonetic.SetText("")
	if s.save.Disabled() {
		t.Fatal("phonetic name emptied: Save changes not offered")
	}
	test.Tap(s.save)
	m.tasks.drain()
	stored("", "")
}

// TestScanReviewPhoneticName: a phonetic name typed while a card is under
// review is saved with the card.
func TestScanReviewPhoneticName(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newReviewWindow(t, store, newTwoCardEngine())
	m.tabs.Select(m.scanTab)
	m.scan.read([]string{writeCardImage(t, t.TempDir(), "jane.png", 1050, 600)})
	m.tasks.drain()
	if !m.scan.review.Visible() || m.scan.form.phonetic.Text != "" {
		t.Fatalf("in review %v, phonetic name %q", m.scan.review.Visible(), m.scan.form.phonetic.Text)
	}
	test.Type(m.scan.form.phonetic, "Jane DOE")
	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	want := janeSaved("", "", "", "")
	want.Contact.PhoneticGivenName, want.Contact.PhoneticFamilyName = "Jane", "DOE"
	compareStored(t, store, map[string]whole{"Jane Q. Doe": want})
}

// TestPhoneticNameShowsItsReading: a phonetic name read from a card shows
// in its field, split as it is saved, with how sure the reading is under
// it.
func TestPhoneticNameShowsItsReading(t *testing.T) {
	fields := []ocr.Field{
		{Kind: ocr.FieldName, Value: "山本 健太", Conf: 90},
		{Kind: ocr.FieldPhonetic, Value: "YAMAMOTO Kenta", Conf: 60, Reason: "romaji beside the name"},
	}
	c := (&ocr.Reading{Fields: fields}).Contact()
	f, _ := newTestForm(t, c)
	f.showEvidence(fields)
	if f.phonetic.Text != "Kenta YAMAMOTO" {
		t.Errorf("phonetic name shown %q", f.phonetic.Text)
	}
	if h := f.hints[f.phonetic]; !h.Visible() || h.Text != lowHint+" (60% · romaji beside the name)" {
		t.Errorf("hint under the phonetic name %q, shown %v", h.Text, h.Visible())
	}
	if got := f.contact(); got.PhoneticGivenName != "Kenta" || got.PhoneticFamilyName != "YAMAMOTO" || got.FamilyName != "山本" {
		t.Errorf("form gives %+v", got)
	}
}
