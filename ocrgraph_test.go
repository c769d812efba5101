package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// goList runs go list with args and returns its output's lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", strings.Join(args, " "), err)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestOCRPackageGraph checks which way the ocr packages import: the
// pipeline knows no engine, no scoring and no card generator; Tesseract,
// and cgo, stay in ocr/tesseract; and the shipped binary does not link
// the generator of invented cards and its fonts.
func TestOCRPackageGraph(t *testing.T) {
	const tags = "migrated_fynedo,sqlite_fts5" // as the binary is built
	for _, line := range goList(t, "-tags", tags, "-f", "{{.ImportPath}} {{len .CgoFiles}} {{join .Imports \" \"}}", "./...") {
		f := strings.Fields(line)
		pkg, cgo, imports := f[0], f[1] != "0", f[2:]
		if slices.Contains(imports, "github.com/otiai10/gosseract/v2") && pkg != "followthrough/ocr/tesseract" {
			t.Errorf("%s imports gosseract: only followthrough/ocr/tesseract may", pkg)
		}
		if cgo && pkg != "followthrough/ocr/tesseract" {
			t.Errorf("%s uses cgo: only followthrough/ocr/tesseract may", pkg)
		}
	}
	deps := goList(t, "-tags", tags, "-deps", "./ocr")
	for _, p := range []string{"followthrough/ocr/tesseract", "followthrough/ocr/eval", "followthrough/ocr/render", "github.com/otiai10/gosseract/v2"} {
		if slices.Contains(deps, p) {
			t.Errorf("followthrough/ocr depends on %s", p)
		}
	}
	if slices.Contains(goList(t, "-tags", tags, "-deps", "."), "followthrough/ocr/render") {
		t.Error("the binary links followthrough/ocr/render, the card generator: only tests and bench/ may")
	}
}
