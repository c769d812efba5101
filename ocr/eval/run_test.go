package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"followthrough/ocr"
)

// fakeEngine reads every image as the same card: lines, each across the
// whole width of the image, one under another.
type fakeEngine struct {
	lines []string
}

func (f *fakeEngine) Orientation(context.Context, image.Image) (ocr.Orientation, bool) {
	return ocr.Orientation{}, false
}

func (f *fakeEngine) Recognize(_ context.Context, img image.Image, _ ocr.Pass) ([]ocr.Line, error) {
	b := img.Bounds()
	var out []ocr.Line
	for i, text := range f.lines {
		h := b.Dy() / (len(f.lines) + 1)
		box := image.Rect(b.Dx()/10, h*i+h/2, b.Dx()*9/10, h*i+h)
		out = append(out, ocr.NewLine([]ocr.Word{{Text: text, Box: box, Conf: 95}}))
	}
	return out, nil
}

func (f *fakeEngine) Close() error { return nil }

// clockEngine moves a clock on by the next of its steps at each call.
type clockEngine struct {
	fakeEngine
	clock *time.Time
	steps []time.Duration
}

func (c *clockEngine) step() {
	*c.clock = c.clock.Add(c.steps[0])
	c.steps = c.steps[1:]
}

func (c *clockEngine) Orientation(ctx context.Context, img image.Image) (ocr.Orientation, bool) {
	c.step()
	return c.fakeEngine.Orientation(ctx, img)
}

func (c *clockEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	c.step()
	return c.fakeEngine.Recognize(ctx, img, p)
}

func TestTimedEngine(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 10, 10))
	tests := []struct {
		name       string
		calls      string // o: orientation, r: a read
		steps      []time.Duration
		first, tot time.Duration
	}{
		{"one read", "r", []time.Duration{3 * time.Second}, 3 * time.Second, 3 * time.Second},
		{"two reads", "rr", []time.Duration{3 * time.Second, 5 * time.Second}, 3 * time.Second, 8 * time.Second},
		{"orientation first", "oro", []time.Duration{2 * time.Second, 3 * time.Second, time.Second}, 3 * time.Second, 6 * time.Second},
		{"nothing asked", "", nil, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
			eng := &timedEngine{Engine: &clockEngine{clock: &clock, steps: tt.steps}, Now: func() time.Time { return clock }}
			// What was counted before a reset does not carry over.
			eng.first, eng.total, eng.reads = time.Hour, time.Hour, 4
			eng.reset()
			for _, c := range tt.calls {
				if c == 'o' {
					eng.Orientation(context.Background(), img)
				} else if _, err := eng.Recognize(context.Background(), img, ocr.Pass{}); err != nil {
					t.Fatal(err)
				}
			}
			if eng.first != tt.first || eng.total != tt.tot {
				t.Errorf("first %v, total %v; want %v, %v", eng.first, eng.total, tt.first, tt.tot)
			}
		})
	}
}

func TestReportVsTesseract(t *testing.T) {
	cards := []*evalCard{
		{Path: "dev/photos/a.jpg", Size: "3120x3120", Seconds: 1.2, TesseractSeconds: 1.0, EngineSeconds: 0.9, FirstReadSeconds: 0.5},
		{Path: "dev/scans/b.jpg", Size: "1000x600", Seconds: 0.4, TesseractSeconds: 0.5, EngineSeconds: 0.3, FirstReadSeconds: 0.3},
		{Path: "dev/photos/c.jpg", Size: "3120x3120", Seconds: 1.0, TesseractSeconds: 1.0, EngineSeconds: 0.7, FirstReadSeconds: 0.7},
		{Path: "dev/scans/d.jpg", Size: "1112x672", Seconds: 0.6, TesseractSeconds: 0.5, EngineSeconds: 0.5, FirstReadSeconds: 0.3},
		{Path: "dev/scans/e.jpg", Size: "950x560", Seconds: 0.5, TesseractSeconds: 0.5, EngineSeconds: 0.4, FirstReadSeconds: 0.2},
		{Path: "dev/scans/f.jpg", Seconds: 0.1, TesseractSeconds: 0.1}, // could not be opened: no size
		{Path: "dev/broken/g.jpg", Seconds: 0.1, TesseractSeconds: 0.1},
	}
	var out bytes.Buffer
	reportVsTesseract(&out, cards)
	rows := map[string][]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(l); len(f) == 8 && f[0] != "folder" {
			rows[f[0]] = f[1:]
		}
	}
	tests := []struct {
		folder string
		want   []string // cards, image size, app s/card, tesseract s/card, ratio, engine, first
	}{
		{"photos", []string{"2", "3120x3120", "1.10", "1.00", "1.10", "0.80", "0.60"}},
		{"scans", []string{"4", "950x560-1112x672", "0.40", "0.40", "1.00", "0.75", "0.50"}},
		{"broken", []string{"1", "?", "0.10", "0.10", "1.00", "0.00", "0.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.folder, func(t *testing.T) {
			if got := rows[tt.folder]; strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("row %v, want %v\n%s", got, tt.want, out.String())
			}
		})
	}
}

// TestRun scores a folder of one labelled card and one unlabelled image,
// read by a fake engine.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	blank := image.NewGray(image.Rect(0, 0, 1000, 600))
	for i := range blank.Pix {
		blank.Pix[i] = 255
	}
	for _, name := range []string{"card.png", "unlabelled.png"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, blank); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	vcf := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nN:Doe;Jane;;;\r\nEMAIL:jane@acmewidgets.com\r\nEND:VCARD\r\n"
	if err := os.WriteFile(filepath.Join(dir, "card.vcf"), []byte(vcf), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{filepath.Join(dir, "card.png"), filepath.Join(dir, "unlabelled.png")}
	tests := []struct {
		name  string
		lines []string
		want  []string // in the report
	}{
		{"all right", []string{"Jane Doe", "jane@acmewidgets.com"},
			[]string{"cards with every field right: 100% of 1", "email        1.000     1.000     1.000"}},
		{"email missed", []string{"Jane Doe"},
			[]string{"XX email", "cards with every field right: 0% of 1", "email        0.000     0.000     0.000      0      1      0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			jsonPath := filepath.Join(t.TempDir(), "eval.json")
			opts := Options{
				NewEngine: func([]string) (ocr.Engine, error) { return &fakeEngine{lines: tt.lines}, nil },
				Workers:   1, JSON: jsonPath,
			}
			if err := Run(context.Background(), &out, paths, opts); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("report does not say %q:\n%s", w, out.String())
				}
			}
			data, err := os.ReadFile(jsonPath)
			if err != nil {
				t.Fatal(err)
			}
			var rep evalReport
			if err := json.Unmarshal(data, &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Cards) != 1 || rep.Cards[0].Path != paths[0] {
				t.Errorf("JSON report of %d cards, want card.png alone", len(rep.Cards))
			}
		})
	}
	t.Run("nothing labelled", func(t *testing.T) {
		opts := Options{NewEngine: func([]string) (ocr.Engine, error) { return &fakeEngine{}, nil }}
		if err := Run(context.Background(), io.Discard, paths[1:], opts); !errors.Is(err, ErrNoCards) {
			t.Errorf("Run = %v, want ErrNoCards", err)
		}
	})
}

// TestRunByFolderAndLanguage reads the same card in two folders, labelled
// with two languages, and checks that the report gives each folder and
// each language its own row and share of cards all right.
func TestRunByFolderAndLanguage(t *testing.T) {
	root := t.TempDir()
	blank := image.NewGray(image.Rect(0, 0, 1000, 600))
	for i := range blank.Pix {
		blank.Pix[i] = 255
	}
	cards := []struct{ folder, lang, email string }{
		{"scans", "en", "jane@acmewidgets.com"},
		{"photos", "vi", "jane@other.example"}, // read wrong: the engine reads acmewidgets
	}
	var paths []string
	for _, c := range cards {
		dir := filepath.Join(root, c.folder)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, "card.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, blank); err != nil {
			t.Fatal(err)
		}
		f.Close()
		vcf := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nN:Doe;Jane;;;\r\nEMAIL:" + c.email + "\r\nX-CARD-LANGUAGE:" + c.lang + "\r\nEND:VCARD\r\n"
		if err := os.WriteFile(filepath.Join(dir, "card.vcf"), []byte(vcf), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, "card.png"))
	}
	var out bytes.Buffer
	opts := Options{
		NewEngine: func([]string) (ocr.Engine, error) {
			return &fakeEngine{lines: []string{"Jane Doe", "jane@acmewidgets.com"}}, nil
		},
		Workers: 1,
	}
	if err := Run(context.Background(), &out, paths, opts); err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, l := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(l); len(f) == 4+len(ScoredFields) {
			rows[f[0]] = f[1:4]
		}
	}
	tests := []struct {
		group string
		want  []string // cards, macro F1, share all right
	}{
		{"scans", []string{"1", "0.286", "100%"}},
		{"photos", []string{"1", "0.143", "0%"}},
		{"en", []string{"1", "0.286", "100%"}},
		{"vi", []string{"1", "0.143", "0%"}},
	}
	for _, tt := range tests {
		t.Run(tt.group, func(t *testing.T) {
			if got := rows[tt.group]; strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("row %s = %v, want %v\n%s", tt.group, got, tt.want, out.String())
			}
		})
	}
}
