package receive

import (
	"crypto/rand"
	"encoding/base64"
	"net"
	"net/http"
	"sync"
	"time"
)

// A guard remembers the wrong tokens each remote address sent, and makes
// each further one wait longer, so that guessing is slow as well as
// hopeless.
type guard struct {
	free  int           // wrong tokens an address may send before waiting
	base  time.Duration // the first wait; each further one doubles it
	most  time.Duration // the longest wait
	block int           // wrong tokens after which an address is refused at once
	now   func() time.Time

	mu      sync.Mutex
	strikes map[string]*strikes
}

type strikes struct {
	n    int
	last time.Time
}

// forgetAfter is how long an address's wrong tokens are remembered.
const forgetAfter = 15 * time.Minute

func newGuard() *guard {
	return &guard{free: 3, base: 250 * time.Millisecond, most: 8 * time.Second, block: 100, now: time.Now, strikes: map[string]*strikes{}}
}

// wrong counts a wrong token from host and returns how long to wait
// before answering, and whether to answer at once with no wait (an
// address past block, which must not tie up the server by waiting).
func (g *guard) wrong(host string) (wait time.Duration, blocked bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if len(g.strikes) > 4096 {
		for h, s := range g.strikes {
			if now.Sub(s.last) > forgetAfter {
				delete(g.strikes, h)
			}
		}
	}
	s := g.strikes[host]
	if s == nil || now.Sub(s.last) > forgetAfter {
		s = &strikes{}
		g.strikes[host] = s
	}
	s.n++
	s.last = now
	if s.n > g.block {
		return 0, true
	}
	if s.n <= g.free {
		return 0, false
	}
	wait = g.base << min(s.n-g.free-1, 16)
	return min(wait, g.most), false
}

// remoteHost is the address a request came from, without its port.
func remoteHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// secureHeaders sets the headers every answer carries. The page's own
// script and style are let in by nonce; nothing else runs or loads but
// from the server itself and the photos the page shows from the phone.
func secureHeaders(w http.ResponseWriter, nonce string) {
	h := w.Header()
	csp := "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
	if nonce != "" {
		csp += "; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'"
	}
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "geolocation=(), microphone=()")
}

// newNonce returns a fresh nonce for one page's script and style.
func newNonce() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
