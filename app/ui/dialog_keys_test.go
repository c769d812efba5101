package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// TestEveryDialogTakesEnterAndEsc covers issue 21 B.1: each dialog the
// window opens closes on Esc having done nothing, and on Enter does what
// its confirm button does; Enter in a multi-line entry is a new line.
func TestEveryDialogTakesEnterAndEsc(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	type window struct {
		m              *mainWindow
		w              fyne.Window
		people         map[string]contacts.Contact
		events, stored int // at the start
	}
	followUps := func(t *testing.T, x window, name string) []contacts.FollowUp {
		t.Helper()
		fs, err := x.m.store.FollowUps(context.Background(), x.people[name].ID)
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	openContact := func(x window, name string) *historyPanel {
		x.m.onOpenContact(x.people[name])
		x.m.tasks.drain()
		return x.m.contacts.history
	}
	events := func(t *testing.T, x window) int {
		t.Helper()
		es, err := x.m.store.Events(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	count := func(t *testing.T, x window) int {
		t.Helper()
		n, err := x.m.store.Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	openImport := func(t *testing.T, x window) {
		t.Helper()
		path := filepath.Join(t.TempDir(), "phone.vcf")
		if err := os.WriteFile(path, []byte(apptest.PhoneExport), 0o600); err != nil {
			t.Fatal(err)
		}
		x.m.onDropped([]fyne.URI{storage.NewFileURI(path)})
		x.m.tasks.drain()
	}

	tests := []struct {
		name string
		open func(t *testing.T, x window)
		// beforeEnter readies the dialog for Enter; nil leaves it as it opened.
		beforeEnter func(t *testing.T, x window)
		// cancelled checks that Esc changed nothing; confirmed checks what
		// Enter did. Either may be nil when closing is all there is.
		cancelled, confirmed func(t *testing.T, x window)
		// under: a dialog is left open under this one; staysOpen: Enter
		// does its work in the dialog; then: what the dialog Enter leads
		// to says.
		under, staysOpen bool
		then             string
	}{
		{name: "About", open: func(t *testing.T, x window) { x.m.onAbout() }},
		{name: "Keyboard shortcuts", open: func(t *testing.T, x window) { press(t, x.m, "help") }},
		{name: "an error", open: func(t *testing.T, x window) {
			showError(x.w, "Could not save", errors.New("disk full"))
		}},
		{name: "Nothing to snooze", open: func(t *testing.T, x window) { openContact(x, "Ned Nothing").onSnoozeNext() }},
		{name: "QR code", open: func(t *testing.T, x window) { showQR(x.w, x.people["Olu Overdue"]) }},
		{name: "Images that could not be read", open: func(t *testing.T, x window) {
			x.m.scan.failures = []string{"blurry.jpg: no text found"}
			x.m.scan.onShowFailures()
		}},
		{name: "Cancel this follow-up?",
			open: func(t *testing.T, x window) {
				h := openContact(x, "Uma Upcoming")
				test.Tap(findButton(h.open, "Cancel"))
			},
			cancelled: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); fs[0].State != contacts.StateOpen {
					t.Errorf("Esc cancelled the follow-up: %+v", fs[0])
				}
			},
			confirmed: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); fs[0].State != contacts.StateCancelled {
					t.Errorf("Enter left the follow-up %v", fs[0].State)
				}
			}},
		{name: "Add follow-up",
			open: func(t *testing.T, x window) { openContact(x, "Uma Upcoming").onAdd() },
			beforeEnter: func(t *testing.T, x window) {
				e, _ := find(x.w.Canvas().Overlays().Top(), func(w fyne.Widget) bool {
					e, ok := w.(*dialogEntry)
					return ok && e.PlaceHolder == "e.g. introduce him to Sam"
				})
				if e == nil {
					t.Fatal("no note field in the dialog")
				}
				test.Type(e.(*dialogEntry), "send the deck")
			},
			cancelled: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); len(fs) != 1 {
					t.Errorf("Esc added a follow-up: %d", len(fs))
				}
			},
			confirmed: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); len(fs) != 2 || fs[0].Line != "send the deck" && fs[1].Line != "send the deck" {
					t.Errorf("Enter in the note did not add the follow-up: %+v", fs)
				}
			}},
		{name: "Log what happened",
			open: func(t *testing.T, x window) { openContact(x, "Ned Nothing").onLog() },
			cancelled: func(t *testing.T, x window) {
				if h, _ := x.m.store.Interactions(context.Background(), x.people["Ned Nothing"].ID); len(h) != 0 {
					t.Errorf("Esc logged %+v", h)
				}
			},
			confirmed: func(t *testing.T, x window) {
				if h, _ := x.m.store.Interactions(context.Background(), x.people["Ned Nothing"].ID); len(h) != 1 {
					t.Errorf("Enter logged %+v", h)
				}
			}},
		{name: "Snooze",
			open: func(t *testing.T, x window) { openContact(x, "Uma Upcoming").onSnoozeNext() },
			cancelled: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); fs[0].Due != today.AddDays(12) {
					t.Errorf("Esc moved the follow-up to %s", fs[0].Due)
				}
			},
			confirmed: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); fs[0].Due != today.AddDays(13) {
					t.Errorf("Enter moved the follow-up to %s, want a day later", fs[0].Due)
				}
			}},
		{name: "Snooze until",
			open: func(t *testing.T, x window) {
				h := openContact(x, "Uma Upcoming")
				h.onSnoozeNext()
				test.Tap(h.snoozing.pick)
			},
			beforeEnter: func(t *testing.T, x window) {
				p := x.m.contacts.history.snoozing.picker
				typeKey(x.w, fyne.KeyReturn) // no day has the focus: nothing is picked
				if x.w.Canvas().Overlays().Top() == nil {
					t.Fatal("Enter with no day focused closed the picker")
				}
				x.w.Canvas().Focus(p.days[today.AddDays(20).Day])
			},
			cancelled: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); fs[0].Due != today.AddDays(12) {
					t.Errorf("Esc moved the follow-up to %s", fs[0].Due)
				}
			},
			confirmed: func(t *testing.T, x window) {
				if fs := followUps(t, x, "Uma Upcoming"); fs[0].Due != today.AddDays(20) {
					t.Errorf("Enter on a day moved the follow-up to %s, want %s", fs[0].Due, today.AddDays(20))
				}
			}},
		{name: "New event",
			open: func(t *testing.T, x window) { x.m.events.onNew() },
			beforeEnter: func(t *testing.T, x window) {
				typeKey(x.w, fyne.KeyReturn) // no name yet: nothing to add
				if x.w.Canvas().Overlays().Top() == nil {
					t.Fatal("Enter added an event without a name")
				}
				top := x.w.Canvas().Overlays().Top()
				notes, _ := find(top, func(e *dialogEntry) bool { return e.MultiLine })
				x.w.Canvas().Focus(notes)
				test.Type(notes, "first line")
				typeKey(x.w, fyne.KeyReturn)
				if x.w.Canvas().Overlays().Top() == nil || notes.Text != "first line\n" {
					t.Fatalf("Enter in the notes: dialog closed or notes %q; want a new line", notes.Text)
				}
				name, _ := find(top, func(e *dialogEntry) bool { return !e.MultiLine })
				x.w.Canvas().Focus(name)
				test.Type(name, "Spring Expo")
			},
			cancelled: func(t *testing.T, x window) {
				if n := events(t, x); n != x.events {
					t.Errorf("Esc: %d events, want the %d there were", n, x.events)
				}
			},
			confirmed: func(t *testing.T, x window) {
				if n := events(t, x); n != x.events+1 {
					t.Errorf("Enter: %d events, want %d", n, x.events+1)
				}
			}},
		{name: "Import", open: openImport, then: "Imported 2 new contacts.",
			cancelled: func(t *testing.T, x window) {
				if n := count(t, x); n != x.stored {
					t.Errorf("Esc: %d contacts, want the %d there were", n, x.stored)
				}
			},
			confirmed: func(t *testing.T, x window) {
				if n := count(t, x); n <= x.stored {
					t.Errorf("Enter: %d contacts, want more than %d", n, x.stored)
				}
			}},
		{name: "Same person?", under: true,
			open: func(t *testing.T, x window) {
				if x.m.imports.dialog == nil || x.w.Canvas().Overlays().Top() == nil {
					ann := contacts.Contact{FullName: "Ann Lee", Emails: []string{"ann@initech.example"}}
					if err := x.m.store.Add(context.Background(), &ann); err != nil {
						t.Fatal(err)
					}
					openImport(t, x)
				}
				for i, c := range x.m.imports.batch.Cards {
					if len(c.Matches) > 0 {
						x.m.imports.onCompare(i)
						return
					}
				}
				t.Fatal("no card to compare")
			},
			cancelled: func(t *testing.T, x window) {
				for _, c := range x.m.imports.batch.Cards {
					if len(c.Matches) > 0 && c.Action == app.ImportMerge {
						t.Error("Esc merged")
					}
				}
			},
			confirmed: func(t *testing.T, x window) {
				for _, c := range x.m.imports.batch.Cards {
					if len(c.Matches) > 0 && c.Action != app.ImportMerge {
						t.Errorf("Enter chose %v, want Merge", c.Action)
					}
				}
			}},
		{name: "Connect without encryption?", under: true,
			open: func(t *testing.T, x window) {
				keyring.MockInit()
				d := newSyncDialog(x.w, x.m.store, x.m.tasks, x.m.dates, nil)
				d.show()
				x.m.tasks.drain()
				test.Type(d.url, "http://127.0.0.1:1/dav/") // nothing listens there
				test.Type(d.user, "ana")
				typeKey(x.w, fyne.KeyReturn) // connects, which asks first
			},
			cancelled: func(t *testing.T, x window) {
				if got := setting(t, x.m.store, app.SettingDAVURL); got != "" || !strings.Contains(overlayText(x.w), "Not connected") {
					t.Errorf("Esc saved %q; the dialog says %q", got, overlayText(x.w))
				}
			},
			confirmed: func(t *testing.T, x window) {
				if got := setting(t, x.m.store, app.SettingDAVHTTP); got != "http://127.0.0.1:1/dav/" {
					t.Errorf("Enter did not agree to http: %q", got)
				}
			}},
		{name: "Restore",
			open: func(t *testing.T, x window) {
				b := sectionOf[*backupSettings](t, x.m)
				if len(b.backups) == 0 {
					test.Tap(b.backupNow)
					x.m.tasks.drain()
				}
				b.list.Select(0)
				test.Tap(b.restore)
				x.m.tasks.drain()
			},
			cancelled: func(t *testing.T, x window) {
				if b := sectionOf[*backupSettings](t, x.m); strings.Contains(b.status.Text, "Restored") {
					t.Errorf("Esc restored: %q", b.status.Text)
				}
			},
			confirmed: func(t *testing.T, x window) {
				if b := sectionOf[*backupSettings](t, x.m); !strings.Contains(b.status.Text, "Restored") {
					t.Errorf("Enter did not restore: %q", b.status.Text)
				}
			}},
		{name: "Export contacts", then: "Save File",
			open: func(t *testing.T, x window) { x.m.contacts.onExport() }},
		{name: "Export follow-ups to a calendar", then: "Save File",
			open: func(t *testing.T, x window) { x.m.reconnect.onExport(); x.m.tasks.drain() }},
		{name: "Sync with a CardDAV server", staysOpen: true,
			open: func(t *testing.T, x window) { newSyncDialog(x.w, x.m.store, x.m.tasks, x.m.dates, nil).show() },
			confirmed: func(t *testing.T, x window) {
				// Nothing typed yet: Enter connects, which says what is missing.
				if !strings.Contains(overlayText(x.w), "Enter the server's address and your user name.") {
					t.Errorf("Enter did not connect: %q", overlayText(x.w))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			people := apptest.Seed(t, store, today)
			m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
			x := window{m: m, w: w, people: people}
			x.events, x.stored = events(t, x), count(t, x)

			for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
				tt.open(t, x)
				m.tasks.drain()
				top := w.Canvas().Overlays().Top()
				if top == nil {
					t.Fatal("no dialog opened")
				}
				check := tt.cancelled
				if key == fyne.KeyReturn {
					check = tt.confirmed
					if tt.beforeEnter != nil {
						tt.beforeEnter(t, x)
					}
				}
				typeKey(w, key)
				m.tasks.drain()
				switch now := w.Canvas().Overlays().Top(); {
				case key == fyne.KeyReturn && tt.staysOpen:
					if now != top {
						t.Errorf("Enter closed the dialog")
					}
				case key == fyne.KeyReturn && tt.then != "":
					if now == top || !strings.Contains(overlayText(w), tt.then) {
						t.Errorf("after Enter the window shows %q, want %q", overlayText(w), tt.then)
					}
				case now == top || (now != nil && !tt.under):
					t.Fatalf("%s left a dialog open: %T %q", key, now, overlayText(w))
				}
				if check != nil {
					check(t, x)
				}
			}
		})
	}
}

// TestEveryControlInADialogTakesEnterAndEsc covers issue 21 B.1 where
// TestEveryDialogTakesEnterAndEsc does not reach: with the focus on any
// control of a dialog, reached with Tab as the keyboard does (a password
// entry, a radio button, a list, a check box…), Esc cancels the dialog,
// and Enter does what its confirm button does, except on a button, which
// Enter presses, and in a notes field, where it starts a new line. The
// buttons Fyne's dialogs make themselves take Enter but not Esc, and are
// left out.
func TestEveryControlInADialogTakesEnterAndEsc(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	type window struct {
		m      *mainWindow
		w      fyne.Window
		people map[string]contacts.Contact
	}
	history := func(x window, name string) *historyPanel {
		x.m.onOpenContact(x.people[name])
		x.m.tasks.drain()
		return x.m.contacts.history
	}
	tests := []struct {
		name string
		open func(t *testing.T, x window)
		// Enter leads to a dialog saying then, or keeps the dialog open
		// with then in it; escOnly: TestEveryDialogTakesEnterAndEsc
		// checks what Enter does there, and only Esc is tried.
		then               string
		staysOpen, escOnly bool
	}{
		{name: "Sync with a CardDAV server", staysOpen: true, then: "Enter the server's address and your user name.",
			open: func(t *testing.T, x window) { newSyncDialog(x.w, x.m.store, x.m.tasks, x.m.dates, nil).show() }},
		{name: "Export follow-ups to a calendar", then: "Save File",
			open: func(t *testing.T, x window) { x.m.reconnect.onExport() }},
		{name: "Export contacts", then: "Save File",
			open: func(t *testing.T, x window) { x.m.contacts.onExport() }},
		{name: "Import", then: "Imported",
			open: func(t *testing.T, x window) {
				path := filepath.Join(t.TempDir(), "phone.vcf")
				if err := os.WriteFile(path, []byte(apptest.PhoneExport), 0o600); err != nil {
					t.Fatal(err)
				}
				x.m.onDropped([]fyne.URI{storage.NewFileURI(path)})
			}},
		{name: "Add follow-up", escOnly: true, open: func(t *testing.T, x window) { history(x, "Uma Upcoming").onAdd() }},
		{name: "Log what happened", escOnly: true, open: func(t *testing.T, x window) { history(x, "Ned Nothing").onLog() }},
		{name: "Snooze", escOnly: true, open: func(t *testing.T, x window) { history(x, "Uma Upcoming").onSnoozeNext() }},
		{name: "Mark done", escOnly: true, open: func(t *testing.T, x window) { press(t, x.m, "done") }},
		{name: "New event", escOnly: true, open: func(t *testing.T, x window) { x.m.events.onNew() }},
		{name: "QR code", escOnly: true, open: func(t *testing.T, x window) { showQR(x.w, x.people["Olu Overdue"]) }},
		{name: "Keyboard shortcuts", escOnly: true, open: func(t *testing.T, x window) { press(t, x.m, "help") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newWindow := func() window {
				store := apptest.OpenStore(t)
				people := apptest.Seed(t, store, today)
				m, w, _ := newDesktopWindow(t, store, &apptest.FakeEngine{})
				return window{m: m, w: w, people: people}
			}
			// open opens the dialog on x and focuses its control n,
			// counted with Tab; it returns the dialog and the control,
			// nil past the last.
			open := func(x window, n int) (fyne.CanvasObject, fyne.Focusable) {
				t.Helper()
				tt.open(t, x)
				x.m.tasks.drain()
				c := x.w.Canvas()
				top := c.Overlays().Top()
				if top == nil {
					t.Fatal("no dialog opened")
				}
				c.Unfocus()
				var first fyne.Focusable
				for i := 0; i <= n; i++ {
					c.FocusNext()
					if i == 0 {
						first = c.Focused()
					} else if c.Focused() == first {
						return top, nil
					}
				}
				return top, c.Focused()
			}
			// Esc changes nothing: one window will do for it.
			x := newWindow()
			for n := 0; ; n++ {
				top, f := open(x, n)
				if f == nil {
					if n == 0 {
						t.Fatal("Tab reaches no control")
					}
					break
				}
				what := fmt.Sprintf("%T %d", f, n)
				switch b := f.(type) {
				case *widget.Button:
					continue // the dialog's own
				case *dialogButton:
					what = fmt.Sprintf("button %q", b.Text)
				}
				typeKey(x.w, fyne.KeyEscape)
				x.m.tasks.drain()
				if now := x.w.Canvas().Overlays().Top(); now == top {
					t.Errorf("Esc on %s left the dialog open", what)
					top.Hide()
				}

				if e, ok := f.(*dialogEntry); ok && e.MultiLine {
					continue
				}
				if _, ok := f.(*dialogButton); ok || tt.escOnly {
					continue
				}
				y := newWindow() // Enter does what the dialog is for
				top, _ = open(y, n)
				typeKey(y.w, fyne.KeyReturn)
				y.m.tasks.drain()
				now := y.w.Canvas().Overlays().Top()
				switch {
				case tt.staysOpen && (now != top || !strings.Contains(overlayText(y.w), tt.then)):
					t.Errorf("Enter on %s: the dialog says %q, want it open saying %q", what, overlayText(y.w), tt.then)
				case !tt.staysOpen && now == top:
					t.Errorf("Enter on %s left the dialog open", what)
				case !tt.staysOpen && !strings.Contains(overlayText(y.w), tt.then):
					t.Errorf("Enter on %s: the window shows %q, want %q", what, overlayText(y.w), tt.then)
				}
			}
		})
	}
}

// TestSyncPasswordCanBeShown: the sync dialog's password field, which
// takes Enter and Esc as the dialog's other fields, still has a button
// to show the password typed and hide it again.
func TestSyncPasswordCanBeShown(t *testing.T) {
	m, w, _ := newDesktopWindow(t, apptest.OpenStore(t), &apptest.FakeEngine{})
	d := newSyncDialog(w, m.store, m.tasks, m.dates, nil)
	d.show()
	m.tasks.drain()
	test.Type(d.password, "s3cret")
	reveal, ok := d.password.ActionItem.(*dialogButton)
	if !ok || !d.password.Password {
		t.Fatalf("the password field hides what is typed %v, has a button to show it %v", d.password.Password, ok)
	}
	for _, shown := range []bool{true, false} {
		test.Tap(reveal)
		if d.password.Password == shown || w.Canvas().Focused() != d.password {
			t.Errorf("tapped to show %v: hidden %v, the cursor back in the field %v", shown, d.password.Password, w.Canvas().Focused() == d.password)
		}
	}
	if d.password.Text != "s3cret" {
		t.Errorf("the password is %q", d.password.Text)
	}
}
