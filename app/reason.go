package app

import (
	"context"
	"errors"
	"io/fs"
	"syscall"

	"followthrough/app/receive"
	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
	"followthrough/ocr"
	"followthrough/ocr/tesseract"
)

// Reason is what a person can act on in err, for the window and the phone
// page. Errors the app knows are told apart with errors.Is and errors.As
// and said in words that suggest what to do; an error it does not know is
// given whole, so that the layers that name where it came from stay in it.
// Each error joined into err gives a line.
func Reason(err error) string {
	if err == nil {
		return ""
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var s string
		for i, e := range j.Unwrap() {
			if i > 0 {
				s += "\n"
			}
			s += Reason(e)
		}
		return s
	}
	var format *ocr.FormatError
	if errors.As(err, &format) {
		return "It is " + format.What + "."
	}
	for _, k := range knownErrors {
		if errors.Is(err, k.err) {
			return k.reason
		}
	}
	var (
		redirect *davsync.RedirectError
		parse    *vcf.ParseError
		path     *fs.PathError
	)
	switch {
	case errors.As(err, &redirect):
		return redirect.Error()
	case errors.As(err, &parse):
		return parse.Error()
	case errors.As(err, &path):
		return path.Path + ": " + fileReason(path.Err)
	}
	return err.Error()
}

// CardProblem is why one card could not be read, for a list that already
// names the card's file: Reason without the file's path.
func CardProblem(err error) string {
	var fe *ocr.FileError
	if errors.As(err, &fe) {
		err = fe.Err
	}
	var path *fs.PathError
	if errors.As(err, &path) {
		return fileReason(path.Err)
	}
	return Reason(err)
}

// fileReason is why a file could not be read or written, from the
// system's error.
func fileReason(err error) string {
	for _, k := range fileErrors {
		if errors.Is(err, k.err) {
			return k.reason
		}
	}
	return err.Error()
}

// A knownError is an error the app can say in words a person acts on.
type knownError struct {
	err    error
	reason string
}

// knownErrors are matched in order, so a wrapping error comes before what
// it wraps.
var knownErrors = []knownError{
	{context.Canceled, "Stopped before it was done."},
	{context.DeadlineExceeded, "It took too long and was stopped: try again."},
	{contacts.ErrNotLater, "A snooze only moves a follow-up later. To move it earlier, reschedule it."},
	{contacts.ErrPastDay, "That day is already past: choose today or a later day."},
	{sqlite.ErrNotFound, "That contact is no longer there: it may have just been deleted."},
	{sqlite.ErrExists, "That contact is already in your contacts."},
	{sqlite.ErrNewerSchema, "This data was written by a newer version of Follow Through: update the app to open it."},
	{sqlite.ErrNotPrivate, "The data folder cannot be made private to you (it is on a disk that does not keep owners, or belongs to someone else): choose a folder of your own."},
	{sqlite.ErrDamaged, "The database is damaged. Restore the latest backup (Settings > Backups)."},
	{sqlite.ErrNotBackup, "That file is not a Follow Through database or backup."},
	{sqlite.ErrNotArchive, "That file is not a Follow Through archive."},
	{sqlite.ErrMoving, "The data folder is being moved: changes are not taken until Follow Through starts again."},
	{vcf.ErrTooBigForQR, "The card is too long for a QR code, even without its note: share it as a .vcf file instead."},
	{vcf.ErrTooLarge, "The file is too large to be an address book this app reads."},
	{davsync.ErrInsecure, "The address is plain http, which would send the password unencrypted: use https, or confirm that this server is on your own network."},
	{davsync.ErrUnauthorized, "The server refused the user name or password."},
	{davsync.ErrChanged, "The card changed on the server since it was read, so it was left as it is there: sync again."},
	{davsync.ErrGone, "The card is no longer on the server."},
	{davsync.ErrTimeout, "The server did not answer in time: check the network, then try again."},
	{davsync.ErrNoSuchHost, "No server has that name: check the address, and that the computer is online."},
	{davsync.ErrUnreachable, "Could not reach the server: check the address and the network, then try again."},
	{davsync.ErrUntrusted, "The server's certificate is not one this computer trusts, so nothing was sent: check the address, or ask whoever runs the server."},
	{ErrNoPassword, "Enter the password."},
	{receive.ErrNoAddress, "This computer has no local network address: connect it to the same Wi-Fi as the phone, or to the phone's hotspot."},
	{receive.ErrIdle, "Receiving stopped after a while without a card: start it again to send more."},
	{ocr.ErrNotImage, "It is not a picture in a format the app reads (JPEG, PNG, TIFF, WebP or BMP)."},
	{tesseract.ErrNoOrientationData, "Tesseract's orientation data (tesseract-ocr-osd) is not installed: run make run again, or install it."},
	{tesseract.ErrClosed, "The reader was stopped: try again."},
}

// fileErrors are the system's reasons a file could not be used, in words.
var fileErrors = []knownError{
	{fs.ErrNotExist, "it is not there (was it moved or deleted?)"},
	{fs.ErrPermission, "permission denied: you may not open or change it"},
	{syscall.ENOSPC, "the disk is full"},
	{syscall.EROFS, "the disk is read-only"},
	{syscall.EISDIR, "it is a folder, not a file"},
	{syscall.ENAMETOOLONG, "the name is too long"},
}
