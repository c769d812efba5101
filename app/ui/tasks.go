package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// tasks runs a window's slow work, such as database calls, off the UI
// goroutine, one job at a time and in the order asked, then hands each
// result to the UI goroutine. Keeping the jobs in order means a search
// typed quickly never shows an older result over a newer one.
type tasks struct {
	jobs chan func()
	wg   sync.WaitGroup
	once sync.Once

	// held, when set, keeps UI updates until settle runs them on the
	// caller's goroutine. Fyne's test driver has no UI goroutine of its
	// own, so tests use it to keep widgets on theirs.
	held    bool
	mu      sync.Mutex
	pending []func()
}

// do runs work in the background; the function it returns, if any, runs
// on the UI goroutine.
func (t *tasks) do(work func() (ui func())) {
	t.once.Do(func() {
		t.jobs = make(chan func(), 256)
		go func() {
			for job := range t.jobs {
				job()
			}
		}()
	})
	t.wg.Add(1)
	t.jobs <- func() {
		defer t.wg.Done()
		if ui := work(); ui != nil {
			t.toUI(ui)
		}
	}
}

// goLong runs long work, such as reading a batch of cards, on a goroutine
// of its own, so that it does not hold up the jobs. It hands its results
// over with toUI.
func (t *tasks) goLong(work func()) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		work()
	}()
}

// toUI runs fn on the UI goroutine and waits for it.
func (t *tasks) toUI(fn func()) {
	if !t.held {
		fyne.DoAndWait(fn)
		return
	}
	t.mu.Lock()
	t.pending = append(t.pending, fn)
	t.mu.Unlock()
}

// settle waits for every job, and with held set runs the UI updates they
// handed back, and those that these lead to, until nothing is left.
func (t *tasks) settle() {
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
