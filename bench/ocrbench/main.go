// Command ocrbench measures how fast the app reads cards, against
// Tesseract by itself, in one run:
//
//   - per card, the pipeline's time (ocr.Read with an engine reused, as
//     the app does) against `OMP_THREAD_LIMIT=1 tesseract IMAGE -` on the
//     same file, and their ratio for each folder of cards;
//   - a batch of -batch cards (cycled from the folders and the rendered
//     sample cards) with 1 worker and with 2, each in a process of its
//     own: cards a second, the speed-up, and the process's peak memory.
//
// It reads the cards where they are and copies nothing.
//
//	OMP_THREAD_LIMIT=1 go run -tags migrated_fynedo,sqlite_fts5 ./bench/ocrbench \
//		-cards ../shared/cards-dev -sets stanford-mvs-scans,thucdx-jp-photos
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "followthrough/app/environ" // the environment the app runs in
	"followthrough/ocr"
	"followthrough/ocr/tesseract"
)

func main() {
	cards := flag.String("cards", "../shared/cards-dev", "the folder of card folders")
	sets := flag.String("sets", "stanford-mvs-scans,thucdx-jp-photos", "the folders of cards to time one by one, comma-separated")
	samples := flag.String("samples", "assets/samples", "rendered sample cards, for the batch")
	batch := flag.Int("batch", 200, "cards in the batch; 0 for no batch")
	workers := flag.Int("batch-workers", 0, "(used by ocrbench itself) read the batch with `N` workers and report")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the run to `FILE`, for go tool pprof")
	traceFile := flag.String("trace", "", "write an execution trace of the run to `FILE`, for go tool trace")
	flag.Parse()
	for _, w := range []struct {
		path  *string
		start func(io.Writer) error
		stop  func()
	}{
		{cpuProfile, pprof.StartCPUProfile, pprof.StopCPUProfile},
		{traceFile, trace.Start, trace.Stop},
	} {
		if *w.path == "" {
			continue
		}
		f, err := os.Create(*w.path)
		if err == nil {
			err = w.start(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "ocrbench:", err)
			os.Exit(1)
		}
		defer w.stop()
	}
	if os.Getenv("OMP_THREAD_LIMIT") != "1" {
		fmt.Fprintln(os.Stderr, "ocrbench: run with OMP_THREAD_LIMIT=1, as the app does")
		os.Exit(2)
	}
	var err error
	if *workers > 0 {
		err = runBatch(*cards, strings.Split(*sets, ","), *samples, *batch, *workers)
	} else {
		err = run(*cards, strings.Split(*sets, ","), *samples, *batch)
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "ocrbench:", err)
		os.Exit(1)
	}
}

// images returns the card images in dir, sorted.
func images(dir string) ([]string, error) {
	var out []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp":
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

func run(cards string, sets []string, samples string, batch int) error {
	ctx := context.Background()
	eng, err := tesseract.New("eng")
	if err != nil {
		return err
	}
	defer eng.Close()
	fmt.Printf("ocrbench %s, %s\n\n", time.Now().Format(time.DateOnly), strings.Join(sets, ", "))
	for _, set := range sets {
		paths, err := images(filepath.Join(cards, set))
		if err != nil {
			return err
		}
		if len(paths) == 0 {
			return fmt.Errorf("no card images in %s", set)
		}
		// The engine's first read costs more than the others: start it
		// on the first card, untimed, as a worker does once.
		if _, err := ocr.Read(ctx, eng, paths[0]); err != nil {
			return err
		}
		fmt.Printf("%s: %d cards\n%-16s %10s %10s %7s\n", set, len(paths), "card", "pipeline", "tesseract", "ratio")
		var sumP, sumT time.Duration
		var ratios []float64
		for i, p := range paths {
			start := time.Now()
			if _, err := ocr.Read(ctx, eng, p); err != nil {
				return err
			}
			tp := time.Since(start)
			tt, err := tesseractTime(p)
			if err != nil {
				return err
			}
			sumP, sumT = sumP+tp, sumT+tt
			r := tp.Seconds() / tt.Seconds()
			ratios = append(ratios, r)
			// Cards are named by number only: the names say nothing of
			// the people on them.
			fmt.Printf("%-16s %9.2fs %9.2fs %7.2f\n", fmt.Sprintf("card %d", i+1), tp.Seconds(), tt.Seconds(), r)
		}
		slices.Sort(ratios)
		fmt.Printf("%s: pipeline %.2fs, tesseract %.2fs a card; ratio of totals %.2f, median ratio %.2f\n\n",
			set, sumP.Seconds()/float64(len(paths)), sumT.Seconds()/float64(len(paths)),
			sumP.Seconds()/sumT.Seconds(), ratios[len(ratios)/2])
	}
	if batch <= 0 {
		return nil
	}
	// Each batch in a process of its own, so that its peak memory is its
	// own.
	fmt.Printf("batch of %d cards\n", batch)
	var perSecond [3]float64
	for _, w := range []int{1, 2} {
		cmd := exec.Command(os.Args[0], append(os.Args[1:], "-batch-workers", strconv.Itoa(w))...)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("batch with %d workers: %w", w, err)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB
		var secs float64
		var n int
		if _, err := fmt.Sscanf(string(out), "%d cards in %fs", &n, &secs); err != nil {
			return fmt.Errorf("batch with %d workers said %q", w, out)
		}
		perSecond[w] = float64(n) / secs
		_, busy, _ := strings.Cut(strings.TrimSpace(string(out)), "; ")
		fmt.Printf("%d worker(s): %d cards in %.1fs, %.2f cards/s, peak memory %d MB; %s\n", w, n, secs, perSecond[w], rss/1024, busy)
	}
	fmt.Printf("2 workers read %.2f times as fast as 1\n", perSecond[2]/perSecond[1])
	return nil
}

// tesseractTime times Tesseract by itself reading path, as its command
// does, with OpenMP's threads off.
func tesseractTime(path string) (time.Duration, error) {
	cmd := exec.Command("tesseract", path, "-")
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("tesseract %s: %w: %s", path, err, out)
	}
	return time.Since(start), nil
}

// runBatch reads a batch of n cards with the given number of workers and
// prints "N cards in Ss".
func runBatch(cards string, sets []string, samples string, n, workers int) error {
	var pool []string
	for _, set := range sets {
		ps, err := images(filepath.Join(cards, set))
		if err != nil {
			return err
		}
		pool = append(pool, ps...)
	}
	ps, err := images(samples)
	if err != nil {
		return err
	}
	pool = append(pool, ps...)
	if len(pool) == 0 {
		return fmt.Errorf("no cards for the batch")
	}
	if n <= 0 {
		return fmt.Errorf("no cards asked for in the batch")
	}
	paths := make([]string, n)
	for i := range paths {
		paths[i] = pool[i%len(pool)]
	}
	b := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return tesseract.New("eng") }, Workers: workers}
	start := time.Now()
	failed := 0
	var reading time.Duration // the workers' time on cards, all told
	var arrived []time.Duration
	err = b.Read(context.Background(), paths, func(r ocr.Result) {
		if r.Err != nil {
			failed++
		}
		reading += r.Elapsed
		arrived = append(arrived, time.Since(start))
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d cards of the batch could not be read", failed)
	}
	took := time.Since(start)
	// How much of the batch's time its workers spent on cards, and how
	// long its end took once the first worker had no card left.
	w := workers
	if w <= 0 {
		w = runtime.NumCPU()
	}
	w = min(w, n)
	busy := reading.Seconds() / (took.Seconds() * float64(w))
	tail := took - arrived[n-w]
	fmt.Printf("%d cards in %.3fs; workers on cards %.1f%% of the time; last %.2fs with fewer than %d\n",
		n, took.Seconds(), 100*busy, tail.Seconds(), w)
	return nil
}
