package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"text/tabwriter"

	"followthrough/contacts"
)

// BackUpAndCleanDaily is what the app does with its data when it starts, from the
// window or a terminal: a backup of the database, at most once a day, and
// with it removing the card images that no contact uses any more, such as
// those of contacts deleted or merged away. Neither stops the app: what
// fails is logged.
func BackUpAndCleanDaily(ctx context.Context, store *contacts.Store) {
	_, made, err := store.BackupDaily(ctx)
	if err != nil {
		log.Printf("backup: %v", err)
	}
	// Looking for unused images reads every contact's image: with a
	// hundred thousand contacts that is a fifth of a second, which every
	// command would pay. Once a day, with the backup, is enough.
	if !made {
		return
	}
	if _, err := store.CleanImages(ctx); err != nil {
		log.Printf("clean up: %v", err)
	}
}

func backupCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "backup",
		Summary:    "Back up the database now (the app also does it on start, once a day); --list lists the backups.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			list := fs.Bool("list", false, "list the backups instead, newest first")
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				if len(args) != 0 {
					fs.Usage()
					return errors.New("backup: takes no arguments")
				}
				if *list {
					return listBackups(stdout, store)
				}
				b, err := store.Backup(ctx)
				if err != nil {
					return fmt.Errorf("backup: %w", err)
				}
				fmt.Fprintf(stdout, "Backed up to %s (%s).\nRestore it with: followthrough restore %s\n", b.Path, ByteSize(b.Size), b.Path)
				return nil
			}
		},
	}
}

func listBackups(w io.Writer, store *contacts.Store) error {
	bs, err := store.Backups()
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if len(bs) == 0 {
		fmt.Fprintf(w, "No backups yet in %s.\n", store.BackupsDir())
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, b := range bs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.Time.Format("2006-01-02 15:04"), backupKind(b), ByteSize(b.Size), b.Path)
	}
	return tw.Flush()
}

// backupKind says in a word what a backup is.
func backupKind(b contacts.Backup) string {
	if b.BeforeRestore {
		return "before a restore"
	}
	return "backup"
}

func restoreCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "restore",
		Args:       "BACKUP.db|ARCHIVE.zip",
		Summary:    "Replace the contacts with a backup, or with an archive from another computer; what is replaced is kept as a backup.",
		NeedsStore: true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("restore: give one backup or archive")
				}
				r, err := RestorePath(ctx, store, args[0])
				if err != nil {
					return fmt.Errorf("restore: %w", err)
				}
				fmt.Fprintln(stdout, r)
				return nil
			}
		},
	}
}

// Restored says what a restore did.
type Restored struct {
	From     string
	Contacts int
	Images   int // copied in from an archive
	Skipped  int // images of the archive left out
	Aside    contacts.Backup
}

func (r Restored) String() string {
	s := fmt.Sprintf("Restored %s from %s", Plural(r.Contacts, "contact"), r.From)
	if r.Images > 0 || r.Skipped > 0 {
		s += fmt.Sprintf(", with %s", Plural(r.Images-r.Skipped, "card image"))
	}
	s += "."
	if r.Skipped > 0 {
		s += fmt.Sprintf(" %s in the archive were left out: they are not what their names say.", Plural(r.Skipped, "image"))
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
func RestorePath(ctx context.Context, store *contacts.Store, path string) (Restored, error) {
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

func archiveCommand(stdout io.Writer) *Command {
	return &Command{
		Name:       "archive",
		Args:       "FILE.zip",
		Summary:    "Write everything (the database and the card images) to one archive, to restore on another computer.",
		NeedsStore: true,
		ReadsOnly:  true,
		Flags: func(fs *flag.FlagSet) func(context.Context, *contacts.Store, []string) error {
			return func(ctx context.Context, store *contacts.Store, args []string) error {
				if len(args) != 1 {
					fs.Usage()
					return errors.New("archive: give one file to write")
				}
				info, err := store.WriteArchive(ctx, args[0])
				if err != nil {
					return fmt.Errorf("archive: %w", err)
				}
				fmt.Fprintf(stdout, "Wrote %s and %s to %s.\nOn the other computer: followthrough restore %s\n",
					Plural(info.Contacts, "contact"), Plural(info.Images, "card image"), args[0], args[0])
				return nil
			}
		},
	}
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
