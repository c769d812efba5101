package cli

import (
	"bytes"
	"context"
	"image"
	"strings"
	"testing"
	"time"

	"followthrough/app/internal/apptest"
	"followthrough/ocr"
)

// clockEngine moves a clock on by the next of its steps at each call.
type clockEngine struct {
	apptest.FakeEngine
	clock *time.Time
	steps []time.Duration
}

func (c *clockEngine) step() {
	*c.clock = c.clock.Add(c.steps[0])
	c.steps = c.steps[1:]
}

func (c *clockEngine) Orientation(ctx context.Context, img image.Image) (ocr.Orientation, bool) {
	c.step()
	return c.FakeEngine.Orientation(ctx, img)
}

func (c *clockEngine) Recognize(ctx context.Context, img image.Image, p ocr.Pass) ([]ocr.Line, error) {
	c.step()
	return c.FakeEngine.Recognize(ctx, img, p)
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
