package tesseract

import (
	"sync"
	"syscall"
	"testing"

	"github.com/otiai10/gosseract/v2"

	"followthrough/ocr/tesseract/tesstest"
)

// TestStderrKept starts clients on several goroutines at once, as a
// batch's workers do, and checks that the process's standard error is
// still where it was. gosseract points it at /dev/null while a client
// loads its model and then puts back what it found: two loading at once,
// the second put back the first's /dev/null, and every later message of
// the app (an error of the command line, a crash's trace) went nowhere.
func TestStderrKept(t *testing.T) {
	tesstest.Languages(t, Installed, "eng", "jpn", "Latin")
	before := stderrFile(t)
	langs := [][]string{{"eng"}, {"jpn"}, {"Latin"}, {"eng", "jpn"}}
	for round := range 4 {
		var wg sync.WaitGroup
		for _, l := range langs {
			wg.Go(func() {
				c, err := newClient(l)
				if err != nil {
					t.Errorf("newClient(%v): %v", l, err)
					return
				}
				defer c.Close()
				if _, err := recognize(c, blank, gosseract.PSM_SINGLE_LINE, true); err != nil {
					t.Errorf("read with %v: %v", l, err)
				}
			})
		}
		wg.Wait()
		if after := stderrFile(t); after != before {
			t.Fatalf("round %d: standard error is now file %v, was %v", round, after, before)
		}
	}
}

// stderrFile is the device and inode standard error refers to.
func stderrFile(t *testing.T) [2]uint64 {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Fstat(2, &st); err != nil {
		t.Fatal(err)
	}
	return [2]uint64{uint64(st.Dev), st.Ino}
}
