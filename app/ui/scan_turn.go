package ui

import (
	"slices"
	"time"

	"followthrough/contacts"
	"followthrough/ocr"
)

// reviewDraft is what the user typed for a card under review before
// turning to another card, to be put back when they turn to it again.
type reviewDraft struct {
	contact             contacts.Contact
	followOn            bool
	followKind          string
	followDue           *time.Time
	followLine, promise string
}

// reviewing reports whether a card is up for review.
func (s *scanScreen) reviewing() bool { return len(s.queue) > 0 && s.review.Visible() }

// onNextCard shows the next card waiting for review, keeping what was
// typed for this one; after the last, the first comes round again.
func (s *scanScreen) onNextCard() {
	if len(s.queue) < 2 {
		return
	}
	s.keepDraft()
	s.queue = append(s.queue[1:], s.queue[0])
	s.showDraft()
}

// onPreviousCard shows the card before this one.
func (s *scanScreen) onPreviousCard() {
	if len(s.queue) < 2 {
		return
	}
	s.keepDraft()
	last := len(s.queue) - 1
	s.queue = append([]*ocr.Reading{s.queue[last]}, s.queue[:last]...)
	s.showDraft()
}

// keepDraft keeps what was typed for the card shown.
func (s *scanScreen) keepDraft() {
	if s.drafts == nil {
		s.drafts = map[*ocr.Reading]reviewDraft{}
	}
	// Drafts of cards saved or skipped since are let go.
	for r := range s.drafts {
		if !slices.Contains(s.queue, r) {
			delete(s.drafts, r)
		}
	}
	s.drafts[s.queue[0]] = reviewDraft{
		contact:    s.form.contact(),
		followOn:   s.followOn.Checked,
		followKind: s.followKind.Selected,
		followDue:  s.followDue.Date,
		followLine: s.followLine.Text,
		promise:    s.promise.Text,
	}
}

// showDraft shows the first card in the queue, with what was typed for it
// before, if anything.
func (s *scanScreen) showDraft() {
	s.showReview()
	r := s.queue[0]
	d, ok := s.drafts[r]
	if !ok {
		return
	}
	s.form.set(d.contact)
	fields, _ := ocr.ApplyCorrections(r.Fields, s.corrections)
	s.form.showEvidence(fields)
	s.followOn.SetChecked(d.followOn)
	s.followKind.SetSelected(d.followKind)
	s.followDue.SetDate(d.followDue)
	s.followLine.SetText(d.followLine)
	s.promise.SetText(d.promise)
}
