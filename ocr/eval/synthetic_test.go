package eval_test

import (
	"context"
	"testing"

	"followthrough/contacts/vcf"
	"followthrough/ocr"
	"followthrough/ocr/eval"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
)

// syntheticFloor is the macro F1 that reading the invented cards of
// TestSyntheticFloor must reach. It sits a little under what the reader
// scores, so that a change that makes reading worse fails here. The set
// was rebuilt for issue 23 from lists kept apart from the classifier's,
// with slogans, services, logos, capitals, icons, QR codes, light tables
// and cards in German, French, Spanish and Portuguese: the reader that
// scored 1.000 on the old set scored 0.776 on it, and 0.876 (2026-12-06)
// once it read titles by their place and refused slogans and services.
const syntheticFloor = 0.85

// styleFloor is the least macro F1 for the two cards of each style.
const styleFloor = 0.7

// TestSyntheticFloor reads two rounds of invented cards, one of each style
// (two columns, a logo band, dark, coloured, small, turned, skewed, a
// photo in perspective and others), and scores them with the evaluation's
// rules: cards no rule was tuned to.
func TestSyntheticFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("reads many cards")
	}
	eng, err := tesseract.New("eng")
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	total := eval.Score{}
	styles := map[string]eval.Score{}
	for _, s := range render.SyntheticSet(1000, 2*len(render.Styles)) {
		r, err := ocr.ReadImage(context.Background(), eng, s.Image())
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		got := vcf.Card(r.Contact())
		sc := eval.ScoreCard(s.Want.VCard(), got)
		total.Add(sc)
		if styles[s.Style] == nil {
			styles[s.Style] = eval.Score{}
		}
		styles[s.Style].Add(sc)
		for _, d := range eval.Wrong(s.Want.VCard(), got, sc) {
			t.Logf("%s: %s: want %q, read %q", s.Name, d.Field, d.Expected, d.Read)
		}
	}
	// Each style reads on its own too: dark cards, two columns, turned,
	// small print, a photo in perspective...
	for _, st := range render.Styles {
		f1 := styles[st].MacroF1()
		t.Logf("%-14s macro F1 %.3f", st, f1)
		if f1 < styleFloor {
			t.Errorf("%s cards: macro F1 %.3f, want at least %.2f", st, f1, styleFloor)
		}
	}
	for _, f := range eval.ScoredFields {
		t.Logf("%-8s F1 %.3f", f, total[f].F1())
	}
	if f1 := total.MacroF1(); f1 < syntheticFloor {
		t.Errorf("macro F1 on the invented cards = %.3f, want at least %.2f", f1, syntheticFloor)
	} else {
		t.Logf("macro F1 on the invented cards = %.3f (floor %.2f)", f1, syntheticFloor)
	}
}
