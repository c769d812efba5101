package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-vcard"

	"followthrough/contacts/vcf"
	"followthrough/ocr"
)

// Options say how Run reads cards and what it reports.
type Options struct {
	// NewEngine starts an engine that reads with langs, one for each
	// worker.
	NewEngine func(langs []string) (ocr.Engine, error)
	// Langs are the Tesseract languages to read with;
	// ocr.DefaultLanguages when empty.
	Langs []string
	// Workers is the number of cards read at once; 0 means one per CPU.
	Workers int
	Verbose bool // show every card's fields, not only the wrong ones
	// JSON, when set, is a file to write the results to, card by card.
	JSON string
	// VsTesseract times each card against the tesseract command reading
	// the same image, one card at a time.
	VsTesseract bool
}

// ErrNoCards is Run's error when none of its images has an expected
// card beside it.
var ErrNoCards = errors.New("eval: no images with expected .vcf files found")

// evalCard is one card's result, as the JSON report gives it.
type evalCard struct {
	Path     string           `json:"path"`
	Language string           `json:"language"`
	Fields   map[string]Tally `json:"fields"`
	Wrong    []FieldDiff      `json:"wrong,omitempty"`
	AllRight bool             `json:"allRight"`
	Error    string           `json:"error,omitempty"`
	Seconds  float64          `json:"seconds"`
	// With --vs-tesseract: the image's size, and how long the tesseract
	// command took to read it.
	Size             string  `json:"size,omitempty"`
	TesseractSeconds float64 `json:"tesseractSeconds,omitempty"`
	// With --vs-tesseract: of the card's Seconds, how long the engine
	// took for its first read, and for everything it was asked in all
	// (orientation detection and every read).
	FirstReadSeconds float64 `json:"firstReadSeconds,omitempty"`
	EngineSeconds    float64 `json:"engineSeconds,omitempty"`
	// How the card was read.
	Script string  `json:"script,omitempty"`
	Passes int     `json:"passes,omitempty"`
	Scale  float64 `json:"scale,omitempty"`
	Skew   float64 `json:"skew,omitempty"`

	expected, predicted vcard.Card
}

// evalSummary is the score of a group of cards.
type evalSummary struct {
	Cards    int                   `json:"cards"`
	MacroF1  float64               `json:"macroF1"`
	AllRight float64               `json:"allRightShare"`
	Fields   map[string]evalFigure `json:"fields"`
}

type evalFigure struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Tally
}

// evalPair is a card photographed or scanned more than once: the readings
// should agree.
type evalPair struct {
	Paths  []string `json:"paths"`
	Differ []string `json:"differ,omitempty"`
}

type evalReport struct {
	Date      string      `json:"date"`
	Languages []string    `json:"languages"`
	Workers   int         `json:"workers"`
	English   evalSummary `json:"english"`
	All       evalSummary `json:"all"`
	// ByFolder and ByLanguage score the cards of each folder, and of each
	// language their expected cards give.
	ByFolder   map[string]evalSummary `json:"byFolder"`
	ByLanguage map[string]evalSummary `json:"byLanguage"`
	Pairs      []evalPair             `json:"sameCard"`
	Cards      []*evalCard            `json:"cards"`
	Seconds    float64                `json:"seconds"`
}

// Run reads the card images among paths that have a same-name .vcf file
// beside them, with the card they should read as, and writes to w the
// cards read wrong and the scores: of the English cards, and of all.
func Run(ctx context.Context, w io.Writer, paths []string, opts Options) error {
	all := paths
	paths = nil
	var expected []vcard.Card
	for _, p := range all {
		exp, err := readExpected(strings.TrimSuffix(p, filepath.Ext(p)) + ".vcf")
		if errors.Is(err, os.ErrNotExist) {
			continue // an unlabelled image
		}
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		paths = append(paths, p)
		expected = append(expected, exp)
	}
	if len(paths) == 0 {
		return ErrNoCards
	}
	langs := opts.Langs
	if len(langs) == 0 {
		langs = ocr.DefaultLanguages
	}
	cards := make([]*evalCard, len(paths))
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	batch := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return opts.NewEngine(langs) }, Workers: workers}
	read := batch.Read
	if opts.VsTesseract {
		read = func(ctx context.Context, paths []string, each func(ocr.Result)) error {
			return readVsTesseract(ctx, opts.NewEngine, langs, paths, cards, each)
		}
	}
	err := read(ctx, paths, func(r ocr.Result) {
		predicted := vcard.Card{}
		c := cards[r.Index]
		if c == nil {
			c = &evalCard{}
		}
		c.Path, c.Seconds, c.expected = r.Path, r.Elapsed.Seconds(), expected[r.Index]
		if r.Err != nil {
			fmt.Fprintf(w, "FAIL %s: %v\n", r.Path, r.Err)
			c.Error = r.Err.Error()
		} else {
			predicted = vcf.Card(r.Reading.Contact())
			c.Script, c.Passes, c.Scale, c.Skew = r.Reading.Script, r.Reading.Passes, r.Reading.Scale, r.Reading.Skew
		}
		c.predicted = predicted
		c.Language = c.expected.Value("X-CARD-LANGUAGE")
		s := ScoreCard(c.expected, predicted)
		c.Fields = s
		c.Wrong = Wrong(c.expected, predicted, s)
		c.AllRight = len(c.Wrong) == 0
		cards[r.Index] = c
	})
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep := evalReport{
		Date: time.Now().Format(time.DateOnly), Languages: langs, Workers: workers,
		Cards: cards, Seconds: time.Since(start).Seconds(),
	}
	for _, c := range cards {
		printCard(w, c, opts.Verbose)
	}
	rep.English = summarize(cards, func(c *evalCard) bool { return c.Language == "" || strings.HasPrefix(c.Language, "en") })
	rep.All = summarize(cards, func(*evalCard) bool { return true })
	rep.Pairs = sameCards(cards)
	rep.ByFolder = summarizeBy(cards, folderOf)
	rep.ByLanguage = summarizeBy(cards, languageOf)

	fmt.Fprintln(w)
	reportSummary(w, "English cards", rep.English)
	fmt.Fprintln(w)
	reportSummary(w, fmt.Sprintf("All %d cards", len(cards)), rep.All)
	fmt.Fprintln(w)
	reportGroups(w, "folder", rep.ByFolder)
	fmt.Fprintln(w)
	reportGroups(w, "language", rep.ByLanguage)
	if opts.VsTesseract {
		fmt.Fprintln(w)
		reportVsTesseract(w, cards)
	}
	if len(rep.Pairs) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "The same card read more than once:")
		for _, p := range rep.Pairs {
			verdict := "same fields"
			if len(p.Differ) > 0 {
				verdict = "differ in " + strings.Join(p.Differ, ", ")
			}
			fmt.Fprintf(w, "  %s: %s\n", strings.Join(baseNames(p.Paths), ", "), verdict)
		}
	}
	if opts.JSON != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if err := os.WriteFile(opts.JSON, append(data, '\n'), 0o644); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	return nil
}

// printCard writes a card's wrong fields, expected against read; with
// verbose, every field.
func printCard(w io.Writer, c *evalCard, verbose bool) {
	if c.AllRight && !verbose {
		return
	}
	fmt.Fprintf(w, "== %s (%.2f s)\n", c.Path, c.Seconds)
	wrong := map[string]bool{}
	for _, d := range c.Wrong {
		wrong[d.Field] = true
		fmt.Fprintf(w, "  XX %-8s want %q\n              read %q\n", d.Field, d.Expected, d.Read)
	}
	if !verbose {
		return
	}
	read := ScoredValues(c.predicted)
	for _, f := range ScoredFields {
		if !wrong[f] {
			fmt.Fprintf(w, "  ok %-8s %q\n", f, read[f])
		}
	}
}

func summarize(cards []*evalCard, in func(*evalCard) bool) evalSummary {
	s := Score{}
	sum := evalSummary{Fields: map[string]evalFigure{}}
	right := 0
	for _, c := range cards {
		if !in(c) {
			continue
		}
		sum.Cards++
		s.Add(c.Fields)
		if c.AllRight {
			right++
		}
	}
	for _, f := range ScoredFields {
		t := s[f]
		sum.Fields[f] = evalFigure{Precision: t.Precision(), Recall: t.Recall(), F1: t.F1(), Tally: t}
	}
	sum.MacroF1 = s.MacroF1()
	if sum.Cards > 0 {
		sum.AllRight = float64(right) / float64(sum.Cards)
	}
	return sum
}

// folderOf is the folder a card's image is in, the source it came from.
func folderOf(c *evalCard) string { return filepath.Base(filepath.Dir(c.Path)) }

// languageOf is the language a card's expected vCard gives, or "?".
func languageOf(c *evalCard) string {
	if c.Language == "" {
		return "?"
	}
	return c.Language
}

// summarizeBy scores the cards of each group key puts them in.
func summarizeBy(cards []*evalCard, key func(*evalCard) string) map[string]evalSummary {
	out := map[string]evalSummary{}
	for _, c := range cards {
		k := key(c)
		if _, ok := out[k]; !ok {
			out[k] = summarize(cards, func(d *evalCard) bool { return key(d) == k })
		}
	}
	return out
}

// reportGroups writes one row per group: its cards, macro F1, share of
// cards with every field right, and each field's F1 ("-" where the group
// neither expects nor reads the field).
func reportGroups(w io.Writer, what string, groups map[string]evalSummary) {
	keys := make([]string, 0, len(groups))
	width := len(what)
	for k := range groups {
		keys = append(keys, k)
		width = max(width, len(k))
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "By %s\n%-*s %5s %6s %6s", what, width, what, "cards", "macro", "right")
	for _, f := range ScoredFields {
		fmt.Fprintf(w, " %7s", f)
	}
	fmt.Fprintln(w)
	for _, k := range keys {
		s := groups[k]
		fmt.Fprintf(w, "%-*s %5d %6.3f %5.0f%%", width, k, s.Cards, s.MacroF1, 100*s.AllRight)
		for _, f := range ScoredFields {
			if t := s.Fields[f]; t.Predicted == 0 && t.Expected == 0 {
				fmt.Fprintf(w, " %7s", "-")
			} else {
				fmt.Fprintf(w, " %7.3f", t.F1)
			}
		}
		fmt.Fprintln(w)
	}
}

func reportSummary(w io.Writer, title string, s evalSummary) {
	fmt.Fprintf(w, "%s\n%-8s %9s %9s %9s %6s %6s %6s\n", title, "field", "precision", "recall", "F1", "pred", "exp", "right")
	for _, f := range ScoredFields {
		t := s.Fields[f]
		fmt.Fprintf(w, "%-8s %9.3f %9.3f %9.3f %6d %6d %6d\n", f, t.Precision, t.Recall, t.F1, t.Predicted, t.Expected, t.Correct)
	}
	fmt.Fprintf(w, "%-8s %29.3f\n", "macro F1", s.MacroF1)
	fmt.Fprintf(w, "cards with every field right: %.0f%% of %d\n", 100*s.AllRight, s.Cards)
}

// sameCards finds the cards whose expected vCards say the same (one card
// photographed twice) and compares their readings.
func sameCards(cards []*evalCard) []evalPair {
	groups := map[string][]*evalCard{}
	var keys []string
	for _, c := range cards {
		v := ScoredValues(c.expected)
		var parts []string
		for _, f := range ScoredFields {
			parts = append(parts, v[f])
		}
		k := strings.Join(parts, "\x00")
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	sort.Strings(keys)
	var out []evalPair
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		p := evalPair{}
		differ := map[string]bool{}
		for _, c := range g {
			p.Paths = append(p.Paths, c.Path)
			for _, f := range SameReading(g[0].predicted, c.predicted) {
				differ[f] = true
			}
		}
		for _, f := range ScoredFields {
			if differ[f] {
				p.Differ = append(p.Differ, f)
			}
		}
		out = append(out, p)
	}
	return out
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

func readExpected(path string) (vcard.Card, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := vcard.NewDecoder(f).Decode()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return c, nil
}

// readVsTesseract reads each card in turn, first with the tesseract
// command (one thread, as the app reads) and then with the app's pipeline,
// so that both see the same load on the machine. It notes the command's
// time and the image's size in cards.
func readVsTesseract(ctx context.Context, newEngine func([]string) (ocr.Engine, error), langs []string, paths []string, cards []*evalCard, each func(ocr.Result)) error {
	e, err := newEngine(langs)
	if err != nil {
		return err
	}
	defer e.Close()
	eng := &timedEngine{Engine: e}
	// Warm the engine, as a batch worker is after its first card.
	if len(paths) > 0 {
		ocr.Read(ctx, eng, paths[0])
	}
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		c := &evalCard{}
		cards[i] = c
		if cfg, err := imageSize(p); err == nil {
			c.Size = cfg
		}
		cmd := exec.CommandContext(ctx, "tesseract", p, "-")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("tesseract %s: %w", p, err)
		}
		c.TesseractSeconds = time.Since(t0).Seconds()
		eng.reset()
		t1 := time.Now()
		r, err := ocr.Read(ctx, eng, p)
		c.FirstReadSeconds, c.EngineSeconds = eng.first.Seconds(), eng.total.Seconds()
		each(ocr.Result{Index: i, Path: p, Reading: r, Err: err, Elapsed: time.Since(t1)})
	}
	return nil
}

// timedEngine is an engine that keeps count of how long it takes, since
// it was last reset: for its first read, and for all it was asked.
type timedEngine struct {
	ocr.Engine
	Now func() time.Time // time.Now when nil

	reads        int
	first, total time.Duration
}

func (e *timedEngine) reset() { e.reads, e.first, e.total = 0, 0, 0 }

func (e *timedEngine) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

func (e *timedEngine) Orientation(ctx context.Context, img image.Image) (ocr.Orientation, bool) {
	t := e.now()
	defer func() { e.total += e.now().Sub(t) }()
	return e.Engine.Orientation(ctx, img)
}

func (e *timedEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	t := e.now()
	defer func() {
		d := e.now().Sub(t)
		if e.reads == 0 {
			e.first = d
		}
		e.reads++
		e.total += d
	}()
	return e.Engine.Recognize(ctx, img, p)
}

func imageSize(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%dx%d", cfg.Width, cfg.Height), nil
}

// reportVsTesseract writes, for each folder of cards (the dev cards keep
// scans and photos apart), the pipeline's time per card against the
// tesseract command's, and the ratio of the totals; then the same ratio
// for the engine's time alone, and for its first read alone: how near
// the pipeline could come if the rest cost nothing.
func reportVsTesseract(w io.Writer, cards []*evalCard) {
	type sum struct {
		n                         int
		small, large              string // the images' sizes, fewest and most pixels
		us, theirs, engine, first float64
	}
	sums := map[string]*sum{}
	var folders []string
	for _, c := range cards {
		dir := filepath.Base(filepath.Dir(c.Path))
		s := sums[dir]
		if s == nil {
			s = &sum{}
			sums[dir] = s
			folders = append(folders, dir)
		}
		s.n++
		if c.Size != "" && (s.small == "" || pixels(c.Size) < pixels(s.small)) {
			s.small = c.Size
		}
		if c.Size != "" && (s.large == "" || pixels(c.Size) > pixels(s.large)) {
			s.large = c.Size
		}
		s.us += c.Seconds
		s.theirs += c.TesseractSeconds
		s.engine += c.EngineSeconds
		s.first += c.FirstReadSeconds
	}
	sort.Strings(folders)
	width := len("folder")
	for _, f := range folders {
		width = max(width, len(f))
	}
	fmt.Fprintf(w, "%-*s %5s %-21s %10s %16s %6s %7s %6s\n", width, "folder", "cards", "image size", "app s/card", "tesseract s/card", "ratio", "engine", "first")
	for _, k := range folders {
		s := sums[k]
		size := s.small
		switch {
		case size == "":
			size = "?" // no image of the folder could be opened
		case s.large != s.small:
			size += "-" + s.large
		}
		fmt.Fprintf(w, "%-*s %5d %-21s %10.2f %16.2f %6.2f %7.2f %6.2f\n", width, k, s.n, size, s.us/float64(s.n), s.theirs/float64(s.n),
			s.us/s.theirs, s.engine/s.theirs, s.first/s.theirs)
	}
	fmt.Fprintln(w, "ratio: the app's time over the command's; engine: the app's time in Tesseract alone, every read;")
	fmt.Fprintln(w, "first: its first read alone. Each is a ratio of the totals.")
}

// pixels is how many pixels an image of size "WxH" has; 0 if unknown.
func pixels(size string) int {
	var w, h int
	if _, err := fmt.Sscanf(size, "%dx%d", &w, &h); err != nil {
		return 0
	}
	return w * h
}
