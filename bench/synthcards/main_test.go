package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/emersion/go-vcard"
)

// TestWrite draws three cards and checks each is an image with a .vcf
// beside it that names someone, as eval reads them.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, 7, 3); err != nil {
		t.Fatal(err)
	}
	pngs, err := filepath.Glob(filepath.Join(dir, "*.png"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pngs) != 3 {
		t.Fatalf("%d images written, want 3", len(pngs))
	}
	for _, p := range pngs {
		t.Run(filepath.Base(p), func(t *testing.T) {
			if _, err := imaging.Open(p); err != nil {
				t.Error(err)
			}
			f, err := os.Open(strings.TrimSuffix(p, ".png") + ".vcf")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			c, err := vcard.NewDecoder(f).Decode()
			if err != nil {
				t.Fatal(err)
			}
			if c.PreferredValue(vcard.FieldFormattedName) == "" {
				t.Error("the expected card names nobody")
			}
		})
	}
}
