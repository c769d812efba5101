package davsync

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// listener is a server that records the passwords it receives.
type listener struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []string // the Authorization headers received
}

func newListener(t *testing.T, tls bool) *listener {
	l := &listener{}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		if a := r.Header.Get("Authorization"); a != "" {
			l.got = append(l.got, a)
		}
		l.mu.Unlock()
		http.Error(w, "nothing here", http.StatusNotFound)
	})
	if tls {
		l.srv = httptest.NewTLSServer(h)
	} else {
		l.srv = httptest.NewServer(h)
	}
	t.Cleanup(l.srv.Close)
	return l
}

func (l *listener) passwords() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.got...)
}

// TestRedirectKeepsPassword: an https server that redirects to http, or
// to another host, never gets the password sent there: the client refuses
// the redirect with a RedirectError. A redirect on the same server, as
// from /dav to /dav/, is followed.
func TestRedirectKeepsPassword(t *testing.T) {
	plain := newListener(t, false)
	other := newListener(t, true)
	tests := []struct {
		name    string
		target  func(origin string) string
		refused bool
		// where the password must not go
		elsewhere *listener
	}{
		{name: "https to http", target: func(string) string { return plain.srv.URL + "/dav/" }, refused: true, elsewhere: plain},
		{name: "https to http, same host and port", target: func(origin string) string {
			return strings.Replace(origin, "https://", "http://", 1) + "/dav/"
		}, refused: true},
		{name: "https to another host", target: func(string) string { return other.srv.URL + "/dav/" }, refused: true, elsewhere: other},
		{name: "same server", target: func(origin string) string { return origin + "/elsewhere/" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var origin string
			var mu sync.Mutex
			var followed bool
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasPrefix(r.URL.Path, "/elsewhere/") {
					mu.Lock()
					followed = true
					mu.Unlock()
					http.Error(w, "nothing here", http.StatusNotFound)
					return
				}
				http.Redirect(w, r, tt.target(origin), http.StatusMovedPermanently)
			}))
			defer srv.Close()
			origin = srv.URL
			c, err := Dial(Account{URL: srv.URL + "/", User: "alice", Password: "secret", Timeout: 2 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			// Trust the test servers' certificate (both use the same one).
			c.http.c.Transport = srv.Client().Transport

			_, err = c.AddressBooks(t.Context())
			if err == nil {
				t.Fatal("no error")
			}
			var re *RedirectError
			if got := errors.As(err, &re); got != tt.refused || got && !errors.Is(err, ErrRedirect) {
				t.Fatalf("error %v: refused %v, want %v", err, got, tt.refused)
			}
			if tt.refused && !strings.Contains(err.Error(), "redirect") {
				t.Errorf("error %q does not say the redirect was refused", err)
			}
			if tt.elsewhere != nil {
				if got := tt.elsewhere.passwords(); len(got) > 0 {
					t.Errorf("the password went to %s: %q", tt.elsewhere.srv.URL, got)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			if followed == tt.refused {
				t.Errorf("followed the redirect: %v", followed)
			}
		})
	}
}
