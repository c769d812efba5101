package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/receive"
	"followthrough/app/review"
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
// reviewing each one beside its image. The cards waiting for review are
// kept in the data folder (review.Queue), with what the user typed, so
// that quitting loses none; only the card shown has its image in memory.
type scanScreen struct {
	win     fyne.Window
	store   *sqlite.Store
	waiting *review.Queue
	// arrivalBatch is the batch of the cards that came from the phone
	// or the watched folder while the window is open. phoneCards tell
	// the phone each card under review came from what became of it, by
	// the card's ID.
	arrivalBatch string
	phoneCards   map[string]func(receive.State)
	tasks        *tasks
	clock        app.Clock
	dates        contacts.DateFormat // how days are written
	newEngine    func(langs []string) (ocr.Engine, error)
	onSaved      func(c contacts.Contact, open bool)
	// onReconnect shows Reconnect, from the summary after the last card;
	// onWaiting shows Scan, where cards left waiting are offered.
	onReconnect func()
	onWaiting   func()
	// onState is told when a card comes under review, or none is left.
	onState func()

	// event is the event of the batch under review, or of the next one.
	// remembered is the event the user typed for their last batch, kept
	// in the data folder; setting is set while the screen sets event.
	event      *widget.Entry
	remembered string
	setting    bool

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
	// stack holds, while a stack of files is read, each card's place in
	// it, so that cards read out of turn are reviewed in the files'
	// order; nil for cards that came one by one, as from the phone.
	stack map[string]int

	// resume offers, at a start, to go on with the cards left waiting.
	resume                        *fyne.Container
	resumeText                    *widget.Label
	resumeContinue, resumeDiscard *widget.Button

	// The first follow-up proposed for the card under review, and a
	// promise made in the conversation, which is a follow-up of its own.
	followOn   *widget.Check
	followKind *widget.Select
	followDue  *dayEntry
	followLine *widget.Entry
	promise    *widget.Entry
	delay      int              // days from meeting to the first follow-up
	cadence    contacts.Cadence // the keep-in-touch cadence a new card gets

	queue []*review.Card // read and waiting for review; queue[0] is shown
	// corrections are those the user made on earlier cards, which later
	// cards from the same firm are read with; shown is queue[0] as put in
	// the form, with them, and used the corrections that changed it.
	corrections []contacts.Correction
	shown       contacts.Contact
	used        []int64

	// The cards of this round of review, in the order they come to review,
	// for "Card 3 of 10", and what became of them, for the summary after
	// the last.
	round                     []string
	saved, skipped, scheduled int
	// lastSaved is the card saved last, which Undo takes back.
	lastSaved *savedCard

	card        *cardView
	enlarge     *widget.Button
	enlarged    bool
	split       *container.Split
	cardSide    *fyne.Container
	form        *contactForm
	formScroll  *container.Scroll
	position    *widget.Label
	savedText   *widget.Label
	undo        *widget.Button
	savedLine   *fyne.Container
	help        *widget.Label // under the card
	save        *widget.Button
	saveNext    *widget.Button
	skip        *widget.Button
	review      *fyne.Container
	summary     *fyne.Container
	summaryText *widget.Label
	toReconnect *widget.Button
	empty       *fyne.Container
	content     *fyne.Container
}

// savedCard is a card saved from review, which Undo can take back.
type savedCard struct {
	card      *review.Card
	contactID int64
	followUps int
}

func newScanScreen(win fyne.Window, store *sqlite.Store, waiting *review.Queue, tasks *tasks, clock app.Clock, newEngine func(langs []string) (ocr.Engine, error), onSaved func(c contacts.Contact, open bool)) *scanScreen {
	return &scanScreen{win: win, store: store, waiting: waiting, tasks: tasks, clock: clock, newEngine: newEngine, onSaved: onSaved,
		arrivalBatch: review.NewBatch()}
}

func (s *scanScreen) buildUI() fyne.CanvasObject {
	s.event = widget.NewEntry()
	s.event.SetPlaceHolder("Where are these cards from? e.g. Atlanta Tech Meetup")
	s.event.OnChanged = s.onEventChanged
	s.openFiles = widget.NewButtonWithIcon("Open image…", theme.FileImageIcon(), s.onOpenFiles)
	s.openFolder = widget.NewButtonWithIcon("Open folder…", theme.FolderOpenIcon(), s.onOpenFolder)
	s.samples = &widget.Button{Text: "Try with sample cards", Icon: theme.MediaPlayIcon(), OnTapped: s.onSamples, Importance: widget.HighImportance}
	s.samples.Hide()

	// The progress shares the event's line, so that the card below does
	// not move when it comes and goes; its text is cut short rather than
	// widen the window.
	s.progress = widget.NewProgressBar()
	s.progress.TextFormatter = func() string { return s.status.Text }
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.onCancel)
	s.showFailures = widget.NewButtonWithIcon("Show problems", theme.WarningIcon(), s.onShowFailures)
	s.showFailures.Hide()
	s.progressBox = container.NewBorder(nil, nil, nil, container.NewHBox(s.cancel, s.showFailures), container.NewStack(s.status, s.progress))
	s.progressBox.Hide()

	s.resumeText = widget.NewLabel("")
	s.resumeText.Wrapping = fyne.TextWrapWord
	s.resumeContinue = &widget.Button{Text: "Continue", Icon: theme.MediaPlayIcon(), OnTapped: s.onResume, Importance: widget.HighImportance}
	s.resumeDiscard = widget.NewButtonWithIcon("Discard", theme.DeleteIcon(), s.onDiscard)
	s.resume = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), container.NewHBox(s.resumeDiscard, s.resumeContinue), s.resumeText)
	s.resume.Hide()

	s.card = newCardView()
	s.card.OnPick = s.onPick
	s.enlarge = widget.NewButtonWithIcon("Enlarge card", theme.ZoomInIcon(), s.onEnlarge)
	s.enlarge.Importance = widget.LowImportance
	s.form = newContactForm(s.dates)
	s.form.findPeople = func(text string, found func(map[string]int64)) { findPeople(s.store, s.tasks, text, found) }
	s.position = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.position.Truncation = fyne.TextTruncateEllipsis
	s.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { s.onSave(false) })
	s.saveNext = widget.NewButtonWithIcon("Save and next", theme.NavigateNextIcon(), func() { s.onSave(true) })
	s.saveNext.Importance = widget.HighImportance
	s.skip = widget.NewButtonWithIcon("Skip", theme.ContentClearIcon(), s.onSkip)
	s.savedText = widget.NewLabel("")
	s.savedText.Truncation = fyne.TextTruncateEllipsis
	s.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), s.onUndo)
	s.savedLine = container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), s.undo, s.savedText)
	s.savedLine.Hide()
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
	s.followDue = newDayEntry(s.dates)
	s.followLine = widget.NewEntry()
	s.followLine.SetPlaceHolder("e.g. send her the article on hiring")
	s.promise = widget.NewEntry()
	s.promise.SetPlaceHolder("I promised… (an intro, an article): kept as a follow-up of its own")
	follow := widget.NewCard("Follow-ups", "", container.NewVBox(
		s.followOn,
		container.NewBorder(nil, nil, s.followKind, nil, s.followDue.buildUI()),
		s.followDue.hint,
		s.followLine,
		s.promise,
	))
	s.help = hintLabel(helpPick)
	s.help.Wrapping = fyne.TextWrapWord
	form := s.form.buildUI()
	growWithText(form)
	s.formScroll = container.NewVScroll(container.NewVBox(form, follow))
	formSide := container.NewBorder(s.position,
		container.NewVBox(s.savedLine, container.NewHBox(layoutSpacer(), s.skip, s.save, s.saveNext)), nil, nil,
		container.NewStack(s.formScroll, newWheelToForm(s.formScroll)))
	s.cardSide = container.NewBorder(nil, container.NewBorder(nil, nil, nil, s.enlarge, s.help), nil, nil, s.card)
	s.split = container.NewHSplit(s.cardSide, formSide)
	s.split.Offset = 0.5
	s.review = container.NewStack(s.split)
	s.review.Hide()

	s.summaryText = widget.NewLabel("")
	s.summaryText.Wrapping = fyne.TextWrapWord
	s.summaryText.Alignment = fyne.TextAlignCenter
	s.toReconnect = &widget.Button{Text: "Go to Reconnect", Icon: theme.HomeIcon(), Importance: widget.HighImportance, OnTapped: func() {
		if s.onReconnect != nil {
			s.onReconnect()
		}
	}}
	s.summary = container.NewVBox(s.summaryText, container.NewHBox(layoutSpacer(), s.toReconnect, layoutSpacer()), widget.NewSeparator())
	s.summary.Hide()

	drop := widget.NewLabelWithStyle("Drop card images or a folder here,\nor open them:", fyne.TextAlignCenter, fyne.TextStyle{})
	s.empty = container.NewCenter(container.NewVBox(
		s.summary,
		widget.NewIcon(theme.FileImageIcon()),
		drop,
		container.NewHBox(layoutSpacer(), s.openFiles, s.openFolder, layoutSpacer()),
		container.NewHBox(layoutSpacer(), s.samples, layoutSpacer()),
	))
	s.fromPhone = widget.NewButtonWithIcon("From your phone…", theme.UploadIcon(), s.onFromPhone)
	top := container.NewBorder(nil, nil, widget.NewLabel("Event"), s.fromPhone,
		container.New(layout.NewGridLayoutWithColumns(2), s.event, s.progressBox))
	s.content = container.NewBorder(container.NewVBox(top, s.resume), nil, nil, nil, container.NewStack(s.empty, s.review))
	return s.content
}

// loadDefaults loads, from the settings, the delay of the first
// follow-up, the cadence proposed for each new card and the event last
// typed, and offers to go on with the cards left waiting.
func (s *scanScreen) loadDefaults() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		days, err := app.FollowUpDelay(ctx, s.store, "")
		cadence, cerr := app.DefaultCadence(ctx, s.store)
		event, eerr := app.LastEvent(ctx, s.store)
		waiting, werr := s.waiting.Cards(ctx)
		return func() {
			if err == nil {
				s.delay = days
			}
			if cerr == nil {
				s.cadence = cadence
			}
			if eerr != nil {
				log.Printf("scan: %v", eerr)
			}
			s.remembered = event
			if len(s.queue) == 0 && s.event.Text == "" {
				s.setEvent(event)
			}
			if werr != nil {
				log.Printf("scan: %v", werr)
			}
			s.offerResume(waiting)
		}
	})
}

// offerResume offers to go on with the cards left waiting by the last
// session, if any.
func (s *scanScreen) offerResume(waiting []review.Card) {
	if len(waiting) == 0 || len(s.queue) > 0 {
		s.resume.Hide()
		return
	}
	events := map[string]bool{}
	var event string
	for _, c := range waiting {
		events[c.Event] = true
		event = c.Event
	}
	text := fmt.Sprintf("%s %s waiting for review from last time.", contacts.Plural(len(waiting), "card"), isAre(len(waiting)))
	if len(events) == 1 && event != "" {
		text = fmt.Sprintf("%s from %s %s waiting.", contacts.Plural(len(waiting), "card"), event, isAre(len(waiting)))
	}
	s.resumeText.SetText(text)
	s.resume.Show()
	if s.onWaiting != nil {
		s.onWaiting()
	}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// onResume goes on with the cards left waiting: those read are shown for
// review, those not yet read (sent from the phone) are read.
func (s *scanScreen) onResume() {
	s.resume.Hide()
	s.tasks.inOrder(func(ctx context.Context) func() {
		waiting, err := s.waiting.Cards(ctx)
		return func() {
			if err != nil {
				showError(s.win, "Could not open the cards waiting", err)
				return
			}
			var unread []review.Card
			for _, c := range waiting {
				if !c.Read {
					unread = append(unread, c)
					continue
				}
				s.addToRound(&c)
			}
			if len(unread) > 0 {
				s.readWaiting(unread)
			}
		}
	})
}

// onDiscard lets the cards left waiting go.
func (s *scanScreen) onDiscard() {
	showConfirm(s.win, "Discard the cards waiting?", s.resumeText.Text+"\n\nDiscard them without saving? What was typed for them is lost too.", "Discard", "Keep them", func(ok bool) {
		if !ok {
			return
		}
		s.resume.Hide()
		s.tasks.inOrder(func(ctx context.Context) func() {
			err := s.waiting.Clear(ctx)
			return func() {
				if err != nil {
					showError(s.win, "Could not discard the cards", err)
				}
			}
		})
	})
}

// addToRound puts c, read, in the queue for review: after the cards
// waiting, or, for a card of a stack read out of turn, before the cards
// of the stack that come after it in the files' order. The card shown
// stays where it is.
func (s *scanScreen) addToRound(c *review.Card) {
	if len(s.queue) == 0 && s.cancelRead == nil {
		s.newRound()
	}
	place, inStack := s.stack[c.ID]
	later := func(id string) bool {
		p, ok := s.stack[id]
		return inStack && ok && p > place
	}
	q := len(s.queue)
	for q > 1 && later(s.queue[q-1].ID) {
		q--
	}
	s.queue = slices.Insert(s.queue, q, c)
	// In the round, after the card shown, or with none shown, after every
	// card reviewed.
	r, shown := len(s.round), len(s.round)
	if q > 0 {
		shown = slices.Index(s.round, s.queue[0].ID) + 1
	}
	for r > shown && later(s.round[r-1]) {
		r--
	}
	s.round = slices.Insert(s.round, r, c.ID)
	if len(s.queue) == 1 {
		s.showReview()
	} else {
		s.updatePosition()
	}
}

// newRound starts counting the cards of a new round of review.
func (s *scanScreen) newRound() {
	s.round, s.saved, s.skipped, s.scheduled, s.lastSaved = nil, 0, 0, 0, nil
	s.summary.Hide()
	s.savedLine.Hide()
}

// sampleEvent is the event the app's sample cards are filed under.
const sampleEvent = "Sample cards"

// onSamples reads the app's sample cards, filed under sampleEvent: the
// event the user typed is left as it is for their own next batch.
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
	s.readBatch(paths, sampleEvent, true, func() { os.RemoveAll(dir) })
}

// read reads the images in paths (files, or folders to search) in the
// background, as a batch from the event typed; cards appear for review
// as they are read.
func (s *scanScreen) read(args []string) {
	paths, err := app.ImagePaths(args)
	if err != nil {
		showError(s.win, "Could not open the cards", err)
		return
	}
	if len(paths) == 0 {
		showInformation(s.win, "No card images", "No JPEG, PNG, TIFF, WebP or BMP images were found there.")
		return
	}
	event := strings.TrimSpace(s.event.Text)
	if len(s.queue) > 0 && s.queue[0].Sample {
		// The event shown is the samples': a batch of the user's own is
		// filed under the event they typed last.
		event = s.remembered
	}
	s.readBatch(paths, event, false, nil)
}

// readBatch reads the image files in paths as a batch from event, and
// then calls done, if set.
func (s *scanScreen) readBatch(paths []string, event string, sample bool, done func()) {
	if s.cancelRead != nil {
		showInformation(s.win, "Still reading", "Wait for the cards being read, or cancel them, before adding more.")
		return
	}
	switch {
	case !sample:
		s.remember(event)
	case len(s.queue) == 0:
		// The event typed for the user's own next batch, which the
		// samples' is about to take the place of: kept for after them.
		s.remember(s.event.Text)
	}
	if len(s.queue) == 0 {
		s.newRound()
		s.setEvent(event)
	}
	s.resume.Hide()
	batch := review.NewBatch()
	s.startReading(len(paths), true, func(ctx context.Context, each func(ocr.Result) (*review.Card, error)) error {
		langs := app.ReadingLanguages(ctx, s.store)
		b := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return s.newEngine(langs) }, Options: app.ClassifyOptions(ctx, s.store)}
		lift := app.LimitHeap()
		defer lift()
		if done != nil {
			defer done()
		}
		return b.Read(ctx, paths, func(r ocr.Result) {
			each(r)
		})
	}, func(ctx context.Context, r ocr.Result) (*review.Card, error) {
		c, err := s.waiting.AddRead(ctx, r.Path, r.Reading, batch, event, sample)
		return &c, err
	})
}

// readWaiting reads the cards added to the queue without being read,
// such as those sent from the phone.
func (s *scanScreen) readWaiting(cards []review.Card) {
	if s.cancelRead != nil {
		return
	}
	paths := make([]string, len(cards))
	byPath := map[string]review.Card{}
	for i, c := range cards {
		paths[i] = s.waiting.OriginalPath(c)
		byPath[paths[i]] = c
	}
	s.startReading(len(paths), false, func(ctx context.Context, each func(ocr.Result) (*review.Card, error)) error {
		langs := app.ReadingLanguages(ctx, s.store)
		b := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return s.newEngine(langs) }, Options: app.ClassifyOptions(ctx, s.store)}
		lift := app.LimitHeap()
		defer lift()
		return b.Read(ctx, paths, func(r ocr.Result) { each(r) })
	}, func(ctx context.Context, r ocr.Result) (*review.Card, error) {
		c, err := s.waiting.SetRead(ctx, byPath[r.Path].ID, r.Reading)
		return &c, err
	})
}

// startReading shows the progress of reading total cards with read, in
// the background; keep keeps each card read in the queue's folder, on the
// reading goroutine, so that its image is let go before the next.
func (s *scanScreen) startReading(total int, stack bool,
	read func(ctx context.Context, each func(ocr.Result) (*review.Card, error)) error,
	keep func(ctx context.Context, r ocr.Result) (*review.Card, error)) {
	ctx, cancel := context.WithCancel(s.tasks.context())
	s.cancelRead = cancel
	s.failures = nil
	s.readTotal, s.readNow = total, 0
	s.stack = nil
	if stack {
		s.stack = map[string]int{}
	}
	s.progress.Max = float64(total)
	s.status.SetText(fmt.Sprintf("Reading %s…", contacts.Plural(total, "card")))
	s.progress.SetValue(0)
	s.cancel.Show()
	s.showFailures.Hide()
	s.status.Hide()
	s.progress.Show()
	s.progressBox.Show()

	s.tasks.onItsOwn(func(context.Context) {
		cs, err := s.store.Corrections(ctx)
		if err != nil {
			log.Printf("scan: %v", err)
		}
		s.tasks.onUI(func() { s.corrections = cs })
		err = read(ctx, func(r ocr.Result) (*review.Card, error) {
			var c *review.Card
			if r.Err == nil {
				var kerr error
				// What was read is kept even when the rest is cancelled.
				c, kerr = keep(s.tasks.context(), r)
				if kerr != nil {
					r.Err = kerr
				}
				r.Reading = nil // its image is on disk now
			}
			s.tasks.onUI(func() { s.onRead(r, c) })
			return c, nil
		})
		s.tasks.onUI(func() { s.onReadDone(err) })
	})
}

func (s *scanScreen) onRead(r ocr.Result, c *review.Card) {
	s.readNow++
	s.status.SetText(fmt.Sprintf("Read %d of %d cards", s.readNow, s.readTotal))
	s.progress.SetValue(float64(s.readNow))
	if r.Err != nil {
		if !errors.Is(r.Err, context.Canceled) {
			log.Printf("scan: %v", r.Err)
			s.failures = append(s.failures, fmt.Sprintf("%s: %s", filepath.Base(r.Path), app.CardProblem(r.Err)))
		}
		s.updatePosition() // one card fewer to come
		return
	}
	if s.stack != nil {
		s.stack[c.ID] = r.Index
	}
	// The batch's event may have been changed since the card was kept.
	if len(s.queue) > 0 && s.queue[0].Batch == c.Batch {
		c.Event = s.queue[0].Event
	}
	s.addToRound(c)
}

func (s *scanScreen) onReadDone(err error) {
	s.cancelRead = nil
	s.stack = nil
	defer s.updatePosition() // no more cards to come
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
	s.status.Show()
	if len(s.failures) == 0 && !errors.Is(err, context.Canceled) {
		s.progressBox.Hide()
	}
}

// showReview shows the first card waiting for review, with what was
// typed for it if anything, or the start page when none is left.
func (s *scanScreen) showReview() {
	if len(s.queue) == 0 {
		s.review.Hide()
		s.card.SetCard(nil, nil, image.Point{})
		s.showSummary()
		s.empty.Show()
		s.setEvent(s.remembered)
		if s.cancelRead == nil && len(s.failures) == 0 {
			s.progressBox.Hide()
		}
		s.stateChanged()
		return
	}
	r := s.queue[0]
	img, err := s.waiting.Image(*r)
	if err != nil {
		log.Printf("scan: %v", err)
	}
	s.card.SetCard(img, r.Lines, r.Size)
	s.setEvent(r.Event)
	corrected := r.Reading()
	corrected.Fields, s.used = ocr.ApplyCorrections(r.Fields, s.corrections)
	// The address in its parts, as SaveCard will store it, for the user to
	// check before it is saved.
	c := app.SplitAddresses(corrected.Contact(), s.store.Region)
	s.shown = c
	c.Event = r.Event
	c.MetOn = s.clock.Today() // the user changes it for an older card
	c.Cadence = s.cadence
	s.help.SetText(helpPick)
	s.help.Importance = widget.MediumImportance
	if app.BlankCard(c) {
		// A handwritten card, or the back of one: the user can still
		// type what it says.
		s.help.SetText(helpBlank)
		s.help.Importance = widget.WarningImportance
	}
	s.help.Refresh()
	if d := r.Draft; d != nil {
		s.form.set(d.Contact)
		s.form.showEvidence(corrected.Fields)
		s.showFollowUps(*d)
	} else {
		s.form.set(c)
		s.form.showEvidence(corrected.Fields)
		s.proposeFollowUp(c)
	}
	s.updatePosition()
	s.empty.Hide()
	s.review.Show()
	s.stateChanged()
	// Each card starts at the top of its form, ready to type its name;
	// the cursor is left alone while the user is on another screen.
	s.formScroll.ScrollToTop()
	if s.win != nil && s.content.Visible() {
		s.win.Canvas().Focus(s.form.name)
	}
}

// showSummary says what became of the cards of the round just reviewed.
func (s *scanScreen) showSummary() {
	if s.saved+s.skipped == 0 {
		s.summary.Hide()
		return
	}
	text := fmt.Sprintf("All cards reviewed: %s saved, %d skipped, %s scheduled.",
		contacts.Plural(s.saved, "contact"), s.skipped, contacts.Plural(s.scheduled, "follow-up"))
	s.summaryText.SetText(text)
	s.summary.Show()
	s.savedLine.Hide()
}

func (s *scanScreen) updatePosition() {
	if len(s.queue) == 0 {
		s.position.SetText("")
		return
	}
	// The round counts the cards of the stack still being read too.
	n, of := slices.Index(s.round, s.queue[0].ID)+1, len(s.round)
	if s.cancelRead != nil {
		of += s.readTotal - s.readNow
	}
	s.position.SetText(fmt.Sprintf("Card %d of %d · %s", n, of, s.queue[0].Name))
	s.stateChanged() // another card may be there to turn to
}

// setEvent shows event in the Event field without taking it for an edit.
func (s *scanScreen) setEvent(event string) {
	if s.event.Text == event {
		return
	}
	s.setting = true
	s.event.SetText(event)
	s.setting = false
}

// remember keeps event, typed for a batch of the user's, for the next.
func (s *scanScreen) remember(event string) {
	event = strings.TrimSpace(event)
	if event == s.remembered {
		return
	}
	s.remembered = event
	s.tasks.inOrder(func(ctx context.Context) func() {
		if err := app.SetLastEvent(ctx, s.store, event); err != nil {
			log.Printf("scan: %v", err)
		}
		return nil
	})
}

// onEventChanged files every card of the batch under review that is not
// yet saved under the event typed, the card shown too.
func (s *scanScreen) onEventChanged(text string) {
	if s.setting || len(s.queue) == 0 {
		return
	}
	cur := s.queue[0]
	event := strings.TrimSpace(text)
	old := cur.Event
	if s.form.event.Text == old {
		s.form.event.SetText(event)
	}
	for _, c := range s.queue {
		if c.Batch != cur.Batch {
			continue
		}
		if c.Draft != nil && c.Draft.Contact.Event == old {
			c.Draft.Contact.Event = event
		}
		c.Event = event
	}
	if !cur.Sample {
		s.remember(event)
	}
	batch := cur.Batch
	s.tasks.inOrder(func(ctx context.Context) func() {
		if err := s.waiting.SetEvent(ctx, batch, event); err != nil {
			log.Printf("scan: %v", err)
		}
		return nil
	})
}

func (s *scanScreen) onPick(text string) {
	s.form.put(text)
}

// onEnlarge gives the card image the whole review, so that its boxes are
// easy to click in a small window, or gives the form back.
func (s *scanScreen) onEnlarge() {
	s.enlarged = !s.enlarged
	if s.enlarged {
		s.review.Objects = []fyne.CanvasObject{s.cardSide}
		s.enlarge.SetText("Show the form")
		s.enlarge.SetIcon(theme.ZoomOutIcon())
	} else {
		s.review.Objects = []fyne.CanvasObject{s.split}
		s.split.Leading = s.cardSide
		s.enlarge.SetText("Enlarge card")
		s.enlarge.SetIcon(theme.ZoomInIcon())
	}
	s.review.Refresh()
	s.split.Refresh()
}

func (s *scanScreen) onSkip() {
	if len(s.queue) == 0 {
		return
	}
	c := s.queue[0]
	s.queue = s.queue[1:]
	s.skipped++
	s.savedLine.Hide()
	s.tellPhone(c, receive.Skipped)
	s.tasks.inOrder(func(ctx context.Context) func() {
		if err := s.waiting.Remove(ctx, c.ID); err != nil {
			log.Printf("scan: %v", err)
		}
		return nil
	})
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
		showInformation(s.win, "Nothing to save", "Type at least a name, company, phone or email from the card, or press Skip.")
		return
	}
	s.keepDraft()
	follow := s.followUps(c)
	learnt := ocr.Learn(s.shown, c)
	used := s.used
	imagePath := s.waiting.OriginalPath(*r)
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
				s.saveWith(next, r, false, func() (contacts.Contact, error) {
					return app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: imagePath, Turn: r.Rotated, FollowUps: follow})
				}, len(follow), learnt, used)
				return
			}
			m := matches[0]
			askMerge(s.win, s.dates, m.Contact, c, m.Reasons, contacts.SuggestFromNewer(m.Contact, c),
				func(a app.ImportAction, fromOther []contacts.MergeField) {
					switch a {
					case app.ImportSkip:
						s.setReviewEnabled(true)
						s.onSkip()
					case app.ImportMerge:
						s.saveWith(next, r, true, func() (contacts.Contact, error) {
							return app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: imagePath, Turn: r.Rotated, FollowUps: follow, MergeInto: &m.Contact, FromOther: fromOther})
						}, len(follow), learnt, used)
					default:
						s.saveWith(next, r, false, func() (contacts.Contact, error) {
							return app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: imagePath, Turn: r.Rotated, FollowUps: follow})
						}, len(follow), learnt, used)
					}
				})
			// Cancel in the dialog leaves the card to review.
			s.setReviewEnabled(true)
		}
	})
}

// saveWith runs save in the background and takes the card r off the
// queue once it has worked. With next it shows the next card; otherwise
// it opens the saved contact. What the user corrected on the card is
// remembered for the cards after it (learnt), and the corrections it was
// read with (used) are counted. A card saved as a new contact can be
// taken back with Undo; one merged into a stored contact cannot.
func (s *scanScreen) saveWith(next bool, r *review.Card, merged bool, save func() (contacts.Contact, error), followUps int, learnt []contacts.Correction, used []int64) {
	s.setReviewEnabled(false)
	s.tasks.inOrder(func(ctx context.Context) func() {
		saved, err := save()
		var cs []contacts.Correction
		if err == nil {
			if err := s.waiting.Done(ctx, r.ID); err != nil {
				log.Printf("scan: %v", err)
			}
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
			if i := slices.Index(s.queue, r); i >= 0 {
				s.queue = slices.Delete(s.queue, i, i+1)
			}
			s.saved++
			s.scheduled += followUps
			s.lastSaved = nil
			s.tellPhone(r, receive.Saved)
			if merged {
				s.savedText.SetText(fmt.Sprintf("Merged into %s.", saved.DisplayName()))
				s.undo.Hide()
			} else {
				s.lastSaved = &savedCard{card: r, contactID: saved.ID, followUps: followUps}
				s.savedText.SetText(fmt.Sprintf("Saved %s%s.", saved.DisplayName(), scheduledNote(followUps)))
				s.undo.Show()
			}
			s.savedLine.Show()
			s.showReview()
			if s.onSaved != nil {
				s.onSaved(saved, !next)
			}
		}
	})
}

func scheduledNote(n int) string {
	if n == 0 {
		return ""
	}
	return ", " + contacts.Plural(n, "follow-up") + " scheduled"
}

// onUndo takes back the card saved last: the contact goes, and the card
// is back under review as it was typed.
func (s *scanScreen) onUndo() {
	last := s.lastSaved
	if last == nil {
		return
	}
	s.lastSaved = nil
	s.savedLine.Hide()
	s.tasks.inOrder(func(ctx context.Context) func() {
		_, err := s.store.Delete(ctx, last.contactID)
		if err == nil {
			err = s.waiting.Restore(ctx, last.card.ID)
		}
		return func() {
			if err != nil {
				showError(s.win, "Could not undo the save", err)
				return
			}
			s.saved--
			s.scheduled -= last.followUps
			s.summary.Hide()
			if len(s.queue) > 0 {
				s.keepDraft()
			}
			s.queue = append([]*review.Card{last.card}, s.queue...)
			s.tellPhone(last.card, receive.Read)
			s.showReview()
			if s.onSaved != nil {
				s.onSaved(contacts.Contact{}, false)
			}
		}
	})
}

// showFollowUps puts the follow-ups of draft d in the form.
func (s *scanScreen) showFollowUps(d review.Draft) {
	s.followOn.SetChecked(d.FollowOn)
	s.followKind.SetSelected(d.FollowKind.Label())
	s.followDue.setDay(d.FollowDue)
	s.followLine.SetText(d.FollowLine)
	s.promise.SetText(d.Promise)
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
	chooseFolder(s.win, func(dir string) { s.read([]string{dir}) })
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
	newDialogKeys(s.win).show(d, d.Hide, nil)
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

// proposeFollowUp fills in the first follow-up proposed for c, which the
// user can accept, change or drop.
func (s *scanScreen) proposeFollowUp(c contacts.Contact) {
	f := app.FirstFollowUp(c, s.clock.Today(), s.delay)
	s.followOn.SetChecked(true)
	s.followKind.SetSelected(f.Kind.Label())
	s.followDue.setDay(f.Due)
	s.followLine.SetText("")
	s.promise.SetText("")
}

// followUps are the follow-ups to schedule with c, the card being saved.
// Without a day picked they fall on the day the first follow-up would.
func (s *scanScreen) followUps(c contacts.Contact) []contacts.FollowUp {
	due := app.FirstFollowUp(c, s.clock.Today(), s.delay).Due
	if day, err := s.followDue.day(); err == nil && !day.IsZero() {
		due = day
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
	s.stateChanged()
}

func (s *scanScreen) stateChanged() {
	if s.onState != nil {
		s.onState()
	}
}
