package ocr

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Result is the outcome of reading one file of a batch.
type Result struct {
	Index   int // position in the batch
	Path    string
	Reading *Reading // nil when Err is set
	Err     error
	// Elapsed is how long the card took to load and read.
	Elapsed time.Duration
}

// Batch reads many card images in parallel, one engine per worker.
type Batch struct {
	// NewEngine starts an engine for one worker.
	NewEngine func() (Engine, error)
	// Workers is the number of cards read at once; 0 means one per CPU.
	// A batch of a set number of workers keeps to that many processors.
	// With 0, a batch of fewer cards than processors also prepares its
	// cards on the processors left free.
	Workers int
	// Memory bounds the bytes that the images being decoded and prepared
	// take at once, as their headers tell (see fileFootprint); 0 means
	// BatchMemory. An image larger than that is decoded while no other is.
	Memory int64
	// Options are how each card's lines are classified.
	Options ClassifyOptions

	held func(path string) // called as imageMemory's held is, by tests
}

// Read reads every file in paths and calls each with every result as it
// arrives, from one goroutine at a time. The first file is the card a
// person waits for: the other workers start on theirs once it has been
// decoded and prepared, on every processor, and read on threads of a
// lower priority (see InBackground) than its. A file that cannot be read gives a
// Result with Err set and the batch goes on; a panic while reading one card
// is caught and reported the same way, and so is a worker whose engine
// would not start. Read returns when all files are done or ctx is cancelled
// (ctx.Err() then); it returns the engine's error if one failed to start.
func (b Batch) Read(ctx context.Context, paths []string, each func(Result)) error {
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(paths))
	// Each worker holds a processor. A batch told its number of workers
	// holds the processors shared out between them, and leaves the rest
	// to the machine: a batch of one worker reads on one processor.
	hold := int32(1)
	if b.Workers > 0 {
		hold = int32(max(1, runtime.GOMAXPROCS(0)/b.Workers))
	}
	images := newImageMemory(b.Memory)
	images.held = b.held
	firstReady := make(chan struct{})
	markFirst := sync.OnceFunc(func() { close(firstReady) })
	defer markFirst()
	jobs := make(chan int)
	results := make(chan Result)
	var engineErr error
	var once sync.Once
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			eng, err := b.NewEngine()
			if err != nil {
				err = fmt.Errorf("ocr: start engine: %w", err)
				once.Do(func() { engineErr = err })
				if w == 0 {
					markFirst()
				}
				for i := range jobs {
					results <- Result{Index: i, Path: paths[i], Err: err}
				}
				return
			}
			defer eng.Close()
			if w > 0 {
				// Only the first worker takes the first file; the
				// others wait until it is prepared, and read on threads
				// of a lower priority, which leave the processors to it
				// whenever it wants them.
				InBackground()
				select {
				case <-firstReady:
				case <-ctx.Done():
				}
			}
			heldProcessors.Add(hold)
			defer heldProcessors.Add(-hold)
			for i := range jobs {
				load := images.load
				if i == 0 {
					load = func(ctx context.Context, path string) (source, error) {
						defer markFirst()
						return images.load(ctx, path)
					}
				}
				// The first card's worker keeps its priority after it:
				// one that can never be raised again, beside the other
				// programs of the session, would starve the whole batch.
				results <- readOne(ctx, eng, load, i, paths[i])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range paths {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		if r.Reading != nil && b.Options != (ClassifyOptions{}) {
			r.Reading.Classify(b.Options)
		}
		each(r)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return engineErr
}

func readOne(ctx context.Context, eng Engine, load func(context.Context, string) (source, error), i int, path string) (res Result) {
	res = Result{Index: i, Path: path}
	start := time.Now()
	defer func() { res.Elapsed = time.Since(start) }()
	defer func() {
		if p := recover(); p != nil {
			res.Reading = nil
			res.Err = &FileError{Path: path, Err: fmt.Errorf("%v", p)}
		}
	}()
	res.Reading, res.Err = readFile(ctx, eng, path, load)
	if res.Err != nil && errors.Is(res.Err, context.Canceled) {
		res.Err = context.Canceled
	}
	return res
}
