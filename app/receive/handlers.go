package receive

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"followthrough/ocr"
)

//go:embed page
var pageFiles embed.FS

// page is the one page the server serves; its script and style are put
// inline, let in by the nonce of each answer.
var page = template.Must(template.ParseFS(pageFiles, "page/page.html"))

var (
	pageScript = mustRead("page/page.js")
	pageStyle  = mustRead("page/page.css")
)

func mustRead(name string) string {
	b, err := pageFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// maxUploadBytes is the largest photo accepted: the reader's own limit.
const maxUploadBytes = ocr.MaxFileBytes

// keyPattern is what the key the page gives each file may be.
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// ServeHTTP answers three requests under the token: the page (GET
// /TOKEN/), the cards' states (GET /TOKEN/cards) and an upload (POST
// /TOKEN/upload). Anything else, a wrong token first, is a bare 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	secureHeaders(w, "")
	tok, rest, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if !ok || !s.open(tok) {
		s.refuse(w, r)
		return
	}
	switch {
	case rest == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		s.servePage(w)
	case rest == "cards" && r.Method == http.MethodGet:
		s.serveCards(w)
	case rest == "upload" && r.Method == http.MethodPost:
		s.serveUpload(w, r)
	default:
		http.Error(w, "404 page not found", http.StatusNotFound)
	}
}

// refuse answers a request without the right token: a 404 like any
// unknown path, after a wait that grows with each wrong token from the
// same address.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request) {
	wait, blocked := s.guard.wrong(remoteHost(r))
	if blocked {
		http.Error(w, "429 too many requests", http.StatusTooManyRequests)
		return
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-s.done:
			t.Stop()
		}
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

func (s *Server) servePage(w http.ResponseWriter) {
	nonce := newNonce()
	secureHeaders(w, nonce)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var buf bytes.Buffer
	err := page.Execute(&buf, struct {
		Nonce, Event, Fingerprint string
		Idle                      int
		Script                    template.JS
		Style                     template.CSS
	}{nonce, s.event, s.fingerprint, int(s.idle.Round(time.Minute) / time.Minute), template.JS(pageScript), template.CSS(pageStyle)})
	if err != nil {
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	w.Write(buf.Bytes())
}

func (s *Server) serveCards(w http.ResponseWriter) {
	s.mu.Lock()
	cards := make([]card, len(s.cards))
	for i, c := range s.cards {
		cards[i] = *c
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"cards": cards})
}

// An uploadError is why an upload was refused, with its HTTP status; its
// text is what the page shows.
type uploadError struct {
	status int
	reason string
}

func (e *uploadError) Error() string { return e.reason }

func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Upload-Key")
	if key != "" && !keyPattern.MatchString(key) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad upload key"})
		return
	}
	s.touch()
	defer s.touch()
	if key != "" {
		// A file the page sent again, after an answer it did not get.
		s.mu.Lock()
		c := s.byKey[key]
		s.mu.Unlock()
		if c != nil {
			writeJSON(w, http.StatusOK, map[string]string{"id": c.ID})
			return
		}
	}
	if r.ContentLength > s.maxBytes {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": tooLarge(s.maxBytes)})
		return
	}
	// Wait for a slot: what is read and decoded at once is bounded.
	select {
	case s.slots <- struct{}{}:
	case <-r.Context().Done():
		return
	}
	s.enter(1)
	u, err := s.check(w, r)
	s.enter(-1)
	<-s.slots
	if err != nil {
		var ue *uploadError
		if !errors.As(err, &ue) {
			ue = &uploadError{http.StatusBadRequest, err.Error()}
		}
		writeJSON(w, ue.status, map[string]string{"error": ue.reason})
		return
	}
	id, err := s.take(r.Context(), key, u)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "the computer could not take it: " + err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": id})
}

// take hands u to the sink, once per key, and remembers the card.
func (s *Server) take(ctx context.Context, key string, u Upload) (string, error) {
	if key != "" {
		s.mu.Lock()
		if c := s.byKey[key]; c != nil { // sent twice at once
			s.mu.Unlock()
			if c.ID == "" {
				return "", errors.New("the same photo is being received already")
			}
			return c.ID, nil
		}
		s.byKey[key] = &card{Key: key, State: Sent} // held while the sink works
		s.mu.Unlock()
	}
	id, err := s.sink(ctx, u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		delete(s.byKey, key)
		return "", err
	}
	c := s.byKey[key]
	if c == nil {
		c = &card{}
	}
	c.ID, c.State = id, Sent
	if old := s.byID[id]; old != nil {
		return id, nil // a sink that gave an ID twice: one card
	}
	s.byID[id] = c
	s.cards = append(s.cards, c)
	return id, nil
}

// check reads the upload and checks that it is an image the reader will
// take: its type from its first bytes, its size, its dimensions from its
// header (a decompression bomb is refused there), and that it decodes
// whole.
func (s *Server) check(w http.ResponseWriter, r *http.Request) (Upload, error) {
	body := http.MaxBytesReader(w, r.Body, s.maxBytes)
	head := make([]byte, 512)
	n, err := io.ReadFull(body, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Upload{}, readError(err, s.maxBytes)
	}
	head = head[:n]
	if n == 0 {
		return Upload{}, &uploadError{http.StatusBadRequest, "the file is empty"}
	}
	if t := http.DetectContentType(head); !strings.HasPrefix(t, "image/") {
		return Upload{}, &uploadError{http.StatusUnsupportedMediaType, "not a photo: " + ocr.ErrNotImage.Error()}
	}
	rest, err := io.ReadAll(body)
	if err != nil {
		return Upload{}, readError(err, s.maxBytes)
	}
	data := append(head, rest...)
	img, err := ocr.DecodeImage(data)
	if err != nil {
		if errors.Is(err, ocr.ErrNotImage) {
			return Upload{}, &uploadError{http.StatusUnsupportedMediaType, "not a photo: " + ocr.ErrNotImage.Error()}
		}
		reason := err.Error()
		if inner := errors.Unwrap(err); inner != nil {
			reason = inner.Error() // without the reader's prefix
		}
		return Upload{}, &uploadError{http.StatusUnprocessableEntity, reason}
	}
	format := strings.TrimPrefix(http.DetectContentType(head), "image/")
	return Upload{Name: fileName(r.Header.Get("X-File-Name")), Data: data, Image: img, Format: format}, nil
}

// readError is the uploadError of a body that could not be read.
func readError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &uploadError{http.StatusRequestEntityTooLarge, tooLarge(limit)}
	}
	return &uploadError{http.StatusBadRequest, "the upload broke off: " + err.Error()}
}

func tooLarge(limit int64) string {
	return fmt.Sprintf("the file is larger than %d MiB", limit>>20)
}

// fileName is the name the page gave, URL-encoded, cut to a plain short
// one.
func fileName(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, s)
	if len(s) > 100 {
		s = strings.ToValidUTF8(s[:100], "")
	}
	return s
}

// touch puts off the idle stop: an upload began or ended.
func (s *Server) touch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.stopped {
		s.timer.Reset(s.idle)
	}
}

// enter counts uploads in a slot, and the most there were at once.
func (s *Server) enter(d int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inFlight += d
	s.peak = max(s.peak, s.inFlight)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
