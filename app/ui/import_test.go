package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

func TestImportScreen(t *testing.T) {
	store := apptest.OpenStore(t)
	ctx := context.Background()
	ann := contacts.Contact{FullName: "Ann Lee", Title: "Engineer", Emails: []string{"ann@initech.example"}}
	if err := store.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	fu := contacts.FollowUp{ContactID: ann.ID, Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 12, Day: 1}}
	if err := store.AddFollowUp(ctx, &fu); err != nil {
		t.Fatal(err)
	}
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()

	dir := t.TempDir()
	path := filepath.Join(dir, "phone.vcf")
	card := strings.Replace(apptest.PhoneExport, "FN:Ann Lee\r\n", "FN:Ann Lee\r\nTITLE:CTO\r\n", 1)
	if err := os.WriteFile(path, []byte(card+apptest.OldPhone), 0o600); err != nil {
		t.Fatal(err)
	}
	// A dropped .vcf file is imported, not scanned.
	m.onDropped([]fyne.URI{storage.NewFileURI(path)})
	m.tasks.drain()
	s := m.imports
	if len(s.batch.Cards) != 3 {
		t.Fatalf("%d cards read, want 3", len(s.batch.Cards))
	}
	if m.tabs.Selected() == m.scanTab {
		t.Error("a .vcf file went to Scan")
	}
	for _, want := range []string{"3 contacts found", "1 card may already be", "adds 2, merges 0 and skips 1", "Nothing is saved"} {
		if !strings.Contains(s.summary.Text, want) {
			t.Errorf("summary %q lacks %q", s.summary.Text, want)
		}
	}
	if !s.errors.Visible() || !strings.Contains(s.errors.Text, "phone.vcf, line 24: not a vCard property") {
		t.Errorf("errors shown %v: %q; want the bad line named", s.errors.Visible(), s.errors.Text)
	}
	if n, _ := store.Count(ctx); n != 1 {
		t.Fatalf("%d contacts stored before Import was pressed, want 1", n)
	}

	// Compare shows Ann's card beside the stored Ann; take the new title.
	var dup int
	for i, c := range s.batch.Cards {
		if len(c.Matches) > 0 {
			dup = i
		}
	}
	s.onCompare(dup)
	top := w.Canvas().Overlays().Top()
	cardTitle, ok := find(top, func(c *dialogCheck) bool { return c.Text == "CTO" })
	storedTitle, ok2 := find(top, func(c *dialogCheck) bool { return c.Text == "Engineer" })
	if !ok || !ok2 {
		t.Fatal("the side-by-side view does not offer both titles")
	}
	if !cardTitle.Checked || storedTitle.Checked {
		t.Errorf("a newer card's title should be proposed: card %v, stored %v", cardTitle.Checked, storedTitle.Checked)
	}
	tapCheck(storedTitle) // keep the stored one after all...
	if cardTitle.Checked {
		t.Error("ticking the stored title left the card's ticked")
	}
	tapCheck(cardTitle) // ...no, the new one
	test.Tap(findButton(top, "Merge"))
	if got := s.batch.Cards[dup]; got.Action != app.ImportMerge || !slices.Contains(got.FromOther, contacts.MergeTitle) {
		t.Fatalf("after Merge: action %v, from card %v", got.Action, got.FromOther)
	}
	if !strings.Contains(s.summary.Text, "adds 2, merges 1 and skips 0") || s.confirm.Text != "Import 3 contacts" {
		t.Errorf("summary %q, button %q", s.summary.Text, s.confirm.Text)
	}

	test.Tap(s.confirm)
	m.tasks.drain()
	cs, err := store.Find(ctx, sqlite.Filter{})
	if err != nil || len(cs) != 3 {
		t.Fatalf("stored %d contacts, %v; want Ann, Bob and Carla", len(cs), err)
	}
	got, _ := store.Get(ctx, ann.ID)
	if got.Title != "CTO" || len(got.Phones) != 1 {
		t.Errorf("merged Ann %+v: want the new title and the phone from the card", got)
	}
	if fs, _ := store.FollowUps(ctx, ann.ID); len(fs) != 1 {
		t.Errorf("Ann's follow-up was lost in the merge: %+v", fs)
	}
}

func TestMergeChooser(t *testing.T) {
	test.NewTempApp(t)
	stored := contacts.Contact{FullName: "Jon Smith", Company: "Acme", Title: "Engineer", Addresses: []contacts.Address{{Street: "1 Main St"}}}
	card := contacts.Contact{FullName: "John Smith", Company: "Acme", Title: "CTO", Phones: []contacts.Phone{{Number: "555"}}}
	m := newMergeChooser(newDialogKeys(nil), stored, card, []string{"similar name at Acme"}, []contacts.MergeField{contacts.MergeTitle}, contacts.DateFormat{})
	test.NewTempWindow(t, m.buildUI())
	if len(m.fromCard) != 2 {
		t.Fatalf("choices for %d fields, want the name and the title", len(m.fromCard))
	}
	if got := m.fromOther(); !slices.Equal(got, []contacts.MergeField{contacts.MergeTitle}) {
		t.Errorf("fromOther = %v, want the title", got)
	}
	tapCheck(m.fromCard[contacts.MergeName])
	tapCheck(m.fromStore[contacts.MergeTitle])
	if got := m.fromOther(); !slices.Equal(got, []contacts.MergeField{contacts.MergeName}) {
		t.Errorf("fromOther = %v, want the name", got)
	}
	tapCheck(m.fromCard[contacts.MergeName]) // unticking one side ticks the other
	if m.fromCard[contacts.MergeName].Checked || !m.fromStore[contacts.MergeName].Checked {
		t.Error("unticking the card's name did not tick the stored one")
	}
}

// tapCheck taps c in the middle of its box, which a check that is taller
// than its box needs.
func tapCheck(c *dialogCheck) {
	test.TapAt(c, fyne.NewPos(4, c.Size().Height/2))
}

// TestScanFindsSamePerson scans a card of someone already stored: saving
// asks whether it is the same person, and merging keeps one contact with
// the stored history and the new follow-up.
func TestScanFindsSamePerson(t *testing.T) {
	tests := []struct {
		name      string
		button    string
		wantCount int
		wantTitle string
	}{
		{"merge", "Merge", 1, "Head of Partnerships"},
		{"keep both", "Keep both", 2, "Intern"},
		{"skip", "Skip this card", 1, "Intern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			ctx := context.Background()
			jane := contacts.Contact{FullName: "Jane Doe", Title: "Intern", Emails: []string{"Jane.Doe@acmewidgets.example.com"}}
			if err := store.Add(ctx, &jane); err != nil {
				t.Fatal(err)
			}
			it := contacts.Interaction{ContactID: jane.ID, Kind: contacts.KindCoffee, On: contacts.Day{Year: 2025, Month: 5, Day: 1}}
			if err := store.LogInteraction(ctx, &it); err != nil {
				t.Fatal(err)
			}
			m, w := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
			m.tasks.drain()
			m.scan.read([]string{apptest.WriteImage(t, t.TempDir(), "jane.png")})
			m.tasks.drain()

			test.Tap(m.scan.saveNext)
			m.tasks.drain()
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("saving the card of someone stored did not ask")
			}
			test.Tap(findButton(top, tt.button))
			m.tasks.drain()

			if n, _ := store.Count(ctx); n != tt.wantCount {
				t.Errorf("%d contacts, want %d", n, tt.wantCount)
			}
			got, _ := store.Get(ctx, jane.ID)
			if got.Title != tt.wantTitle {
				t.Errorf("Jane's title %q, want %q", got.Title, tt.wantTitle)
			}
			if its, _ := store.Interactions(ctx, jane.ID); len(its) != 1 {
				t.Errorf("Jane's history %+v, want the coffee", its)
			}
			fs, _ := store.FollowUps(ctx, jane.ID)
			if wantFollow := tt.name == "merge"; (len(fs) == 1) != wantFollow {
				t.Errorf("Jane's follow-ups %+v; want the proposed one: %v", fs, wantFollow)
			}
			if len(m.scan.queue) != 0 {
				t.Errorf("%d cards still waiting, want none", len(m.scan.queue))
			}
		})
	}
}

// TestMergeDialogWords: the merge dialog asked when a card of someone
// saved is scanned again says what matched in the user's words: the
// phone as the contact shows it, not in E.164, and never the file name
// the card image is kept under in the data folder.
func TestMergeDialogWords(t *testing.T) {
	ctx := context.Background()
	store := apptest.OpenStore(t)
	jane := contacts.Contact{FullName: "Jane Doe", Title: "Intern", Image: "images/1413a5d0e2.png",
		Phones: []contacts.Phone{{Number: "(650) 555-0142"}}}
	if err := store.Add(ctx, &jane); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		image string // the card image the scan brings, if any
	}{
		{"scanned card without an image of its own", ""},
		{"two images to choose from", "images/99ffee.png"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, w := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
			m.tasks.drain()
			card := jane
			card.ID, card.Title, card.Image = 0, "Head of Partnerships", tt.image
			askMerge(w, m.dates, jane, card, contacts.SamePerson(card, jane, contacts.DefaultRegion), nil, func(app.ImportAction, []contacts.MergeField) {})
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no merge dialog")
			}
			var said []string
			find(top, func(l *widget.Label) bool { said = append(said, l.Text); return false })
			find(top, func(c *dialogCheck) bool { said = append(said, c.Text); return false })
			text := strings.Join(said, "\n")
			if strings.Contains(text, "images/") || strings.Contains(text, "1413a5d0") {
				t.Errorf("the dialog shows the internal image path:\n%s", text)
			}
			if strings.Contains(text, "+16505550142") || !strings.Contains(text, "same phone (650) 555-0142") {
				t.Errorf("the dialog does not give the phone as the contact shows it:\n%s", text)
			}
			if !strings.Contains(text, savedImage) {
				t.Errorf("the dialog does not say there is a card image saved:\n%s", text)
			}
		})
	}
}

// TestMergeOnRescan: scanning again the card of someone saved asks
// whether it is the same person, in words without file names.
func TestMergeOnRescan(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	m.tasks.drain()
	for range 2 {
		m.scan.read([]string{apptest.WriteImage(t, t.TempDir(), "jane.png")})
		m.tasks.drain()
		test.Tap(m.scan.saveNext)
		m.tasks.drain()
	}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("saving the card of someone stored did not ask")
	}
	var said []string
	find(top, func(l *widget.Label) bool { said = append(said, l.Text); return false })
	text := strings.Join(said, "\n")
	if strings.Contains(text, "images/") || strings.Contains(text, "+16505550142") || !strings.Contains(text, "+1 650 555 0142") {
		t.Errorf("the merge dialog says:\n%s", text)
	}
}
