package ui

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// desktopApp is a test app that records what the window asks of the
// desktop: quitting and opening URLs.
type desktopApp struct {
	fyne.App
	quit   bool
	opened []*url.URL
}

func (a *desktopApp) Quit()                    { a.quit = true }
func (a *desktopApp) OpenURL(u *url.URL) error { a.opened = append(a.opened, u); return nil }

// desktopWindow is a test window that records whether it is hidden.
type desktopWindow struct {
	fyne.Window
	hidden bool
}

func (w *desktopWindow) Hide() { w.hidden = true }
func (w *desktopWindow) Show() { w.hidden = false }

// newDesktopWindow opens the main window as Run does, with its menu and
// keyboard shortcuts, on a test canvas.
func newDesktopWindow(t *testing.T, store *sqlite.Store, eng *apptest.FakeEngine) (*mainWindow, *desktopWindow, *desktopApp) {
	t.Helper()
	a := &desktopApp{App: test.NewTempApp(t)}
	w := &desktopWindow{Window: test.NewTempWindow(t, nil)}
	m := newMainWindow(t.Context(), a, w, store, func([]string) (ocr.Engine, error) { return eng, nil }, testClock, contacts.DateFormat{})
	m.tasks.held = true
	w.SetContent(m.buildUI())
	w.SetMainMenu(m.mainMenu())
	m.addShortcuts()
	w.Resize(fyne.NewSize(1200, 800))
	m.tasks.drain()
	return m, w, a
}

// press types the shortcut with the given id on the window's canvas, as
// the keyboard does, and waits for what it started.
func press(t *testing.T, m *mainWindow, id string) {
	t.Helper()
	m.win.Canvas().(fyne.Shortcutable).TypedShortcut(m.shortcut(id).keys())
	m.tasks.drain()
}

// menuItems are the items of the window's menus, by menu.
func menuItems(w fyne.Window) map[string][]*fyne.MenuItem {
	out := map[string][]*fyne.MenuItem{}
	for _, menu := range w.MainMenu().Items {
		for _, it := range menu.Items {
			if !it.IsSeparator {
				out[menu.Label] = append(out[menu.Label], it)
			}
		}
	}
	return out
}

func TestMenusCarryTheShortcuts(t *testing.T) {
	m, w, _ := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	menus := menuItems(w)
	var labels []string
	for _, menu := range w.MainMenu().Items {
		labels = append(labels, menu.Label)
	}
	if got := strings.Join(labels, ","); got != "File,Go,Follow-ups,Sync,Help" {
		t.Errorf("menus = %s", got)
	}
	has := func(menu, label string) *fyne.MenuItem {
		for _, it := range menus[menu] {
			if it.Label == label {
				return it
			}
		}
		t.Errorf("no %s > %s", menu, label)
		return &fyne.MenuItem{}
	}
	for _, want := range [][2]string{
		{"File", "Scan cards…"}, {"File", "Import .vcf…"}, {"File", "Export contacts…"}, {"File", "Settings…"},
		{"Sync", "Sync with a CardDAV server…"}, {"Help", "Keyboard shortcuts"}, {"Help", "About Follow Through"},
	} {
		has(want[0], want[1])
	}
	if quit := has("File", "Quit"); !quit.IsQuit {
		t.Error("File > Quit is not marked as the app's Quit")
	}

	// The window's driver offers every shortcut to the menus first, even
	// when a text field has the focus: so each shortcut must be on an
	// item, and each item's keys must be the shortcut's.
	keys := map[string]string{}
	for _, s := range m.shortcuts() {
		name := s.keys().ShortcutName()
		if other, ok := keys[name]; ok {
			t.Errorf("%s and %s have the same keys %s", other, s.id, name)
		}
		keys[name] = s.id
		found := false
		for _, items := range menus {
			for _, it := range items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == name {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("shortcut %s (%s) is on no menu item", s.id, keyText(s))
		}
	}
	for menu, items := range menus {
		for _, it := range items {
			if it.Action == nil {
				t.Errorf("%s > %s does nothing", menu, it.Label)
			}
		}
	}
}

func TestShortcutsDialog(t *testing.T) {
	m, w, _ := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	press(t, m, "help")
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+/ shows no dialog")
	}
	var texts []string
	find(top, func(l *widget.Label) bool { texts = append(texts, l.Text); return false })
	for _, s := range m.shortcuts() {
		if !slices.Contains(texts, keyText(s)) || !slices.Contains(texts, s.what) {
			t.Errorf("the dialog does not list %s: %q", keyText(s), s.what)
		}
	}
	if !slices.Contains(texts, "Ctrl+Page Down") {
		t.Errorf("next card is not listed as Ctrl+Page Down: %q", texts)
	}
	// With a dialog open, shortcuts do not act on the window behind it.
	press(t, m, "contacts")
	if m.tabs.Selected() == m.contactsTab {
		t.Error("Ctrl+2 went to Contacts behind the open dialog")
	}
	top.Hide()
	press(t, m, "contacts")
	if m.tabs.Selected() != m.contactsTab {
		t.Error("Ctrl+2 does not go to Contacts")
	}
}

func TestShortcutsGoAndSearch(t *testing.T) {
	m, w, a := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	steps := []struct {
		id   string
		want string
	}{
		{"contacts", "Contacts"}, {"events", "Events"}, {"scantab", "Scan"},
		{"settings", "Settings"}, {"reconnect", "Reconnect"},
	}
	for _, st := range steps {
		t.Run(st.id, func(t *testing.T) {
			press(t, m, st.id)
			if got := m.tabs.Selected().Text; got != st.want {
				t.Errorf("on %s, shows %s", keyText(m.shortcut(st.id)), got)
			}
		})
	}

	press(t, m, "search")
	if m.tabs.Selected() != m.contactsTab || w.Canvas().Focused() != m.contacts.search {
		t.Fatalf("Ctrl+F shows %s with %v focused, want the search field in Contacts", m.tabs.Selected().Text, w.Canvas().Focused())
	}
	// What is typed next goes into the search.
	test.Type(w.Canvas().Focused(), "nobody")
	m.tasks.drain()
	if m.contacts.search.Text != "nobody" || m.contacts.listed != "nobody" {
		t.Errorf("typed after Ctrl+F, the search is %q and lists for %q", m.contacts.search.Text, m.contacts.listed)
	}

	press(t, m, "scan")
	if m.tabs.Selected() != m.scanTab || w.Canvas().Overlays().Top() == nil {
		t.Errorf("Ctrl+N shows %s and no file dialog", m.tabs.Selected().Text)
	}
	w.Canvas().Overlays().Top().Hide()

	press(t, m, "quit")
	if !a.quit {
		t.Error("Ctrl+Q does not quit")
	}
}

func TestShortcutsInReview(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.png", "c.png"} {
		apptest.WriteImage(t, dir, name)
	}
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != 3 {
		t.Fatalf("%d cards to review, want 3", len(m.scan.queue))
	}
	f := m.scan.form
	path := func() string { return m.scan.queue[0].Name }
	first := path()

	// Edit the first card, turn to the next and back: the edits are kept.
	f.name.SetText("")
	test.Type(f.name, "Ann First")
	m.scan.promise.SetText("send the deck")
	press(t, m, "next")
	if path() == first || f.name.Text != "Jane Q. Doe" || m.scan.promise.Text != "" {
		t.Fatalf("after Ctrl+Page Down: card %s, name %q, promise %q; want the next card as read", path(), f.name.Text, m.scan.promise.Text)
	}
	press(t, m, "previous")
	if path() != first || f.name.Text != "Ann First" || m.scan.promise.Text != "send the deck" {
		t.Fatalf("after Ctrl+Page Up: card %s, name %q, promise %q; want the first card with its edits", path(), f.name.Text, m.scan.promise.Text)
	}
	press(t, m, "previous") // round to the last
	if path() == first {
		t.Fatalf("Ctrl+Page Up from the first card stays on it")
	}
	press(t, m, "next")

	// Save works with the focus in a field, and shows the next card.
	w.Canvas().Focus(f.company)
	press(t, m, "save")
	if len(m.scan.queue) != 2 {
		t.Fatalf("after Ctrl+S, %d cards wait, want 2", len(m.scan.queue))
	}
	saved, err := store.List(context.Background(), "", 0)
	if err != nil || len(saved) != 1 || saved[0].FullName != "Ann First" {
		t.Fatalf("saved %+v, %v; want Ann First", saved, err)
	}
	fus, err := store.FollowUps(context.Background(), saved[0].ID)
	if err != nil || len(fus) != 2 {
		t.Errorf("Ann's follow-ups: %+v, %v; want the first one and the promise", fus, err)
	}
	m.tasks.drain()
	waiting, err := m.scan.waiting.Cards(context.Background())
	if err != nil || len(waiting) != 2 {
		t.Errorf("after the save the queue's folder holds %d cards (%v), want 2", len(waiting), err)
	}
}

func TestShortcutsDoneAndSnooze(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	ctx := context.Background()

	// In Reconnect, with nothing picked, Done acts on the most urgent:
	// Olu's overdue call.
	press(t, m, "done")
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+D shows no dialog")
	}
	test.Type(findEntry(top), "left a message")
	test.Tap(findButton(top, "Done"))
	m.tasks.drain()
	its, err := store.Interactions(ctx, people["Olu Overdue"].ID)
	if err != nil || len(its) != 1 || its[0].Note != "left a message" {
		t.Fatalf("Olu's history after Ctrl+D: %+v, %v", its, err)
	}

	// Pick Tess's row, then snooze her to next week.
	for i, r := range reconnectRows(m) {
		if r.entry != nil && r.entry.Person.Contact.FullName == "Tess Today" {
			m.reconnect.list.Select(i)
		}
	}
	press(t, m, "snooze")
	top = w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+L shows no dialog")
	}
	if w.Canvas().Focused() != m.reconnect.snoozing.dayLater || m.reconnect.snoozing.dayLater.Text != "Tomorrow" {
		t.Error("the snooze dialog does not focus its first choice, Tomorrow")
	}
	test.Tap(m.reconnect.snoozing.nextWeek)
	m.tasks.drain()
	fus, _ := store.FollowUps(ctx, people["Tess Today"].ID)
	if len(fus) != 1 || fus[0].Due != (contacts.Day{Year: 2026, Month: 11, Day: 23}) {
		t.Errorf("Tess's follow-up after snoozing: %+v, want it on Monday", fus)
	}

	// In Contacts, the same keys act on the next follow-up of the contact
	// open: Uma's coffee, due in 12 days, which a snooze puts off a day
	// more, never earlier (issue 21 A.4).
	uma := people["Uma Upcoming"]
	m.onOpenContact(uma)
	m.tasks.drain()
	press(t, m, "snooze")
	test.Tap(m.contacts.history.snoozing.dayLater)
	m.tasks.drain()
	fus, _ = store.FollowUps(ctx, uma.ID)
	if len(fus) != 1 || fus[0].Due != today.AddDays(13) {
		t.Fatalf("Uma's coffee after snoozing: %+v, want it a day after its day", fus)
	}
	press(t, m, "done")
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Done"))
	m.tasks.drain()
	fus, _ = store.FollowUps(ctx, uma.ID)
	if len(fus) != 1 || fus[0].State != contacts.StateDone {
		t.Errorf("Uma's coffee after Ctrl+D: %+v, want it done", fus)
	}

	// Save in Contacts saves the contact open, from a field with focus.
	m.contacts.form.title.SetText("")
	w.Canvas().Focus(m.contacts.form.title)
	test.Type(m.contacts.form.title, "Chief Coffee Officer")
	press(t, m, "save")
	got, err := store.Get(ctx, uma.ID)
	if err != nil || got.Title != "Chief Coffee Officer" {
		t.Errorf("after Ctrl+S Uma's title is %q, %v", got.Title, err)
	}
}
