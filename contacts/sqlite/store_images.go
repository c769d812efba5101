package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"followthrough/contacts"
)

// imageGrace is how old an image file must be before it is removed for
// being unused. A card being saved is copied into the image directory
// before its contact points to it, by this process or another one: a
// fresh copy is left alone.
const imageGrace = 10 * time.Minute

// isImageName reports whether name can be the name of a file in the image
// directory: letters, digits, ".", "_" and "-", not starting with a dot,
// so that it can never lead out of the directory or name a temporary file.
func isImageName(name string) bool {
	if name == "" || len(name) > 200 || name[0] == '.' {
		return false
	}
	return !strings.ContainsFunc(name, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '_' || r == '-')
	})
}

// DropImages removes the card image files at rels, paths relative to Dir
// as Contact.Image holds them, that no stored contact points to any
// longer. The contacts screen calls it for a deleted contact once its
// deletion can no longer be undone. A file copied in during the last
// minute is kept, since a card with the same image may be on its way to
// being saved, and so is one that a copy of the database kept before a
// restore uses, so that the restore can be undone whole.
func (s *Store) DropImages(ctx context.Context, rels ...string) error {
	_, err := s.dropUnused(ctx, rels, time.Minute)
	if err != nil {
		return fmt.Errorf("sqlite: drop images: %w", err)
	}
	return nil
}

// settingImagesCleaned holds the day CleanImagesDaily last ran.
const settingImagesCleaned = "images.cleaned"

// CleanImagesDaily runs CleanImages once a day, on its own schedule: the
// first call of a day cleans, the later ones of that day do nothing. It
// reports whether it ran. The day is kept in the settings, so the
// schedule holds across the window and the command line; a backup made
// by hand on the same day no longer skips it.
func (s *Store) CleanImagesDaily(ctx context.Context) (int, bool, error) {
	today := contacts.DayOf(s.now().Local()).String()
	last, err := s.Setting(ctx, settingImagesCleaned, "")
	if err != nil || last == today {
		return 0, false, err
	}
	n, err := s.CleanImages(ctx)
	if err != nil {
		return n, true, err
	}
	return n, true, s.SetSetting(ctx, settingImagesCleaned, today)
}

// CleanImages removes the files in the image directory that no stored
// contact points to, older than a few minutes, and the temporary files
// that an image import, a backup, a restore or an archive cut short left
// behind. It returns how many images it removed. The app runs it once a
// day (CleanImagesDaily), so that the card images of contacts deleted,
// merged away or deleted by a sync do not stay on disk.
func (s *Store) CleanImages(ctx context.Context) (int, error) {
	if err := s.purgeOld(ctx); err != nil {
		return 0, fmt.Errorf("sqlite: clean images: %w", err)
	}
	removeStale(s.dir, time.Hour, ".restore-", ".archive-")
	removeStale(s.BackupsDir(), time.Hour, ".tmp-")
	entries, err := os.ReadDir(filepath.Join(s.dir, imagesDir))
	if err != nil {
		return 0, fmt.Errorf("sqlite: clean images: %w", err)
	}
	var rels []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			rels = append(rels, path.Join(imagesDir, e.Name()))
		}
	}
	n, err := s.dropUnused(ctx, rels, imageGrace)
	if err != nil {
		return n, fmt.Errorf("sqlite: clean images: %w", err)
	}
	if err := s.dropOrphanThumbnails(); err != nil {
		return n, fmt.Errorf("sqlite: clean images: %w", err)
	}
	return n, nil
}

// dropOrphanThumbnails removes the thumbnails whose image is gone, as an
// older version left them, and the temporary files of a thumbnail cut
// short.
func (s *Store) dropOrphanThumbnails() error {
	dir := filepath.Join(s.dir, thumbsDir)
	removeStale(dir, time.Hour, ".thumb-")
	thumbs, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	images, err := os.ReadDir(filepath.Join(s.dir, imagesDir))
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, e := range images {
		have[thumbName(e.Name())] = true
	}
	for _, e := range thumbs {
		if !e.Type().IsRegular() || !isImageName(e.Name()) || have[e.Name()] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// dropUnused removes the files at rels that are older than grace and that
// no contact points to. Temporary files of an import (".import-*") count
// as unused. Paths that are not in the image directory are ignored.
func (s *Store) dropUnused(ctx context.Context, rels []string, grace time.Duration) (int, error) {
	if len(rels) == 0 {
		return 0, nil
	}
	removed := 0
	cutoff := time.Now().Add(-grace)
	// A restore can be undone with the copy it kept aside: the images of
	// its contacts stay until that copy is rotated out.
	aside := s.asideImages(ctx)
	// The write lock keeps contacts from being saved while the files are
	// checked and removed.
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, rel := range rels {
			name, ok := strings.CutPrefix(rel, imagesDir+"/")
			if !ok || strings.Contains(name, "/") {
				continue
			}
			p := filepath.Join(s.dir, imagesDir, name)
			if !isImageName(name) {
				if !strings.HasPrefix(name, ".import-") {
					continue
				}
			} else {
				var n int
				// A contact deleted and not yet purged may come back with
				// its image.
				q := "SELECT count(*) FROM contacts WHERE image = ?1"
				if s.trash {
					q = `SELECT (SELECT count(*) FROM contacts WHERE image = ?1)
						+ (SELECT count(*) FROM trash_contacts WHERE image = ?1)`
				}
				if err := tx.QueryRowContext(ctx, q, rel).Scan(&n); err != nil {
					return err
				}
				if n > 0 || aside[rel] {
					continue
				}
			}
			info, err := os.Lstat(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return err
			}
			if !info.Mode().IsRegular() || info.ModTime().After(cutoff) {
				continue
			}
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			// The thumbnail goes with its image.
			if isImageName(name) {
				if err := s.removeThumbnail(name); err != nil {
					return err
				}
			}
			removed++
		}
		return nil
	})
	return removed, err
}

// syncDir flushes the directory at dir to disk, so that files just
// created or renamed in it survive a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// asideImages returns the card images that the copies of the database
// kept before a restore use. A copy that cannot be read counts for none.
func (s *Store) asideImages(ctx context.Context) map[string]bool {
	used := map[string]bool{}
	bs, _ := s.Backups()
	for _, b := range bs {
		if !b.BeforeRestore {
			continue
		}
		db, err := sql.Open(driverName, readOnlyDSN(b.Path))
		if err != nil {
			continue
		}
		rows, err := db.QueryContext(ctx, "SELECT DISTINCT image FROM contacts WHERE image <> ''")
		if err == nil {
			for rows.Next() {
				var rel string
				if rows.Scan(&rel) == nil {
					used[rel] = true
				}
			}
			rows.Close()
		}
		db.Close()
	}
	return used
}

// removeStale removes the files in dir whose names start with one of
// prefixes, older than age: temporary files the store made there.
func removeStale(dir string, age time.Duration, prefixes ...string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cutoff := time.Now().Add(-age)
	for _, e := range entries {
		for _, p := range prefixes {
			if !strings.HasPrefix(e.Name(), p) || !e.Type().IsRegular() {
				continue
			}
			if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}
