package app

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	"followthrough/contacts/sqlite"
)

// DefaultDataDir is where the database and card images live unless --data
// says otherwise: the folder chosen with Settings > Data folder > Move,
// else $XDG_DATA_HOME/followthrough, or ~/.local/share/followthrough.
func DefaultDataDir() string {
	if dir, err := MovedDataDir(); err != nil {
		log.Printf("followthrough: %v; using %s", err, StandardDataDir())
	} else if dir != "" {
		return dir
	}
	return StandardDataDir()
}

// StandardDataDir is the data folder of a user who never moved it.
func StandardDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "followthrough")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "followthrough")
	}
	return "followthrough-data"
}

// DataDirFile is the file, in the user's configuration folder, that names
// the data folder the user moved to.
func DataDirFile() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "followthrough", "data-folder"), nil
}

// MovedDataDir returns the data folder the user moved to, or "" when
// they never moved it. A folder named there that holds no database (a
// disk not mounted, a folder deleted) is an error, rather than a reason
// to start afresh in an empty one.
func MovedDataDir() (string, error) {
	p, err := DataDirFile()
	if err != nil {
		return "", nil
	}
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", p, err)
	}
	dir := strings.TrimSpace(string(b))
	if !filepath.IsAbs(dir) {
		return "", fmt.Errorf("%s names no folder", p)
	}
	if !sqlite.HasStore(dir) {
		return "", fmt.Errorf("the data folder %s, named in %s, holds no database", dir, p)
	}
	return dir, nil
}

// SetDataDir makes dir the data folder from the next start: written to a
// temporary file and renamed, so the file naming it is never half written.
func SetDataDir(dir string) error {
	p, err := DataDirFile()
	if err != nil {
		return fmt.Errorf("app: remember the data folder: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return fmt.Errorf("app: remember the data folder: %w", err)
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(dir+"\n"), 0o600); err != nil {
		return fmt.Errorf("app: remember the data folder: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("app: remember the data folder: %w", err)
	}
	return nil
}
