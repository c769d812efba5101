package contacts

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestStoreDuplicates(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	stored := []Contact{
		{FullName: "Ann Lee", Company: "Initech", Emails: []string{"ann@initech.com"}},
		{FullName: "Bob Stone", Company: "Acme Corp", Phones: []Phone{{Number: "650-555-0100"}}},
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
		c := Contact{FullName: fmt.Sprintf("Person %d", i), Company: fmt.Sprintf("Firm %d", i)}
		if err := s.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		c       Contact
		wantIDs []int64
	}{
		{"email", Contact{FullName: "A. Lee", Emails: []string{"ANN@initech.com"}}, []int64{stored[0].ID}},
		{"phone", Contact{FullName: "Robert", Phones: []Phone{{Number: "+1 (650) 555-0100"}}}, []int64{stored[1].ID}},
		{"close name, same company", Contact{FullName: "Carla Dias", Company: "GLOBEX"}, []int64{stored[2].ID}},
		{"email and name rank first", Contact{FullName: "Ann Lee", Company: "Umbrella", Emails: []string{"ann@initech.com"}}, []int64{stored[3].ID, stored[0].ID}},
		{"company without its accents", Contact{FullName: "Elodie Martin", Company: "SOCIETE LUMIERE"}, []int64{stored[4].ID}},
		{"nobody", Contact{FullName: "Dan Wu", Company: "Initech"}, nil},
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
	keep := Contact{FullName: "Jon Smith", Company: "Acme", Emails: []string{"jon@acme.com"}}
	other := Contact{FullName: "John Smith", Company: "Acme", Phones: []Phone{{Number: "650-555-0100"}}, Tags: []string{"hiring"}}
	if err := s.Add(ctx, &other); err != nil { // the older one
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	if err := s.Add(ctx, &keep); err != nil {
		t.Fatal(err)
	}
	introduced := Contact{FullName: "Introduced", IntroducedBy: "John Smith", IntroducedByID: other.ID}
	if err := s.Add(ctx, &introduced); err != nil {
		t.Fatal(err)
	}
	fKeep := FollowUp{ContactID: keep.ID, Kind: KindCall, Due: Day{2026, 3, 1}}
	fOther := FollowUp{ContactID: other.ID, Kind: KindCoffee, Due: Day{2026, 3, 2}}
	for _, f := range []*FollowUp{&fKeep, &fOther} {
		if err := s.AddFollowUp(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range []*Interaction{
		{ContactID: keep.ID, Kind: KindEmail, On: Day{2026, 1, 1}, Note: "wrote"},
		{ContactID: other.ID, Kind: KindCall, On: Day{2026, 1, 2}, Note: "called"},
	} {
		if err := s.LogInteraction(ctx, it); err != nil {
			t.Fatal(err)
		}
	}

	merged := Merge(keep, other, []MergeField{MergeName}, "US")
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
		a := Contact{FullName: "A"}
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
