package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrMoving is returned, wrapped, by every method that would change the
// store while CopyTo copies the data folder, and after it has: the app
// uses the copy from its next start, and a change made here would be
// lost. EndMove lifts it.
var ErrMoving = errors.New("the data folder is being moved: changes are not taken until Follow Through starts again")

// ErrFolderNotEmpty is returned, wrapped, by CopyTo for a folder that
// already holds something.
var ErrFolderNotEmpty = errors.New("the folder is not empty")

// CopyTo copies the data folder into dir, so that the app can be moved
// there: every card image, thumbnail and backup, then a consistent copy of
// the database (VACUUM INTO), last, so that a folder holding the database
// holds everything. dir must be empty or not yet exist, and must not be
// inside the data folder. The copy of the database is checked with
// PRAGMA integrity_check before CopyTo returns what it holds. When the
// copy fails, what it wrote is removed; the data folder is never changed.
//
// From the moment CopyTo starts, the store refuses every change with an
// error wrapping ErrMoving: a change made in the old folder after its
// copy would be lost. When the copy fails, it takes changes again; when
// it is made, it goes on refusing them until it is closed, as the app
// quits to use the new folder, or until EndMove. Another process writing
// to the same folder is not held back.
func (s *Store) CopyTo(ctx context.Context, dir string) (BackupInfo, error) {
	wasMoving := s.moving.Swap(true)
	info, err := s.copyTo(ctx, dir)
	if err != nil {
		s.moving.Store(wasMoving)
		return BackupInfo{}, fmt.Errorf("sqlite: copy the data folder to %s: %w", dir, err)
	}
	return info, nil
}

// EndMove lets the store take changes again after CopyTo, for when the
// copy is not to be used after all.
func (s *Store) EndMove() { s.moving.Store(false) }

// waitForWrites returns once every transaction that began writing before
// s.moving was set has ended: those that begin after see it, and refuse.
func (s *Store) waitForWrites(ctx context.Context) error {
	// The write connections take the write lock as their transaction
	// begins.
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	return tx.Rollback()
}

func (s *Store) copyTo(ctx context.Context, dir string) (BackupInfo, error) {
	from, err := filepath.Abs(s.dir)
	if err != nil {
		return BackupInfo{}, err
	}
	to, err := filepath.Abs(dir)
	if err != nil {
		return BackupInfo{}, err
	}
	if to == from || strings.HasPrefix(to, from+string(filepath.Separator)) {
		return BackupInfo{}, errors.New("it is the data folder, or inside it")
	}
	entries, err := os.ReadDir(to)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(to, 0o700); err != nil {
			return BackupInfo{}, err
		}
	case err != nil:
		return BackupInfo{}, err
	case len(entries) > 0:
		return BackupInfo{}, ErrFolderNotEmpty
	}
	info, err := s.copyInto(ctx, to)
	if err != nil {
		// The folder was empty: all that is in it is the copy's.
		if entries, rerr := os.ReadDir(to); rerr == nil {
			for _, e := range entries {
				os.RemoveAll(filepath.Join(to, e.Name()))
			}
		}
		return BackupInfo{}, err
	}
	return info, nil
}

func (s *Store) copyInto(ctx context.Context, to string) (BackupInfo, error) {
	if err := s.waitForWrites(ctx); err != nil {
		return BackupInfo{}, err
	}
	for _, sub := range []string{imagesDir, thumbsDir, backupsDir} {
		if err := copyFolder(ctx, filepath.Join(s.dir, sub), filepath.Join(to, sub)); err != nil {
			return BackupInfo{}, err
		}
	}
	db := filepath.Join(to, dbName)
	if err := s.copyDatabase(ctx, db); err != nil {
		return BackupInfo{}, err
	}
	// A card saved while the folders were copied is in the database's
	// copy: its image is copied now.
	if err := copyFolder(ctx, filepath.Join(s.dir, imagesDir), filepath.Join(to, imagesDir)); err != nil {
		return BackupInfo{}, err
	}
	return checkDatabase(ctx, db)
}

// copyFolder copies the regular files of the folder src, which may not
// exist, into the folder dst, but for those already there. Files are
// synced before the folder is.
func copyFolder(ctx context.Context, src, dst string) error {
	entries, err := os.ReadDir(src)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue // temporary files and links are not data
		}
		// A file already there was copied by an earlier pass; one gone
		// from src was removed since it was listed (an image dropped).
		err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
		if err != nil && !errors.Is(err, fs.ErrExist) && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return syncDir(dst)
}

// copyFile copies the file src to dst, which must not exist (the error
// wraps fs.ErrExist if it does): through a temporary file beside dst,
// synced and renamed into place once whole, so that a copy cut short
// leaves no half file under dst's name. The caller syncs the folder.
func copyFile(src, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return &fs.PathError{Op: "copy", Path: dst, Err: fs.ErrExist}
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	// A name starting with a dot: copyFolder never takes it for data.
	out, err := os.CreateTemp(filepath.Dir(dst), ".copy-*")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name()) // fails harmlessly once renamed
	_, err = io.Copy(out, in)
	if err := closePrivate(out, err); err != nil {
		return err
	}
	return os.Rename(out.Name(), dst)
}
