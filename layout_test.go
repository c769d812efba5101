package main

import (
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// module is this module's path, the prefix of its own import paths.
const module = "followthrough"

// A sourcePackage is one folder of Go files: the packages its non-test
// files import, and whether one of them has a package comment.
type sourcePackage struct {
	imports    []string
	documented bool
}

// readPackages parses every non-test Go file below the module's root and
// returns its packages by import path. Build constraints are ignored: a
// file for another system counts too, as it would there.
func readPackages(t *testing.T) map[string]*sourcePackage {
	t.Helper()
	pkgs := map[string]*sourcePackage{}
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || d.Name() == "bin") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		importPath := path.Join(module, filepath.ToSlash(filepath.Dir(p)))
		pkg := pkgs[importPath]
		if pkg == nil {
			pkg = &sourcePackage{}
			pkgs[importPath] = pkg
		}
		pkg.documented = pkg.documented || f.Doc != nil
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(pkg.imports, ip) {
				pkg.imports = append(pkg.imports, ip)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// deps returns every import path that pkg reaches, itself left out,
// following the module's own packages.
func deps(pkgs map[string]*sourcePackage, pkg string) []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(p string) {
		sp := pkgs[p]
		if sp == nil {
			return
		}
		for _, imp := range sp.imports {
			if !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(pkg)
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// within reports whether import path p is pattern or, where pattern ends
// in "/...", below it.
func within(p, pattern string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return p == base || strings.HasPrefix(p, base+"/")
	}
	return p == pattern
}

func withinAny(p string, patterns []string) bool {
	return slices.ContainsFunc(patterns, func(pattern string) bool { return within(p, pattern) })
}

// TestPackageLayout checks which way imports go (README, "Developing"):
// the domain at the centre imports none of its adapters, the command line
// and the shared app logic link no Fyne, each outside library that needs
// cgo or a server is imported by one package only, and the app users
// install does not carry the card generator.
func TestPackageLayout(t *testing.T) {
	pkgs := readPackages(t)
	for _, p := range []string{
		"followthrough/app", "followthrough/app/cli", "followthrough/app/ui",
		"followthrough/contacts", "followthrough/contacts/sqlite", "followthrough/contacts/vcf",
		"followthrough/contacts/ics", "followthrough/contacts/davsync",
		"followthrough/ocr", "followthrough/ocr/tesseract", "followthrough/ocr/eval",
	} {
		if pkgs[p] == nil {
			t.Errorf("package %s is missing", p)
		}
	}

	tests := []struct {
		name string
		// from lists the packages the rule is about; transitive says
		// whether what they reach counts, or only what they import.
		from       []string
		transitive bool
		// never lists what they must not import; only, when set, lists
		// the only packages allowed to import never.
		never []string
		only  []string
	}{
		{
			name: "the domain imports no adapter, no app and no outside storage or format library",
			from: []string{"followthrough/contacts"}, transitive: true,
			never: []string{"followthrough/...", "fyne.io/...", "github.com/mattn/go-sqlite3",
				"github.com/emersion/...", "github.com/otiai10/gosseract/v2", "database/sql", "net/...", "os/exec"},
		},
		{
			name: "adapters of contacts import neither the app nor the reader",
			from: []string{"followthrough/contacts/..."}, transitive: true,
			never: []string{"followthrough/app/...", "followthrough/ocr/...", "fyne.io/..."},
		},
		{
			name: "adapters of contacts import no other adapter, but davsync, which joins the store and vCards",
			from: []string{"followthrough/contacts/sqlite", "followthrough/contacts/vcf", "followthrough/contacts/ics"},
			never: []string{"followthrough/contacts/sqlite", "followthrough/contacts/vcf",
				"followthrough/contacts/ics", "followthrough/contacts/davsync"},
		},
		{
			name: "the reader imports neither the app nor the store",
			from: []string{"followthrough/ocr/..."}, transitive: true,
			never: []string{"followthrough/app/...", "followthrough/contacts/sqlite", "fyne.io/..."},
		},
		{
			name: "the reading pipeline knows no engine, no scoring and no card generator",
			from: []string{"followthrough/ocr"}, transitive: true,
			never: []string{"followthrough/ocr/tesseract", "followthrough/ocr/eval",
				"followthrough/ocr/render", "github.com/otiai10/gosseract/v2"},
		},
		{
			name:  "only ocr/tesseract uses cgo",
			never: []string{"C"},
			only:  []string{"followthrough/ocr/tesseract"},
		},
		{
			name: "the shared app logic and the command line link no Fyne",
			from: []string{"followthrough/app", "followthrough/app/cli"}, transitive: true,
			never: []string{"fyne.io/...", "followthrough/app/ui"},
		},
		{
			name: "what the window and the command line share reaches neither",
			from: []string{"followthrough/app"}, transitive: true,
			never: []string{"followthrough/app/cli", "followthrough/app/ui"},
		},
		{
			name: "the phone receiver and the watched folder link no Fyne, window or command line",
			from: []string{"followthrough/app/receive", "followthrough/app/watch"}, transitive: true,
			never: []string{"fyne.io/...", "followthrough/app/ui", "followthrough/app/cli"},
		},
		{
			// So that the privacy test may leave them out: they talk to
			// the test's own servers on loopback, as a phone would.
			name:  "only tests import the test helpers",
			never: []string{"followthrough/app/internal/apptest"},
			only:  []string{"followthrough/app/internal/apptest"},
		},
		{
			name:  "only app/watch imports fsnotify",
			never: []string{"github.com/fsnotify/fsnotify"},
			only:  []string{"followthrough/app/watch"},
		},
		{
			name: "the window does not reach into the command line",
			from: []string{"followthrough/app/ui"}, transitive: true,
			never: []string{"followthrough/app/cli"},
		},
		{
			name:  "only ocr/tesseract imports gosseract",
			never: []string{"github.com/otiai10/gosseract/v2"},
			only:  []string{"followthrough/ocr/tesseract"},
		},
		{
			name:  "only contacts/sqlite imports go-sqlite3",
			never: []string{"github.com/mattn/go-sqlite3", "database/sql"},
			only:  []string{"followthrough/contacts/sqlite", "followthrough/bench/..."},
		},
		{
			name:  "only the window and its resources import Fyne",
			never: []string{"fyne.io/..."},
			only:  []string{"followthrough/app/ui", "followthrough/assets/..."},
		},
		{
			name: "the installed app does not carry the synthetic-card generator",
			from: []string{"followthrough"}, transitive: true,
			never: []string{"followthrough/ocr/render", "followthrough/bench/..."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for p, sp := range pkgs {
				var reached []string
				switch {
				case tt.only != nil:
					if withinAny(p, tt.only) {
						continue
					}
					reached = sp.imports
				case withinAny(p, tt.from):
					reached = sp.imports
					if tt.transitive {
						reached = deps(pkgs, p)
					}
				default:
					continue
				}
				for _, imp := range reached {
					if withinAny(imp, tt.never) && imp != p {
						t.Errorf("%s imports %s", p, imp)
					}
				}
			}
		})
	}
}

// TestPackagesDocumented checks that every package says what it holds.
func TestPackagesDocumented(t *testing.T) {
	for p, sp := range readPackages(t) {
		if !sp.documented {
			t.Errorf("package %s has no package comment", p)
		}
	}
}
