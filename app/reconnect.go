package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// upcomingDays is how far ahead the reconnect list shows what is coming.
const upcomingDays = 30

// reconnectScreen is the first screen: who to get back in touch with now,
// in order of urgency, with what is needed to make the call.
type reconnectScreen struct {
	win       fyne.Window
	store     *contacts.Store
	tasks     *tasks
	onOpen    func(contacts.Contact)
	onChanged func()
	onScan    func()                 // goes to Scan, from the empty list
	onList    func([]contacts.Entry) // hears each list shown, for the tray

	picked int // the row picked, that the keyboard's Done and Snooze act on; -1 for none

	heading *widget.Label
	list    *widget.List
	rows    []reconnectRow
	entries []contacts.Entry
	empty   *fyne.Container
}

// reconnectRow is a line of the list: a section heading, or an entry.
type reconnectRow struct {
	heading string
	section contacts.Section
	entry   *contacts.Entry
}

func newReconnectScreen(win fyne.Window, store *contacts.Store, tasks *tasks, onOpen func(contacts.Contact), onChanged func()) *reconnectScreen {
	return &reconnectScreen{win: win, store: store, tasks: tasks, onOpen: onOpen, onChanged: onChanged, picked: -1}
}

func (s *reconnectScreen) buildUI() fyne.CanvasObject {
	s.heading = widget.NewLabelWithStyle("Reconnect", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject { return newEntryRow(s) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.rows) {
				o.(*entryRow).set(s.rows[i])
				s.list.SetItemHeight(i, o.MinSize().Height)
			}
		},
	)
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
	export := widget.NewButtonWithIcon("Export to calendar…", theme.CalendarIcon(), s.onExport)
	s.refresh()
	return container.NewBorder(container.NewBorder(nil, nil, nil, export, s.heading), nil, nil, nil, container.NewStack(s.list, s.empty))
}

func (s *reconnectScreen) refresh() {
	s.tasks.do(func() func() {
		entries, err := reconnectList(context.Background(), s.store, upcomingDays)
		return func() {
			if err != nil {
				showError(s.win, "Could not load the reconnect list", err)
				return
			}
			s.show(entries)
		}
	})
}

// show lays out entries under their section headings.
func (s *reconnectScreen) show(entries []contacts.Entry) {
	s.entries = entries
	s.list.UnselectAll()
	s.picked = -1
	s.rows = s.rows[:0]
	counts := contacts.Counts(entries)
	var parts []string
	for i := range entries {
		e := &entries[i]
		if i == 0 || entries[i-1].Section != e.Section {
			n := counts[e.Section]
			s.rows = append(s.rows, reconnectRow{heading: fmt.Sprintf("%s (%d)", e.Section, n), section: e.Section})
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(e.Section.String())))
		}
		s.rows = append(s.rows, reconnectRow{section: e.Section, entry: e})
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
	if s.onList != nil {
		s.onList(entries)
	}
}

// onPicked picks row i for the keyboard's Done and Snooze; a heading
// cannot be picked.
func (s *reconnectScreen) onPicked(i widget.ListItemID) {
	if i >= len(s.rows) || s.rows[i].entry == nil {
		s.list.Unselect(i)
		return
	}
	s.picked = i
}

// target is the entry the keyboard's Done and Snooze act on: the one
// picked, or else the most urgent.
func (s *reconnectScreen) target() (contacts.Entry, bool) {
	if s.picked >= 0 && s.picked < len(s.rows) && s.rows[s.picked].entry != nil {
		return *s.rows[s.picked].entry, true
	}
	if len(s.entries) == 0 {
		return contacts.Entry{}, false
	}
	return s.entries[0], true
}

// onDone marks the entry's follow-up done, or logs an interaction for a
// cadence entry, after asking how it went.
func (s *reconnectScreen) onDone(e contacts.Entry) {
	c := e.Person.Contact
	var fixed *contacts.Kind
	if e.FollowUp != nil {
		fixed = &e.FollowUp.Kind
	}
	askOutcome(s.win, "Done: "+c.DisplayName(), fixed, func(kind contacts.Kind, outcome string) {
		today := contacts.DayOf(now())
		s.tasks.do(func() func() {
			var err error
			if e.FollowUp != nil {
				_, err = s.store.CompleteFollowUp(context.Background(), e.FollowUp.ID, today, outcome)
			} else {
				err = s.store.LogInteraction(context.Background(), &contacts.Interaction{
					ContactID: c.ID, Kind: kind, On: today, Note: outcome})
			}
			return func() {
				if err != nil {
					showError(s.win, "Could not mark it done", err)
					return
				}
				s.changed()
			}
		})
	})
}

// onSnooze moves the entry to a later day: its follow-up, or for a cadence
// entry, a new call on that day.
func (s *reconnectScreen) onSnooze(e contacts.Entry, to contacts.Day) {
	s.tasks.do(func() func() {
		var err error
		if f := e.FollowUp; f != nil {
			moved := *f
			moved.Due = to
			err = s.store.UpdateFollowUp(context.Background(), moved)
		} else {
			err = s.store.AddFollowUp(context.Background(), &contacts.FollowUp{
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

// entryRow shows one row of the reconnect list.
type entryRow struct {
	widget.BaseWidget
	screen *reconnectScreen
	entry  *contacts.Entry

	bar                   *canvas.Rectangle
	heading               *widget.Label
	title, context, phone *widget.Label
	done, snooze, open    *widget.Button
	body                  *fyne.Container
}

func newEntryRow(s *reconnectScreen) *entryRow {
	r := &entryRow{screen: s}
	r.bar = canvas.NewRectangle(color.Transparent)
	r.bar.SetMinSize(fyne.NewSize(5, 0))
	r.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.context = widget.NewLabel("")
	r.context.Wrapping = fyne.TextWrapWord
	r.phone = widget.NewLabel("")
	r.done = widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() {
		if r.entry != nil {
			s.onDone(*r.entry)
		}
	})
	r.snooze = widget.NewButtonWithIcon("Snooze", theme.HistoryIcon(), func() {
		if r.entry != nil {
			e := *r.entry
			showSnoozeMenu(s.win, r.snooze, func(d contacts.Day) { s.onSnooze(e, d) })
		}
	})
	r.open = widget.NewButtonWithIcon("Open", theme.AccountIcon(), func() {
		if r.entry != nil && s.onOpen != nil {
			s.onOpen(r.entry.Person.Contact)
		}
	})
	actions := container.NewHBox(r.phone, r.done, r.snooze, r.open)
	r.body = container.NewBorder(nil, nil, r.bar, container.NewCenter(actions), container.NewVBox(r.title, r.context))
	r.ExtendBaseWidget(r)
	return r
}

func (r *entryRow) set(row reconnectRow) {
	r.entry = row.entry
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
	r.title.SetText(entryWhat(*e))
	r.context.SetText(joinNonEmpty("\n", entryContext(*e), e.Reason))
	r.phone.SetText(firstPhone(e.Person.Contact))
	r.body.Show()
}

func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.heading, r.body))
}

// onExport saves the open follow-ups as an iCalendar file for a phone's
// calendar or tasks app.
func (s *reconnectScreen) onExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(s.win, "Could not export the follow-ups", err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		s.tasks.do(func() func() {
			n, err := exportICS(context.Background(), s.store, path)
			return func() {
				if err != nil {
					showError(s.win, "Could not export the follow-ups", err)
					return
				}
				dialog.ShowInformation("Exported", fmt.Sprintf("Wrote %s to %s.\nImport it in your phone's calendar or tasks app; exporting again updates them.", plural(n, "follow-up"), path), s.win)
			}
		})
	}, s.win)
	d.SetFileName("follow-ups.ics")
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
