package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/ocr"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

func TestOCRSettings(t *testing.T) {
	test.NewTempApp(t)
	store := apptest.OpenStore(t)
	ctx := context.Background()
	err := store.SaveCorrections(ctx, []contacts.Correction{
		{Domain: "acme.example", Company: "Acme Widgets Ltd", Field: "company", Read: "ACME", Value: "Acme Widgets Ltd"},
		{Domain: "acme.example", Field: "domain", Read: "acrne.example", Value: "acme.example"},
	})
	if err != nil {
		t.Fatal(err)
	}
	tk := &tasks{held: true} // UI updates on this goroutine, at drain
	changed := 0
	w := test.NewTempWindow(t, nil)
	s := newOCRSettings(w, store, tk, func() { changed++ })
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(680, 560))
	tk.drain()

	t.Run("languages", func(t *testing.T) {
		if !s.langs["eng"].Checked {
			t.Errorf("English is not ticked by default")
		}
		if tesseract.Installed("jpn") && !s.langs["jpn"].Checked {
			t.Errorf("Japanese is installed and read by default, but not ticked")
		}
		for _, l := range ocr.Languages {
			c := s.langs[l.Code]
			if !tesseract.Installed(l.Code) && (!c.Disabled() || !strings.Contains(c.Text, "not installed")) {
				t.Errorf("%s is not installed but can be ticked: %q", l.Name, c.Text)
			}
		}
		// Untick everything: English stays, as cards must be read in
		// something.
		for _, c := range s.langs {
			if c.Checked && !c.Disabled() {
				test.Tap(c)
				tk.drain()
			}
		}
		if !s.langs["eng"].Checked {
			t.Errorf("with every language unticked, English should stay ticked")
		}
		tesstest.Languages(t, tesseract.Installed, "por")
		test.Tap(s.langs["por"])
		tk.drain()
		if got := app.ReadingLanguages(ctx, store); strings.Join(got, ",") != "eng,por" {
			t.Errorf("languages saved: %v, want eng,por", got)
		}
		if !strings.Contains(s.status.Text, "English, Portuguese") {
			t.Errorf("status %q does not say which languages", s.status.Text)
		}
	})

	t.Run("corrections", func(t *testing.T) {
		if n := s.list.Length(); n != 2 || !s.list.Visible() || s.empty.Visible() {
			t.Fatalf("list shows %d corrections (visible %v), want 2", n, s.list.Visible())
		}
		row := s.list.CreateItem()
		s.list.UpdateItem(1, row)
		title := row.(*correctionRow).title.Text
		if title != "Company: “ACME” → “Acme Widgets Ltd”" {
			t.Errorf("row title %q", title)
		}
		test.Tap(row.(*correctionRow).remove)
		tk.drain()
		cs, _ := store.Corrections(ctx)
		if len(cs) != 1 || cs[0].Field != "domain" || s.list.Length() != 1 || changed != 1 {
			t.Errorf("after removing the company correction: stored %+v, listed %d, told %d times", cs, s.list.Length(), changed)
		}
		row = s.list.CreateItem()
		s.list.UpdateItem(0, row)
		test.Tap(row.(*correctionRow).remove)
		tk.drain()
		if s.list.Visible() || !s.empty.Visible() {
			t.Errorf("with no corrections left, the list should give way to the explanation")
		}
	})
}
