package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"followthrough/app"
)

// TestVersion checks that --version prints the version written in
// FyneApp.toml, the file the fyne tool packages the app from, and that the
// window's application ID is the one written there.
func TestVersion(t *testing.T) {
	var meta struct {
		Details struct {
			Name, ID, Version string
			Build             int
		}
	}
	if _, err := toml.DecodeFile("FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Details.Version == "" {
		t.Fatal("FyneApp.toml has no version")
	}
	if meta.Details.ID != app.ID {
		t.Errorf("FyneApp.toml's ID is %q, the window's %q", meta.Details.ID, app.ID)
	}
	for _, arg := range []string{"--version", "-version", "version"} {
		t.Run(arg, func(t *testing.T) {
			out, code := capture(t, func() int { return run([]string{arg}) })
			if code != 0 {
				t.Fatalf("exit status %d, output %q", code, out)
			}
			want := meta.Details.Name + " " + meta.Details.Version
			if !strings.HasPrefix(out, want) || !strings.HasSuffix(out, "\n") || strings.Count(out, "\n") != 1 {
				t.Errorf("%s printed %q, want one line starting %q", arg, out, want)
			}
		})
	}
}

// capture runs fn and returns what it wrote to standard output.
func capture(t *testing.T, fn func() int) (string, int) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	code := fn()
	os.Stdout = old
	w.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// TestMakefileAppID checks that make install names the desktop entry and
// icon as the fyne tool does: after the ID in FyneApp.toml.
func TestMakefileAppID(t *testing.T) {
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(mk), "\n") {
		if k, v, ok := strings.Cut(line, ":="); ok && strings.TrimSpace(k) == "APPID" {
			if strings.TrimSpace(v) != app.ID {
				t.Errorf("the Makefile's APPID is %q, FyneApp.toml's ID %q", strings.TrimSpace(v), app.ID)
			}
			return
		}
	}
	t.Error("the Makefile sets no APPID")
}

// makeVars are the Makefile's simple variables (NAME := value), with
// make's $$ as the $ the shell is given.
func makeVars(t *testing.T) map[string]string {
	t.Helper()
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^[A-Z_]+$`)
	vars := map[string]string{}
	for _, line := range strings.Split(string(mk), "\n") {
		k, v, ok := strings.Cut(line, ":=")
		if k = strings.TrimSpace(k); ok && name.MatchString(k) {
			vars[k] = strings.ReplaceAll(strings.TrimSpace(v), "$$", "$")
		}
	}
	return vars
}

// TestMakeTestRunsEveryPackage checks that make test's runs, with the
// race detector and without, between them test every package: a package
// added outside all of them would never be tested.
func TestMakeTestRunsEveryPackage(t *testing.T) {
	vars := makeVars(t)
	var patterns []string
	for _, k := range []string{"RACE_PKGS", "PLAIN_PKGS", "UI_PKG"} {
		patterns = append(patterns, strings.Fields(vars[k])...)
	}
	if len(patterns) == 0 {
		t.Fatal("the Makefile sets no RACE_PKGS, PLAIN_PKGS or UI_PKG")
	}
	pkgs := readPackages(t)
	if len(pkgs) < 10 {
		t.Fatalf("found %d packages: the walk missed them", len(pkgs))
	}
	for p := range pkgs {
		dir := "." + strings.TrimPrefix(p, module)
		covered := false
		for _, pattern := range patterns {
			base, tree := strings.CutSuffix(pattern, "/...")
			covered = covered || dir == base || tree && strings.HasPrefix(dir, base+"/")
		}
		if !covered {
			t.Errorf("make test runs no test of %s (in none of RACE_PKGS, PLAIN_PKGS and UI_PKG)", dir)
		}
	}
}

// TestMakeTestSkipsOnlyOcrsRaceTests checks that the tests make test's
// plain run skips, as ocr's race run has them, are all ocr's: the plain
// run skips them in every package it runs, and one of the same name
// elsewhere would never run.
func TestMakeTestSkipsOnlyOcrsRaceTests(t *testing.T) {
	pattern := makeVars(t)["OCR_RACE"]
	if pattern == "" {
		t.Fatal("the Makefile sets no OCR_RACE")
	}
	skipped, err := regexp.Compile(pattern)
	if err != nil {
		t.Fatal(err)
	}
	testFunc := regexp.MustCompile(`(?m)^func (Test\w*)\(`)
	found := 0
	err = filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range testFunc.FindAllStringSubmatch(string(src), -1) {
			if !skipped.MatchString(m[1]) {
				continue
			}
			if filepath.Dir(p) != "ocr" {
				t.Errorf("%s in %s: the plain run skips it, and only ocr's race run runs these", m[1], p)
			}
			found++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 5 {
		t.Errorf("OCR_RACE names %d tests: the pattern has gone stale", found)
	}
}
