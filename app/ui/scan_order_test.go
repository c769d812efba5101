package ui

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"followthrough/app/internal/apptest"
	"followthrough/app/review"
	"followthrough/ocr"
)

// TestReviewInStackOrder: the cards of a stack of files, read in
// parallel and so finished out of turn, come to review in the files'
// order, except that the card shown stays; and the counter counts the
// whole stack while it is read, as the progress bar does.
func TestReviewInStackOrder(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.scan
	names := []string{"a.png", "b.png", "c.png", "d.png", "e.png"}
	finished := []int{1, 0, 3, 2, 4} // the order the reads finish in
	step := make(chan struct{})
	s.startReading(len(names), true, func(ctx context.Context, each func(ocr.Result) (*review.Card, error)) error {
		for _, i := range finished {
			<-step
			each(ocr.Result{Index: i, Path: names[i]})
		}
		return nil
	}, func(_ context.Context, r ocr.Result) (*review.Card, error) {
		return &review.Card{ID: r.Path, Batch: "stack", Name: r.Path, Read: true}, nil
	})
	// arrive lets the next read finish and hands it to the window.
	arrive := func() {
		t.Helper()
		want := s.readNow + 1
		step <- struct{}{}
		for s.readNow < want {
			s.tasks.mu.Lock()
			p := s.tasks.pending
			s.tasks.pending = nil
			s.tasks.mu.Unlock()
			for _, fn := range p {
				fn()
			}
			runtime.Gosched()
		}
	}
	queued := func() []string {
		var ns []string
		for _, c := range s.queue {
			ns = append(ns, c.Name)
		}
		return ns
	}

	arrive()
	if want := "Card 1 of 5 · b.png"; s.position.Text != want || s.status.Text != "Read 1 of 5 cards" {
		t.Errorf("the first card read, the second file: counter %q, progress %q; want %q", s.position.Text, s.status.Text, want)
	}
	arrive() // a.png, before the one shown in the files' order
	if got := queued(); !slices.Equal(got, []string{"b.png", "a.png"}) {
		t.Errorf("a card read late took the place of the one shown: %q", got)
	}
	if want := "Card 1 of 5 · b.png"; s.position.Text != want {
		t.Errorf("counter %q, want %q", s.position.Text, want)
	}
	for range 3 {
		arrive()
	}
	m.tasks.drain()
	if got, want := queued(), []string{"b.png", "a.png", "c.png", "d.png", "e.png"}; !slices.Equal(got, want) {
		t.Errorf("cards come to review in the order %q, want %q", got, want)
	}
	for i, name := range []string{"b.png", "a.png", "c.png", "d.png", "e.png"} {
		if want := fmt.Sprintf("Card %d of 5 · %s", i+1, name); s.position.Text != want {
			t.Errorf("counter %q, want %q", s.position.Text, want)
		}
		s.onNextCard()
	}
}
