package ui

import (
	"context"
	"log"
	"reflect"
	"time"

	"followthrough/app/review"
)

// reviewing reports whether a card is up for review.
func (s *scanScreen) reviewing() bool { return len(s.queue) > 0 && s.review.Visible() }

// canTurn reports whether there is another card under review to turn to.
func (s *scanScreen) canTurn() bool { return s.reviewing() && len(s.queue) > 1 }

// onNextCard shows the next card waiting for review, keeping what was
// typed for this one; after the last, the first comes round again.
func (s *scanScreen) onNextCard() {
	if !s.canTurn() {
		return
	}
	s.keepDraft()
	s.queue = append(s.queue[1:], s.queue[0])
	s.showReview()
}

// onPreviousCard shows the card before this one.
func (s *scanScreen) onPreviousCard() {
	if !s.canTurn() {
		return
	}
	s.keepDraft()
	last := len(s.queue) - 1
	s.queue = append([]*review.Card{s.queue[last]}, s.queue[:last]...)
	s.showReview()
}

// draft is what the form holds for the card shown.
func (s *scanScreen) draft() review.Draft {
	d := review.Draft{
		Contact:    s.form.contact(),
		FollowOn:   s.followOn.Checked,
		FollowKind: kindFromLabel(s.followKind.Selected),
		FollowLine: s.followLine.Text,
		Promise:    s.promise.Text,
	}
	if day, err := s.followDue.day(); err == nil {
		d.FollowDue = day
	}
	return d
}

// changedDraft is what was typed for the card shown, if it changed since
// it was last kept.
func (s *scanScreen) changedDraft() (*review.Card, *review.Draft) {
	if !s.reviewing() {
		return nil, nil
	}
	c := s.queue[0]
	d := s.draft()
	if c.Draft != nil && reflect.DeepEqual(*c.Draft, d) {
		return nil, nil
	}
	c.Draft = &d
	return c, &d
}

// keepDraft keeps what was typed for the card shown in the queue's
// folder, in the background.
func (s *scanScreen) keepDraft() {
	c, d := s.changedDraft()
	if c == nil {
		return
	}
	id := c.ID
	s.tasks.inOrder(func(ctx context.Context) func() {
		if err := s.waiting.SetDraft(ctx, id, *d); err != nil {
			log.Printf("scan: %v", err)
		}
		return nil
	})
}

// flushDraft keeps what was typed for the card shown before the app
// quits: at once, as no worker may be left to do it.
func (s *scanScreen) flushDraft() {
	c, d := s.changedDraft()
	if c == nil {
		return
	}
	if err := s.waiting.SetDraft(context.Background(), c.ID, *d); err != nil {
		log.Printf("scan: %v", err)
	}
}

// draftEvery is how often what is typed in review is kept, so that a
// crash loses at most that much typing.
const draftEvery = 2 * time.Second

// keepDrafts keeps what is typed in review every draftEvery until ctx
// ends.
func (s *scanScreen) keepDrafts(ctx context.Context, do func(func())) {
	t := time.NewTicker(draftEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			do(s.keepDraft)
		}
	}
}
