package ocr

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// writeGrayPNG writes a grey w×h PNG, light with a dark block in its
// middle, and returns its path.
func writeGrayPNG(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 230
	}
	for y := h / 3; y < 2*h/3; y++ {
		for x := w / 4; x < 3*w/4; x++ {
			img.Pix[y*img.Stride+x] = 20
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImageMemory reads two cards at once through a batch's shared
// memory: images whose footprints fit together are decoded together, and
// one whose footprint does not fit beside the other waits for it; one
// larger than all the memory is read on its own rather than never.
func TestImageMemory(t *testing.T) {
	dir := t.TempDir()
	small := writeGrayPNG(t, dir, "small.png", 300, 200) // 60,000 bytes decoded
	large := writeGrayPNG(t, dir, "large.png", 600, 400) // 240,000 bytes decoded
	tests := []struct {
		name     string
		memory   int64
		a, b     string
		together bool
	}{
		// Cards that can be in together wait for each other; those that
		// cannot are given time enough to come in if they could.
		{"two that fit", 150_000, small, small, true},
		{"a second that does not fit", 250_000, large, small, false},
		{"one larger than all the memory", 100_000, large, small, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newImageMemory(tt.memory)
			var mu sync.Mutex
			in := 0   // cards holding memory now
			most := 0 // the most at once
			both := make(chan struct{})
			var once sync.Once
			m.held = func(string) {
				mu.Lock()
				in++
				most = max(most, in)
				if in == 2 {
					once.Do(func() { close(both) })
				}
				mu.Unlock()
				// Hold on until the other card comes in too, or long
				// enough that it would have if it could.
				wait := 200 * time.Millisecond
				if tt.together {
					wait = 10 * time.Second
				}
				select {
				case <-both:
				case <-time.After(wait):
				}
				mu.Lock()
				in--
				mu.Unlock()
			}
			var wg sync.WaitGroup
			for _, path := range []string{tt.a, tt.b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := m.load(context.Background(), path); err != nil {
						t.Errorf("load %s: %v", path, err)
					}
				}()
			}
			wg.Wait()
			if got := most == 2; got != tt.together {
				t.Errorf("both held memory at once: %v, want %v", got, tt.together)
			}
		})
	}
}

// A card waiting for memory stops waiting when its batch is cancelled.
func TestImageMemoryCancel(t *testing.T) {
	path := writeGrayPNG(t, t.TempDir(), "card.png", 300, 200)
	m := newImageMemory(100_000)
	if err := m.sem.Acquire(context.Background(), 100_000); err != nil { // all of it, as a large card would
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := m.load(ctx, path)
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("load = %v, want it cancelled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting for memory after the batch was cancelled")
	}
}

// An image small beside the batch's memory is kept, with its memory,
// until its card has been read, so that its whole picture is made only
// for a card that reads poorly; a larger one gives its memory back once
// its card and whole picture are prepared. A photo to be turned by its
// EXIF is weighed by its decoded points alone: the turned copy is gone
// once the card is prepared, and its memory is given back then.
func TestImageMemoryKeptUntilRead(t *testing.T) {
	dir := t.TempDir()
	png := writeGrayPNG(t, dir, "card.png", 300, 200) // 60,000 bytes decoded
	// 90,000 bytes decoded (YCbCr at half resolution), and a turned copy
	// of 240,000 while its card is prepared.
	jpg := writeTurnedJPEG(t, dir, "photo.jpg", 300, 200)
	tests := []struct {
		name   string
		path   string
		memory int64
		held   int64 // the memory still held once the card is prepared
		kept   bool
	}{
		{"small beside the memory", png, 60_000 * keptShare, 60_000, true},
		{"large beside the memory", png, 60_000*keptShare - 1, 0, false},
		{"a photo to turn, small beside the memory", jpg, 90_000 * keptShare, 90_000, true},
		{"a photo to turn, large beside the memory", jpg, 90_000*keptShare - 1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newImageMemory(tt.memory)
			free := func(n int64) bool {
				if !m.sem.TryAcquire(n) {
					return false
				}
				m.sem.Release(n)
				return true
			}
			src, err := m.load(context.Background(), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if kept := src.release != nil; kept != tt.kept {
				t.Fatalf("kept %v, want %v", kept, tt.kept)
			}
			if !free(tt.memory-tt.held) || free(tt.memory-tt.held+1) {
				t.Fatalf("after the card was prepared, %d of %d bytes should be held", tt.held, tt.memory)
			}
			if src.whole == nil {
				t.Fatal("no whole picture to read should the card read poorly")
			}
			src.whole() // as a poor read would, after load
			e := &inkBlindEngine{prepared: true}
			if _, err := readFile(context.Background(), e, tt.path, func(context.Context, string) (source, error) { return src, nil }); err != nil {
				t.Fatal(err)
			}
			if !free(tt.memory) {
				t.Error("the memory is still held after the card was read")
			}
		})
	}
}

// writeTurnedJPEG writes a w×h colour JPEG like writeGrayPNG's card,
// whose EXIF says to turn it a quarter, and returns its path.
func writeTurnedJPEG(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{230, 228, 220, 255}
			if y >= h/3 && y < 2*h/3 && x >= w/4 && x < 3*w/4 {
				c = color.NRGBA{20, 30, 60, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	data := withEXIF(encoded(func(b *bytes.Buffer) error { return jpeg.Encode(b, img, nil) }), ifd(1, orientationEntry(6)))
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The first card of a batch is the one a person waits for: no other is
// decoded or prepared until it is, and then the others are, while it is
// read, on threads of a lower priority where threads have one (Linux).
func TestBatchPreparesFirstCardFirst(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.png", "b.png", "c.png", "d.png"} {
		paths = append(paths, writeGrayPNG(t, dir, name, 300, 200))
	}
	var mu sync.Mutex
	var order []string // of the cards prepared
	nice := map[string]int{}
	b := Batch{
		NewEngine: func() (Engine, error) { return &inkBlindEngine{prepared: true}, nil },
		Workers:   3,
		held: func(path string) {
			mu.Lock()
			order = append(order, filepath.Base(path))
			if n, ok := ThreadNice(); ok {
				nice[filepath.Base(path)] = n
			}
			first := len(order) == 1
			mu.Unlock()
			if first {
				// Long enough for the other workers to prepare theirs,
				// had they started.
				time.Sleep(300 * time.Millisecond)
			}
		},
	}
	if err := b.Read(context.Background(), paths, func(r Result) {
		if r.Err != nil {
			t.Error(r.Err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(order) != len(paths) || order[0] != "a.png" {
		t.Errorf("cards prepared in the order %v, want a.png first", order)
	}
	if runtime.GOOS == "linux" && len(nice) != len(paths) {
		t.Fatalf("thread priorities %v", nice)
	}
	// The other workers read at a lower priority while the first card is
	// read; the first card's worker keeps its own after it, so a card it
	// takes next may be at the first card's.
	lower := 0
	for name, n := range nice {
		if name != "a.png" && n > nice["a.png"] {
			lower++
		}
		if n < nice["a.png"] {
			t.Errorf("%s prepared at nice %d, above the first card's %d", name, n, nice["a.png"])
		}
	}
	if runtime.GOOS == "linux" && lower < 2 {
		t.Errorf("cards prepared at nice %v: want the two other workers' at a lower priority than a.png's", nice)
	}
}
