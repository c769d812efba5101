package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"followthrough/app"
	"followthrough/app/receive"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

func (p *program) receiveCommand() *command {
	return &command{
		Name:       "receive",
		Summary:    "Receive photos of cards from a phone on the same network (a page opened from a QR code) and read each one as scan does, until Ctrl+C or 15 minutes without a card.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			event := fs.String("event", "", "where the cards were collected, e.g. \"Atlanta Tech Meetup\"")
			save := fs.Bool("save", false, "also save the contacts in the database")
			merge := fs.Bool("merge", false, "with --save, merge a card of someone already saved into their contact")
			out := fs.String("out", "", "write each card's vCard into `DIR`")
			listen := fs.String("listen", "", "listen on `ADDR` (host:port); the default is the first local network address, any free port")
			idle := fs.Duration("idle", receive.DefaultIdleTimeout, "stop after `TIME` without a card")
			workers := fs.Int("workers", runtime.NumCPU(), "read `N` cards at once")
			followUpIn := fs.String("follow-up-in", "", "with --save, schedule a first follow-up `DELAY` after meeting (3d, 1w); the default is the one in the settings")
			noFollowUp := fs.Bool("no-follow-up", false, "with --save, schedule no first follow-up")
			keepCase := fs.Bool("keep-case", false, "keep names printed in capitals as printed, not in their usual case; the default is the one in the settings")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) != 0 {
					fs.Usage()
					return errors.New("receive: takes no arguments")
				}
				s, err := p.newScanRun(ctx, store, scanOptions{out: *out, event: *event, save: *save, merge: *merge, followUpIn: *followUpIn, noFollowUp: *noFollowUp, keepCase: *keepCase})
				if err != nil {
					return fmt.Errorf("receive: %w", err)
				}
				return s.receive(ctx, receive.Options{Listen: *listen, Event: *event, IdleTimeout: *idle, CertDir: store.Dir()}, *workers)
			}
		},
	}
}

// receive runs a phone receiver with the options o and reads each card
// received as scan does, telling the phone what became of it, until ctx
// is done or the receiver stops by itself.
func (s *scanRun) receive(ctx context.Context, o receive.Options, workers int) error {
	langs := app.ReadingLanguages(ctx, s.store)
	q := &app.Arrivals{NewEngine: func() (ocr.Engine, error) { return s.newEngine(langs) }, Options: s.options, Workers: workers}
	var mu sync.Mutex // the lines, the counts and the store, one card at a time
	received, read, failed := 0, 0, 0
	sink := app.ReceiveSink(app.ReceivedDir(s.store.Dir()), q, func() string { return s.event })
	o.Sink = func(ctx context.Context, u receive.Upload) (string, error) {
		id, err := sink(ctx, u)
		if err == nil {
			mu.Lock()
			received++
			mu.Unlock()
		}
		return id, err
	}
	srv, err := receive.Start(ctx, o)
	if err != nil {
		return err
	}
	defer srv.Stop()

	q.Read = func(a app.Arrival, r ocr.Result) {
		mu.Lock()
		defer mu.Unlock()
		read++
		stem := strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
		stored, err := s.one(ctx, r, stem, a.Event)
		switch {
		case err != nil:
			failed++
			reason := app.CardProblem(err)
			fmt.Fprintf(s.w, "FAIL %s: %s\n", a.Path, reason)
			srv.Report(a.ID, receive.Problem, reason)
		case stored:
			srv.Report(a.ID, receive.Saved, "")
		default:
			srv.Report(a.ID, receive.Read, "")
		}
	}
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	readErr := make(chan error, 1)
	go func() { readErr <- q.Run(readCtx) }()

	qr, err := receive.QRCodeText(srv.URL())
	if err != nil {
		return err
	}
	fmt.Fprintf(s.w, "Open this address on your phone, or scan the code with its camera:\n\n  %s\n\n%s\n", srv.URL(), qr)
	fmt.Fprintf(s.w, "Certificate fingerprint (SHA-256), for the phone's warning about the certificate:\n  %s\n\n", srv.Fingerprint())
	idle := o.IdleTimeout
	if idle <= 0 {
		idle = receive.DefaultIdleTimeout
	}
	fmt.Fprintf(s.w, "Waiting for cards; Ctrl+C stops, and so do %s without a card.\n", fmtDuration(idle))

	readDone := false
	select {
	case <-srv.Done():
	case err := <-readErr:
		if ctx.Err() == nil { // an engine would not start
			return fmt.Errorf("receive: %w", err)
		}
		readDone = true // interrupted
	}
	// The cards received are read before the command ends, unless it was
	// interrupted.
	for ctx.Err() == nil {
		mu.Lock()
		left := received - read
		mu.Unlock()
		if left == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	stopReading()
	if !readDone {
		<-readErr
	}
	mu.Lock()
	defer mu.Unlock()
	if errors.Is(srv.Err(), receive.ErrIdle) {
		fmt.Fprintf(s.w, "Stopped after %s without a card.\n", fmtDuration(idle))
	}
	fmt.Fprintf(s.w, "Received %s.\n", contacts.Plural(received, "card"))
	if failed > 0 {
		return fmt.Errorf("receive: %d of %d cards could not be read", failed, received)
	}
	return nil
}

// fmtDuration says d in minutes, or in seconds when under one.
func fmtDuration(d time.Duration) string {
	if d < time.Minute {
		return contacts.Plural(int(d.Round(time.Second)/time.Second), "second")
	}
	return contacts.Plural(int(d.Round(time.Minute)/time.Minute), "minute")
}
