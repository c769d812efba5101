package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

// TestScanErrorsReachStderr scans a folder with a file that is no image
// among rendered cards, with two workers, as `followthrough scan` runs by
// default on two processors: the command ends with status 1 and says on
// standard error how many cards it could not read. Before, the workers
// loading Tesseract's models at once left standard error pointed at
// /dev/null (see ocr/tesseract's loading), and the command failed
// without a word. It runs a few times, since that came of a race.
func TestScanErrorsReachStderr(t *testing.T) {
	tesstest.Languages(t, tesseract.Installed, "eng", "jpn")
	dir := t.TempDir()
	renderCards(t, dir, 0, 3)
	if err := os.WriteFile(filepath.Join(dir, "notes.png"), []byte("Met Sam at the expo"), 0o644); err != nil {
		t.Fatal(err)
	}
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "scan", "--workers", "2", "--data", t.TempDir(), "--out", t.TempDir(), dir)
		cmd.Env = append(os.Environ(), envChild+"=1", "OMP_THREAD_LIMIT=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("round %d: scan ended with %v, want exit status 1\nstdout:\n%s", round, err, stdout.String())
		}
		if !strings.Contains(stderr.String(), "1 of 4 cards could not be read") {
			t.Fatalf("round %d: standard error is %q, want it to say 1 of 4 cards could not be read\nstdout:\n%s", round, stderr.String(), stdout.String())
		}
	}
}
