// Command evalreplay runs the eval command's measurement with an engine
// that remembers, in a cache file, what Tesseract read for each image and
// each way of reading it, and replays it: once a folder has been read,
// a change to how lines are classified is measured again in seconds
// instead of minutes.
//
//	go run -tags migrated_fynedo,sqlite_fts5 ./bench/evalreplay -cache /tmp/dev.gob ../shared/cards-dev
//
// A change to how the card is prepared or read asks for reads the cache
// does not hold; they are made, and added to it. -tag keeps the reads in
// the languages a card calls for apart from those cached before, for a
// change in how those are made (the models, the folder they come from).
// Times are of replays, not of reading: measure them with eval.
//
// It lives under bench/ as a tool for working on the classifier.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"io/fs"
	"log"
	"os"
	"slices"
	"strings"
	"sync"

	"followthrough/app"
	"followthrough/ocr"
	"followthrough/ocr/eval"
	"followthrough/ocr/tesseract"
)

// A reading is what the engine answered once.
type reading struct {
	Lines       []ocr.Line
	Orientation ocr.Orientation
	OK          bool
}

// cache holds the engine's answers by image and question.
type cache struct {
	mu     sync.Mutex
	byKey  map[string]reading
	missed int
}

func (c *cache) get(key string) (reading, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.byKey[key]
	return r, ok
}

func (c *cache) put(key string, r reading) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byKey[key] = r
	c.missed++
}

// engine answers from the cache, and asks Tesseract what it does not
// hold, starting it only then.
type engine struct {
	cache *cache
	langs []string
	tag   string
	real  *tesseract.Engine
}

func (e *engine) tesseract() (*tesseract.Engine, error) {
	if e.real == nil {
		t, err := tesseract.New(e.langs...)
		if err != nil {
			return nil, err
		}
		e.real = t
	}
	return e.real, nil
}

// key names an image and the question asked of it.
func key(img image.Image, question string) string {
	b := img.Bounds()
	var pix []byte
	switch m := img.(type) {
	case *image.Gray:
		pix = m.Pix
	case *image.NRGBA:
		pix = m.Pix
	case *image.RGBA:
		pix = m.Pix
	default:
		n := image.NewNRGBA(b)
		draw.Draw(n, b, img, b.Min, draw.Src)
		pix = n.Pix
	}
	h := sha256.New()
	fmt.Fprintf(h, "%T %v %s|", img, b, question)
	h.Write(pix)
	return hex.EncodeToString(h.Sum(nil))
}

func (e *engine) Orientation(ctx context.Context, img image.Image) (ocr.Orientation, bool) {
	k := key(img, fmt.Sprint("orientation ", e.langs))
	if r, ok := e.cache.get(k); ok {
		return r.Orientation, r.OK
	}
	t, err := e.tesseract()
	if err != nil {
		return ocr.Orientation{}, false
	}
	o, ok := t.Orientation(ctx, img)
	e.cache.put(k, reading{Orientation: o, OK: ok})
	return o, ok
}

func (e *engine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	q := fmt.Sprintf("rec %v %+v", e.langs, p)
	// Reads with Tesseract's inverted second look, as all were before
	// Pass.DarkOnLight, keep the keys they were cached under.
	q = strings.Replace(q, " DarkOnLight:false", "", 1)
	if e.tag != "" && len(p.Langs) > 0 {
		q += " " + e.tag
	}
	k := key(img, q)
	if r, ok := e.cache.get(k); ok {
		// Grouped again as the reader groups an engine's words now: a
		// change to how lines are split is replayed too.
		var words [][]ocr.Word
		for _, l := range cloneLines(r.Lines) {
			words = append(words, l.Words)
		}
		return ocr.GroupLines(words), nil
	}
	t, err := e.tesseract()
	if err != nil {
		return nil, err
	}
	lines, err := t.Recognize(ctx, img, p)
	if err != nil {
		return nil, err
	}
	e.cache.put(k, reading{Lines: cloneLines(lines)})
	return lines, nil
}

// cloneLines copies lines and their words, so that a reader that changes
// the lines it is given never changes the cache's answer for the next
// card, nor what is written to the cache file.
func cloneLines(lines []ocr.Line) []ocr.Line {
	out := slices.Clone(lines)
	for i := range out {
		out[i].Words = slices.Clone(out[i].Words)
	}
	return out
}

func (e *engine) Close() error {
	if e.real == nil {
		return nil
	}
	return e.real.Close()
}

func main() {
	cacheFile := flag.String("cache", "", "remember the engine's reads in `FILE` (made when missing)")
	jsonOut := flag.String("json", "", "also write the results, card by card, as JSON to `FILE`")
	tag := flag.String("tag", "", "keep reads in the languages a card calls for apart under `NAME`")
	flag.Parse()
	if *cacheFile == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: evalreplay -cache FILE [-json FILE] [-tag NAME] DIR...")
		os.Exit(2)
	}
	c := &cache{byKey: map[string]reading{}}
	if f, err := os.Open(*cacheFile); err == nil {
		err = gob.NewDecoder(f).Decode(&c.byKey)
		f.Close()
		if err != nil {
			log.Fatalf("evalreplay: read %s: %v", *cacheFile, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		log.Fatalf("evalreplay: %v", err)
	}
	paths, err := app.ImagePaths(flag.Args())
	if err != nil {
		log.Fatalf("evalreplay: %v", err)
	}
	err = eval.Run(context.Background(), os.Stdout, paths, eval.Options{
		NewEngine: func(langs []string) (ocr.Engine, error) { return &engine{cache: c, langs: langs, tag: *tag}, nil },
		Workers:   2, JSON: *jsonOut,
	})
	if err != nil {
		log.Fatalf("evalreplay: %v", err)
	}
	fmt.Printf("\nreads not in the cache: %d\n", c.missed)
	if c.missed == 0 {
		return
	}
	f, err := os.Create(*cacheFile)
	if err != nil {
		log.Fatalf("evalreplay: %v", err)
	}
	if err := gob.NewEncoder(f).Encode(c.byKey); err != nil {
		log.Fatalf("evalreplay: write %s: %v", *cacheFile, err)
	}
	if err := f.Close(); err != nil {
		log.Fatalf("evalreplay: write %s: %v", *cacheFile, err)
	}
}
