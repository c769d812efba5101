package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
)

// waitUI drains the window's work until ok holds, or fails the test.
func waitUI(t *testing.T, m *mainWindow, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		m.tasks.drain()
	}
}

// TestReceiveFromPhone opens "From your phone…", sends rendered cards to
// it over HTTPS on loopback as the phone page does, and checks that each
// reaches the review with the batch's event, that the phone is told it
// was read, then skipped or saved (and read again when the save is
// undone), as the page asks the server, and that Stop kills the address:
// a card saved after it has no phone to tell.
func TestReceiveFromPhone(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	m.tabs.Select(m.scanTab)
	s := m.scan
	// The dialog is made as the button makes it, listening on loopback
	// rather than on the machine's network.
	s.phone = newReceiveDialog(w, store, m.tasks, s.newEngine, s.event, s.keepArrival)
	s.phone.listen = "127.0.0.1:0"
	d := s.phone
	test.Tap(s.fromPhone)
	waitUI(t, m, "the address", func() bool { return strings.HasPrefix(d.url.Text, "https://127.0.0.1:") })
	if d.fingerprint.Text == "" || d.code.Image == nil || d.code.Image.Bounds().Dx() < 100 {
		t.Fatalf("fingerprint %q, QR code %v", d.fingerprint.Text, d.code.Image.Bounds())
	}
	test.Type(d.eventEntry, "Spring Expo")
	phone := apptest.NewPhone(d.url.Text, d.fingerprint.Text)

	tests := []struct {
		name      string
		hide      bool // review while receiving
		wantQueue int
		wantCount string
	}{
		{"first card", false, 1, "1 card received, 1 read for review"},
		{"second card, while reviewing", true, 2, "2 cards received, 2 read for review"},
	}
	var ids []string
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.hide {
				typeKey(w, fyne.KeyEscape) // as Review while receiving does
				if top := w.Canvas().Overlays().Top(); top != nil {
					t.Fatal("Esc left the dialog open")
				}
			}
			id := phone.Upload(t, "IMG_000"+string(rune('1'+i))+".jpg", "k"+string(rune('1'+i)), apptest.CardPhoto(t, i, 1050))
			ids = append(ids, id)
			waitUI(t, m, "the card in the review", func() bool { return len(s.queue) == tt.wantQueue })
			phone.WaitFor(t, id, "read")
			waitUI(t, m, "the count", func() bool { return d.count.Text == tt.wantCount })
			if !s.review.Visible() || s.form.event.Text != "Spring Expo" || s.form.name.Text != "Jane Q. Doe" {
				t.Errorf("review shown %v, event %q, name %q", s.review.Visible(), s.form.event.Text, s.form.name.Text)
			}
		})
	}

	if len(ids) != 2 {
		t.Fatalf("%d cards sent", len(ids))
	}

	// What becomes of each card in the review reaches the phone.
	test.Tap(s.skip)
	m.tasks.drain()
	phone.WaitFor(t, ids[0], "skipped")
	test.Tap(s.saveNext)
	waitUI(t, m, "the save", func() bool { return s.saved == 1 })
	phone.WaitFor(t, ids[1], "saved")
	test.Tap(s.undo)
	waitUI(t, m, "the undo", func() bool { return s.saved == 0 && len(s.queue) == 1 })
	phone.WaitFor(t, ids[1], "read")

	// Back to the dialog: the same receiver; Enter hides it again, and
	// Stop kills its address.
	test.Tap(s.fromPhone)
	if s.phone != d {
		t.Fatal("the button started a second receiver while one runs")
	}
	typeKey(w, fyne.KeyReturn)
	if top := w.Canvas().Overlays().Top(); top != nil || d.stopped() {
		t.Fatalf("after Enter: a dialog open %v, receiving stopped %v; want it hidden, receiving", top != nil, d.stopped())
	}
	test.Tap(s.fromPhone)
	test.Tap(d.stop)
	waitUI(t, m, "the receiver to stop", func() bool { return d.srv == nil && d.stopped() })
	if _, err := phone.TryCards(); err == nil {
		t.Error("the page still answers after Stop")
	}
	// Saving the card received keeps its photo with the contact; with the
	// receiver stopped, there is no phone to tell.
	test.Tap(s.save)
	waitUI(t, m, "the save", func() bool { return s.saved == 1 })
	got, err := store.List(t.Context(), "", 0)
	if err != nil || len(got) != 1 || got[0].Image == "" || got[0].Event != "Spring Expo" {
		t.Fatalf("saved %+v, %v", got, err)
	}
}
