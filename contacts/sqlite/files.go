package sqlite

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// closePrivate ends the writing of f, done with the error err so far:
// unless there was an error, it makes f readable by its owner only and
// syncs it to disk; it closes it in any case, and returns the first error.
func closePrivate(f *os.File, err error) error {
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// WriteFileAtomic writes the file at path through write, so that it is
// either the whole new file or, if anything fails or the program dies on
// the way, what was there before: it writes a temporary file in the same
// folder, syncs it to disk, gives it the mode perm and renames it into
// place, then syncs the folder. Exports of contacts, backups and archives
// are written this way.
func WriteFileAtomic(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Said of the folder, where the trouble is: a name the user never
		// chose would only puzzle them.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &fs.PathError{Op: "write in", Path: filepath.Clean(dir), Err: pe.Err}
		}
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			// Said of the file the user chose, not of the temporary one.
			var pe *fs.PathError
			if errors.As(err, &pe) && pe.Path == tmp.Name() {
				pe.Path = path
			}
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}
