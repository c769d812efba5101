package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has already opened
// with os.Create (storage.Writer): an existing file the user picks is
// emptied before the app has written a byte, and stays empty if the
// export then fails. Fyne has no save dialog that only gives the path
// (fyne-io/fyne#1264 asked for one). So the window replaces the "file"
// storage repository with keepingRepository, whose writers open the file
// only when first written to; the exports take the path from the writer,
// drop it unopened with chosenPath, and write the file themselves with
// app.WriteFileAtomic, which replaces it only once the new one is whole.

// localRepository is what Fyne's repository of local files does.
type localRepository interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// keepingRepository is Fyne's repository of local files, with writers
// that leave the file alone until something is written.
type keepingRepository struct {
	localRepository
}

// keepFilesUntilWritten wraps the "file" repository the app's driver
// registered in a keepingRepository, once.
func keepFilesUntilWritten() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(keepingRepository); done {
		return
	}
	if local, ok := r.(localRepository); ok {
		repository.Register("file", keepingRepository{local})
	}
}

// Writer returns a writer that opens (and so creates or empties) the file
// at u only at its first Write, or at Close if nothing was written, as
// Fyne's would have at once.
func (r keepingRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: func() (fyne.URIWriteCloser, error) { return r.localRepository.Writer(u) }}, nil
}

// lazyWriter is keepingRepository's writer.
type lazyWriter struct {
	uri     fyne.URI
	open    func() (fyne.URIWriteCloser, error)
	w       fyne.URIWriteCloser
	dropped bool
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open()
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.dropped {
		return nil
	}
	if l.w == nil {
		w, err := l.open()
		if err != nil {
			return err
		}
		l.w = w
	}
	return l.w.Close()
}

// chosenPath returns the path of the file chosen in a save dialog, and
// lets go of w without touching the file, for the caller to write it with
// app.WriteFileAtomic. Fyne's own dialog and the desktop portal's (under
// Flatpak) both open the file with storage.Writer, so both give a
// keepingRepository writer; another (a repository of another scheme) has
// the file open already, and is closed.
func chosenPath(w fyne.URIWriteCloser) string {
	if l, ok := w.(*lazyWriter); ok {
		l.dropped = true
		return l.uri.Path()
	}
	w.Close()
	return w.URI().Path()
}

// chooseSaveFile asks where to save a file, suggesting the name name
// (and showing only files ending in ext, unless ext is ""), and hands the
// path chosen to chosen. The file is not touched: chosen writes it with
// app.WriteFileAtomic, so that an export that fails leaves the old file
// as it was. what says what failed if the dialog fails ("Could not export
// the contacts").
func chooseSaveFile(win fyne.Window, name, ext, what string, chosen func(path string)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(win, what, err)
			return
		}
		if w == nil {
			return
		}
		chosen(chosenPath(w))
	}, win)
	d.SetFileName(name)
	if ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
	return d
}
