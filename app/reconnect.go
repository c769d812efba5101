package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// recentLimit is how many of the newest contacts the reconnect list shows.
const recentLimit = 50

// reconnectScreen is the first screen: who to get back in touch with. For
// now it lists the people added most recently.
type reconnectScreen struct {
	win    fyne.Window
	store  *contacts.Store
	tasks  *tasks
	onOpen func(contacts.Contact)

	heading *widget.Label
	list    *widget.List
	items   []contacts.Contact
	empty   *fyne.Container
}

func newReconnectScreen(win fyne.Window, store *contacts.Store, tasks *tasks, onOpen func(contacts.Contact)) *reconnectScreen {
	return &reconnectScreen{win: win, store: store, tasks: tasks, onOpen: onOpen}
}

func (s *reconnectScreen) buildUI() fyne.CanvasObject {
	s.heading = widget.NewLabelWithStyle("Recently added", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.list = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("Context")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.Importance = widget.LowImportance
			phone := widget.NewLabel("Phone")
			return container.NewBorder(nil, nil, nil, phone, container.NewVBox(name, sub))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.items) {
				return
			}
			c := s.items[i]
			row := o.(*fyne.Container)
			texts := row.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(c.DisplayName())
			texts.Objects[1].(*widget.Label).SetText(recentContext(c))
			phone := ""
			if len(c.Phones) > 0 {
				phone = c.Phones[0].Number
			}
			row.Objects[1].(*widget.Label).SetText(phone)
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		s.list.UnselectAll()
		if i < len(s.items) && s.onOpen != nil {
			s.onOpen(s.items[i])
		}
	}
	hint := widget.NewLabelWithStyle("No one here yet.\nScan the cards from your last event to start.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	s.empty = container.NewCenter(hint)
	s.refresh()
	return container.NewBorder(s.heading, nil, nil, nil, container.NewStack(s.list, s.empty))
}

// recentContext is the line under a name: company, and where and when the
// person was met.
func recentContext(c contacts.Contact) string {
	met := "added " + c.Created.Local().Format("2 Jan 2006")
	if c.Event != "" {
		met = fmt.Sprintf("met at %s, %s", c.Event, met)
	}
	return joinNonEmpty(" · ", c.Company, met)
}

func (s *reconnectScreen) refresh() {
	s.tasks.do(func() func() {
		items, err := s.store.Recent(context.Background(), recentLimit)
		return func() {
			if err != nil {
				showError(s.win, "Could not load the recent contacts", err)
				return
			}
			s.items = items
			s.heading.SetText(fmt.Sprintf("Recently added (%d)", len(items)))
			if len(items) == 0 {
				s.empty.Show()
				s.list.Hide()
			} else {
				s.empty.Hide()
				s.list.Show()
			}
			s.list.Refresh()
		}
	})
}
