package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

// networkImports are the packages through which a program connects to
// another machine.
var networkImports = []string{
	"net", "net/http", "net/http/httptrace", "net/rpc", "net/smtp", "crypto/tls",
	"golang.org/x/net/http2", "golang.org/x/net/proxy", "golang.org/x/net/websocket",
	"github.com/emersion/go-webdav", "github.com/emersion/go-webdav/carddav",
}

// TestOnlyCardDAVSyncConnects reads the program's source: only
// contacts/davsync, the CardDAV sync, imports a package that connects to
// another machine, and only the sync dialog and the sync command dial it,
// so that the app makes no network connection unless the user set up
// CardDAV. There is no telemetry to find.
func TestOnlyCardDAVSyncConnects(t *testing.T) {
	var dialers []string
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		inSync := strings.HasPrefix(filepath.ToSlash(path), "contacts/davsync/")
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if slices.Contains(networkImports, p) && !inSync {
				t.Errorf("%s imports %s: only contacts/davsync may connect to another machine", path, p)
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

// countingTransport counts the requests made through it, and answers none.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	c.n.Add(1)
	return nil, http.ErrHandlerTimeout
}

// TestNoConnectionWithoutCardDAV runs the commands of the app, the sync
// among them, with CardDAV not set up: none makes an HTTP request, and the
// sync says it is not set up.
func TestNoConnectionWithoutCardDAV(t *testing.T) {
	counter := &countingTransport{}
	old := http.DefaultTransport
	http.DefaultTransport = counter
	t.Cleanup(func() { http.DefaultTransport = old })

	data, dir := t.TempDir(), t.TempDir()
	vcf := filepath.Join(dir, "in.vcf")
	os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Example\r\nEMAIL:ann@example.org\r\nURL:https://ann.example.org\r\nEND:VCARD\r\n"), 0o600)
	card := filepath.Join(dir, "card.png")
	if err := imaging.Save(render.Draw(render.Samples()[0], 1050), card); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"scan", "--data", data, "--save", "--out", dir, card},
		{"import", "--data", data, vcf},
		{"due", "--data", data},
		{"export", "--data", data, filepath.Join(dir, "out.vcf")},
		{"export-ics", "--data", data, filepath.Join(dir, "out.ics")},
		{"backup", "--data", data},
		{"archive", "--data", data, filepath.Join(dir, "all.zip")},
		{"restore", "--data", data, filepath.Join(dir, "all.zip")},
		{"sync", "--data", data},
	} {
		if args[0] == "sync" {
			msg, code := runCapturingStderr(t, args)
			if code == 0 || !strings.Contains(msg, "sync: not set up") {
				t.Errorf("sync without CardDAV set up: exit status %d, %q", code, msg)
			}
			continue
		}
		if code := run(args); code != 0 && args[0] != "export-ics" { // no follow-ups to export
			t.Errorf("followthrough %s: exit status %d", strings.Join(args, " "), code)
		}
	}
	if n := counter.n.Load(); n != 0 {
		t.Errorf("%d HTTP requests made without CardDAV set up", n)
	}
}

// runCapturingStderr runs the app's command line and returns what it
// wrote to stderr, and its exit status.
func runCapturingStderr(t *testing.T, args []string) (string, int) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stderr
	os.Stderr = f
	code := run(args)
	os.Stderr = old
	data, _ := os.ReadFile(f.Name())
	return string(data), code
}
