package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/assets"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// What the line under the card under review says.
const (
	helpPick  = "Click a box on the card to put its text into the field you are editing."
	helpBlank = "No text could be read on this card. Type what it says into the fields, or Skip it."
)

// scanScreen reads a batch of card images and walks the user through
// reviewing each one beside its image.
type scanScreen struct {
	win       fyne.Window
	local     app.LocalSettings
	store     *sqlite.Store
	tasks     *tasks
	clock     app.Clock
	newEngine func(langs []string) (ocr.Engine, error)
	onSaved   func(c contacts.Contact, open bool)

	event              *widget.Entry
	openFiles          *widget.Button
	openFolder         *widget.Button
	samples            *widget.Button
	fromPhone          *widget.Button
	phone              *receiveDialog // receiving from a phone; nil before
	progress           *widget.ProgressBar
	status             *widget.Label
	cancel             *widget.Button
	progressBox        *fyne.Container
	failures           []string
	showFailures       *widget.Button
	cancelRead         context.CancelFunc
	readTotal, readNow int

	// The first follow-up proposed for the card under review, and a
	// promise made in the conversation, which is a follow-up of its own.
	followOn   *widget.Check
	followKind *widget.Select
	followDue  *widget.DateEntry
	followLine *widget.Entry
	promise    *widget.Entry
	delay      int              // days from meeting to the first follow-up
	cadence    contacts.Cadence // the keep-in-touch cadence a new card gets

	// drafts keeps what was typed for cards turned away from with Next
	// and Previous card.
	drafts map[*ocr.Reading]reviewDraft

	queue []*ocr.Reading // read and waiting for review; queue[0] is shown
	// corrections are those the user made on earlier cards, which later
	// cards from the same firm are read with; shown is queue[0] as put in
	// the form, with them, and used the corrections that changed it.
	corrections []contacts.Correction
	shown       contacts.Contact
	used        []int64
	card        *cardView
	form        *contactForm
	position    *widget.Label
	help        *widget.Label // under the card
	save        *widget.Button
	saveNext    *widget.Button
	skip        *widget.Button
	review      *fyne.Container
	empty       *fyne.Container
	content     *fyne.Container
}

func newScanScreen(win fyne.Window, local app.LocalSettings, store *sqlite.Store, tasks *tasks, clock app.Clock, newEngine func(langs []string) (ocr.Engine, error), onSaved func(c contacts.Contact, open bool)) *scanScreen {
	return &scanScreen{win: win, local: local, store: store, tasks: tasks, clock: clock, newEngine: newEngine, onSaved: onSaved}
}

func (s *scanScreen) buildUI() fyne.CanvasObject {
	s.event = widget.NewEntry()
	s.event.SetPlaceHolder("Where are these cards from? e.g. Atlanta Tech Meetup")
	s.event.SetText(s.local.LastEvent())
	s.openFiles = widget.NewButtonWithIcon("Open image…", theme.FileImageIcon(), s.onOpenFiles)
	s.openFolder = widget.NewButtonWithIcon("Open folder…", theme.FolderOpenIcon(), s.onOpenFolder)
	s.samples = &widget.Button{Text: "Try with sample cards", Icon: theme.MediaPlayIcon(), OnTapped: s.onSamples, Importance: widget.HighImportance}
	s.samples.Hide()

	s.progress = widget.NewProgressBar()
	s.status = widget.NewLabel("")
	s.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.onCancel)
	s.showFailures = widget.NewButtonWithIcon("Show problems", theme.WarningIcon(), s.onShowFailures)
	s.showFailures.Hide()
	s.progressBox = container.NewBorder(nil, nil, nil, container.NewHBox(s.cancel, s.showFailures), container.NewVBox(s.status, s.progress))
	s.progressBox.Hide()

	s.card = newCardView()
	s.card.OnPick = s.onPick
	s.form = newContactForm()
	s.form.findPeople = func(text string, found func(map[string]int64)) { findPeople(s.store, s.tasks, text, found) }
	s.position = widget.NewLabel("")
	s.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { s.onSave(false) })
	s.saveNext = widget.NewButtonWithIcon("Save and next", theme.NavigateNextIcon(), func() { s.onSave(true) })
	s.saveNext.Importance = widget.HighImportance
	s.skip = widget.NewButtonWithIcon("Skip", theme.ContentClearIcon(), s.onSkip)
	s.delay = contacts.DefaultFollowUpDelay
	s.loadDefaults()
	s.followOn = widget.NewCheck("Schedule a first follow-up", func(on bool) {
		for _, w := range []fyne.Disableable{s.followKind, s.followDue, s.followLine} {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	})
	s.followKind = widget.NewSelect(kindLabels(), nil)
	s.followDue = widget.NewDateEntry()
	s.followLine = widget.NewEntry()
	s.followLine.SetPlaceHolder("e.g. send her the article on hiring")
	s.promise = widget.NewEntry()
	s.promise.SetPlaceHolder("I promised… (an intro, an article): kept as a follow-up of its own")
	follow := widget.NewCard("", "Follow through", container.NewVBox(
		s.followOn,
		container.NewBorder(nil, nil, s.followKind, nil, s.followDue),
		s.followLine,
		s.promise,
	))
	s.help = hintLabel(helpPick)
	s.help.Wrapping = fyne.TextWrapWord
	formSide := container.NewBorder(nil,
		container.NewHBox(s.position, layoutSpacer(), s.skip, s.save, s.saveNext), nil, nil,
		container.NewVScroll(container.NewVBox(s.form.buildUI(), follow)))
	split := container.NewHSplit(container.NewBorder(nil, s.help, nil, nil, s.card), formSide)
	split.Offset = 0.5
	s.review = container.NewStack(split)
	s.review.Hide()

	drop := widget.NewLabelWithStyle("Drop card images or a folder here,\nor open them:", fyne.TextAlignCenter, fyne.TextStyle{})
	s.empty = container.NewCenter(container.NewVBox(
		widget.NewIcon(theme.FileImageIcon()),
		drop,
		container.NewHBox(layoutSpacer(), s.openFiles, s.openFolder, layoutSpacer()),
		container.NewHBox(layoutSpacer(), s.samples, layoutSpacer()),
	))
	s.fromPhone = widget.NewButtonWithIcon("From your phone…", theme.UploadIcon(), s.onFromPhone)
	top := container.NewBorder(nil, nil, widget.NewLabel("Event"), s.fromPhone, s.event)
	s.content = container.NewBorder(container.NewVBox(top, s.progressBox), nil, nil, nil, container.NewStack(s.empty, s.review))
	return s.content
}

// loadDefaults loads, from the settings, the delay of the first
// follow-up and the cadence proposed for each new card.
func (s *scanScreen) loadDefaults() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		days, err := app.FollowUpDelay(ctx, s.store, "")
		cadence, cerr := app.DefaultCadence(ctx, s.store)
		return func() {
			if err == nil {
				s.delay = days
			}
			if cerr == nil {
				s.cadence = cadence
			}
		}
	})
}

// offerSamples shows "Try with sample cards" when the database is empty.
func (s *scanScreen) offerSamples(empty bool) {
	if empty {
		s.samples.Show()
	} else {
		s.samples.Hide()
	}
}

func (s *scanScreen) onOpenFiles() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(s.win, "Could not open the file", err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		s.read([]string{r.URI().Path()})
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp", ".JPG", ".JPEG", ".PNG"}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (s *scanScreen) onOpenFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError(s.win, "Could not open the folder", err)
			return
		}
		if l == nil {
			return
		}
		s.read([]string{l.Path()})
	}, s.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (s *scanScreen) onSamples() {
	dir, err := os.MkdirTemp("", "followthrough-samples-")
	if err != nil {
		showError(s.win, "Could not prepare the sample cards", err)
		return
	}
	paths, err := assets.WriteSamples(dir)
	if err != nil {
		showError(s.win, "Could not prepare the sample cards", err)
		return
	}
	s.event.SetText("Sample cards")
	s.read(paths)
}

// read reads the images in paths (files, or folders to search) in the
// background; cards appear for review as they are read.
func (s *scanScreen) read(args []string) {
	if s.cancelRead != nil {
		dialog.ShowInformation("Still reading", "Wait for the cards being read, or cancel them, before adding more.", s.win)
		return
	}
	paths, err := app.ImagePaths(args)
	if err != nil {
		showError(s.win, "Could not open the cards", err)
		return
	}
	if len(paths) == 0 {
		dialog.ShowInformation("No card images", "No JPEG, PNG, TIFF, WebP or BMP images were found there.", s.win)
		return
	}
	s.local.SetLastEvent(strings.TrimSpace(s.event.Text))
	ctx, cancel := context.WithCancel(s.tasks.context())
	s.cancelRead = cancel
	s.failures = nil
	s.readTotal, s.readNow = len(paths), 0
	s.progress.Max = float64(len(paths))
	s.progress.SetValue(0)
	s.status.SetText(fmt.Sprintf("Reading %s…", contacts.Plural(len(paths), "card")))
	s.cancel.Show()
	s.showFailures.Hide()
	s.progress.Show()
	s.progressBox.Show()

	s.tasks.onItsOwn(func(context.Context) {
		langs := app.ReadingLanguages(ctx, s.store)
		cs, err := s.store.Corrections(ctx)
		if err != nil {
			log.Printf("scan: %v", err)
		}
		s.tasks.onUI(func() { s.corrections = cs })
		batch := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return s.newEngine(langs) }}
		lift := app.LimitHeap()
		err = batch.Read(ctx, paths, func(r ocr.Result) {
			s.tasks.onUI(func() { s.onRead(r) })
		})
		lift()
		s.tasks.onUI(func() { s.onReadDone(err) })
	})
}

func (s *scanScreen) onRead(r ocr.Result) {
	s.readNow++
	s.progress.SetValue(float64(s.readNow))
	s.status.SetText(fmt.Sprintf("Read %d of %d cards", s.readNow, s.readTotal))
	if r.Err != nil {
		if !errors.Is(r.Err, context.Canceled) {
			log.Printf("scan: %v", r.Err)
			s.failures = append(s.failures, fmt.Sprintf("%s: %s", filepath.Base(r.Path), app.WithoutPath(errorReason(r.Err), r.Path)))
		}
		return
	}
	s.queue = append(s.queue, r.Reading)
	if len(s.queue) == 1 {
		s.showReview()
	} else {
		s.updatePosition()
	}
}

func (s *scanScreen) onReadDone(err error) {
	s.cancelRead = nil
	s.cancel.Hide()
	read := s.readNow - len(s.failures)
	msg := fmt.Sprintf("Read %s", contacts.Plural(read, "card"))
	switch {
	case errors.Is(err, context.Canceled):
		msg = fmt.Sprintf("Stopped after %d of %d cards; the cards read are kept for review", read, s.readTotal)
	case err != nil:
		showError(s.win, "Could not read the cards", err)
	}
	if n := len(s.failures); n > 0 {
		msg += fmt.Sprintf("; %s could not be read", contacts.Plural(n, "image"))
		s.showFailures.Show()
	}
	s.status.SetText(msg)
	s.progress.Hide()
	if len(s.failures) == 0 && !errors.Is(err, context.Canceled) {
		s.progressBox.Hide()
	}
}

func (s *scanScreen) onCancel() {
	if s.cancelRead != nil {
		s.cancelRead()
		s.status.SetText("Stopping…")
	}
}

func (s *scanScreen) onShowFailures() {
	text := &widget.Label{Text: strings.Join(s.failures, "\n"), Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustom("Images that could not be read", "Close", container.NewVScroll(text), s.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// showReview shows the first card waiting for review, or the start page
// when none is left.
func (s *scanScreen) showReview() {
	if len(s.queue) == 0 {
		s.review.Hide()
		s.empty.Show()
		if s.cancelRead == nil && len(s.failures) == 0 {
			s.progressBox.Hide()
		}
		return
	}
	r := s.queue[0]
	s.card.SetCard(r.Image, r.Lines)
	corrected := *r
	corrected.Fields, s.used = ocr.ApplyCorrections(r.Fields, s.corrections)
	c := corrected.Contact()
	s.shown = c
	c.Event = strings.TrimSpace(s.event.Text)
	c.MetOn = s.clock.Today() // the user changes it for an older card
	c.Cadence = s.cadence
	s.form.set(c)
	s.form.showEvidence(corrected.Fields)
	s.help.SetText(helpPick)
	s.help.Importance = widget.MediumImportance
	if app.BlankCard(c) {
		// A handwritten card, or the back of one: the user can still
		// type what it says.
		s.help.SetText(helpBlank)
		s.help.Importance = widget.WarningImportance
	}
	s.help.Refresh()
	s.proposeFollowUp(c)
	s.updatePosition()
	s.empty.Hide()
	s.review.Show()
}

// reloadCorrections loads the corrections again, after the user removed
// one, for the cards shown after the one under review.
func (s *scanScreen) reloadCorrections() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		cs, err := s.store.Corrections(ctx)
		return func() {
			if err != nil {
				log.Printf("scan: %v", err)
				return
			}
			s.corrections = cs
		}
	})
}

func (s *scanScreen) updatePosition() {
	if len(s.queue) == 0 {
		s.position.SetText("")
		return
	}
	s.position.SetText(fmt.Sprintf("%s: %s waiting", filepath.Base(s.queue[0].Path), contacts.Plural(len(s.queue), "card")))
}

func (s *scanScreen) onPick(text string) {
	s.form.put(text)
}

func (s *scanScreen) onSkip() {
	if len(s.queue) == 0 {
		return
	}
	delete(s.drafts, s.queue[0])
	s.queue = s.queue[1:]
	s.showReview()
}

// onSave saves the card being reviewed and takes it off the queue. With
// next it shows the next card; otherwise it opens the saved contact, and
// the other cards wait in Scan.
func (s *scanScreen) onSave(next bool) {
	if len(s.queue) == 0 {
		return
	}
	r := s.queue[0]
	c := s.form.contact()
	if app.BlankCard(c) {
		dialog.ShowInformation("Nothing to save", "Type at least a name, company, phone or email from the card, or press Skip.", s.win)
		return
	}
	follow := s.followUps(c)
	learnt := ocr.Learn(s.shown, c)
	used := s.used
	s.setReviewEnabled(false)
	s.tasks.inOrder(func(ctx context.Context) func() {
		matches, err := s.store.Duplicates(ctx, c)
		return func() {
			if err != nil {
				s.setReviewEnabled(true)
				showError(s.win, "Could not look for the same person", err)
				return
			}
			if len(matches) == 0 {
				s.saveWith(next, r.Path, func() (contacts.Contact, error) {
					return app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: r.Path, FollowUps: follow})
				}, learnt, used)
				return
			}
			m := matches[0]
			askMerge(s.win, m.Contact, c, m.Reasons, contacts.SuggestFromNewer(m.Contact, c),
				func(a app.ImportAction, fromOther []contacts.MergeField) {
					switch a {
					case app.ImportSkip:
						s.setReviewEnabled(true)
						s.onSkip()
					case app.ImportMerge:
						s.saveWith(next, r.Path, func() (contacts.Contact, error) {
							return app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: r.Path, FollowUps: follow, MergeInto: &m.Contact, FromOther: fromOther})
						}, learnt, used)
					default:
						s.saveWith(next, r.Path, func() (contacts.Contact, error) {
							return app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: r.Path, FollowUps: follow})
						}, learnt, used)
					}
				})
			// Cancel in the dialog leaves the card to review.
			s.setReviewEnabled(true)
		}
	})
}

// saveWith runs save in the background and takes the card at path off the
// queue once it has worked. With next it shows the next card; otherwise
// it opens the saved contact. What the user corrected on the card is
// remembered for the cards after it (learnt), and the corrections it was
// read with (used) are counted.
func (s *scanScreen) saveWith(next bool, path string, save func() (contacts.Contact, error), learnt []contacts.Correction, used []int64) {
	s.setReviewEnabled(false)
	s.tasks.inOrder(func(ctx context.Context) func() {
		saved, err := save()
		var cs []contacts.Correction
		if err == nil {
			for _, id := range used {
				if err := s.store.CorrectionUsed(ctx, id); err != nil {
					log.Printf("scan: %v", err)
				}
			}
			if len(learnt) > 0 {
				if err := s.store.SaveCorrections(ctx, learnt); err != nil {
					log.Printf("scan: %v", err)
				}
			}
			if cs, err = s.store.Corrections(ctx); err != nil {
				log.Printf("scan: %v", err)
				err = nil
			}
		}
		return func() {
			if cs != nil {
				s.corrections = cs
			}
			s.setReviewEnabled(true)
			if err != nil {
				showError(s.win, "Could not save the contact", err)
				return
			}
			if len(s.queue) > 0 && s.queue[0].Path == path {
				delete(s.drafts, s.queue[0])
				s.queue = s.queue[1:]
			}
			s.showReview()
			if s.onSaved != nil {
				s.onSaved(saved, !next)
			}
		}
	})
}

// proposeFollowUp fills in the first follow-up proposed for c, which the
// user can accept, change or drop.
func (s *scanScreen) proposeFollowUp(c contacts.Contact) {
	f := app.FirstFollowUp(c, s.clock.Today(), s.delay)
	s.followOn.SetChecked(true)
	s.followKind.SetSelected(f.Kind.Label())
	due := f.Due.In(time.Local)
	s.followDue.SetDate(&due)
	s.followLine.SetText("")
	s.promise.SetText("")
}

// followUps are the follow-ups to schedule with c, the card being saved.
// Without a day picked they fall on the day the first follow-up would.
func (s *scanScreen) followUps(c contacts.Contact) []contacts.FollowUp {
	due := app.FirstFollowUp(c, s.clock.Today(), s.delay).Due
	if s.followDue.Date != nil {
		due = contacts.DayOf(*s.followDue.Date)
	}
	var out []contacts.FollowUp
	if s.followOn.Checked {
		out = append(out, contacts.FollowUp{Kind: kindFromLabel(s.followKind.Selected), Due: due, Line: strings.TrimSpace(s.followLine.Text)})
	}
	if p := strings.TrimSpace(s.promise.Text); p != "" {
		out = append(out, contacts.FollowUp{Kind: contacts.KindPromise, Due: due, Line: p})
	}
	return out
}

func (s *scanScreen) setReviewEnabled(on bool) {
	for _, b := range []*widget.Button{s.save, s.saveNext, s.skip} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}
