package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// contactsScreen lists the contacts, finds them by search, and shows,
// edits and deletes one at a time.
type contactsScreen struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	clock     app.Clock
	onChanged func() // after a save or delete, for the other screens
	// onImport asks for a .vcf file to import.
	onImport func()
	// onScan goes to Scan, from the empty list.
	onScan func()
	// onState is told when the contact open changes, or none is.
	onState func()

	search *widget.Entry
	tag    *widget.Select
	count  *widget.Label
	list   *widget.List
	// The list is as long as the number of contacts found, total, but
	// holds only the pages of them it has shown, read as it scrolls.
	filter  sqlite.Filter                 // what the list shows
	wanted  atomic.Pointer[sqlite.Filter] // the newest asked for, for the worker to skip older ones
	total   int
	pages   map[int][]contacts.Contact // by page number
	loading map[int]bool
	gen     int              // counts the filters, so that a page read for an old one is dropped
	listed  string           // the search the list was found for
	current contacts.Contact // shown in the detail; ID 0 for none
	thumb   string           // the card image the detail shows

	// selected holds the IDs of the contacts ticked in the list, which
	// Export saves instead of the whole list. A search keeps them ticked.
	selected       map[int64]bool
	export         *widget.Button
	clearSelection *widget.Button

	form        *contactForm
	history     *historyPanel
	image       *canvas.Image
	heading     *widget.Label
	save        *widget.Button
	saving      bool // a save is under way
	del         *widget.Button
	detail      *fyne.Container
	placeholder *widget.Label
	firstSteps  *fyne.Container // under the placeholder while there is nobody
	noMatch     *widget.Label   // over the list when nobody is listed

	undoBar   *fyne.Container
	undoLabel *widget.Label
	deleted   *contacts.Contact
	undoTimer *time.Timer
	undoFor   time.Duration // how long a deletion can be undone

	dates contacts.DateFormat
	done  *doneLine // marks follow-ups done, with Undo
}

func newContactsScreen(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock, dates contacts.DateFormat, done *doneLine, onChanged func()) *contactsScreen {
	return &contactsScreen{win: win, store: store, tasks: tasks, clock: clock, dates: dates, done: done, onChanged: onChanged, selected: map[int64]bool{}, undoFor: undoFor}
}

func (s *contactsScreen) buildUI() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search names, companies, emails, phones")
	s.search.OnChanged = func(string) { s.refresh() }
	s.tag = widget.NewSelect([]string{allTags}, func(string) { s.refresh() })
	s.tag.SetSelected(allTags)
	s.count = hintLabel("")
	s.list = widget.NewList(
		func() int { return s.total },
		newContactRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if c, ok := s.item(i); ok {
				o.(*contactRow).set(c.DisplayName(), contacts.JoinNonEmpty(" · ", c.Title, c.Company), s.selected[c.ID], func(on bool) { s.onTicked(c.ID, on) })
			} else {
				o.(*contactRow).set("…", "", false, nil)
			}
		},
	)
	s.list.OnSelected = s.onSelected

	s.form = newContactForm(s.dates)
	s.form.findPeople = s.findPeople
	s.form.onEdit = s.offerSave
	s.history = newHistoryPanel(s.win, s.store, s.tasks, s.clock, s.dates, s.done, s.onChanged)
	s.history.onShown = s.stateChanged
	s.image = canvas.NewImageFromImage(nil)
	s.image.FillMode = canvas.ImageFillContain
	s.image.SetMinSize(fyne.NewSize(320, 190))
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.Truncation = fyne.TextTruncateEllipsis
	s.save = &widget.Button{Text: "Save changes", Icon: theme.DocumentSaveIcon(), OnTapped: s.onSave, Importance: widget.HighImportance}
	s.save.Disable() // until something is changed
	s.del = &widget.Button{Text: "Delete", Icon: theme.DeleteIcon(), OnTapped: s.onDelete, Importance: widget.DangerImportance}
	qr := widget.NewButtonWithIcon("QR code", theme.GridIcon(), func() { showQR(s.win, s.current) })
	exportOne := widget.NewButtonWithIcon("Export .vcf…", theme.DocumentSaveIcon(), s.onExportOne)
	s.detail = container.NewBorder(
		container.NewBorder(nil, nil, nil, container.NewHBox(exportOne, qr), s.heading),
		container.NewHBox(s.del, layoutSpacer(), s.save), nil, nil,
		// What to do next comes first, beside the card; the fields below.
		container.NewVScroll(container.NewVBox(
			container.New(sideBySide{}, s.image, s.history.buildUI()),
			s.form.buildUI())),
	)
	s.detail.Hide()
	s.placeholder = widget.NewLabelWithStyle("Pick someone on the left to see their card.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	empty := s.buildEmpty()

	s.undoLabel = widget.NewLabel("")
	undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), s.onUndo)
	s.undoBar = container.NewBorder(nil, nil, nil, undo, s.undoLabel)
	s.undoBar.Hide()

	s.export = widget.NewButtonWithIcon(exportListed, theme.DocumentSaveIcon(), s.onExport)
	s.export.Disable() // until the list says there is someone to export
	s.clearSelection = &widget.Button{Text: "Clear", Icon: theme.ContentClearIcon(), OnTapped: s.onClearSelection, Importance: widget.LowImportance}
	s.clearSelection.Hide()
	importVCF := widget.NewButtonWithIcon("Import .vcf…", theme.DownloadIcon(), func() {
		if s.onImport != nil {
			s.onImport()
		}
	})
	counts := container.NewBorder(nil, nil, nil, container.NewHBox(s.clearSelection, s.tag), s.count)
	left := container.NewBorder(container.NewVBox(s.search, counts),
		container.NewGridWithColumns(2, importVCF, s.export), nil, nil, container.NewStack(s.list, s.noMatch))
	split := container.NewHSplit(left, container.NewStack(empty, s.detail))
	split.Offset = 0.35
	s.refresh()
	return container.NewBorder(nil, s.undoBar, nil, nil, split)
}

// allTags is the tag menu's choice for no filter.
const allTags = "All tags"

// listPage is how many contacts the list reads at a time.
const listPage = 100

// keptPages is how many pages the list keeps, around where it was last
// scrolled to.
const keptPages = 20

// refresh reloads the list for the current search and tag: the count,
// the first page and the tags.
func (s *contactsScreen) refresh() {
	query := s.search.Text
	filter := sqlite.Filter{Query: query}
	if s.tag.Selected != allTags {
		filter.Tag = s.tag.Selected
	}
	s.wanted.Store(&filter)
	s.tasks.inOrder(func(ctx context.Context) func() {
		if *s.wanted.Load() != filter {
			return nil // typed on since: only the newest search is run
		}
		n, err := s.store.FindCount(ctx, filter)
		var first []contacts.Contact
		if err == nil {
			page := filter
			page.Limit = listPage
			first, err = s.store.Find(ctx, page)
		}
		var tags []string
		if err == nil {
			tags, err = s.store.Tags(ctx)
		}
		return func() {
			if err != nil {
				showError(s.win, "Could not load the contacts", err)
				return
			}
			s.tag.SetOptions(append([]string{allTags}, tags...))
			if query != s.search.Text {
				return // a newer search is on its way
			}
			s.gen++
			s.filter, s.total, s.listed = filter, n, query
			s.pages, s.loading = map[int][]contacts.Contact{0: first}, map[int]bool{}
			s.showSelection()
			s.showEmpty(filter)
			s.list.UnselectAll()
			s.list.Refresh()
			for i, c := range first {
				if c.ID == s.current.ID {
					s.list.Select(i)
				}
			}
		}
	})
}

// The export button's label when nothing is ticked.
const exportListed = "Export these…"

// onTicked ticks or unticks the contact with the given ID in the list.
func (s *contactsScreen) onTicked(id int64, on bool) {
	if on {
		s.selected[id] = true
	} else {
		delete(s.selected, id)
	}
	s.showSelection()
}

func (s *contactsScreen) onClearSelection() {
	clear(s.selected)
	s.showSelection()
	s.list.Refresh()
}

// showSelection says how many contacts are listed and ticked, and what
// Export will save; with nobody listed and nobody ticked there is
// nothing to export, and Export is greyed like the File menu's.
func (s *contactsScreen) showSelection() {
	n := len(s.selected)
	if n == 0 {
		s.count.SetText(contacts.Plural(s.total, "contact"))
		s.export.SetText(exportListed)
		if s.total == 0 {
			s.export.Disable()
		} else {
			s.export.Enable()
		}
		s.clearSelection.Hide()
		return
	}
	s.export.Enable()
	s.count.SetText(fmt.Sprintf("%s · %d ticked", contacts.Plural(s.total, "contact"), n))
	s.export.SetText(fmt.Sprintf("Export %d ticked…", n))
	s.clearSelection.Show()
}

// onExport saves the ticked contacts, or if none is ticked, everyone
// listed, as one .vcf file.
func (s *contactsScreen) onExport() {
	if len(s.selected) == 0 {
		f := s.filter
		exportVCards(s.win, s.store, s.tasks, "contacts.vcf", s.total, func(ctx context.Context, fn func([]contacts.Contact) error) error {
			return s.store.EachContact(ctx, f, fn)
		})
		return
	}
	s.tasks.inOrder(func(ctx context.Context) func() {
		cs, err := s.ticked(ctx)
		return func() {
			if err != nil {
				showError(s.win, "Could not export the ticked contacts", err)
				return
			}
			exportVCards(s.win, s.store, s.tasks, "contacts.vcf", len(cs), app.ContactsOf(cs))
		}
	})
}

// ticked returns the ticked contacts, in the order of their names. A
// ticked contact deleted since is left out.
func (s *contactsScreen) ticked(ctx context.Context) ([]contacts.Contact, error) {
	var cs []contacts.Contact
	for id := range s.selected {
		c, err := s.store.Get(ctx, id)
		if errors.Is(err, sqlite.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	slices.SortFunc(cs, func(a, b contacts.Contact) int {
		return strings.Compare(strings.ToLower(a.DisplayName()), strings.ToLower(b.DisplayName()))
	})
	return cs, nil
}

// onExportOne saves the contact shown as a .vcf file of its own.
func (s *contactsScreen) onExportOne() {
	if s.current.ID == 0 {
		return
	}
	exportVCards(s.win, s.store, s.tasks, safeFileName(s.current.DisplayName(), ".vcf"), 1, app.ContactsOf([]contacts.Contact{s.current}))
}

// item returns the i-th contact listed, if its page has been read, and
// otherwise asks for the page.
func (s *contactsScreen) item(i int) (contacts.Contact, bool) {
	p := i / listPage
	if page, ok := s.pages[p]; ok {
		if k := i % listPage; k < len(page) {
			return page[k], true
		}
		return contacts.Contact{}, false
	}
	s.loadPage(p)
	return contacts.Contact{}, false
}

// loadPage reads page p of the list in the background, and shows it.
func (s *contactsScreen) loadPage(p int) {
	if s.loading[p] {
		return
	}
	s.loading[p] = true
	gen, f := s.gen, s.filter
	f.Offset, f.Limit = p*listPage, listPage
	s.tasks.inOrder(func(ctx context.Context) func() {
		cs, err := s.store.Find(ctx, f)
		return func() {
			if gen != s.gen {
				return // the list shows something else now
			}
			delete(s.loading, p)
			if err != nil {
				showError(s.win, "Could not load the contacts", err)
				return
			}
			// Forget the pages furthest from this one.
			for len(s.pages) >= keptPages {
				far := -1
				for q := range s.pages {
					if far < 0 || abs(q-p) > abs(far-p) {
						far = q
					}
				}
				delete(s.pages, far)
			}
			s.pages[p] = cs
			s.list.Refresh()
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// findPeople finds the contacts whose names begin with what is typed in
// "Introduced by", and hands them to found on the UI goroutine.
func (s *contactsScreen) findPeople(text string, found func(map[string]int64)) {
	findPeople(s.store, s.tasks, text, found)
}

// findPeople looks up the people a name typed for "Introduced by" may
// mean: the first few contacts it finds.
func findPeople(store *sqlite.Store, tasks *tasks, text string, found func(map[string]int64)) {
	if strings.TrimSpace(text) == "" {
		return
	}
	tasks.inOrder(func(ctx context.Context) func() {
		cs, err := store.Find(ctx, sqlite.Filter{Query: text, Limit: 8})
		if err != nil {
			log.Printf("introduced by %q: %v", text, err)
			return nil
		}
		people := map[string]int64{}
		for _, c := range cs {
			people[c.DisplayName()] = c.ID
		}
		return func() { found(people) }
	})
}

func (s *contactsScreen) onSelected(i widget.ListItemID) {
	if c, ok := s.item(i); ok {
		s.show(c)
	}
}

// show shows c in the detail view. Changes typed into the contact shown
// before are saved first: leaving a contact loses nothing.
func (s *contactsScreen) show(c contacts.Contact) {
	if s.current.ID != 0 && s.current.ID != c.ID && s.form.changed() {
		s.update(s.editedContact())
	}
	s.current = c
	s.heading.SetText(oneLineLabel(c.DisplayName()))
	s.form.set(c)
	s.history.show(c)
	s.showCard(c.Image)
	s.placeholder.Hide()
	s.detail.Show()
	s.offerSave()
	s.stateChanged()
}

// offerSave enables "Save changes" only when saving would change
// something: a contact is open, no save of it is under way, and the form
// differs from it.
func (s *contactsScreen) offerSave() {
	can := s.current.ID != 0 && !s.saving && s.form.changed()
	if can == !s.save.Disabled() {
		return
	}
	if can {
		s.save.Enable()
	} else {
		s.save.Disable()
	}
	s.stateChanged() // the menu's Save follows
}

func (s *contactsScreen) stateChanged() {
	if s.onState != nil {
		s.onState()
	}
}

// showCard shows the thumbnail of the card image rel, which it makes in the
// background the first time: the page never decodes a full-size photo.
func (s *contactsScreen) showCard(rel string) {
	s.thumb = rel
	if rel == "" {
		s.image.File = ""
		s.image.Hide()
		s.image.Refresh()
		return
	}
	s.tasks.inOrder(func(ctx context.Context) func() {
		path, err := s.store.Thumbnail(ctx, rel)
		if err != nil {
			log.Printf("card image: %v", err)
			path = "" // the page shows the rest
		}
		return func() {
			if s.thumb != rel {
				return // another contact is shown now
			}
			s.image.File = path
			s.image.Show()
			s.image.Refresh()
		}
	})
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
	if err := s.form.validate(); err != nil {
		showError(s.win, "Check the day you met", err)
		return
	}
	s.update(s.form.contact())
}

// editedContact is the open contact as edited, for a save the user did
// not ask for (leaving the contact, quitting): a day met that is not a
// day stays as it was stored rather than hold the rest back.
func (s *contactsScreen) editedContact() contacts.Contact {
	c := s.form.contact()
	if s.form.validate() != nil {
		c.MetOn = s.current.MetOn
	}
	return c
}

// update saves c, the open contact as edited, in the background.
func (s *contactsScreen) update(c contacts.Contact) {
	s.saving = true
	s.offerSave()
	s.tasks.inOrder(func(ctx context.Context) func() {
		err := s.store.Update(ctx, c)
		return func() {
			s.saving = false
			if err != nil {
				s.offerSave()
				showError(s.win, "Could not save the changes to "+c.DisplayName(), err)
				return
			}
			if s.current.ID == c.ID {
				if reflect.DeepEqual(s.form.contact(), c) {
					s.form.saved(c) // nothing typed since
				}
				s.current = c
				s.heading.SetText(oneLineLabel(c.DisplayName()))
			}
			s.offerSave()
			s.refresh()
			s.changed()
		}
	})
}

// flushEdits saves, before the app quits, what was typed into the open
// contact and not saved. It runs on the UI goroutine, as the window goes,
// so that nothing is left to a worker the quit would stop.
func (s *contactsScreen) flushEdits() {
	if s.current.ID == 0 || !s.form.changed() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.store.Update(ctx, s.editedContact()); err != nil {
		log.Printf("contacts: keep the changes to %s: %v", s.current.DisplayName(), err)
	}
}

func (s *contactsScreen) onDelete() {
	id := s.current.ID
	if id == 0 {
		return
	}
	s.tasks.inOrder(func(ctx context.Context) func() {
		c, err := s.store.Delete(ctx, id)
		return func() {
			if err != nil {
				showError(s.win, "Could not delete the contact", err)
				return
			}
			// The deletion shown before this one can no longer be undone,
			// nor a Done with the contact deleted.
			s.expireUndo(s.deleted)
			s.done.forget(id)
			deleted := &c
			s.deleted = deleted
			delete(s.selected, id)
			s.showNobody()
			s.undoLabel.SetText(fmt.Sprintf("Deleted %s.", oneLineLabel(c.DisplayName())))
			s.undoBar.Show()
			if s.undoTimer != nil {
				s.undoTimer.Stop()
			}
			// Through tasks, not fyne.Do: Fyne's test driver runs fyne.Do
			// on the timer's goroutine, beside the test's.
			s.undoTimer = time.AfterFunc(s.undoFor, func() { s.tasks.onUI(func() { s.expireUndo(deleted) }) })
			s.refresh()
			s.changed()
		}
	})
}

// undoFor is how long a deletion can be undone.
const undoFor = 15 * time.Second

// expireUndo ends the chance to undo the deletion of c, if it is the one
// the undo bar offers: the bar goes, and the store purges what it kept of
// the contact, with the card image files that no other contact uses.
func (s *contactsScreen) expireUndo(c *contacts.Contact) {
	if c == nil || s.deleted != c {
		return
	}
	s.deleted = nil
	s.undoBar.Hide()
	id := c.ID
	s.tasks.inOrder(func(ctx context.Context) func() {
		if err := s.store.Purge(ctx, id); err != nil {
			log.Printf("contacts: %v", err) // the next start, or the daily clean-up, purges it
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
	s.tasks.inOrder(func(ctx context.Context) func() {
		err := s.store.Restore(ctx, c)
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
