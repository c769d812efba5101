package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"log"
	"net/netip"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/app/receive"
	"followthrough/app/review"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// receiveNote is what to do when the phone cannot open the page.
const receiveNote = "The phone must be on the same network as this computer. If the page does not open: " +
	"a guest or hotel Wi-Fi often keeps its devices apart, and a firewall may block the port. " +
	"Then turn on the phone's hotspot, join it with this computer, and choose its address above."

// receiveDialog receives photos of cards from a phone while it is open:
// it shows the QR code the phone's camera opens, and hands each photo to
// the review as soon as it is read, the newest first.
type receiveDialog struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	newEngine func(langs []string) (ocr.Engine, error)
	event     *widget.Entry // the scan screen's: the batch's event
	// keep puts a card read into the review, from the goroutine that read
	// it; report tells the phone what becomes of it there.
	keep   func(ctx context.Context, a app.Arrival, r *ocr.Reading, report func(receive.State)) error
	listen string // where to listen; "" for the first address

	// The receiver running, and the cards it has had and read.
	mu        sync.Mutex
	srv       *receive.Server
	arrivals  *app.Arrivals
	sink      receive.Sink // of every server the dialog starts: the IDs it gives are the dialog's
	stopRead  context.CancelFunc
	received  int
	read      int
	failed    int
	eventText string
	closed    bool

	code        *canvas.Image
	url         *widget.Label
	fingerprint *widget.Label
	addresses   *dialogSelect
	eventEntry  *dialogEntry
	count       *widget.Label
	stop        *dialogButton
	hide        *dialogButton
	dlg         *dialog.CustomDialog
	keys        *dialogKeys
	addrs       []receive.Address
}

func newReceiveDialog(win fyne.Window, store *sqlite.Store, tasks *tasks, newEngine func(langs []string) (ocr.Engine, error), event *widget.Entry,
	keep func(ctx context.Context, a app.Arrival, r *ocr.Reading, report func(receive.State)) error) *receiveDialog {
	return &receiveDialog{win: win, store: store, tasks: tasks, newEngine: newEngine, event: event, keep: keep}
}

func (d *receiveDialog) buildUI() fyne.CanvasObject {
	d.code = canvas.NewImageFromImage(image.NewGray(image.Rect(0, 0, 1, 1)))
	d.code.FillMode = canvas.ImageFillContain
	d.code.ScaleMode = canvas.ImageScalePixels
	d.code.SetMinSize(fyne.NewSize(280, 280))
	d.url = widget.NewLabel("Starting…")
	d.url.Wrapping = fyne.TextWrapBreak
	d.url.Selectable = true
	d.fingerprint = &widget.Label{Wrapping: fyne.TextWrapBreak, TextStyle: fyne.TextStyle{Monospace: true}, SizeName: theme.SizeNameCaptionText}
	d.keys = newDialogKeys(d.win)
	d.addresses = d.keys.selection(nil, d.onAddress)
	d.addresses.Hide()
	d.eventEntry = d.keys.entry()
	d.eventEntry.SetPlaceHolder("Where are these cards from?")
	d.eventEntry.SetText(d.event.Text)
	d.eventEntry.OnChanged = d.onEvent
	d.count = widget.NewLabelWithStyle("No card yet", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.stop = d.keys.button("Stop receiving", theme.MediaStopIcon(), d.onStop)
	d.hide = d.keys.button("Review while receiving", theme.VisibilityOffIcon(), d.onHide)
	d.hide.Importance = widget.HighImportance
	note := hintLabel(receiveNote)
	note.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel("Point your phone's camera at the code, open the page, and photograph each card. " +
		"Each one is read as it arrives and waits for you in Scan.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Address", d.url),
		widget.NewFormItem("Network", d.addresses),
		widget.NewFormItem("Certificate", d.fingerprint),
		widget.NewFormItem("Event", d.eventEntry),
	)
	side := container.NewVBox(intro, form, d.count, note)
	return container.NewBorder(nil, container.NewHBox(layoutSpacer(), d.stop, d.hide), nil, nil,
		container.NewHSplit(container.NewCenter(d.code), container.NewVScroll(side)))
}

// show opens the dialog, and starts receiving the first time. Enter and
// Esc hide it, to review while receiving.
func (d *receiveDialog) show() {
	if d.dlg != nil {
		d.keys.show(d.dlg, d.onHide, d.onHide)
		return
	}
	d.dlg = dialog.NewCustomWithoutButtons("From your phone", d.buildUI(), d.win)
	d.dlg.Resize(fyne.NewSize(860, 560))
	d.keys.show(d.dlg, d.onHide, d.onHide)
	d.loadAddresses()
}

// onHide hides the dialog to review the cards read so far; receiving
// goes on, and the button in Scan shows the dialog again.
func (d *receiveDialog) onHide() {
	d.dlg.Hide()
}

// stopped reports whether receiving was stopped.
func (d *receiveDialog) stopped() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.closed
}

// onFromPhone shows the phone receiver, started anew unless one is
// running.
func (s *scanScreen) onFromPhone() {
	if s.phone == nil || s.phone.stopped() {
		s.phone = newReceiveDialog(s.win, s.store, s.tasks, s.newEngine, s.event, s.keepArrival)
	}
	s.phone.show()
}

// keepArrival puts a card read outside a batch (from the phone or the
// watched folder) into the review queue in the data folder, on the
// goroutine that read it, and into the review after the cards waiting:
// a card the person waits for is not queued behind the window's other
// work. The cards that arrive this way while the window is open are one
// batch, so that editing its event reaches all of them. report, when
// set, tells the phone the card came from that it is read, and later
// whether it was saved or skipped; a card reviewed after a restart has
// no phone to tell. An error is shown, and returned.
func (s *scanScreen) keepArrival(ctx context.Context, a app.Arrival, r *ocr.Reading, report func(receive.State)) error {
	c, err := s.waiting.AddRead(ctx, a.Path, r, s.arrivalBatch, a.Event, false)
	if err != nil {
		s.tasks.onUI(func() { showError(s.win, "Could not keep the card for review", err) })
		return err
	}
	if report != nil {
		report(receive.Read)
	}
	s.tasks.onUI(func() {
		if report != nil {
			if s.phoneCards == nil {
				s.phoneCards = map[string]func(receive.State){}
			}
			s.phoneCards[c.ID] = report
		}
		s.addToRound(&c)
	})
	return nil
}

// tellPhone tells the phone the card under review c came from, if it
// came from one while the window is open, what became of it.
func (s *scanScreen) tellPhone(c *review.Card, state receive.State) {
	report := s.phoneCards[c.ID]
	if report == nil {
		return
	}
	if state == receive.Skipped {
		delete(s.phoneCards, c.ID) // a skip is not undone
	}
	report(state)
}

// loadAddresses lists the computer's addresses, offers a choice when
// there are several, and starts on the first.
func (d *receiveDialog) loadAddresses() {
	d.tasks.inOrder(func(context.Context) func() {
		addrs, err := receive.Addresses()
		return func() {
			if err != nil || d.listen != "" {
				d.start(d.listen)
				return
			}
			d.addrs = addrs
			if len(addrs) > 1 {
				opts := make([]string, len(addrs))
				for i, a := range addrs {
					opts[i] = a.String()
				}
				d.addresses.Options = opts
				d.addresses.Show()
				d.addresses.SetSelectedIndex(0) // starts it
				return
			}
			d.start("")
		}
	})
}

func (d *receiveDialog) onAddress(choice string) {
	for _, a := range d.addrs {
		if a.String() == choice {
			d.start(netip.AddrPortFrom(a.IP, 0).String())
			return
		}
	}
}

func (d *receiveDialog) onEvent(text string) {
	d.event.SetText(text)
	d.mu.Lock()
	d.eventText = strings.TrimSpace(text)
	d.mu.Unlock()
}

// eventNow is the batch's event, read from any goroutine.
func (d *receiveDialog) eventNow() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.eventText
}

// start starts a receiver listening on listen, stopping the one before.
func (d *receiveDialog) start(listen string) {
	d.stopServer()
	d.url.SetText("Starting…")
	d.mu.Lock()
	d.eventText = strings.TrimSpace(d.eventEntry.Text)
	if d.arrivals == nil {
		ctx, cancel := context.WithCancel(d.tasks.context())
		newEngine := func() (ocr.Engine, error) { return d.newEngine(app.ReadingLanguages(ctx, d.store)) }
		options := func(ctx context.Context) ocr.ClassifyOptions { return app.ClassifyOptions(ctx, d.store) }
		d.arrivals = &app.Arrivals{NewEngine: newEngine, Options: options, Read: d.onCardRead}
		d.sink = app.ReceiveSink(app.ReceivedDir(d.store.Dir()), d.arrivals, d.eventNow)
		d.stopRead = cancel
		go func() {
			if err := d.arrivals.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
				d.tasks.onUI(func() { showError(d.win, "Could not read the cards", err) })
			}
		}()
	}
	sink := d.sink
	d.mu.Unlock()
	go func() {
		srv, err := receive.Start(d.tasks.context(), receive.Options{Listen: listen, Event: d.eventNow(), CertDir: d.store.Dir(), Sink: func(ctx context.Context, u receive.Upload) (string, error) {
			id, err := sink(ctx, u)
			if err == nil {
				d.mu.Lock()
				d.received++
				d.mu.Unlock()
				d.tasks.onUI(d.showCount)
			}
			return id, err
		}})
		var code []byte
		if err == nil {
			code, err = receive.QRCodePNG(srv.URL(), 560)
		}
		d.tasks.onUI(func() { d.onStarted(srv, code, err) })
		if srv != nil {
			<-srv.Done()
			d.tasks.onUI(func() { d.onServerDone(srv) })
		}
	}()
}

func (d *receiveDialog) onStarted(srv *receive.Server, code []byte, err error) {
	if err != nil {
		if srv != nil {
			srv.Stop()
		}
		d.url.SetText("Could not start: " + app.Reason(err))
		return
	}
	d.mu.Lock()
	old := d.srv
	d.srv = srv
	d.mu.Unlock()
	if old != nil {
		old.Stop()
	}
	d.mu.Lock()
	closed := d.closed
	d.mu.Unlock()
	if closed { // closed while it started
		srv.Stop()
		return
	}
	img, derr := png.Decode(bytes.NewReader(code))
	if derr == nil {
		d.code.Image = img
		d.code.Refresh()
	}
	d.url.SetText(srv.URL())
	d.fingerprint.SetText(srv.Fingerprint())
}

func (d *receiveDialog) onServerDone(srv *receive.Server) {
	d.mu.Lock()
	current := d.srv == srv
	d.mu.Unlock()
	if !current {
		return
	}
	if errors.Is(srv.Err(), receive.ErrIdle) {
		d.url.SetText(fmt.Sprintf("Stopped after %d minutes without a card. Close this and open it again to go on.", int(receive.DefaultIdleTimeout.Minutes())))
		d.code.Image = image.NewGray(image.Rect(0, 0, 1, 1))
		d.code.Refresh()
	}
}

// onCardRead takes a card the arrivals read, from their worker, and
// keeps it for review there.
func (d *receiveDialog) onCardRead(a app.Arrival, r ocr.Result) {
	err := r.Err
	if err == nil {
		report := func(state receive.State) { d.report(a.ID, state, "") }
		err = d.keep(d.tasks.context(), a, r.Reading, report)
	}
	d.mu.Lock()
	d.read++
	if err != nil {
		d.failed++
	}
	d.mu.Unlock()
	if err != nil {
		log.Printf("receive: %v", err)
		d.report(a.ID, receive.Problem, app.CardProblem(err))
	}
	d.tasks.onUI(d.showCount)
}

// report tells the phone the state of its card id, when the receiver
// runs: once it has stopped, no page asks any more.
func (d *receiveDialog) report(id string, state receive.State, reason string) {
	d.mu.Lock()
	srv := d.srv
	d.mu.Unlock()
	if srv != nil {
		srv.Report(id, state, reason)
	}
}

func (d *receiveDialog) showCount() {
	d.mu.Lock()
	received, read, failed := d.received, d.read, d.failed
	d.mu.Unlock()
	if received == 0 {
		d.count.SetText("No card yet")
		return
	}
	text := contacts.Plural(received, "card") + " received, " + fmt.Sprint(read-failed) + " read for review"
	if read < received {
		text += fmt.Sprintf(", %d being read", received-read)
	}
	if failed > 0 {
		text += fmt.Sprintf(", %d could not be read", failed)
	}
	d.count.SetText(text)
}

// stopServer stops the receiver running, if any.
func (d *receiveDialog) stopServer() {
	d.mu.Lock()
	srv := d.srv
	d.srv = nil
	d.mu.Unlock()
	if srv != nil {
		srv.Stop()
	}
}

// onStop stops receiving: the page's address dies at once; the cards
// received are still read.
func (d *receiveDialog) onStop() {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return
	}
	d.closed = true
	cancel := d.stopRead
	d.mu.Unlock()
	d.stopServer()
	if d.dlg != nil {
		d.dlg.Hide()
	}
	if cancel == nil {
		return
	}
	go func() {
		// Read what is left, then let the engines go.
		for {
			d.mu.Lock()
			left := d.received - d.read
			d.mu.Unlock()
			if left <= 0 || d.tasks.context().Err() != nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		cancel()
	}()
}
