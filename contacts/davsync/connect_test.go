package davsync

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestConnectErrors checks that a request that gets no answer fails with
// the error that says why, for each way a real connection fails.
func TestConnectErrors(t *testing.T) {
	untrusted := httptest.NewTLSServer(http.NotFoundHandler())
	defer untrusted.Close()
	hang := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(hang)
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + closed.Addr().String() + "/"
	closed.Close()

	// Only the server that never answers waits out its timeout; the
	// others fail at once, and are given time enough for a loaded
	// machine: a TLS handshake under the race detector and a busy test
	// run once took over 300 ms, and read as a timeout.
	const short, long = 300 * time.Millisecond, 30 * time.Second
	tests := []struct {
		name    string
		url     string
		timeout time.Duration
		want    error
	}{
		{"certificate not trusted", untrusted.URL + "/", long, ErrUntrusted},
		{"nothing listening", refused, long, ErrUnreachable},
		{"no answer in time", slow.URL + "/", short, ErrTimeout},
		{"no such name", "http://no-such-server.invalid/", long, ErrNoSuchHost},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Dial(Account{URL: tt.url, User: "ann", Password: "secret", AllowHTTP: true, Timeout: tt.timeout})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.AddressBooks(context.Background())
			if !errors.Is(err, tt.want) {
				t.Errorf("AddressBooks: %v, want %v", err, tt.want)
			}
		})
	}
}
