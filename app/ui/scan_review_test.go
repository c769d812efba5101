package ui

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// twoCardEngine reads a wide card (1050×600) as Jane's and a squarer one
// (1000×700) as Sam's, so that a batch holds two people. The reader
// scales cards, so it goes by their shape.
type twoCardEngine struct{ jane, sam apptest.FakeEngine }

func newTwoCardEngine() *twoCardEngine {
	return &twoCardEngine{
		jane: apptest.FakeEngine{Lines: apptest.JaneCard},
		sam: apptest.FakeEngine{Lines: []apptest.FakeLine{
			{Text: "Sam Okafor", X0: 0.1, Y0: 0.10, X1: 0.6, Y1: 0.22, Conf: 95},
			{Text: "Okafor Design Studio", X0: 0.1, Y0: 0.40, X1: 0.7, Y1: 0.48, Conf: 90},
			{Text: "sam@okafor-design.example.com", X0: 0.1, Y0: 0.70, X1: 0.8, Y1: 0.76, Conf: 92},
		}},
	}
}

func (e *twoCardEngine) Orientation(context.Context, image.Image) (ocr.Orientation, bool) {
	return ocr.Orientation{}, false
}

func (e *twoCardEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	if b := img.Bounds(); float64(b.Dx())/float64(b.Dy()) > 1.6 {
		return e.jane.Recognize(ctx, img, p)
	}
	return e.sam.Recognize(ctx, img, p)
}

func (e *twoCardEngine) Close() error { return nil }

// writeCardImage writes a plain w×h card as a PNG, with a dark border
// for the reader to find its edges.
func writeCardImage(t testing.TB, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for x := range w {
		img.Set(x, 0, color.Black)
		img.Set(x, h-1, color.Black)
	}
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return p
}

// newReviewWindow opens a window on store reading with eng, as at a start
// of the app: the settings and the cards waiting are loaded.
func newReviewWindow(t *testing.T, store *sqlite.Store, eng ocr.Engine) (*mainWindow, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	m := newMainWindow(t.Context(), a, w, store, func([]string) (ocr.Engine, error) { return eng, nil }, testClock, contacts.DateFormat{})
	m.tasks.held = true
	w.SetContent(m.buildUI())
	w.Resize(fyne.NewSize(1200, 800))
	m.tasks.drain()
	return m, w
}

// whole is a contact as read back from the store, with its follow-ups and
// history; the numbers and UIDs the store gives are left out.
type whole struct {
	Contact      contacts.Contact
	FollowUps    []contacts.FollowUp
	Interactions []contacts.Interaction
}

// storedContacts reads back every contact of store, whole, by name.
func storedContacts(t *testing.T, store *sqlite.Store) map[string]whole {
	t.Helper()
	ctx := context.Background()
	list, err := store.List(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]whole{}
	for _, l := range list {
		c, err := store.Get(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := store.FollowUps(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		its, err := store.Interactions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Image == "" {
			t.Errorf("%s: no card image kept", c.FullName)
		} else if _, err := os.Stat(store.ImagePath(c.Image)); err != nil {
			t.Errorf("%s: card image: %v", c.FullName, err)
		}
		c.ID, c.UID, c.EventID, c.Image, c.Created, c.Updated = 0, "", 0, "", time.Time{}, time.Time{}
		for i := range fs {
			fs[i].ID, fs[i].UID, fs[i].ContactID, fs[i].Created = 0, "", 0, time0
		}
		slices.SortFunc(fs, func(a, b contacts.FollowUp) int { return strings.Compare(string(a.Kind)+a.Line, string(b.Kind)+b.Line) })
		for i := range its {
			its[i].ID, its[i].ContactID = 0, 0
		}
		out[c.FullName] = whole{Contact: c, FollowUps: fs, Interactions: its}
	}
	return out
}

// time0 stands for the time a follow-up was made, which the store takes
// from the system clock.
var time0 = apptest.Today.AddDate(-100, 0, 0)

// janeSaved is Jane's card as saved from review at event, with what the
// tests type into it.
func janeSaved(event string, followLine, promise, note string) whole {
	today := contacts.DayOf(apptest.Today)
	due := app.FirstFollowUp(contacts.Contact{}, today, contacts.DefaultFollowUpDelay).Due
	w := whole{
		Contact: contacts.Contact{
			FullName: "Jane Q. Doe", GivenName: "Jane Q.", FamilyName: "Doe",
			Title: "Head of Partnerships", Company: "Acme Widgets Ltd",
			Phones:    []contacts.Phone{{Number: "+1 650 555 0142", Kind: contacts.PhoneWork}},
			Emails:    []string{"jane.doe@acmewidgets.example.com"},
			Addresses: []contacts.Address{{Street: "100 Main Street", City: "Springfield", Region: "IL", PostalCode: "62701"}},
			Note:      note,
			Event:     event, MetOn: today,
		},
		FollowUps: []contacts.FollowUp{{Kind: contacts.DefaultFirstKind, Due: due, Line: followLine, State: contacts.StateOpen, Created: time0}},
	}
	if promise != "" {
		w.FollowUps = append(w.FollowUps, contacts.FollowUp{Kind: contacts.KindPromise, Due: due, Line: promise, State: contacts.StateOpen, Created: time0})
	}
	return w
}

func samSaved(event string) whole {
	today := contacts.DayOf(apptest.Today)
	due := app.FirstFollowUp(contacts.Contact{}, today, contacts.DefaultFollowUpDelay).Due
	return whole{
		Contact: contacts.Contact{
			FullName: "Sam Okafor", GivenName: "Sam", FamilyName: "Okafor",
			Company: "Okafor Design Studio",
			Emails:  []string{"sam@okafor-design.example.com"},
			Event:   event, MetOn: today,
		},
		FollowUps: []contacts.FollowUp{{Kind: contacts.DefaultFirstKind, Due: due, State: contacts.StateOpen, Created: time0}},
	}
}

func compareStored(t *testing.T, store *sqlite.Store, want map[string]whole) {
	t.Helper()
	got := storedContacts(t, store)
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s was not saved; the store holds %v", name, apptest.StoredNames(t, store))
			continue
		}
		// Fill in what the store decides on its own, and compare the rest.
		w.Contact.Cadence = g.Contact.Cadence
		w.Contact.Phones = fillPhoneKinds(w.Contact.Phones, g.Contact.Phones)
		slices.SortFunc(w.FollowUps, func(a, b contacts.FollowUp) int { return strings.Compare(string(a.Kind)+a.Line, string(b.Kind)+b.Line) })
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s read back:\n got %+v\nwant %+v", name, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("the store holds %d contacts, want %d", len(got), len(want))
	}
}

func fillPhoneKinds(want, got []contacts.Phone) []contacts.Phone {
	if len(want) != len(got) {
		return want
	}
	out := append([]contacts.Phone(nil), want...)
	for i := range out {
		if out[i].Number == got[i].Number {
			out[i].Kind = got[i].Kind
		}
	}
	return out
}

// TestScanReviewSurvivesQuit: cards waiting for review, with what was
// typed, are there at the next start, which offers to go on (issue 21, A.2).
func TestScanReviewSurvivesQuit(t *testing.T) {
	store := apptest.OpenStore(t)
	eng := newTwoCardEngine()
	m, w := newReviewWindow(t, store, eng)
	dir := t.TempDir()
	writeCardImage(t, dir, "a-jane.png", 1050, 600)
	writeCardImage(t, dir, "b-sam.png", 1000, 700)
	m.tabs.Select(m.scanTab)
	test.Type(m.scan.event, "Founders Breakfast")
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != 2 {
		t.Fatalf("%d cards waiting, want 2", len(m.scan.queue))
	}
	f := m.scan.form
	first := f.name.Text // the card read first is shown first
	w.Canvas().Focus(f.note)
	test.Type(f.note, "Met in the coffee line")
	test.Type(m.scan.followLine, "send the article on hiring")
	test.Type(m.scan.promise, "an intro to Ada")
	m.onQuit()
	m.tasks.drain()
	// The images read are gone from where they were: the queue has copies.
	os.RemoveAll(dir)

	m2, _ := newReviewWindow(t, store, eng)
	if m2.tabs.Selected() != m2.scanTab {
		t.Errorf("the window opens on %q, not on Scan with the cards waiting", m2.tabs.Selected().Text)
	}
	if !m2.scan.resume.Visible() || m2.scan.resumeText.Text != "2 cards from Founders Breakfast are waiting." {
		t.Fatalf("offer shown %v, saying %q", m2.scan.resume.Visible(), m2.scan.resumeText.Text)
	}
	test.Tap(m2.scan.resumeContinue)
	m2.tasks.drain()
	if m2.scan.resume.Visible() || len(m2.scan.queue) != 2 {
		t.Fatalf("after Continue, the offer shown %v, %d cards waiting", m2.scan.resume.Visible(), len(m2.scan.queue))
	}
	if got := m2.scan.form.name.Text; got != first {
		t.Errorf("the first card shown after Continue is %q, want %q, the one shown before", got, first)
	}
	if got := m2.scan.form.note.Text; got != "Met in the coffee line" {
		t.Errorf("the note typed before quitting reads %q", got)
	}
	test.Tap(m2.scan.saveNext)
	m2.tasks.drain()
	test.Tap(m2.scan.saveNext)
	m2.tasks.drain()
	want := map[string]whole{
		"Jane Q. Doe": janeSaved("Founders Breakfast", "", "", ""),
		"Sam Okafor":  samSaved("Founders Breakfast"),
	}
	typed := want[first]
	typed.Contact.Note = "Met in the coffee line"
	typed.FollowUps[0].Line = "send the article on hiring"
	typed.FollowUps = append(typed.FollowUps, contacts.FollowUp{Kind: contacts.KindPromise, Due: typed.FollowUps[0].Due,
		Line: "an intro to Ada", State: contacts.StateOpen, Created: time0})
	want[first] = typed
	compareStored(t, store, want)

	// Nothing is left waiting for the next start.
	m3, _ := newReviewWindow(t, store, eng)
	if m3.scan.resume.Visible() {
		t.Errorf("after every card was saved the next start still offers %q", m3.scan.resumeText.Text)
	}
}

// TestScanReviewDiscard: Discard in the offer lets the cards go.
func TestScanReviewDiscard(t *testing.T) {
	store := apptest.OpenStore(t)
	eng := newTwoCardEngine()
	m, _ := newReviewWindow(t, store, eng)
	m.scan.read([]string{writeCardImage(t, t.TempDir(), "jane.png", 1050, 600)})
	m.tasks.drain()
	m.onQuit()

	m2, w2 := newReviewWindow(t, store, eng)
	if !m2.scan.resume.Visible() {
		t.Fatal("no offer for the card waiting")
	}
	test.Tap(m2.scan.resumeDiscard)
	confirm := findButton(w2.Canvas().Overlays().Top(), "Discard")
	if confirm == nil {
		t.Fatal("Discard asks for no confirmation")
	}
	test.Tap(confirm)
	m2.tasks.drain()
	m3, _ := newReviewWindow(t, store, eng)
	if m3.scan.resume.Visible() || len(m3.scan.queue) != 0 {
		t.Errorf("after Discard the next start offers %q", m3.scan.resumeText.Text)
	}
	compareStored(t, store, map[string]whole{})
}

// TestScanQueueHoldsNoFullImages: cards waiting for review do not hold
// their full images in memory (issue 21, A.10).
func TestScanQueueHoldsNoFullImages(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newReviewWindow(t, store, newTwoCardEngine())
	dir := t.TempDir()
	// Each 13 MB decoded: five held whole would be 65 MB, over the limit.
	// (Each card is prepared under the race detector, about 6 s each.)
	const cards, w, h = 5, 2400, 1400
	for i := range cards {
		writeCardImage(t, dir, "card"+string(rune('a'+i))+".png", w, h)
	}
	before := liveHeap()
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != cards {
		t.Fatalf("%d cards waiting, want %d", len(m.scan.queue), cards)
	}
	grown := liveHeap() - before
	// One card shown, at review size, and what the form holds.
	if limit := int64(40 << 20); grown > limit {
		t.Errorf("with %d cards of %d×%d waiting the heap grew %d MB, want under %d MB", cards, w, h, grown>>20, limit>>20)
	}
	runtime.KeepAlive(m)
}

func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// TestScanEvent: samples leave the remembered event alone, editing the
// event reaches every card of the batch not yet saved, and the event
// typed is remembered in the data folder across a restart (issue 21, A.7).
func TestScanEvent(t *testing.T) {
	store := apptest.OpenStore(t)
	eng := newTwoCardEngine()
	m, _ := newReviewWindow(t, store, eng)
	m.tabs.Select(m.scanTab)
	test.Type(m.scan.event, "Founders Breakfast")
	m.scan.read([]string{writeCardImage(t, t.TempDir(), "jane.png", 1050, 600)})
	m.tasks.drain()
	test.Tap(m.scan.skip)
	m.tasks.drain()

	// Another start, with preferences of its own: the event is the data
	// folder's.
	m, _ = newReviewWindow(t, store, eng)
	if got := m.scan.event.Text; got != "Founders Breakfast" {
		t.Errorf("after a restart the event reads %q, want the one typed", got)
	}

	// The sample cards are filed under "Sample cards", and leave the
	// remembered event alone.
	test.Tap(m.scan.samples)
	m.tasks.drain()
	if n := len(m.scan.queue); n == 0 || m.scan.form.event.Text != "Sample cards" {
		t.Fatalf("%d samples waiting, event %q", n, m.scan.form.event.Text)
	}
	for len(m.scan.queue) > 0 {
		test.Tap(m.scan.skip)
		m.tasks.drain()
	}
	if got := m.scan.event.Text; got != "Founders Breakfast" {
		t.Errorf("after the samples the event reads %q", got)
	}
	if got, err := app.LastEvent(context.Background(), store); err != nil || got != "Founders Breakfast" {
		t.Errorf("remembered event %q (%v) after the samples", got, err)
	}

	// An event typed and not yet used by a batch is not lost to the
	// samples either: it is back once they are done, and after a restart.
	m.scan.event.SetText("")
	test.Type(m.scan.event, "Harbour Meetup")
	test.Tap(m.scan.samples)
	m.tasks.drain()
	for len(m.scan.queue) > 0 {
		test.Tap(m.scan.skip)
		m.tasks.drain()
	}
	if got := m.scan.event.Text; got != "Harbour Meetup" {
		t.Errorf("after the samples the event typed before them reads %q", got)
	}
	m, _ = newReviewWindow(t, store, eng)
	if got := m.scan.event.Text; got != "Harbour Meetup" {
		t.Errorf("after a restart the event typed before the samples reads %q", got)
	}

	// A real batch after the samples: its event is changed while its
	// first card is under review, and reaches the second, waiting.
	dir := t.TempDir()
	writeCardImage(t, dir, "a-jane.png", 1050, 600)
	writeCardImage(t, dir, "b-sam.png", 1000, 700)
	m.scan.read([]string{dir})
	m.tasks.drain()
	m.scan.event.SetText("")
	test.Type(m.scan.event, "Springfield Breakfast")
	m.tasks.drain()
	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	compareStored(t, store, map[string]whole{
		"Jane Q. Doe": janeSaved("Springfield Breakfast", "", "", ""),
		"Sam Okafor":  samSaved("Springfield Breakfast"),
	})
	if got, err := app.LastEvent(context.Background(), store); err != nil || got != "Springfield Breakfast" {
		t.Errorf("remembered event %q (%v), want the one typed last", got, err)
	}
	if got := strings.TrimSpace(m.scan.event.Text); got != "Springfield Breakfast" {
		t.Errorf("after the batch the event reads %q", got)
	}
}

// TestScanReviewKeepsItsPlace: after Save and next the form is at its top
// with the cursor in Name, the header says which card this is, a save is
// confirmed with Undo, and after the last card a summary leads to
// Reconnect (issue 21, B).
func TestScanReviewKeepsItsPlace(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newReviewWindow(t, store, newTwoCardEngine())
	dir := t.TempDir()
	writeCardImage(t, dir, "a-jane.png", 1050, 600)
	writeCardImage(t, dir, "b-sam.png", 1000, 700)
	m.tabs.Select(m.scanTab)
	test.Type(m.scan.event, "Founders Breakfast")
	m.scan.read([]string{dir})
	m.tasks.drain()
	s, f := m.scan, m.scan.form
	first := f.name.Text
	if got := s.position.Text; !strings.HasPrefix(got, "Card 1 of 2") {
		t.Errorf("header %q, want Card 1 of 2", got)
	}
	w.Canvas().Focus(f.note)
	test.Type(f.note, "Met in the coffee line")
	s.formScroll.ScrollToBottom()
	test.Tap(s.saveNext)
	m.tasks.drain()
	if s.formScroll.Offset.Y != 0 {
		t.Errorf("the next card's form is scrolled to %v, not its top", s.formScroll.Offset.Y)
	}
	if w.Canvas().Focused() != f.name {
		t.Errorf("the cursor is in %v, not in Name", w.Canvas().Focused())
	}
	if got := s.position.Text; !strings.HasPrefix(got, "Card 2 of 2") {
		t.Errorf("header %q, want Card 2 of 2", got)
	}
	if want := "Saved " + first + ", 1 follow-up scheduled."; !s.savedLine.Visible() || s.savedText.Text != want || !s.undo.Visible() {
		t.Errorf("save confirmed %v: %q, Undo shown %v; want %q with Undo", s.savedLine.Visible(), s.savedText.Text, s.undo.Visible(), want)
	}

	// Undo takes the contact back, and the card is under review again as
	// it was typed.
	test.Tap(s.undo)
	m.tasks.drain()
	if names := apptest.StoredNames(t, store); len(names) != 0 {
		t.Errorf("after Undo the store holds %v", names)
	}
	if f.name.Text != first || f.note.Text != "Met in the coffee line" || len(s.queue) != 2 {
		t.Errorf("after Undo: card %q with note %q, %d waiting; want %q as typed, 2 waiting", f.name.Text, f.note.Text, len(s.queue), first)
	}
	if got := s.position.Text; !strings.HasPrefix(got, "Card 1 of 2") {
		t.Errorf("after Undo the header says %q", got)
	}
	test.Tap(s.saveNext)
	m.tasks.drain()
	test.Tap(s.skip)
	m.tasks.drain()
	if want := "All cards reviewed: 1 contact saved, 1 skipped, 1 follow-up scheduled."; !s.summary.Visible() || s.summaryText.Text != want {
		t.Errorf("summary shown %v: %q, want %q", s.summary.Visible(), s.summaryText.Text, want)
	}
	test.Tap(s.toReconnect)
	if m.tabs.Selected() != m.reconnectTab {
		t.Errorf("Go to Reconnect shows %q", m.tabs.Selected().Text)
	}
	want := map[string]whole{"Jane Q. Doe": janeSaved("Founders Breakfast", "", "", ""), "Sam Okafor": samSaved("Founders Breakfast")}
	saved := want[first]
	saved.Contact.Note = "Met in the coffee line"
	compareStored(t, store, map[string]whole{first: saved})
}

// TestScanReviewLayout: the card does not move when the progress comes
// and goes, the review fits 800×600 without widening the window, and the
// card can be enlarged there (issue 21, B).
func TestScanReviewLayout(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newReviewWindow(t, store, newTwoCardEngine())
	m.tabs.Select(m.scanTab)
	m.scan.read([]string{writeCardImage(t, t.TempDir(), "jane.png", 1050, 600)})
	m.tasks.drain()
	s := m.scan
	at := func() fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(s.card)
	}
	s.progressBox.Show()
	s.content.Refresh()
	w.Content().Refresh()
	shown := at()
	s.progressBox.Hide()
	w.Content().Refresh()
	if hidden := at(); hidden != shown {
		t.Errorf("the card moves from %v to %v when the progress goes", shown, hidden)
	}

	w.Resize(fyne.NewSize(800, 600))
	if min := w.Content().MinSize(); min.Width > 800 || min.Height > 600 {
		t.Errorf("the review needs %v, more than 800×600", min)
	}
	// A long line of progress, or a long file name, is cut short.
	s.status.SetText("Read 3 of 200 cards; " + strings.Repeat("IMG_20261205_123456_with_a_long_name.jpg could not be read; ", 8))
	s.status.Show()
	s.progressBox.Show()
	s.position.SetText("Card 1 of 200 · " + strings.Repeat("a-very-long-file-name-", 20) + ".jpg")
	if min := w.Content().MinSize(); min.Width > 800 {
		t.Errorf("with a long status the window would widen to %v", min.Width)
	}
	s.progressBox.Hide()
	before := s.card.Size()
	test.Tap(s.enlarge)
	w.Content().Refresh()
	after := s.card.Size()
	if after.Width < before.Width*1.5 {
		t.Errorf("enlarged, the card is %v, was %v", after, before)
	}
	if min := w.Content().MinSize(); min.Width > 800 || min.Height > 600 {
		t.Errorf("enlarged, the review needs %v, more than 800×600", min)
	}
	test.Tap(s.enlarge)
	if !s.form.name.Visible() || s.enlarged {
		t.Errorf("the form does not come back")
	}
}

// TestScanReviewWheelAndGrow: the mouse wheel over a many-line field
// scrolls the form, and many-line fields grow with their text (issue 21, B).
func TestScanReviewWheelAndGrow(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newReviewWindow(t, store, newTwoCardEngine())
	m.tabs.Select(m.scanTab)
	m.scan.read([]string{writeCardImage(t, t.TempDir(), "jane.png", 1050, 600)})
	m.tasks.drain()
	s, f := m.scan, m.scan.form
	w.Resize(fyne.NewSize(1000, 700))

	// The note lies below the fold: bring it into view first, as a
	// person scrolling down to it would, then turn the wheel over it.
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.formScroll).Y
	s.formScroll.ScrollToOffset(fyne.NewPos(0, d.AbsolutePositionForObject(f.note).Y-top-40))
	before := s.formScroll.Offset.Y
	at := d.AbsolutePositionForObject(f.note)
	over := at.Add(fyne.NewPos(f.note.Size().Width/2, f.note.Size().Height/2))
	if over.Y > w.Canvas().Size().Height {
		t.Fatalf("the note field is at %v, out of the window's %v", over, w.Canvas().Size())
	}
	test.Scroll(w.Canvas(), over, 0, 120) // up: the form may be at its end
	if s.formScroll.Offset.Y == before {
		t.Errorf("the wheel over the note field does not scroll the form (offset %v)", before)
	}

	one := f.note.MinSize().Height
	f.note.SetText(strings.Repeat("a line of the note\n", 6) + "the last line")
	if grown := f.note.MinSize().Height; grown < one*2 {
		t.Errorf("with 7 lines the note field is %v high, with one %v: it does not grow", grown, one)
	}
	test.Type(f.note, "\nand one more typed")
	if typed := f.note.MinSize().Height; typed <= one*2 {
		t.Errorf("typing a line does not grow the field: %v", typed)
	}
}
