// Package tesstest decides, for tests, what a missing Tesseract or missing
// Tesseract language data does to a test that needs it: with
// FOLLOWTHROUGH_REQUIRE_TOOLS=1, as make test sets, the test fails;
// otherwise it is skipped, saying what to install. contacts/internal/tooltest
// makes the same choice for the programs that judge contacts' files.
//
// It imports neither Tesseract nor ocr/tesseract, so that the tests of
// ocr/tesseract can use it too: the caller checks (tesseract.Installed)
// and calls Missing.
package tesstest

import (
	"os"
	"testing"
)

// Required reports whether a missing tool fails the test rather than
// skipping it: FOLLOWTHROUGH_REQUIRE_TOOLS=1, as make test sets.
func Required() bool { return os.Getenv("FOLLOWTHROUGH_REQUIRE_TOOLS") == "1" }

// Missing fails t, or skips it unless Required, because what is missing;
// pkg names the Debian package that ./setup.sh installs for it.
func Missing(t testing.TB, what, pkg string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is missing: run ./setup.sh (Debian package %s)", what, pkg)
	}
	t.Skipf("%s is missing: ./setup.sh installs it (Debian package %s)", what, pkg)
}

// Languages fails or skips t, as Missing, unless installed says that
// Tesseract's data for every one of langs is there. installed is
// tesseract.Installed.
func Languages(t testing.TB, installed func(lang string) bool, langs ...string) {
	t.Helper()
	for _, l := range langs {
		if !installed(l) {
			Missing(t, "the Tesseract data for "+l, "tesseract-ocr-"+l)
		}
	}
}
