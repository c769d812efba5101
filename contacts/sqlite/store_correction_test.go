package sqlite

import (
	"testing"
	"time"

	"followthrough/contacts"
)

func TestCorrections(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	cs := []contacts.Correction{
		{Domain: "Acme.Example", Company: "Acme Widgets Ltd", Field: "company", Read: "ACME", Value: "Acme Widgets Ltd"},
		{Domain: "acme.example", Field: "domain", Read: "acrne.example", Value: "acme.example"},
	}
	if err := s.SaveCorrections(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if cs[0].ID == 0 || cs[1].ID == 0 || cs[0].Domain != "acme.example" {
		t.Fatalf("saved %+v: want IDs and a lower-case domain", cs)
	}
	clk.advance(time.Minute)
	// The same reading corrected again replaces the first correction.
	again := []contacts.Correction{{Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "company", Read: "ACME", Value: "Acme Widgets Limited"}}
	if err := s.SaveCorrections(ctx, again); err != nil {
		t.Fatal(err)
	}
	if err := s.CorrectionUsed(ctx, again[0].ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Corrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d corrections, want 2: %+v", len(got), got)
	}
	if got[0].Value != "Acme Widgets Limited" || got[0].Uses != 1 || !got[0].Created.Equal(clk.now().Truncate(time.Millisecond)) {
		t.Errorf("newest correction = %+v, want the replaced value, used once", got[0])
	}
	if err := s.DeleteCorrection(ctx, got[1].ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Corrections(ctx); len(got) != 1 || got[0].Field != "company" {
		t.Errorf("after deleting the domain correction: %+v", got)
	}
	for _, bad := range []contacts.Correction{
		{Field: "company", Value: "X"},                  // for no card
		{Domain: "x.example", Field: "company"},         // no value
		{Domain: "x.example", Value: "X", Read: "read"}, // no field
	} {
		if err := s.SaveCorrections(ctx, []contacts.Correction{bad}); err == nil {
			t.Errorf("SaveCorrections(%+v) succeeded, want an error", bad)
		}
	}
}
