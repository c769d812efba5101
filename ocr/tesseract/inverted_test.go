package tesseract

import (
	"context"
	"image/color"
	"strings"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract/tesstest"
)

// TestDarkOnLight reads a card printed light on black, the same client
// in turn with and without ocr.Pass.DarkOnLight: Tesseract reads its
// print only when it looks at unsure lines again inverted, as it does
// unless told the print is dark on light, and a read told so leaves the
// next read of the client as it was.
func TestDarkOnLight(t *testing.T) {
	tesstest.Languages(t, Installed, "eng")
	card := render.Draw(render.Card{
		Lines:      []render.Line{{Text: "Rowanoak Freight", Size: 16, Bold: true}, {Text: "Kestrel Harbour Road"}},
		Background: color.Black,
		Ink:        color.White,
	}, 1050)
	e, err := New("eng")
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, tt := range []struct {
		darkOnLight bool
		read        bool
	}{{false, true}, {true, false}, {false, true}} {
		lines, err := e.Recognize(context.Background(), card, ocr.Pass{Mode: ocr.ModeAuto, Script: "Latin", DarkOnLight: tt.darkOnLight})
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, l := range lines {
			text = append(text, l.Text)
		}
		got := strings.Contains(strings.Join(text, " | "), "Rowanoak Freight")
		if got != tt.read {
			t.Errorf("DarkOnLight %v: read %q; want the firm's name read: %v", tt.darkOnLight, text, tt.read)
		}
	}
}
