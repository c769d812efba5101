package sqlite

import (
	"errors"
	"testing"

	"followthrough/contacts"
)

// Saving a card with a follow-up that cannot be stored saves neither: a
// contact never exists without the follow-ups it was saved with.
func TestAddWithFollowUpsIsOneChange(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	today := contacts.DayOf(clk.now())
	good := contacts.FollowUp{Kind: contacts.KindEmail, Due: today.AddDays(3), Line: "send\x00 the deck"}
	bad := contacts.FollowUp{Kind: contacts.KindCall} // no day

	c := contacts.Contact{FullName: "Bo Example"}
	if err := s.Add(ctx, &c, good, bad); err == nil {
		t.Fatal("Add with a follow-up lacking a day worked")
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Fatalf("%d contacts stored after a failed Add, want 0", n)
	}

	c = contacts.Contact{FullName: "Bo Example"}
	if err := s.Add(ctx, &c, good); err != nil {
		t.Fatal(err)
	}
	fs, err := s.FollowUps(ctx, c.ID)
	if err != nil || len(fs) != 1 || fs[0].Due != good.Due || fs[0].Line != "send the deck" {
		t.Fatalf("follow-ups %+v, %v; want the one given, cleaned", fs, err)
	}

	// The same for a merge.
	other := contacts.Contact{FullName: "Bo Example", Title: "CTO"}
	if err := s.Add(ctx, &other); err != nil {
		t.Fatal(err)
	}
	merged := c
	merged.Title = "CTO"
	if err := s.MergeInto(ctx, merged, other.ID, bad); err == nil {
		t.Fatal("MergeInto with a bad follow-up worked")
	}
	if got, err := s.Get(ctx, other.ID); err != nil || got.Title != "CTO" {
		t.Errorf("after a failed merge the other contact is %+v, %v; want it kept", got, err)
	}
	if got, _ := s.Get(ctx, c.ID); got.Title != "" {
		t.Errorf("after a failed merge the contact has title %q, want it unchanged", got.Title)
	}
}

func TestTransact(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	ann := contacts.Contact{FullName: "Ann Example", Emails: []string{"ann@example.org"}}
	if err := s.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	errStop := errors.New("stop")
	tests := []struct {
		name      string
		fail      bool
		wantCount int
		wantTitle string
	}{
		{"failing batch keeps nothing", true, 1, ""},
		{"batch keeps all", false, 3, "CEO"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Transact(ctx, func(b *Tx) error {
				for _, name := range []string{"Cy Example", "Di Example"} {
					c := contacts.Contact{FullName: name}
					if err := b.Add(&c); err != nil {
						return err
					}
					if got, err := b.Get(c.ID); err != nil || got.FullName != name {
						t.Errorf("Get in the batch: %+v, %v", got, err)
					}
				}
				stored, err := b.Get(ann.ID)
				if err != nil {
					return err
				}
				stored.Title = "CEO"
				if err := b.MergeInto(stored, 0); err != nil {
					return err
				}
				if tt.fail {
					return errStop
				}
				return nil
			})
			if tt.fail != errors.Is(err, errStop) {
				t.Fatalf("Transact = %v", err)
			}
			if n, _ := s.Count(ctx); n != tt.wantCount {
				t.Errorf("%d contacts, want %d", n, tt.wantCount)
			}
			if got, _ := s.Get(ctx, ann.ID); got.Title != tt.wantTitle {
				t.Errorf("Ann's title %q, want %q", got.Title, tt.wantTitle)
			}
		})
	}
}

func TestSetSettings(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	if err := s.SetSettings(ctx, map[string]string{"a": "1", "b": "2"}); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"a": "1", "b": "2"} {
		if got, err := s.Setting(ctx, k, ""); err != nil || got != want {
			t.Errorf("setting %s = %q, %v; want %q", k, got, err, want)
		}
	}
}
