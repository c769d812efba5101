package sqlite

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"followthrough/contacts"
)

func TestStoreDuplicates(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	stored := []contacts.Contact{
		{FullName: "Ann Lee", Company: "Initech", Emails: []string{"ann@initech.com"}},
		{FullName: "Bob Stone", Company: "Acme Corp", Phones: []contacts.Phone{{Number: "650-555-0100"}}},
		{FullName: "Carla Diaz", Company: "Globex, Inc."},
		{FullName: "Ann Lee", Company: "Umbrella"}, // another Ann Lee
		{FullName: "Élodie Martin", Company: "Société Lumière SA"},
	}
	for i := range stored {
		clk.advance(time.Minute)
		if err := s.Add(ctx, &stored[i]); err != nil {
			t.Fatal(err)
		}
	}
	// Many unrelated contacts, to show the candidates are found, not listed.
	for i := range 50 {
		c := contacts.Contact{FullName: fmt.Sprintf("Person %d", i), Company: fmt.Sprintf("Firm %d", i)}
		if err := s.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		c       contacts.Contact
		wantIDs []int64
	}{
		{"email", contacts.Contact{FullName: "A. Lee", Emails: []string{"ANN@initech.com"}}, []int64{stored[0].ID}},
		{"phone", contacts.Contact{FullName: "Robert", Phones: []contacts.Phone{{Number: "+1 (650) 555-0100"}}}, []int64{stored[1].ID}},
		{"close name, same company", contacts.Contact{FullName: "Carla Dias", Company: "GLOBEX"}, []int64{stored[2].ID}},
		{"email and name rank first", contacts.Contact{FullName: "Ann Lee", Company: "Umbrella", Emails: []string{"ann@initech.com"}}, []int64{stored[3].ID, stored[0].ID}},
		{"company without its accents", contacts.Contact{FullName: "Elodie Martin", Company: "SOCIETE LUMIERE"}, []int64{stored[4].ID}},
		{"nobody", contacts.Contact{FullName: "Dan Wu", Company: "Initech"}, nil},
		{"itself is no duplicate", stored[0], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := s.Duplicates(ctx, tt.c)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, m := range ms {
				ids = append(ids, m.Contact.ID)
				if len(m.Reasons) == 0 {
					t.Errorf("match %d has no reasons", m.Contact.ID)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.wantIDs) {
				t.Errorf("duplicates %v, want %v (%+v)", ids, tt.wantIDs, ms)
			}
		})
	}
}

func TestStoreMergeInto(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	keep := contacts.Contact{FullName: "Jon Smith", Company: "Acme", Emails: []string{"jon@acme.com"}}
	other := contacts.Contact{FullName: "John Smith", Company: "Acme", Phones: []contacts.Phone{{Number: "650-555-0100"}}, Tags: []string{"hiring"}}
	if err := s.Add(ctx, &other); err != nil { // the older one
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	if err := s.Add(ctx, &keep); err != nil {
		t.Fatal(err)
	}
	introduced := contacts.Contact{FullName: "Introduced", IntroducedBy: "John Smith", IntroducedByID: other.ID}
	if err := s.Add(ctx, &introduced); err != nil {
		t.Fatal(err)
	}
	fKeep := contacts.FollowUp{ContactID: keep.ID, Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 3, Day: 1}}
	fOther := contacts.FollowUp{ContactID: other.ID, Kind: contacts.KindCoffee, Due: contacts.Day{Year: 2026, Month: 3, Day: 2}}
	for _, f := range []*contacts.FollowUp{&fKeep, &fOther} {
		if err := s.AddFollowUp(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range []*contacts.Interaction{
		{ContactID: keep.ID, Kind: contacts.KindEmail, On: contacts.Day{Year: 2026, Month: 1, Day: 1}, Note: "wrote"},
		{ContactID: other.ID, Kind: contacts.KindCall, On: contacts.Day{Year: 2026, Month: 1, Day: 2}, Note: "called"},
	} {
		if err := s.LogInteraction(ctx, it); err != nil {
			t.Fatal(err)
		}
	}

	merged := contacts.Merge(keep, other, []contacts.MergeField{contacts.MergeName}, "US")
	if err := s.MergeInto(ctx, merged, other.ID); err != nil {
		t.Fatal(err)
	}

	got, err := s.Get(ctx, keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FullName != "John Smith" || len(got.Phones) != 1 || len(got.Emails) != 1 || len(got.Tags) != 1 {
		t.Errorf("merged contact %+v, want John Smith with both cards' phone, email and tag", got)
	}
	if !got.Created.Equal(other.Created) {
		t.Errorf("created %v, want the older card's %v", got.Created, other.Created)
	}
	if _, err := s.Get(ctx, other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the merged-in contact is still there: %v", err)
	}
	fs, err := s.FollowUps(ctx, keep.ID)
	if err != nil || len(fs) != 2 {
		t.Errorf("follow-ups %+v, %v; want both cards'", fs, err)
	}
	its, err := s.Interactions(ctx, keep.ID)
	if err != nil || len(its) != 2 {
		t.Errorf("history %+v, %v; want both cards'", its, err)
	}
	in, err := s.Get(ctx, introduced.ID)
	if err != nil || in.IntroducedByID != keep.ID {
		t.Errorf("introducer %d, %v; want the merged contact %d", in.IntroducedByID, err, keep.ID)
	}

	t.Run("errors leave both", func(t *testing.T) {
		a := contacts.Contact{FullName: "A"}
		if err := s.Add(ctx, &a); err != nil {
			t.Fatal(err)
		}
		if err := s.MergeInto(ctx, a, a.ID); err == nil {
			t.Error("merging a contact into itself succeeded")
		}
		if err := s.MergeInto(ctx, a, 9999); !errors.Is(err, ErrNotFound) {
			t.Errorf("merging a missing contact: %v, want ErrNotFound", err)
		}
		if _, err := s.Get(ctx, a.ID); err != nil {
			t.Errorf("after failed merges: %v", err)
		}
	})
}
