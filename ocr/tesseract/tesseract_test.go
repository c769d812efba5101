package tesseract

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"followthrough/ocr/tesseract/tesstest"
)

func TestLanguagesFor(t *testing.T) {
	tests := []struct {
		langs  []string
		script string
		want   string
	}{
		{[]string{"eng", "jpn"}, "Latin", "eng"},
		{[]string{"eng", "jpn"}, "Japanese", "jpn+eng"},
		{[]string{"eng", "jpn"}, "Han", "jpn+eng"},
		{[]string{"eng", "jpn"}, "", "eng"},         // unsure: Latin
		{[]string{"eng", "jpn"}, "Cyrillic", "eng"}, // none writes it: Latin
		{[]string{"eng", "por", "vie"}, "Latin", "eng+por+vie"},
		{[]string{"jpn"}, "Latin", "jpn"}, // nothing Latin chosen: what there is
	}
	for _, tt := range tests {
		eng := &Engine{langs: tt.langs}
		if got := strings.Join(eng.languagesFor(tt.script), "+"); got != tt.want {
			t.Errorf("%v reading %q: %s, want %s", tt.langs, tt.script, got, tt.want)
		}
	}
}

func TestWorthScript(t *testing.T) {
	jpn := []string{"jpn", "eng"}
	tests := []struct {
		q     float64
		langs []string
		lean  string
		want  bool
	}{
		{50, jpn, "", true},          // weak: any other script is tried
		{69, jpn, "", false},         // middling, no lean: Latin stands
		{69, jpn, "Japanese", true},  // middling, leaning to it: tried
		{69, jpn, "Han", true},       // Japanese is written in Han too
		{69, jpn, "Cyrillic", false}, // leaning to another
		{80, jpn, "Japanese", false}, // good: Latin stands
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v_%s", tt.q, tt.lean), func(t *testing.T) {
			if got := worthScript(tt.q, tt.langs, tt.lean); got != tt.want {
				t.Errorf("worthScript(%v, %v, %q) = %v, want %v", tt.q, tt.langs, tt.lean, got, tt.want)
			}
		})
	}
}

// TestSetupLanguages checks that Tesseract has the data of every language
// ./setup.sh installs (tesseract-ocr-eng, -osd, -jpn and the others):
// under make test a missing one fails here, where the tests that read
// with one language alone would not notice it.
func TestSetupLanguages(t *testing.T) {
	script, err := os.ReadFile("../../setup.sh")
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	// Debian's package tesseract-ocr-chi-sim holds the data chi_sim, and
	// tesseract-ocr-script-latn the model of the Latin script, Latin.
	scripts := map[string]string{"script_latn": "Latin"}
	for _, m := range regexp.MustCompile(`\btesseract-ocr-([a-z]+(?:-[a-z]+)?)\b`).FindAllStringSubmatch(string(script), -1) {
		lang := strings.ReplaceAll(m[1], "-", "_")
		if s, ok := scripts[lang]; ok {
			lang = s
		}
		if !slices.Contains(langs, lang) {
			langs = append(langs, lang)
		}
	}
	if !slices.Contains(langs, "eng") || !slices.Contains(langs, "osd") || len(langs) < 3 {
		t.Fatalf("setup.sh installs the Tesseract data for %v: want eng, osd and the card languages", langs)
	}
	tesstest.Languages(t, Installed, langs...)
}
