package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/disintegration/imaging"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
	"followthrough/ocr/tesseract/tesstest"
)

// envChild, when set, makes the test binary run the app's command line
// with its arguments instead of the tests: the crash tests start the app
// this way, as its own process, to kill it.
const envChild = "FOLLOWTHROUGH_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(envChild) != "" {
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// child is the app running as a process of its own, and what it prints.
type child struct {
	cmd   *exec.Cmd
	mu    sync.Mutex
	out   []string
	ended chan error // gets Wait's result once the output is read
}

// startApp runs the app with args, as followthrough would be run.
func startApp(t *testing.T, args ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), envChild+"=1", "OMP_THREAD_LIMIT=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, ended: make(chan error, 1)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			c.mu.Lock()
			c.out = append(c.out, sc.Text())
			c.mu.Unlock()
		}
		c.ended <- cmd.Wait()
	}()
	return c
}

// lines returns what the app printed so far.
func (c *child) lines() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.out)
}

// waitFor waits until the app prints a line starting with prefix, and
// reports whether it did before it ended or timeout passed.
func (c *child) waitFor(prefix string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		for _, l := range c.lines() {
			if strings.HasPrefix(l, prefix) {
				return true
			}
		}
		select {
		case err := <-c.ended:
			c.ended <- err
			return false
		case <-time.After(2 * time.Millisecond):
		}
	}
	return false
}

// killAfter kills the app with SIGKILL after d, unless it ended before, and
// returns what it printed and how it ended: killed only when the process
// died by the signal, not when it ended by itself just before it was sent;
// otherwise err is how it ended (nil for exit status 0).
func (c *child) killAfter(d time.Duration) (out []string, killed bool, err error) {
	select {
	case err = <-c.ended:
	case <-time.After(d):
		// Signal fails when the process has ended already: Wait says.
		c.cmd.Process.Signal(syscall.SIGKILL)
		err = <-c.ended
	}
	if diedOf(err, syscall.SIGKILL) {
		return c.lines(), true, nil
	}
	return c.lines(), false, err
}

// diedOf reports whether err, from exec.Cmd.Wait, says the process died of
// signal sig.
func diedOf(err error, sig syscall.Signal) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == sig
}

// checkStore opens the data folder as the app would after a crash, checks
// the database with PRAGMA integrity_check, and returns the contacts.
func checkStore(t *testing.T, dir string, scanned bool) []contacts.Contact {
	t.Helper()
	s, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("the database does not open after the crash: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("after the crash: %v", err)
	}
	backup, err := s.Backup(context.Background()) // VACUUM INTO reads every page
	if err != nil {
		t.Fatalf("the database cannot be copied after the crash: %v", err)
	}
	if _, err := sqlite.CheckBackup(context.Background(), backup.Path); err != nil {
		t.Fatalf("after the crash: %v", err)
	}
	cs, err := s.List(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cs {
		// Each card scanned was saved whole: with its first follow-up, and
		// with its card image on disk, whole.
		if fs, err := s.FollowUps(context.Background(), cs[i].ID); scanned && (err != nil || len(fs) != 1) {
			t.Errorf("%s was saved with %d follow-ups (%v), want the one scheduled with it", cs[i].DisplayName(), len(fs), err)
		}
		if cs[i].Image == "" {
			continue
		}
		data, err := os.ReadFile(s.ImagePath(cs[i].Image))
		if err != nil {
			t.Errorf("%s: card image: %v", cs[i].DisplayName(), err)
			continue
		}
		sum := sha256.Sum256(data)
		if !strings.Contains(cs[i].Image, hex.EncodeToString(sum[:])) {
			t.Errorf("%s: card image %s is not whole", cs[i].DisplayName(), cs[i].Image)
		}
	}
	return cs
}

// integrity runs PRAGMA integrity_check on the database in dir.
func integrity(t *testing.T, dir string) {
	t.Helper()
	if _, err := sqlite.CheckBackup(context.Background(), filepath.Join(dir, "followthrough.db")); err != nil {
		// The file itself, with its WAL applied by the Open above.
		t.Errorf("integrity of the database file: %v", err)
	}
}

// renderCards draws n cards of invented people, each with their own name
// and email (so that none is taken for another), into dir.
func renderCards(t *testing.T, dir string, batch, n int) []string {
	t.Helper()
	first := []string{"Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan"}
	last := []string{"Whitfield", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Brennan", "Novak"}
	var paths []string
	for i := range n {
		k := batch*n + i // a different name for each card, up to 80
		name := fmt.Sprintf("%s %s", first[k%len(first)], last[k/len(first)%len(last)])
		card := render.Card{Lines: []render.Line{
			{Text: name, Size: 17, Bold: true},
			{Text: "Account Director", Size: 9},
			{Text: "Northwind Logistics", Size: 10, Bold: true, SpaceBefore: 3},
			{Text: fmt.Sprintf("Office: (503) 555-01%02d", (batch*n+i)%100), Size: 8.5, SpaceBefore: 4},
			{Text: fmt.Sprintf("crash%d.card%d@northwind.example.com", batch, i), Size: 8.5},
		}}
		p := filepath.Join(dir, fmt.Sprintf("batch%d-card%d.png", batch, i))
		if err := imaging.Save(render.Draw(card, 1050), p); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestKillDuringScan kills `followthrough scan --save` with SIGKILL at
// random points of a batch, again and again on the same data folder: each
// time the database opens, passes integrity_check, and holds every card
// the app reported saved, whole, with its image and first follow-up.
func TestKillDuringScan(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the app many times")
	}
	tesstest.Languages(t, tesseract.Installed, "eng")
	if eng, err := tesseract.New("eng"); err != nil {
		t.Fatalf("tesseract: %v", err)
	} else {
		eng.Close()
	}
	seed := time.Now().UnixNano()
	t.Logf("random seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	data, out := t.TempDir(), t.TempDir()
	const batches, perBatch = 8, 5
	saved := map[string]bool{} // image hash of every card reported saved
	killed, midWork, done := 0, 0, 0
	var full time.Duration // how long a batch takes, from the first
	// Up to four batches more, killed a third of the way in, if none of
	// the random ones died before its last card.
	for b := 0; b <= batches || (midWork == 0 && b <= batches+4); b++ {
		in := t.TempDir()
		paths := renderCards(t, in, b, perBatch)
		app := startApp(t, "scan", "--data", data, "--save", "--workers", "2", "--out", out, in)
		// The first batch runs to its end; the others are killed anywhere
		// from their start to past their end.
		delay := 2 * time.Minute
		switch {
		case b > batches:
			delay = full / 3
		case b > 0:
			delay = time.Duration(rng.Int64N(int64(full) * 11 / 10))
		}
		start := time.Now()
		lines, wasKilled, err := app.killAfter(delay)
		if b == 0 {
			if wasKilled {
				t.Fatalf("the first batch, let run to its end, was killed after %v: %q", delay, lines)
			}
			full = time.Since(start)
			t.Logf("a batch of %d cards takes %v", perBatch, full)
		}
		if err != nil {
			t.Errorf("batch %d ended by itself with %v", b, err)
		}
		reported := 0
		for _, l := range lines {
			if strings.HasPrefix(l, "ok   ") || strings.HasPrefix(l, "FAIL") {
				reported++
			}
		}
		switch {
		case !wasKilled:
			done++
		case reported < len(paths):
			killed++
			midWork++
		default:
			killed++ // after its last card: it proves less
		}
		for _, l := range lines {
			// "ok" with "NOT SAVED" is a card taken for someone saved
			// already: its vCard is written, it is not saved.
			if strings.HasPrefix(l, "ok   ") && !strings.Contains(l, "NOT SAVED") {
				path, _, _ := strings.Cut(strings.TrimPrefix(l, "ok   "), " -> ")
				img, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("the app reported %q: %v", l, err)
				}
				sum := sha256.Sum256(img)
				saved[hex.EncodeToString(sum[:])] = true
			} else if !wasKilled && strings.HasPrefix(l, "FAIL") {
				t.Errorf("batch %d: %s", b, l)
			}
		}
		if !wasKilled && len(lines) < len(paths) {
			t.Errorf("batch %d ended with %d lines for %d cards:\n%s", b, len(lines), len(paths), strings.Join(lines, "\n"))
		}
		cs := checkStore(t, data, true)
		integrity(t, data)
		have := map[string]bool{}
		for _, c := range cs {
			have[strings.TrimSuffix(filepath.Base(c.Image), filepath.Ext(c.Image))] = true
		}
		for h := range saved {
			if !have[h] {
				t.Fatalf("after batch %d (killed %v): a card reported saved is not in the database", b, wasKilled)
			}
		}
	}
	t.Logf("%d runs killed (%d before their last card), %d ran to the end; %d cards reported saved, all there", killed, midWork, done-1, len(saved))
	if midWork == 0 {
		t.Error("no run died of SIGKILL before its last card: the test proves nothing")
	}
}

// writeVCards writes n invented people as one .vcf file.
func writeVCards(t *testing.T, path string, batch, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person%d;Import%d;;;\r\nFN:Import%d Person%d-%d\r\nORG:Firm%dx%d\r\n"+
			"EMAIL:import%d.person%d@example.org\r\nTEL;TYPE=cell:+1 650 %03d %04d\r\nNOTE:Met at the expo\\, card %d\r\nEND:VCARD\r\n",
			i, batch, batch, i, batch, batch, i, batch, i, 200+batch, i, i)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestKillDuringImport kills `followthrough import` with SIGKILL at random
// points, again and again on the same data folder: each time the database
// opens and passes integrity_check, and the import was saved whole or not
// at all, whole for certain if the app said so.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the app many times")
	}
	seed := time.Now().UnixNano()
	t.Logf("random seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	data, in := t.TempDir(), t.TempDir()
	const perFile = 1000

	// A first import to the end, to know how long its two parts take:
	// reading the file and looking for the same people, then saving.
	first := filepath.Join(in, "first.vcf")
	writeVCards(t, first, 0, perFile)
	start := time.Now()
	app := startApp(t, "import", "--data", data, first)
	if !app.waitFor("Saving ", time.Minute) {
		t.Fatalf("the first import did not get to saving: %q", app.lines())
	}
	reading := time.Since(start)
	lines, killed, err := app.killAfter(time.Minute)
	if killed || err != nil {
		t.Fatalf("the first import, let run to its end, was killed (%v) or failed (%v): %q", killed, err, lines)
	}
	saving := time.Since(start) - reading
	if want := fmt.Sprintf("Imported %d new contacts.", perFile); !strings.Contains(strings.Join(lines, "\n"), want) {
		t.Fatalf("the first import said %q, want %q", lines, want)
	}
	t.Logf("one import of %d cards takes %v to read and %v to save", perFile, reading, saving)

	have := len(checkStore(t, data, false))
	outcomes := map[string]int{}
	midSave := 0 // runs that died of SIGKILL while saving
	const runs = 8
	// Up to four runs more, killed a third of the way into saving, if none
	// of the random ones died while saving.
	for b := 1; b <= runs || (midSave == 0 && b <= runs+4); b++ {
		path := filepath.Join(in, fmt.Sprintf("batch%d.vcf", b))
		writeVCards(t, path, b, perFile)
		app := startApp(t, "import", "--data", data, path)
		// A few are killed while reading; most once they say they are
		// saving, anywhere from then to past the end.
		var delay time.Duration
		switch {
		case b > runs:
			if !app.waitFor("Saving ", time.Minute) {
				t.Fatalf("import %d did not get to saving: %q", b, app.lines())
			}
			delay = saving / 3
		case rng.IntN(4) == 0:
			delay = time.Duration(rng.Int64N(int64(reading)))
		default:
			app.waitFor("Saving ", time.Minute)
			delay = time.Duration(rng.Int64N(int64(saving) * 13 / 10))
		}
		lines, killed, err := app.killAfter(delay)
		if err != nil {
			t.Errorf("import %d ended by itself with %v: %q", b, err, lines)
		}
		text := strings.Join(lines, "\n")
		isSaving, said := strings.Contains(text, "Saving "), strings.Contains(text, fmt.Sprintf("Imported %d new contacts.", perFile))
		n := len(checkStore(t, data, false))
		integrity(t, data)
		var outcome string
		switch {
		case !killed:
			outcome = "ran to the end"
		case !isSaving:
			outcome = "killed while reading"
		case said:
			outcome = "killed after saving"
		default:
			outcome = "killed while saving"
			midSave++
		}
		switch {
		case n == have+perFile:
			outcome += ", all kept"
		case n == have:
			outcome += ", none kept"
			if said {
				t.Fatalf("import %d said it imported %d cards, but the database has none of them", b, perFile)
			}
		default:
			t.Fatalf("import %d (killed %v after %v) left %d of its %d cards: not one change", b, killed, delay, n-have, perFile)
		}
		if !killed && !said {
			t.Errorf("import %d ended without saying it imported: %q", b, lines)
		}
		outcomes[outcome]++
		have = n
	}
	t.Logf("outcomes: %v", outcomes)
	if midSave == 0 {
		t.Error("no import died of SIGKILL while saving: the test proves nothing")
	}
}
