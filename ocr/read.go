package ocr

import (
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"regexp"
	"runtime"
	"sync"
	"time"

	"github.com/disintegration/imaging"
)

// Reading is what was read from one card image.
type Reading struct {
	Path    string
	Image   image.Image // the upright, cropped card; boxes refer to it
	Rotated int         // degrees the card was turned clockwise to stand upright
	Lines   []Line
	Fields  []Field

	// How the card was read, for reports.
	Script string  // the script detected, "" when unsure
	Scale  float64 // how much the card was scaled for reading
	Skew   float64 // degrees of skew taken out
	Passes int     // how many times the engine read it
}

// Read reads the card in the image file at path with eng.
func Read(ctx context.Context, eng Engine, path string) (*Reading, error) {
	return readFile(ctx, eng, path, loadCard)
}

// loadCard decodes the image file at path and prepares its card.
func loadCard(_ context.Context, path string) (*image.NRGBA, error) {
	img, o, err := loadUnturned(path)
	if err != nil {
		return nil, err
	}
	return prepareTurned(img, o, turnWholeSide), nil
}

// An image whose long side is at most turnWholeSide pixels is turned by
// its EXIF orientation before its card is found, as the dev cards were
// measured; a larger one has its card prepared first and turned after,
// at its reading size, so that neither the photo nor the card at the
// photo's size is copied to be turned (two turned 64-megapixel photos
// took a batch of two workers to 736 MB).
const turnWholeSide = 2 * maxReadSide

// prepareTurned is prepareCard for img turned by EXIF orientation o: of
// the turned image when img's long side is at most whole pixels, or of
// img as stored and then turned.
func prepareTurned(img image.Image, o, whole int) *image.NRGBA {
	if s := img.Bounds().Size(); max(s.X, s.Y) <= whole {
		return prepareCard(turn(img, o))
	}
	card := prepareCard(img)
	if t, ok := turn(card, o).(*image.NRGBA); ok { // imaging's turns all are
		card = t
	}
	return card
}

// readFile reads the card that load makes of the image file at path.
func readFile(ctx context.Context, eng Engine, path string, load func(context.Context, string) (*image.NRGBA, error)) (*Reading, error) {
	card, err := load(ctx, path)
	if err != nil {
		return nil, err
	}
	r, err := readCard(ctx, eng, card)
	if err != nil {
		return nil, fmt.Errorf("ocr: read %s: %w", path, err)
	}
	r.Path = path
	return r, nil
}

// When a first read is weak enough to be worth a second: too little of
// the text on the card was read, or it was read with too little
// confidence.
const (
	weakMissed = 0.12
	// WeakQuality is the Quality under which a reading is weak: the
	// pipeline reads such a card again, and an engine may try it in
	// other languages.
	WeakQuality = 72
	// A wide card read as it lies with less confidence than this may
	// lie upside down: orientation detection looks at it then.
	uprightQuality = 70
	// A word of contact details read with less confidence than this
	// makes a read weak. At 80, a tenth more cards were read twice for
	// the same fields, on the real cards and on invented ones.
	weakDetail = 70
)

// ReadImage reads the card in img, which has had its EXIF orientation
// applied: it finds the card and straightens it, takes out any skew,
// turns it upright, reads it and classifies its lines.
//
// The engine reads a copy of the card in which each point is as dark as it
// differs from the card around it (see contrastImage): light print on a
// dark or coloured card, and faint grey print, come out as black on white,
// which Tesseract reads far better than the card's own grey levels. That
// copy is scaled so that its letters are the size Tesseract reads best.
//
// A card is read once, in Tesseract's automatic layout. Only when that
// read is weak (it passed over some of the text on the card, or read it
// unsurely) is it read again looking for sparse text, and each line kept
// from the reading that read it better.
func ReadImage(ctx context.Context, eng Engine, img image.Image) (*Reading, error) {
	return readCard(ctx, eng, prepareCard(img))
}

// prepareCard finds the card in img, straightens it and scales it to the
// size it is read at.
func prepareCard(img image.Image) *image.NRGBA {
	return scaleForReading(cropCard(img))
}

// readCard reads a card that prepareCard made.
func readCard(ctx context.Context, eng Engine, card *image.NRGBA) (*Reading, error) {
	ink := contrastImage(card)
	skew := 0.0
	if a := skewAngle(ink); math.Abs(a) >= minSkew {
		card, ink = deskew(card, ink, a)
		skew = a
	}
	// Small print is scaled up further.
	blobs := letterBlobs(ink)
	f := smallPrintScale(ink, blobs)
	scaled := scaleGray(ink, f)
	f = float64(scaled.Bounds().Dx()) / float64(ink.Bounds().Dx())

	// Orientation and script detection costs about half a read, so it
	// only runs when it can help: for a card standing on its side (or a
	// tall one), and when a first read of a wide card as it lies is poor.
	// The text is turned deg clockwise: turning the card back by as much
	// stands it upright.
	rot, script, lean, detected := 0, "", "", false
	detect := func() {
		detected = true
		o, ok := eng.Orientation(ctx, osdCopy(scaled))
		if ok && o.Deg != 0 && o.Conf >= 1 {
			rot = (360 - o.Deg) % 360
		}
		switch {
		case ok && o.ScriptConf >= 1:
			script = o.Script
		case ok && o.Script != "Latin":
			lean = o.Script
		}
	}
	if b := scaled.Bounds(); b.Dy() > b.Dx() {
		detect()
	}
	pass := Pass{Mode: ModeAuto, Script: script, Lean: lean}
	up := Rotate(scaled, rot)
	lines, err := eng.Recognize(ctx, up, pass)
	if err != nil {
		return nil, err
	}
	passes := 1
	if Quality(lines) < uprightQuality && !detected {
		detect()
		if rot != 0 || script != "" && script != "Latin" {
			pass.Script, pass.Lean = script, lean
			turned := Rotate(scaled, rot)
			other, err := eng.Recognize(ctx, turned, pass)
			if err != nil {
				return nil, err
			}
			passes++
			if Quality(other) > Quality(lines) {
				lines, up = other, turned
			} else {
				rot = 0
			}
		}
	}
	// Orientation detection is unsure on sparse cards. A card read upside
	// down gives low confidence: try the other way up and keep the better.
	if Quality(lines) < 60 {
		alt := (rot + 180) % 360
		altUp := Rotate(scaled, alt)
		other, err := eng.Recognize(ctx, altUp, pass)
		if err != nil {
			return nil, err
		}
		passes++
		if Quality(other) > Quality(lines)+10 {
			lines, rot, up = other, alt, altUp
		}
	}
	if up != image.Image(ink) {
		blobs = nil // up is scaled or turned: its letters are elsewhere
	}
	if weak(up, lines, blobs) {
		sparse, err := eng.Recognize(ctx, up, Pass{Mode: ModeSparse, Script: script, Lean: lean})
		if err != nil {
			return nil, err
		}
		passes++
		lines = mergeLines(lines, sparse)
	}
	lines = scaleLines(lines, f)
	upright := Rotate(card, rot)
	return &Reading{
		Image:   upright,
		Rotated: rot,
		Lines:   lines,
		Fields:  Classify(lines, upright.Bounds().Size()),
		Script:  script,
		Scale:   f,
		Skew:    skew,
		Passes:  passes,
	}, nil
}

// weak says whether a first read of the ink image up is worth a second.
// blobs are up's letterBlobs, or nil for weak to find them if need be.
func weak(up image.Image, lines []Line, blobs []image.Rectangle) bool {
	if Quality(lines) < WeakQuality || len(unsureDetails(lines)) > 0 {
		return true
	}
	if blobs == nil {
		g, ok := up.(*image.Gray)
		if !ok {
			g = grayOf(up)
		}
		blobs = letterBlobs(g)
	}
	return missedText(blobs, lines) > weakMissed
}

// unsureDetails returns the lines with a word of an email, a website or
// a phone number read unsurely: one wrong letter there loses the field.
func unsureDetails(lines []Line) []int {
	var out []int
	for i, l := range lines {
		for _, w := range l.Words {
			if w.Conf < weakDetail && len(w.Text) >= 5 && detailRe.MatchString(w.Text) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// detailRe matches a word of an email, a website or a phone number.
var detailRe = regexp.MustCompile(`@|(?i)www|https?:|\.[a-z]{2,3}\b|\d{3}`)

// osdCopy is the image orientation and script detection looks at: at
// most osdSide pixels along its long side, which is plenty to tell which
// way up letters are, and costs a fraction of the full size.
func osdCopy(g *image.Gray) *image.Gray {
	long := max(g.Bounds().Dx(), g.Bounds().Dy())
	if long <= osdSide {
		return g
	}
	return scaleGray(g, float64(osdSide)/float64(long))
}

const osdSide = 1200

func grayOf(img image.Image) *image.Gray {
	n := imaging.Clone(img)
	g := image.NewGray(n.Bounds())
	for i := range g.Pix {
		g.Pix[i] = n.Pix[i*4]
	}
	return g
}

// Quality is the mean confidence of the words read, weighted by length, so
// that a few confident specks do not outweigh real text: how well a
// reading went, to choose between readings.
func Quality(lines []Line) float64 {
	var sum, n float64
	for _, l := range lines {
		for _, w := range l.Words {
			k := float64(len([]rune(w.Text)))
			sum += w.Conf * k
			n += k
		}
	}
	if n < 8 {
		return 0
	}
	return sum / n
}

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
}

// Read reads every file in paths and calls each with every result as it
// arrives, from one goroutine at a time. A file that cannot be read gives a
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
				for i := range jobs {
					results <- Result{Index: i, Path: paths[i], Err: err}
				}
				return
			}
			defer eng.Close()
			heldProcessors.Add(hold)
			defer heldProcessors.Add(-hold)
			for i := range jobs {
				results <- readOne(ctx, eng, images, i, paths[i])
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
		each(r)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return engineErr
}

func readOne(ctx context.Context, eng Engine, images *imageMemory, i int, path string) (res Result) {
	res = Result{Index: i, Path: path}
	start := time.Now()
	defer func() { res.Elapsed = time.Since(start) }()
	defer func() {
		if p := recover(); p != nil {
			res.Reading = nil
			res.Err = fmt.Errorf("ocr: read %s: %v", path, p)
		}
	}()
	res.Reading, res.Err = readFile(ctx, eng, path, images.load)
	if res.Err != nil && errors.Is(res.Err, context.Canceled) {
		res.Err = context.Canceled
	}
	return res
}

// mergeLines combines readings of the same image (different page
// segmentation modes, or differently prepared copies of the image) into one.
// Lines that overlap across readings are grouped, and each group is taken
// from the reading that read it best: the most text read with confidence.
// A line only one reading found is kept as it is.
func mergeLines(passes ...[]Line) []Line {
	type item struct {
		pass int
		line Line
	}
	var items []item
	for p, lines := range passes {
		for _, l := range lines {
			items = append(items, item{p, l})
		}
	}
	// Union-find over lines of different passes that overlap.
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if items[i].pass != items[j].pass && overlaps(items[i].line.Box, items[j].line.Box) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int]map[int][]Line{} // root → pass → lines
	var roots []int
	for i, it := range items {
		r := find(i)
		if groups[r] == nil {
			groups[r] = map[int][]Line{}
			roots = append(roots, r)
		}
		groups[r][it.pass] = append(groups[r][it.pass], it.line)
	}
	var out []Line
	for _, r := range roots {
		best, bestScore := -1, -1.0
		for p := range passes {
			ls, ok := groups[r][p]
			if !ok {
				continue
			}
			s := 0.0
			for _, l := range ls {
				s += lineScore(l)
			}
			if s > bestScore {
				best, bestScore = p, s
			}
		}
		out = append(out, joinRow(groups[r][best])...)
	}
	sortLines(out)
	return out
}

// joinRow joins lines of one reading that another reading saw as one line:
// pieces of a row split at a wide word space, as sparse text reading does
// with letter-spaced names. Pieces further apart than splitColumns allows
// stay apart.
func joinRow(lines []Line) []Line {
	if len(lines) < 2 {
		return lines
	}
	ls := append([]Line(nil), lines...)
	sortLines(ls)
	out := []Line{ls[0]}
	for _, l := range ls[1:] {
		last := &out[len(out)-1]
		a, b := last.Box, l.Box
		ca, cb := (a.Min.Y+a.Max.Y)/2, (b.Min.Y+b.Max.Y)/2
		h := max(lineHeight(*last), lineHeight(l))
		if abs(ca-cb) < min(a.Dy(), b.Dy())/2 && b.Min.X > a.Min.X && b.Min.X-a.Max.X < 3*h && len(last.Words) > 0 && len(l.Words) > 0 {
			*last = NewLine(append(append([]Word(nil), last.Words...), l.Words...))
			continue
		}
		out = append(out, l)
	}
	return out
}

// overlaps says whether two line boxes cover mostly the same place: their
// intersection is at least half of the smaller one.
func overlaps(a, b image.Rectangle) bool {
	in := a.Intersect(b)
	if in.Empty() {
		return false
	}
	small := min(a.Dx()*a.Dy(), b.Dx()*b.Dy())
	return 2*in.Dx()*in.Dy() >= small
}

// lineScore is how much a reading of a line is worth: its characters,
// each counted by the square of its word's confidence, so that a long run
// of unsure garbage does not beat a short confident word.
func lineScore(l Line) float64 {
	if len(l.Words) == 0 {
		c := l.Conf / 100
		return float64(len([]rune(l.Text))) * c * c
	}
	s := 0.0
	for _, w := range l.Words {
		c := w.Conf / 100
		s += float64(len([]rune(w.Text))) * c * c
	}
	return s
}
