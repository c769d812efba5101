package ui

import (
	"context"
	"fmt"
	"image/color"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// backupSettings is the part of the settings about keeping the data safe:
// where it lives, the backups with "Back up now" and "Restore", and the
// archive of everything that moves it to another computer.
type backupSettings struct {
	win   fyne.Window
	store *sqlite.Store
	tasks *tasks
	clock app.Clock
	dates contacts.DateFormat
	// onRestored runs after a restore replaced the contacts, for the
	// screens to show the new ones.
	onRestored func()

	backups  []sqlite.Backup
	selected int // in backups; -1 for none

	list        *widget.List
	empty       *widget.Label
	status      *widget.Label
	backupNow   *widget.Button
	restore     *widget.Button
	restoreFile *widget.Button
	exportAll   *widget.Button
	importAll   *widget.Button
}

func newBackupSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock, dates contacts.DateFormat, onRestored func()) *backupSettings {
	return &backupSettings{win: win, store: store, tasks: tasks, clock: clock, dates: dates, onRestored: onRestored, selected: -1}
}

func (b *backupSettings) buildUI() fyne.CanvasObject {
	how := hintLabel(fmt.Sprintf("Each day you use Follow Through, a copy of the database is made in %s. "+
		"The last 7 days and the last 4 weeks are kept. Backups hold the contacts, events and follow-ups, not the card images: "+
		"to keep those too, or to move to another computer, export everything to one archive.", b.store.BackupsDir()))
	how.Wrapping = fyne.TextWrapWord

	b.list = widget.NewList(
		func() int { return len(b.backups) },
		newPlainRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(b.backups) {
				bk := b.backups[i]
				o.(*twoLineRow).set(b.dates.Time(bk.Time.Local()), backupDetail(bk))
			}
		},
	)
	b.list.OnSelected = func(i widget.ListItemID) {
		b.selected = i
		b.restore.Enable()
	}
	b.list.OnUnselected = func(widget.ListItemID) {
		b.selected = -1
		b.restore.Disable()
	}
	b.empty = widget.NewLabelWithStyle("No backups yet.", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	b.status = &widget.Label{Wrapping: fyne.TextWrapWord}

	b.backupNow = widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), b.onBackupNow)
	b.restore = widget.NewButtonWithIcon("Restore…", theme.HistoryIcon(), b.onRestore)
	b.restore.Disable()
	b.restoreFile = widget.NewButtonWithIcon("Restore from a file…", theme.FolderOpenIcon(), b.onRestoreFile)
	b.exportAll = widget.NewButtonWithIcon("Export everything…", theme.UploadIcon(), b.onExportAll)
	b.importAll = widget.NewButtonWithIcon("Import an archive…", theme.DownloadIcon(), b.onImportArchive)

	moving := hintLabel("Moving to another computer: export everything here to one archive (a .zip of the database and the card images), then import it there. What the other computer had is kept as a backup.")
	moving.Wrapping = fyne.TextWrapWord

	top := container.NewVBox(how)
	bottom := container.NewVBox(
		container.NewHBox(b.backupNow, b.restore, b.restoreFile),
		widget.NewSeparator(),
		moving,
		container.NewHBox(b.exportAll, b.importAll),
		b.status,
	)
	b.refresh()
	// The list keeps room for a few backups wherever it is shown: in a
	// dialog, or in a section of a scrolling Settings screen, which gives
	// it no more than its minimum.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 200))
	return container.NewBorder(top, bottom, nil, nil, container.NewStack(room, b.empty, b.list))
}

// backupDetail is the line under a backup in the list.
func backupDetail(bk sqlite.Backup) string {
	if bk.BeforeRestore {
		return "Your contacts as they were before a restore · " + app.ByteSize(bk.Size)
	}
	return "Backup · " + app.ByteSize(bk.Size)
}

// refresh reloads the list of backups.
func (b *backupSettings) refresh() {
	b.tasks.inOrder(func(ctx context.Context) func() {
		bs, err := b.store.Backups()
		return func() {
			if err != nil {
				b.status.SetText(app.Reason(err))
				return
			}
			b.backups = bs
			b.selected = -1
			b.list.UnselectAll()
			b.restore.Disable()
			b.list.Refresh()
			if len(bs) == 0 {
				b.empty.Show()
			} else {
				b.empty.Hide()
			}
		}
	})
}

// setBusy disables the buttons while a backup, restore or archive runs.
func (b *backupSettings) setBusy(busy bool) {
	for _, btn := range []*widget.Button{b.backupNow, b.restoreFile, b.exportAll, b.importAll} {
		if busy {
			btn.Disable()
		} else {
			btn.Enable()
		}
	}
	if busy || b.selected < 0 {
		b.restore.Disable()
	} else {
		b.restore.Enable()
	}
}

func (b *backupSettings) onBackupNow() {
	b.setBusy(true)
	b.status.SetText("Backing up…")
	b.tasks.inOrder(func(ctx context.Context) func() {
		bk, err := b.store.Backup(ctx)
		return func() {
			b.setBusy(false)
			if err != nil {
				b.status.SetText("")
				showError(b.win, "Could not back up", err)
				return
			}
			b.status.SetText(fmt.Sprintf("Backed up to %s.", bk.Name()))
			b.refresh()
		}
	})
}

func (b *backupSettings) onRestore() {
	if b.selected < 0 || b.selected >= len(b.backups) {
		return
	}
	b.restorePath(b.backups[b.selected].Path)
}

func (b *backupSettings) onRestoreFile() {
	b.chooseRestore("Could not open the file", []string{".db", ".zip"}, b.store.BackupsDir())
}

func (b *backupSettings) onImportArchive() {
	b.chooseRestore("Could not open the archive", []string{".zip"}, "")
}

// chooseRestore asks for a file with one of exts, starting in dir when it
// is not "", and restores from it; what failed is said as what.
func (b *backupSettings) chooseRestore(what string, exts []string, dir string) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(b.win, what, err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		b.restorePath(r.URI().Path())
	}, b.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// restorePath checks the backup or archive at path, says what it holds and
// asks before it replaces anything; then restores it.
func (b *backupSettings) restorePath(path string) {
	b.setBusy(true)
	b.status.SetText("Checking " + filepath.Base(path) + "…")
	b.tasks.inOrder(func(ctx context.Context) func() {
		var what string
		var err error
		if app.IsArchive(path) {
			var info sqlite.ArchiveInfo
			if info, err = b.store.CheckArchive(ctx, path); err == nil {
				what = fmt.Sprintf("the %s and %s of the archive made on %s", contacts.Plural(info.Contacts, "contact"),
					contacts.Plural(info.Images, "card image"), b.dates.Time(info.Created.Local()))
			}
		} else {
			var info sqlite.BackupInfo
			if info, err = sqlite.CheckBackup(ctx, path); err == nil {
				what = fmt.Sprintf("the %s, %s and %s of %s", contacts.Plural(info.Contacts, "contact"), contacts.Plural(info.Events, "event"),
					contacts.Plural(info.FollowUps, "follow-up"), filepath.Base(path))
			}
		}
		var now int
		if err == nil {
			now, err = b.store.Count(ctx)
		}
		return func() {
			b.setBusy(false)
			b.status.SetText("")
			if err != nil {
				showError(b.win, "Could not restore from "+filepath.Base(path), err)
				return
			}
			msg := fmt.Sprintf("Replace your %s with %s?\n\nWhat you have now is kept as a backup, which you can restore to undo this.",
				contacts.Plural(now, "contact"), what)
			showConfirm(b.win, "Restore", msg, "Restore", "Cancel", func(ok bool) {
				if ok {
					b.doRestore(path)
				}
			})
		}
	})
}

func (b *backupSettings) doRestore(path string) {
	b.setBusy(true)
	b.status.SetText("Restoring…")
	b.tasks.inOrder(func(ctx context.Context) func() {
		r, err := app.RestorePath(ctx, b.store, path)
		return func() {
			b.setBusy(false)
			b.refresh()
			if err != nil {
				b.status.SetText("")
				showError(b.win, "Could not restore; nothing was changed", err)
				return
			}
			b.status.SetText(r.String())
			if b.onRestored != nil {
				b.onRestored()
			}
		}
	})
}

func (b *backupSettings) onExportAll() {
	chooseSaveFile(b.win, "followthrough-"+b.clock.Now().Format("2006-01-02")+".zip", ".zip", "Could not export", b.exportTo)
}

// exportTo writes everything to an archive at path.
func (b *backupSettings) exportTo(path string) {
	b.setBusy(true)
	b.status.SetText("Exporting…")
	start := time.Now()
	b.tasks.inOrder(func(ctx context.Context) func() {
		info, err := b.store.WriteArchive(ctx, path)
		return func() {
			b.setBusy(false)
			if err != nil {
				b.status.SetText("")
				showError(b.win, "Could not export", err)
				return
			}
			b.status.SetText(fmt.Sprintf("Wrote %s and %s to %s in %s. Import it on the other computer with Settings > Backups > Import an archive.",
				contacts.Plural(info.Contacts, "contact"), contacts.Plural(info.Images, "card image"), path, time.Since(start).Round(time.Second/10)))
		}
	})
}
