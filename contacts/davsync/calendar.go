package davsync

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav/caldav"

	"followthrough/contacts"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
)

// A Calendar is a collection of to-dos or events on the server.
type Calendar struct {
	Path string // its path on the server; CalendarSyncer's Calendar
	Name string // its display name, or the last part of its path
	// ToDos and Events say whether it takes to-dos (VTODO) and events
	// (VEVENT); a server that does not say takes both.
	ToDos, Events bool
}

// Calendars returns the user's calendars on the server, sorted by name:
// on the same account as the address books, found the same way (from the
// user's principal, or /.well-known/caldav).
func (c *Client) Calendars(ctx context.Context) ([]Calendar, error) {
	cals, err := c.calendars(ctx, c.base.String())
	if err != nil && !errors.Is(err, ErrUnauthorized) && c.base.Path == "/" {
		wk := *c.base
		wk.Path = "/.well-known/caldav"
		if found, werr := c.calendars(ctx, wk.String()); werr == nil {
			cals, err = found, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("caldav: list calendars at %s: %w", c.base.Redacted(), err)
	}
	return cals, nil
}

func (c *Client) calendars(ctx context.Context, endpoint string) ([]Calendar, error) {
	dav, err := caldav.NewClient(c.http, endpoint)
	if err != nil {
		return nil, err
	}
	principal, err := dav.FindCurrentUserPrincipal(ctx)
	if err != nil {
		return nil, err
	}
	home, err := dav.FindCalendarHomeSet(ctx, principal)
	if err != nil {
		return nil, err
	}
	found, err := dav.FindCalendars(ctx, home)
	if err != nil {
		return nil, err
	}
	cals := make([]Calendar, 0, len(found))
	for _, f := range found {
		name := f.Name
		if name == "" {
			name = path.Base(strings.TrimSuffix(f.Path, "/"))
		}
		comps := f.SupportedComponentSet
		cals = append(cals, Calendar{Path: f.Path, Name: name,
			ToDos:  len(comps) == 0 || slices.Contains(comps, ical.CompToDo),
			Events: len(comps) == 0 || slices.Contains(comps, ical.CompEvent)})
	}
	sort.Slice(cals, func(i, j int) bool { return cals[i].Name < cals[j].Name })
	return cals, nil
}

// A CalendarSyncer pushes the follow-ups of Store to the calendar
// Calendar on the server that Client talks to, as to-dos or events (As),
// and keeps them as they change in the app: a follow-up rescheduled is
// updated, one done is completed (a to-do) or marked done (an event), one
// cancelled is cancelled, one deleted is deleted. The app is the source:
// what is changed on the server is overwritten at the next change here; a
// to-do or event deleted on the server is not put back.
type CalendarSyncer struct {
	Store    *sqlite.Store
	Client   *Client
	Calendar string // the calendar's path, from Client.Calendars
	As       ics.As
	// Now is the clock for the DTSTAMP of what is pushed; nil means
	// time.Now.
	Now func() time.Time
}

// CalendarResult says what a push of follow-ups did.
type CalendarResult struct {
	Added   int // follow-ups put on the calendar for the first time
	Updated int // changed, done or cancelled since the last push
	Removed int // deleted here, and so on the calendar
	// Failed are the follow-ups that could not be pushed; the others were.
	Failed []error
}

// String sums r up in a sentence.
func (r CalendarResult) String() string {
	s := fmt.Sprintf("Added %d, updated %d, removed %d", r.Added, r.Updated, r.Removed)
	if n := len(r.Failed); n > 0 {
		s += fmt.Sprintf("; %d failed", n)
	}
	return s + "."
}

// Sync pushes what changed since the last push: open follow-ups never
// pushed are added (done or cancelled ones never pushed are left out),
// those changed are replaced, those deleted are removed. Each is put under
// its own UID, at a path made from it, so that a push cut short between
// putting and recording finds its to-do there when it tries again. It
// stops at the first error that stops everything, such as the server not
// answering; a follow-up that alone cannot be pushed is put in Failed.
func (s *CalendarSyncer) Sync(ctx context.Context) (CalendarResult, error) {
	var res CalendarResult
	fus, people, err := s.Store.EveryFollowUp(ctx)
	if err != nil {
		return res, err
	}
	recs, err := s.Store.CalendarRecords(ctx, s.Calendar)
	if err != nil {
		return res, err
	}
	recByID := make(map[int64]sqlite.CalendarRecord, len(recs))
	for _, r := range recs {
		recByID[r.FollowUpID] = r
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	for _, f := range fus {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		rec, pushed := recByID[f.ID]
		delete(recByID, f.ID)
		it := ics.Item{FollowUp: f, Contact: people[f.ContactID]}
		body, hash, err := s.encode(it, now())
		if err != nil {
			res.Failed = append(res.Failed, err)
			continue
		}
		switch {
		case !pushed && f.State != contacts.StateOpen:
		case !pushed:
			err = s.add(ctx, f, body, hash)
			res.Added += countIf(err == nil)
		case rec.ETag == "" || rec.Hash == hash:
			// Deleted on the server, or unchanged.
		default:
			err = s.update(ctx, rec, body, hash)
			res.Updated += countIf(err == nil)
		}
		if err != nil {
			res.Failed = append(res.Failed, fmt.Errorf("caldav: %s: %w", ics.Summary(f.Kind, it.Contact.DisplayName()), err))
		}
	}
	// What is left was deleted here.
	for _, rec := range recByID {
		err := s.Client.remove(ctx, rec.Href, rec.ETag)
		if errors.Is(err, ErrChanged) {
			err = s.Client.remove(ctx, rec.Href, "") // the app's to delete
		}
		if err == nil {
			err = s.Store.DeleteCalendarRecord(ctx, s.Calendar, rec.FollowUpID)
		}
		if err != nil {
			res.Failed = append(res.Failed, err)
			continue
		}
		res.Removed++
	}
	return res, nil
}

// encode returns the iCalendar object of it, stamped now, and a digest of
// it that does not change with the stamp.
func (s *CalendarSyncer) encode(it ics.Item, now time.Time) (body []byte, hash string, err error) {
	var buf, stable bytes.Buffer
	if err := ics.Write(&buf, []ics.Item{it}, now, ics.Options{As: s.As}); err != nil {
		return nil, "", err
	}
	if err := ics.Write(&stable, []ics.Item{it}, time.Time{}, ics.Options{As: s.As}); err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(stable.Bytes())
	return buf.Bytes(), hex.EncodeToString(sum[:]), nil
}

// calendarHeader is the header of a write of an iCalendar object.
func calendarHeader() http.Header {
	return http.Header{"Content-Type": {"text/calendar; charset=utf-8"}}
}

// add puts f, never pushed, on the calendar and records it. A to-do with
// its UID there already, put by a push cut short, is replaced.
func (s *CalendarSyncer) add(ctx context.Context, f contacts.FollowUp, body []byte, hash string) error {
	if f.UID == "" {
		return errors.New("the follow-up has no UID")
	}
	href := objectPath(s.Calendar, f.UID, ".ics")
	h := calendarHeader()
	h.Set("If-None-Match", "*")
	etag, err := s.Client.write(ctx, href, body, h)
	if errors.Is(err, ErrChanged) {
		// There already: ours, if it has the UID.
		data, theirs, gerr := s.Client.get(ctx, href)
		if gerr != nil {
			return gerr
		}
		if uid, _ := objectUID(data); uid != f.UID {
			return fmt.Errorf("%s holds another to-do or event", href)
		}
		etag, err = s.replace(ctx, href, body, theirs)
	}
	if err != nil {
		return err
	}
	return s.Store.SaveCalendarRecord(ctx, sqlite.CalendarRecord{Calendar: s.Calendar, FollowUpID: f.ID,
		Href: href, UID: f.UID, ETag: etag, Hash: hash})
}

// update replaces what rec says was pushed with body. What was changed on
// the server since is overwritten: the follow-up is the app's. What was
// deleted there is recorded as such, and not put back.
func (s *CalendarSyncer) update(ctx context.Context, rec sqlite.CalendarRecord, body []byte, hash string) error {
	etag, err := s.replace(ctx, rec.Href, body, rec.ETag)
	if errors.Is(err, ErrChanged) {
		var gerr error
		var now string
		if _, now, gerr = s.Client.get(ctx, rec.Href); gerr == nil {
			etag, err = s.replace(ctx, rec.Href, body, now)
		} else {
			err = gerr
		}
	}
	switch {
	case errors.Is(err, ErrGone):
		rec.ETag = ""
	case err != nil:
		return err
	default:
		rec.ETag = etag
	}
	rec.Hash = hash
	return s.Store.SaveCalendarRecord(ctx, rec)
}

// replace writes body over the object at href whose ETag is etag.
func (s *CalendarSyncer) replace(ctx context.Context, href string, body []byte, etag string) (string, error) {
	h, err := s.Client.precondition(ctx, href, etag)
	if err != nil {
		return "", err
	}
	for k, v := range calendarHeader() {
		h[k] = v
	}
	return s.Client.write(ctx, href, body, h)
}

// objectUID returns the UID of the first to-do or event in the iCalendar
// object data.
func objectUID(data []byte) (string, error) {
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		return "", err
	}
	for _, c := range cal.Children {
		if c.Name == ical.CompToDo || c.Name == ical.CompEvent {
			return c.Props.Text(ical.PropUID)
		}
	}
	return "", errors.New("no to-do or event")
}
