package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// sectionOf returns the section of Settings of type T.
func sectionOf[T any](t *testing.T, m *mainWindow) T {
	t.Helper()
	for _, s := range m.settings.sections {
		if v, ok := s.ui.(T); ok {
			return v
		}
	}
	var none T
	t.Fatalf("Settings has no %T", none)
	return none
}

func TestSettingsSections(t *testing.T) {
	m, w, _ := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	press(t, m, "settings")
	var titles []string
	find(w.Canvas().Content(), func(c *widget.Card) bool { titles = append(titles, c.Title); return false })
	want := "Follow-ups,Reading cards,Reminders,Appearance,CardDAV account,Data folder,Backups"
	if got := strings.Join(titles, ","); got != want {
		t.Errorf("Settings shows %s, want %s", got, want)
	}
}

func TestFollowUpSettings(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _, _ := newDesktopWindow(t, store, &apptest.FakeEngine{Lines: apptest.JaneCard})
	s := sectionOf[*followUpSettings](t, m)
	if s.cadence.Selected != noCadence || s.delay.Text != "3d" {
		t.Fatalf("shows cadence %q and delay %q, want none and 3d before anything is set", s.cadence.Selected, s.delay.Text)
	}
	quarterly := contacts.CadencePresets[2]
	s.cadence.SetSelected(quarterly.Name)
	m.tasks.drain()
	s.delay.SetText("")
	test.Type(s.delay, "soon")
	m.tasks.drain()
	if !strings.Contains(s.status.Text, "Not saved") {
		t.Errorf("after typing a delay it cannot read, the status says %q", s.status.Text)
	}
	s.delay.SetText("")
	test.Type(s.delay, "1w")
	m.tasks.drain()
	if got := setting(t, store, app.SettingDefaultCadence); got != "91/183" {
		t.Errorf("default cadence saved as %q", got)
	}
	if got := setting(t, store, app.SettingFollowUpDelay); got != "1w" {
		t.Errorf("first follow-up delay saved as %q", got)
	}
	if s.status.Text != "Saved." {
		t.Errorf("status %q", s.status.Text)
	}

	// The next card scanned starts with both.
	dir := t.TempDir()
	apptest.WriteImage(t, dir, "jane.png")
	m.scan.read([]string{dir})
	m.tasks.drain()
	if got := m.scan.form.cadence.Selected; got != quarterly.Name {
		t.Errorf("a scanned card's cadence is %q, want %q", got, quarterly.Name)
	}
	if due, err := m.scan.followDue.day(); err != nil || due != contacts.DayOf(apptest.Today).AddDays(7) {
		t.Errorf("a scanned card's first follow-up is on %v, want a week on", due)
	}

	// Settings read back as saved.
	again := newFollowUpSettings(m.win, store, m.tasks, nil)
	again.buildUI()
	m.tasks.drain()
	if again.cadence.Selected != quarterly.Name || again.delay.Text != "1w" {
		t.Errorf("reopened: %q, %q", again.cadence.Selected, again.delay.Text)
	}
}

func TestReminderSettings(t *testing.T) {
	store := apptest.OpenStore(t)
	m, _, a := newDesktopWindow(t, store, &apptest.FakeEngine{})
	s := sectionOf[*reminderSettings](t, m)
	if !s.on.Checked || s.from.Selected != "08:00" || s.until.Selected != "21:00" {
		t.Fatalf("before anything is set: on %v, %s to %s; want on, 08:00 to 21:00", s.on.Checked, s.from.Selected, s.until.Selected)
	}
	s.from.SetSelected("22:00")
	s.until.SetSelected("07:00")
	m.tasks.drain()
	if got := setting(t, store, app.SettingNotifyHours); got != "22-7" {
		t.Errorf("hours saved as %q", got)
	}
	test.Tap(s.on)
	m.tasks.drain()
	if got := setting(t, store, app.SettingNotifyHours); got != "off" || !s.from.Disabled() {
		t.Errorf("reminders off saved as %q, hours disabled: %v", got, s.from.Disabled())
	}
	test.Tap(s.on)
	m.tasks.drain()
	if got := setting(t, store, app.SettingNotifyHours); got != "22-7" {
		t.Errorf("reminders back on saved as %q", got)
	}

	inTray(m, true)
	test.Tap(s.keepInTray)
	if !(app.LocalSettings{Preferences: a.Preferences()}).KeepInTray() {
		t.Error("ticking Keep running in the tray did not set it")
	}
}

// inTray puts m in a system tray, as Run does on a desktop with one, and
// says whether the desktop shows it; Settings is shown again.
func inTray(m *mainWindow, shown bool) {
	m.tray = newTray(func(*fyne.Menu) {}, func(fyne.Resource) {}, m.onShowReconnect, m.onQuit)
	m.trayShown = func() bool { return shown }
	m.settings.refresh()
}

// TestKeepInTrayOnlyWithATray covers issue 21 B: "Keep running in the
// system tray" is offered only where the app is in a tray the desktop
// shows, and says why not elsewhere.
func TestKeepInTrayOnlyWithATray(t *testing.T) {
	for _, tt := range []struct {
		name          string
		started, host bool // the tray started; the desktop shows one
		offered       bool
	}{
		{"tray shown", true, true, true},
		{"no tray on the desktop", true, false, false},
		{"tray not started (no session bus)", false, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, _, a := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
			s := sectionOf[*reminderSettings](t, m)
			if tt.started {
				inTray(m, tt.host)
			} else {
				m.trayShown = func() bool { return tt.host }
				press(t, m, "settings")
			}
			if s.keepInTray.Disabled() == tt.offered {
				t.Fatalf("Keep running in the system tray offered %v, want %v", !s.keepInTray.Disabled(), tt.offered)
			}
			test.Tap(s.keepInTray)
			if kept := (app.LocalSettings{Preferences: a.Preferences()}).KeepInTray(); kept != tt.offered {
				t.Errorf("tapped: keep in the tray set %v, want %v", kept, tt.offered)
			}
			if noTray := strings.Contains(s.trayHint.Text, "no system tray"); noTray == tt.offered || !s.trayHint.Visible() {
				t.Errorf("the hint says %q (shown %v)", s.trayHint.Text, s.trayHint.Visible())
			}
		})
	}
}

// TestReminderHours checks that the window's reminder keeps to the
// notification hours set: nothing at night, and what came due at night
// comes in the morning.
func TestReminderHours(t *testing.T) {
	store := apptest.OpenStore(t)
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)
	apptest.Seed(t, store, contacts.DayOf(day))
	m, _, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
	var sent []time.Time
	var at time.Time
	m.reminder.Remind = func(app.Notification) { sent = append(sent, at) }
	m.clock = func() time.Time { return at }

	if err := store.SetSetting(context.Background(), app.SettingNotifyHours, "8-21"); err != nil {
		t.Fatal(err)
	}
	for _, h := range []int{0, 3, 7, 8, 9} {
		at = day.Add(time.Duration(h)*time.Hour + 30*time.Minute)
		m.remindNow()
		m.tasks.drain()
	}
	if len(sent) != 1 || sent[0].Hour() != 8 {
		t.Fatalf("reminders sent at %v, want one at 8:30", sent)
	}
}

func TestAppearanceSettings(t *testing.T) {
	m, _, a := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	s := sectionOf[*appearanceSettings](t, m)
	if s.variant.Selected != "As the system is set" || s.size.Selected != "Normal" {
		t.Fatalf("before anything is set: %q, %q", s.variant.Selected, s.size.Selected)
	}
	def := theme.DefaultTheme()
	bg := func() (light, dark bool) {
		th := a.Settings().Theme()
		got := th.Color(theme.ColorNameBackground, theme.VariantLight)
		got2 := th.Color(theme.ColorNameBackground, theme.VariantDark)
		return got == def.Color(theme.ColorNameBackground, theme.VariantLight) && got2 == def.Color(theme.ColorNameBackground, theme.VariantDark),
			got == def.Color(theme.ColorNameBackground, theme.VariantDark) && got2 == got
	}

	s.variant.SetSelected("Dark")
	if _, dark := bg(); !dark || (app.LocalSettings{Preferences: a.Preferences()}).Theme() != app.ThemeDark {
		t.Errorf("Dark does not force the dark colours")
	}
	s.variant.SetSelected("Light")
	if th := a.Settings().Theme(); th.Color(theme.ColorNameForeground, theme.VariantDark) != def.Color(theme.ColorNameForeground, theme.VariantLight) {
		t.Errorf("Light does not force the light colours")
	}
	s.variant.SetSelected("As the system is set")
	if follows, _ := bg(); !follows {
		t.Errorf("the system's choice is not followed")
	}

	s.size.SetSelected("Largest")
	if got, want := a.Settings().Theme().Size(theme.SizeNameText), def.Size(theme.SizeNameText)*1.5; got != want {
		t.Errorf("largest text is %v, want %v", got, want)
	}
	if got := a.Settings().Theme().Size(theme.SizeNamePadding); got != def.Size(theme.SizeNamePadding) {
		t.Errorf("the padding grew with the text: %v", got)
	}
	if (app.LocalSettings{Preferences: a.Preferences()}).TextScale() != 1.5 {
		t.Errorf("text scale saved as %v", (app.LocalSettings{Preferences: a.Preferences()}).TextScale())
	}
	// Reopened, it shows what was chosen.
	again := newAppearanceSettings(a)
	again.buildUI()
	if again.size.Selected != "Largest" || again.variant.Selected != "As the system is set" {
		t.Errorf("reopened: %q, %q", again.size.Selected, again.variant.Selected)
	}
}

func TestDataAndSyncSettings(t *testing.T) {
	store := apptest.OpenStore(t)
	if err := store.SetSetting(context.Background(), app.SettingDAVURL, "https://dav.example.com/"); err != nil {
		t.Fatal(err)
	}
	m, _, a := newDesktopWindow(t, store, &apptest.FakeEngine{})
	d := sectionOf[*dataSettings](t, m)
	if d.path.Text != store.Dir() {
		t.Errorf("the data folder shows %q, want %q", d.path.Text, store.Dir())
	}
	test.Tap(d.open)
	if len(a.opened) != 1 || a.opened[0].Scheme != "file" || a.opened[0].Path != store.Dir() {
		t.Errorf("Open folder opened %v", a.opened)
	}

	s := sectionOf[*syncSettings](t, m)
	if s.dialog.url == nil || s.dialog.url.Text != "https://dav.example.com/" {
		t.Fatal("the CardDAV section does not show the saved server")
	}
	// Typing is kept when Settings is shown again; a change made in the
	// Sync dialog shows.
	s.dialog.user.SetText("")
	test.Type(s.dialog.user, "ana")
	press(t, m, "settings")
	if s.dialog.user.Text != "ana" {
		t.Errorf("showing Settings again lost what was typed: %q", s.dialog.user.Text)
	}
	if err := store.SetSetting(context.Background(), app.SettingDAVURL, "https://other.example.com/"); err != nil {
		t.Fatal(err)
	}
	press(t, m, "reconnect")
	press(t, m, "settings")
	if s.dialog.url.Text != "https://other.example.com/" {
		t.Errorf("the CardDAV section shows %q after the account changed", s.dialog.url.Text)
	}
}
