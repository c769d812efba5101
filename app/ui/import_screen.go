package ui

import (
	"context"
	"fmt"
	"path/filepath"
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

// importScreen shows what .vcf files hold before anything is saved: the
// cards, the ones that may already be in the contacts, and the ones that
// could not be read. Import saves them once the user has looked.
type importScreen struct {
	win     fyne.Window
	store   *sqlite.Store
	tasks   *tasks
	dates   contacts.DateFormat
	onDone  func() // after an import, for the other screens
	batch   app.ImportBatch
	dialog  dialog.Dialog
	summary *widget.Label
	errors  *widget.Label
	list    *dialogList
	confirm *dialogButton
	// skipAll and mergeAll set every duplicate's action: hidden with no
	// duplicate, disabled when each already has it.
	skipAll, mergeAll *dialogButton
	keys              *dialogKeys
}

func newImportScreen(win fyne.Window, store *sqlite.Store, tasks *tasks, dates contacts.DateFormat, onDone func()) *importScreen {
	return &importScreen{win: win, store: store, tasks: tasks, dates: dates, onDone: onDone}
}

// onChooseFile asks for a .vcf file and opens it.
func (s *importScreen) onChooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(s.win, "Could not open the file", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.open([]string{path})
	}, s.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// open reads the .vcf files at paths in the background and shows what
// they hold. Nothing is saved yet.
func (s *importScreen) open(paths []string) {
	s.tasks.inOrder(func(ctx context.Context) func() {
		b, err := app.ReadImport(ctx, s.store, paths, false)
		return func() {
			if err != nil {
				showError(s.win, "Could not read the contacts", err)
				return
			}
			if len(b.Cards) == 0 && len(b.Errs) == 0 {
				showInformation(s.win, "No contacts", "There are no contacts in "+fileNames(paths)+".")
				return
			}
			s.batch = b
			s.show(paths)
		}
	})
}

// show opens the dialog for the batch read from paths.
func (s *importScreen) show(paths []string) {
	content := s.buildUI()
	s.update()
	s.dialog = dialog.NewCustomWithoutButtons("Import from "+fileNames(paths), content, s.win)
	s.dialog.Resize(fyne.NewSize(760, 560))
	s.keys.show(s.dialog, pressing(s.confirm), nil)
}

func (s *importScreen) buildUI() fyne.CanvasObject {
	s.summary = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.errors = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	s.keys = newDialogKeys(s.win)
	s.list = s.keys.list(
		func() int { return len(s.batch.Cards) },
		func() fyne.CanvasObject { return newImportRow(s.keys) },
		s.updateRow,
	)
	s.confirm = s.keys.button("Import", theme.DownloadIcon(), s.onImport)
	s.confirm.Importance = widget.HighImportance
	cancel := s.keys.button("Cancel", nil, func() { s.dialog.Hide() })
	s.skipAll = s.keys.button("Skip all duplicates", nil, func() { s.setAll(app.ImportSkip) })
	s.mergeAll = s.keys.button("Merge all duplicates", nil, func() { s.setAll(app.ImportMerge) })
	return container.NewBorder(
		container.NewVBox(s.summary, s.errors),
		container.NewHBox(cancel, layoutSpacer(), s.skipAll, s.mergeAll, s.confirm),
		nil, nil, s.list)
}

var actionNames = map[app.ImportAction]string{app.ImportSkip: "Skip", app.ImportMerge: "Merge", app.ImportAdd: "Keep both"}

func (s *importScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.batch.Cards) {
		return
	}
	card := s.batch.Cards[i]
	row := o.(*importRow)
	action, compare, buttons := row.action, row.compare, row.buttons
	c := card.Contact
	detail := contacts.JoinNonEmpty(" · ", c.Title, c.Company, firstOf(c.Emails), filepath.Base(card.File))
	if len(card.Matches) == 0 {
		row.set(c.DisplayName(), "New · "+detail)
		buttons.Hide()
		return
	}
	m := card.Matches[0]
	row.set(c.DisplayName(),
		fmt.Sprintf("Maybe %s: %s", m.Contact.DisplayName(), strings.Join(m.Reasons, ", ")))
	buttons.Show()
	action.OnChanged = nil
	action.SetSelected(actionNames[card.Action])
	action.OnChanged = func(name string) {
		for a, n := range actionNames {
			if n == name {
				card.Action = a
			}
		}
		if card.Action == app.ImportMerge && card.FromOther == nil {
			card.FromOther = contacts.SuggestFromNewer(m.Contact, c)
		}
		s.update()
	}
	compare.OnTapped = func() { s.onCompare(i) }
}

// onCompare shows card i beside the contact it may be, for the user to
// merge field by field, keep both, or skip it.
func (s *importScreen) onCompare(i int) {
	card := s.batch.Cards[i]
	fromOther := card.FromOther
	if fromOther == nil {
		fromOther = contacts.SuggestFromNewer(card.Matches[0].Contact, card.Contact)
	}
	askMerge(s.win, s.dates, card.Matches[0].Contact, card.Contact, card.Matches[0].Reasons, fromOther,
		func(a app.ImportAction, fs []contacts.MergeField) {
			card.Action, card.FromOther = a, fs
			s.update()
		})
}

// setAll sets what to do with every card that may be a duplicate.
func (s *importScreen) setAll(a app.ImportAction) {
	for _, card := range s.batch.Cards {
		if len(card.Matches) > 0 {
			card.Action = a
			if a == app.ImportMerge && card.FromOther == nil {
				card.FromOther = contacts.SuggestFromNewer(card.Matches[0].Contact, card.Contact)
			}
		}
	}
	s.update()
}

// update shows the counts and errors of the batch.
func (s *importScreen) update() {
	var add, merge, skip, dup, dupMerged, dupSkipped int
	for _, card := range s.batch.Cards {
		if len(card.Matches) > 0 {
			dup++
			switch card.Action {
			case app.ImportMerge:
				dupMerged++
			case app.ImportSkip:
				dupSkipped++
			}
		}
		switch card.Action {
		case app.ImportAdd:
			add++
		case app.ImportMerge:
			merge++
		default:
			skip++
		}
	}
	text := fmt.Sprintf("%s found", contacts.Plural(len(s.batch.Cards), "contact"))
	if dup > 0 {
		text += fmt.Sprintf("; %s may already be in your contacts", contacts.Plural(dup, "card"))
	}
	text += fmt.Sprintf(". Import adds %d, merges %d and skips %d. Nothing is saved until you press Import.", add, merge, skip)
	s.summary.SetText(text)
	if len(s.batch.Errs) > 0 {
		var lines []string
		for _, e := range s.batch.Errs {
			lines = append(lines, app.Reason(e))
		}
		s.errors.SetText(fmt.Sprintf("%s could not be read and will be left out:\n%s",
			contacts.Plural(len(s.batch.Errs), "card or line"), strings.Join(lines, "\n")))
		s.errors.Show()
	} else {
		s.errors.Hide()
	}
	showIf(s.skipAll, dup > 0)
	showIf(s.mergeAll, dup > 0)
	enableIf(s.skipAll, dupSkipped < dup)
	enableIf(s.mergeAll, dupMerged < dup)
	if add+merge == 0 {
		s.confirm.Disable()
	} else {
		s.confirm.Enable()
		s.confirm.SetText(fmt.Sprintf("Import %s", contacts.Plural(add+merge, "contact")))
	}
	s.list.Refresh()
}

// onImport saves the batch as the user chose.
func (s *importScreen) onImport() {
	s.confirm.Disable()
	b := s.batch
	s.tasks.inOrder(func(ctx context.Context) func() {
		r, err := b.Save(ctx, s.store)
		return func() {
			s.dialog.Hide()
			if s.onDone != nil {
				s.onDone()
			}
			if err != nil {
				showError(s.win, "Could not import the contacts; none of them was saved", err)
				return
			}
			showInformation(s.win, "Imported", r.String())
		}
	})
}

// fileNames names the files at paths for a title.
func fileNames(paths []string) string {
	if len(paths) == 1 {
		return filepath.Base(paths[0])
	}
	return contacts.Plural(len(paths), "file")
}

func firstOf(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}
