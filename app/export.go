package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"strings"
	"time"

	"followthrough/contacts"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// WriteFileAtomic writes the file at path through write, replacing path
// only once the whole file is on disk, so a failure or a crash never leaves
// half a file. Files of contacts are readable by their owner only.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return sqlite.WriteFileAtomic(path, 0o600, write)
}

// ExportOptions say how to write a .vcf file.
type ExportOptions struct {
	V4 bool // vCard 4.0 rather than 3.0
	// Store, if set, is where the card images are, to include each as
	// the contact's photo.
	Store *sqlite.Store
}

// WriteVCardsFile writes cs to the .vcf file at path as opts say. A card
// image that cannot be read is left out, and the contact written without.
func WriteVCardsFile(path string, opts ExportOptions, cs []contacts.Contact) error {
	_, err := WriteVCardsFrom(context.Background(), path, opts, ContactsOf(cs))
	return err
}

// ContactSource hands contacts to fn a batch at a time, as
// Store.EachContact does.
type ContactSource func(ctx context.Context, fn func([]contacts.Contact) error) error

// ContactsOf is the source of the contacts cs, in one batch.
func ContactsOf(cs []contacts.Contact) ContactSource {
	return func(_ context.Context, fn func([]contacts.Contact) error) error { return fn(cs) }
}

// WriteVCardsFrom writes the contacts of src to the .vcf file at path as
// opts say, a batch at a time, so that exporting a hundred thousand never
// holds them all, and replaces the file only once all are written. It
// returns how many it wrote.
func WriteVCardsFrom(ctx context.Context, path string, opts ExportOptions, src ContactSource) (int, error) {
	var prepare func(contacts.Contact) contacts.Contact
	if opts.Store != nil {
		prepare = func(c contacts.Contact) contacts.Contact { return withPhoto(opts.Store, c, opts.V4) }
	}
	n := 0
	err := WriteFileAtomic(path, func(w io.Writer) error {
		var err error
		n, err = vcf.Export(ctx, w, src, opts.V4, prepare)
		return err
	})
	return n, err
}

// withPhoto returns c with its card image as the contact's photo; without
// it if the image cannot be read.
func withPhoto(store *sqlite.Store, c contacts.Contact, v4 bool) contacts.Contact {
	if c.Image == "" {
		return c
	}
	photo, err := vcf.CardPhoto(store.ImagePath(c.Image))
	if err != nil {
		log.Printf("export: %s: %v", c.DisplayName(), err)
		return c
	}
	return vcf.WithPhoto(c, photo, v4)
}

// ClosedExportDays is how long a follow-up done or cancelled stays in a
// calendar export: long enough that a phone which imported an export in
// the last three months has it closed by the next, short enough that the
// file does not grow with every follow-up ever made, nor fill a calendar
// that imports it for the first time with years of ticked-off calls.
const ClosedExportDays = 90

// A CalendarExport is an export of the follow-ups to an iCalendar file,
// prepared whole in memory, so that whatever can fail fails before the
// file is touched.
type CalendarExport struct {
	Open   int // open follow-ups in it
	Closed int // follow-ups done or cancelled in the last ClosedExportDays
	As     ics.As
	data   []byte
}

// Total is how many follow-ups the export holds.
func (e CalendarExport) Total() int { return e.Open + e.Closed }

// String says what e holds: "3 follow-ups (1 of them done or cancelled)".
func (e CalendarExport) String() string {
	s := contacts.Plural(e.Total(), "follow-up")
	if e.Closed > 0 {
		s += fmt.Sprintf(" (%d of them done or cancelled)", e.Closed)
	}
	return s
}

// PrepareCalendarExport builds the calendar export of the follow-ups of
// store, as to-dos or events, stamped now: the window and the export-ics
// command both build it here. It holds every open follow-up, and those
// done or cancelled in the last ClosedExportDays days, each under the UID
// it had when open and one change on, so that a calendar importing the
// file again closes what it imported open. With nothing to export it
// returns ics.ErrNothingToExport.
func PrepareCalendarExport(ctx context.Context, store *sqlite.Store, now time.Time, as ics.As) (CalendarExport, error) {
	e := CalendarExport{As: as}
	items, err := calendarItems(ctx, store, now, &e)
	if err != nil {
		return CalendarExport{}, err
	}
	var buf bytes.Buffer
	if err := ics.Write(&buf, items, now, ics.Options{As: as}); err != nil {
		return CalendarExport{}, err
	}
	e.data = buf.Bytes()
	return e, nil
}

// CalendarExportSize is how many follow-ups PrepareCalendarExport would
// export now, for the window to offer the export only when there is
// something.
func CalendarExportSize(ctx context.Context, store *sqlite.Store, now time.Time) (int, error) {
	var e CalendarExport
	_, err := calendarItems(ctx, store, now, &e)
	return e.Total(), err
}

// calendarItems returns what a calendar export at now holds, and counts
// them in e.
func calendarItems(ctx context.Context, store *sqlite.Store, now time.Time, e *CalendarExport) ([]ics.Item, error) {
	fus, people, err := store.EveryFollowUp(ctx)
	if err != nil {
		return nil, err
	}
	since := now.AddDate(0, 0, -ClosedExportDays)
	var items []ics.Item
	for _, f := range fus {
		switch {
		case f.State == contacts.StateOpen:
			e.Open++
		case !closedAt(f).Before(since):
			e.Closed++
		default:
			continue
		}
		items = append(items, ics.Item{FollowUp: f, Contact: people[f.ContactID]})
	}
	return items, nil
}

// closedAt is when the closed follow-up f was closed: its last change, or
// for one closed before the store kept that, the day it was done, else
// its due day.
func closedAt(f contacts.FollowUp) time.Time {
	d := f.Due
	switch {
	case !f.Modified.IsZero():
		return f.Modified
	case !f.DoneOn.IsZero():
		d = f.DoneOn
	}
	return time.Date(d.Year, d.Month, d.Day, 23, 59, 59, 0, time.Local)
}

// WriteFile writes e to the file at path, replacing it only once the
// whole file is on disk.
func (e CalendarExport) WriteFile(path string) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(e.data)
		return err
	})
}

// ExportICS prepares the calendar export (PrepareCalendarExport) and
// writes it to the file at path; with nothing to export, or when anything
// fails, the file is left as it was.
func ExportICS(ctx context.Context, store *sqlite.Store, path string, now time.Time, as ics.As) (CalendarExport, error) {
	e, err := PrepareCalendarExport(ctx, store, now, as)
	if err != nil {
		return CalendarExport{}, err
	}
	return e, e.WriteFile(path)
}

// The names of the forms of a follow-up in a calendar export, as the
// export-ics command takes them and the settings keep them.
const (
	CalendarToDos  = "todos"
	CalendarEvents = "events"
)

// ParseCalendarAs reads the name of a form of follow-ups in a calendar,
// CalendarToDos or CalendarEvents (or "to-dos", "todo", "event").
func ParseCalendarAs(name string) (ics.As, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case CalendarToDos, "to-dos", "todo":
		return ics.ToDos, nil
	case CalendarEvents, "event":
		return ics.Events, nil
	}
	return ics.ToDos, fmt.Errorf("give %s or %s, not %q", CalendarToDos, CalendarEvents, name)
}

// CalendarAsName is the name of as that ParseCalendarAs reads.
func CalendarAsName(as ics.As) string {
	if as == ics.Events {
		return CalendarEvents
	}
	return CalendarToDos
}

// SettingCalendarExportAs is the form ("todos" or "events") the window
// last exported follow-ups to a calendar file in.
const SettingCalendarExportAs = "export.calendarAs"

// CalendarExportAs is the form the window last exported follow-ups in:
// to-dos until the user picks.
func CalendarExportAs(ctx context.Context, store *sqlite.Store) (ics.As, error) {
	name, err := store.Setting(ctx, SettingCalendarExportAs, CalendarToDos)
	if err != nil {
		return ics.ToDos, err
	}
	as, err := ParseCalendarAs(name)
	if err != nil {
		return ics.ToDos, nil // a setting of another version: the default
	}
	return as, nil
}

// SetCalendarExportAs keeps as as the form to offer first next time.
func SetCalendarExportAs(ctx context.Context, store *sqlite.Store, as ics.As) error {
	return store.SetSetting(ctx, SettingCalendarExportAs, CalendarAsName(as))
}
