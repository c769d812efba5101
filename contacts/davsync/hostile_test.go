package davsync

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"followthrough/contacts/sqlite"
)

// smallLimits makes the answer and card limits small for a test.
func smallLimits(t *testing.T) {
	answer, card := maxAnswer, maxCard
	maxAnswer, maxCard = 256<<10, 16<<10
	t.Cleanup(func() { maxAnswer, maxCard = answer, card })
}

// hostileServer starts a server that answers every request with h, and a
// client for it with a short timeout: timeout, or 300 ms when it is 0.
func hostileServer(t *testing.T, h http.HandlerFunc, timeout time.Duration) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	// A handler still writing when the test ends is cut off.
	t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
	c, err := Dial(Account{URL: srv.URL + "/", User: "u", Password: "p", AllowHTTP: true, Timeout: cmp.Or(timeout, 300*time.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestHostileServer: a server that is slow, sends a trickle, sends an
// answer without end, or sends what is not WebDAV, fails the request with
// an error that says so, in bounded time and memory.
func TestHostileServer(t *testing.T) {
	smallLimits(t)
	tests := []struct {
		name    string
		h       http.HandlerFunc
		wantIs  error
		wantErr string
		timeout time.Duration // the client's; 300 ms when 0
	}{
		{
			name: "does not answer",
			h: func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body) // so that the server sees the client hang up
				select {
				case <-time.After(5 * time.Second):
				case <-r.Context().Done(): // the client gave up
				}
			},
			wantIs: ErrTimeout,
		},
		{
			name: "answers a byte at a time",
			h: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/xml")
				w.WriteHeader(http.StatusMultiStatus)
				fmt.Fprint(w, `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">`)
				for {
					select {
					case <-time.After(20 * time.Millisecond):
					case <-r.Context().Done():
						return
					}
					if _, err := w.Write([]byte(" ")); err != nil {
						return
					}
					w.(http.Flusher).Flush()
				}
			},
			wantErr: "did not answer in time",
		},
		{
			name: "answers without end",
			h: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/xml")
				w.WriteHeader(http.StatusMultiStatus)
				fmt.Fprint(w, `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/`)
				chunk := strings.Repeat("a", 32<<10)
				for {
					if _, err := fmt.Fprint(w, chunk); err != nil {
						return
					}
				}
			},
			wantErr: "the server's answer is too large: more than 256 KiB",
			// The limit, not the clock, is what must stop it: 256 KiB
			// took over 300 ms under the race detector on a loaded machine.
			timeout: 4 * time.Second,
		},
		{
			name: "answers with what is not XML",
			h: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/xml")
				w.WriteHeader(http.StatusMultiStatus)
				fmt.Fprint(w, "<<<not xml at all\x00\xff")
			},
			wantErr: "",
		},
		{
			name: "answers with an HTML error page",
			h: func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "<html><body>Bad gateway</body></html>", http.StatusBadGateway)
			},
			wantErr: "502",
		},
		{
			name: "redirects to itself",
			h: func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, r.URL.Path, http.StatusFound)
			},
			wantErr: "redirects",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := hostileServer(t, tt.h, tt.timeout)
			start := time.Now()
			_, err := c.AddressBooks(context.Background())
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v, want one wrapping %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q, want it to say %q", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "carddav: list address books at http://") {
				t.Errorf("error %q does not say what failed", err)
			}
			// The well-known fallback doubles the requests at most.
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestSyncHostileCards syncs with a server whose address book holds a
// good card, a broken one, one too large, one that never comes and one
// whose answer is HTML: the good card is pulled, each other fails on its
// own, named, and the sync goes on.
func TestSyncHostileCards(t *testing.T) {
	smallLimits(t)
	cards := map[string]func(w http.ResponseWriter){
		"good.vcf": func(w http.ResponseWriter) {
			fmt.Fprint(w, "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:good\r\nFN:Good Card\r\nN:Card;Good;;;\r\nEND:VCARD\r\n")
		},
		"broken.vcf": func(w http.ResponseWriter) { fmt.Fprint(w, "BEGIN:VCARD\r\nno colon here\r\n") },
		"huge.vcf": func(w http.ResponseWriter) {
			fmt.Fprint(w, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Huge\r\nNOTE:"+strings.Repeat("x", 64<<10)+"\r\nEND:VCARD\r\n")
		},
		"slow.vcf": func(w http.ResponseWriter) { time.Sleep(time.Second) },
		"html.vcf": func(w http.ResponseWriter) { fmt.Fprint(w, "<html><body>Sign in to continue</body></html>") },
	}
	c := hostileServer(t, func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/book/")
		switch {
		case r.Method == "PROPFIND" && r.URL.Path == "/book/":
			w.Header().Set("Content-Type", "application/xml; charset=utf-8")
			w.WriteHeader(http.StatusMultiStatus)
			fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:">`+
				`<d:response><d:href>/book/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`)
			for n := range cards {
				fmt.Fprintf(w, `<d:response><d:href>/book/%s</d:href><d:propstat><d:prop><d:resourcetype/><d:getcontentlength>10</d:getcontentlength>`+
					`<d:getetag>"%s"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`, n, n)
			}
			fmt.Fprint(w, `</d:multistatus>`)
		case r.Method == http.MethodGet && cards[name] != nil:
			w.Header().Set("ETag", `"`+name+`"`)
			cards[name](w)
		default:
			http.NotFound(w, r)
		}
	}, 0)
	store, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s := &Syncer{Store: store, Client: c, Book: "/book/"}
	res, err := s.Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Pulled != 1 || len(res.Failed) != 4 {
		t.Fatalf("pulled %d, failed %v; want the good card pulled and four failures", res.Pulled, res.Failed)
	}
	var failed []string
	for _, e := range res.Failed {
		failed = append(failed, e.Error())
	}
	all := strings.Join(failed, "\n")
	for _, want := range []string{
		"/book/broken.vcf: line 1: the card that starts here has no END:VCARD",
		"get /book/huge.vcf: the server's answer is too large: the card is more than 16 KiB",
		"get /book/slow.vcf: the server did not answer in time",
		"/book/html.vcf: line 1: text outside a vCard",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("failures lack %q:\n%s", want, all)
		}
	}
	cs, _ := store.List(context.Background(), "", 0)
	if len(cs) != 1 || cs[0].FullName != "Good Card" {
		t.Errorf("stored %+v, want the good card only", cs)
	}
}
