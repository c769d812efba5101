package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// quaywellCard names no company: only its email's domain suggests one.
var quaywellCard = []apptest.FakeLine{
	{Text: "Pauline Martin", X0: 0.1, Y0: 0.10, X1: 0.6, Y1: 0.22, Conf: 95},
	{Text: "Operations Manager", X0: 0.1, Y0: 0.25, X1: 0.6, Y1: 0.31, Conf: 91},
	{Text: "pauline@quaywell.example.com", X0: 0.1, Y0: 0.70, X1: 0.8, Y1: 0.76, Conf: 92},
}

// TestScanReviewSuggestedCompany: a company the card does not print is
// not put in the form but offered under Company, from the email's domain;
// "Use Quaywell" puts it in, typing a company hides the offer, and what
// is saved is what the form holds.
func TestScanReviewSuggestedCompany(t *testing.T) {
	tests := []struct {
		name  string
		tap   bool   // tap "Use Quaywell"
		typed string // type a company by hand
		want  string // the company saved
	}{
		{name: "used", tap: true, want: "Quaywell"},
		{name: "left", want: ""},
		{name: "typed instead", typed: "KLT", want: "KLT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			m, _ := newReviewWindow(t, store, &apptest.FakeEngine{Lines: quaywellCard})
			m.tabs.Select(m.scanTab)
			m.scan.read([]string{writeCardImage(t, t.TempDir(), "pauline.png", 1050, 600)})
			m.tasks.drain()
			f := m.scan.form
			if !m.scan.review.Visible() || f.company.Text != "" {
				t.Fatalf("in review %v, company %q, want none", m.scan.review.Visible(), f.company.Text)
			}
			const offer = "Not printed on the card. The email's domain suggests Quaywell."
			if !f.suggestionBox.Visible() || f.suggestion.Text != offer || f.useSuggestion.Text != "Use Quaywell" {
				t.Fatalf("offer shown %v: %q, button %q; want %q, \"Use Quaywell\"",
					f.suggestionBox.Visible(), f.suggestion.Text, f.useSuggestion.Text, offer)
			}
			if h := f.hints[f.company]; h.Visible() {
				t.Errorf("hint under Company %q: the suggestion is not read from the card", h.Text)
			}
			if tt.tap {
				test.Tap(f.useSuggestion)
			}
			if tt.typed != "" {
				test.Type(f.company, tt.typed)
			}
			if f.company.Text != tt.want {
				t.Errorf("company %q, want %q", f.company.Text, tt.want)
			}
			if shown := f.suggestionBox.Visible(); shown != (tt.want == "") {
				t.Errorf("offer shown %v with company %q", shown, f.company.Text)
			}
			test.Tap(m.scan.saveNext)
			m.tasks.drain()
			today := contacts.DayOf(apptest.Today)
			due := app.FirstFollowUp(contacts.Contact{}, today, contacts.DefaultFollowUpDelay).Due
			compareStored(t, store, map[string]whole{"Pauline Martin": {
				Contact: contacts.Contact{
					FullName: "Pauline Martin", GivenName: "Pauline", FamilyName: "Martin",
					Title: "Operations Manager", Company: tt.want,
					Emails: []string{"pauline@quaywell.example.com"},
					MetOn:  today,
				},
				FollowUps: []contacts.FollowUp{{Kind: contacts.DefaultFirstKind, Due: due, State: contacts.StateOpen, Created: time0}},
			}})
		})
	}
}
