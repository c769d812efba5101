package ui

import (
	"context"
	"errors"
	"log"

	"followthrough/app"
	"followthrough/app/receive"
	"followthrough/app/watch"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

// folderWatcher reads the card images that appear in the watched folder
// (Settings > Reading cards) into the review, while the window is open.
type folderWatcher struct {
	store     *sqlite.Store
	tasks     *tasks
	newEngine func(langs []string) (ocr.Engine, error)
	// keep puts a card read into the review, from the goroutine that
	// read it.
	keep    func(ctx context.Context, a app.Arrival, r *ocr.Reading, report func(receive.State)) error
	onError func(err error) // told, on the UI goroutine, when the folder cannot be watched

	dir    string // the folder watched now; "" for none
	cancel context.CancelFunc
}

func newFolderWatcher(store *sqlite.Store, tasks *tasks, newEngine func(langs []string) (ocr.Engine, error),
	keep func(ctx context.Context, a app.Arrival, r *ocr.Reading, report func(receive.State)) error, onError func(err error)) *folderWatcher {
	return &folderWatcher{store: store, tasks: tasks, newEngine: newEngine, keep: keep, onError: onError}
}

// load watches the folder the settings name, if any.
func (f *folderWatcher) load() {
	f.tasks.inOrder(func(ctx context.Context) func() {
		dir, err := f.store.Setting(ctx, app.SettingWatchFolder, "")
		return func() {
			if err != nil {
				log.Printf("watch: %v", err)
				return
			}
			f.watch(dir)
		}
	})
}

// watch watches dir instead of the folder watched now; "" stops watching.
func (f *folderWatcher) watch(dir string) {
	if dir == f.dir && f.cancel != nil {
		return
	}
	f.stop()
	f.dir = dir
	if dir == "" {
		return
	}
	ctx, cancel := context.WithCancel(f.tasks.context())
	f.cancel = cancel
	q := &app.Arrivals{
		NewEngine: func() (ocr.Engine, error) { return f.newEngine(app.ReadingLanguages(ctx, f.store)) },
		Options:   func(ctx context.Context) ocr.ClassifyOptions { return app.ClassifyOptions(ctx, f.store) },
		Workers:   1, // in the background: the window stays quick
		Read: func(a app.Arrival, r ocr.Result) {
			if r.Err != nil {
				if !errors.Is(r.Err, context.Canceled) {
					log.Printf("watch: %v", r.Err)
				}
				return
			}
			if err := f.keep(f.tasks.context(), a, r.Reading, nil); err != nil {
				log.Printf("watch: %v", err) // and shown
			}
		},
	}
	// Not among the window's tasks: they run as long as the folder is
	// watched, and the tasks wait for nothing so long.
	go func() {
		go q.Run(ctx)
		err := watch.Run(ctx, watch.Options{
			Dir: dir, Memory: app.WatchMemory(f.store.Dir()),
			Sink:    app.WatchSink(q, func() string { return "" }),
			Skipped: func(path string, err error) { log.Printf("watch: skipped %s: %v", path, err) },
		})
		if err != nil && ctx.Err() == nil {
			f.tasks.onUI(func() { f.onError(err) })
		}
	}()
}

// stop stops watching.
func (f *folderWatcher) stop() {
	if f.cancel != nil {
		f.cancel()
		f.cancel = nil
	}
}
