package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/emersion/go-vcard"

	"followthrough/contacts"
	"followthrough/ocr"
)

func evalCommand(stdout io.Writer) *Command {
	return &Command{
		Name:    "eval",
		Args:    "DIR...",
		Summary: "Measure reading accuracy on card images that have a same-name .vcf with the expected card.",
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			workers := fs.Int("workers", runtime.NumCPU(), "read `N` cards at once")
			verbose := fs.Bool("v", false, "show each card's fields and what was wrong")
			return func(ctx context.Context, _ *contacts.Store, args []string) error {
				if len(args) == 0 {
					fs.Usage()
					return errors.New("eval: no folder given")
				}
				return runEval(ctx, stdout, args, *workers, *verbose)
			}
		},
	}
}

func runEval(ctx context.Context, w io.Writer, args []string, workers int, verbose bool) error {
	all, err := ImagePaths(args)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	var paths []string
	var expected []vcard.Card
	for _, p := range all {
		exp, err := readExpected(strings.TrimSuffix(p, filepath.Ext(p)) + ".vcf")
		if errors.Is(err, os.ErrNotExist) {
			continue // an unlabelled image
		}
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		paths = append(paths, p)
		expected = append(expected, exp)
	}
	if len(paths) == 0 {
		return errors.New("eval: no images with expected .vcf files found")
	}
	english, every := ocr.Score{}, ocr.Score{}
	batch := ocr.Batch{NewEngine: NewEngine, Workers: workers}
	err = batch.Read(ctx, paths, func(r ocr.Result) {
		var predicted vcard.Card
		if r.Err != nil {
			fmt.Fprintf(w, "FAIL %s: %v\n", r.Path, r.Err)
			predicted = vcard.Card{}
		} else {
			predicted = r.Reading.Contact().Card()
		}
		exp := expected[r.Index]
		s := ocr.ScoreCard(exp, predicted)
		every.Add(s)
		if lang := exp.Value("X-CARD-LANGUAGE"); lang == "" || strings.HasPrefix(lang, "en") {
			english.Add(s)
		}
		if verbose {
			printCardScore(w, r.Path, exp, predicted, s)
		}
	})
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	fmt.Fprintln(w)
	english.Report(w, "English cards")
	fmt.Fprintln(w)
	every.Report(w, fmt.Sprintf("All %d cards", len(paths)))
	return nil
}

func printCardScore(w io.Writer, path string, exp, pred vcard.Card, s ocr.Score) {
	fmt.Fprintf(w, "== %s\n", path)
	for _, f := range []struct{ field, prop string }{
		{"name", vcard.FieldFormattedName}, {"title", vcard.FieldTitle}, {"company", vcard.FieldOrganization},
		{"phone", vcard.FieldTelephone}, {"email", vcard.FieldEmail}, {"website", vcard.FieldURL}, {"address", vcard.FieldAddress},
	} {
		t := s[f.field]
		mark := "ok "
		if t.Correct < t.Expected || t.Correct < t.Predicted {
			mark = "XX "
		}
		fmt.Fprintf(w, "  %s%-8s want %q\n  %-11s got  %q\n", mark, f.field, values(exp, f.prop), "", values(pred, f.prop))
	}
}

func values(c vcard.Card, prop string) string {
	var vs []string
	for _, f := range c[prop] {
		vs = append(vs, f.Value)
	}
	return strings.Join(vs, " | ")
}

func readExpected(path string) (vcard.Card, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := vcard.NewDecoder(f).Decode()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}
