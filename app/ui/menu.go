package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"followthrough/app"
)

// mainMenu is the window's menu. Every item with a keyboard shortcut shows
// its keys.
func (m *mainWindow) mainMenu() *fyne.MainMenu {
	m.saveItem = m.menuItem("Save", "save")
	m.doneItem = m.menuItem("Mark done…", "done")
	m.snoozeItem = m.menuItem("Snooze…", "snooze")
	m.nextItem = m.menuItem("Next card", "next")
	m.previousItem = m.menuItem("Previous card", "previous")
	m.updateMenu()
	quit := m.menuItem("Quit", "quit")
	quit.IsQuit = true
	m.exportContacts = m.menuItem("Export contacts…", "export")
	m.exportCalendar = fyne.NewMenuItem("Export follow-ups to a calendar…", m.reconnect.onExport)
	m.file = fyne.NewMenu("File",
		m.menuItem("Scan cards…", "scan"),
		m.menuItem("Import .vcf…", "import"),
		m.exportContacts,
		m.exportCalendar,
		fyne.NewMenuItemSeparator(),
		m.saveItem,
		fyne.NewMenuItemSeparator(),
		m.menuItem("Settings…", "settings"),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	goMenu := fyne.NewMenu("Go",
		m.menuItem("Reconnect", "reconnect"),
		m.menuItem("Contacts", "contacts"),
		m.menuItem("Events", "events"),
		m.menuItem("Scan", "scantab"),
		fyne.NewMenuItemSeparator(),
		m.menuItem("Search contacts", "search"),
		fyne.NewMenuItemSeparator(),
		m.nextItem,
		m.previousItem,
	)
	followUp := fyne.NewMenu("Follow-ups", m.doneItem, m.snoozeItem)
	help := fyne.NewMenu("Help",
		m.menuItem("Keyboard shortcuts", "help"),
		fyne.NewMenuItem("About Follow Through", m.onAbout),
	)
	m.checkExports()
	return fyne.NewMainMenu(m.file, goMenu, followUp, m.syncMenu(), help)
}

// onNewScan goes to Scan and asks for card images.
func (m *mainWindow) onNewScan() {
	m.tabs.Select(m.scanTab)
	m.scan.onOpenFiles()
}

// onSearch goes to Contacts and puts the cursor in the search field.
func (m *mainWindow) onSearch() {
	m.tabs.Select(m.contactsTab)
	m.win.Canvas().Focus(m.contacts.search)
}

func (m *mainWindow) onImport() { m.imports.onChooseFile() }

// onExport exports the contacts listed in Contacts: everyone, unless a
// search, a tag or ticks say otherwise (the dialog says how many).
func (m *mainWindow) onExport() { m.contacts.onExport() }

// checkExports offers the exports only when there is something to
// export: the contacts when there are any, the calendar export when a
// follow-up is scheduled or was closed lately. It runs at each change.
func (m *mainWindow) checkExports() {
	m.tasks.inOrder(func(ctx context.Context) func() {
		people, err := m.store.Count(ctx)
		followUps, ferr := app.CalendarExportSize(ctx, m.store, m.clock.Now())
		return func() {
			if err != nil || ferr != nil {
				return // the exports say what is wrong when asked
			}
			m.reconnect.setExportable(followUps > 0)
			if m.file == nil {
				return // no menu
			}
			m.exportContacts.Disabled = people == 0
			m.exportCalendar.Disabled = followUps == 0
			m.file.Refresh()
		}
	})
}

func (m *mainWindow) onSettings() { m.tabs.Select(m.settingsTab) }

func (m *mainWindow) onAbout() {
	showAbout(m.win, m.about, m.store, m.openFolder)
}

// openFolder shows the folder at dir in the file manager.
func (m *mainWindow) openFolder(dir string) {
	u, err := openFolderURL(dir)
	if err == nil {
		err = m.app.OpenURL(u)
	}
	if err != nil {
		showError(m.win, "Could not open the folder "+dir, err)
	}
}

func (m *mainWindow) onQuit() {
	m.flushEdits()
	m.app.Quit()
}

// updateMenu disables the menu's items that cannot be done now: Save with
// nothing to save, Mark done and Snooze with no follow-up to act on, Next
// and Previous card with fewer than two cards under review.
func (m *mainWindow) updateMenu() {
	if m.saveItem == nil || m.tabs == nil {
		return // the menu or the screens are not made yet
	}
	changed := false
	turn := m.scan.canTurn()
	for it, can := range map[*fyne.MenuItem]bool{m.saveItem: m.canSave(), m.doneItem: m.canFollowUp(), m.snoozeItem: m.canSnooze(),
		m.nextItem: turn, m.previousItem: turn} {
		if it.Disabled == can {
			it.Disabled, changed = !can, true
		}
	}
	if mm := m.win.MainMenu(); changed && mm != nil {
		mm.Refresh()
	}
}

// canSave reports whether onSave has something to save.
func (m *mainWindow) canSave() bool {
	switch m.tabs.Selected() {
	case m.scanTab:
		return m.scan.reviewing() && !m.scan.saveNext.Disabled()
	case m.contactsTab:
		return m.contacts.current.ID != 0 && !m.contacts.save.Disabled()
	}
	return false
}

// canFollowUp reports whether onMarkDone and onSnooze have someone to
// act on: in Reconnect anyone listed, in Contacts the contact open.
func (m *mainWindow) canFollowUp() bool {
	switch m.tabs.Selected() {
	case m.reconnectTab:
		_, ok := m.reconnect.target()
		return ok
	case m.contactsTab:
		return m.contacts.current.ID != 0
	}
	return false
}

// canSnooze reports whether onSnooze has a follow-up to put off: Mark
// done with none logs what happened instead, but nothing is snoozed.
func (m *mainWindow) canSnooze() bool {
	if !m.canFollowUp() {
		return false
	}
	if m.tabs.Selected() == m.contactsTab {
		_, ok := m.contacts.history.next()
		return ok
	}
	return true
}

// onSave saves what is being edited: the card under review in Scan (and
// shows the next), or the contact open in Contacts.
func (m *mainWindow) onSave() {
	if !m.canSave() {
		return
	}
	switch m.tabs.Selected() {
	case m.scanTab:
		m.scan.onSave(true)
	case m.contactsTab:
		m.contacts.onSave()
	}
}

func (m *mainWindow) onNextCard() {
	if m.scan.reviewing() {
		m.tabs.Select(m.scanTab)
		m.scan.onNextCard()
	}
}

func (m *mainWindow) onPreviousCard() {
	if m.scan.reviewing() {
		m.tabs.Select(m.scanTab)
		m.scan.onPreviousCard()
	}
}

// onMarkDone marks a follow-up done, after asking how it went: in
// Reconnect the one picked, or the most urgent; in Contacts the next one
// of the contact open.
func (m *mainWindow) onMarkDone() {
	switch m.tabs.Selected() {
	case m.reconnectTab:
		if e, ok := m.reconnect.target(); ok {
			m.reconnect.onDone(e, e.FollowUp)
		}
	case m.contactsTab:
		if m.contacts.current.ID != 0 {
			m.contacts.history.onDoneNext()
		}
	}
}

// onSnooze offers to put off the same follow-up as onMarkDone would mark.
func (m *mainWindow) onSnooze() {
	switch m.tabs.Selected() {
	case m.reconnectTab:
		if e, ok := m.reconnect.target(); ok {
			m.reconnect.askSnooze(e, e.FollowUp)
		}
	case m.contactsTab:
		if m.contacts.current.ID != 0 {
			m.contacts.history.onSnoozeNext()
		}
	}
}
