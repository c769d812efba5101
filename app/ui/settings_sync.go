package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// syncSettings set up the CardDAV account: the same server, user name,
// password and address book as the Sync dialog, which it shows in place.
type syncSettings struct {
	dialog *syncDialog
	box    *fyne.Container
}

func newSyncSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, dates contacts.DateFormat, onChanged func()) *syncSettings {
	return &syncSettings{dialog: newSyncDialog(win, store, tasks, dates, onChanged)}
}

func (s *syncSettings) buildUI() fyne.CanvasObject {
	intro := widget.NewLabel("Keep your contacts in step with an address book on a CardDAV server " +
		"(Nextcloud, Fastmail, iCloud, Radicale) that your phone syncs with too. " +
		"The password goes to the system keyring, never into a file.")
	intro.Wrapping = fyne.TextWrapWord
	s.box = container.NewStack(hintLabel("Loading…"))
	s.refresh()
	return container.NewVBox(intro, s.box)
}

// refresh shows the account as saved now, if the Sync dialog changed it
// since it was shown here; otherwise what is being typed stays.
func (s *syncSettings) refresh() {
	shown := s.dialog.settings
	s.dialog.load(func() {
		if s.dialog.url != nil && s.dialog.settings == shown {
			return
		}
		s.box.Objects = []fyne.CanvasObject{s.dialog.buildUI()}
		s.box.Refresh()
	})
}
