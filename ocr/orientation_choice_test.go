package ocr

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/disintegration/imaging"
)

// unsureEngine reads a tall card whose text stands upright: confidently when
// it is read as it lies, middlingly when turned on its side (Tesseract
// reads sideways text with confidences of 70 to 80, in lines standing on
// end). Its orientation detection says the text is turned 90 degrees,
// with confidence conf.
type unsureEngine struct {
	conf float64
}

func (e *unsureEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{Deg: 90, Conf: e.conf, Script: "Latin", ScriptConf: 2}, true
}

func (e *unsureEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	b := img.Bounds()
	conf, box := 92.0, image.Rect(10, 10, 300, 40)
	if b.Dx() > b.Dy() {
		conf, box = 75, image.Rect(10, 10, 40, 300)
	}
	w := Word{Text: "someone@example.com", Box: box, Conf: conf}
	return []Line{{Text: w.Text, Box: w.Box, Conf: conf, Words: []Word{w}}}, nil
}

func (e *unsureEngine) Close() error { return nil }

// TestOrientationChosenByReading checks that a turn orientation detection
// is unsure of is weighed against a read of the card as it lies, and the
// more confident reading kept, while a sure one is taken as it is.
func TestOrientationChosenByReading(t *testing.T) {
	tall := imaging.New(600, 1000, color.White)
	tests := []struct {
		conf  float64
		want  int // degrees turned
		reads int
	}{
		{conf: 2, want: 0, reads: 2},   // unsure: both ways read, as it lies wins
		{conf: 3.3, want: 0, reads: 2}, // still under sureTurn
		{conf: 8, want: 270, reads: 1}, // sure: turned, and read once
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("confidence %v", tt.conf), func(t *testing.T) {
			e := &unsureEngine{conf: tt.conf}
			r, err := ReadImage(context.Background(), e, tall)
			if err != nil {
				t.Fatal(err)
			}
			if r.Rotated != tt.want {
				t.Errorf("turned %d, want %d", r.Rotated, tt.want)
			}
			if r.Passes != tt.reads {
				t.Errorf("read %d times, want %d", r.Passes, tt.reads)
			}
		})
	}
}

// uprightEngine reads a tall card whose text stands upright, as it lies
// with confidence upright and turned on its side with confidence
// sideways. Its orientation detection says the text is upright, with
// confidence conf.
type uprightEngine struct {
	conf, upright, sideways float64
}

func (e *uprightEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{Deg: 0, Conf: e.conf, Script: "Latin", ScriptConf: 2}, true
}

func (e *uprightEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	b := img.Bounds()
	conf := e.upright
	if b.Dx() > b.Dy() {
		conf = e.sideways
	}
	w := Word{Text: "someone@example.com", Box: image.Rect(10, 10, 300, 40), Conf: conf}
	return []Line{{Text: w.Text, Box: w.Box, Conf: conf, Words: []Word{w}}}, nil
}

func (e *uprightEngine) Close() error { return nil }

// TestSureUprightKept checks that a tall card read weakly as it lies,
// which orientation detection is sure stands upright, is not turned on
// its side for a reading only a little more confident (Tesseract reads
// a line lying on its side too, about as confidently), but is when the
// reading on its side is clearly better, or detection was unsure.
func TestSureUprightKept(t *testing.T) {
	tall := imaging.New(600, 1000, color.White)
	tests := []struct {
		name              string
		conf              float64
		upright, sideways float64
		want              int // degrees turned
	}{
		{"sure, a little better on its side", 5.8, 65, 73, 0},
		{"sure, clearly better on its side", 5.8, 50, 85, 90},
		{"unsure, a little better on its side", 3, 65, 73, 90},
		{"sure, better upright", 8, 65, 60, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &uprightEngine{conf: tt.conf, upright: tt.upright, sideways: tt.sideways}
			r, err := ReadImage(context.Background(), e, tall)
			if err != nil {
				t.Fatal(err)
			}
			if r.Rotated != tt.want {
				t.Errorf("turned %d, want %d", r.Rotated, tt.want)
			}
		})
	}
}

// sidewaysEngine reads a tall card, as Tesseract reads a phone photo of one:
// as it lies (tall) with confidence tall, turned on its side (wide) with
// confidence wide; the lines of each reading stand on end (Tesseract's
// layout analysis reads lines lying on their side too) where tallOnEnd
// or wideOnEnd says, and lie across otherwise. Its orientation detection
// says the text is turned deg degrees, unsure (confidence conf), and sees
// script. It counts its reads of the card each way.
type sidewaysEngine struct {
	tall, wide           float64
	tallOnEnd, wideOnEnd bool
	deg                  int
	conf                 float64
	script               string
	scriptConf           float64
	tallReads, wideReads int
}

func (e *sidewaysEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{Deg: e.deg, Conf: e.conf, Script: e.script, ScriptConf: e.scriptConf}, true
}

func (e *sidewaysEngine) Recognize(_ context.Context, img image.Image, _ Pass) ([]Line, error) {
	b := img.Bounds()
	if b.Dx() < 400 {
		return nil, nil // a line read again
	}
	conf, onEnd := e.wide, e.wideOnEnd
	if b.Dy() > b.Dx() {
		conf, onEnd = e.tall, e.tallOnEnd
		e.tallReads++
	} else {
		e.wideReads++
	}
	var lines []Line
	for i, text := range []string{"Jane Example", "Chief Gardener", "jane@example.com"} {
		box := image.Rect(40, 40+60*i, 440, 80+60*i)
		if onEnd {
			box = image.Rect(40+60*i, 40, 80+60*i, 440)
		}
		w := Word{Text: text, Box: box, Conf: conf}
		lines = append(lines, Line{Text: text, Box: box, Conf: conf, Words: []Word{w}})
	}
	return lines, nil
}

func (e *sidewaysEngine) Close() error { return nil }

// TestReadOnEndLoses checks that a card read turned with its lines
// standing on end does not win over its reading across for being a
// little more confident, while it still wins by much, and the
// readings' confidence still decides between two readings across, and
// on a card detection leans to see in Japanese, whose columns stand on
// end.
func TestReadOnEndLoses(t *testing.T) {
	tall := imaging.New(600, 1000, color.White)
	tests := []struct {
		name              string
		upright, sideways float64
		onEnd             bool
		script            string
		scriptConf        float64
		want              int // degrees turned
	}{
		{"on end, a little more confident", 63, 65, true, "Latin", 0.8, 0},
		{"on end, no script seen", 63, 65, true, "", 0, 0},
		{"on end, far more confident", 62, 80, true, "Latin", 0.8, 90},
		{"across both ways", 63, 65, false, "Latin", 0.8, 90},
		{"on end, Japanese leaned to", 63, 65, true, "Japanese", 0.1, 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A card standing upright, which detection is unsure of.
			e := &sidewaysEngine{tall: tt.upright, wide: tt.sideways, wideOnEnd: tt.onEnd, conf: 0.7, script: tt.script, scriptConf: tt.scriptConf}
			r, err := ReadImage(context.Background(), e, tall)
			if err != nil {
				t.Fatal(err)
			}
			if r.Rotated != tt.want {
				t.Errorf("turned %d, want %d", r.Rotated, tt.want)
			}
		})
	}
}

func TestOnEnd(t *testing.T) {
	across := func(text string) Line { return Line{Text: text, Box: image.Rect(0, 0, 300, 30)} }
	standing := func(text string) Line { return Line{Text: text, Box: image.Rect(0, 0, 30, 300)} }
	tests := []struct {
		name  string
		lines []Line
		want  float64
	}{
		{"none", nil, 0},
		{"across", []Line{across("Jane Example"), across("Gardener")}, 0},
		{"on end", []Line{standing("Jane Example"), standing("Gardener")}, 1},
		{"by letters", []Line{standing("Jane Example"), across("Gardener")}, 11.0 / 19},
		{"a speck or two letters not counted", []Line{across("Jane Example"), standing("ab"), standing("|")}, 0},
		{"kanji columns not counted", []Line{across("Jane Example"), standing("山田太郎")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := onEnd(tt.lines); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("onEnd = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestUnsureTurnReadAcross checks that a tall card turned as orientation
// detection said, unsure, is not read again as it lies when the turned
// reading read its Latin letters across, confidently: read as it lies,
// its lines would stand on end and lose (see readOnEnd). A poor reading
// across, or a card detection saw in another script, is still read both
// ways.
func TestUnsureTurnReadAcross(t *testing.T) {
	tall := imaging.New(600, 1000, color.White)
	tests := []struct {
		name             string
		across, asItLies float64
		script           string
		scriptConf       float64
		wantTall         int // reads of the card as it lies
		wantTurned       int
	}{
		{"across and confident", 76, 76, "Latin", 2.5, 0, 90},
		{"across, no script seen", 80, 70, "", 0, 0, 90},
		{"across but poor", 62, 50, "Latin", 2.5, 1, 90},
		{"Japanese leaned to", 76, 76, "Japanese", 0.3, 1, 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A card lying on its side, which detection says, unsure.
			e := &sidewaysEngine{tall: tt.asItLies, wide: tt.across, tallOnEnd: true, deg: 270, conf: 3.3, script: tt.script, scriptConf: tt.scriptConf}
			r, err := ReadImage(context.Background(), e, tall)
			if err != nil {
				t.Fatal(err)
			}
			if e.tallReads != tt.wantTall {
				t.Errorf("read as it lies %d times, want %d", e.tallReads, tt.wantTall)
			}
			if r.Rotated != tt.wantTurned {
				t.Errorf("turned %d, want %d", r.Rotated, tt.wantTurned)
			}
		})
	}
}
