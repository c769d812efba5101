package ocr

import (
	"reflect"
	"strings"
	"testing"

	"followthrough/contacts"
)

func TestLearn(t *testing.T) {
	read := contacts.Contact{
		FullName: "Jane Doe", Company: "ACME", Emails: []string{"jane@acrne.example"},
		Websites: []string{"www.acrne.example"}, Addresses: []contacts.Address{{Street: "12 Main St"}},
	}
	tests := []struct {
		name  string
		saved contacts.Contact
		want  []contacts.Correction
	}{
		{"nothing changed", read, nil},
		{"name and title are the person's own", func() contacts.Contact {
			c := read
			c.FullName, c.Title = "Jane Q. Doe", "CEO"
			return c
		}(), nil},
		{"company, website and the email's domain", func() contacts.Contact {
			c := read
			c.Company, c.Emails, c.Websites = "Acme Widgets Ltd", []string{"jane@acme.example"}, []string{"www.acme.example"}
			return c
		}(), []contacts.Correction{
			{Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "company", Read: "ACME", Value: "Acme Widgets Ltd"},
			{Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "website", Read: "www.acrne.example", Value: "www.acme.example"},
			{Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "domain", Read: "acrne.example", Value: "acme.example"},
		}},
		{"only case and spaces changed", func() contacts.Contact {
			c := read
			c.Addresses = []contacts.Address{{Street: "12  main st"}}
			return c
		}(), nil},
		{"a field emptied is not learnt", func() contacts.Contact {
			c := read
			c.Addresses = nil
			return c
		}(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Learn(read, tt.saved); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Learn = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestApplyCorrections(t *testing.T) {
	cs := []contacts.Correction{
		{ID: 1, Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "company", Read: "ACME", Value: "Acme Widgets Ltd"},
		{ID: 2, Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "domain", Read: "acrne.example", Value: "acme.example"},
		{ID: 3, Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "address", Read: "12 Main St", Value: "12 Main Street, Springfield"},
		// The user took the company the domain suggested.
		{ID: 4, Domain: "zephyrine.example", Company: "Zephyrine", Field: "company", Read: "", Value: "Zephyrine"},
	}
	f := func(kind FieldKind, v string) Field { return Field{Kind: kind, Value: v, Conf: 80} }
	suggested := func(v string) Field {
		return Field{Kind: FieldCompany, Value: v, Conf: LowConfidence - 1, Reason: "the email's domain", Suggested: true}
	}
	tests := []struct {
		name          string
		fields        []Field
		want          map[FieldKind]string
		wantUsed      []int64
		wantSuggested bool // the company is still a suggestion
	}{
		{
			name:     "same domain: company, and the address as misread",
			fields:   []Field{f(FieldName, "Sam Roe"), f(FieldCompany, "ACME"), f(FieldEmail, "sam@acme.example"), f(FieldAddress, "12 Main St")},
			want:     map[FieldKind]string{FieldName: "Sam Roe", FieldCompany: "Acme Widgets Ltd", FieldEmail: "sam@acme.example", FieldAddress: "12 Main Street, Springfield"},
			wantUsed: []int64{1, 3},
		},
		{
			name:     "the misread domain is mended first, then the rest applies",
			fields:   []Field{f(FieldEmail, "sam@acrne.example")},
			want:     map[FieldKind]string{FieldEmail: "sam@acme.example", FieldCompany: "Acme Widgets Ltd", FieldAddress: "12 Main Street, Springfield"},
			wantUsed: []int64{2, 1, 3},
		},
		{
			name:     "the same company by name, with another address read",
			fields:   []Field{f(FieldCompany, "Acme Widgets Ltd."), f(FieldEmail, "sam@gmail.example"), f(FieldAddress, "9 Harbour Road, Leeds")},
			want:     map[FieldKind]string{FieldCompany: "Acme Widgets Ltd.", FieldEmail: "sam@gmail.example", FieldAddress: "9 Harbour Road, Leeds"},
			wantUsed: nil,
		},
		{
			name:     "a suggested company corrected, no longer a guess",
			fields:   []Field{f(FieldEmail, "sam@acme.example"), suggested("Acme")},
			want:     map[FieldKind]string{FieldEmail: "sam@acme.example", FieldCompany: "Acme Widgets Ltd", FieldAddress: "12 Main Street, Springfield"},
			wantUsed: []int64{1, 3},
		},
		{
			name:     "a suggestion taken on an earlier card is put in",
			fields:   []Field{f(FieldEmail, "mary@zephyrine.example"), suggested("Zephyrine")},
			want:     map[FieldKind]string{FieldEmail: "mary@zephyrine.example", FieldCompany: "Zephyrine"},
			wantUsed: []int64{4},
		},
		{
			name:          "a suggestion no correction applies to stays one",
			fields:        []Field{f(FieldEmail, "hank@globex.example"), suggested("Globex")},
			want:          map[FieldKind]string{FieldEmail: "hank@globex.example", FieldCompany: "Globex"},
			wantSuggested: true,
		},
		{
			name:     "another firm",
			fields:   []Field{f(FieldCompany, "Globex"), f(FieldEmail, "hank@globex.example")},
			want:     map[FieldKind]string{FieldCompany: "Globex", FieldEmail: "hank@globex.example"},
			wantUsed: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, used := ApplyCorrections(tt.fields, cs)
			values := map[FieldKind]string{}
			for _, g := range got {
				values[g.Kind] = g.Value
				if g.Value != valueOf(tt.fields, g.Kind) && (g.Conf != 100 || !strings.Contains(g.Reason, "earlier card from acme.example")) {
					t.Errorf("%s changed to %q without saying why: %+v", g.Kind, g.Value, g)
				}
				if g.Kind == FieldCompany && g.Suggested != tt.wantSuggested {
					t.Errorf("company %q suggested = %v, want %v", g.Value, g.Suggested, tt.wantSuggested)
				}
			}
			if !reflect.DeepEqual(values, tt.want) {
				t.Errorf("fields %v, want %v", values, tt.want)
			}
			if !reflect.DeepEqual(used, tt.wantUsed) {
				t.Errorf("used %v, want %v", used, tt.wantUsed)
			}
		})
	}
}

func valueOf(fs []Field, k FieldKind) string {
	for _, f := range fs {
		if f.Kind == k {
			return f.Value
		}
	}
	return ""
}

// TestCorrectionsFreeMail: what one person typed on a card from a free-mail
// or ISP address is theirs alone, and what a card reads clearly stays
// (issue 21, A.8).
func TestCorrectionsFreeMail(t *testing.T) {
	t.Run("not learnt on a free-mail domain", func(t *testing.T) {
		tests := []struct {
			name        string
			read, saved contacts.Contact
			want        []contacts.Correction
		}{
			{
				name:  "a home address on a gmail card",
				read:  contacts.Contact{FullName: "Jane Doe", Emails: []string{"jane.doe@gmail.com"}, Addresses: []contacts.Address{{Street: "12 Main St"}}},
				saved: contacts.Contact{FullName: "Jane Doe", Emails: []string{"jane.doe@gmail.com"}, Addresses: []contacts.Address{{Street: "12 Main Street, Springfield"}}},
			},
			{
				name:  "an ISP's domain, a subdomain of one",
				read:  contacts.Contact{FullName: "Jane Doe", Emails: []string{"jane@mail.comcast.net"}},
				saved: contacts.Contact{FullName: "Jane Doe", Emails: []string{"jane@mail.comcast.net"}, Websites: []string{"janedoe.example"}},
			},
			{
				name:  "a company typed is kept for its company, not for the domain",
				read:  contacts.Contact{FullName: "Jane Doe", Emails: []string{"jane@yahoo.co.jp"}, Company: "Doe Plumbng"},
				saved: contacts.Contact{FullName: "Jane Doe", Emails: []string{"jane@yahoo.co.jp"}, Company: "Doe Plumbing"},
				want:  []contacts.Correction{{Company: "Doe Plumbing", Field: "company", Read: "Doe Plumbng", Value: "Doe Plumbing"}},
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := Learn(tt.read, tt.saved); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Learn = %+v\nwant %+v", got, tt.want)
				}
			})
		}
	})
	t.Run("not applied", func(t *testing.T) {
		// Corrections learnt before this rule, or from a firm's own domain.
		cs := []contacts.Correction{
			{ID: 1, Domain: "gmail.com", Field: "address", Read: "12 Main St", Value: "12 Main Street, Springfield"},
			{ID: 2, Domain: "gmail.com", Field: "company", Read: "", Value: "Doe Plumbing"},
			{ID: 3, Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "company", Read: "ACME", Value: "Acme Widgets Ltd"},
		}
		f := func(kind FieldKind, v string, conf float64) Field { return Field{Kind: kind, Value: v, Conf: conf} }
		tests := []struct {
			name   string
			fields []Field
			want   map[FieldKind]string
		}{
			{
				name:   "a stranger's gmail card",
				fields: []Field{f(FieldName, "Sam Roe", 90), f(FieldEmail, "sam.roe@gmail.com", 90), f(FieldAddress, "12 Main St", 90)},
				want:   map[FieldKind]string{FieldName: "Sam Roe", FieldEmail: "sam.roe@gmail.com", FieldAddress: "12 Main St"},
			},
			{
				name:   "a company the card reads clearly",
				fields: []Field{f(FieldCompany, "Acme Robotics Division", 92), f(FieldEmail, "sam@acme.example", 92)},
				want:   map[FieldKind]string{FieldCompany: "Acme Robotics Division", FieldEmail: "sam@acme.example"},
			},
			{
				name:   "a company read unsure is mended",
				fields: []Field{f(FieldCompany, "AcNe Rob", 40), f(FieldEmail, "sam@acme.example", 92)},
				want:   map[FieldKind]string{FieldCompany: "Acme Widgets Ltd", FieldEmail: "sam@acme.example"},
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, _ := ApplyCorrections(tt.fields, cs)
				values := map[FieldKind]string{}
				for _, g := range got {
					values[g.Kind] = g.Value
				}
				if !reflect.DeepEqual(values, tt.want) {
					t.Errorf("fields %v, want %v", values, tt.want)
				}
			})
		}
	})
}

func TestFreeMailDomain(t *testing.T) {
	tests := []struct {
		domain string
		want   bool
	}{
		{"gmail.com", true},
		{"GMail.com", true},
		{"mail.comcast.net", true},
		{"yahoo.co.jp", true},
		{"t-online.de", true},
		{"acme.example", false},
		{"example.com", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.domain, func(t *testing.T) {
			if got := contacts.FreeMailDomain(tt.domain); got != tt.want {
				t.Errorf("FreeMailDomain(%q) = %v, want %v", tt.domain, got, tt.want)
			}
		})
	}
}
