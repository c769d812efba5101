package app

import (
	"slices"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// TestSplitAddresses: an address read from a card as one line is split
// into its components; one the user gave components stays as given.
func TestSplitAddresses(t *testing.T) {
	tests := []struct {
		name string
		in   []contacts.Address
		want []contacts.Address
	}{
		{"one line", []contacts.Address{{Label: contacts.LabelWork, Street: "Storgata 1, 0155 Oslo, Norway"}},
			[]contacts.Address{{Label: contacts.LabelWork, Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"}}},
		{"components kept", []contacts.Address{{Street: "Storgata 1, bakgården", City: "Oslo"}},
			[]contacts.Address{{Street: "Storgata 1, bakgården", City: "Oslo"}}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitAddresses(contacts.Contact{Addresses: tt.in}, "NO").Addresses
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestSaveCardSplitsTheAddress: a scanned card's address is stored in its
// components.
func TestSaveCardSplitsTheAddress(t *testing.T) {
	store, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	read := contacts.Contact{FullName: "Jane Doe", Addresses: []contacts.Address{{Street: "500 Mission St, Fl 12, San Francisco, CA 94105"}}}
	saved, err := SaveCard(t.Context(), store, Card{Contact: read})
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Get(t.Context(), saved.ID)
	want := []contacts.Address{{Street: "500 Mission St, Fl 12", City: "San Francisco", Region: "CA", PostalCode: "94105"}}
	if err != nil || !slices.Equal(got.Addresses, want) {
		t.Errorf("stored %+v, %v; want %+v", got.Addresses, err, want)
	}
}
