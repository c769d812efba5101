package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
	"followthrough/ocr"
)

// TestReason checks that the errors the app knows are found by what they
// are, however they were wrapped, and that any other is given whole.
func TestReason(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone.vcf")
	_, openErr := os.Open(missing)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"unknown, whole with its layers", fmt.Errorf("ics: write: %w", errors.New("boom")), "ics: write: boom"},
		{"a package name inside a message stays", errors.New("sqlite: no contacts: add some"), "sqlite: no contacts: add some"},
		{"known, under layers", fmt.Errorf("ui: %w", fmt.Errorf("sqlite: restore b.db: %w", sqlite.ErrDamaged)), "The database is damaged. Restore the latest backup (Settings > Backups)."},
		{"known, with %v is not known", fmt.Errorf("sqlite: %v", sqlite.ErrDamaged), "sqlite: the database is damaged"},
		{"snooze earlier", fmt.Errorf("sqlite: snooze: %w", contacts.ErrNotLater), "A snooze only moves a follow-up later. To move it earlier, reschedule it."},
		{"cancelled", fmt.Errorf("ocr: read a.png: %w", context.Canceled), "Stopped before it was done."},
		{"a file that is not there", fmt.Errorf("vcf: %w", openErr), missing + ": it is not there (was it moved or deleted?)"},
		{"permission", &fs.PathError{Op: "open", Path: "/x/a.ics", Err: syscall.EACCES}, "/x/a.ics: permission denied: you may not open or change it"},
		{"disk full", fmt.Errorf("app: export: %w", &fs.PathError{Op: "write", Path: "a.vcf", Err: syscall.ENOSPC}), "a.vcf: the disk is full"},
		{"a system error the app does not name", &fs.PathError{Op: "open", Path: "a", Err: syscall.EMLINK}, "a: " + syscall.EMLINK.Error()},
		{"redirect says where", fmt.Errorf("carddav: %w", &davsync.RedirectError{From: "https://a/", To: "http://a/"}), (&davsync.RedirectError{From: "https://a/", To: "http://a/"}).Error()},
		{"a line of a vCard", fmt.Errorf("vcf: %w", &vcf.ParseError{File: "a.vcf", Line: 3, Err: errors.New("bad line")}), "a.vcf, line 3: bad line"},
		{"joined, a line each", errors.Join(fmt.Errorf("a: %w", sqlite.ErrNotBackup), errors.New("b: other")), "That file is not a Follow Through database or backup.\nb: other"},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reason(tt.err); got != tt.want {
				t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

// TestReasonEveryKnownError checks that each known error is reached under
// layers of wrapping, and that no entry before it hides it.
func TestReasonEveryKnownError(t *testing.T) {
	for _, k := range knownErrors {
		t.Run(k.err.Error(), func(t *testing.T) {
			err := fmt.Errorf("ui: %w", fmt.Errorf("store: %w", k.err))
			if got := Reason(err); got != k.reason {
				t.Errorf("Reason(%v) = %q, want %q", err, got, k.reason)
			}
			if strings.TrimSpace(k.reason) == "" || strings.HasSuffix(k.reason, " ") {
				t.Errorf("reason %q is empty or ends in a space", k.reason)
			}
		})
	}
}

// TestCardProblem checks that a card's problem leaves out the file, which
// the list it goes in already names, and nothing else.
func TestCardProblem(t *testing.T) {
	dir := t.TempDir()
	notImage := filepath.Join(dir, "notes.png")
	if err := os.WriteFile(notImage, []byte("not a picture at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, notImageErr := ocr.LoadImage(notImage)
	_, missingErr := ocr.LoadImage(filepath.Join(dir, "gone.jpg"))
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"not an image", notImageErr, "It is not a picture in a format the app reads (JPEG, PNG, TIFF, WebP or BMP)."},
		{"not there", missingErr, "it is not there (was it moved or deleted?)"},
		{"stopped", &ocr.FileError{Path: "a.jpg", Err: context.Canceled}, "Stopped before it was done."},
		{"unknown, whole", &ocr.FileError{Path: "a.jpg", Err: errors.New("tesseract: boom")}, "tesseract: boom"},
		{"not a file error", fmt.Errorf("review: %w", errors.New("disk gone")), "review: disk gone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("the set-up made no error")
			}
			if got := CardProblem(tt.err); got != tt.want {
				t.Errorf("CardProblem(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}
