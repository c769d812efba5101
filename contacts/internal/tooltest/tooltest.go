// Package tooltest finds, for tests, the programs the project did not
// write that judge what it writes: khard, vdirsyncer, khal, zbarimg, and a
// Python with vobject or icalendar (Debian's packages, which
// ./setup.sh --test installs).
//
// A test that needs one that is missing fails when
// FOLLOWTHROUGH_REQUIRE_TOOLS=1, as make test sets, and is skipped
// otherwise, as the Radicale tests are.
package tooltest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Required reports whether a missing tool fails the test rather than
// skipping it.
func Required() bool { return os.Getenv("FOLLOWTHROUGH_REQUIRE_TOOLS") == "1" }

// missing fails or skips t, as Required says, for what is missing.
func missing(t testing.TB, what, pkg string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is missing: run ./setup.sh --test (Debian package %s)", what, pkg)
	}
	t.Skipf("%s is missing: ./setup.sh --test installs it (Debian package %s)", what, pkg)
}

// Command returns the path of the program name, from the Debian package
// pkg.
func Command(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name, pkg)
	}
	return p
}

// Python returns a python3 that can import every module given, Debian's
// first: a python3 earlier in PATH, such as one of pyenv's, may lack
// Debian's modules.
func Python(t testing.TB, modules ...string) string {
	t.Helper()
	py, ok := findPython(modules)
	if !ok {
		missing(t, "python3 with "+strings.Join(modules, ", "), "python3-"+strings.Join(modules, " python3-"))
	}
	return py
}

// MustPython is Python that fails the test, even without
// FOLLOWTHROUGH_REQUIRE_TOOLS, when no python3 has the modules.
func MustPython(t testing.TB, modules ...string) string {
	t.Helper()
	py, ok := findPython(modules)
	if !ok {
		t.Fatalf("no python3 with %s: run ./setup.sh --test (Debian package python3-%s)",
			strings.Join(modules, ", "), strings.Join(modules, " python3-"))
	}
	return py
}

func findPython(modules []string) (string, bool) {
	imports := "import " + strings.Join(modules, ", ")
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", imports).Run() == nil {
			return py, true
		}
	}
	return "", false
}
