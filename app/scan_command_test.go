package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/contacts/vcf"
	"followthrough/ocr"
	"followthrough/ocr/render"
)

func TestScanCommand(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeImage(t, in, "first.png")
	writeImage(t, in, "second.jpg.png")
	os.WriteFile(filepath.Join(in, "broken.png"), []byte("\x89PNG\r\n\x1a\n broken"), 0o644)
	sub := filepath.Join(in, "more")
	os.Mkdir(sub, 0o755)
	writeImage(t, sub, "first.png") // same name in a subfolder

	tests := []struct {
		name      string
		save      bool
		merge     bool
		wantSaved int
		wantOut   string
	}{
		{"vcards only", false, false, 0, "ok   "},
		// The three cards are of the same person: the first is saved, the
		// others are not, or are merged into it.
		{"and save", true, false, 1, "as Jane Q. Doe (#1); --merge merges it"},
		{"and merge", true, true, 1, "merged into #1 (same email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := openStore(t)
			var stdout bytes.Buffer
			s := scanRun{store: store, out: out, event: "Spring Expo", save: tt.save, merge: tt.merge, w: &stdout,
				newEngine: func([]string) (ocr.Engine, error) { return &fakeEngine{lines: janeCard}, nil }}
			err := s.run(context.Background(), []string{in}, 2)
			if err == nil || !strings.Contains(err.Error(), "1 of 4 cards") {
				t.Errorf("error = %v, want one of four failed", err)
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("output lacks %q:\n%s", tt.wantOut, stdout.String())
			}
			broken := filepath.Join(in, "broken.png")
			if !strings.Contains(stdout.String(), "FAIL "+broken+": ") {
				t.Errorf("output does not name the broken file:\n%s", stdout.String())
			}
			if n := strings.Count(stdout.String(), broken); n != 1 {
				t.Errorf("output names the broken file %d times, want once:\n%s", n, stdout.String())
			}
			for _, name := range []string{"first.vcf", "first-2.vcf", "second.jpg.vcf"} {
				f, err := os.Open(filepath.Join(out, name))
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				cs, err := vcf.Read(f)
				f.Close()
				if err != nil || len(cs) != 1 || cs[0].FullName != "Jane Q. Doe" || cs[0].Event != "Spring Expo" {
					t.Errorf("%s: %+v, %v", name, cs, err)
				}
			}
			n, err := store.Count(context.Background())
			if err != nil || n != tt.wantSaved {
				t.Errorf("store holds %d contacts (%v), want %d", n, err, tt.wantSaved)
			}
		})
	}
}

// TestScanCommandTesseract reads a rendered card with the real engine, end
// to end, into a vCard file.
func TestScanCommandTesseract(t *testing.T) {
	eng, err := NewEngine(ocr.DefaultLanguages)
	if err != nil {
		t.Skipf("tesseract: %v", err)
	}
	eng.Close()
	in, out := t.TempDir(), t.TempDir()
	if err := imaging.Save(render.Draw(render.Samples()[0], 1200), filepath.Join(in, "card.png")); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	s := scanRun{store: openStore(t), out: out, save: true, w: &stdout, newEngine: NewEngine}
	if err := s.run(context.Background(), []string{in}, 1); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "card.vcf"))
	if err != nil {
		t.Fatal(err)
	}
	want := render.SampleExpected()[0]
	for _, s := range []string{"VERSION:3.0", "FN:" + want.Name, "EMAIL;TYPE=internet:" + want.Email} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("card.vcf lacks %q:\n%s", s, data)
		}
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Errorf("card.vcf lines do not end in CRLF")
	}
}
