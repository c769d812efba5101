package ui

import (
	"bytes"
	"context"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/disintegration/imaging"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

func TestScanReview(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	dir := t.TempDir()
	path := apptest.WriteImage(t, dir, "jane.png")

	m.tabs.Select(m.scanTab)
	test.Type(m.scan.event, "Springfield Founders Breakfast")
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != 1 || !m.scan.review.Visible() {
		t.Fatalf("%d cards waiting for review, review shown: %v; want 1 and shown", len(m.scan.queue), m.scan.review.Visible())
	}

	f := m.scan.form
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"name", f.name.Text, "Jane Q. Doe"},
		{"title", f.title.Text, "Head of Partnerships"},
		{"company", f.company.Text, "Acme Widgets Ltd"},
		{"email", rowValues(f.emails), "jane.doe@acmewidgets.example.com"},
		{"event", f.event.Text, "Springfield Founders Breakfast"},
		// The address in its parts, as it will be saved, not one line.
		{"street", f.addresses[0].street.Text, "100 Main Street"},
		{"city", f.addresses[0].city.Text, "Springfield"},
		{"region", f.addresses[0].region.Text, "IL"},
		{"postal code", f.addresses[0].postal.Text, "62701"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
			}
		})
	}
	if got := rowValues(f.phones); got != "+1 650 555 0142" {
		t.Fatalf("phones = %q, want the one printed", got)
	}
	if h := f.hints[f.company].Text; !strings.Contains(h, lowHint) || !strings.Contains(h, "60%") {
		t.Errorf("company was read with confidence 60 but its hint is %q, not marked for checking", h)
	}
	if h := f.hints[f.name].Text; strings.Contains(h, lowHint) || !strings.Contains(h, "95% · ") {
		t.Errorf("name was read with confidence 95: hint %q, want its confidence and reason, unmarked", h)
	}

	// Click the title's box on the image while editing the note: its text
	// goes into the note.
	w.Canvas().Focus(f.note)
	test.Type(f.note, "Talked about trade shows")
	r := m.scan.queue[0]
	box := r.Lines[1].Box
	off, scale := fit(r.Size, m.scan.card.Size())
	test.TapAt(m.scan.card, fyne.NewPos(off.X+float32(box.Min.X+box.Dx()/2)*scale, off.Y+float32(box.Min.Y+box.Dy()/2)*scale))
	if want := "Talked about trade shows\nHead of Partnerships"; f.note.Text != want {
		t.Fatalf("after clicking the title box, note = %q, want %q", f.note.Text, want)
	}
	// Fix the company by typing.
	f.company.SetText("")
	test.Type(f.company, "Acme Widgets Limited")

	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	got, err := store.List(context.Background(), "", 0)
	if err != nil || len(got) != 1 {
		t.Fatalf("store holds %d contacts (%v), want 1", len(got), err)
	}
	c := got[0]
	if c.Company != "Acme Widgets Limited" || c.FullName != "Jane Q. Doe" || c.Event != "Springfield Founders Breakfast" {
		t.Errorf("saved %+v", c)
	}
	if c.GivenName != "Jane Q." || c.FamilyName != "Doe" {
		t.Errorf("saved name parts %q / %q", c.GivenName, c.FamilyName)
	}
	if _, err := os.Stat(store.ImagePath(c.Image)); err != nil || c.Image == "" {
		t.Errorf("card image not kept with the contact: %q: %v", c.Image, err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the original image should be left where it was: %v", err)
	}
	if !m.scan.empty.Visible() {
		t.Errorf("after the last card the scan page should go back to its start")
	}

	// The company corrected is remembered: the next card from the same
	// email domain is read with it, and says so.
	cs, err := store.Corrections(context.Background())
	if err != nil || len(cs) != 1 || cs[0].Field != "company" || cs[0].Value != "Acme Widgets Limited" {
		t.Fatalf("corrections remembered: %+v, %v; want the company", cs, err)
	}
	m.scan.read([]string{apptest.WriteImage(t, t.TempDir(), "sam.png")})
	m.tasks.drain()
	if f.company.Text != "Acme Widgets Limited" || !strings.Contains(f.hints[f.company].Text, "corrected by you") {
		t.Errorf("next card from acmewidgets: company %q, hint %q; want the correction", f.company.Text, f.hints[f.company].Text)
	}
}

func TestScanKeepsGoingPastBadFiles(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	dir := t.TempDir()
	apptest.WriteImage(t, dir, "a.png")
	if err := os.WriteFile(filepath.Join(dir, "b.png"), []byte("not an image at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	apptest.WriteImage(t, dir, "c.png")

	m.scan.read([]string{dir})
	m.tasks.drain()
	queued, failures := len(m.scan.queue), len(m.scan.failures)
	if queued != 2 || failures != 1 {
		t.Fatalf("queued %d, failures %d; want 2 read and 1 failure", queued, failures)
	}
	if !m.scan.showFailures.Visible() {
		t.Errorf("the problems button should be shown")
	}
	if got, want := m.scan.failures[0], "b.png: It is not a picture"; !strings.HasPrefix(got, want) || strings.Count(got, "b.png") != 1 {
		t.Errorf("problem %q, want it to start %q and name the file once", got, want)
	}
	test.Tap(m.scan.skip)
	if len(m.scan.queue) != 1 {
		t.Errorf("skip should drop one card, %d left", len(m.scan.queue))
	}
}

func TestContactsListSearchEditDeleteUndo(t *testing.T) {
	store := apptest.OpenStore(t)
	ctx := context.Background()
	people := []contacts.Contact{
		{FullName: "Ada Park", Company: "Northwind Traders", Emails: []string{"ada@northwind.example"}},
		{FullName: "Ben Ortiz", Company: "Globex", Phones: []contacts.Phone{{Number: "+1 415 555 0101", Kind: contacts.PhoneMobile}}},
		{FullName: "Cleo Ng", Title: "Designer", Company: "Initech"},
	}
	for i := range people {
		if err := store.Add(ctx, &people[i]); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	s := m.contacts
	m.tasks.drain()
	if len(listedContacts(m)) != 3 {
		t.Fatalf("listed %d contacts, want 3", len(listedContacts(m)))
	}

	searches := []struct {
		query string
		want  []string
	}{
		{"globex", []string{"Ben Ortiz"}},
		{"ada@", []string{"Ada Park"}},
		{"555 0101", []string{"Ben Ortiz"}},
		{"nobody", nil},
	}
	for _, tt := range searches {
		t.Run("search "+tt.query, func(t *testing.T) {
			s.search.SetText("")
			test.Type(s.search, tt.query)
			m.tasks.drain()
			if s.listed != tt.query {
				t.Fatalf("listed for %q, want %q", s.listed, tt.query)
			}
			if len(listedContacts(m)) != len(tt.want) {
				t.Fatalf("found %d contacts, want %d", len(listedContacts(m)), len(tt.want))
			}
			for i, name := range tt.want {
				if listedContacts(m)[i].FullName != name {
					t.Errorf("result %d = %q, want %q", i, listedContacts(m)[i].FullName, name)
				}
			}
		})
	}

	s.search.SetText("")
	m.tasks.drain()
	var idx int
	for i, c := range listedContacts(m) {
		if c.FullName == "Cleo Ng" {
			idx = i
		}
	}
	s.list.Select(idx)
	if !s.detail.Visible() || s.form.title.Text != "Designer" {
		t.Fatalf("detail shows title %q", s.form.title.Text)
	}
	s.form.title.SetText("")
	test.Type(s.form.title, "Design Lead")
	test.Tap(s.save)
	m.tasks.drain()
	if c, err := store.Get(ctx, people[2].ID); err != nil || c.Title != "Design Lead" {
		t.Fatalf("after save, stored title = %q (%v)", c.Title, err)
	}

	test.Tap(s.del)
	m.tasks.drain()
	if len(listedContacts(m)) != 2 || !s.undoBar.Visible() {
		t.Fatalf("after delete: %d listed, undo shown %v", len(listedContacts(m)), s.undoBar.Visible())
	}
	if _, err := store.Get(ctx, people[2].ID); err == nil {
		t.Fatalf("contact still in the store after delete")
	}
	test.Tap(s.undoBar.Objects[1].(fyne.Tappable))
	m.tasks.drain()
	if len(listedContacts(m)) != 3 {
		t.Fatalf("after undo: %d listed, want 3", len(listedContacts(m)))
	}
	c, err := store.Get(ctx, people[2].ID)
	if err != nil || c.Title != "Design Lead" {
		t.Fatalf("undo gave %+v, %v", c, err)
	}
}

// listedContacts returns every contact the contacts list shows, reading
// the pages that are not read yet as the list would when scrolled.
func listedContacts(m *mainWindow) []contacts.Contact {
	s := m.contacts
	for range 10 {
		cs := make([]contacts.Contact, s.total)
		complete := true
		for i := range cs {
			var ok bool
			cs[i], ok = s.item(i)
			complete = complete && ok
		}
		if complete {
			return cs
		}
		m.tasks.drain()
	}
	panic("the contacts list never finished loading")
}

func TestDropAndSamples(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	m.tasks.drain()
	if !m.scan.samples.Visible() {
		t.Fatalf("an empty database should offer the sample cards")
	}
	// The empty reconnect list leads there.
	test.Tap(findButton(m.reconnect.empty, "Scan cards"))
	if m.tabs.Selected() != m.scanTab {
		t.Errorf("Scan cards on the empty reconnect list does not show Scan")
	}
	m.tabs.SelectIndex(0)

	// Dropping a folder on the window goes to Scan and reads it.
	dir := t.TempDir()
	apptest.WriteImage(t, dir, "dropped.png")
	web, err := storage.ParseURI("https://example.com/card.png")
	if err != nil {
		t.Fatal(err)
	}
	m.onDropped([]fyne.URI{storage.NewFileURI(dir), web})
	m.tasks.drain()
	if m.tabs.Selected() != m.scanTab {
		t.Errorf("a drop should show the Scan tab")
	}
	if len(m.scan.queue) != 1 || m.scan.queue[0].Name != "dropped.png" {
		t.Fatalf("after the drop, queue = %d cards", len(m.scan.queue))
	}
	test.Tap(m.scan.skip)

	// The sample cards are written out and read like any others.
	test.Tap(m.scan.samples)
	m.tasks.drain()
	if n := len(m.scan.queue); n != 5 {
		t.Fatalf("sample cards queued = %d, want 5", n)
	}
	if m.scan.event.Text != "Sample cards" {
		t.Errorf("event = %q", m.scan.event.Text)
	}
	test.Tap(m.scan.save) // saves and opens the contact
	m.tasks.drain()
	if m.scan.samples.Visible() {
		t.Errorf("sample cards still offered with a contact saved")
	}
	if m.tabs.Selected() != m.contactsTab || m.contacts.current.ID == 0 {
		t.Errorf("Save should open the saved contact")
	}
	if len(m.scan.queue) != 4 {
		t.Errorf("after saving one, %d cards wait, want 4", len(m.scan.queue))
	}
}

// gateEngine reads a card only when the test lets it.
type gateEngine struct {
	apptest.FakeEngine
	gate chan struct{}
}

func (g *gateEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	// The gate holds each card's first read; the reads that follow it in
	// languages of their own (the name's line, for its marks) go through.
	if !p.Only {
		select {
		case <-g.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return g.FakeEngine.Recognize(ctx, img, p)
}

func TestScanCancelKeepsCardsRead(t *testing.T) {
	store := apptest.OpenStore(t)
	eng := &gateEngine{FakeEngine: apptest.FakeEngine{Lines: apptest.JaneCard}, gate: make(chan struct{})}
	m, _ := newTestWindow(t, store, nil)
	m.scan.newEngine = func([]string) (ocr.Engine, error) { return eng, nil }
	dir := t.TempDir()
	for _, n := range []string{"a.png", "b.png", "c.png", "d.png", "e.png"} {
		apptest.WriteImage(t, dir, n)
	}
	m.scan.read([]string{dir})
	eng.gate <- struct{}{} // let one card through
	// Wait until that card is handed to the UI, then cancel the rest.
	for {
		m.scan.tasks.mu.Lock()
		n := len(m.scan.tasks.pending)
		m.scan.tasks.mu.Unlock()
		if n > 0 {
			break
		}
		runtime.Gosched()
	}
	test.Tap(m.scan.cancel)
	m.tasks.drain()
	if len(m.scan.queue) != 1 {
		t.Fatalf("after cancel, %d cards kept, want the 1 read", len(m.scan.queue))
	}
	if m.scan.cancelRead != nil || !strings.Contains(m.scan.status.Text, "Stopped") {
		t.Errorf("status %q after cancel", m.scan.status.Text)
	}
	if len(m.scan.failures) != 0 {
		t.Errorf("cancelled cards reported as failures: %v", m.scan.failures)
	}
}

func TestContactsTickAndExport(t *testing.T) {
	store := apptest.OpenStore(t)
	ctx := context.Background()
	for _, c := range []contacts.Contact{
		{FullName: "Ada Park", Company: "Northwind"},
		{FullName: "Ben Ortiz", Company: "Globex"},
		{FullName: "Cleo Ng", Company: "Initech"},
	} {
		if err := store.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tabs.Select(m.contactsTab)
	s := m.contacts
	m.tasks.drain()

	// tick ticks the row of the named contact, as a click on its box does.
	tick := func(name string) {
		t.Helper()
		row, ok := find(s.list, func(c *fyne.Container) bool {
			_, named := find(c, func(l *widget.Label) bool { return l.Text == name })
			return named && len(c.Objects) == 2 && c.Layout != nil && func() bool {
				_, box := find(c.Objects[1], func(*widget.Check) bool { return true })
				return box
			}()
		})
		if !ok {
			t.Fatalf("no row for %s", name)
		}
		check, _ := find(row, func(*widget.Check) bool { return true })
		test.Tap(check)
	}
	names := func() []string {
		t.Helper()
		cs, err := s.ticked(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, c.FullName)
		}
		return out
	}

	if s.export.Text != exportListed || s.clearSelection.Visible() {
		t.Fatalf("nothing ticked: export says %q, clear shown %v", s.export.Text, s.clearSelection.Visible())
	}
	tick("Cleo Ng")
	tick("Ada Park")
	if got := strings.Join(names(), ","); got != "Ada Park,Cleo Ng" {
		t.Fatalf("ticked %s, want Ada Park,Cleo Ng", got)
	}
	if s.export.Text != "Export 2 ticked…" || s.count.Text != "3 contacts · 2 ticked" {
		t.Fatalf("export says %q, count %q", s.export.Text, s.count.Text)
	}

	// A search narrows the list but keeps what was ticked.
	test.Type(s.search, "globex")
	m.tasks.drain()
	if s.total != 1 || len(names()) != 2 {
		t.Fatalf("after a search: %d listed, %v ticked", s.total, names())
	}
	tick("Ben Ortiz")
	tick("Ben Ortiz") // and off again
	if got := strings.Join(names(), ","); got != "Ada Park,Cleo Ng" {
		t.Fatalf("after ticking Ben on and off: %s", got)
	}

	test.Tap(s.clearSelection)
	if len(names()) != 0 || s.export.Text != exportListed {
		t.Fatalf("after Clear: %v ticked, export says %q", names(), s.export.Text)
	}
}

// testClock is the clock of the windows under test: it stands at
// apptest.Today.
func testClock() time.Time { return apptest.Today }

func newTestWindow(t *testing.T, store *sqlite.Store, eng *apptest.FakeEngine) (*mainWindow, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	m := newMainWindow(t.Context(), a, w, store, func([]string) (ocr.Engine, error) { return eng, nil }, testClock, contacts.DateFormat{})
	m.tasks.held = true
	w.SetContent(m.buildUI())
	w.Resize(fyne.NewSize(1200, 800))
	return m, w
}

// rowValues is the values of l's rows, one a line.
func rowValues(l *labelledList) string {
	var vs []string
	for _, r := range l.rows {
		vs = append(vs, r.value.Text)
	}
	return strings.Join(vs, "\n")
}

// TestScanKeepsTheCardUpright: a card photographed on its side, with no
// EXIF orientation, is read upright, and saved from the review upright:
// its page shows it as it stands, not as the photo lies.
func TestScanKeepsTheCardUpright(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard, Sideways: 90})
	dir := t.TempDir()
	upright, err := imaging.Open(apptest.WriteImage(t, t.TempDir(), "jane.png"))
	if err != nil {
		t.Fatal(err)
	}
	// The card turned a quarter clockwise, as it lay on the table.
	if err := imaging.Save(imaging.Rotate270(upright), filepath.Join(dir, "jane-sideways.png")); err != nil {
		t.Fatal(err)
	}
	m.tabs.Select(m.scanTab)
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != 1 || m.scan.queue[0].Rotated != 270 {
		t.Fatalf("%d cards waiting; want 1, read turned 270 degrees", len(m.scan.queue))
	}
	if m.scan.form.name.Text != "Jane Q. Doe" {
		t.Fatalf("name = %q, want the card read upright", m.scan.form.name.Text)
	}
	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	got, err := store.List(context.Background(), "", 0)
	if err != nil || len(got) != 1 {
		t.Fatalf("store holds %d contacts (%v), want 1", len(got), err)
	}
	c, err := store.Get(context.Background(), got[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.FullName != "Jane Q. Doe" || c.GivenName != "Jane Q." || c.FamilyName != "Doe" || c.Title != "Head of Partnerships" ||
		c.Company != "Acme Widgets Ltd" || len(c.Emails) != 1 || len(c.Phones) != 1 || len(c.Addresses) != 1 || c.Image == "" {
		t.Fatalf("saved %+v", c)
	}
	// Saved as any card is: with its first follow-up, and no history yet.
	fus, err := store.FollowUps(context.Background(), c.ID)
	if err != nil || len(fus) != 1 || fus[0].State != contacts.StateOpen {
		t.Errorf("follow-ups %+v (%v), want the first one, open", fus, err)
	}
	if hist, err := store.Interactions(context.Background(), c.ID); err != nil || len(hist) != 0 {
		t.Errorf("history %+v (%v), want none", hist, err)
	}
	stored, err := imaging.Open(store.ImagePath(c.Image))
	if err != nil {
		t.Fatal(err)
	}
	if !samePoints(stored, upright) {
		t.Errorf("stored card %v is not the card upright (%v)", stored.Bounds().Size(), upright.Bounds().Size())
	}
}

// samePoints says whether a and b have the same size and colours.
func samePoints(a, b image.Image) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	na, nb := imaging.Clone(a), imaging.Clone(b)
	return bytes.Equal(na.Pix, nb.Pix)
}
