package ocr

import (
	"context"
	"fmt"
	"image"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/disintegration/imaging"
	"github.com/otiai10/gosseract/v2"
)

// Tesseract is the Engine that reads with Tesseract through gosseract. A
// Tesseract is not safe for concurrent use: give each worker its own and
// reuse it, since the first read of a client costs about twice the later
// ones.
type Tesseract struct {
	client *gosseract.Client
	osd    *osd // nil when the orientation data is not installed
}

// NewTesseract starts a Tesseract engine for the given languages
// (Tesseract codes such as "eng" or "jpn"; "eng" when none are given).
func NewTesseract(langs ...string) (*Tesseract, error) {
	if len(langs) == 0 {
		langs = []string{"eng"}
	}
	c := gosseract.NewClient()
	if err := c.SetLanguage(langs...); err != nil {
		c.Close()
		return nil, fmt.Errorf("ocr: tesseract languages %v: %w", langs, err)
	}
	// A page segmentation mode set before the client first initialises is
	// lost (Init resets it), so it goes in as a variable, which gosseract
	// applies after Init.
	if err := c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(gosseract.PSM_AUTO))); err != nil {
		c.Close()
		return nil, fmt.Errorf("ocr: tesseract: %w", err)
	}
	// Tesseract's notes ("Estimating resolution as 518") go nowhere
	// rather than into the terminal of every scan.
	c.SetVariable("debug_file", os.DevNull)
	t := &Tesseract{client: c}
	if o, err := newOSD(); err == nil {
		t.osd = o
	}
	return t, nil
}

// Close frees the engine. It is safe to call more than once.
func (t *Tesseract) Close() error {
	if t.osd != nil {
		t.osd.close()
		t.osd = nil
	}
	if t.client == nil {
		return nil
	}
	err := t.client.Close()
	t.client = nil
	return err
}

// Orientation reports how far the text in img is turned clockwise.
func (t *Tesseract) Orientation(ctx context.Context, img image.Image) (deg int, conf float64, ok bool) {
	if t.osd == nil || ctx.Err() != nil {
		return 0, 0, false
	}
	return t.osd.detect(encodePGM(img))
}

// Recognize reads the text on img, which should be upright. It reads the
// page twice, once with Tesseract's page layout analysis and once looking
// for sparse text, which finds words scattered over a card that layout
// analysis takes for pictures, and keeps the better reading of each line.
func (t *Tesseract) Recognize(ctx context.Context, img image.Image) ([]Line, error) {
	if t.client == nil {
		return nil, fmt.Errorf("ocr: tesseract engine is closed")
	}
	pgm := encodePGM(img)
	var passes [][]Line
	for _, psm := range recognizeModes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lines, err := t.recognize(pgm, psm)
		if err != nil {
			return nil, err
		}
		passes = append(passes, lines)
	}
	return mergeLines(passes...), nil
}

// recognizeModes are the page segmentation modes Recognize reads with.
var recognizeModes = []gosseract.PageSegMode{gosseract.PSM_AUTO, gosseract.PSM_SPARSE_TEXT}

func (t *Tesseract) recognize(pgm []byte, psm gosseract.PageSegMode) ([]Line, error) {
	if err := t.client.SetVariable("tessedit_pageseg_mode", strconv.Itoa(int(psm))); err != nil {
		return nil, fmt.Errorf("ocr: tesseract: %w", err)
	}
	if err := t.client.SetImageFromBytes(pgm); err != nil {
		return nil, fmt.Errorf("ocr: tesseract: %w", err)
	}
	boxes, err := t.client.GetBoundingBoxesVerbose()
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
	var texts []string
	var conf float64
	for i, w := range words {
		texts = append(texts, w.Text)
		conf += w.Conf
		if i == 0 {
			l.Box = w.Box
		} else {
			l.Box = l.Box.Union(w.Box)
		}
	}
	l.Text = strings.Join(texts, " ")
	if len(words) > 0 {
		l.Conf = conf / float64(len(words))
	}
	return l
}

// encodePGM encodes img as a binary greyscale PNM, which Leptonica reads
// far faster than PNG.
func encodePGM(img image.Image) []byte {
	g := imaging.Grayscale(img) // NRGBA with equal channels
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	header := "P5\n" + strconv.Itoa(w) + " " + strconv.Itoa(h) + "\n255\n"
	out := make([]byte, 0, len(header)+w*h)
	out = append(out, header...)
	for y := 0; y < h; y++ {
		row := g.Pix[y*g.Stride:]
		for x := 0; x < w; x++ {
			out = append(out, row[x*4])
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
