// Package watch hands the card images that appear in a folder to a sink:
// the folder where a phone's photos arrive through Syncthing, Nextcloud or
// a cloud drive. Each file is read once, when it has stopped growing, and
// remembered by the hash of its content, in a file that outlives a
// restart; the same photo under two names is read once. Nothing in the
// folder is moved, changed or deleted.
package watch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"followthrough/ocr"
)

// DefaultSettle is how long a file must keep its size and time before it
// is taken for whole.
const DefaultSettle = 2 * time.Second

// A File is a card image that appeared in the folder.
type File struct {
	Path string // where it is in the folder
	Data []byte // its content, at most ocr.MaxFileBytes
	Hash string // the SHA-256 of Data, in hex: what it is remembered by
}

// A Sink takes each new file, typically into the review queue. A file is
// remembered once the sink has been called with it, whether or not it
// returned an error, unless the error is the context's: the sink decides
// what to say about a file it could not read.
type Sink func(ctx context.Context, f File) error

// Options configure Run.
type Options struct {
	Dir    string // the folder to watch; only its own files, not its subfolders
	Memory string // the file the hashes of the files read are kept in
	Sink   Sink
	// Settle is how long a file must keep its size and time before it is
	// read; 0 means DefaultSettle.
	Settle time.Duration
	// Skipped, when set, is told of each file that was not handed to the
	// sink though it looked like a card image: too large, or gone before
	// it could be read.
	Skipped func(path string, err error)
}

// ErrTooLarge is the error Skipped is given for a file over the reader's
// size limit.
var ErrTooLarge = fmt.Errorf("watch: larger than %d MiB", ocr.MaxFileBytes>>20)

// imageExts are the names of files taken for card images.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".tif": true, ".tiff": true, ".webp": true, ".bmp": true, ".gif": true}

// Card reports whether a file named name is one the folder hands on: an
// image, and not the hidden or temporary file a sync tool writes first
// and renames when it is whole (Syncthing's ".syncthing.*.tmp", a
// "~name", a ".part").
func Card(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~") {
		return false
	}
	return imageExts[strings.ToLower(filepath.Ext(name))]
}

// watcher is one run of Run.
type watcher struct {
	Options
	now     func() time.Time
	seen    map[string]bool // hashes of the files read
	pending map[string]*pending
}

// pending is a file seen to change, not yet read: how it was when last
// looked at, and since when it has been so.
type pending struct {
	size  int64
	mod   time.Time
	since time.Time
}

// Run watches o.Dir until ctx is done, first handing on the files already
// there that it has not read before, then each new one. It returns nil
// when ctx is done, or the error that kept it from watching.
func Run(ctx context.Context, o Options) error {
	if o.Sink == nil || o.Dir == "" || o.Memory == "" {
		return errors.New("watch: a folder, a memory file and a sink are needed")
	}
	if o.Settle <= 0 {
		o.Settle = DefaultSettle
	}
	w := &watcher{Options: o, now: time.Now, pending: map[string]*pending{}}
	var err error
	if w.seen, err = loadMemory(o.Memory); err != nil {
		return err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer fsw.Close()
	if err := fsw.Add(o.Dir); err != nil {
		return fmt.Errorf("watch: %s: %w", o.Dir, err)
	}
	// Added before the folder is listed: no file falls between the two.
	if err := w.scan(); err != nil {
		return err
	}
	tick := time.NewTicker(max(o.Settle/4, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-fsw.Events:
			if !ok {
				return nil
			}
			w.event(ev)
		case err, ok := <-fsw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: look at every file again.
				if err := w.scan(); err != nil {
					return err
				}
			}
		case <-tick.C:
			if err := w.check(ctx); err != nil {
				return err
			}
		}
	}
}

// scan marks every card image in the folder to be looked at.
func (w *watcher) scan() error {
	entries, err := os.ReadDir(w.Dir)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() && Card(e.Name()) {
			w.mark(filepath.Join(w.Dir, e.Name()))
		}
	}
	return nil
}

// event notes what fsnotify says of a file. A file renamed into the folder
// comes as a Create of its new name; its old name, if it was in the
// folder, as a Rename.
func (w *watcher) event(ev fsnotify.Event) {
	if filepath.Dir(ev.Name) != filepath.Clean(w.Dir) || !Card(filepath.Base(ev.Name)) {
		return
	}
	switch {
	case ev.Has(fsnotify.Create), ev.Has(fsnotify.Write), ev.Has(fsnotify.Chmod):
		w.mark(ev.Name)
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		delete(w.pending, ev.Name)
	}
}

// mark puts path among the files to look at, as just changed.
func (w *watcher) mark(path string) {
	w.pending[path] = &pending{size: -1, since: w.now()}
}

// check looks at each pending file: one that kept its size and time for
// Settle is read, one that changed waits again.
func (w *watcher) check(ctx context.Context) error {
	now := w.now()
	for path, p := range w.pending {
		fi, err := os.Stat(path)
		if err != nil || !fi.Mode().IsRegular() {
			delete(w.pending, path) // gone, or not a file
			continue
		}
		if fi.Size() != p.size || !fi.ModTime().Equal(p.mod) {
			p.size, p.mod, p.since = fi.Size(), fi.ModTime(), now
			continue
		}
		if now.Sub(p.since) < w.Settle {
			continue
		}
		delete(w.pending, path)
		if err := w.read(ctx, path); err != nil {
			return err
		}
	}
	return nil
}

// read hands the file at path to the sink unless it was read before, and
// remembers it.
func (w *watcher) read(ctx context.Context, path string) error {
	data, err := readLimited(path)
	if err != nil {
		if w.Skipped != nil {
			w.Skipped(path, err)
		}
		return nil
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	if w.seen[hash] {
		return nil
	}
	err = w.Sink(ctx, File{Path: path, Data: data, Hash: hash})
	if err != nil && ctx.Err() != nil {
		return nil // stopped: read it next time
	}
	w.seen[hash] = true
	return remember(w.Memory, hash)
}

// readLimited reads the file at path, refusing one over the reader's
// limit.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, ocr.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("watch: read %s: %w", path, err)
	}
	if len(data) > ocr.MaxFileBytes {
		return nil, ErrTooLarge
	}
	return data, nil
}

// loadMemory reads the hashes of the files read before, one a line.
func loadMemory(path string) (map[string]bool, error) {
	seen := map[string]bool{}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return seen, nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch: memory: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); len(line) == sha256.Size*2 {
			seen[line] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("watch: memory %s: %w", path, err)
	}
	return seen, nil
}

// remember adds a hash to the memory file.
func remember(path, hash string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("watch: memory: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("watch: memory: %w", err)
	}
	if _, err := f.WriteString(hash + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("watch: memory %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("watch: memory %s: %w", path, err)
	}
	return nil
}
