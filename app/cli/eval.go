package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"

	"followthrough/app"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
	"followthrough/ocr/eval"
)

// evalCommand measures reading accuracy on folders of labelled cards;
// package eval does the measuring. Invented cards to measure on are
// drawn by `go run ./bench/synthcards`, into a folder eval reads.
func (p *program) evalCommand() *command {
	return &command{
		Name:    "eval",
		Args:    "DIR...",
		Summary: "Measure reading accuracy on card images that have a same-name .vcf with the expected card (go run ./bench/synthcards -out DIR draws invented ones).",
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			workers := fs.Int("workers", runtime.NumCPU(), "read `N` cards at once")
			verbose := fs.Bool("v", false, "show every card's fields beside the expected ones, not only the wrong ones")
			jsonOut := fs.String("json", "", "also write the results, card by card, as JSON to `FILE`")
			vsTesseract := fs.Bool("vs-tesseract", false, "time each card against the tesseract command reading the same image, one card at a time, and report the ratio")
			langs := fs.String("lang", "", "Tesseract languages to read with, e.g. eng,jpn (default: the app's setting, or "+strings.Join(ocr.DefaultLanguages, ",")+")")
			return func(ctx context.Context, _ *sqlite.Store, args []string) error {
				if len(args) == 0 {
					fs.Usage()
					return errors.New("eval: no folder given")
				}
				paths, err := app.ImagePaths(args)
				if err != nil {
					return fmt.Errorf("eval: %w", err)
				}
				return eval.Run(ctx, p.stdout, paths, eval.Options{
					NewEngine: p.newEngine, Langs: ocr.ParseLanguages(*langs), Workers: *workers,
					Verbose: *verbose, JSON: *jsonOut, VsTesseract: *vsTesseract,
				})
			}
		},
	}
}
