package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/zalando/go-keyring"

	"followthrough/contacts/davsync"
	"followthrough/contacts/ics"
	"followthrough/contacts/sqlite"
)

// The settings of CardDAV sync. The password is never among them: it goes
// to the system keyring.
const (
	SettingDAVURL  = "carddav.url"
	SettingDAVUser = "carddav.user"
	SettingDAVBook = "carddav.addressbook"
	// SettingDAVHTTP is the plain-http URL the user agreed to use.
	SettingDAVHTTP = "carddav.allow_http"
	// SettingCalDAVCalendar is the path of the calendar on the same
	// account that follow-ups are pushed to; empty for none.
	SettingCalDAVCalendar = "caldav.calendar"
	// SettingCalDAVAs is "events" when follow-ups go to the calendar as
	// events, anything else for to-dos.
	SettingCalDAVAs = "caldav.as"
)

// KeyringService is the name the password is kept under in the system
// keyring, with passwordKey as the user.
const KeyringService = "Follow Through CardDAV"

// PasswordKey is the name the password of user at url is kept under.
func PasswordKey(url, user string) string { return user + " at " + url }

// sessionPasswords keeps, until the app quits, the passwords that the
// system keyring could not take.
var sessionPasswords sync.Map

// ErrNoPassword is returned by loadPassword when no password is kept.
var ErrNoPassword = errors.New("enter the password")

// SavePassword keeps pw for user at url in the system keyring or, if
// there is none, for this session only, and then says why.
func SavePassword(url, user, pw string) error {
	key := PasswordKey(url, user)
	if err := keyring.Set(KeyringService, key, pw); err != nil {
		sessionPasswords.Store(key, pw)
		return fmt.Errorf("the system keyring is not available (%v), so the password is kept only until Follow Through closes", err)
	}
	sessionPasswords.Delete(key)
	return nil
}

// LoadPassword returns the password kept for user at url.
func LoadPassword(url, user string) (string, error) {
	key := PasswordKey(url, user)
	if pw, ok := sessionPasswords.Load(key); ok {
		return pw.(string), nil
	}
	pw, err := keyring.Get(KeyringService, key)
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", ErrNoPassword
	case err != nil:
		return "", fmt.Errorf("the system keyring is not available (%v): %w", err, ErrNoPassword)
	}
	return pw, nil
}

// DAVSettings are the saved settings of CardDAV sync.
type DAVSettings struct {
	URL, User, Book string
	AllowHTTP       bool // the user agreed to use URL over plain http
	// Calendar is the calendar of the same account that follow-ups are
	// pushed to, empty for none; AsEvents pushes them as events rather
	// than to-dos.
	Calendar string
	AsEvents bool
}

// LoadDAVSettings reads the CardDAV account from the settings.
func LoadDAVSettings(ctx context.Context, store *sqlite.Store) (DAVSettings, error) {
	var s DAVSettings
	var httpURL, as string
	for _, x := range []struct {
		key string
		v   *string
	}{{SettingDAVURL, &s.URL}, {SettingDAVUser, &s.User}, {SettingDAVBook, &s.Book}, {SettingDAVHTTP, &httpURL},
		{SettingCalDAVCalendar, &s.Calendar}, {SettingCalDAVAs, &as}} {
		var err error
		if *x.v, err = store.Setting(ctx, x.key, ""); err != nil {
			return s, err
		}
	}
	s.AllowHTTP = httpURL != "" && httpURL == s.URL
	s.AsEvents = as == "events"
	return s, nil
}

// IsPlainHTTP says whether url is a plain-http address.
func IsPlainHTTP(url string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(url)), "http://")
}

// SaveDAVSettings keeps the CardDAV account in the settings; its
// password goes to the keyring with SavePassword.
func SaveDAVSettings(ctx context.Context, store *sqlite.Store, s DAVSettings) error {
	httpURL := ""
	if s.AllowHTTP {
		httpURL = s.URL
	}
	as := "todos"
	if s.AsEvents {
		as = "events"
	}
	return store.SetSettings(ctx, map[string]string{
		SettingDAVURL: s.URL, SettingDAVUser: s.User, SettingDAVBook: s.Book, SettingDAVHTTP: httpURL,
		SettingCalDAVCalendar: s.Calendar, SettingCalDAVAs: as,
	})
}

// ListBooks returns the address books of the account s.
func ListBooks(ctx context.Context, s DAVSettings) ([]davsync.AddressBook, error) {
	c, err := DialAccount(s, "")
	if err != nil {
		return nil, err
	}
	return c.AddressBooks(ctx)
}

// DialAccount returns a client for the account s, with password, or when
// that is empty with the password kept for it. When none is kept the error
// is ErrNoPassword.
func DialAccount(s DAVSettings, password string) (*davsync.Client, error) {
	pw := password
	if pw == "" {
		var err error
		if pw, err = LoadPassword(s.URL, s.User); err != nil {
			return nil, err
		}
	}
	return davsync.Dial(davsync.Account{URL: s.URL, User: s.User, Password: pw, AllowHTTP: s.AllowHTTP})
}

// ListCalendars returns the calendars of the account s, for follow-ups.
func ListCalendars(ctx context.Context, s DAVSettings) ([]davsync.Calendar, error) {
	c, err := DialAccount(s, "")
	if err != nil {
		return nil, err
	}
	return c.Calendars(ctx)
}

// PushFollowUps pushes the follow-ups to the calendar of s, as to-dos or
// events, the one way the window and the sync command do it.
func PushFollowUps(ctx context.Context, store *sqlite.Store, client *davsync.Client, s DAVSettings) (davsync.CalendarResult, error) {
	as := ics.ToDos
	if s.AsEvents {
		as = ics.Events
	}
	cs := &davsync.CalendarSyncer{Store: store, Client: client, Calendar: s.Calendar, As: as}
	return cs.Sync(ctx)
}
