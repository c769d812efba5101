package app

import (
	"context"
	"fmt"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
)

// contactsScreen lists the contacts, finds them by search, and shows,
// edits and deletes one at a time.
type contactsScreen struct {
	win       fyne.Window
	store     *contacts.Store
	tasks     *tasks
	onChanged func() // after a save or delete, for the other screens
	// onPeople hears the names of everyone, by ID, whenever they are
	// loaded, for the other places that offer "Introduced by".
	onPeople func(map[string]int64)
	// onImport asks for a .vcf file to import.
	onImport func()

	search  *widget.Entry
	tag     *widget.Select
	count   *widget.Label
	list    *widget.List
	items   []contacts.Contact
	listed  string           // the search items were found for
	current contacts.Contact // shown in the detail; ID 0 for none

	form        *contactForm
	history     *historyPanel
	image       *canvas.Image
	heading     *widget.Label
	save        *widget.Button
	del         *widget.Button
	detail      *fyne.Container
	placeholder *widget.Label

	undoBar   *fyne.Container
	undoLabel *widget.Label
	deleted   *contacts.Contact
	undoTimer *time.Timer
}

func newContactsScreen(win fyne.Window, store *contacts.Store, tasks *tasks, onChanged func()) *contactsScreen {
	return &contactsScreen{win: win, store: store, tasks: tasks, onChanged: onChanged}
}

func (s *contactsScreen) buildUI() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search names, companies, emails, phones")
	s.search.OnChanged = func(string) { s.refresh() }
	s.tag = widget.NewSelect([]string{allTags}, func(string) { s.refresh() })
	s.tag.SetSelected(allTags)
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.list = widget.NewList(
		func() int { return len(s.items) },
		newTwoLineItem,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.items) {
				c := s.items[i]
				setTwoLineItem(o, c.DisplayName(), joinNonEmpty(" · ", c.Title, c.Company))
			}
		},
	)
	s.list.OnSelected = s.onSelected

	s.form = newContactForm()
	s.history = newHistoryPanel(s.win, s.store, s.tasks, s.onChanged)
	s.image = canvas.NewImageFromImage(nil)
	s.image.FillMode = canvas.ImageFillContain
	s.image.SetMinSize(fyne.NewSize(320, 190))
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.Truncation = fyne.TextTruncateEllipsis
	s.save = widget.NewButtonWithIcon("Save changes", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.del = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.onDelete)
	s.del.Importance = widget.DangerImportance
	qr := widget.NewButtonWithIcon("QR code", theme.GridIcon(), func() { showQR(s.win, s.current) })
	s.detail = container.NewBorder(
		container.NewBorder(nil, nil, nil, qr, s.heading),
		container.NewHBox(s.del, layoutSpacer(), s.save), nil, nil,
		// What to do next comes first, beside the card; the fields below.
		container.NewVScroll(container.NewVBox(
			container.NewGridWithColumns(2, s.image, s.history.buildUI()),
			s.form.buildUI())),
	)
	s.detail.Hide()
	s.placeholder = widget.NewLabelWithStyle("Pick someone on the left to see their card.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})

	s.undoLabel = widget.NewLabel("")
	undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), s.onUndo)
	s.undoBar = container.NewBorder(nil, nil, nil, undo, s.undoLabel)
	s.undoBar.Hide()

	export := widget.NewButtonWithIcon("Export these…", theme.DocumentSaveIcon(), func() {
		exportVCards(s.win, s.store, s.tasks, "contacts.vcf", s.items)
	})
	importVCF := widget.NewButtonWithIcon("Import .vcf…", theme.DownloadIcon(), func() {
		if s.onImport != nil {
			s.onImport()
		}
	})
	left := container.NewBorder(container.NewVBox(s.search, container.NewBorder(nil, nil, nil, s.tag, s.count)),
		container.NewGridWithColumns(2, importVCF, export), nil, nil, s.list)
	split := container.NewHSplit(left, container.NewStack(container.NewCenter(s.placeholder), s.detail))
	split.Offset = 0.35
	s.refresh()
	return container.NewBorder(nil, s.undoBar, nil, nil, split)
}

// allTags is the tag menu's choice for no filter.
const allTags = "All tags"

// refresh reloads the list for the current search and tag, and the tags
// and names the detail offers.
func (s *contactsScreen) refresh() {
	query := s.search.Text
	filter := contacts.Filter{Query: query}
	if s.tag.Selected != allTags {
		filter.Tag = s.tag.Selected
	}
	s.tasks.do(func() func() {
		ctx := context.Background()
		items, err := s.store.Find(ctx, filter)
		var tags []string
		if err == nil {
			tags, err = s.store.Tags(ctx)
		}
		var everyone []contacts.Contact
		if err == nil && filter == (contacts.Filter{}) {
			everyone = items
		}
		return func() {
			if err != nil {
				showError(s.win, "Could not load the contacts", err)
				return
			}
			s.tag.SetOptions(append([]string{allTags}, tags...))
			if everyone != nil {
				people := map[string]int64{}
				for _, c := range everyone {
					people[c.DisplayName()] = c.ID
				}
				s.form.setPeople(people)
				if s.onPeople != nil {
					s.onPeople(people)
				}
			}
			if query != s.search.Text {
				return // a newer search is on its way
			}
			s.items, s.listed = items, query
			s.count.SetText(plural(len(items), "contact"))
			s.list.UnselectAll()
			s.list.Refresh()
			for i, c := range items {
				if c.ID == s.current.ID {
					s.list.Select(i)
				}
			}
		}
	})
}

func (s *contactsScreen) onSelected(i widget.ListItemID) {
	if i >= len(s.items) {
		return
	}
	s.show(s.items[i])
}

// show shows c in the detail view.
func (s *contactsScreen) show(c contacts.Contact) {
	s.current = c
	s.heading.SetText(oneLineLabel(c.DisplayName()))
	s.form.set(c)
	s.history.show(c)
	if c.Image != "" {
		s.image.File = s.store.ImagePath(c.Image)
		s.image.Show()
	} else {
		s.image.File = ""
		s.image.Hide()
	}
	s.image.Refresh()
	s.placeholder.Hide()
	s.detail.Show()
}

// open shows the contact with c's ID, clearing the search so it is listed.
func (s *contactsScreen) open(c contacts.Contact) {
	s.show(c)
	if s.search.Text != "" {
		s.search.SetText("") // refreshes, and selects s.current
	} else {
		s.refresh()
	}
}

func (s *contactsScreen) onSave() {
	if s.current.ID == 0 {
		return
	}
	c := s.form.contact()
	s.save.Disable()
	s.tasks.do(func() func() {
		err := s.store.Update(context.Background(), c)
		return func() {
			s.save.Enable()
			if err != nil {
				showError(s.win, "Could not save the changes", err)
				return
			}
			s.current = c
			s.heading.SetText(oneLineLabel(c.DisplayName()))
			s.refresh()
			s.changed()
		}
	})
}

func (s *contactsScreen) onDelete() {
	id := s.current.ID
	if id == 0 {
		return
	}
	s.tasks.do(func() func() {
		c, err := s.store.Delete(context.Background(), id)
		return func() {
			if err != nil {
				showError(s.win, "Could not delete the contact", err)
				return
			}
			// The deletion shown before this one can no longer be undone.
			s.expireUndo(s.deleted)
			deleted := &c
			s.deleted = deleted
			s.current = contacts.Contact{}
			s.detail.Hide()
			s.placeholder.Show()
			s.undoLabel.SetText(fmt.Sprintf("Deleted %s.", oneLineLabel(c.DisplayName())))
			s.undoBar.Show()
			if s.undoTimer != nil {
				s.undoTimer.Stop()
			}
			s.undoTimer = time.AfterFunc(undoTime, func() { fyne.Do(func() { s.expireUndo(deleted) }) })
			s.refresh()
			s.changed()
		}
	})
}

// undoTime is how long a deletion can be undone.
var undoTime = 15 * time.Second

// expireUndo ends the chance to undo the deletion of c, if it is the one
// the undo bar offers: the bar goes, and so do the card image files that
// no other contact uses.
func (s *contactsScreen) expireUndo(c *contacts.Contact) {
	if c == nil || s.deleted != c {
		return
	}
	s.deleted = nil
	s.undoBar.Hide()
	if c.Image == "" {
		return
	}
	img := c.Image
	s.tasks.do(func() func() {
		if err := s.store.DropImages(context.Background(), img); err != nil {
			log.Printf("contacts: %v", err) // CleanImages removes it at the next start
		}
		return nil
	})
}

func (s *contactsScreen) onUndo() {
	if s.deleted == nil {
		return
	}
	c := *s.deleted
	s.deleted = nil
	if s.undoTimer != nil {
		s.undoTimer.Stop()
	}
	s.undoBar.Hide()
	s.tasks.do(func() func() {
		err := s.store.Restore(context.Background(), c)
		return func() {
			if err != nil {
				showError(s.win, "Could not bring the contact back", err)
				return
			}
			s.open(c)
			s.changed()
		}
	})
}

func (s *contactsScreen) changed() {
	if s.onChanged != nil {
		s.onChanged()
	}
}
