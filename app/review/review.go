// Package review keeps the cards waiting for review in the data folder:
// for each, a copy of its image, the card as it stands upright at review
// size, the fields read, what the user typed and the event of its batch.
// Each is written, atomically, as it changes, so that quitting or a crash
// during a review loses nothing already read, and the next start can go on
// where the user stopped. The window reads cards into it; the phone
// receiver adds the images it is sent with Add, to be read.
package review

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/disintegration/imaging"

	"followthrough/contacts"
	"followthrough/ocr"
)

// ViewSize is the longest side, in pixels, of the card image kept for
// review: enough to read its small print when enlarged, a quarter or
// less of a phone photo's memory.
const ViewSize = 1600

// ErrNotFound is returned for a card no longer waiting.
var ErrNotFound = errors.New("review: card not waiting")

// Card is a card waiting for review.
type Card struct {
	ID string
	// Batch is the batch it came in with; Event is that batch's event.
	Batch string
	Event string
	// Sample marks the app's own sample cards.
	Sample bool
	// Name is the image's file name, as the user knows it.
	Name  string
	Added time.Time
	// Read reports whether the card has been read; a card added by Add is
	// not, until SetRead.
	Read bool
	// Rotated is how many degrees the card was turned to stand upright;
	// Size is the size of the upright card, which the boxes of Lines and
	// Fields refer to (the image kept for review may be smaller).
	Rotated int
	Size    image.Point
	Lines   []ocr.Line
	Fields  []ocr.Field
	// Draft is what the user typed for the card, nil until they did.
	Draft *Draft
	// Original is the file name of the image's copy in the card's folder.
	Original string
}

// Reading is the card as read, without its image: the image is on disk.
func (c Card) Reading() *ocr.Reading {
	return &ocr.Reading{Path: c.Name, Rotated: c.Rotated, Lines: c.Lines, Fields: c.Fields}
}

// Draft is what the user typed for a card under review.
type Draft struct {
	Contact    contacts.Contact
	FollowOn   bool
	FollowKind contacts.Kind
	FollowDue  contacts.Day
	FollowLine string
	Promise    string
}

// Queue is the folder of cards waiting for review. Its methods may be
// called from any goroutine.
type Queue struct {
	dir string
	mu  sync.Mutex
	now func() time.Time
}

// Open opens the queue kept in dir, creating it.
func Open(dir string) (*Queue, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("review: open %s: %w", dir, err)
	}
	q := &Queue{dir: dir, now: time.Now}
	// A card saved in the last session can no longer be undone.
	q.forgetDone()
	if err := q.pruneBatches(); err != nil {
		return nil, err
	}
	return q, nil
}

// donePrefix names the folder of the card saved last, kept until the
// next is saved so that its save can be undone.
const donePrefix = ".done-"

// Done takes the card id off the queue once saved, keeping it aside until
// the next card is done, so that Restore can bring it back.
func (q *Queue) Done(ctx context.Context, id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.forgetDone()
	if err := os.Rename(filepath.Join(q.dir, id), filepath.Join(q.dir, donePrefix+id)); err != nil {
		return fmt.Errorf("review: card done: %w", err)
	}
	return q.pruneBatches()
}

// Restore puts the card id, taken off by Done, back in the queue.
func (q *Queue) Restore(ctx context.Context, id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := os.Rename(filepath.Join(q.dir, donePrefix+id), filepath.Join(q.dir, id)); err != nil {
		return fmt.Errorf("review: restore card: %w", err)
	}
	return nil
}

func (q *Queue) forgetDone() {
	entries, _ := os.ReadDir(q.dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), donePrefix) {
			os.RemoveAll(filepath.Join(q.dir, e.Name()))
		}
	}
}

// Dir is the queue's folder.
func (q *Queue) Dir() string { return q.dir }

// NewBatch returns the name of a new batch.
func NewBatch() string { return newID() }

func newID() string {
	var b [6]byte
	rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405.000000000") + "-" + hex.EncodeToString(b[:])
}

// Add adds an image, not yet read, to be reviewed with event: the entry
// point of the phone receiver. data is the image file's content, name
// its file name.
func (q *Queue) Add(ctx context.Context, name string, data []byte, event string) (Card, error) {
	return q.add(ctx, Card{Batch: NewBatch(), Event: event, Name: filepath.Base(name)}, data)
}

// AddRead adds the card read from the image file at path, as a card of
// batch, and keeps a copy of the file and the card at review size.
func (q *Queue) AddRead(ctx context.Context, path string, r *ocr.Reading, batch, event string, sample bool) (Card, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Card{}, fmt.Errorf("review: add %s: %w", path, err)
	}
	c := Card{Batch: batch, Event: event, Sample: sample, Name: filepath.Base(path)}
	q.mu.Lock()
	// A batch's event changed while it was read holds for its later cards.
	if e, ok := q.batchEvent(batch); ok {
		c.Event = e
	}
	q.mu.Unlock()
	c, err = q.add(ctx, c, data)
	if err != nil {
		return c, err
	}
	return q.SetRead(ctx, c.ID, r)
}

func (q *Queue) add(ctx context.Context, c Card, data []byte) (Card, error) {
	if err := ctx.Err(); err != nil {
		return c, err
	}
	c.ID = newID()
	c.Added = q.now()
	c.Original = "original" + strings.ToLower(filepath.Ext(c.Name))
	dir := filepath.Join(q.dir, c.ID)
	if err := os.Mkdir(dir, 0o700); err != nil {
		return c, fmt.Errorf("review: add %s: %w", c.Name, err)
	}
	if err := writeFile(filepath.Join(dir, c.Original), data); err != nil {
		os.RemoveAll(dir)
		return c, fmt.Errorf("review: add %s: %w", c.Name, err)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := q.write(c); err != nil {
		os.RemoveAll(dir)
		return c, err
	}
	return c, nil
}

// SetRead keeps what was read on the card id: the fields and lines, and
// the upright card at review size.
func (q *Queue) SetRead(ctx context.Context, id string, r *ocr.Reading) (Card, error) {
	if err := ctx.Err(); err != nil {
		return Card{}, err
	}
	var view []byte
	var size image.Point
	if r.Image != nil {
		size = r.Image.Bounds().Size()
		img := r.Image
		if max(size.X, size.Y) > ViewSize {
			img = imaging.Fit(img, ViewSize, ViewSize, imaging.Linear)
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 88}); err != nil {
			return Card{}, fmt.Errorf("review: keep card %s: %w", id, err)
		}
		view = b.Bytes()
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	c, err := q.read(id)
	if err != nil {
		return c, err
	}
	if view != nil {
		if err := writeFile(filepath.Join(q.dir, id, "view.jpg"), view); err != nil {
			return c, fmt.Errorf("review: keep card %s: %w", c.Name, err)
		}
	}
	// Boxes refer to the upright card, whose origin may not be (0, 0).
	min := image.Point{}
	if r.Image != nil {
		min = r.Image.Bounds().Min
	}
	c.Read, c.Rotated, c.Size = true, r.Rotated, size
	c.Lines = slices.Clone(r.Lines)
	for i := range c.Lines {
		c.Lines[i].Box = c.Lines[i].Box.Sub(min)
		c.Lines[i].Words = slices.Clone(c.Lines[i].Words)
		for j := range c.Lines[i].Words {
			c.Lines[i].Words[j].Box = c.Lines[i].Words[j].Box.Sub(min)
		}
	}
	c.Fields = slices.Clone(r.Fields)
	for i := range c.Fields {
		if !c.Fields[i].Box.Empty() { // a suggested field is on no part of the card
			c.Fields[i].Box = c.Fields[i].Box.Sub(min)
		}
	}
	return c, q.write(c)
}

// SetDraft keeps what the user typed for the card id.
func (q *Queue) SetDraft(ctx context.Context, id string, d Draft) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	c, err := q.read(id)
	if err != nil {
		return err
	}
	c.Draft = &d
	return q.write(c)
}

// SetEvent files every card of batch still waiting under event, the
// user's edits included where they had the batch's event, and the cards
// of the batch read from now on.
func (q *Queue) SetEvent(ctx context.Context, batch, event string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := writeFile(filepath.Join(q.dir, "batch-"+batch), []byte(event)); err != nil {
		return fmt.Errorf("review: event of batch: %w", err)
	}
	cards, err := q.cards()
	if err != nil {
		return err
	}
	for _, c := range cards {
		if c.Batch != batch {
			continue
		}
		if c.Draft != nil && c.Draft.Contact.Event == c.Event {
			c.Draft.Contact.Event = event
		}
		c.Event = event
		if err := q.write(c); err != nil {
			return err
		}
	}
	return nil
}

// batchEvent is the event set for batch by SetEvent, if any.
func (q *Queue) batchEvent(batch string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(q.dir, "batch-"+batch))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// Remove takes the card id off the queue, once saved or skipped.
func (q *Queue) Remove(ctx context.Context, id string) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if err := os.RemoveAll(filepath.Join(q.dir, id)); err != nil {
		return fmt.Errorf("review: remove card: %w", err)
	}
	return q.pruneBatches()
}

// Clear takes every card off the queue.
func (q *Queue) Clear(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	entries, err := os.ReadDir(q.dir)
	if err != nil {
		return fmt.Errorf("review: clear: %w", err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(q.dir, e.Name())); err != nil {
			return fmt.Errorf("review: clear: %w", err)
		}
	}
	return nil
}

// pruneBatches removes the events of batches with no card left.
func (q *Queue) pruneBatches() error {
	cards, err := q.cards()
	if err != nil {
		return err
	}
	live := map[string]bool{}
	for _, c := range cards {
		live[c.Batch] = true
	}
	entries, _ := os.ReadDir(q.dir)
	for _, e := range entries {
		if id, ok := strings.CutPrefix(e.Name(), donePrefix); ok {
			if c, err := q.read(donePrefix + id); err == nil {
				live[c.Batch] = true
			}
		}
	}
	for _, e := range entries {
		if b, ok := strings.CutPrefix(e.Name(), "batch-"); ok && !live[b] && !strings.HasSuffix(b, ".tmp") {
			os.Remove(filepath.Join(q.dir, e.Name()))
		}
	}
	return nil
}

// Cards are the cards waiting, in the order they were added.
func (q *Queue) Cards(ctx context.Context) ([]Card, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.cards()
}

func (q *Queue) cards() ([]Card, error) {
	entries, err := os.ReadDir(q.dir)
	if err != nil {
		return nil, fmt.Errorf("review: list cards: %w", err)
	}
	var out []Card
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		c, err := q.read(e.Name())
		if errors.Is(err, ErrNotFound) {
			// A card whose folder was made but not its record: a crash
			// while it was added, before it was read.
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Card) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// Card is the card id as it is now.
func (q *Queue) Card(ctx context.Context, id string) (Card, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.read(id)
}

// Image is the card c standing upright, at review size.
func (q *Queue) Image(c Card) (image.Image, error) {
	f, err := os.Open(filepath.Join(q.dir, c.ID, "view.jpg"))
	if err != nil {
		return nil, fmt.Errorf("review: image of %s: %w", c.Name, err)
	}
	defer f.Close()
	img, err := jpeg.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("review: image of %s: %w", c.Name, err)
	}
	return img, nil
}

// OriginalPath is the path of the copy of c's image file.
func (q *Queue) OriginalPath(c Card) string { return filepath.Join(q.dir, c.ID, c.Original) }

func (q *Queue) read(id string) (Card, error) {
	b, err := os.ReadFile(filepath.Join(q.dir, id, "card.json"))
	if errors.Is(err, os.ErrNotExist) {
		return Card{}, ErrNotFound
	}
	if err != nil {
		return Card{}, fmt.Errorf("review: read card: %w", err)
	}
	var c Card
	if err := json.Unmarshal(b, &c); err != nil {
		return Card{}, fmt.Errorf("review: read card %s: %w", id, err)
	}
	return c, nil
}

func (q *Queue) write(c Card) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("review: keep card %s: %w", c.Name, err)
	}
	if err := writeFile(filepath.Join(q.dir, c.ID, "card.json"), b); err != nil {
		return fmt.Errorf("review: keep card %s: %w", c.Name, err)
	}
	return nil
}

// writeFile writes data to a temporary file beside path, syncs it and
// renames it over path, so that path holds the old content or the new,
// whole.
func writeFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
