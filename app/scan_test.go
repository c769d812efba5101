package app

import (
	"fmt"
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

// TestSaveCardMergedAddsNoSecondFollowUp: a card scanned again and merged
// into its contact does not schedule the same follow-up twice, and keeps
// a new promise; the rest of the contact stays as it was.
func TestSaveCardMergedAddsNoSecondFollowUp(t *testing.T) {
	store, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	due := contacts.Day{Year: 2026, Month: 12, Day: 9}
	first := []contacts.FollowUp{{Kind: contacts.KindEmail, Due: due}}
	saved, err := SaveCard(t.Context(), store, Card{Contact: contacts.Contact{FullName: "Dana Whitfield", Emails: []string{"dana@example.com"}}, FollowUps: first})
	if err != nil {
		t.Fatal(err)
	}
	before, err := store.FollowUps(t.Context(), saved.ID)
	if err != nil || len(before) != 1 {
		t.Fatalf("follow-ups after the first save: %+v, %v", before, err)
	}
	again := []contacts.FollowUp{{Kind: contacts.KindEmail, Due: due.AddDays(8)}, {Kind: contacts.KindPromise, Due: due, Line: "send the deck"}}
	merged, err := SaveCard(t.Context(), store, Card{Contact: contacts.Contact{FullName: "Dana Whitfield", Title: "CTO", Emails: []string{"dana@example.com"}},
		FollowUps: again, MergeInto: &saved})
	if err != nil {
		t.Fatal(err)
	}
	after, err := store.FollowUps(t.Context(), saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range after {
		got = append(got, fmt.Sprintf("%s %s %s %s", f.Kind, f.Due, f.Line, f.State))
	}
	slices.Sort(got)
	want := []string{"email 2026-12-09  open", "promise 2026-12-09 send the deck open"}
	if !slices.Equal(got, want) {
		t.Errorf("follow-ups after the merge:\n%q\nwant\n%q", got, want)
	}
	stored, err := store.Get(t.Context(), saved.ID)
	if err != nil || stored.Title != "CTO" || stored.FullName != "Dana Whitfield" || !slices.Equal(stored.Emails, []string{"dana@example.com"}) || merged.ID != saved.ID {
		t.Errorf("stored after the merge: %+v, %v", stored, err)
	}
}
