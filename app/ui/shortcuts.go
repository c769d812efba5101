package ui

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// A shortcut is a key that, held with Ctrl (Cmd on macOS), does one of the
// common things in the window. The menus show the same keys beside their
// items, and Help > Keyboard shortcuts lists them all.
type shortcut struct {
	id    string
	key   fyne.KeyName
	shift bool   // Shift as well
	group string // the heading it is listed under
	what  string
	do    func()
	// anytime marks the shortcuts that work while a dialog is open; the
	// others would act on the window behind it.
	anytime bool
}

// The groups shortcuts are listed in, in order.
const (
	groupWindow    = "Anywhere"
	groupReview    = "Reviewing scanned cards"
	groupFollowUps = "Follow-ups"
)

// keys is the key combination of s.
func (s shortcut) keys() *desktop.CustomShortcut {
	mod := fyne.KeyModifierShortcutDefault
	if s.shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: s.key, Modifier: mod}
}

// shortcuts are the window's keyboard shortcuts.
func (m *mainWindow) shortcuts() []shortcut {
	return []shortcut{
		{id: "scan", key: fyne.KeyN, group: groupWindow, what: "New scan: open card images", do: m.onNewScan},
		{id: "search", key: fyne.KeyF, group: groupWindow, what: "Search contacts", do: m.onSearch},
		{id: "import", key: fyne.KeyI, group: groupWindow, what: "Import a .vcf file", do: m.onImport},
		{id: "export", key: fyne.KeyE, group: groupWindow, what: "Export contacts as a .vcf file", do: m.onExport},
		{id: "reconnect", key: fyne.Key1, group: groupWindow, what: "Go to Reconnect", do: func() { m.tabs.Select(m.reconnectTab) }},
		{id: "contacts", key: fyne.Key2, group: groupWindow, what: "Go to Contacts", do: func() { m.tabs.Select(m.contactsTab) }},
		{id: "events", key: fyne.Key3, group: groupWindow, what: "Go to Events", do: func() { m.tabs.Select(m.eventsTab) }},
		{id: "scantab", key: fyne.Key4, group: groupWindow, what: "Go to Scan", do: func() { m.tabs.Select(m.scanTab) }},
		{id: "settings", key: fyne.KeyComma, group: groupWindow, what: "Settings", do: m.onSettings},
		{id: "help", key: fyne.KeySlash, group: groupWindow, what: "Show these shortcuts", do: m.onShowShortcuts, anytime: true},
		{id: "quit", key: fyne.KeyQ, group: groupWindow, what: "Quit", do: m.onQuit, anytime: true},

		{id: "save", key: fyne.KeyS, group: groupReview, what: "Save: the card under review and show the next, or the contact open in Contacts", do: m.onSave},
		{id: "next", key: fyne.KeyPageDown, group: groupReview, what: "Next card, keeping your edits to this one", do: m.onNextCard},
		{id: "previous", key: fyne.KeyPageUp, group: groupReview, what: "Previous card", do: m.onPreviousCard},

		{id: "done", key: fyne.KeyD, group: groupFollowUps, what: "Mark done: the follow-up picked in Reconnect (or the first), or the next one of the contact open", do: m.onMarkDone},
		{id: "snooze", key: fyne.KeyL, group: groupFollowUps, what: "Snooze it (later)", do: m.onSnooze},
	}
}

// shortcut returns the shortcut with the given id.
func (m *mainWindow) shortcut(id string) shortcut {
	for _, s := range m.shortcuts() {
		if s.id == id {
			return s
		}
	}
	panic("app: no shortcut " + id) // a typo in the menus, caught by the tests
}

// addShortcuts puts the shortcuts on the window's canvas. The menus carry
// them too: a focused text field takes the shortcuts typed into it, but
// the driver offers every shortcut to the main menu first.
func (m *mainWindow) addShortcuts() {
	for _, s := range m.shortcuts() {
		s := s
		m.win.Canvas().AddShortcut(s.keys(), func(fyne.Shortcut) { m.runShortcut(s) })
	}
}

// runShortcut does what s does, unless a dialog is open and s would act on
// the window behind it.
func (m *mainWindow) runShortcut(s shortcut) {
	if !s.anytime && m.win.Canvas().Overlays().Top() != nil {
		return
	}
	s.do()
}

// menuItem is a menu item that does what the shortcut with the given id
// does, and shows its keys.
func (m *mainWindow) menuItem(label, id string) *fyne.MenuItem {
	s := m.shortcut(id)
	item := fyne.NewMenuItem(label, func() { m.runShortcut(s) })
	item.Shortcut = s.keys()
	return item
}

// keyText is how s's keys read in the shortcuts list: "Ctrl+N", or on
// macOS "Cmd+N".
func keyText(s shortcut) string {
	var b strings.Builder
	if runtime.GOOS == "darwin" {
		b.WriteString("Cmd+")
	} else {
		b.WriteString("Ctrl+")
	}
	if s.shift {
		b.WriteString("Shift+")
	}
	switch s.key {
	case fyne.KeyPageDown:
		b.WriteString("Page Down")
	case fyne.KeyPageUp:
		b.WriteString("Page Up")
	default:
		b.WriteString(string(s.key))
	}
	return b.String()
}

// onShowShortcuts lists the keyboard shortcuts, under their groups.
func (m *mainWindow) onShowShortcuts() {
	list := container.NewVBox()
	group := ""
	// Wide enough for the longest keys, at any text size.
	keyWidth := widget.NewLabelWithStyle("Ctrl+Page Down", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}).MinSize().Width
	for _, s := range m.shortcuts() {
		if s.group != group {
			group = s.group
			list.Add(widget.NewLabelWithStyle(group, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		what := &widget.Label{Text: s.what, Wrapping: fyne.TextWrapWord}
		key := widget.NewLabelWithStyle(keyText(s), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		list.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(keyWidth, key.MinSize().Height), key), nil, what))
	}
	tab := hintLabel("Tab and Shift+Tab move between the controls; Space or Enter presses the one focused.")
	tab.Wrapping = fyne.TextWrapWord
	list.Add(tab)
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(list), m.win)
	d.Resize(fyne.NewSize(640, 600))
	newDialogKeys(m.win).show(d, d.Hide, nil)
}
