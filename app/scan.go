package app

import (
	"context"
	"fmt"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
	"followthrough/ocr/tesseract"
)

// imageExts are the file extensions a folder is searched for.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".tif": true, ".tiff": true, ".webp": true, ".bmp": true, ".gif": true}

// BlankCard reports whether c, read from a card, holds nothing to save: no
// name, company, title, phone, email, website, address or note.
func BlankCard(c contacts.Contact) bool {
	for _, a := range c.Addresses {
		if strings.TrimSpace(a.Line()) != "" {
			return false
		}
	}
	return strings.TrimSpace(c.FullName+c.Company+c.Title+c.Note) == "" &&
		len(c.Phones) == 0 && len(c.Emails) == 0 && len(c.Websites) == 0
}

// SplitAddresses returns c with each address that is one line in the
// street, as the card reader gives it, split into its components by
// contacts.ParseAddress; region is the user's region. An address the user
// gave components stays as it is.
func SplitAddresses(c contacts.Contact, region string) contacts.Contact {
	if len(c.Addresses) == 0 {
		return c
	}
	addrs := make([]contacts.Address, len(c.Addresses))
	for i, a := range c.Addresses {
		if a.Street != "" && (contacts.Address{Label: a.Label, Street: a.Street}) == a {
			p := contacts.ParseAddress(a.Street, region)
			p.Label = a.Label
			a = p
		}
		addrs[i] = a
	}
	c.Addresses = addrs
	return c
}

// A Card is a contact read from a card image, to be saved by SaveCard.
type Card struct {
	Contact contacts.Contact
	// ImagePath is the card image, of which the store keeps a copy with
	// the contact; empty for none.
	ImagePath string
	// Turn is how far, in degrees clockwise, the reader turned the image
	// (once its EXIF orientation was applied) to stand the card upright
	// (ocr.Reading.Rotated): the store keeps the card as it stands, so
	// that a card photographed on its side shows upright on its page.
	Turn int
	// FollowUps are scheduled with the contact.
	FollowUps []contacts.FollowUp
	// MergeInto, when set, is the stored contact the card is of: the card
	// is merged into it, giving it the fields in FromOther and whatever it
	// lacks, and the stored contact's history stays.
	MergeInto *contacts.Contact
	FromOther []contacts.MergeField
}

// SaveCard stores card, the one way the window and the scan command
// save what they read: the image is on disk before the contact points to
// it, an address read as one line is split into its components
// (SplitAddresses), and the contact is saved with its follow-ups in one
// transaction. A card merged into a stored contact adds only the
// follow-ups it is not already given (contacts.NotScheduled). It returns
// the contact as stored.
func SaveCard(ctx context.Context, store *sqlite.Store, card Card) (contacts.Contact, error) {
	c := SplitAddresses(card.Contact, store.Region)
	if card.ImagePath != "" {
		path := card.ImagePath
		if card.Turn%360 != 0 {
			up, err := uprightCopy(card.ImagePath, card.Turn)
			if err != nil {
				return c, err
			}
			defer os.Remove(up)
			path = up
		}
		rel, err := store.ImportImage(ctx, path)
		if err != nil {
			return c, err
		}
		c.Image = rel
	}
	if card.MergeInto == nil {
		err := store.Add(ctx, &c, card.FollowUps...)
		return c, err
	}
	// The stored contact as it is now, not as it was when the match was found.
	stored, err := store.Get(ctx, card.MergeInto.ID)
	if err != nil {
		return c, err
	}
	scheduled, err := store.FollowUps(ctx, stored.ID)
	if err != nil {
		return c, err
	}
	merged := contacts.Merge(stored, c, card.FromOther, store.Region)
	if err := store.MergeInto(ctx, merged, 0, contacts.NotScheduled(card.FollowUps, scheduled)...); err != nil {
		return c, err
	}
	return merged, nil
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

// NewEngine starts the OCR engine the app reads cards with, reading with
// the given Tesseract languages. The window and the commands take it as a
// field, so that tests can give them a fake.
func NewEngine(langs []string) (ocr.Engine, error) {
	return tesseract.New(langs...)
}

// SettingLanguages is the setting that holds the languages cards are read
// with, as Tesseract codes separated by commas.
const SettingLanguages = "ocr.languages"

// ReadingLanguages returns the languages cards are read with: the
// setting's, or ocr.DefaultLanguages.
func ReadingLanguages(ctx context.Context, store *sqlite.Store) []string {
	if store == nil {
		return ocr.DefaultLanguages
	}
	v, err := store.Setting(ctx, SettingLanguages, "")
	if langs := ocr.ParseLanguages(v); err == nil && len(langs) > 0 {
		return langs
	}
	return ocr.DefaultLanguages
}

// SettingKeepNameCase is the setting that keeps the names printed in
// capitals as printed: "true"; anything else, the default, writes them
// in their usual case (contacts.NameCase).
const SettingKeepNameCase = "ocr.keepNameCase"

// ClassifyOptions is how cards are classified, from the settings. Every
// way a card is read (the window's scan, the command line's scan, the
// phone and the watched folder) takes its options from here.
func ClassifyOptions(ctx context.Context, store *sqlite.Store) ocr.ClassifyOptions {
	if store == nil {
		return ocr.ClassifyOptions{}
	}
	v, err := store.Setting(ctx, SettingKeepNameCase, "")
	return ocr.ClassifyOptions{KeepNameCase: err == nil && v == "true"}
}

// SettingLastEvent is the setting that holds the event the last batch of
// cards was collected at. It is the data folder's, not the computer's:
// another data folder has its own.
const SettingLastEvent = "scan.lastEvent"

// LastEvent is the event the last batch of cards was collected at,
// offered for the next one.
func LastEvent(ctx context.Context, store *sqlite.Store) (string, error) {
	return store.Setting(ctx, SettingLastEvent, "")
}

// SetLastEvent remembers event as the one the batch of cards being read
// was collected at. The app's sample cards are no batch of the user's and
// are not remembered.
func SetLastEvent(ctx context.Context, store *sqlite.Store, event string) error {
	return store.SetSetting(ctx, SettingLastEvent, strings.TrimSpace(event))
}

// uprightCopy writes the image at path, with its EXIF orientation
// applied and turned deg degrees clockwise, to a temporary file, and
// returns its path: a PNG stays a lossless PNG, any other image is
// written as a JPEG of high quality. The caller removes the file.
func uprightCopy(path string, deg int) (string, error) {
	img, err := ocr.LoadImage(path)
	if err != nil {
		return "", fmt.Errorf("app: turn the card upright: %w", err)
	}
	img = ocr.Rotate(img, deg)
	ext := ".jpg"
	if strings.EqualFold(filepath.Ext(path), ".png") {
		ext = ".png"
	}
	f, err := os.CreateTemp("", "followthrough-upright-*"+ext)
	if err != nil {
		return "", fmt.Errorf("app: turn %s upright: %w", path, err)
	}
	if ext == ".png" {
		err = png.Encode(f, img)
	} else {
		err = jpeg.Encode(f, img, &jpeg.Options{Quality: 92})
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("app: turn %s upright: %w", path, err)
	}
	return f.Name(), nil
}
