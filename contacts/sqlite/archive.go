package sqlite

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	_ "golang.org/x/image/webp" // card images may be WebP

	"followthrough/contacts"
)

// An archive holds everything of a store, to move it to another computer:
// a zip file with
//
//	manifest.json      what wrote it, when, and what it holds
//	followthrough.db   a copy of the database, made with VACUUM INTO
//	images/NAME        each card image a contact uses
//
// Nothing else is read from an archive: an entry of any other name, one
// that leads out of its folder (zip slip), a link, or one larger than such
// an entry can be, makes the whole archive refused before anything is
// written. Entry names are checked, never used as paths: an image is
// written under its own name only once that name is one the store could
// have made, and its content hashes to it.
const (
	archiveManifest = "manifest.json"
	archiveFormat   = 1
	// The most an entry of each kind may hold, uncompressed, and the most
	// images an archive may hold.
	maxArchiveManifest = 64 << 10
	maxArchiveDB       = 4 << 30
	maxArchiveImage    = 64 << 20
	maxArchiveImages   = 500_000
)

// ArchiveInfo is what an archive's manifest says.
type ArchiveInfo struct {
	App           string    `json:"app"`
	Format        int       `json:"format"`
	SchemaVersion int       `json:"schema_version"`
	Created       time.Time `json:"created"`
	Contacts      int       `json:"contacts"`
	Images        int       `json:"images"`
}

// ErrNotArchive is returned, wrapped, for a file that is not an archive
// WriteArchive wrote, or one that could hurt.
var ErrNotArchive = errors.New("not a Follow Through archive")

// WriteArchive writes everything of the store, the database and the card
// images its contacts use, to a zip archive at path (see ArchiveInfo),
// which RestoreArchive reads on another computer. The file appears whole
// or not at all, readable by its owner only. An image missing from the
// image folder is left out.
func (s *Store) WriteArchive(ctx context.Context, path string) (ArchiveInfo, error) {
	info, err := s.writeArchive(ctx, path)
	if err != nil {
		return info, fmt.Errorf("sqlite: write archive %s: %w", filepath.Base(path), err)
	}
	return info, nil
}

func (s *Store) writeArchive(ctx context.Context, path string) (ArchiveInfo, error) {
	info := ArchiveInfo{App: "Follow Through", Format: archiveFormat, SchemaVersion: SchemaVersion(), Created: s.now().UTC()}
	// A copy of the database, consistent whatever else writes to it.
	db, err := os.CreateTemp(s.dir, ".archive-*.db")
	if err != nil {
		return info, err
	}
	db.Close()
	os.Remove(db.Name())
	defer os.Remove(db.Name())
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", db.Name()); err != nil {
		return info, err
	}
	var images []string
	err = s.underWriteLock(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts").Scan(&info.Contacts); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT DISTINCT image FROM contacts WHERE image <> '' ORDER BY image")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var rel string
			if err := rows.Scan(&rel); err != nil {
				return err
			}
			if p := s.ImagePath(rel); p != "" {
				if _, err := os.Stat(p); err == nil {
					images = append(images, rel)
				}
			}
		}
		return rows.Err()
	})
	if err != nil {
		return info, err
	}
	info.Images = len(images)

	err = WriteFileAtomic(path, 0o600, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		manifest, err := json.MarshalIndent(info, "", "  ")
		if err != nil {
			return err
		}
		if err := addZipEntry(zw, archiveManifest, zip.Deflate, strings.NewReader(string(manifest))); err != nil {
			return err
		}
		if err := addZipFile(zw, dbName, zip.Deflate, db.Name()); err != nil {
			return err
		}
		for _, rel := range images {
			if err := ctx.Err(); err != nil {
				return err
			}
			// Images are compressed already.
			if err := addZipFile(zw, rel, zip.Store, s.ImagePath(rel)); err != nil {
				return err
			}
		}
		return zw.Close()
	})
	return info, err
}

func addZipFile(zw *zip.Writer, name string, method uint16, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return addZipEntry(zw, name, method, f)
}

func addZipEntry(zw *zip.Writer, name string, method uint16, r io.Reader) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: time.Now()})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// openArchive opens the archive at path and checks its entries, without
// reading them: it returns the database entry, the image entries by name,
// and the manifest.
func openArchive(path string) (*zip.ReadCloser, *zip.File, []*zip.File, ArchiveInfo, error) {
	var info ArchiveInfo
	zr, err := zip.OpenReader(path)
	switch {
	case errors.Is(err, zip.ErrFormat):
		return nil, nil, nil, info, fmt.Errorf("%w: it is not a zip file", ErrNotArchive)
	case errors.Is(err, zip.ErrInsecurePath):
		zr.Close()
		return nil, nil, nil, info, fmt.Errorf("%w: its entries lead out of their folder", ErrNotArchive)
	case err != nil:
		return nil, nil, nil, info, err
	}
	fail := func(format string, args ...any) (*zip.ReadCloser, *zip.File, []*zip.File, ArchiveInfo, error) {
		zr.Close()
		return nil, nil, nil, info, fmt.Errorf("%w: %s", ErrNotArchive, fmt.Sprintf(format, args...))
	}
	var db, manifest *zip.File
	var images []*zip.File
	seen := map[string]bool{}
	for _, f := range zr.File {
		name := f.Name
		if seen[name] {
			return fail("it holds %q twice", name)
		}
		seen[name] = true
		if !filepath.IsLocal(name) || strings.Contains(name, "..") || strings.HasPrefix(name, "/") {
			return fail("its entries lead out of their folder (%q)", contacts.Truncate(contacts.CleanLine(name), 80))
		}
		if !f.Mode().IsRegular() && !(f.Mode().IsDir() && name == imagesDir+"/") {
			return fail("its entry %q is not a plain file", name)
		}
		switch {
		case name == imagesDir+"/":
		case name == archiveManifest:
			manifest = f
			if f.UncompressedSize64 > maxArchiveManifest {
				return fail("its manifest is too large")
			}
		case name == dbName:
			db = f
			if f.UncompressedSize64 > maxArchiveDB {
				return fail("its database is larger than %d GiB", maxArchiveDB>>30)
			}
		case strings.HasPrefix(name, imagesDir+"/") && isImageName(strings.TrimPrefix(name, imagesDir+"/")):
			if f.UncompressedSize64 > maxArchiveImage {
				return fail("its image %q is larger than %d MiB", name, maxArchiveImage>>20)
			}
			if images = append(images, f); len(images) > maxArchiveImages {
				return fail("it holds more than %d images", maxArchiveImages)
			}
		default:
			// Such as "../../.bashrc", "/etc/passwd" or "images/../x".
			return fail("its entry %q is not one Follow Through writes", contacts.Truncate(contacts.CleanLine(name), 80))
		}
	}
	if manifest == nil || db == nil {
		return fail("it has no manifest or no database")
	}
	rc, err := manifest.Open()
	if err != nil {
		return fail("its manifest cannot be read: %v", err)
	}
	err = json.NewDecoder(io.LimitReader(rc, maxArchiveManifest)).Decode(&info)
	rc.Close()
	switch {
	case err != nil:
		return fail("its manifest cannot be read: %v", err)
	case info.Format != archiveFormat:
		return fail("it is of format %d, which this version does not read", info.Format)
	}
	return zr, db, images, info, nil
}

// CheckArchive checks the archive at path as RestoreArchive would, and
// returns what its manifest says, without changing anything.
func (s *Store) CheckArchive(ctx context.Context, path string) (ArchiveInfo, error) {
	zr, db, _, info, err := openArchive(path)
	if err != nil {
		return info, fmt.Errorf("sqlite: check %s: %w", filepath.Base(path), err)
	}
	defer zr.Close()
	tmp, err := s.extractTemp(db, maxArchiveDB)
	if err != nil {
		return info, fmt.Errorf("sqlite: check %s: %w", filepath.Base(path), err)
	}
	defer os.Remove(tmp)
	if _, err := checkDatabase(ctx, tmp); err != nil {
		return info, fmt.Errorf("sqlite: check %s: %w", filepath.Base(path), err)
	}
	return info, nil
}

// RestoreArchive replaces everything of the store with the archive at
// path, written by WriteArchive here or on another computer. It checks
// the archive's entries and its database (as RestoreBackup does) before
// changing anything; then it copies in the card images, each checked
// against its name and size, before the database that points to them;
// then it restores the database as RestoreBackup does, keeping the one it
// replaces aside. It returns the copy kept aside, what the manifest says,
// and how many images it skipped for not being what their names say.
func (s *Store) RestoreArchive(ctx context.Context, path string) (aside Backup, info ArchiveInfo, skipped int, err error) {
	aside, info, skipped, err = s.restoreArchive(ctx, path)
	if err != nil {
		return aside, info, skipped, fmt.Errorf("sqlite: restore %s: %w", filepath.Base(path), err)
	}
	return aside, info, skipped, nil
}

func (s *Store) restoreArchive(ctx context.Context, path string) (Backup, ArchiveInfo, int, error) {
	zr, db, images, info, err := openArchive(path)
	if err != nil {
		return Backup{}, info, 0, err
	}
	defer zr.Close()
	tmp, err := s.extractTemp(db, maxArchiveDB)
	if err != nil {
		return Backup{}, info, 0, err
	}
	defer os.Remove(tmp)
	if _, err := checkDatabase(ctx, tmp); err != nil {
		return Backup{}, info, 0, err
	}
	skipped := 0
	dir := filepath.Join(s.dir, imagesDir)
	for _, f := range images {
		if err := ctx.Err(); err != nil {
			return Backup{}, info, skipped, err
		}
		ok, err := s.extractImage(f, dir)
		if err != nil {
			return Backup{}, info, skipped, err
		}
		if !ok {
			skipped++
		}
	}
	if err := syncDir(dir); err != nil {
		return Backup{}, info, skipped, err
	}
	aside, _, err := s.restoreFrom(ctx, tmp)
	return aside, info, skipped, err
}

// extractTemp copies the entry f, of at most limit bytes, to a temporary
// file in the data folder and returns its path.
func (s *Store) extractTemp(f *zip.File, limit int64) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", fmt.Errorf("%w: %s cannot be read: %v", ErrNotArchive, f.Name, err)
	}
	defer rc.Close()
	tmp, err := os.CreateTemp(s.dir, ".restore-*.db")
	if err != nil {
		return "", err
	}
	n, err := io.Copy(tmp, io.LimitReader(rc, limit+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > limit {
		err = fmt.Errorf("%w: %s is larger than it may be", ErrNotArchive, f.Name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// extractImage copies the image entry f into dir under its own name, if
// the name is one the store could have made from the image's content (or
// any safe name, for an image named otherwise), the image is no larger
// than a card image may be, and its header says it is an image of at
// most contacts.MaxImagePixels. It reports false, writing nothing, for an image
// that is not; an image already there is left as it is.
func (s *Store) extractImage(f *zip.File, dir string) (bool, error) {
	name := path.Base(f.Name)
	dst := filepath.Join(dir, name)
	if _, err := os.Lstat(dst); err == nil {
		return true, nil
	}
	rc, err := f.Open()
	if err != nil {
		return false, nil
	}
	defer rc.Close()
	tmp, err := os.CreateTemp(dir, ".import-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(rc, maxArchiveImage+1))
	err = closePrivate(tmp, err)
	if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || n > maxArchiveImage {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stem := strings.TrimSuffix(name, path.Ext(name))
	if len(stem) == sha256.Size*2 && isHex(stem) && stem != hex.EncodeToString(h.Sum(nil)) {
		return false, nil // not the image its name says
	}
	if !imageWithin(tmp.Name(), contacts.MaxImagePixels) {
		return false, nil
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return false, err
	}
	return true, nil
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// imageWithin reports whether the file at path has the header of an
// image of at most max pixels.
func imageWithin(path string, max int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	return err == nil && cfg.Width > 0 && cfg.Height > 0 && int64(cfg.Width)*int64(cfg.Height) <= max
}
