package tesseract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// ModelsEnv names the environment variable that points the app at a folder
// of Tesseract models to read with before any other; "system" there makes
// it read with the system's models only, as for measuring them.
const ModelsEnv = "FOLLOWTHROUGH_TESSDATA"

// The app reads with Tesseract's "tessdata" models (integer LSTM and the
// legacy engine) where setup.sh or the package put them, since they read
// cards better than the small "fast" models Debian packs (see
// BENCHMARKS.md, "Recognition models"). A language missing from that
// folder is read with the system's model: Debian's are the fallback.

// modelDirs are the folders the app looks for its own models in, first
// first: the one ModelsEnv names, the one beside the binary that make
// package bundles (../share/followthrough/tessdata), and the one setup.sh
// fills in the user's data folder.
func modelDirs() []string {
	if v := os.Getenv(ModelsEnv); v != "" {
		if v == "system" {
			return nil
		}
		return []string{v}
	}
	var dirs []string
	if exe, err := os.Executable(); err == nil {
		if exe, err := filepath.EvalSymlinks(exe); err == nil {
			dirs = append(dirs, filepath.Join(filepath.Dir(exe), "..", "share", "followthrough", "tessdata"))
		}
	}
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" {
		if home, err := os.UserHomeDir(); err == nil {
			data = filepath.Join(home, ".local", "share")
		}
	}
	if data != "" {
		dirs = append(dirs, filepath.Join(data, "followthrough", "tessdata"))
	}
	return dirs
}

// modelDir is the first of modelDirs that holds a model, or "".
var modelDir = sync.OnceValue(func() string {
	for _, d := range modelDirs() {
		if len(modelsIn(d)) > 0 {
			return d
		}
	}
	return ""
})

// modelsIn lists the languages that folder dir holds a model of.
func modelsIn(dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.traineddata"))
	out := make([]string, 0, len(files))
	for _, f := range files {
		out = append(out, strings.TrimSuffix(filepath.Base(f), ".traineddata"))
	}
	return out
}

// prefixFor is the folder to read langs from: the app's own model folder
// when it holds every one of them, or "" for the system's models. Models
// of one reading come from one folder, as Tesseract loads them.
func prefixFor(dir string, langs ...string) string {
	if dir == "" {
		return ""
	}
	have := modelsIn(dir)
	for _, l := range langs {
		if !slices.Contains(have, l) {
			return ""
		}
	}
	return dir
}

// ModelDir is the folder of the app's own models it reads with, or ""
// when it reads with the system's alone.
func ModelDir() string { return modelDir() }

// mixedLatin says whether langs mix English with another language in
// Latin letters, all of them in the system's folder (system): such a
// reading is made with the system's models alone. The app's English
// model, surer of itself than the other language's, outvoted it word by
// word and took the marks off a Spanish name on a dev card ("Ibáñez" read
// "Ibanez"), which the system's models, read together, keep.
func mixedLatin(langs, system []string) bool {
	other := false
	for _, l := range langs {
		if !slices.Contains(system, l) {
			return false
		}
		other = other || l != "eng" && slices.Contains(ScriptsOf(l), "Latin")
	}
	return other && slices.Contains(langs, "eng")
}
