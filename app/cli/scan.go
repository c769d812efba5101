package cli

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

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
)

func (p *program) scanCommand() *command {
	return &command{
		Name:       "scan",
		Args:       "FILE_OR_DIR...",
		Summary:    "Read business card images into vCards (and with --save, into the database).",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *sqlite.Store, []string) error {
			out := fs.String("out", ".", "write each card's vCard to `DIR`/<image name>.vcf")
			event := fs.String("event", "", "where the cards were collected, e.g. \"Atlanta Tech Meetup\"")
			save := fs.Bool("save", false, "also save the contacts in the database")
			workers := fs.Int("workers", runtime.NumCPU(), "read `N` cards at once")
			followUpIn := fs.String("follow-up-in", "", "with --save, schedule a first follow-up `DELAY` after meeting (3d, 1w); the default is the one in the settings")
			noFollowUp := fs.Bool("no-follow-up", false, "with --save, schedule no first follow-up")
			merge := fs.Bool("merge", false, "with --save, merge a card of someone already saved into their contact; without it such a card is not saved (its .vcf is still written)")
			keepCase := fs.Bool("keep-case", false, "keep names printed in capitals as printed, not in their usual case; the default is the one in the settings")
			return func(ctx context.Context, store *sqlite.Store, args []string) error {
				if len(args) == 0 {
					fs.Usage()
					return errors.New("scan: no files given")
				}
				s, err := p.newScanRun(ctx, store, scanOptions{out: *out, event: *event, save: *save, merge: *merge, followUpIn: *followUpIn, noFollowUp: *noFollowUp, keepCase: *keepCase})
				if err != nil {
					return fmt.Errorf("scan: %w", err)
				}
				return s.run(ctx, args, *workers)
			}
		},
	}
}

// scanOptions are the flags scan and receive share.
type scanOptions struct {
	out, event  string
	save, merge bool
	followUpIn  string
	noFollowUp  bool
	keepCase    bool // keep names in capitals as printed, whatever the settings say
}

// newScanRun returns the run that reads cards as the options ask, with
// the first follow-up and cadence of the settings.
func (p *program) newScanRun(ctx context.Context, store *sqlite.Store, o scanOptions) (*scanRun, error) {
	s := &scanRun{store: store, out: o.out, event: o.event, save: o.save, merge: o.merge, w: p.stdout, newEngine: p.newEngine, today: p.clock.Today(), followUpDays: -1, keepCase: o.keepCase, dates: p.dates}
	if o.save && !o.noFollowUp {
		days, err := app.FollowUpDelay(ctx, store, o.followUpIn)
		if err != nil {
			return nil, err
		}
		s.followUpDays = days
	}
	if o.save {
		c, err := app.DefaultCadence(ctx, store)
		if err != nil {
			return nil, err
		}
		s.cadence = c
	}
	return s, nil
}

type scanRun struct {
	store     *sqlite.Store
	out       string // the folder the .vcf files go to; empty for none
	event     string
	save      bool
	merge     bool // merge duplicates into the stored contact, rather than leave them unsaved
	w         io.Writer
	newEngine func(langs []string) (ocr.Engine, error)
	today     contacts.Day // the day the cards were met, unless edited later
	// followUpDays is the delay of the first follow-up scheduled for each
	// saved card; negative for none.
	followUpDays int
	cadence      contacts.Cadence    // the keep-in-touch cadence of each saved card
	keepCase     bool                // --keep-case: names in capitals kept as printed
	dates        contacts.DateFormat // how days are written in what it prints
}

// options are how the cards' lines are classified: as the settings say,
// and with --keep-case, names kept as printed.
func (s *scanRun) options(ctx context.Context) ocr.ClassifyOptions {
	o := app.ClassifyOptions(ctx, s.store)
	if s.keepCase {
		o.KeepNameCase = true
	}
	return o
}

func (s *scanRun) run(ctx context.Context, args []string, workers int) error {
	paths, err := app.ImagePaths(args)
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	if len(paths) == 0 {
		return errors.New("scan: no images found")
	}
	if err := os.MkdirAll(s.out, 0o755); err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	stems := outputNames(paths)
	failed := 0
	langs := app.ReadingLanguages(ctx, s.store)
	batch := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return s.newEngine(langs) }, Workers: workers, Options: s.options(ctx)}
	defer app.LimitHeap()()
	err = batch.Read(ctx, paths, func(r ocr.Result) {
		if _, err := s.one(ctx, r, stems[r.Index], s.event); err != nil {
			failed++
			fmt.Fprintf(s.w, "FAIL %s: %s\n", r.Path, app.CardProblem(err))
		}
	})
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	if failed > 0 {
		return fmt.Errorf("scan: %d of %d cards could not be read", failed, len(paths))
	}
	return nil
}

// one saves and writes the card read in r, met at event, and prints its
// line; it reports whether the card is now in the store.
func (s *scanRun) one(ctx context.Context, r ocr.Result, stem, event string) (stored bool, err error) {
	if r.Err != nil {
		return false, r.Err
	}
	c := r.Reading.Contact()
	if app.BlankCard(c) {
		return false, errNoText
	}
	// The .vcf written has the address in its components, as the saved
	// contact does (SaveCard).
	region := contacts.DefaultRegion
	if s.store != nil {
		region = s.store.Region
	}
	c = app.SplitAddresses(c, region)
	c.Event, c.MetOn = event, s.today // met today, unless edited later
	c.Cadence = s.cadence
	scheduled := ""
	if s.save {
		var follow []contacts.FollowUp
		if s.followUpDays >= 0 {
			follow = append(follow, app.FirstFollowUp(c, s.today, s.followUpDays))
		}
		matches, err := s.store.Duplicates(ctx, c)
		if err != nil {
			return false, err
		}
		switch {
		case len(matches) > 0 && !s.merge:
			m := matches[0]
			scheduled = fmt.Sprintf(" · NOT SAVED: %s as %s (#%d); --merge merges it", strings.Join(m.Reasons, ", "), m.Contact.DisplayName(), m.Contact.ID)
			follow = nil
		case len(matches) > 0:
			m := matches[0]
			merged, err := app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: r.Path, Turn: r.Reading.Rotated, FollowUps: follow, MergeInto: &m.Contact, FromOther: contacts.SuggestFromNewer(m.Contact, c)})
			if err != nil {
				return false, err
			}
			stored = true
			scheduled = fmt.Sprintf(" · merged into #%d (%s)", merged.ID, strings.Join(m.Reasons, ", "))
		default:
			saved, err := app.SaveCard(ctx, s.store, app.Card{Contact: c, ImagePath: r.Path, Turn: r.Reading.Rotated, FollowUps: follow})
			if err != nil {
				return false, err
			}
			c, stored = saved, true
		}
		for _, f := range follow {
			scheduled += fmt.Sprintf(" · first follow-up: %s on %s", f.Kind.Label(), s.dates.Day(f.Due))
		}
	}
	to := ""
	if s.out != "" {
		vcf := filepath.Join(s.out, stem+".vcf")
		if err := app.WriteVCardsFile(vcf, app.ExportOptions{}, []contacts.Contact{c}); err != nil {
			return stored, err
		}
		to = " -> " + vcf
	}
	line := summary(c)
	if f, ok := ocr.Suggestion(r.Reading.Fields, ocr.FieldCompany); ok {
		line += " · " + suggestion(f)
	}
	fmt.Fprintf(s.w, "ok   %s%s: %s%s\n", r.Path, to, line, scheduled)
	return stored, nil
}

// suggestion describes a value the card does not print, which is left
// out of the contact, for the user to add if it is right: "company?
// Quaywell (from the email's domain)".
func suggestion(f ocr.Field) string {
	s := fmt.Sprintf("%s? %s", f.Kind, f.Value)
	if f.Reason != "" {
		s += " (from " + f.Reason + ")"
	}
	return s
}

// errNoText is the failure of a card on which nothing was read.
var errNoText = errors.New("no text found on the card: is it the back of the card, blank, handwritten or too dark? (open it in the window to type what it says)")

// summary is a one-line description of a contact for a terminal: its
// name, with how it is said when the card gave that ("山本 健太
// (Kenta Yamamoto)"), its job and what else it has.
func summary(c contacts.Contact) string {
	name := c.DisplayName()
	if p := c.PhoneticName(); p != "" && p != name {
		name += " (" + p + ")"
	}
	parts := []string{name}
	if c.Title != "" {
		parts = append(parts, c.Title)
	}
	if c.Company != "" && c.Company != c.DisplayName() {
		parts = append(parts, c.Company)
	}
	if n := len(c.Phones); n > 0 {
		parts = append(parts, contacts.Plural(n, "phone"))
	}
	if n := len(c.Emails); n > 0 {
		parts = append(parts, contacts.Plural(n, "email"))
	}
	switch n := len(c.Addresses); {
	case n == 1:
		parts = append(parts, "address")
	case n > 1:
		parts = append(parts, fmt.Sprintf("%d addresses", n))
	}
	return strings.Join(parts, " · ")
}

// outputNames gives each path the stem of its file name, made unique
// within the batch with a -2, -3 suffix.
func outputNames(paths []string) []string {
	seen := map[string]int{}
	out := make([]string, len(paths))
	for i, p := range paths {
		stem := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		seen[stem]++
		if n := seen[stem]; n > 1 {
			stem = fmt.Sprintf("%s-%d", stem, n)
		}
		out[i] = stem
	}
	return out
}
