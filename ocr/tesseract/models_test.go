package tesseract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestPrefixFor(t *testing.T) {
	dir := t.TempDir()
	for _, l := range []string{"eng", "osd"} {
		if err := os.WriteFile(filepath.Join(dir, l+".traineddata"), []byte("model"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		dir   string
		langs []string
		want  string
	}{
		{dir, []string{"eng"}, dir},
		{dir, []string{"osd"}, dir},
		{dir, []string{"eng", "tur"}, ""}, // one missing: all from the system's
		{"", []string{"eng"}, ""},         // no folder of the app's own
	}
	for _, tt := range tests {
		if got := prefixFor(tt.dir, tt.langs...); got != tt.want {
			t.Errorf("prefixFor(%q, %v) = %q, want %q", tt.dir, tt.langs, got, tt.want)
		}
	}
}

func TestMixedLatin(t *testing.T) {
	system := []string{"eng", "spa", "hrv", "jpn", "osd"}
	tests := []struct {
		langs []string
		want  bool
	}{
		{[]string{"eng"}, false},
		{[]string{"spa", "eng"}, true},
		{[]string{"hrv", "spa", "eng"}, true},
		{[]string{"spa"}, false},        // no English to outvote it
		{[]string{"jpn", "eng"}, false}, // Japanese: not Latin letters
		{[]string{"tur", "eng"}, false}, // not in the system's folder: the app's
		{[]string{"jpn", "spa"}, false}, // no English
	}
	for _, tt := range tests {
		if got := mixedLatin(tt.langs, system); got != tt.want {
			t.Errorf("mixedLatin(%v) = %v, want %v", tt.langs, got, tt.want)
		}
	}
}

func TestModelDirs(t *testing.T) {
	t.Run("named", func(t *testing.T) {
		t.Setenv(ModelsEnv, "/opt/models")
		if got := modelDirs(); !slices.Equal(got, []string{"/opt/models"}) {
			t.Errorf("modelDirs() = %v", got)
		}
	})
	t.Run("system only", func(t *testing.T) {
		t.Setenv(ModelsEnv, "system")
		if got := modelDirs(); len(got) != 0 {
			t.Errorf("modelDirs() = %v, want none", got)
		}
	})
	t.Run("beside the binary, then the data folder", func(t *testing.T) {
		t.Setenv(ModelsEnv, "")
		t.Setenv("XDG_DATA_HOME", "/home/someone/data")
		got := modelDirs()
		if len(got) != 2 || filepath.Base(filepath.Dir(filepath.Dir(got[0]))) != "share" ||
			got[1] != "/home/someone/data/followthrough/tessdata" {
			t.Errorf("modelDirs() = %v", got)
		}
	})
}

// TestWithCalledFor checks which of the languages a card calls for are
// added to those of its script, and where.
func TestWithCalledFor(t *testing.T) {
	for _, l := range []string{"tur", "chi_sim", "jpn_vert"} {
		if !Installed(l) {
			t.Fatalf("the %s data is not installed: setup.sh installs it", l)
		}
	}
	tests := []struct {
		langs, called []string
		script        string
		want          []string
	}{
		{[]string{"eng"}, nil, "Latin", []string{"eng"}},
		{[]string{"eng"}, []string{"tur"}, "Latin", []string{"tur", "eng"}},
		{[]string{"eng"}, []string{"tur", "ita"}, "", []string{"tur", "ita", "eng"}},
		{[]string{"eng"}, []string{"chi_sim"}, "Latin", []string{"eng"}}, // not the card's script
		{[]string{"jpn", "eng"}, []string{"chi_sim"}, "Han", []string{"chi_sim", "jpn", "eng"}},
		{[]string{"jpn", "eng"}, []string{"jpn_vert"}, "Japanese", []string{"jpn_vert", "jpn", "eng"}},
		{[]string{"eng"}, []string{"xyz"}, "Latin", []string{"eng"}}, // not installed
	}
	for _, tt := range tests {
		if got := withCalledFor(tt.langs, tt.called, tt.script); !slices.Equal(got, tt.want) {
			t.Errorf("withCalledFor(%v, %v, %q) = %v, want %v", tt.langs, tt.called, tt.script, got, tt.want)
		}
	}
}
