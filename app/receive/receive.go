// Package receive is the small web server through which a phone sends
// photos of cards to the desktop: a page made for a phone's screen, served
// over HTTPS on the local network while receiving is on, that opens the
// camera and uploads each photo to a Sink, and shows the state of each
// card as the desktop reports it.
//
// Every request must carry the token that Start makes and the QR code
// carries in the URL; the token dies with the server, which stops by
// itself after a while without an upload. The server listens and never
// connects anywhere.
package receive

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"io"
	"log"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// DefaultIdleTimeout is how long the server waits for an upload before it
// stops by itself.
const DefaultIdleTimeout = 15 * time.Minute

// ErrIdle is why a server stopped by itself: no upload for its idle time.
var ErrIdle = errors.New("receive: stopped after no upload for the idle time")

// An Upload is one photo a phone sent, checked: it is an image within the
// reader's load limits, complete.
type Upload struct {
	Name   string      // the file's name on the phone, as it says; may be empty
	Data   []byte      // the file as sent
	Image  image.Image // Data decoded, its EXIF orientation applied
	Format string      // "jpeg", "png", ...
}

// A Sink takes each photo received, typically into the review queue, and
// returns the ID under which the desktop reports the card's state. It is
// called once per photo, from several goroutines at once, and should hand
// the work off and return quickly.
type Sink func(ctx context.Context, u Upload) (id string, err error)

// A State is where a card sent from the phone is, as the page shows it.
type State string

// The states of a card.
const (
	Sent    State = "sent"    // received, waiting to be read
	Read    State = "read"    // read, in the review
	Saved   State = "saved"   // saved as a contact
	Skipped State = "skipped" // skipped in the review: not saved
	Problem State = "problem" // it could not be read or saved; the reason says why
)

// Options configure a server.
type Options struct {
	// Listen is the address to listen on, host:port. Empty: the first of
	// Addresses, any free port. A host that is empty or unspecified
	// (":8443", "0.0.0.0:8443") listens on every address, and the URL
	// names the first of Addresses.
	Listen string
	// Event is the event the cards are collected at, shown on the page.
	Event string
	// IdleTimeout is how long the server waits for an upload before it
	// stops by itself; 0 means DefaultIdleTimeout.
	IdleTimeout time.Duration
	// CertDir is the folder where the install's certificate is kept,
	// made there on first use (see LoadCertificate).
	CertDir string
	// Sink takes each photo received. Required.
	Sink Sink
}

// A Server receives photos from a phone until it is stopped.
type Server struct {
	token       string
	url         string
	fingerprint string
	event       string
	idle        time.Duration
	sink        Sink
	http        *http.Server

	guard    *guard
	slots    chan struct{} // one per upload being read and checked
	maxBytes int64

	mu       sync.Mutex
	cards    []*card
	byID     map[string]*card
	byKey    map[string]*card // by the key the page gives each file
	timer    *time.Timer
	stopped  bool
	stopErr  error
	done     chan struct{}
	inFlight int // uploads holding a slot, and the most at once, for tests
	peak     int
}

// card is one photo the page sent, and its state.
type card struct {
	ID     string `json:"id"`
	Key    string `json:"-"`
	State  State  `json:"state"`
	Reason string `json:"reason,omitempty"`
}

// uploadSlots is how many uploads are read and checked at once: each may
// hold a file of up to ocr.MaxFileBytes and its decoded points, so this
// bounds the server's memory. Further uploads wait their turn.
const uploadSlots = 2

// Start starts a server with the options o; it runs until ctx is done, Stop
// is called or it has been idle for o.IdleTimeout.
func Start(ctx context.Context, o Options) (*Server, error) {
	if o.Sink == nil {
		return nil, errors.New("receive: no sink")
	}
	cert, fp, err := LoadCertificate(o.CertDir)
	if err != nil {
		return nil, err
	}
	listen, urlHost, err := listenAddress(o.Listen)
	if err != nil {
		return nil, err
	}
	token, err := newToken()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return nil, fmt.Errorf("receive: listen on %s: %w", listen, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	s := &Server{
		token:       token,
		url:         "https://" + net.JoinHostPort(urlHost, fmt.Sprint(port)) + "/" + token + "/",
		fingerprint: fp,
		event:       o.Event,
		idle:        o.IdleTimeout,
		sink:        o.Sink,
		guard:       newGuard(),
		slots:       make(chan struct{}, uploadSlots),
		maxBytes:    maxUploadBytes,
		byID:        map[string]*card{},
		byKey:       map[string]*card{},
		done:        make(chan struct{}),
	}
	if s.idle <= 0 {
		s.idle = DefaultIdleTimeout
	}
	s.http = &http.Server{
		Handler:           s,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // a large photo on a slow network
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    8 << 10,
		// A phone that has not yet accepted the certificate fails each
		// handshake: that is expected, not worth a line on stderr.
		ErrorLog: log.New(io.Discard, "", 0),
	}
	s.timer = time.AfterFunc(s.idle, func() { s.stop(ErrIdle) })
	go s.http.Serve(tls.NewListener(ln, s.http.TLSConfig))
	go func() {
		select {
		case <-ctx.Done():
			s.stop(ctx.Err())
		case <-s.done:
		}
	}()
	return s, nil
}

// URL is the address the phone opens, token included: what the QR code
// carries. It is a secret while the server runs.
func (s *Server) URL() string { return s.url }

// Fingerprint is the SHA-256 fingerprint of the server's certificate, as
// a browser shows it (AB:CD:...), for the user to compare.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Stop stops the server: its token no longer opens anything, and uploads
// under way are cut off. Stopping a stopped server does nothing.
func (s *Server) Stop() { s.stop(nil) }

// Done is closed when the server has stopped.
func (s *Server) Done() <-chan struct{} { return s.done }

// Err says why the server stopped once Done is closed: ErrIdle, the
// context's error, or nil when Stop was called.
func (s *Server) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopErr
}

func (s *Server) stop(why error) {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return
	}
	s.stopped, s.stopErr = true, why
	s.timer.Stop()
	s.mu.Unlock()
	s.http.Close()
	close(s.done)
}

// Report sets the state of the card with the ID its sink returned, with
// the reason when the state is Problem; the page shows it at its next
// look. It reports whether the server knows the card.
func (s *Server) Report(id string, state State, reason string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.byID[id]
	if c == nil {
		return false
	}
	c.State, c.Reason = state, ""
	if state == Problem {
		c.Reason = reason
	}
	return true
}

// open reports whether tok is the server's token and it still runs.
func (s *Server) open(tok string) bool {
	s.mu.Lock()
	stopped := s.stopped
	s.mu.Unlock()
	return !stopped && subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) == 1
}

// newToken returns 128 random bits, as URL-safe text.
func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("receive: make token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// listenAddress returns where to listen for the Listen option, and the
// host the URL names.
func listenAddress(listen string) (addr, urlHost string, err error) {
	if listen == "" {
		as, err := Addresses()
		if err != nil {
			return "", "", err
		}
		if len(as) == 0 {
			return "", "", ErrNoAddress
		}
		return net.JoinHostPort(as[0].IP.String(), "0"), as[0].IP.String(), nil
	}
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return "", "", fmt.Errorf("receive: listen address %q: %w", listen, err)
	}
	if ip, err := netip.ParseAddr(host); host != "" && (err != nil || !ip.IsUnspecified()) {
		return listen, host, nil
	}
	as, err := Addresses()
	if err != nil {
		return "", "", err
	}
	if len(as) == 0 {
		return "", "", ErrNoAddress
	}
	return listen, as[0].IP.String(), nil
}
