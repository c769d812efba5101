// Package ui is Follow Through's desktop window, built with Fyne: the
// shell (window, menu, shortcuts, tray, theme) and one file per screen and
// dialog.
//
// Each screen is a struct holding its widgets and what it needs, with a
// constructor, a buildUI method and onX methods for what the user does.
// Slow work runs in goroutines; widgets change only inside fyne.Do, and
// the UI goroutine never waits on a worker.
package ui

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/review"
	"followthrough/assets"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// Run opens the main window and returns when it is closed. Card images or
// folders in scan are read for review straight away, as when the app is
// opened with files from a file manager.
func Run(ctx context.Context, store *sqlite.Store, scan []string) error {
	if err := checkDisplay(thisSystem, headless, os.Getenv); err != nil {
		return err
	}
	a := fyneapp.NewWithID(app.ID)
	setAppMetadata(a)
	a.SetIcon(assets.Icon)
	applyTheme(a)
	w := a.NewWindow(app.About().Name)
	m := newMainWindow(ctx, a, w, store, app.NewEngine, nil, app.SystemDateFormat(os.Getenv))
	w.SetContent(m.buildUI())
	w.SetMainMenu(m.mainMenu())
	m.addShortcuts()
	if desk, ok := a.(desktop.App); ok && canStartTray() {
		m.startTray(desk)
	}
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { m.onDropped(uris) })
	w.Resize(fyne.NewSize(1180, 760))
	if len(scan) > 0 {
		m.openPaths(scan)
	}
	go func() {
		<-ctx.Done()
		fyne.Do(a.Quit)
	}()
	go m.remind(ctx)
	go m.scan.keepDrafts(ctx, fyne.Do)
	m.checkDataDir()
	w.ShowAndRun()
	return nil
}

// openReviewQueue opens the cards waiting for review, kept in the data
// folder; where it cannot, in a temporary folder, for this session only.
func openReviewQueue(store *sqlite.Store) *review.Queue {
	q, err := review.Open(filepath.Join(store.Dir(), "review"))
	if err == nil {
		return q
	}
	log.Printf("scan: %v", err)
	dir, terr := os.MkdirTemp("", "followthrough-review-")
	if terr == nil {
		q, err = review.Open(dir)
	}
	if terr != nil || err != nil {
		log.Fatalf("scan: no folder for the cards to review: %v %v", terr, err)
	}
	return q
}

// checkDataDir says so when the data folder chosen in Settings is not
// there (a disk not mounted) and the usual one was opened instead, rather
// than let an empty list speak.
func (m *mainWindow) checkDataDir() {
	if _, err := app.MovedDataDir(); err != nil && m.store.Dir() == app.StandardDataDir() {
		showInformation(m.win, "Data folder not found",
			fmt.Sprintf("Follow Through could not find your data where you moved it: %s.\n\nIt opened %s instead. "+
				"If the folder you moved to is on a disk that is not connected, quit, connect it and start again.",
				app.Reason(err), m.store.Dir()))
	}
}

// mainWindow holds the places of the app: Reconnect, Contacts, Events,
// Scan and Settings.
type mainWindow struct {
	app   fyne.App
	win   fyne.Window
	store *sqlite.Store
	tasks *tasks
	clock app.Clock
	dates contacts.DateFormat // how days are written, from the system's locale
	about app.Metadata        // the name and version, for About
	// trayShown reports whether the desktop shows a system tray now.
	trayShown func() bool

	tabs         *container.AppTabs
	reconnect    *reconnectScreen
	contacts     *contactsScreen
	events       *eventsScreen
	scan         *scanScreen
	watcher      *folderWatcher
	imports      *importScreen
	settings     *settingsScreen
	reconnectTab *container.TabItem
	contactsTab  *container.TabItem
	eventsTab    *container.TabItem
	scanTab      *container.TabItem
	settingsTab  *container.TabItem
	reminder     *app.Reminder
	done         *doneLine // the line that says a follow-up was done, with Undo

	// The File menu and its exports, offered only with something to
	// export (checkExports); nil until the menu is made.
	file                           *fyne.Menu
	exportContacts, exportCalendar *fyne.MenuItem

	tray       *tray // nil where the app has no system tray
	toldInTray bool  // whether the user was told the app stays in the tray

	// The menu's items that can be done only now and then, disabled
	// when they cannot.
	saveItem, doneItem, snoozeItem, nextItem, previousItem *fyne.MenuItem
}

// newMainWindow makes the window's screens; their work runs in ctx, and
// they write days in dates.
func newMainWindow(ctx context.Context, a fyne.App, w fyne.Window, store *sqlite.Store, newEngine func(langs []string) (ocr.Engine, error), clock app.Clock, dates contacts.DateFormat) *mainWindow {
	m := &mainWindow{app: a, win: w, store: store, tasks: &tasks{ctx: ctx}, clock: clock, dates: dates, about: app.About(), trayShown: hasTrayHost}
	keepFilesUntilWritten()
	m.done = newDoneLine(w, store, m.tasks, clock, dates, m.onDone)
	m.reconnect = newReconnectScreen(w, store, m.tasks, clock, dates, m.done, m.onOpenContact, m.onChanged)
	m.contacts = newContactsScreen(w, store, m.tasks, clock, dates, m.done, m.onChanged)
	m.events = newEventsScreen(w, store, m.tasks, clock, dates, m.onOpenContact)
	m.reminder = &app.Reminder{Remind: func(n app.Notification) {
		a.SendNotification(fyne.NewNotification(n.Title, n.Content))
	}}
	m.scan = newScanScreen(w, store, openReviewQueue(store), m.tasks, clock, newEngine, m.onSaved)
	m.scan.dates = dates
	m.scan.onReconnect = func() { m.tabs.Select(m.reconnectTab) }
	m.scan.onWaiting = func() { m.tabs.Select(m.scanTab) }
	m.watcher = newFolderWatcher(store, m.tasks, newEngine, m.scan.keepArrival, func(err error) {
		showError(w, "Could not watch the folder", err)
	})
	m.imports = newImportScreen(w, store, m.tasks, dates, func() {
		m.onChanged()
		m.contacts.refresh()
	})
	m.contacts.onImport = m.imports.onChooseFile
	m.contacts.onScan = func() { m.tabs.Select(m.scanTab) }
	m.reconnect.onScan = func() { m.tabs.Select(m.scanTab) }
	m.contacts.onState, m.reconnect.onState, m.scan.onState = m.updateMenu, m.updateMenu, m.updateMenu
	// However the app quits (Ctrl+Q and the tray's Quit go through
	// onQuit), what was typed is kept; closing the window keeps it here.
	// Not in the lifecycle's OnStopped: Fyne 2.7 runs that hook on the
	// main loop after the loop has ended, and the app never exits.
	w.SetOnClosed(m.flushEdits)
	return m
}

func (m *mainWindow) buildUI() fyne.CanvasObject {
	m.reconnectTab = container.NewTabItemWithIcon("Reconnect", theme.HomeIcon(), m.reconnect.buildUI())
	m.contactsTab = container.NewTabItemWithIcon("Contacts", theme.AccountIcon(), m.contacts.buildUI())
	m.eventsTab = container.NewTabItemWithIcon("Events", theme.CalendarIcon(), m.events.buildUI())
	m.scanTab = container.NewTabItemWithIcon("Scan", theme.FileImageIcon(), m.scan.buildUI())
	m.settings = newSettingsScreen(m.settingsSections(), m.tasks.later)
	m.settingsTab = container.NewTabItemWithIcon("Settings", theme.SettingsIcon(), m.settings.buildUI())
	m.tabs = container.NewAppTabs(m.reconnectTab, m.contactsTab, m.eventsTab, m.scanTab, m.settingsTab)
	m.tabs.SetTabLocation(container.TabLocationLeading)
	m.tabs.OnSelected = func(t *container.TabItem) {
		if t == m.settingsTab {
			m.settings.refresh()
		}
		m.updateMenu()
	}
	m.checkEmpty()
	m.checkExports()
	m.watcher.load()
	return container.NewBorder(nil, m.done.buildUI(), nil, nil, m.tabs)
}

// onDropped reads what is dropped anywhere on the window: .vcf files to
// import, card images and folders to scan.
func (m *mainWindow) onDropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	m.openPaths(paths)
}

// openPaths imports the .vcf files in paths and reads the rest as card
// images or folders of them.
func (m *mainWindow) openPaths(paths []string) {
	var vcfs, images []string
	for _, p := range paths {
		if isVCardFile(p) {
			vcfs = append(vcfs, p)
		} else {
			images = append(images, p)
		}
	}
	if len(vcfs) > 0 {
		m.imports.open(vcfs)
	}
	if len(images) > 0 {
		m.tabs.Select(m.scanTab)
		m.scan.read(images)
	}
}

// isVCardFile reports whether path names a vCard file.
func isVCardFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".vcf" || ext == ".vcard"
}

func (m *mainWindow) onOpenContact(c contacts.Contact) {
	m.tabs.Select(m.contactsTab)
	m.contacts.open(c)
}

func (m *mainWindow) onSaved(c contacts.Contact, open bool) {
	m.onChanged()
	m.contacts.refresh()
	if open {
		m.onOpenContact(c)
	}
}

// onSynced refreshes what a sync can have changed.
func (m *mainWindow) onSynced() {
	m.onChanged()
	m.contacts.refresh()
}

// onDone refreshes what a follow-up done, or its undo, changes: what
// onChanged does, and the contact's page if it is open.
func (m *mainWindow) onDone() {
	m.onChanged()
	if h := m.contacts.history; h != nil && h.contact.ID != 0 {
		h.show(h.contact)
	}
}

// onChanged refreshes what depends on the contacts and their follow-ups.
func (m *mainWindow) onChanged() {
	m.reconnect.refresh()
	m.events.refresh()
	m.checkEmpty()
	m.checkExports()
	m.updateTray()
}

// remind checks, now and then every minute while the app runs, whether a
// follow-up has come due, and sends one summary notification if so.
func (m *mainWindow) remind(ctx context.Context) {
	m.remindNow()
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.remindNow()
		}
	}
}

// remindNow sends a reminder if one is due now, within the notification
// hours, and shows in the tray how many follow-ups are due today.
func (m *mainWindow) remindNow() {
	// On a goroutine of its own: with thousands overdue it takes a while,
	// and the screens' jobs need not wait for it.
	m.tasks.onItsOwn(func(ctx context.Context) {
		entries, err := app.DueToday(ctx, m.store, m.clock.Today())
		hours, herr := app.LoadNotifyHours(ctx, m.store)
		m.tasks.onUI(func() {
			if err != nil {
				log.Printf("reminder: %v", err)
				return
			}
			if herr != nil {
				log.Printf("reminder: %v", herr) // and keep the hours it had
			} else {
				m.reminder.Hours = hours
			}
			m.reminder.Check(entries, m.clock.Now())
			m.tray.update(entries, m.clock.Today())
		})
	})
}

// updateTray counts again what the tray shows.
func (m *mainWindow) updateTray() {
	if m.tray == nil {
		return
	}
	m.tasks.onItsOwn(func(ctx context.Context) {
		entries, err := app.DueToday(ctx, m.store, m.clock.Today())
		m.tasks.onUI(func() {
			if err != nil {
				log.Printf("tray: %v", err)
				return
			}
			m.tray.update(entries, m.clock.Today())
		})
	})
}

// flushEdits keeps what was typed and not yet saved, as the app quits:
// the card under review as a draft, the open contact saved.
func (m *mainWindow) flushEdits() {
	m.scan.flushDraft()
	m.contacts.flushEdits()
}

// checkEmpty offers the sample cards while the database is empty.
func (m *mainWindow) checkEmpty() {
	m.tasks.inOrder(func(ctx context.Context) func() {
		n, err := m.store.Count(ctx)
		return func() { m.scan.offerSamples(err == nil && n == 0) }
	})
}

// showError logs err and tells the user what failed and why, in words
// they can act on (app.Reason).
func showError(win fyne.Window, what string, err error) {
	log.Printf("%s: %v", what, err)
	keyedError(win, fmt.Errorf("%s.\n\n%s", what, app.Reason(err)))
}

// oneLineLabel is s as a label that shows one line shows it: on one line,
// and cut short, since the label shows no more than fits and measuring a
// long text to find out takes time in proportion to it.
func oneLineLabel(s string) string {
	const most = 300
	s = oneLine(s)
	if len(s) <= most {
		return s
	}
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	return string(r[:most]) + "…"
}

// hintLabel is a label for secondary text: a count, a hint, something
// cancelled. It is italic rather than LowImportance, which Fyne draws in
// the disabled colour, too faint to read in the dark theme.
func hintLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
