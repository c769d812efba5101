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
	"followthrough/contacts/sqlite"
)

// eventsScreen lists the events where the user met people and, for one
// event, everyone met there: who has been followed up with and who is
// still waiting.
type eventsScreen struct {
	win    fyne.Window
	store  *sqlite.Store
	tasks  *tasks
	clock  app.Clock
	dates  contacts.DateFormat
	onOpen func(contacts.Contact)

	list      *widget.List
	events    []contacts.Event
	current   contacts.Event
	selecting bool // the list is made to highlight current, which is shown already

	heading *widget.Label
	summary *widget.Label
	people  *widget.List
	rows    []contacts.EventPerson
	detail  *fyne.Container
	hint    *widget.Label
}

func newEventsScreen(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock, dates contacts.DateFormat, onOpen func(contacts.Contact)) *eventsScreen {
	return &eventsScreen{win: win, store: store, tasks: tasks, clock: clock, dates: dates, onOpen: onOpen}
}

func (s *eventsScreen) buildUI() fyne.CanvasObject {
	s.list = widget.NewList(
		func() int { return len(s.events) },
		newPlainRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.events) {
				o.(*twoLineRow).set(s.events[i].Name, eventWhen(s.events[i], s.dates))
			}
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.events) && !s.selecting {
			s.show(s.events[i])
		}
	}
	add := widget.NewButtonWithIcon("New event", theme.ContentAddIcon(), s.onNew)

	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.summary = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.people = widget.NewList(
		func() int { return len(s.rows) },
		newEventPersonRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			p := s.rows[i]
			row := o.(*eventPersonRow)
			// The first follow-up beside the status, each other on a
			// line of its own.
			lines := followUpLines(p, s.dates, s.clock.Today())
			first := ""
			if len(lines) > 0 {
				first, lines = lines[0], lines[1:]
			}
			row.set(contacts.JoinNonEmpty(", ", p.Contact.DisplayName(), p.Contact.Company), contacts.JoinNonEmpty(" · ", eventStatus(p), first))
			row.setMore(lines)
			s.people.SetItemHeight(i, row.MinSize().Height)
			if p.FollowedUp {
				row.icon.SetResource(theme.ConfirmIcon())
			} else {
				row.icon.SetResource(theme.MediaRecordIcon())
			}
		},
	)
	s.people.OnSelected = func(i widget.ListItemID) {
		s.people.UnselectAll()
		if i < len(s.rows) && s.onOpen != nil {
			s.onOpen(s.rows[i].Contact)
		}
	}
	edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), s.onEdit)
	export := widget.NewButtonWithIcon("Export vCards…", theme.DocumentSaveIcon(), func() {
		var cs []contacts.Contact
		for _, r := range s.rows {
			cs = append(cs, r.Contact)
		}
		exportVCards(s.win, s.store, s.tasks, safeFileName(s.current.Name, ".vcf"), len(cs), app.ContactsOf(cs))
	})
	s.detail = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(export, edit), s.heading), s.summary), nil, nil, nil, s.people)
	s.detail.Hide()
	s.hint = widget.NewLabelWithStyle("Pick an event to see who you met there.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})

	left := container.NewBorder(nil, add, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewStack(container.NewCenter(s.hint), s.detail))
	split.Offset = 0.3
	s.refresh()
	return split
}

// eventWhen is an event's dates, written in dates, and place.
func eventWhen(e contacts.Event, dates contacts.DateFormat) string {
	when := dates.Day(e.Start)
	if !e.End.IsZero() && e.End != e.Start {
		when += " to " + dates.Day(e.End)
	}
	return contacts.JoinNonEmpty(" · ", when, e.Place)
}

// followUpStatus says where someone met at an event stands, with every
// open follow-up of theirs: "waiting · call: ask about the launch · 2 days
// overdue (2026-11-18); promise: introduce her to Sam · due Monday".
func followUpStatus(p contacts.EventPerson, dates contacts.DateFormat, today contacts.Day) string {
	return contacts.JoinNonEmpty(" · ", eventStatus(p), strings.Join(followUpLines(p, dates, today), "; "))
}

// eventStatus is whether someone met at an event was followed up.
func eventStatus(p contacts.EventPerson) string {
	if p.FollowedUp {
		return "followed up"
	}
	return "waiting"
}

// followUpLines are someone's open follow-ups, one a line, or "nothing
// scheduled" for someone still waiting.
func followUpLines(p contacts.EventPerson, dates contacts.DateFormat, today contacts.Day) []string {
	var open []string
	for _, f := range p.Open {
		open = append(open, app.FollowUpWhat(f, dates, today))
	}
	if len(open) == 0 && !p.FollowedUp {
		open = append(open, "nothing scheduled")
	}
	return open
}

func (s *eventsScreen) refresh() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		events, err := s.store.Events(ctx)
		return func() {
			if err != nil {
				showError(s.win, "Could not load the events", err)
				return
			}
			s.events = events
			s.list.Refresh()
			if len(events) == 0 {
				s.hint.SetText("No events yet.\n\nAn event is added when you scan cards with its name in Event,\nor press New event.")
			} else {
				s.hint.SetText("Pick an event to see who you met there.")
			}
			if s.current.ID != 0 {
				s.selectCurrent()
				s.show(s.current)
			}
		}
	})
}

// selectCurrent highlights the event shown in the list read again, where
// it may have moved, or be new: the list highlights by place, and would
// go on highlighting the event that was there.
func (s *eventsScreen) selectCurrent() {
	for i, e := range s.events {
		if e.ID == s.current.ID {
			s.current = e
			s.selecting = true
			s.list.Select(i)
			s.selecting = false
			return
		}
	}
	s.list.UnselectAll()
}

// show lists the people met at e.
func (s *eventsScreen) show(e contacts.Event) {
	s.current = e
	s.tasks.inOrder(func(ctx context.Context) func() {
		rows, err := s.store.EventPeople(ctx, e.ID)
		return func() {
			if err != nil {
				showError(s.win, "Could not load the people met at "+e.Name, err)
				return
			}
			if s.current.ID != e.ID {
				return
			}
			s.rows = rows
			done := 0
			for _, r := range rows {
				if r.FollowedUp {
					done++
				}
			}
			s.heading.SetText(e.Name)
			met := fmt.Sprintf("Met %s: %d followed up, %d still waiting.", app.CountPeople(len(rows)), done, len(rows)-done)
			if len(rows) == 0 {
				met = "Nobody met here yet: in Scan, type " + e.Name + " as the Event before reading its cards."
			}
			s.summary.SetText(contacts.JoinNonEmpty("\n", eventWhen(e, s.dates), met, e.Notes))
			s.people.Refresh()
			s.hint.Hide()
			s.detail.Show()
		}
	})
}

func (s *eventsScreen) onNew() {
	s.editEvent(contacts.Event{Start: s.clock.Today()})
}

func (s *eventsScreen) onEdit() {
	if s.current.ID != 0 {
		s.editEvent(s.current)
	}
}

var errNoEventName = errors.New("an event needs a name")

// editEvent asks for an event's details: a new one when e has no ID.
func (s *eventsScreen) editEvent(e contacts.Event) {
	keys := newDialogKeys(s.win)
	name := keys.entry()
	name.SetPlaceHolder("Atlanta Tech Meetup")
	name.SetText(e.Name)
	// No event without a name: Add waits for one.
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errNoEventName
		}
		return nil
	}
	dateEntry := func(d contacts.Day) *dayEntry {
		de := keys.dayEntry(s.dates)
		de.setDay(d)
		return de
	}
	start, end := dateEntry(e.Start), dateEntry(e.End)
	place := keys.entry()
	place.SetText(e.Place)
	notes := keys.multiLineEntry()
	notes.SetText(e.Notes)
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("From", container.NewVBox(start.buildUI(), start.hint)), widget.NewFormItem("To", container.NewVBox(end.buildUI(), end.hint)),
		widget.NewFormItem("Place", place), widget.NewFormItem("Notes", notes),
	}
	title, confirm := "New event", "Add"
	if e.ID != 0 {
		title, confirm = "Edit event", "Save"
	}
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if !ok || strings.TrimSpace(name.Text) == "" {
			return
		}
		e.Name, e.Place, e.Notes = strings.TrimSpace(name.Text), place.Text, notes.Text
		// A day that is not one is left out, as the entry says under it.
		e.Start, _ = start.day()
		e.End, _ = end.day()
		s.tasks.inOrder(func(ctx context.Context) func() {
			var err error
			if e.ID == 0 {
				err = s.store.AddEvent(ctx, &e)
			} else {
				err = s.store.UpdateEvent(ctx, e)
			}
			return func() {
				if err != nil {
					showError(s.win, "Could not save the event", err)
					return
				}
				s.current = e
				s.refresh()
			}
		})
	}, s.win)
	d.Resize(fyne.NewSize(520, 0))
	keys.show(d, d.Submit, nil)
	s.win.Canvas().Focus(name) // ready to type the name
}
