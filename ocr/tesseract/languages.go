package tesseract

import (
	"slices"
	"sync"

	"github.com/otiai10/gosseract/v2"
)

// ScriptsOf returns the scripts, as Tesseract's orientation and script
// detection names them, that a Tesseract language writes.
func ScriptsOf(lang string) []string {
	switch lang {
	case "jpn", "jpn_vert":
		return []string{"Japanese", "Han", "Hiragana", "Katakana"}
	case "chi_sim", "chi_tra":
		return []string{"Han"}
	case "kor":
		return []string{"Hangul", "Korean"}
	case "rus", "ukr", "bul", "srp":
		return []string{"Cyrillic"}
	case "ell":
		return []string{"Greek"}
	case "ara", "fas":
		return []string{"Arabic"}
	case "heb":
		return []string{"Hebrew"}
	case "tha":
		return []string{"Thai"}
	case "hin", "mar":
		return []string{"Devanagari"}
	case "osd":
		return nil
	}
	return []string{"Latin"}
}

// systemModels are the languages of the system's model folder.
var systemModels = sync.OnceValue(func() []string {
	langs, _ := gosseract.GetAvailableLanguages()
	return langs
})

var installed = sync.OnceValue(func() []string {
	langs := slices.Clone(systemModels())
	for _, l := range modelsIn(modelDir()) {
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return langs
})

// Installed says whether Tesseract's data for lang is installed, in the
// system's folder or the app's own.
func Installed(lang string) bool { return slices.Contains(installed(), lang) }
