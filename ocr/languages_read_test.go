package ocr_test

import (
	"context"
	"strings"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
)

// TestReadCalledForLanguage reads invented cards whose country code calls
// for a language of their own, with an engine started in English alone:
// their lines must keep the marks English does not have.
func TestReadCalledForLanguage(t *testing.T) {
	tests := []struct {
		lang  string
		title string // a line with letters English has not
		lines []string
	}{
		{"tur", "Satış Müdürü", []string{"Ayşe Doğan", "Satış Müdürü", "+90 212 555 01 02", "ayse@ornekfirma.com.tr"}},
		{"ces", "Obchodní ředitel", []string{"Jiří Dvořák", "Obchodní ředitel", "+420 601 555 123", "jiri@priklad.cz"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if !tesseract.Installed(tt.lang) {
				t.Fatalf("the %s data is not installed: setup.sh installs it", tt.lang)
			}
			eng := engine(t)
			var card render.Card
			for i, l := range tt.lines {
				card.Lines = append(card.Lines, render.Line{Text: l, Bold: i == 0, Size: map[bool]float64{true: 14, false: 0}[i == 0]})
			}
			r, err := ocr.ReadImage(context.Background(), eng, render.Draw(card, 1200))
			if err != nil {
				t.Fatal(err)
			}
			var text []string
			for _, l := range r.Lines {
				text = append(text, l.Text)
			}
			if all := strings.Join(text, "\n"); !strings.Contains(all, tt.title) {
				t.Errorf("read %q, want %q among the lines", all, tt.title)
			}
		})
	}
}
