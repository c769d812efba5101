package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// upcomingDays is how far ahead the reconnect list shows what is coming.
const upcomingDays = 30

// reconnectScreen is the first screen: who to get back in touch with now,
// in order of urgency, with what is needed to make the call.
type reconnectScreen struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	clock     app.Clock
	dates     contacts.DateFormat
	done      *doneLine // marks follow-ups done, with Undo
	onOpen    func(contacts.Contact)
	onChanged func()
	onScan    func() // goes to Scan, from the empty list
	onState   func() // told when the list is read again

	picked int // the row picked, that the keyboard's Done and Snooze act on; -1 for none

	heading *widget.Label
	list    *widget.List
	heights *rowHeights // of the list's rows
	empty   *fyne.Container
	// The list holds a heading and the count of each section; its
	// entries are read a page at a time as they come into view.
	today    contacts.Day
	counts   map[contacts.Section]int
	sections []contacts.Section // those with anyone in them, in order
	total    int                // rows: headings and entries
	pages    map[pageKey][]contacts.ReconnectItem
	loading  map[pageKey]bool
	gen      int // counts the refreshes, so that a page read before one is dropped
	// loads counts the page loads asked for, so that one superseded by a
	// later one before its turn is dropped; the worker reads it.
	loads atomic.Int64

	snoozing *snoozeDialog // the snooze dialog last opened

	export   *widget.Button  // Export to calendar…
	calendar *calendarExport // its dialog

	// readPage reads a page of a section: the store's ReconnectItems.
	readPage func(context.Context, sqlite.ReconnectQuery) ([]contacts.ReconnectItem, error)
}

// pageKey names a page of entries: the section and the page's number.
type pageKey struct {
	section contacts.Section
	page    int
}

// reconnectPage is how many entries the list reads at a time.
const reconnectPage = 40

// reconnectRow is a line of the list: a section heading, or an entry, or
// the place of an entry still being read.
type reconnectRow struct {
	heading string
	section contacts.Section
	entry   *contacts.ReconnectItem
	loading bool
}

func newReconnectScreen(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock, dates contacts.DateFormat, done *doneLine, onOpen func(contacts.Contact), onChanged func()) *reconnectScreen {
	return &reconnectScreen{win: win, store: store, tasks: tasks, clock: clock, dates: dates, done: done, onOpen: onOpen, onChanged: onChanged, picked: -1,
		readPage: store.ReconnectItems, calendar: newCalendarExport(win, store, tasks, clock)}
}

func (s *reconnectScreen) buildUI() fyne.CanvasObject {
	s.heading = widget.NewLabelWithStyle("Reconnect", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.list = widget.NewList(
		func() int { return s.total },
		func() fyne.CanvasObject { return newEntryRow(s) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*entryRow).set(s.row(i))
			s.heights.fit(i, o.MinSize().Height)
		},
	)
	s.heights = newRowHeights(s.list, s.tasks)
	s.list.OnSelected = s.onPicked
	s.list.OnUnselected = func(i widget.ListItemID) {
		if s.picked == i {
			s.picked = -1
		}
	}
	hint := widget.NewLabelWithStyle("Nobody to get back to right now.\n\nScan the cards from your last event, or give the people\nyou want to keep close a keep-in-touch cadence.",
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	scan := widget.NewButtonWithIcon("Scan cards", theme.FileImageIcon(), func() {
		if s.onScan != nil {
			s.onScan()
		}
	})
	scan.Importance = widget.HighImportance
	s.empty = container.NewCenter(container.NewVBox(hint, container.NewCenter(scan)))
	s.export = widget.NewButtonWithIcon("Export to calendar…", theme.CalendarIcon(), s.onExport)
	s.refresh()
	return container.NewBorder(container.NewBorder(nil, nil, nil, s.export, s.heading), nil, nil, nil, container.NewStack(s.list, s.empty))
}

func (s *reconnectScreen) refresh() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		today := s.clock.Today()
		counts, err := s.store.ReconnectCounts(ctx, today, upcomingDays)
		// The first page of the first section, so that the list opens full.
		var first []contacts.ReconnectItem
		var firstSection contacts.Section = -1
		for _, sec := range contacts.Sections {
			if err == nil && counts[sec] > 0 {
				firstSection = sec
				first, err = s.store.ReconnectItems(ctx, sqlite.ReconnectQuery{Today: today, Horizon: upcomingDays, Section: sec, Limit: reconnectPage})
				break
			}
		}
		return func() {
			if err != nil {
				showError(s.win, "Could not load the reconnect list", err)
				return
			}
			s.show(today, counts)
			if firstSection >= 0 {
				s.pages[pageKey{firstSection, 0}] = first
			}
			s.list.Refresh()
			if s.onState != nil {
				s.onState()
			}
		}
	})
}

// show lays out the sections with counts, and forgets the entries read
// before.
func (s *reconnectScreen) show(today contacts.Day, counts map[contacts.Section]int) {
	s.gen++
	s.today, s.counts = today, counts
	s.pages, s.loading = map[pageKey][]contacts.ReconnectItem{}, map[pageKey]bool{}
	s.sections, s.total = nil, 0
	s.list.UnselectAll()
	s.picked = -1
	var parts []string
	for _, sec := range contacts.Sections {
		if n := counts[sec]; n > 0 {
			s.sections = append(s.sections, sec)
			s.total += 1 + n
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(sec.String())))
		}
	}
	if len(parts) == 0 {
		s.heading.SetText("Reconnect")
		s.empty.Show()
		s.list.Hide()
	} else {
		s.heading.SetText("Reconnect: " + strings.Join(parts, " · "))
		s.empty.Hide()
		s.list.Show()
	}
	s.list.Refresh()
}

// onPicked picks row i for the keyboard's Done and Snooze (which act on
// its most urgent follow-up); a heading
// cannot be picked.
func (s *reconnectScreen) onPicked(i widget.ListItemID) {
	if r := s.row(i); r.entry == nil {
		s.list.Unselect(i)
		return
	}
	s.picked = i
}

// target is the entry the keyboard's Done and Snooze act on: the one
// picked, or else the most urgent, if their pages are read.
func (s *reconnectScreen) target() (contacts.ReconnectItem, bool) {
	if s.picked >= 0 && s.picked < s.total {
		if r := s.row(s.picked); r.entry != nil {
			return *r.entry, true
		}
	}
	if s.total == 0 {
		return contacts.ReconnectItem{}, false
	}
	if r := s.row(1); r.entry != nil { // row 0 is the first heading
		return *r.entry, true
	}
	return contacts.ReconnectItem{}, false
}

// row returns the i-th row of the list: a section heading, or an entry if
// its page has been read, and otherwise asks for the page.
func (s *reconnectScreen) row(i int) reconnectRow {
	for _, sec := range s.sections {
		n := s.counts[sec]
		if i == 0 {
			return reconnectRow{heading: fmt.Sprintf("%s (%d)", sec, n), section: sec}
		}
		if i <= n {
			k := pageKey{sec, (i - 1) / reconnectPage}
			if page, ok := s.pages[k]; ok {
				if j := (i - 1) % reconnectPage; j < len(page) {
					return reconnectRow{section: sec, entry: &page[j]}
				}
			} else {
				s.loadPage(k)
			}
			return reconnectRow{section: sec, loading: true}
		}
		i -= 1 + n
	}
	return reconnectRow{loading: true}
}

// loadPage reads a page of entries in the background, and shows it.
//
// Scrolling fast asks for a page after another: a load that is not the
// latest asked for when its turn comes is dropped unread, and its page is
// asked for again if it is still in view when the latest is shown.
func (s *reconnectScreen) loadPage(k pageKey) {
	if s.loading[k] {
		return
	}
	s.loading[k] = true
	gen, today, seq := s.gen, s.today, s.loads.Add(1)
	s.tasks.inOrder(func(ctx context.Context) func() {
		if s.loads.Load() != seq {
			return func() {
				if gen == s.gen {
					delete(s.loading, k)
				}
			}
		}
		es, err := s.readPage(ctx, sqlite.ReconnectQuery{Today: today, Horizon: upcomingDays, Section: k.section, Offset: k.page * reconnectPage, Limit: reconnectPage})
		return func() {
			if gen != s.gen {
				return
			}
			delete(s.loading, k)
			if err != nil {
				showError(s.win, "Could not load the reconnect list", err)
				return
			}
			s.pages[k] = es
			s.list.Refresh()
		}
	})
}

// onDone marks f, a follow-up of the entry's contact, done, or for a
// cadence entry (f nil) logs an interaction, after asking how it went.
func (s *reconnectScreen) onDone(e contacts.ReconnectItem, f *contacts.FollowUp) {
	c := e.Person.Contact
	var fixed *contacts.Kind
	if f != nil {
		fixed = &f.Kind
	}
	askOutcome(s.win, "Done: "+c.DisplayName(), fixed, func(kind contacts.Kind, outcome string) {
		if f != nil {
			s.done.complete(c, *f, outcome)
		} else {
			s.done.log(c, kind, outcome)
		}
	})
}

// snoozeDue is the day a snooze of f counts from: its own, or today for a
// cadence entry (f nil), which a snooze gives a call on a later day.
func (s *reconnectScreen) snoozeDue(f *contacts.FollowUp) contacts.Day {
	if f != nil {
		return f.Due
	}
	return s.clock.Today()
}

// askSnooze asks, in a dialog the keyboard can work, how long to put f
// off, f being a follow-up of the entry's contact or nil for a cadence
// entry.
func (s *reconnectScreen) askSnooze(e contacts.ReconnectItem, f *contacts.FollowUp) {
	var reschedule func(contacts.Day)
	if f != nil {
		reschedule = func(d contacts.Day) { s.onReschedule(*f, d) }
	}
	s.snoozing = askSnooze(s.win, s.dates, "Snooze: "+e.Person.Contact.DisplayName(), s.snoozeDue(f), s.clock.Today(),
		func(d contacts.Day) { s.onSnooze(e, f, d) }, reschedule)
}

// showSnoozeMenu offers, under at, how long to put f off.
func (s *reconnectScreen) showSnoozeMenu(at fyne.CanvasObject, e contacts.ReconnectItem, f *contacts.FollowUp) {
	var reschedule func(contacts.Day)
	if f != nil {
		reschedule = func(d contacts.Day) { s.onReschedule(*f, d) }
	}
	showSnoozeMenu(s.win, s.dates, at, s.snoozeDue(f), s.clock.Today(), func(d contacts.Day) { s.onSnooze(e, f, d) }, reschedule)
}

// onSnooze puts f off to the later day to, or for a cadence entry (f nil)
// schedules a call on that day.
func (s *reconnectScreen) onSnooze(e contacts.ReconnectItem, f *contacts.FollowUp, to contacts.Day) {
	today := s.clock.Today()
	s.tasks.inOrder(func(ctx context.Context) func() {
		var err error
		if f != nil {
			err = s.store.SnoozeFollowUp(ctx, f.ID, today, to)
		} else if err = contacts.CheckSnooze(today, today, to); err == nil {
			err = s.store.AddFollowUp(ctx, &contacts.FollowUp{
				ContactID: e.Person.Contact.ID, Kind: contacts.KindCall, Due: to})
		}
		return func() {
			if err != nil {
				showError(s.win, "Could not snooze it", err)
				return
			}
			s.changed()
		}
	})
}

// onReschedule moves f to the day to, earlier or later.
func (s *reconnectScreen) onReschedule(f contacts.FollowUp, to contacts.Day) {
	today := s.clock.Today()
	s.tasks.inOrder(func(ctx context.Context) func() {
		err := s.store.RescheduleFollowUp(ctx, f.ID, today, to)
		return func() {
			if err != nil {
				showError(s.win, "Could not reschedule it", err)
				return
			}
			s.changed()
		}
	})
}

func (s *reconnectScreen) changed() {
	s.refresh()
	if s.onChanged != nil {
		s.onChanged()
	}
}

// sectionColor is the colour that marks a section: red for overdue, amber
// for due this week.
func sectionColor(s contacts.Section) color.Color {
	switch s {
	case contacts.Overdue:
		return theme.Color(theme.ColorNameError)
	case contacts.Due:
		return theme.Color(theme.ColorNameWarning)
	case contacts.Fading:
		return theme.Color(theme.ColorNamePrimary)
	}
	return theme.Color(theme.ColorNameDisabled)
}

// entryRow shows one row of the reconnect list: a section heading, or a
// contact with each of their open follow-ups on a line of its own, with
// its own Done and Snooze. A contact with none (a cadence running out)
// has Done and Snooze of their own.
type entryRow struct {
	widget.BaseWidget
	screen *reconnectScreen
	entry  *contacts.ReconnectItem

	bar                   *canvas.Rectangle
	heading               *widget.Label
	title, context, phone *widget.Label
	done, snooze, open    *widget.Button
	followUps             *fyne.Container
	lines                 []*followUpLine // one for each of the contact's open follow-ups
	text                  *fyne.Container // the title, the context and the follow-ups, one under the other
	body                  *fyne.Container
}

// followUpLine is one open follow-up of a contact in the reconnect list.
type followUpLine struct {
	followUp     contacts.FollowUp
	label        *widget.Label
	done, snooze *widget.Button
}

func newEntryRow(s *reconnectScreen) *entryRow {
	r := &entryRow{screen: s}
	r.bar = canvas.NewRectangle(color.Transparent)
	r.bar.SetMinSize(fyne.NewSize(5, 0))
	r.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.context = &widget.Label{Wrapping: fyne.TextWrapWord}
	r.phone = widget.NewLabel("")
	r.done = widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() {
		if r.entry != nil {
			s.onDone(*r.entry, nil)
		}
	})
	r.snooze = widget.NewButtonWithIcon("Snooze", theme.HistoryIcon(), func() {
		if r.entry != nil {
			s.showSnoozeMenu(r.snooze, *r.entry, nil)
		}
	})
	r.open = widget.NewButtonWithIcon("Open", theme.AccountIcon(), func() {
		if r.entry != nil && s.onOpen != nil {
			s.onOpen(r.entry.Person.Contact)
		}
	})
	r.followUps = container.NewVBox()
	actions := container.NewHBox(r.phone, r.done, r.snooze, r.open)
	r.text = container.NewVBox(container.NewBorder(nil, nil, nil, actions, r.title), r.context, r.followUps)
	r.body = container.NewBorder(nil, nil, r.bar, nil, r.text)
	r.ExtendBaseWidget(r)
	return r
}

// newFollowUpLine is the line of f, open for the contact of e.
func (r *entryRow) newFollowUpLine(e contacts.ReconnectItem, f contacts.FollowUp) *followUpLine {
	s := r.screen
	l := &followUpLine{followUp: f}
	l.label = &widget.Label{Text: app.FollowUpWhat(f, s.dates, s.today), Wrapping: fyne.TextWrapWord}
	if f.Due.Before(s.today) {
		l.label.Importance = widget.DangerImportance
	}
	l.done = widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { s.onDone(e, &l.followUp) })
	l.snooze = widget.NewButtonWithIcon("Snooze", theme.HistoryIcon(), func() { s.showSnoozeMenu(l.snooze, e, &l.followUp) })
	return l
}

func (r *entryRow) set(row reconnectRow) {
	r.entry = row.entry
	if row.loading {
		r.heading.Hide()
		r.bar.FillColor = sectionColor(row.section)
		r.bar.Refresh()
		r.title.SetText("…")
		r.context.SetText("")
		r.context.Hide()
		r.phone.SetText("")
		r.phone.Hide()
		r.setFollowUps(nil)
		r.done.Hide()
		r.snooze.Hide()
		r.text.Refresh()
		r.body.Show()
		return
	}
	if row.entry == nil {
		r.heading.SetText(row.heading)
		r.heading.Importance = widget.MediumImportance
		if row.section == contacts.Overdue {
			r.heading.Importance = widget.DangerImportance
		} else if row.section == contacts.Due {
			r.heading.Importance = widget.WarningImportance
		}
		r.heading.Refresh()
		r.heading.Show()
		r.body.Hide()
		return
	}
	e := row.entry
	r.heading.Hide()
	r.bar.FillColor = sectionColor(e.Section)
	r.bar.Refresh()
	r.phone.SetText(app.FirstPhone(e.Person.Contact))
	showIf(r.phone, r.phone.Text != "")
	if len(e.Person.Open) == 0 {
		// A cadence running out: the contact's own Done and Snooze.
		r.title.SetText(app.EntryWhat(*e))
		r.context.SetText(contacts.JoinNonEmpty("\n", app.EntryContext(*e, r.screen.dates), r.screen.dates.Reason(*e, r.screen.today)))
		r.done.Show()
		r.snooze.Show()
	} else {
		r.title.SetText(app.EntryWho(e.Person.Contact))
		reason := ""
		if e.FollowUp == nil || e.Due != e.FollowUp.Due {
			reason = r.screen.dates.Reason(*e, r.screen.today) // the cadence's limit, not a follow-up's day
		}
		r.context.SetText(contacts.JoinNonEmpty("\n", app.EntryContext(*e, r.screen.dates), reason))
		r.done.Hide()
		r.snooze.Hide()
	}
	// No context, no blank line under the name.
	showIf(r.context, r.context.Text != "")
	r.setFollowUps(e)
	r.text.Refresh()
	r.body.Show()
}

// setFollowUps shows a line for each open follow-up of e's contact.
func (r *entryRow) setFollowUps(e *contacts.ReconnectItem) {
	r.lines = r.lines[:0]
	r.followUps.RemoveAll()
	if e == nil {
		return
	}
	for _, f := range e.Person.Open {
		l := r.newFollowUpLine(*e, f)
		r.lines = append(r.lines, l)
		r.followUps.Add(container.NewBorder(nil, nil, nil, container.NewHBox(l.done, l.snooze), l.label))
	}
}

func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.heading, r.body))
}

// onExport exports the follow-ups to an iCalendar file for a calendar
// or tasks app, after asking whether as to-dos or events.
func (s *reconnectScreen) onExport() { s.calendar.open() }

// setExportable offers the calendar export only when there are
// follow-ups to export.
func (s *reconnectScreen) setExportable(ok bool) {
	if ok {
		s.export.Enable()
	} else {
		s.export.Disable()
	}
}
