// Package davtest starts a Radicale CardDAV and CalDAV server for tests, on
// 127.0.0.1 with a temporary store, so that sync is tested against a real
// server.
package davtest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"followthrough/contacts/internal/tooltest"
)

// Radicale is a Radicale server started for a test on 127.0.0.1, with
// one user and its storage in a temporary folder.
type Radicale struct {
	URL      string // http://127.0.0.1:PORT/
	User     string
	Password string
}

// Start starts Radicale (Debian's package, installed by
// ./setup.sh --test) and stops it when the test ends. Without it the test
// fails under FOLLOWTHROUGH_REQUIRE_TOOLS=1, as make test sets, and is
// skipped otherwise (tooltest).
func Start(t testing.TB) Radicale {
	t.Helper()
	bin := tooltest.Command(t, "radicale", "radicale")
	dir := t.TempDir()
	port := freePort(t)
	users := filepath.Join(dir, "users")
	if err := os.WriteFile(users, []byte("alice:secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Never the packaged config, which turns on SSL.
	config := fmt.Sprintf(`[server]
hosts = 127.0.0.1:%d
[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = plain
[rights]
type = owner_only
[storage]
filesystem_folder = %s
[logging]
level = warning
`, port, users, filepath.Join(dir, "store"))
	configPath := filepath.Join(dir, "config")
	if err := os.WriteFile(configPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	var log lockedBuffer
	cmd := exec.Command(bin, "--config", configPath)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("radicale said:\n%s", log.String())
		}
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(15 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			conn.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("radicale did not answer on %s: %v\n%s", addr, err, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return Radicale{URL: "http://" + addr + "/", User: "alice", Password: "secret"}
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// MakeBook creates the address book /USER/NAME/ with an extended MKCOL,
// which go-webdav's client does not send, and returns its path.
func (r Radicale) MakeBook(t testing.TB, name string) string {
	t.Helper()
	book := "/" + r.User + "/" + name + "/"
	body := `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>
<D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>
<D:displayname>` + name + `</D:displayname></D:prop></D:set></D:mkcol>`
	req, err := http.NewRequestWithContext(context.Background(), "MKCOL",
		strings.TrimSuffix(r.URL, "/")+book, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(r.User, r.Password)
	req.Header.Set("Content-Type", "application/xml; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("MKCOL %s: %s", book, resp.Status)
	}
	return book
}

// lockedBuffer collects the server's output, which the process writes
// while the test may read it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// MakeCalendar creates the calendar /USER/NAME/, for to-dos and events,
// with an extended MKCOL, and returns its path.
func (r Radicale) MakeCalendar(t testing.TB, name string) string {
	t.Helper()
	cal := "/" + r.User + "/" + name + "/"
	body := `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>
<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
<D:displayname>` + name + `</D:displayname>
<C:supported-calendar-component-set><C:comp name="VTODO"/><C:comp name="VEVENT"/></C:supported-calendar-component-set>
</D:prop></D:set></D:mkcol>`
	req, err := http.NewRequestWithContext(context.Background(), "MKCOL",
		strings.TrimSuffix(r.URL, "/")+cal, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth(r.User, r.Password)
	req.Header.Set("Content-Type", "application/xml; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("MKCOL %s: %s", cal, resp.Status)
	}
	return cal
}
