package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
)

// TestScanFollowUpsCardSaysWhatItIs checks that the review's card of
// follow-ups is titled with what it holds, not with the app's name.
func TestScanFollowUpsCardSaysWhatItIs(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	m.tabs.Select(m.scanTab)
	m.scan.read([]string{apptest.WriteImage(t, t.TempDir(), "jane.png")})
	m.tasks.drain()
	if !m.scan.review.Visible() {
		t.Fatal("no card in review")
	}
	holds := func(c *widget.Card) bool {
		_, ok := find(c.Content, func(ch *widget.Check) bool { return ch == m.scan.followOn })
		return ok
	}
	card, ok := find(fyne.CanvasObject(m.scan.review), holds)
	if !ok {
		t.Fatal("the first follow-up's check is in no card")
	}
	if card.Title != "Follow-ups" || card.Subtitle != "" {
		t.Errorf("the card of follow-ups is titled %q / %q, want %q", card.Title, card.Subtitle, "Follow-ups")
	}
}
