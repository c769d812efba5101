package watch

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

const settle = 200 * time.Millisecond

// sinkRecorder is a Sink that keeps the files it was given.
type sinkRecorder struct {
	mu  sync.Mutex
	got []File
}

func (r *sinkRecorder) sink(_ context.Context, f File) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, f)
	return nil
}

func (r *sinkRecorder) files() []File {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

// waitFor waits up to 20 seconds for the sink to hold n files.
func (r *sinkRecorder) waitFor(t *testing.T, n int) []File {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got := r.files(); len(got) >= n {
			return got
		}
	}
	t.Fatalf("the sink got %d files, want %d", len(r.files()), n)
	return nil
}

// run watches dir with memory until the test ends.
func run(t *testing.T, dir, memory string) *sinkRecorder {
	t.Helper()
	rec := &sinkRecorder{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Dir: dir, Memory: memory, Sink: rec.sink, Settle: settle}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	time.Sleep(settle / 2) // watching
	return rec
}

// card is a small PNG, different for each n.
func card(n int) []byte {
	img := image.NewGray(image.Rect(0, 0, 300, 200))
	for i := range img.Pix {
		img.Pix[i] = 0xee
	}
	img.SetGray(n%300, n/300, color.Gray{})
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// quiet checks that the sink gets nothing more for a while.
func quiet(t *testing.T, rec *sinkRecorder, n int) {
	t.Helper()
	time.Sleep(4 * settle)
	if got := rec.files(); len(got) != n {
		t.Errorf("the sink got %d files, want %d", len(got), n)
	}
}

// A file written slowly is read once, whole, after its last write.
func TestSlowWrite(t *testing.T) {
	dir := t.TempDir()
	rec := run(t, dir, filepath.Join(t.TempDir(), "seen"))
	data := card(1)
	f, err := os.Create(filepath.Join(dir, "slow.png"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := len(data)/8 + 1
	for off := 0; off < len(data); off += chunk {
		f.Write(data[off:min(off+chunk, len(data))])
		time.Sleep(settle / 2)
		if n := len(rec.files()); n != 0 {
			t.Fatalf("read after %d of %d bytes", off+chunk, len(data))
		}
	}
	f.Close()
	got := rec.waitFor(t, 1)
	if !bytes.Equal(got[0].Data, data) {
		t.Errorf("read %d bytes, want the whole %d", len(got[0].Data), len(data))
	}
	quiet(t, rec, 1)
}

// The same photo copied in twice, under other names, is read once; and
// nothing in the folder is moved or deleted.
func TestCopiedTwice(t *testing.T) {
	dir := t.TempDir()
	rec := run(t, dir, filepath.Join(t.TempDir(), "seen"))
	data := card(2)
	write(t, filepath.Join(dir, "IMG_0001.png"), data)
	rec.waitFor(t, 1)
	write(t, filepath.Join(dir, "IMG_0001 (1).png"), data)
	write(t, filepath.Join(dir, "copy.PNG"), data)
	write(t, filepath.Join(dir, "other.png"), card(3))
	got := rec.waitFor(t, 2)
	quiet(t, rec, 2)
	if filepath.Base(got[0].Path) != "IMG_0001.png" || filepath.Base(got[1].Path) != "other.png" {
		t.Errorf("read %s and %s", got[0].Path, got[1].Path)
	}
	for _, name := range []string{"IMG_0001.png", "IMG_0001 (1).png", "copy.PNG", "other.png"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A file renamed into the folder is read: from elsewhere, and from the
// hidden name a sync tool writes first, which itself is not read.
func TestRenamedIn(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	rec := run(t, dir, filepath.Join(t.TempDir(), "seen"))
	write(t, filepath.Join(outside, "a.png"), card(4))
	if err := os.Rename(filepath.Join(outside, "a.png"), filepath.Join(dir, "a.png")); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, ".syncthing.b.png.tmp")
	write(t, tmp, card(5)[:100])
	time.Sleep(2 * settle)
	write(t, tmp, card(5))
	if err := os.Rename(tmp, filepath.Join(dir, "b.png")); err != nil {
		t.Fatal(err)
	}
	got := rec.waitFor(t, 2)
	quiet(t, rec, 2)
	byName := map[string][]byte{}
	for _, f := range got {
		byName[filepath.Base(f.Path)] = f.Data
	}
	if !bytes.Equal(byName["a.png"], card(4)) || !bytes.Equal(byName["b.png"], card(5)) {
		t.Errorf("read %d files: a.png %d bytes, b.png %d bytes", len(got), len(byName["a.png"]), len(byName["b.png"]))
	}
}

// What was read is remembered across a restart; files that came while
// nothing watched are read at the start; files that are no card images
// are left alone.
func TestRestart(t *testing.T) {
	dir, memory := t.TempDir(), filepath.Join(t.TempDir(), "state", "seen")
	write(t, filepath.Join(dir, "before.jpg"), card(6))
	write(t, filepath.Join(dir, "notes.txt"), []byte("not a card"))
	write(t, filepath.Join(dir, ".hidden.png"), card(7))

	ctx, cancel := context.WithCancel(context.Background())
	first := &sinkRecorder{}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Dir: dir, Memory: memory, Sink: first.sink, Settle: settle}) }()
	first.waitFor(t, 1)
	quiet(t, first, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "while-closed.png"), card(8))

	second := run(t, dir, memory)
	got := second.waitFor(t, 1)
	quiet(t, second, 1)
	if filepath.Base(got[0].Path) != "while-closed.png" {
		t.Errorf("after the restart it read %s, want only while-closed.png", got[0].Path)
	}
}

func TestCard(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"IMG_0001.JPG", true}, {"card.jpeg", true}, {"scan.png", true}, {"a.webp", true}, {"a.heic", false},
		{"notes.txt", false}, {".syncthing.IMG_1.jpg.tmp", false}, {".IMG_1.jpg", false}, {"~IMG_1.jpg", false},
		{"IMG_1.jpg.part", false}, {"IMG_1.jpg.crdownload", false},
	}
	for _, tt := range tests {
		if got := Card(tt.name); got != tt.want {
			t.Errorf("Card(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
