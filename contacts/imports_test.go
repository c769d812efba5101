package contacts

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImports keeps the package graph of contacts pointing one way: the
// adapters import the domain, the domain imports none of them nor what
// they wrap, and no adapter imports another.
func TestImports(t *testing.T) {
	tests := []struct {
		dir    string
		banned []string // packages, with those under them; or, ending in "/", prefixes
	}{
		{".", []string{"followthrough/", "database/sql", "github.com/mattn/go-sqlite3",
			"github.com/emersion/", "fyne.io/", "os/exec", "net/"}},
		{"sqlite", []string{"followthrough/contacts/", "followthrough/app", "followthrough/ocr", "github.com/emersion/", "fyne.io/"}},
		{"vcf", []string{"followthrough/contacts/sqlite", "followthrough/contacts/ics", "followthrough/contacts/davsync",
			"followthrough/app", "followthrough/ocr", "database/sql", "fyne.io/"}},
		{"ics", []string{"followthrough/contacts/sqlite", "followthrough/contacts/vcf", "followthrough/contacts/davsync",
			"followthrough/app", "followthrough/ocr", "database/sql", "fyne.io/"}},
		{"davsync", []string{"followthrough/contacts/ics", "followthrough/app", "followthrough/ocr", "database/sql", "fyne.io/"}},
		{"internal/contentline", []string{"followthrough/"}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(tt.dir, "*.go"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no Go files in %s: %v", tt.dir, err)
			}
			for _, path := range files {
				if strings.HasSuffix(path, "_test.go") {
					continue
				}
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
				if err != nil {
					t.Fatal(err)
				}
				for _, imp := range f.Imports {
					p, _ := strconv.Unquote(imp.Path.Value)
					for _, b := range tt.banned {
						if p == b || strings.HasPrefix(p, strings.TrimSuffix(b, "/")+"/") {
							t.Errorf("%s imports %s", path, p)
						}
					}
				}
			}
		})
	}
}
