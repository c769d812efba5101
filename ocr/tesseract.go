package ocr

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disintegration/imaging"
	"github.com/otiai10/gosseract/v2"
	"golang.org/x/image/bmp"
)

// Tesseract is the Engine that reads with Tesseract through gosseract. A
// Tesseract is not safe for concurrent use: give each worker its own and
// reuse it, since the first read of a client costs about twice the later
// ones.
//
// It reads each card with the languages, among those it was started with,
// that write the card's script: a card detected as Japanese with jpn (and
// eng, for the romaji and addresses), a Latin one with the Latin-script
// languages. The engine keeps its own client for the Latin-script
// languages; those of other scripts, and orientation detection, are
// shared by every engine, one read at a time (see shared).
type Tesseract struct {
	langs   []string
	clients map[string]*gosseract.Client // of the Latin-script languages, by language set ("eng+deu")
	closed  bool
}

// NewTesseract starts a Tesseract engine for the given languages
// (Tesseract codes such as "eng" or "jpn"; "eng" when none are given). It
// fails when the data of one of them is not installed.
func NewTesseract(langs ...string) (*Tesseract, error) {
	if len(langs) == 0 {
		langs = []string{"eng"}
	}
	for _, l := range langs {
		if !Installed(l) {
			return nil, fmt.Errorf("ocr: the Tesseract data for language %q is not installed (tesseract-ocr-%s)", l, l)
		}
	}
	t := &Tesseract{langs: langs, clients: map[string]*gosseract.Client{}}
	shared.join()
	// Start the languages of the commonest script now, so that a problem
	// shows here rather than on the first card.
	if _, err := t.client(t.languagesFor("Latin")); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// Languages are the languages the engine was started with.
func (t *Tesseract) Languages() []string { return append([]string(nil), t.langs...) }

// client returns the client that reads with langs, starting it if need be.
func (t *Tesseract) client(langs []string) (*gosseract.Client, error) {
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
func (t *Tesseract) languagesFor(script string) []string {
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
func (t *Tesseract) Close() error {
	if t.closed || t.clients == nil { // closed, or never started by NewTesseract
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
func (t *Tesseract) Orientation(ctx context.Context, img image.Image) (Orientation, bool) {
	if ctx.Err() != nil {
		return Orientation{}, false
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
func (t *Tesseract) Recognize(ctx context.Context, img image.Image, p Pass) ([]Line, error) {
	if t.closed {
		return nil, fmt.Errorf("ocr: tesseract engine is closed")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	psm := gosseract.PSM_AUTO
	if p.Mode == ModeSparse {
		psm = gosseract.PSM_SPARSE_TEXT
	}
	data := encodeImage(img)
	first := t.languagesFor(p.Script)
	lines, err := t.read(first, data, psm)
	if err != nil || p.Script != "" {
		return lines, err
	}
	q := quality(lines)
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
		other, err := t.read(langs, data, psm)
		if err != nil {
			return nil, err
		}
		if quality(other) > quality(lines)+5 {
			lines = other
		}
	}
	return lines, nil
}

// weakScript is the confidence under which a reading in the Latin
// languages of a card whose script is unknown is tried in the others.
const weakScript = 65

// worthScript says whether a reading in the Latin-script languages with
// quality q is worth reading again in langs, when orientation detection
// leaned to the script lean: always when it is weak, and when it is only
// middling (under weakQuality) if one of langs writes lean ("Han" leans
// to Japanese as "Japanese" does).
func worthScript(q float64, langs []string, lean string) bool {
	if q < weakScript {
		return true
	}
	return lean != "" && q < weakQuality && slices.ContainsFunc(langs, func(l string) bool {
		return slices.Contains(ScriptsOf(l), lean)
	})
}

// otherScripts are the scripts other than Latin that the engine's
// languages write, one for each language.
func (t *Tesseract) otherScripts() []string {
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
func (t *Tesseract) read(langs []string, data []byte, psm gosseract.PageSegMode) ([]Line, error) {
	if !slices.Equal(langs, t.languagesFor("Latin")) {
		return shared.read(langs, data, psm)
	}
	c, err := t.client(langs)
	if err != nil {
		return nil, err
	}
	return recognize(c, data, psm)
}

func recognize(c *gosseract.Client, data []byte, psm gosseract.PageSegMode) ([]Line, error) {
	if err := c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(psm))); err != nil {
		return nil, fmt.Errorf("ocr: tesseract: %w", err)
	}
	if err := c.SetImageFromBytes(data); err != nil {
		return nil, fmt.Errorf("ocr: tesseract: %w", err)
	}
	boxes, err := c.GetBoundingBoxesVerbose()
	if err != nil {
		return nil, fmt.Errorf("ocr: tesseract: %w", err)
	}
	words := make([]Word, 0, len(boxes))
	for _, b := range boxes {
		text := strings.TrimSpace(b.Word)
		if text == "" {
			continue
		}
		words = append(words, Word{
			Text: text,
			Box:  b.Box,
			Conf: b.Confidence,
			line: [3]int{b.BlockNum, b.ParNum, b.LineNum},
		})
	}
	return groupLines(words), nil
}

// groupLines puts words into the lines Tesseract found, then splits a line
// where a wide gap shows two columns printed side by side.
func groupLines(words []Word) []Line {
	var lines []Line
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j].line == words[i].line {
			j++
		}
		lines = append(lines, splitColumns(words[i:j])...)
		i = j
	}
	sortLines(lines)
	return lines
}

// sortLines puts lines in reading order: by rows, and left to right in a row.
func sortLines(lines []Line) {
	sort.SliceStable(lines, func(a, b int) bool {
		la, lb := lines[a].Box, lines[b].Box
		// Same row when their vertical centres are within half a line.
		ca, cb := (la.Min.Y+la.Max.Y)/2, (lb.Min.Y+lb.Max.Y)/2
		if abs(ca-cb) < min(la.Dy(), lb.Dy())/2 {
			return la.Min.X < lb.Min.X
		}
		return ca < cb
	})
}

// splitColumns splits a line Tesseract read across a gap wider than three
// times the line's usual word height: two columns side by side, or a logo
// beside a name. The median height keeps a tall logo from stretching the
// gap allowed.
func splitColumns(words []Word) []Line {
	var out []Line
	start := 0
	h := lineHeight(Line{Words: words})
	for k := 1; k <= len(words); k++ {
		if k < len(words) {
			if words[k].Box.Min.X-words[k-1].Box.Max.X < 3*h {
				continue
			}
		}
		out = append(out, NewLine(words[start:k]))
		start = k
	}
	return out
}

// NewLine makes a line from its words, in reading order.
func NewLine(words []Word) Line {
	l := Line{Words: append([]Word(nil), words...)}
	var b strings.Builder
	var conf float64
	for i, w := range words {
		// Japanese and Chinese put no spaces between words: Tesseract's
		// words of them join up again.
		if i > 0 && !(endsCJK(words[i-1].Text) && startsCJK(w.Text)) {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		conf += w.Conf
		if i == 0 {
			l.Box = w.Box
		} else {
			l.Box = l.Box.Union(w.Box)
		}
	}
	l.Text = b.String()
	if len(words) > 0 {
		l.Conf = conf / float64(len(words))
	}
	return l
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' || r == '々' || r == '〒'
}

func startsCJK(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isCJK(r)
}

func endsCJK(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isCJK(r)
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

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
