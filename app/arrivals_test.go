package app_test

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/ocr"
)

// readWait is how long a test waits for a card to be read: each is
// prepared for reading in full, which under the race detector, beside
// the other packages' tests on a loaded machine, took over 10 s. A card
// read as it should be comes long before.
const readWait = 2 * time.Minute

// TestArrivalsNewestFirst checks that the card added last is read first
// when several wait, and that each is read once, with its event.
func TestArrivalsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		added   []string
		missing string // a file that is not there: its result has Err set
		want    []string
	}{
		{"one", []string{"a"}, "", []string{"a"}},
		{"the newest first", []string{"a", "b", "c"}, "", []string{"c", "b", "a"}},
		{"a file gone", []string{"a", "gone", "b"}, "gone", []string{"b", "gone", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var got []string
			var failed []string
			done := make(chan struct{}, len(tt.added))
			q := &app.Arrivals{
				NewEngine: func() (ocr.Engine, error) { return &apptest.FakeEngine{Lines: apptest.JaneCard}, nil },
				Workers:   1,
				Read: func(a app.Arrival, r ocr.Result) {
					mu.Lock()
					got = append(got, a.ID)
					if r.Err != nil {
						failed = append(failed, a.ID)
					} else if r.Reading == nil || r.Reading.Path != a.Path || a.Event != "Expo" {
						t.Errorf("%s: reading %+v, event %q", a.ID, r.Reading, a.Event)
					}
					mu.Unlock()
					done <- struct{}{}
				},
			}
			for _, id := range tt.added {
				path := filepath.Join(dir, id+".png")
				if id != tt.missing {
					apptest.WriteImage(t, dir, id+".png")
				}
				q.Add(app.Arrival{ID: id, Path: path, Event: "Expo"})
			}
			ctx, cancel := context.WithCancel(context.Background())
			errc := make(chan error, 1)
			go func() { errc <- q.Run(ctx) }()
			for range tt.added {
				select {
				case <-done:
				case <-time.After(readWait):
					t.Fatal("cards not read")
				}
			}
			cancel()
			if err := <-errc; !errors.Is(err, context.Canceled) {
				t.Errorf("Run = %v, want context.Canceled", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("read %v, want %v", got, tt.want)
			}
			if tt.missing != "" && !slices.Equal(failed, []string{tt.missing}) {
				t.Errorf("failed %v, want %v", failed, []string{tt.missing})
			}
		})
	}
}

func TestArrivalsEngineFails(t *testing.T) {
	boom := errors.New("no tesseract")
	q := &app.Arrivals{NewEngine: func() (ocr.Engine, error) { return nil, boom }, Read: func(app.Arrival, ocr.Result) {}}
	if err := q.Run(context.Background()); !errors.Is(err, boom) {
		t.Errorf("Run = %v, want %v", err, boom)
	}
}

func TestKeepReceived(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "received")
	tests := []struct{ name, format, wantExt, wantStem string }{
		{"IMG_0042.HEIC.jpg", "jpeg", ".jpg", "IMG_0042HEIC"},
		{"../../etc/passwd*", "png", ".png", "etcpasswd"},
		{"", "png", ".png", "card"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, err := app.KeepReceived(dir, tt.name, tt.format, []byte("data"))
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Dir(path) != dir || filepath.Ext(path) != tt.wantExt || !strings.Contains(filepath.Base(path), tt.wantStem) {
				t.Errorf("kept as %s, want %s/*%s*%s", path, dir, tt.wantStem, tt.wantExt)
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "data" {
				t.Errorf("kept %q, %v", b, err)
			}
		})
	}
}

// gateEngine holds its first Recognize until gate is closed.
type gateEngine struct {
	apptest.FakeEngine
	first   *sync.Once
	gate    chan struct{}
	entered chan struct{} // closed when the first Recognize is held
}

func (g *gateEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	held := false
	g.first.Do(func() { held = true })
	if held {
		close(g.entered)
		<-g.gate
	}
	return g.FakeEngine.Recognize(ctx, img, p)
}

// TestArrivalsNewestNotHeldUp checks that a card that arrives while every
// worker is busy is read at once, not after the card being read.
func TestArrivalsNewestNotHeldUp(t *testing.T) {
	dir := t.TempDir()
	var once sync.Once
	gate, entered := make(chan struct{}), make(chan struct{})
	read := make(chan string, 2)
	q := &app.Arrivals{
		NewEngine: func() (ocr.Engine, error) {
			return &gateEngine{FakeEngine: apptest.FakeEngine{Lines: apptest.JaneCard}, first: &once, gate: gate, entered: entered}, nil
		},
		Workers: 1,
		Read:    func(a app.Arrival, r ocr.Result) { read <- a.ID },
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go q.Run(ctx)
	q.Add(app.Arrival{ID: "slow", Path: apptest.WriteImage(t, dir, "slow.png")})
	// The one worker is held in the slow card; the newest comes.
	select {
	case <-entered:
	case <-time.After(readWait):
		t.Fatal("the slow card was not read")
	}
	q.Add(app.Arrival{ID: "newest", Path: apptest.WriteImage(t, dir, "newest.png")})
	select {
	case id := <-read:
		if id != "newest" {
			t.Fatalf("read %s first", id)
		}
	case <-time.After(readWait):
		t.Fatal("the newest card waited for the card being read")
	}
	close(gate)
	if id := <-read; id != "slow" {
		t.Fatalf("then read %s", id)
	}
}

// stepEngine reads every card unsurely (so that a card takes more than
// one pass), telling passes of each pass it starts and waiting, before
// it reads, for a step on its own channel.
type stepEngine struct {
	apptest.FakeEngine
	passes chan<- *stepEngine
	step   chan struct{}
	thread ocr.Thread // of its last pass
}

func (e *stepEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	e.thread = ocr.CurrentThread()
	e.passes <- e
	select {
	case <-e.step:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return e.FakeEngine.Recognize(ctx, img, p)
}

// TestArrivalsNewestGetsAProcessor checks that while the newest card is
// read on the extra engine, the worker reading an older card starts no
// further pass of its engine: the newest has the processor to itself,
// and the older card goes on once it is read. Where threads have a
// priority of their own (Linux), the workers read on threads of a lower
// one than the newest card's.
func TestArrivalsNewestGetsAProcessor(t *testing.T) {
	dir := t.TempDir()
	unsure := []apptest.FakeLine{{Text: "Jane Doe", X0: 0.1, Y0: 0.1, X1: 0.6, Y1: 0.2, Conf: 30}}
	passes := make(chan *stepEngine, 16)
	read := make(chan string, 2)
	q := &app.Arrivals{
		NewEngine: func() (ocr.Engine, error) {
			return &stepEngine{FakeEngine: apptest.FakeEngine{Lines: unsure}, passes: passes, step: make(chan struct{})}, nil
		},
		Workers: 1,
		Read: func(a app.Arrival, r ocr.Result) {
			if r.Err != nil {
				t.Errorf("%s: %v", a.ID, r.Err)
			}
			read <- a.ID
		},
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go q.Run(ctx)
	pass := func(what string) *stepEngine {
		t.Helper()
		select {
		case e := <-passes:
			return e
		case <-time.After(readWait):
			t.Fatalf("no pass of %s", what)
			return nil
		}
	}
	q.Add(app.Arrival{ID: "older", Path: apptest.WriteImage(t, dir, "older.png")})
	older := pass("the older card")
	q.Add(app.Arrival{ID: "newest", Path: apptest.WriteImage(t, dir, "newest.png")})
	newest := pass("the newest card")
	if newest == older {
		t.Fatal("the newest card is read on the worker's engine")
	}
	// The older card's thread gives way from now on, also in the pass
	// under way; the newest card's does not.
	olderNice, niced := older.thread.Nice()
	newestNice, _ := newest.thread.Nice()
	if niced && olderNice <= newestNice {
		t.Errorf("the older card is read at nice %d, the newest at %d", olderNice, newestNice)
	}
	if runtime.GOOS == "linux" && !niced {
		t.Error("no thread priority on Linux")
	}
	// The older card's pass ends; its next waits for the newest card.
	older.step <- struct{}{}
	select {
	case e := <-passes:
		t.Fatalf("a pass started on the %s card's engine while the newest is read", map[bool]string{true: "older", false: "newest"}[e == older])
	case <-time.After(300 * time.Millisecond):
	}
	close(newest.step)
	for done := false; !done; {
		select {
		case e := <-passes:
			if e != newest {
				t.Fatal("the older card's next pass started before the newest was read")
			}
		case id := <-read:
			if id != "newest" {
				t.Fatalf("read %s first", id)
			}
			done = true
		case <-time.After(readWait):
			t.Fatal("the newest card was not read")
		}
	}
	if e := pass("the older card, after the newest"); e != older {
		t.Fatal("another engine's pass")
	}
	close(older.step)
	select {
	case id := <-read:
		if id != "older" {
			t.Fatalf("then read %s", id)
		}
	case <-time.After(readWait):
		t.Fatal("the older card was not read")
	}
}
