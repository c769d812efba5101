package main

import (
	"io"
	"os"
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

// TestMakeTestRunsEveryPackage checks that make test's two runs, with the
// race detector and without, between them test every package: a package
// added outside both would never be tested.
func TestMakeTestRunsEveryPackage(t *testing.T) {
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, line := range strings.Split(string(mk), "\n") {
		if k, v, ok := strings.Cut(line, ":="); ok && (strings.TrimSpace(k) == "RACE_PKGS" || strings.TrimSpace(k) == "PLAIN_PKGS") {
			patterns = append(patterns, strings.Fields(v)...)
		}
	}
	if len(patterns) == 0 {
		t.Fatal("the Makefile sets no RACE_PKGS or PLAIN_PKGS")
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
			t.Errorf("make test runs no test of %s (in neither RACE_PKGS nor PLAIN_PKGS)", dir)
		}
	}
}
