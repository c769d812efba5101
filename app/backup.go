package app

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// BackUpAndCleanDaily is what the app does with its data when it starts, from the
// window or a terminal: a backup of the database, at most once a day, and,
// on a schedule of its own, once a day too, removing the card images that
// no contact uses any more, such as those of contacts deleted or merged
// away. Neither stops the app: what fails is logged.
func BackUpAndCleanDaily(ctx context.Context, store *sqlite.Store) {
	if _, _, err := store.BackupDaily(ctx); err != nil {
		log.Printf("backup: %v", err)
	}
	// Looking for unused images reads every contact's image: with a
	// hundred thousand contacts that is a fifth of a second, which every
	// command would pay. Once a day is enough; a backup made by hand
	// earlier that day no longer skips it.
	if _, _, err := store.CleanImagesDaily(ctx); err != nil {
		log.Printf("clean up: %v", err)
	}
}

// Restored says what a restore did.
type Restored struct {
	From     string
	Contacts int
	Images   int // copied in from an archive
	Skipped  int // images of the archive left out
	Aside    sqlite.Backup
}

func (r Restored) String() string {
	s := fmt.Sprintf("Restored %s from %s", contacts.Plural(r.Contacts, "contact"), r.From)
	if r.Images > 0 || r.Skipped > 0 {
		s += fmt.Sprintf(", with %s", contacts.Plural(r.Images-r.Skipped, "card image"))
	}
	s += "."
	if r.Skipped > 0 {
		s += fmt.Sprintf(" %s in the archive were left out: they are not what their names say.", contacts.Plural(r.Skipped, "image"))
	}
	return s + fmt.Sprintf("\nThe contacts you had are kept in %s: restore it to undo.", r.Aside.Path)
}

// IsArchive reports whether the file at path is a zip archive.
func IsArchive(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == "PK\x03\x04"
}

// RestorePath restores the backup or archive at path into store.
func RestorePath(ctx context.Context, store *sqlite.Store, path string) (Restored, error) {
	if IsArchive(path) {
		aside, info, skipped, err := store.RestoreArchive(ctx, path)
		if err != nil {
			return Restored{}, err
		}
		return Restored{From: path, Contacts: info.Contacts, Images: info.Images, Skipped: skipped, Aside: aside}, nil
	}
	aside, info, err := store.RestoreBackup(ctx, path)
	if err != nil {
		return Restored{}, err
	}
	return Restored{From: path, Contacts: info.Contacts, Aside: aside}, nil
}

// ByteSize says n bytes the way a person reads them.
func ByteSize(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
