package main

import (
	"context"
	"testing"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// TestRun checks that the demo data shows every section of the reconnect
// list, as the screenshots need, and is refused over existing contacts.
func TestRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := run(ctx, dir); err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ps, err := store.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := store.Count(ctx); err != nil || n != len(people()) {
		t.Errorf("%d contacts (%v), want %d", n, err, len(people()))
	}
	counts := contacts.Counts(contacts.Reconnect(ps, contacts.DayOf(time.Now()), 30))
	for _, s := range []contacts.Section{contacts.Overdue, contacts.Due, contacts.Fading, contacts.Upcoming} {
		if counts[s] == 0 {
			t.Errorf("nobody is %s", s)
		}
	}
	all, err := store.Find(ctx, sqlite.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	withImage := 0
	for _, c := range all {
		if c.Image != "" {
			withImage++
		}
	}
	if withImage != 5 {
		t.Errorf("%d contacts have a card image, want the 5 samples", withImage)
	}
	if err := run(ctx, dir); err == nil {
		t.Error("a second run over the same folder was not refused")
	}
}
