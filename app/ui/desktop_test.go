package ui

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/assets"
	"followthrough/contacts"
)

func TestTray(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	people := apptest.Seed(t, store, today)
	m, w, a := newDesktopWindow(t, store, &apptest.FakeEngine{})
	var menu *fyne.Menu
	var icon fyne.Resource
	m.tray = newTray(func(mn *fyne.Menu) { menu = mn }, func(r fyne.Resource) { icon = r }, m.onShowReconnect, m.onQuit)
	m.remindNow()
	m.tasks.drain()
	if menu == nil || menu.Items[0].Label != "2 follow-ups due today" {
		t.Fatalf("tray menu: %+v", menu)
	}
	if icon == nil || bytes.Equal(icon.Content(), assets.Icon.Content()) {
		t.Error("the tray icon has no badge for 2 due")
	}

	// The first item opens the window on the reconnect list.
	press(t, m, "events")
	w.Hide()
	menu.Items[0].Action()
	if w.hidden || m.tabs.Selected() != m.reconnectTab {
		t.Errorf("the tray's first item leaves the window hidden %v, on %s", w.hidden, m.tabs.Selected().Text)
	}

	// Marking a follow-up done updates the tray at once.
	fus, _ := store.FollowUps(context.Background(), people["Tess Today"].ID)
	if _, err := store.CompleteFollowUp(context.Background(), fus[0].ID, today, ""); err != nil {
		t.Fatal(err)
	}
	m.onChanged()
	m.tasks.drain()
	if menu.Items[0].Label != "1 follow-up due today" {
		t.Errorf("after one is done, the tray says %q", menu.Items[0].Label)
	}
	last := menu.Items[len(menu.Items)-1]
	if !last.IsQuit {
		t.Fatal("the tray's menu does not end with Quit")
	}
	last.Action()
	if !a.quit {
		t.Error("Quit in the tray does not quit")
	}
}

func TestCloseToTray(t *testing.T) {
	m, w, a := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	m.tray = newTray(func(*fyne.Menu) {}, func(fyne.Resource) {}, m.onShowReconnect, m.onQuit)
	host := true
	m.trayShown = func() bool { return host }

	steps := []struct {
		name       string
		keep, host bool
		hidden     bool // the window is hidden, and the app runs on
	}{
		{"not asked for", false, true, false},
		{"asked for, with a tray", true, true, true},
		{"asked for, but the desktop has no tray", true, false, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			a.quit, w.hidden, host = false, false, st.host
			(app.LocalSettings{Preferences: a.Preferences()}).SetKeepInTray(st.keep)
			m.onCloseWindow()
			if w.hidden != st.hidden || a.quit == st.hidden {
				t.Errorf("closing: hidden %v, quit %v", w.hidden, a.quit)
			}
		})
	}
}

func TestBadgeIcon(t *testing.T) {
	for _, tt := range []struct {
		n    int
		name string
	}{{1, "tray-1.png"}, {12, "tray-12.png"}, {150, "tray-99+.png"}} {
		r, err := badgeIcon(tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if r.Name() != tt.name {
			t.Errorf("%d: icon %s, want %s", tt.n, r.Name(), tt.name)
		}
		img, err := png.Decode(bytes.NewReader(r.Content()))
		if err != nil {
			t.Fatal(err)
		}
		// The badge is red in the top right corner, beside the number.
		b := img.Bounds()
		red := 0
		for y := 0; y < b.Dy()/2; y++ {
			for x := b.Dx() / 2; x < b.Dx(); x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r>>8 > 0xc0 && g>>8 < 0x60 && bl>>8 < 0x60 {
					red++
				}
			}
		}
		if red < 200 {
			t.Errorf("%d: %d red pixels in the corner, want a badge", tt.n, red)
		}
	}
	if r, _ := badgeIcon(0); r != assets.Icon {
		t.Error("no follow-ups due should show the plain icon")
	}
}

// TestKeyboardReachesEveryControl tabs through each screen and checks that
// its controls take the focus in turn.
func TestKeyboardReachesEveryControl(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	reached := func() []fyne.Focusable {
		var got []fyne.Focusable
		c := w.Canvas()
		c.Unfocus()
		for range 200 {
			c.FocusNext()
			f := c.Focused()
			if f == nil || (len(got) > 0 && f == got[0]) {
				break
			}
			got = append(got, f)
		}
		return got
	}
	check := func(screen string, want map[string]fyne.Focusable) {
		got := reached()
		for name, f := range want {
			found := false
			for _, g := range got {
				if g == f {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: Tab never reaches %s", screen, name)
			}
		}
	}

	press(t, m, "scantab")
	check("Scan", map[string]fyne.Focusable{"Event": m.scan.event, "Open image": m.scan.openFiles, "Open folder": m.scan.openFolder})

	press(t, m, "settings")
	inTray(m, true) // for Keep in the tray to be offered
	fu := sectionOf[*followUpSettings](t, m)
	rem := sectionOf[*reminderSettings](t, m)
	ap := sectionOf[*appearanceSettings](t, m)
	sy := sectionOf[*syncSettings](t, m)
	da := sectionOf[*dataSettings](t, m)
	check("Settings", map[string]fyne.Focusable{
		"Keep in touch": fu.cadence, "First follow-up": fu.delay,
		"Remind me": rem.on, "from": rem.from, "until": rem.until, "Keep in the tray": rem.keepInTray,
		"Text size": ap.size, "Server": sy.dialog.url, "Password": sy.dialog.password, "Connect": sy.dialog.connect,
		"Open folder": da.open,
	})

	apptest.Seed(t, store, contacts.DayOf(apptest.Today))
	m.onChanged()
	m.contacts.refresh()
	m.tasks.drain()
	press(t, m, "contacts")
	check("Contacts", map[string]fyne.Focusable{"Search": m.contacts.search, "Tag": m.contacts.tag, "list": m.contacts.list})
	press(t, m, "reconnect")
	check("Reconnect", map[string]fyne.Focusable{"list": m.reconnect.list})
	// The buttons of the rows shown are reached too.
	for _, label := range []string{"Done", "Snooze", "Open", "Export to calendar…"} {
		found := false
		for _, f := range reached() {
			if b, ok := f.(*widget.Button); ok && b.Text == label {
				found = true
			}
		}
		if !found {
			t.Errorf("Reconnect: Tab never reaches a %s button", label)
		}
	}
}

func TestAbout(t *testing.T) {
	m, w, a := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	m.about = app.Metadata{Name: "Follow Through", ID: app.ID, Version: "1.2.3", Build: 7, Website: "https://example.org/x"}

	m.onAbout()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("About shows no dialog")
	}
	var texts []string
	find(top, func(l *widget.Label) bool { texts = append(texts, l.Text); return false })
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Follow Through 1.2.3 (build 7)", m.store.Dir(), "Fyne", "BSD 3-Clause", "Tesseract", "Apache 2.0", "never sends bulk email"} {
		if !strings.Contains(all, want) {
			t.Errorf("About does not say %q", want)
		}
	}
	test.Tap(findButton(top, "Open data folder"))
	if len(a.opened) != 1 || a.opened[0].Path != m.store.Dir() {
		t.Errorf("Open data folder opened %v", a.opened)
	}
}
