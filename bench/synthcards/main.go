// Command synthcards draws invented business cards for measuring reading
// accuracy on cards no rule was tuned to: N cards of varied layouts from
// SEED on (see ocr/render's SyntheticSet), each written to DIR as a PNG
// with a same-name .vcf of what it says, as the eval command reads them.
//
//	go run ./bench/synthcards -out /tmp/synth -seed 5000 -n 52
//	followthrough eval /tmp/synth
//
// It lives under bench/ so that the app users install does not carry the
// generator and its fonts.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/disintegration/imaging"
	"github.com/emersion/go-vcard"

	"followthrough/ocr/render"
)

func main() {
	out := flag.String("out", "", "write the cards and their .vcf files to `DIR`")
	seed := flag.Int64("seed", 1, "the first invented card")
	n := flag.Int("n", 4*len(render.Styles), "how many cards to draw")
	flag.Parse()
	if *out == "" || *n <= 0 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*out, *seed, *n); err != nil {
		fmt.Fprintln(os.Stderr, "synthcards:", err)
		os.Exit(1)
	}
}

// write writes n invented cards, from seed on, to dir: each as a PNG with
// a same-name .vcf of what it says.
func write(dir string, seed int64, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, s := range render.SyntheticSet(seed, n) {
		if err := imaging.Save(s.Image(), filepath.Join(dir, s.Name+".png")); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(dir, s.Name+".vcf"))
		if err != nil {
			return err
		}
		err = vcard.NewEncoder(f).Encode(s.Want.VCard())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
