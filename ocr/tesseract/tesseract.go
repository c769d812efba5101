// Package tesseract is the engine the ocr pipeline reads cards with:
// Tesseract through gosseract, with the clients shared between engines,
// orientation and script detection, and the languages installed. It is
// the only package that uses cgo.
package tesseract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"slices"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"
	"github.com/otiai10/gosseract/v2"
	"golang.org/x/image/bmp"

	"followthrough/ocr"
)

// NotInstalledError is the error of New when the data of one of its
// languages is not installed.
type NotInstalledError struct {
	Lang string // Tesseract's code: "jpn"
}

func (e *NotInstalledError) Error() string {
	return fmt.Sprintf("tesseract: the data for language %q is not installed (tesseract-ocr-%s)", e.Lang, e.Lang)
}

// ErrClosed is the error of reading with a closed engine.
var ErrClosed = errors.New("tesseract: engine is closed")

// Engine is the ocr.Engine that reads with Tesseract through gosseract. An
// Engine is not safe for concurrent use: give each worker its own and
// reuse it, since the first read of a client costs about twice the later
// ones.
//
// It reads each card with the languages, among those it was started with,
// that write the card's script: a card detected as Japanese with jpn (and
// eng, for the romaji and addresses), a Latin one with the Latin-script
// languages. The engine keeps its own client for the Latin-script
// languages; those of other scripts, and orientation detection, are
// shared by every engine, one read at a time (see shared).
type Engine struct {
	langs   []string
	clients map[string]*gosseract.Client // of the Latin-script languages, by language set ("eng+deu")
	closed  bool
}

// New starts a Tesseract engine for the given languages
// (Tesseract codes such as "eng" or "jpn"; "eng" when none are given). It
// fails when the data of one of them is not installed.
func New(langs ...string) (*Engine, error) {
	if len(langs) == 0 {
		langs = []string{"eng"}
	}
	for _, l := range langs {
		if !Installed(l) {
			return nil, &NotInstalledError{Lang: l}
		}
	}
	t := &Engine{langs: langs, clients: map[string]*gosseract.Client{}}
	shared.join()
	// Start the languages of the commonest script now (see newClient),
	// so that a problem shows here rather than on the first card, and the
	// first card does not wait for Tesseract to load them (0.1 s of
	// processor time for English, which the card a person waits for was
	// paying when it was the first read on the engine kept for the newest
	// card).
	if _, err := t.client(t.languagesFor("Latin")); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// Languages are the languages the engine was started with.
func (t *Engine) Languages() []string { return append([]string(nil), t.langs...) }

// client returns the client that reads with langs, starting it if need be.
func (t *Engine) client(langs []string) (*gosseract.Client, error) {
	key := strings.Join(langs, "+")
	if c, ok := t.clients[key]; ok {
		return c, nil
	}
	c, err := newClient(langs)
	if err != nil {
		return nil, err
	}
	t.clients[key] = c
	return c, nil
}

// languagesFor returns the engine's languages that write script, the
// first of them first. An unknown script is taken for Latin, the script
// of most cards, and of the text on most others.
func (t *Engine) languagesFor(script string) []string {
	var out []string
	for _, l := range t.langs {
		if slices.Contains(ScriptsOf(l), script) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		if script != "Latin" {
			// Unsure, or a script none of the languages writes: read it
			// as the commonest, Latin.
			return t.languagesFor("Latin")
		}
		return t.langs
	}
	// Cards in other scripts print names, emails and addresses in Latin
	// letters too.
	if script != "Latin" && slices.Contains(t.langs, "eng") && !slices.Contains(out, "eng") {
		out = append(out, "eng")
	}
	return out
}

// Close frees the engine. It is safe to call more than once.
func (t *Engine) Close() error {
	if t.closed || t.clients == nil { // closed, or never started by New
		return nil
	}
	err := shared.leave()
	for k, c := range t.clients {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
		delete(t.clients, k)
	}
	t.closed = true
	return err
}

// Orientation reports how far the text in img is turned clockwise, and
// its script.
func (t *Engine) Orientation(ctx context.Context, img image.Image) (ocr.Orientation, bool) {
	if ctx.Err() != nil || img.Bounds().Empty() {
		return ocr.Orientation{}, false
	}
	return shared.orientation(encodeImage(img))
}

// Recognize reads the text on img, which should be upright, in the pass's
// mode and with the languages of its script. When the script is unknown it
// reads with the Latin-script languages; if that reading is weak and the
// engine has languages of other scripts, it reads with those too and
// returns the more confident reading. A reading that is only middling is
// tried again in the script the pass leans to: a card in Japanese read as
// if in Latin letters gives confident-looking nonsense.
func (t *Engine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	if t.closed {
		return nil, ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if img.Bounds().Empty() {
		// Nothing to read, such as the crop of an empty box: Leptonica
		// takes no image without points, and Tesseract, left with none,
		// crashed the process.
		return nil, nil
	}
	psm := gosseract.PSM_AUTO
	switch p.Mode {
	case ocr.ModeSparse:
		psm = gosseract.PSM_SPARSE_TEXT
	case ocr.ModeLine:
		psm = gosseract.PSM_SINGLE_LINE
	}
	data := encodeImage(img)
	first := withCalledFor(t.languagesFor(p.Script), p.Langs, p.Script)
	if p.Only {
		first = slices.DeleteFunc(slices.Clone(p.Langs), func(l string) bool { return !Installed(l) })
		if len(first) == 0 {
			return nil, nil
		}
	}
	lines, err := t.read(first, data, psm, p.DarkOnLight)
	if err != nil || p.Script != "" || p.Only {
		return lines, err
	}
	q := ocr.Quality(lines)
	for _, script := range t.otherScripts() {
		langs := t.languagesFor(script)
		if !worthScript(q, langs, p.Lean) {
			continue
		}
		if slices.Equal(langs, first) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		other, err := t.read(langs, data, psm, p.DarkOnLight)
		if err != nil {
			return nil, err
		}
		if ocr.Quality(other) > ocr.Quality(lines)+5 {
			lines = other
		}
	}
	return lines, nil
}

// withCalledFor adds to langs those of called, the languages a card
// calls for, that write script (Latin when unknown) and are installed,
// ahead of langs: Tesseract leans to its first language, and with
// English first it read a Turkish card's dotless ı as i.
func withCalledFor(langs, called []string, script string) []string {
	if script == "" {
		script = "Latin"
	}
	out := slices.Clone(langs)
	latin := 0 // where the next Latin-script language goes
	for _, l := range called {
		if slices.Contains(out, l) || !Installed(l) {
			continue
		}
		switch {
		case l == "jpn_vert" && (script == "Japanese" || script == "Han"):
			out = append([]string{l}, out...)
		case slices.Contains(ScriptsOf(l), script) && script != "Latin":
			out = append([]string{l}, out...)
		case script == "Latin" && slices.Contains(ScriptsOf(l), "Latin"):
			out = slices.Insert(out, latin, l)
			latin++
		}
	}
	return out
}

// weakScript is the confidence under which a reading in the Latin
// languages of a card whose script is unknown is tried in the others.
const weakScript = 65

// worthScript says whether a reading in the Latin-script languages with
// quality q is worth reading again in langs, when orientation detection
// leaned to the script lean: always when it is weak, and when it is only
// middling (under ocr.WeakQuality) if one of langs writes lean ("Han" leans
// to Japanese as "Japanese" does).
func worthScript(q float64, langs []string, lean string) bool {
	if q < weakScript {
		return true
	}
	return lean != "" && q < ocr.WeakQuality && slices.ContainsFunc(langs, func(l string) bool {
		return slices.Contains(ScriptsOf(l), lean)
	})
}

// otherScripts are the scripts other than Latin that the engine's
// languages write, one for each language.
func (t *Engine) otherScripts() []string {
	var out []string
	for _, l := range t.langs {
		if ss := ScriptsOf(l); len(ss) > 0 && ss[0] != "Latin" && !slices.Contains(out, ss[0]) {
			out = append(out, ss[0])
		}
	}
	return out
}

// read reads data with langs: with the engine's own client for the
// Latin-script languages, and with one of the shared clients for the
// others.
func (t *Engine) read(langs []string, data []byte, psm gosseract.PageSegMode, darkOnLight bool) ([]ocr.Line, error) {
	if !slices.Equal(langs, t.languagesFor("Latin")) {
		return shared.read(langs, data, psm, darkOnLight)
	}
	c, err := t.client(langs)
	if err != nil {
		return nil, err
	}
	return recognize(c, data, psm, darkOnLight)
}

// recognize reads data with c in page segmentation mode psm. Tesseract
// reads each line it is unsure of again inverted, as light print on
// dark, unless darkOnLight: on photos that second look took about a
// tenth of the reading's time.
func recognize(c *gosseract.Client, data []byte, psm gosseract.PageSegMode, darkOnLight bool) ([]ocr.Line, error) {
	if err := c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(psm))); err != nil {
		return nil, fmt.Errorf("tesseract: page segmentation mode: %w", err)
	}
	invert := "1"
	if darkOnLight {
		invert = "0"
	}
	if err := c.SetVariable("tessedit_do_invert", invert); err != nil {
		return nil, fmt.Errorf("tesseract: inverted reading: %w", err)
	}
	if err := c.SetImageFromBytes(data); err != nil {
		return nil, fmt.Errorf("tesseract: set image: %w", err)
	}
	boxes, err := c.GetBoundingBoxesVerbose()
	if err != nil {
		return nil, fmt.Errorf("tesseract: read: %w", err)
	}
	// The words of each line Tesseract found (by its block, paragraph
	// and line numbers), in the order it read them.
	var lines [][]ocr.Word
	var last [3]int
	for _, b := range boxes {
		text := strings.TrimSpace(b.Word)
		if text == "" {
			continue
		}
		key := [3]int{b.BlockNum, b.ParNum, b.LineNum}
		if len(lines) == 0 || key != last {
			lines = append(lines, nil)
			last = key
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], ocr.Word{Text: text, Box: b.Box, Conf: b.Confidence})
	}
	return ocr.GroupLines(lines), nil
}

// encodeImage encodes img for Leptonica as an 8-bit BMP, which it reads in
// a copy (2 ms for a card 2000 pixels wide, where a PGM takes it 40 ms and
// a PNG longer still). A BMP, like a PGM, says no resolution, so Tesseract
// estimates it from the size of the text, as it reads best; a TIFF says
// 72 dpi, which Tesseract believes and reads worse with.
func encodeImage(img image.Image) []byte {
	g, ok := img.(*image.Gray)
	if !ok {
		n := imaging.Grayscale(img) // NRGBA with equal channels
		g = image.NewGray(n.Bounds())
		for i := range g.Pix {
			g.Pix[i] = n.Pix[i*4]
		}
	}
	var buf bytes.Buffer
	buf.Grow(len(g.Pix) + 1024)
	if err := bmp.Encode(&buf, g); err != nil {
		return nil // Leptonica is then told of an empty image, and says so
	}
	return buf.Bytes()
}
