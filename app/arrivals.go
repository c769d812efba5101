package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"followthrough/app/receive"
	"followthrough/app/watch"
	"followthrough/ocr"
)

// An Arrival is a card image that came while the app was running, from
// the phone or a watched folder, to be read at once.
type Arrival struct {
	// ID names the card to the phone it came from; empty for a file.
	ID string
	// Path is the image file: the one the review shows and the store
	// keeps a copy of.
	Path string
	// Image, when set, is the file already decoded with its EXIF
	// orientation applied (as receive hands it over), so that it is not
	// decoded twice.
	Image image.Image
	// Event is the event the card was collected at.
	Event string
	// Added is when the card arrived, for reports.
	Added time.Time
}

// Arrivals reads the cards that arrive one by one, the newest first: the
// person who just sent a card from their phone is the one waiting for it,
// while the cards sent before it were already shown to be on their way.
// Each card is read on one of Workers engines as soon as one is free; a
// card that arrives while every worker is busy is read at once on one
// more engine, kept for such a card only, so that it does not wait for
// the cards before it. While it is read, the workers give it a processor:
// one of them pauses before its next pass of the engine until it is done.
// An engine's pass cannot be cut short, so from the first such card on,
// the workers read on threads of a lower priority (where the system has
// them: Linux), which leave the processor to the newest card's also
// during a pass.
type Arrivals struct {
	// NewEngine starts the engine of one worker.
	NewEngine func() (ocr.Engine, error)
	// Workers is the number of cards read at once; 0 means one per
	// processor.
	Workers int
	// Read is called with each card read, or that could not be, from
	// the worker that read it.
	Read func(a Arrival, r ocr.Result)
	// Options, when not nil, gives how each card's lines are classified,
	// asked as each card is read: ClassifyOptions, for a setting changed
	// while cards come in.
	Options func(context.Context) ocr.ClassifyOptions

	mu      sync.Mutex
	waiting []Arrival // the newest last
	wake    chan struct{}
	express chan struct{} // wakes the extra worker for the newest card
	workers int           // of Run, while it runs
	busy    int           // workers reading a card
	urgent  int           // cards being read on the extra engine
	threads []ocr.Thread  // the workers' threads
	lowered int           // how many of threads have a lower priority
	passing int           // the workers' engine passes under way
	changed chan struct{} // closed when urgent or passing falls
}

// Add puts a to be read before every card waiting.
func (q *Arrivals) Add(a Arrival) {
	if a.Added.IsZero() {
		a.Added = time.Now()
	}
	q.mu.Lock()
	q.waiting = append(q.waiting, a)
	wake := q.wakeLocked()
	if q.workers > 0 && q.busy >= q.workers && q.express != nil {
		wake = q.express
	}
	q.mu.Unlock()
	select {
	case wake <- struct{}{}:
	default:
	}
}

// Waiting is the number of cards not yet taken by a worker.
func (q *Arrivals) Waiting() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.waiting)
}

func (q *Arrivals) wakeLocked() chan struct{} {
	if q.wake == nil {
		q.wake = make(chan struct{}, 1)
	}
	return q.wake
}

// next takes the newest card waiting; a worker of the pool counts itself
// busy until done.
func (q *Arrivals) next(pool bool) (Arrival, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := len(q.waiting)
	if n == 0 {
		return Arrival{}, false
	}
	a := q.waiting[n-1]
	q.waiting = q.waiting[:n-1]
	if pool {
		q.busy++
	}
	if n > 1 {
		// Another worker may be idle: wake it for the cards left.
		select {
		case q.wakeLocked() <- struct{}{}:
		default:
		}
	}
	return a, true
}

// Run reads the cards added until ctx is done; it returns ctx's error, or
// the error of an engine that would not start.
func (q *Arrivals) Run(ctx context.Context) error {
	workers := q.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	q.mu.Lock()
	wake := q.wakeLocked()
	express := make(chan struct{}, 1)
	q.express, q.workers, q.busy = express, workers, 0
	q.mu.Unlock()
	defer func() {
		q.mu.Lock()
		q.express, q.workers = nil, 0
		q.mu.Unlock()
	}()
	errs := make(chan error, workers+1)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.mu.Lock()
			q.threads = append(q.threads, ocr.LockThread())
			q.mu.Unlock()
			e, err := q.NewEngine()
			if err != nil {
				errs <- fmt.Errorf("read arrivals: start engine: %w", err)
				return
			}
			defer e.Close()
			eng := yielding{Engine: e, q: q}
			for {
				if a, ok := q.next(true); ok {
					q.Read(a, q.read(ctx, eng, a))
					q.mu.Lock()
					q.busy--
					q.mu.Unlock()
					continue
				}
				select {
				case <-wake:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	// The extra worker reads one card each time Add finds every worker
	// busy: the newest, which would otherwise wait for them.
	wg.Add(1)
	go func() {
		defer wg.Done()
		eng, err := q.NewEngine() // started now: the card it is for waits for no start
		if err != nil {
			errs <- fmt.Errorf("read arrivals: start engine: %w", err)
			return
		}
		defer eng.Close()
		for {
			select {
			case <-express:
			case <-ctx.Done():
				return
			}
			if a, ok := q.next(false); ok {
				q.hurry(1)
				r := q.read(ctx, eng, a)
				q.hurry(-1)
				q.Read(a, r)
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		return err
	}
	return ctx.Err()
}

// read reads one card and classifies its lines with the options asked.
func (q *Arrivals) read(ctx context.Context, eng ocr.Engine, a Arrival) ocr.Result {
	res := readArrival(ctx, eng, a)
	if res.Reading != nil && q.Options != nil {
		if opts := q.Options(ctx); opts != (ocr.ClassifyOptions{}) {
			res.Reading.Classify(opts)
		}
	}
	return res
}

// hurry counts a card being read on the extra engine (d = 1) or done with
// (d = -1).
func (q *Arrivals) hurry(d int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.urgent += d
	if q.urgent > 0 {
		// Someone waits for the newest card: the workers' threads give
		// way to its, also during a pass, which cannot be cut short.
		// Lowered only now, not from the start: a thread's priority
		// cannot be raised again, and a worker at a lower one starves
		// beside the other programs of its session when no one waits.
		for _, t := range q.threads[q.lowered:] {
			t.Lower()
		}
		q.lowered = len(q.threads)
	}
	q.changedLocked(d < 0)
}

// changedLocked returns the channel closed at the next change that may
// let a pass start; with now, it closes it now.
func (q *Arrivals) changedLocked(now bool) chan struct{} {
	if now {
		if q.changed != nil {
			close(q.changed)
			q.changed = nil
		}
		return nil
	}
	if q.changed == nil {
		q.changed = make(chan struct{})
	}
	return q.changed
}

// pass waits until a worker may start a pass of its engine: at once,
// unless cards are being read on the extra engine and the workers' passes
// under way already fill the processors left to them.
func (q *Arrivals) pass(ctx context.Context) error {
	for {
		q.mu.Lock()
		if q.urgent == 0 || q.passing < q.workers-q.urgent {
			q.passing++
			q.mu.Unlock()
			return nil
		}
		changed := q.changedLocked(false)
		q.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// passDone ends a pass that pass let start.
func (q *Arrivals) passDone() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.passing--
	q.changedLocked(true)
}

// yielding is the engine of a worker of Arrivals: each of its passes
// waits for pass, so that the newest card is read on a processor of its
// own.
type yielding struct {
	ocr.Engine
	q *Arrivals
}

func (e yielding) Orientation(ctx context.Context, img image.Image) (ocr.Orientation, bool) {
	if e.q.pass(ctx) != nil {
		return ocr.Orientation{}, false
	}
	defer e.q.passDone()
	return e.Engine.Orientation(ctx, img)
}

func (e yielding) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	if err := e.q.pass(ctx); err != nil {
		return nil, err
	}
	defer e.q.passDone()
	return e.Engine.Recognize(ctx, img, p)
}

// readArrival reads one card, catching a panic as the batch does.
func readArrival(ctx context.Context, eng ocr.Engine, a Arrival) (res ocr.Result) {
	res = ocr.Result{Path: a.Path}
	start := time.Now()
	defer func() { res.Elapsed = time.Since(start) }()
	defer func() {
		if p := recover(); p != nil {
			res.Reading, res.Err = nil, &ocr.FileError{Path: a.Path, Err: fmt.Errorf("%v", p)}
		}
	}()
	if a.Image == nil {
		res.Reading, res.Err = ocr.Read(ctx, eng, a.Path)
		return res
	}
	r, err := ocr.ReadImage(ctx, eng, a.Image)
	if err != nil {
		res.Err = &ocr.FileError{Path: a.Path, Err: err}
		return res
	}
	r.Path = a.Path
	res.Reading = r
	return res
}

// ReceivedDir is the folder, in the data folder dir, where the photos
// sent from a phone are kept until they are saved or skipped: the review
// shows them from there and the store copies the saved ones.
func ReceivedDir(dir string) string { return filepath.Join(dir, "received") }

// KeepReceived writes data, a photo named name on the phone, into the
// folder dir under a name of its own, and returns its path.
func KeepReceived(dir, name, format string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("receive: %w", err)
	}
	stem := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return -1
	}, strings.TrimSuffix(name, filepath.Ext(name)))
	if stem = string([]rune(stem)[:min(len([]rune(stem)), 40)]); stem == "" {
		stem = "card"
	}
	ext := "." + format
	if format == "jpeg" {
		ext = ".jpg"
	}
	f, err := os.CreateTemp(dir, time.Now().Format("20060102-150405-")+stem+"-*"+ext)
	if err != nil {
		return "", fmt.Errorf("receive: %w", err)
	}
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("receive: keep %s: %w", name, err)
	}
	return f.Name(), nil
}

// ReceiveSink is the sink of a phone receiver (receive.Options.Sink): each
// photo is kept in dir and added to q with the event that event returns
// at the time, under an ID of its own that the page is told.
func ReceiveSink(dir string, q *Arrivals, event func() string) receive.Sink {
	var mu sync.Mutex
	n := 0
	return func(ctx context.Context, u receive.Upload) (string, error) {
		path, err := KeepReceived(dir, u.Name, u.Format, u.Data)
		if err != nil {
			return "", err
		}
		mu.Lock()
		n++
		id := fmt.Sprint(n)
		mu.Unlock()
		q.Add(Arrival{ID: id, Path: path, Image: u.Image, Event: event()})
		return id, nil
	}
}

// WatchSink is the sink of a watched folder (watch.Options.Sink): each new
// file is added to q, read from where it is, with the event that event
// returns at the time.
func WatchSink(q *Arrivals, event func() string) watch.Sink {
	return func(ctx context.Context, f watch.File) error {
		q.Add(Arrival{Path: f.Path, Event: event()})
		return nil
	}
}

// WatchMemory is the file, in the data folder dir, in which a watched
// folder's files already read are remembered.
func WatchMemory(dir string) string { return filepath.Join(dir, "watched-folder.seen") }

// SettingWatchFolder is the folder watched for new card images; empty for
// none.
const SettingWatchFolder = "scan.watch_folder"
