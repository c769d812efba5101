package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

// networkImports are the packages through which a program connects to
// another machine.
var networkImports = []string{
	"net", "net/http", "net/http/httptrace", "net/rpc", "net/smtp", "crypto/tls",
	"golang.org/x/net/http2", "golang.org/x/net/proxy", "golang.org/x/net/websocket",
	"github.com/emersion/go-webdav", "github.com/emersion/go-webdav/carddav",
}

// listeners are the packages that may import network packages to listen,
// never to connect: app/receive, the server a phone sends cards to while
// the user has receiving on. What each may import.
var listeners = map[string][]string{
	"app/receive/": {"net", "net/http", "crypto/tls"},
}

// dialingNames are what a program connects to another machine through, by
// the package that holds them; any name that begins with Dial counts too.
var dialingNames = map[string][]string{
	"net/http":   {"Get", "Head", "Post", "PostForm", "Client", "DefaultClient", "NewRequest", "NewRequestWithContext", "Transport", "DefaultTransport", "RoundTripper", "ProxyFromEnvironment"},
	"net":        {"Dialer", "ResolveTCPAddr", "ResolveUDPAddr", "LookupHost", "LookupIP", "LookupAddr"},
	"crypto/tls": {"Client", "Dialer"},
	"net/smtp":   {"SendMail"},
}

// dials returns the names through which the file f connects to another
// machine: each use of a name of dialingNames, or of one that begins
// with Dial, from a network package it imports.
func dials(f *ast.File) []string {
	local := map[string]string{} // the name a package is used by, to its path
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if !slices.Contains(networkImports, p) {
			continue
		}
		name := path.Base(p)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		local[name] = p
	}
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok || local[x.Name] == "" {
			return true
		}
		if strings.HasPrefix(sel.Sel.Name, "Dial") || slices.Contains(dialingNames[local[x.Name]], sel.Sel.Name) {
			found = append(found, local[x.Name]+"."+sel.Sel.Name)
		}
		return true
	})
	return found
}

// TestOnlyCardDAVSyncConnects reads the program's source: only
// contacts/davsync, the CardDAV sync, imports a package that connects to
// another machine, and only the sync dialog and the sync command dial it,
// so that the app makes no network connection unless the user set up
// CardDAV. There is no telemetry to find. The phone receiver listens on
// the local network while the user has it on, and connects nowhere.
func TestOnlyCardDAVSyncConnects(t *testing.T) {
	var dialers []string
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		// The tests' helpers, which only tests import (TestPackageLayout
		// checks it): its phone posts to a test's receiver on loopback.
		if d.IsDir() && filepath.ToSlash(path) == "app/internal/apptest" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		slash := filepath.ToSlash(path)
		inSync := strings.HasPrefix(slash, "contacts/davsync/")
		var listens []string
		for prefix, allowed := range listeners {
			if strings.HasPrefix(slash, prefix) {
				listens = allowed
			}
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if slices.Contains(networkImports, p) && !inSync && !slices.Contains(listens, p) {
				t.Errorf("%s imports %s: only contacts/davsync may connect to another machine", path, p)
			}
		}
		if listens != nil {
			for _, d := range dials(f) {
				t.Errorf("%s uses %s: it may listen, never connect", path, d)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "davsync" && sel.Sel.Name == "Dial" {
					dialers = append(dialers, filepath.ToSlash(path))
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(dialers)
	dialers = slices.Compact(dialers)
	if want := []string{"app/carddav.go"}; !slices.Equal(dialers, want) {
		t.Errorf("davsync.Dial is called from %v, want only %v", dialers, want)
	}
}

// TestDials checks that dials finds a connection however it is written.
func TestDials(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{`import "net/http"; func f() { http.ListenAndServe(":0", nil); var _ http.Handler }`, nil},
		{`import "net"; func f() { net.Listen("tcp", ":0") }`, nil},
		{`import "net/http"; func f() { http.Get("http://x") }`, []string{"net/http.Get"}},
		{`import h "net/http"; func f() { c := &h.Client{}; c.Do(nil) }`, []string{"net/http.Client"}},
		{`import "net/http"; func f() { http.NewRequest("GET", "http://x", nil) }`, []string{"net/http.NewRequest"}},
		{`import "net/http"; func f() { http.DefaultTransport.RoundTrip(nil) }`, []string{"net/http.DefaultTransport"}},
		{`import "net"; func f() { net.DialTimeout("tcp", "x:1", 0) }`, []string{"net.DialTimeout"}},
		{`import "net"; var d net.Dialer`, []string{"net.Dialer"}},
		{`import "crypto/tls"; func f() { tls.Dial("tcp", "x:1", nil) }`, []string{"crypto/tls.Dial"}},
		{`import "strings"; func f() { strings.Dial() }`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package x; "+tt.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := dials(f); !slices.Equal(got, tt.want) {
				t.Errorf("dials = %v, want %v", got, tt.want)
			}
		})
	}
}

// countingTransport counts the requests made through it, and answers none.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	c.n.Add(1)
	return nil, http.ErrHandlerTimeout
}

// TestNoConnectionWithoutCardDAV runs the commands of the app, the sync
// among them, with CardDAV not set up: each does its work, none makes an
// HTTP request, and the sync says it is not set up.
func TestNoConnectionWithoutCardDAV(t *testing.T) {
	tesstest.Languages(t, tesseract.Installed, ocr.DefaultLanguages...) // scan reads with them
	counter := &countingTransport{}
	old := http.DefaultTransport
	http.DefaultTransport = counter
	t.Cleanup(func() { http.DefaultTransport = old })

	data, dir := t.TempDir(), t.TempDir()
	vcf := filepath.Join(dir, "in.vcf")
	if err := os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Example\r\nEMAIL:ann@example.org\r\nURL:https://ann.example.org\r\nEND:VCARD\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	card := filepath.Join(dir, "card.png")
	sample := render.Samples()[0]
	if err := imaging.Save(render.Draw(sample, 1050), card); err != nil {
		t.Fatal(err)
	}
	// The scanned card's person has a follow-up scheduled, so that
	// export-ics has something to write.
	tests := []struct {
		args     []string
		wantCode int
		wantOut  string // in what the command writes, stdout and stderr
		wantFile string // a file the command writes, and what it holds
		fileHas  string
	}{
		{[]string{"scan", "--data", data, "--save", "--out", dir, card}, 0, "first follow-up", filepath.Join(dir, "card.vcf"), "BEGIN:VCARD"},
		{[]string{"import", "--data", data, vcf}, 0, "Imported 1 new contact", "", ""},
		{[]string{"due", "--data", data}, 0, "Due", "", ""},
		{[]string{"export", "--data", data, filepath.Join(dir, "out.vcf")}, 0, "Wrote 2 contacts", filepath.Join(dir, "out.vcf"), "Ann Example"},
		{[]string{"export-ics", "--data", data, filepath.Join(dir, "out.ics")}, 0, "Wrote 1 follow-up", filepath.Join(dir, "out.ics"), "BEGIN:VCALENDAR"},
		{[]string{"backup", "--data", data}, 0, "Backed up to", "", ""},
		{[]string{"archive", "--data", data, filepath.Join(dir, "all.zip")}, 0, "Wrote 2 contacts", filepath.Join(dir, "all.zip"), "followthrough"},
		{[]string{"restore", "--data", data, filepath.Join(dir, "all.zip")}, 0, "Restored 2 contacts", "", ""},
		{[]string{"sync", "--data", data}, 1, "sync: not set up", "", ""},
	}
	for _, tt := range tests {
		out, code := runCapturing(t, tt.args)
		cmd := "followthrough " + strings.Join(tt.args, " ")
		if code != tt.wantCode || !strings.Contains(out, tt.wantOut) {
			t.Errorf("%s: exit status %d, want %d; it said %q, want %q in it", cmd, code, tt.wantCode, out, tt.wantOut)
		}
		if tt.wantFile != "" {
			if b, err := os.ReadFile(tt.wantFile); err != nil || !strings.Contains(string(b), tt.fileHas) {
				t.Errorf("%s: %s holds %d bytes (%v), want %q in them", cmd, tt.wantFile, len(b), err, tt.fileHas)
			}
		}
	}
	if n := counter.n.Load(); n != 0 {
		t.Errorf("%d HTTP requests made without CardDAV set up", n)
	}
}

// runCapturing runs the app's command line and returns what it wrote to
// stdout and stderr, and its exit status.
func runCapturing(t *testing.T, args []string) (string, int) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "output")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = f, f
	code := run(args)
	os.Stdout, os.Stderr = oldOut, oldErr
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(data), code
}
