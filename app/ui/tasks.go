package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// tasks runs a window's slow work, such as database calls, off the UI
// goroutine, one job at a time and in the order asked, then hands each
// result to the UI goroutine. Keeping the jobs in order means a search
// typed quickly never shows an older result over a newer one.
//
// The UI goroutine never waits on the worker: the queue of jobs has no
// bound, so asking for one never blocks, even while the worker waits for
// the UI goroutine to take a result.
type tasks struct {
	// ctx is the window's: the work is given it, and stops when the
	// window closes. Nil is context.Background.
	ctx context.Context
	wg  sync.WaitGroup

	mu      sync.Mutex
	queued  []func() // jobs not yet started, oldest first
	working bool     // whether a goroutine is running the queued jobs

	// held, when set, keeps UI updates until drain runs them on the
	// caller's goroutine. Fyne's test driver has no UI goroutine of its
	// own, so tests use it to keep widgets on theirs.
	held    bool
	pending []func() // UI updates kept while held
}

// context is the context the work runs in: the window's.
func (t *tasks) context() context.Context {
	if t.ctx == nil {
		return context.Background()
	}
	return t.ctx
}

// inOrder runs work in the background, after the work asked for before
// it, with the window's context; the function it returns, if any, runs on
// the UI goroutine.
func (t *tasks) inOrder(work func(ctx context.Context) (ui func())) {
	t.wg.Add(1)
	job := func() {
		defer t.wg.Done()
		if ui := work(t.context()); ui != nil {
			t.onUI(ui)
		}
	}
	t.mu.Lock()
	t.queued = append(t.queued, job)
	start := !t.working
	t.working = true
	t.mu.Unlock()
	if start {
		go t.runQueued()
	}
}

// runQueued runs the queued jobs one at a time until none is left.
func (t *tasks) runQueued() {
	for {
		t.mu.Lock()
		if len(t.queued) == 0 {
			t.working = false
			t.mu.Unlock()
			return
		}
		job := t.queued[0]
		t.queued[0] = nil
		t.queued = t.queued[1:]
		t.mu.Unlock()
		job()
	}
}

// onItsOwn runs long work, such as reading a batch of cards, on a
// goroutine of its own, so that it does not hold up the jobs in order. It
// hands its results over with onUI.
func (t *tasks) onItsOwn(work func(ctx context.Context)) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		work(t.context())
	}()
}

// onUI runs fn on the UI goroutine and waits for it. Only the workers
// call it, never the UI goroutine.
func (t *tasks) onUI(fn func()) {
	t.mu.Lock()
	held := t.held
	if held {
		t.pending = append(t.pending, fn)
	}
	t.mu.Unlock()
	if !held {
		fyne.DoAndWait(fn)
	}
}

// later runs fn on the UI goroutine once it is done with what it is
// doing: for a change that cannot be made inside a Fyne call under way,
// such as a layout. Only the UI goroutine calls it.
func (t *tasks) later(fn func()) {
	t.onItsOwn(func(context.Context) { t.onUI(fn) })
}

// drain waits for every job, and with held set runs the UI updates they
// handed back, and those that these lead to, until nothing is left.
func (t *tasks) drain() {
	for {
		t.wg.Wait()
		t.mu.Lock()
		p := t.pending
		t.pending = nil
		t.mu.Unlock()
		if len(p) == 0 {
			return
		}
		for _, fn := range p {
			fn()
		}
	}
}
