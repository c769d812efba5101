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
	"sort"
	"strings"

	"followthrough/contacts"
	"followthrough/ocr"
)

// imageExts are the file extensions a folder is searched for.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".tif": true, ".tiff": true, ".webp": true, ".bmp": true, ".gif": true}

func scanCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "scan",
		Args:       "FILE_OR_DIR...",
		Summary:    "Read business card images into vCards (and with --save, into the database).",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			out := fs.String("out", ".", "write each card's vCard to `DIR`/<image name>.vcf")
			event := fs.String("event", "", "where the cards were collected, e.g. \"Atlanta Tech Meetup\"")
			save := fs.Bool("save", false, "also save the contacts in the database")
			workers := fs.Int("workers", runtime.NumCPU(), "read `N` cards at once")
			followUpIn := fs.String("follow-up-in", "", "with --save, schedule a first follow-up `DELAY` after meeting (3d, 1w); the default is the one in the settings")
			noFollowUp := fs.Bool("no-follow-up", false, "with --save, schedule no first follow-up")
			merge := fs.Bool("merge", false, "with --save, merge a card of someone already saved into their contact; without it such a card is not saved (its .vcf is still written)")
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				if len(args) == 0 {
					fs.Usage()
					return errors.New("scan: no files given")
				}
				s := scanRun{store: store, out: *out, event: *event, save: *save, merge: *merge, w: stdout, newEngine: NewEngine, followUpDays: -1}
				if *save && !*noFollowUp {
					days, err := FollowUpDelay(ctx, store, *followUpIn)
					if err != nil {
						return fmt.Errorf("scan: %w", err)
					}
					s.followUpDays = days
				}
				if *save {
					c, err := DefaultCadence(ctx, store)
					if err != nil {
						return fmt.Errorf("scan: %w", err)
					}
					s.cadence = c
				}
				return s.run(ctx, args, *workers)
			}
		},
	}
}

type scanRun struct {
	store     *contacts.Store
	out       string
	event     string
	save      bool
	merge     bool // merge duplicates into the stored contact, rather than leave them unsaved
	w         io.Writer
	newEngine func(langs []string) (ocr.Engine, error)
	// followUpDays is the delay of the first follow-up scheduled for each
	// saved card; negative for none.
	followUpDays int
	cadence      contacts.Cadence // the keep-in-touch cadence of each saved card
}

func (s *scanRun) run(ctx context.Context, args []string, workers int) error {
	paths, err := ImagePaths(args)
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
	langs := ReadingLanguages(ctx, s.store)
	batch := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return s.newEngine(langs) }, Workers: workers}
	defer LimitHeap()()
	err = batch.Read(ctx, paths, func(r ocr.Result) {
		if err := s.one(ctx, r, stems[r.Index]); err != nil {
			failed++
			fmt.Fprintf(s.w, "FAIL %s: %s\n", r.Path, WithoutPath(err.Error(), r.Path))
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

func (s *scanRun) one(ctx context.Context, r ocr.Result, stem string) error {
	if r.Err != nil {
		return r.Err
	}
	c := r.Reading.Contact()
	if BlankCard(c) {
		return errNoText
	}
	c.Event, c.MetOn = s.event, contacts.DayOf(Now()) // met today, unless edited later
	c.Cadence = s.cadence
	scheduled := ""
	if s.save {
		var follow []contacts.FollowUp
		if s.followUpDays >= 0 {
			follow = append(follow, FirstFollowUp(c, contacts.DayOf(Now()), s.followUpDays))
		}
		matches, err := s.store.Duplicates(ctx, c)
		if err != nil {
			return err
		}
		switch {
		case len(matches) > 0 && !s.merge:
			m := matches[0]
			scheduled = fmt.Sprintf(" · NOT SAVED: %s as %s (#%d); --merge merges it", strings.Join(m.Reasons, ", "), m.Contact.DisplayName(), m.Contact.ID)
			follow = nil
		case len(matches) > 0:
			m := matches[0]
			merged, err := SaveCardMerged(ctx, s.store, m.Contact, c, contacts.SuggestFromNewer(m.Contact, c), r.Path, follow...)
			if err != nil {
				return err
			}
			scheduled = fmt.Sprintf(" · merged into #%d (%s)", merged.ID, strings.Join(m.Reasons, ", "))
		default:
			saved, err := SaveCard(ctx, s.store, c, r.Path, follow...)
			if err != nil {
				return err
			}
			c = saved
		}
		for _, f := range follow {
			scheduled += fmt.Sprintf(" · first follow-up: %s on %s", f.Kind.Label(), f.Due)
		}
	}
	vcf := filepath.Join(s.out, stem+".vcf")
	if err := WriteVCardsFile(vcf, ExportOptions{}, []contacts.Contact{c}); err != nil {
		return err
	}
	fmt.Fprintf(s.w, "ok   %s -> %s: %s%s\n", r.Path, vcf, summary(c), scheduled)
	return nil
}

// errNoText is the failure of a card on which nothing was read.
var errNoText = errors.New("no text found on the card: is it the back of the card, blank, handwritten or too dark? (open it in the window to type what it says)")

// BlankCard reports whether c, read from a card, holds nothing to save: no
// name, company, title, phone, email, website, address or note.
func BlankCard(c contacts.Contact) bool {
	return strings.TrimSpace(c.FullName+c.Company+c.Title+c.Address+c.Note) == "" &&
		len(c.Phones) == 0 && len(c.Emails) == 0 && len(c.Websites) == 0
}

// SaveCard stores a contact read from the card image at imagePath, keeping
// a copy of the image with it, and schedules the follow-ups given. The
// image is on disk before the contact points to it, and the contact is
// saved with its follow-ups in one transaction.
func SaveCard(ctx context.Context, store *contacts.Store, c contacts.Contact, imagePath string, follow ...contacts.FollowUp) (contacts.Contact, error) {
	if imagePath != "" {
		rel, err := store.ImportImage(ctx, imagePath)
		if err != nil {
			return c, err
		}
		c.Image = rel
	}
	err := store.Add(ctx, &c, follow...)
	return c, err
}

// SaveCardMerged is SaveCard for a card of someone already stored: it
// merges c into stored, taking from c the fields in fromOther and what
// stored lacks, and schedules the follow-ups for the merged contact.
func SaveCardMerged(ctx context.Context, store *contacts.Store, stored, c contacts.Contact, fromOther []contacts.MergeField, imagePath string, follow ...contacts.FollowUp) (contacts.Contact, error) {
	if imagePath != "" {
		rel, err := store.ImportImage(ctx, imagePath)
		if err != nil {
			return c, err
		}
		c.Image = rel
	}
	// The stored contact as it is now, not as it was when the match was found.
	stored, err := store.Get(ctx, stored.ID)
	if err != nil {
		return c, err
	}
	merged := contacts.Merge(stored, c, fromOther, contacts.DefaultRegion)
	if err := store.MergeInto(ctx, merged, 0, follow...); err != nil {
		return c, err
	}
	return merged, nil
}

// WriteFileAtomic writes the file at path through write, replacing path
// only once the whole file is on disk, so a failure or a crash never leaves
// half a file. Files of contacts are readable by their owner only.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return contacts.WriteFileAtomic(path, 0o600, write)
}

// summary is a one-line description of a contact for a terminal.
func summary(c contacts.Contact) string {
	parts := []string{c.DisplayName()}
	if c.Title != "" {
		parts = append(parts, c.Title)
	}
	if c.Company != "" && c.Company != c.DisplayName() {
		parts = append(parts, c.Company)
	}
	if n := len(c.Phones); n > 0 {
		parts = append(parts, Plural(n, "phone"))
	}
	if n := len(c.Emails); n > 0 {
		parts = append(parts, Plural(n, "email"))
	}
	if c.Address != "" {
		parts = append(parts, "address")
	}
	return strings.Join(parts, " · ")
}

func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// ImagePaths expands the files and folders in args into the image files to
// read: files are taken as given, folders are searched, with their
// subfolders, for files with an image extension, in name order.
func ImagePaths(args []string) ([]string, error) {
	var paths []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			paths = append(paths, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && imageExts[strings.ToLower(filepath.Ext(p))] {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		paths = append(paths, found...)
	}
	return paths, nil
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

// NewEngine starts the OCR engine the app reads cards with, reading with
// the given Tesseract languages. Tests replace it with a fake.
var NewEngine = func(langs []string) (ocr.Engine, error) {
	return ocr.NewTesseract(langs...)
}

// SettingLanguages is the setting that holds the languages cards are read
// with, as Tesseract codes separated by commas.
const SettingLanguages = "ocr.languages"

// ReadingLanguages returns the languages cards are read with: the
// setting's, or ocr.DefaultLanguages.
func ReadingLanguages(ctx context.Context, store *contacts.Store) []string {
	if store == nil {
		return ocr.DefaultLanguages
	}
	v, err := store.Setting(ctx, SettingLanguages, "")
	if langs := ocr.ParseLanguages(v); err == nil && len(langs) > 0 {
		return langs
	}
	return ocr.DefaultLanguages
}
