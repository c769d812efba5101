package ui

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/disintegration/imaging"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr/render"
)

// BenchmarkScanBatchMemory reads a batch of card photos in the window, as
// a drop or Open folder does, with the real reader, and reports the
// process's peak resident memory and what the heap still holds once all
// are waiting for review (issue 21, A.10). The photos are those in
// $FOLLOWTHROUGH_REVIEWMEM_DIR (bench/reviewmem.sh makes 200), or else 8
// of 12 megapixels drawn here.
//
//	bench/reviewmem.sh        # 200 photos, figures in BENCHMARKS.md
func BenchmarkScanBatchMemory(b *testing.B) {
	dir := os.Getenv("FOLLOWTHROUGH_REVIEWMEM_DIR")
	if dir == "" {
		dir = b.TempDir()
		writePhotos(b, dir, 8)
	}
	paths, err := app.ImagePaths([]string{dir})
	if err != nil || len(paths) == 0 {
		b.Fatalf("no photos in %s: %v", dir, err)
	}
	for b.Loop() {
		store, err := sqlite.Open(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		a := test.NewTempApp(b)
		w := test.NewTempWindow(b, nil)
		m := newMainWindow(b.Context(), a, w, store, app.NewEngine, testClock, contacts.DateFormat{})
		// Fyne's test driver runs a worker's UI updates on the worker's
		// goroutine: held, they run on this one, in order, as in the window.
		m.tasks.held = true
		w.SetContent(m.buildUI())
		w.Resize(fyne.NewSize(1180, 760))
		m.tasks.drain()
		m.scan.read([]string{dir})
		m.tasks.drain()
		if n := len(m.scan.queue); n != len(paths) {
			b.Fatalf("%d of %d cards waiting for review", n, len(paths))
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(len(paths)), "cards")
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-heap-held")
		b.ReportMetric(float64(residentKB("VmHWM"))/1024, "MB-peak-RSS")
		b.ReportMetric(float64(residentKB("VmRSS"))/1024, "MB-RSS-after")
		store.Close()
	}
}

// residentKB reads a memory figure of this process from /proc, in KB.
func residentKB(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// writePhotos writes n photos of 12 megapixels of the rendered sample
// cards, each card taking most of its photo, as from a phone held close.
func writePhotos(b *testing.B, dir string, n int) {
	samples := render.Samples()
	for i := range n {
		frame := image.Pt(4000, 3000)
		card := render.Draw(samples[i%len(samples)], frame.X*7/10)
		photo := imaging.New(frame.X, frame.Y, color.NRGBA{90, 70, 50, 255})
		cb := card.Bounds()
		photo = imaging.Paste(photo, card, image.Pt((frame.X-cb.Dx())/2, (frame.Y-cb.Dy())/2))
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%03d.jpg", i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := jpeg.Encode(f, photo, &jpeg.Options{Quality: 90}); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
