package eval_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"followthrough/contacts/vcf"
	"followthrough/ocr"
	"followthrough/ocr/eval"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract"
)

// TestSamplesReadRight reads the app's own sample cards, the images it
// ships in assets/samples and offers a new user first, with Tesseract,
// and wants every field of each as printed (issue 21, B).
func TestSamplesReadRight(t *testing.T) {
	eng, err := tesseract.New("eng")
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "..", "..", "assets", "samples")
	for i, want := range render.SampleExpected() {
		name := fmt.Sprintf("sample-%d.png", i+1)
		t.Run(name, func(t *testing.T) {
			r, err := ocr.Read(context.Background(), eng, filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got := vcf.Card(r.Contact())
			for _, d := range eval.Wrong(want.VCard(), got, eval.ScoreCard(want.VCard(), got)) {
				t.Errorf("%s: want %q, read %q", d.Field, d.Expected, d.Read)
			}
			c := r.Contact()
			if c.Emails == nil || c.Emails[0] != want.Email {
				t.Errorf("emails %q, want %q", c.Emails, want.Email)
			}
			if c.Company != want.Company {
				t.Errorf("company %q, want %q", c.Company, want.Company)
			}
		})
	}
}
