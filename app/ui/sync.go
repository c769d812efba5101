package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/sqlite"
)

// sentence is err's message as a sentence: capitalised, with a full stop.
func sentence(err error) string {
	msg := err.Error()
	if msg == "" {
		return ""
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// syncMenu is the window's menu that opens the sync dialog.
func (m *mainWindow) syncMenu() *fyne.Menu {
	return fyne.NewMenu("Sync", fyne.NewMenuItem("Sync with a CardDAV server…", func() {
		newSyncDialog(m.win, m.store, m.tasks, m.dates, m.onSynced).show()
	}))
}

// syncDialog sets up sync with a CardDAV server (the server, the user and
// password, the address book) and syncs: it shows what was pushed and
// pulled, asks which side wins each conflict, and asks before deleting.
type syncDialog struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	dates     contacts.DateFormat
	onChanged func()

	settings  app.DAVSettings
	books     []davsync.AddressBook
	calendars []davsync.Calendar

	url, user        *dialogEntry
	password         *dialogEntry
	book             *dialogSelect
	calendar         *dialogSelect // where follow-ups are pushed, or notPushed
	as               *dialogRadio  // as to-dos or events
	status           *widget.Label
	connect, syncNow *dialogButton
	dlg              *dialog.CustomDialog
	keys             *dialogKeys
}

func newSyncDialog(win fyne.Window, store *sqlite.Store, tasks *tasks, dates contacts.DateFormat, onChanged func()) *syncDialog {
	return &syncDialog{win: win, store: store, tasks: tasks, dates: dates, onChanged: onChanged}
}

// show loads the settings and shows the dialog.
func (d *syncDialog) show() {
	d.load(func() {
		d.dlg = dialog.NewCustom("Sync with a CardDAV server", "Close", d.buildUI(), d.win)
		d.dlg.Resize(fyne.NewSize(560, 0))
		d.keys.show(d.dlg, d.onEnter, nil)
	})
}

// load loads the settings in the background, then calls then.
func (d *syncDialog) load(then func()) {
	d.tasks.inOrder(func(ctx context.Context) func() {
		s, err := app.LoadDAVSettings(ctx, d.store)
		return func() {
			if err != nil {
				showError(d.win, "Could not read the sync settings", err)
				return
			}
			d.settings = s
			then()
		}
	})
}

func (d *syncDialog) buildUI() fyne.CanvasObject {
	d.keys = newDialogKeys(d.win)
	d.url = d.keys.entry()
	d.url.SetPlaceHolder("https://cloud.example.com/remote.php/dav")
	d.url.SetText(d.settings.URL)
	d.user = d.keys.entry()
	d.user.SetText(d.settings.User)
	d.password = d.keys.passwordEntry()
	d.password.SetPlaceHolder("kept in the system keyring")
	d.book = d.keys.selection(nil, func(string) { d.onBook() })
	d.book.PlaceHolder = "Connect to choose"
	if d.settings.Book != "" {
		d.books = []davsync.AddressBook{{Path: d.settings.Book, Name: d.settings.Book}}
		d.book.Options = []string{d.settings.Book}
		d.book.Selected = d.settings.Book
	}
	enableIf(d.book, len(d.book.Options) > 0) // nothing to choose before connecting
	d.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.connect = d.keys.button("Connect", theme.LoginIcon(), d.onConnect)
	d.syncNow = d.keys.button("Sync now", theme.ViewRefreshIcon(), d.onSync)
	d.syncNow.Importance = widget.HighImportance
	if d.settings.Book == "" {
		d.syncNow.Disable()
	}
	d.calendar = d.keys.selection([]string{notPushed}, func(string) { d.onCalendar() })
	d.calendar.Selected = notPushed
	if d.settings.Calendar != "" {
		d.calendars = []davsync.Calendar{{Path: d.settings.Calendar, Name: d.settings.Calendar}}
		d.calendar.Options = append(d.calendar.Options, d.settings.Calendar)
		d.calendar.Selected = d.settings.Calendar
	}
	d.as = d.keys.radio([]string{asToDos, asEvents}, nil)
	d.as.Horizontal = true
	d.as.SetSelected(asToDos)
	if d.settings.AsEvents {
		d.as.SetSelected(asEvents)
	}
	d.as.OnChanged = func(string) { d.onCalendar() }
	form := widget.NewForm(
		widget.NewFormItem("Server", d.url),
		widget.NewFormItem("User name", d.user),
		widget.NewFormItem("Password", d.password),
		widget.NewFormItem("Address book", container.NewBorder(nil, nil, nil, d.connect, d.book)),
		widget.NewFormItem("Follow-ups to", container.NewBorder(nil, nil, nil, d.as, d.calendar)),
	)
	return container.NewVBox(form, container.NewHBox(layoutSpacer(), d.syncNow), d.status)
}

// onEnter syncs once an address book is chosen, and connects before.
func (d *syncDialog) onEnter() {
	if !d.syncNow.Disabled() {
		pressing(d.syncNow)()
		return
	}
	pressing(d.connect)()
}

// onConnect saves the settings and password and lists the address books
// to choose from. A plain-http address needs the user's agreement first.
func (d *syncDialog) onConnect() {
	url := strings.TrimSpace(d.url.Text)
	if url == "" || strings.TrimSpace(d.user.Text) == "" {
		d.status.SetText("Enter the server's address and your user name.")
		return
	}
	if !strings.Contains(url, "://") {
		url = "https://" + url // HTTPS unless the user says otherwise
		d.url.SetText(url)
	}
	if app.IsPlainHTTP(url) && !(d.settings.AllowHTTP && d.settings.URL == url) {
		msg := widget.NewLabel("This address starts with http://, so your password and contacts\n" +
			"would cross the network unencrypted. Use it only for a server on\n" +
			"this computer or a network you trust; otherwise use https://.")
		c := dialog.NewCustomConfirm("Connect without encryption?", "Use http", "Cancel", msg, func(ok bool) {
			if ok {
				d.connectTo(true)
			} else {
				d.status.SetText("Not connected: change the address to https:// or agree to use http.")
			}
		}, d.win)
		newDialogKeys(d.win).show(c, c.Confirm, nil)
		return
	}
	d.connectTo(app.IsPlainHTTP(url))
}

// connectTo saves the settings and the password, and lists the address
// books; allowHTTP records the user's agreement to plain http.
func (d *syncDialog) connectTo(allowHTTP bool) {
	s := app.DAVSettings{URL: strings.TrimSpace(d.url.Text), User: strings.TrimSpace(d.user.Text),
		Book: d.settings.Book, AllowHTTP: allowHTTP, Calendar: d.settings.Calendar, AsEvents: d.settings.AsEvents}
	if s.URL != d.settings.URL || s.User != d.settings.User {
		s.Book, s.Calendar = "", "" // another account: choose again
	}
	pw := d.password.Text
	d.connect.Disable()
	d.syncNow.Disable()
	d.status.SetText("Connecting…")
	d.tasks.onItsOwn(func(ctx context.Context) {
		var notes []string
		err := app.SaveDAVSettings(ctx, d.store, s)
		saved := err == nil
		keyring := true
		if err == nil && pw != "" {
			if kerr := app.SavePassword(s.URL, s.User, pw); kerr != nil {
				notes = append(notes, sentence(kerr))
				keyring = false
			}
		}
		var books []davsync.AddressBook
		var cals []davsync.Calendar
		if err == nil {
			books, err = app.ListBooks(ctx, s)
		}
		if err == nil {
			// An account without CalDAV still syncs its contacts.
			cals, _ = app.ListCalendars(ctx, s)
		}
		d.tasks.onUI(func() {
			d.connect.Enable()
			d.password.SetText("")
			if !keyring {
				d.password.SetPlaceHolder("kept until Follow Through closes")
			}
			if saved {
				d.settings = s
			}
			if err != nil {
				d.status.SetText(strings.Join(append(notes, "Could not connect: "+app.Reason(err)), "\n"))
				return
			}
			d.showCalendars(cals, s.Calendar)
			d.books = books
			names := make([]string, len(books))
			for i, b := range books {
				names[i] = b.Name
			}
			d.book.SetOptions(names)
			enableIf(d.book, len(names) > 0)
			switch {
			case len(books) == 0:
				notes = append(notes, "Connected, but this account has no address book: create one on the server.")
			case len(books) == 1:
				notes = append(notes, fmt.Sprintf("Connected to the address book %q. Press Sync now.", books[0].Name))
			default:
				notes = append(notes, fmt.Sprintf("Connected: choose one of %d address books.", len(books)))
			}
			d.status.SetText(strings.Join(notes, "\n"))
			for i, b := range books {
				if b.Path == s.Book || len(books) == 1 {
					d.book.SetSelectedIndex(i)
				}
			}
		})
	})
}

// onBook saves the address book chosen.
func (d *syncDialog) onBook() {
	i := d.book.SelectedIndex()
	if i < 0 || i >= len(d.books) {
		return
	}
	d.settings.Book = d.books[i].Path
	d.syncNow.Enable()
	s := d.settings
	d.tasks.inOrder(func(ctx context.Context) func() {
		err := app.SaveDAVSettings(ctx, d.store, s)
		return func() {
			if err != nil {
				showError(d.win, "Could not save the sync settings", err)
			}
		}
	})
}

// What the follow-ups' choices say.
const (
	notPushed = "Not pushed"
	asToDos   = "To-dos"
	asEvents  = "Events"
)

// showCalendars offers cals for the follow-ups, with current chosen.
func (d *syncDialog) showCalendars(cals []davsync.Calendar, current string) {
	d.calendars = cals
	names := []string{notPushed}
	chosen := 0
	for i, c := range cals {
		names = append(names, c.Name)
		if c.Path == current {
			chosen = i + 1
		}
	}
	d.calendar.Options = names
	d.calendar.SetSelectedIndex(chosen)
}

// onCalendar saves the calendar and the kind chosen for follow-ups.
func (d *syncDialog) onCalendar() {
	if d.calendar == nil || d.as == nil {
		return
	}
	cal := ""
	if i := d.calendar.SelectedIndex(); i > 0 && i <= len(d.calendars) {
		cal = d.calendars[i-1].Path
	}
	asEvents := d.as.Selected == asEvents
	if cal == d.settings.Calendar && asEvents == d.settings.AsEvents {
		return
	}
	d.settings.Calendar, d.settings.AsEvents = cal, asEvents
	s := d.settings
	d.tasks.inOrder(func(ctx context.Context) func() {
		err := app.SaveDAVSettings(ctx, d.store, s)
		return func() {
			if err != nil {
				showError(d.win, "Could not save the sync settings", err)
			}
		}
	})
}

// onSync syncs with the chosen address book, and pushes the follow-ups to
// the chosen calendar, then asks about conflicts and deletions.
func (d *syncDialog) onSync() {
	s := d.settings
	if s.Book == "" {
		d.status.SetText("Connect and choose an address book first.")
		return
	}
	pw := d.password.Text
	d.password.SetText("")
	d.syncNow.Disable()
	d.status.SetText("Syncing…")
	d.tasks.onItsOwn(func(ctx context.Context) {
		var res davsync.Result
		var note string
		if pw != "" {
			// Typed but not yet saved by Connect.
			if err := app.SavePassword(s.URL, s.User, pw); err != nil {
				note = sentence(err) + "\n"
			}
		}
		c, err := app.DialAccount(s, "")
		syncer := &davsync.Syncer{Store: d.store, Client: c, Book: s.Book}
		if err == nil {
			res, err = syncer.Sync(ctx)
		}
		calendar := ""
		if err == nil && s.Calendar != "" {
			cres, cerr := app.PushFollowUps(ctx, d.store, c, s)
			calendar = "Follow-ups in the calendar: " + cres.String()
			if cerr != nil {
				calendar = "Could not push the follow-ups: " + app.Reason(cerr)
			}
			for _, e := range cres.Failed {
				calendar += "\n• " + app.Reason(e)
			}
		}
		d.tasks.onUI(func() {
			d.syncNow.Enable()
			if err != nil {
				d.status.SetText(note + "Could not sync: " + app.Reason(err))
				return
			}
			d.report(res)
			if calendar != "" {
				d.status.SetText(d.status.Text + "\n" + calendar)
			}
			if note != "" {
				d.status.SetText(note + d.status.Text)
			}
			if d.onChanged != nil && res.Pulled > 0 {
				d.onChanged()
			}
			d.resolveConflicts(syncer, res.Conflicts, func() { d.confirmDeletions(syncer, res.Deletions) })
		})
	})
}

// report shows what a sync did.
func (d *syncDialog) report(res davsync.Result) {
	lines := []string{res.String()}
	for _, err := range res.Failed {
		lines = append(lines, "• "+app.Reason(err))
	}
	d.status.SetText(strings.Join(lines, "\n"))
}

// resolveConflicts asks, one conflict at a time, which side wins, and then
// calls next.
func (d *syncDialog) resolveConflicts(syncer *davsync.Syncer, cs []davsync.Conflict, next func()) {
	if len(cs) == 0 {
		next()
		return
	}
	cf, rest := cs[0], cs[1:]
	var dlg *dialog.CustomDialog
	choose := func(keepMine bool) {
		dlg.Hide()
		d.tasks.onItsOwn(func(ctx context.Context) {
			err := syncer.Resolve(ctx, cf, keepMine)
			d.tasks.onUI(func() {
				if err != nil {
					showError(d.win, "Could not resolve the conflict", err)
				} else if d.onChanged != nil {
					d.onChanged()
				}
				d.resolveConflicts(syncer, rest, next)
			})
		})
	}
	keys := newDialogKeys(d.win)
	mine := keys.button("Keep mine", nil, func() { choose(true) })
	theirs := keys.button("Keep the server's", nil, func() { choose(false) })
	later := keys.button("Decide later", nil, func() {
		dlg.Hide()
		d.resolveConflicts(syncer, rest, next)
	})
	intro := widget.NewLabel(fmt.Sprintf("%s was changed here and on the server since the last sync. "+
		"Nothing has been overwritten: choose which version to keep.", cf.Name()))
	intro.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons("Conflict: "+cf.Name(),
		container.NewBorder(intro, nil, nil, nil, container.NewVScroll(conflictTable(cf, d.dates))), d.win)
	dlg.SetButtons([]fyne.CanvasObject{later, theirs, mine})
	dlg.Resize(fyne.NewSize(640, 480))
	// Enter keeps what was changed here; Esc leaves it for later.
	keys.show(dlg, pressing(mine), pressing(later))
}

// conflictTable shows the two versions of a contact side by side, the
// fields that differ in bold.
func conflictTable(cf davsync.Conflict, dates contacts.DateFormat) fyne.CanvasObject {
	bold := fyne.TextStyle{Bold: true}
	// One grid a row, so that each row is only as tall as its own lines.
	rows := container.NewVBox(container.NewGridWithColumns(3,
		widget.NewLabel(""),
		widget.NewLabelWithStyle("Mine (here)", fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle("The server's", fyne.TextAlignLeading, bold)))
	for _, row := range conflictRows(cf, dates) {
		style := fyne.TextStyle{Bold: row.differs}
		line := container.NewGridWithColumns(3)
		for _, text := range []string{row.label, row.mine, row.theirs} {
			l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
			l.Truncation = fyne.TextTruncateEllipsis
			line.Add(l)
		}
		rows.Add(line)
	}
	return rows
}

// A conflictRow is one field of a conflict's two versions.
type conflictRow struct {
	label, mine, theirs string
	differs             bool
}

// conflictRows returns the fields of a conflict's two versions that either
// has, days written in dates; a deleted version reads "(deleted)".
func conflictRows(cf davsync.Conflict, dates contacts.DateFormat) []conflictRow {
	mine, theirs := contactFields(cf.Mine, dates), contactFields(cf.Theirs, dates)
	var rows []conflictRow
	for i := range mine {
		r := conflictRow{label: mine[i][0], mine: mine[i][1], theirs: theirs[i][1]}
		if r.mine == "" && r.theirs == "" {
			continue
		}
		r.differs = r.mine != r.theirs
		rows = append(rows, r)
	}
	deleted := conflictRow{label: "", mine: "", theirs: "", differs: true}
	switch {
	case cf.MineDeleted:
		deleted.mine = "(deleted)"
	case cf.TheirsDeleted:
		deleted.theirs = "(deleted)"
	default:
		return rows
	}
	return append([]conflictRow{deleted}, rows...)
}

// contactFields returns the fields of c that a card carries, labelled, in
// a fixed order.
func contactFields(c contacts.Contact, dates contacts.DateFormat) [][2]string {
	var phones []string
	for _, p := range c.Phones {
		phones = append(phones, contacts.JoinNonEmpty(" ", p.Number, "("+string(p.Kind)+")"))
	}
	met := ""
	if !c.MetOn.IsZero() {
		met = dates.Day(c.MetOn)
	}
	return [][2]string{
		{"Name", c.FullName}, {"Company", c.Company}, {"Title", c.Title},
		{"Phones", strings.Join(phones, "\n")}, {"Emails", strings.Join(c.Emails, "\n")},
		{"Websites", strings.Join(c.Websites, "\n")}, {"Addresses", c.AddressText()},
		{"Event", c.Event}, {"Met on", met}, {"Introduced by", c.IntroducedBy},
		{"Talked about", c.TalkedAbout}, {"Tags", strings.Join(c.Tags, ", ")}, {"Note", c.Note},
	}
}

// confirmDeletions lists the contacts deleted on one side and asks before
// deleting them on the other.
func (d *syncDialog) confirmDeletions(syncer *davsync.Syncer, ds []davsync.Deletion) {
	if len(ds) == 0 {
		return
	}
	var here, there []string
	for _, del := range ds {
		if del.OnServer {
			there = append(there, "• "+del.Contact.DisplayName())
		} else {
			here = append(here, "• "+del.Contact.DisplayName())
		}
	}
	var parts []string
	if len(here) > 0 {
		parts = append(parts, "Deleted on the server, to be deleted here too:\n"+strings.Join(here, "\n"))
	}
	if len(there) > 0 {
		parts = append(parts, "Deleted here, to be deleted on the server too:\n"+strings.Join(there, "\n"))
	}
	msg := widget.NewLabel(strings.Join(parts, "\n\n") +
		"\n\nKeep puts them back where they were deleted at the next sync.")
	msg.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	apply := func(del bool) {
		dlg.Hide()
		d.tasks.onItsOwn(func(ctx context.Context) {
			var errs []error
			for _, x := range ds {
				var err error
				if del {
					err = syncer.Delete(ctx, x)
				} else {
					err = syncer.Keep(ctx, x)
				}
				if err != nil {
					errs = append(errs, err)
				}
			}
			d.tasks.onUI(func() {
				if err := errors.Join(errs...); err != nil {
					showError(d.win, "Could not carry out every deletion", err)
				}
				switch {
				case del:
					d.status.SetText(fmt.Sprintf("%s\nDeleted %d.", d.status.Text, len(ds)-len(errs)))
				default:
					d.status.SetText(d.status.Text + "\nKept: sync again to put them back.")
				}
				if d.onChanged != nil {
					d.onChanged()
				}
			})
		})
	}
	keys := newDialogKeys(d.win)
	deleteBtn := keys.button("Delete", theme.DeleteIcon(), func() { apply(true) })
	deleteBtn.Importance = widget.DangerImportance
	keep := keys.button("Keep", nil, func() { apply(false) })
	later := keys.button("Decide later", nil, func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons("Delete on the other side?", container.NewVScroll(msg), d.win)
	dlg.SetButtons([]fyne.CanvasObject{later, keep, deleteBtn})
	dlg.Resize(fyne.NewSize(520, 360))
	// Enter keeps, the safe choice: deleting takes a click.
	keys.show(dlg, pressing(keep), nil)
}
