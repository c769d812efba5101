// Package sqlite keeps contacts in a SQLite database in a data folder:
// the schema and its migrations, search, the reconnect list's queries,
// backups, archives, moving the folder, and the card images with their
// thumbnails. It is the only package that touches SQL.
package sqlite

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/mattn/go-sqlite3"

	"followthrough/contacts"
)

// ErrNotFound is returned, wrapped, when no contact has the requested ID.
var ErrNotFound = errors.New("contact not found")

// ErrNewerSchema is returned, wrapped, for a database written by a newer
// version of the program, which this one cannot read.
var ErrNewerSchema = errors.New("written by a newer version of Follow Through")

// ErrNotPrivate is returned, wrapped, by Open when the data folder, or a
// folder in it, cannot be made readable by its owner only (a folder of
// another user, or on a file system without permissions): the error says
// which folder and why.
var ErrNotPrivate = errors.New("the data folder cannot be made private to its owner")

// ErrExists is returned, wrapped, by Store.Restore when a contact with the
// same ID is already stored.
var ErrExists = errors.New("contact already exists")

// ErrNoFullTextSearch is returned by Open from a program built without
// SQLite's full-text search, which the search index needs.
var ErrNoFullTextSearch = errors.New("this program was built without SQLite's full-text search: build it with the tag sqlite_fts5, as the Makefile does")

const (
	dbName     = "followthrough.db"
	imagesDir  = "images"
	driverName = "sqlite3_followthrough_contacts"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

func init() {
	// The driver adds two SQL functions: fold_case, which
	// lower-cases all of Unicode where SQLite's lower only knows ASCII,
	// and digits.
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(conn *sqlite3.SQLiteConn) error {
			// Read the database through memory mapping, from the page
			// cache the system shares, rather than with a call to the
			// system for each page: lists of a large address book read
			// thousands of rows from all over the file.
			if _, err := conn.Exec("PRAGMA mmap_size = 1073741824", nil); err != nil {
				return err
			}
			if err := conn.RegisterFunc("fold_case", foldCase, true); err != nil {
				return err
			}
			return conn.RegisterFunc("digits", contacts.Digits, true)
		},
	})
}

// foldCase returns s in the case List compares text in.
func foldCase(s string) string { return strings.ToLower(s) }

// A Store keeps contacts in a SQLite database, and the images of their
// cards in files next to it. It keeps times to the millisecond. Its
// methods may be called from several goroutines at once.
type Store struct {
	// Now returns the current time, used to stamp contacts when they are
	// added and updated. Open sets it to time.Now; tests may replace it
	// before using the store.
	Now func() time.Time
	// Region is the region, as an ISO 3166-1 alpha-2 code, assumed for
	// phone numbers written without a country calling code: the store
	// keeps their E.164 form for search and finds duplicates by it. Open
	// sets it to contacts.DefaultRegion; set it, if at all, before using
	// the store.
	Region string

	db *sql.DB // for writing: each transaction takes the write lock at once
	// rdb is for reading: its transactions take no lock until they
	// write, which they do not, so that in WAL mode they read while
	// another connection writes, and a long read such as an export
	// never holds up a save.
	rdb *sql.DB
	dir string
	// searchIndex is set once the schema has the search index, which
	// every transaction then brings up to date before it commits.
	searchIndex bool
	// trash is set once the schema keeps deleted contacts for an undo.
	trash bool
	// moving is set while the data folder is copied by CopyTo, and after
	// it is: transactions that write refuse with ErrMoving.
	moving atomic.Bool
}

// Open opens the store kept in dir, creating dir, the database
// dir/followthrough.db and the image directory dir/images as needed, and
// brings the database schema up to date.
func Open(ctx context.Context, dir string) (*Store, error) {
	if !fullTextSearch {
		return nil, fmt.Errorf("sqlite: open %s: %w", dir, ErrNoFullTextSearch)
	}
	s, err := open(ctx, dir, migrationFS)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", dir, err)
	}
	return s, nil
}

func open(ctx context.Context, dir string, migrations fs.FS) (*Store, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := makePrivateDirs(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, dbName)
	if err := makePrivateFiles(path, path+"-wal", path+"-shm"); err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, dsn(path))
	if err != nil {
		return nil, err
	}
	rdb, err := sql.Open(driverName, strings.Replace(dsn(filepath.Join(dir, dbName)), "_txlock=immediate", "_txlock=deferred", 1))
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{Now: time.Now, Region: contacts.DefaultRegion, db: db, rdb: rdb, dir: dir}
	if err := s.migrate(ctx, migrations); err != nil {
		s.Close()
		return nil, err
	}
	err = db.QueryRowContext(ctx, "SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'search_pending'").Scan(&s.searchIndex)
	if err == nil && s.searchIndex {
		// Index what is pending: every contact of a database that had no
		// index yet, or changes made by another program.
		err = s.inTx(ctx, func(*sql.Tx) error { return nil })
	}
	if err == nil {
		err = db.QueryRowContext(ctx, "SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'trash'").Scan(&s.trash)
	}
	if err == nil && s.trash {
		// What was deleted and not purged, by a program that quit before
		// the undo chance ended, goes now.
		err = s.purgeOld(ctx)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// makePrivateDirs creates dir and its image directory, readable by their
// owner only. A folder that exists, made by an older version or given
// with --data, is closed to other users, and so are its image and
// thumbnail folders; when that cannot be done, the error wraps
// ErrNotPrivate.
func makePrivateDirs(dir string) error {
	// The folders above it, such as ~/.local/share, are made as usual.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if err := chmodAtMost(dir, 0o700); err != nil {
		return fmt.Errorf("%w: %w", ErrNotPrivate, err)
	}
	if err := makePrivateDir(filepath.Join(dir, imagesDir)); err != nil {
		return err
	}
	// The thumbnails are made as they are needed: a folder of an older
	// version, made open to others, is closed now.
	err := chmodAtMost(filepath.Join(dir, thumbsDir), 0o700)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %w", ErrNotPrivate, err)
	}
	return nil
}

// makePrivateDir creates the folder dir, if it is not there, readable by
// its owner only, and closes it to others if it is.
func makePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := chmodAtMost(dir, 0o700); err != nil {
		return fmt.Errorf("%w: %w", ErrNotPrivate, err)
	}
	return nil
}

// makePrivateFiles creates the database file at paths[0], if it is not
// there, readable and writable by its owner only, before SQLite creates it
// with the umask's mode; SQLite gives its -wal and -shm files the mode of
// the database. Files that exist, from an older version, lose any access
// by others.
func makePrivateFiles(paths ...string) error {
	f, err := os.OpenFile(paths[0], os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	for _, p := range paths {
		if err := chmodAtMost(p, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// chmodAtMost takes away from the file at path any permission that perm
// does not grant.
func chmodAtMost(path string, perm fs.FileMode) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if mode := info.Mode().Perm(); mode&^perm != 0 {
		return os.Chmod(path, mode&perm)
	}
	return nil
}

// dsn returns the data source name that opens the database file at path.
// Each connection keeps its statements prepared (_stmt_cache_size), which
// saves compiling the same SQL, with its triggers, again on every call.
func dsn(path string) string {
	// In an SQLite URI, "?" and "#" end the path and "%" escapes.
	escaped := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + escaped + "?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on&_synchronous=NORMAL&_txlock=immediate&_stmt_cache_size=64"
}

// HasStore says whether dir holds a database that Open would open,
// rather than make anew.
func HasStore(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, dbName))
	return err == nil
}

// Dir returns the absolute path of the directory s keeps its data in.
func (s *Store) Dir() string { return s.dir }

// Close closes the database.
func (s *Store) Close() error { return errors.Join(s.rdb.Close(), s.db.Close()) }

// A migration is one step of the schema, read from a file named like
// "001_init.sql" whose number is the schema version it leads to.
type migration struct {
	version int
	name    string
	sql     string
}

// readMigrations returns the migrations in the directory "migrations" of
// fsys, in order. Their numbers must be distinct and start from 1, but may
// skip some: branches developed side by side each take a number, and not
// every number need land.
func readMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".sql" {
			continue
		}
		num, _, _ := strings.Cut(name, "_")
		version, err := strconv.Atoi(strings.TrimSuffix(num, ".sql"))
		if err != nil || version < 1 {
			return nil, fmt.Errorf("migration %s: name does not start with a number from 1", name)
		}
		b, err := fs.ReadFile(fsys, path.Join("migrations", name))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: version, name: name, sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return cmp.Compare(a.version, b.version) })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version of the databases this program
// writes: the number of its last migration. A database with a higher
// PRAGMA user_version was written by a newer program.
func SchemaVersion() int {
	ms, err := readMigrations(migrationFS)
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies, each in its own transaction, the migrations in fsys
// that are newer than the database's user_version, and sets user_version
// to the number of each as it is applied.
func (s *Store) migrate(ctx context.Context, fsys fs.FS) error {
	ms, err := readMigrations(fsys)
	if err != nil {
		return err
	}
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if latest := latestVersion(ms); version > latest {
		return fmt.Errorf("database schema version %d is newer than this program knows (%d): %w", version, latest, ErrNewerSchema)
	}
	for _, m := range ms {
		if m.version <= version {
			continue
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Another process may have migrated since we looked: the
			// transaction holds the write lock, so look again.
			var current int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
				return err
			}
			if current >= m.version {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			// A PRAGMA takes no parameters; m.version is an int.
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// latestVersion is the number of the last of ms, or 0.
func latestVersion(ms []migration) int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// inTx runs fn in a transaction, which it commits if fn returns nil and
// rolls back otherwise. While the data folder is moved it refuses with
// ErrMoving.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeLocked(ctx, true, fn)
}

// underWriteLock runs fn, which only reads, in a transaction that holds
// the write lock, so that nothing changes while fn looks at the database
// and at the files it names. It is not refused while the data folder is
// moved.
func (s *Store) underWriteLock(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeLocked(ctx, false, fn)
}

func (s *Store) writeLocked(ctx context.Context, writes bool, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Looked at once the write lock is held: see Store.waitForWrites.
	if writes && s.moving.Load() {
		return ErrMoving
	}
	if err := fn(tx); err != nil {
		return err
	}
	if s.searchIndex {
		if err := indexPending(ctx, tx, s.Region); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
	}
	return tx.Commit()
}

// read runs fn in a transaction of the reading connections, which sees
// the database as it was when the transaction began, and holds no lock
// that would keep a writer waiting.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// now returns the current time as the database keeps it: to the
// millisecond, in the local time zone.
func (s *Store) now() time.Time {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	return time.UnixMilli(now().UnixMilli())
}

// contactColumns are the columns a contact is read from, in the order
// scanContact takes them. The event's name is its record's, or, once the
// event has been deleted, the name the contact kept (see
// migrations/007_compact.sql).
const contactColumns = `id, full_name, given_name, family_name, title, company,
	prefix, middle_name, suffix, note, coalesce((SELECT name FROM events WHERE events.id = event_id), event), image, created, updated,
	event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra, uid,
	phonetic_given_name, phonetic_family_name`

// insertColumns are the columns insertContact writes.
const insertColumns = `id, full_name, given_name, family_name, title, company,
	prefix, middle_name, suffix, note, event, image, created, updated,
	event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra, uid,
	phonetic_given_name, phonetic_family_name`

// Add stores c as a new contact and sets its ID, Created and Updated.
// The ID that c had is ignored. c keeps its UID, as a card read from
// another app does, unless it has none or another contact has it: then it
// gets a new one (contacts.NewUID). The follow-ups given are scheduled for it
// in the same transaction: a card is saved with its first follow-up, or
// not at all.
func (s *Store) Add(ctx context.Context, c *contacts.Contact, follow ...contacts.FollowUp) error {
	now := s.now()
	var added contacts.Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = addContact(ctx, tx, *c, now, follow)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: add %q: %w", c.DisplayName(), err)
	}
	*c = added
	return nil
}

// AddAll stores each of cs as a new contact, as Add does, all in one
// transaction: all of them are stored or, on an error, none. It is how
// thousands are added at once, such as from a big .vcf file.
func (s *Store) AddAll(ctx context.Context, cs []contacts.Contact) error {
	now := s.now()
	added := make([]contacts.Contact, len(cs))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, c := range cs {
			var err error
			if added[i], err = addContact(ctx, tx, c, now, nil); err != nil {
				return fmt.Errorf("%q: %w", c.DisplayName(), err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: add %d contacts: %w", len(cs), err)
	}
	copy(cs, added)
	return nil
}

// keptEvent is what the event column of c holds: "" while c's event has
// a record, which holds its name.
func keptEvent(c contacts.Contact) string {
	if c.EventID != 0 {
		return ""
	}
	return c.Event
}

// addContact is Add inside the transaction tx. It returns c as stored.
func addContact(ctx context.Context, tx *sql.Tx, c contacts.Contact, now time.Time, follow []contacts.FollowUp) (contacts.Contact, error) {
	c = c.Clean()
	c.ID, c.Created, c.Updated = 0, now, now
	var err error
	if c.UID, err = freeUID(ctx, tx, c.UID); err != nil {
		return c, err
	}
	if err := resolveEvent(ctx, tx, &c, contacts.DayOf(now)); err != nil {
		return c, err
	}
	id, err := insertContact(ctx, tx, c)
	if err != nil {
		return c, err
	}
	c.ID = id
	for _, f := range follow {
		f.ContactID = id
		if err := insertFollowUp(ctx, tx, &f, now); err != nil {
			return c, err
		}
	}
	return c, nil
}

// freeUID returns uid, the UID a new contact comes with, if no stored
// contact has it, and a new one (contacts.NewUID) if it is "" or taken, as
// when the same card is imported twice: a UID names one contact only.
func freeUID(ctx context.Context, tx *sql.Tx, uid string) (string, error) {
	if uid = contacts.CleanLine(uid); uid == "" {
		return contacts.NewUID(), nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts WHERE uid = ?", uid).Scan(&n); err != nil {
		return "", err
	}
	if n > 0 {
		return contacts.NewUID(), nil
	}
	return uid, nil
}

// Restore undoes the deletion of c, which Delete returned: the contact
// comes back with the same ID and times, and with everything Delete kept
// of it. Once the deletion has been purged, only c itself is stored again.
// It fails with an error wrapping ErrExists if a contact with that ID is
// stored.
func (s *Store) Restore(ctx context.Context, c contacts.Contact) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if c.ID <= 0 {
			return errors.New("contact has no ID")
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts WHERE id = ?", c.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrExists
		}
		if ok, err := restoreFromTrash(ctx, tx, c.ID); ok || err != nil {
			return err
		}
		var err error
		if c.UID, err = freeUID(ctx, tx, c.UID); err != nil {
			return err
		}
		_, err = insertContact(ctx, tx, c.Clean())
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: restore %d: %w", c.ID, err)
	}
	return nil
}

// insertContact inserts c with its phones, emails and websites, and
// returns its ID. If c.ID is 0, the database chooses the ID. c.UID must
// be set (see freeUID).
func insertContact(ctx context.Context, tx *sql.Tx, c contacts.Contact) (int64, error) {
	var id any
	if c.ID != 0 {
		id = c.ID
	}
	if err := c.Cadence.Valid(); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO contacts (`+insertColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, c.FullName, c.GivenName, c.FamilyName, c.Title, c.Company,
		c.Prefix, c.MiddleName, c.Suffix, c.Note, keptEvent(c), c.Image, c.Created.UnixMilli(), c.Updated.UnixMilli(),
		nullID(c.EventID), c.MetOn.String(), c.IntroducedBy, nullID(c.IntroducedByID), c.TalkedAbout,
		c.Cadence.Ideal, c.Cadence.Max, strings.Join(c.Extra, "\n"), c.UID,
		c.PhoneticGivenName, c.PhoneticFamilyName)
	if err != nil {
		return 0, err
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return newID, insertChildren(ctx, tx, newID, c)
}

// insertChildren inserts the phones, emails, websites and tags of c under
// id.
func insertChildren(ctx context.Context, tx *sql.Tx, id int64, c contacts.Contact) error {
	for _, t := range c.Tags {
		if _, err := tx.ExecContext(ctx,
			"INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?, ?)", id, t); err != nil {
			return err
		}
	}
	for i, p := range c.Phones {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO phones (contact_id, position, number, kind) VALUES (?, ?, ?, ?)",
			id, i, p.Number, string(p.Kind)); err != nil {
			return err
		}
	}
	for i, e := range c.Emails {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO emails (contact_id, position, address, label) VALUES (?, ?, ?, ?)",
			id, i, e, string(c.EmailLabels[e])); err != nil {
			return err
		}
	}
	for i, u := range c.Websites {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO websites (contact_id, position, url, label) VALUES (?, ?, ?, ?)",
			id, i, u, string(c.WebsiteLabels[u])); err != nil {
			return err
		}
	}
	for i, a := range c.Addresses {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO addresses (contact_id, position, label, po_box, extended, street, city, region, postal_code, country)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, string(a.Label), a.POBox, a.Extended, a.Street, a.City, a.Region, a.PostalCode, a.Country); err != nil {
			return err
		}
	}
	return nil
}

// Update replaces the stored contact that has c's ID with c, phones,
// emails and websites included, and sets its update time to now. It keeps
// the stored creation time, and the stored UID when c has none. It fails
// with an error wrapping ErrNotFound if no contact has that ID.
func (s *Store) Update(ctx context.Context, c contacts.Contact) error {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error { return updateContact(ctx, tx, &c, now) })
	if err != nil {
		return fmt.Errorf("sqlite: update %d: %w", c.ID, err)
	}
	return nil
}

// updateContact is Update inside the transaction tx; it sets c's event
// from its name.
func updateContact(ctx context.Context, tx *sql.Tx, c *contacts.Contact, now time.Time) error {
	*c = c.Clean()
	if err := c.Cadence.Valid(); err != nil {
		return err
	}
	if err := resolveEvent(ctx, tx, c, contacts.DayOf(now)); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE contacts SET
		full_name = ?, given_name = ?, family_name = ?, title = ?, company = ?,
		prefix = ?, middle_name = ?, suffix = ?, note = ?, event = ?, image = ?, updated = ?,
		event_id = ?, met_on = ?, introduced_by = ?, introduced_by_id = ?, talked_about = ?,
		cadence_ideal = ?, cadence_max = ?, extra = ?, uid = coalesce(nullif(?, ''), uid),
		phonetic_given_name = ?, phonetic_family_name = ?
		WHERE id = ?`,
		c.FullName, c.GivenName, c.FamilyName, c.Title, c.Company,
		c.Prefix, c.MiddleName, c.Suffix, c.Note, keptEvent(*c), c.Image, now.UnixMilli(),
		nullID(c.EventID), c.MetOn.String(), c.IntroducedBy, nullID(c.IntroducedByID), c.TalkedAbout,
		c.Cadence.Ideal, c.Cadence.Max, strings.Join(c.Extra, "\n"), c.UID,
		c.PhoneticGivenName, c.PhoneticFamilyName, c.ID)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	for _, table := range []string{"phones", "emails", "websites", "addresses", "tags"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE contact_id = ?", c.ID); err != nil {
			return err
		}
	}
	return insertChildren(ctx, tx, c.ID, *c)
}

// Get returns the contact with the given ID, or an error wrapping
// ErrNotFound if there is none.
func (s *Store) Get(ctx context.Context, id int64) (contacts.Contact, error) {
	var c contacts.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = getContact(ctx, tx, id)
		return err
	})
	if err != nil {
		return contacts.Contact{}, fmt.Errorf("sqlite: get %d: %w", id, err)
	}
	return c, nil
}

// Delete removes the contact with the given ID, and returns it as it was
// so that it can be given to Restore. Until Purge (or, at the latest, the
// next Open some minutes later) the store keeps, out of every query's
// sight, everything that hangs on the contact: phones, emails, websites,
// tags, follow-ups, interactions, who they introduced, and the card image
// and its thumbnail, so that Restore puts it all back. Delete fails with
// an error wrapping ErrNotFound if no contact has that ID.
func (s *Store) Delete(ctx context.Context, id int64) (contacts.Contact, error) {
	var c contacts.Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = getContact(ctx, tx, id); err != nil {
			return err
		}
		return moveToTrash(ctx, tx, id, s.now())
	})
	if err != nil {
		return contacts.Contact{}, fmt.Errorf("sqlite: delete %d: %w", id, err)
	}
	return c, nil
}

func getContact(ctx context.Context, tx *sql.Tx, id int64) (contacts.Contact, error) {
	row := tx.QueryRowContext(ctx, "SELECT "+contactColumns+" FROM contacts WHERE id = ?", id)
	c, err := scanContact(row)
	if errors.Is(err, sql.ErrNoRows) {
		return contacts.Contact{}, ErrNotFound
	}
	if err != nil {
		return contacts.Contact{}, err
	}
	cs := []contacts.Contact{c}
	if err := loadChildren(ctx, tx, cs); err != nil {
		return contacts.Contact{}, err
	}
	return cs[0], nil
}

// Filter says which contacts Find returns.
type Filter struct {
	Query   string // as for List; "" for all
	Tag     string // only contacts with this tag, ignoring case; "" for all
	EventID int64  // only contacts met at this event; 0 for all
	Offset  int    // leave out this many from the start
	Limit   int    // at most this many; <= 0 for no limit
}

// List returns the contacts that match query, most recently updated first,
// at most limit of them, or all of them if limit <= 0.
//
// A contact matches if each word of query, ignoring case and accents,
// begins a word of its name, company, title, event, one of its tags or
// one of its email addresses: "smi" finds "Jane Smith" and "acme" finds
// "ann@acme.example". In Chinese, Japanese and Korean, where words are
// not spaced, each character is a word. A query made only of digits and
// the punctuation of phone numbers, such as "(650) 555", also matches the
// contacts with a phone number whose digits include its digits, when
// there are at least three. The empty query matches every contact.
func (s *Store) List(ctx context.Context, query string, limit int) ([]contacts.Contact, error) {
	return s.Find(ctx, Filter{Query: query, Limit: limit})
}

// Find returns the contacts that pass f, most recently updated first.
func (s *Store) Find(ctx context.Context, f Filter) ([]contacts.Contact, error) {
	where, args := f.where()
	limit, offset := f.Limit, max(f.Offset, 0)
	if limit <= 0 {
		limit = -1 // no limit, to SQLite
	}
	var cs []contacts.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		cs, err = queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts c
			WHERE `+where+`
			ORDER BY c.updated DESC, c.id DESC
			LIMIT ? OFFSET ?`,
			append(args, limit, offset)...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: find %+v: %w", f, err)
	}
	return cs, nil
}

// FindCount returns how many contacts pass f, leaving Offset and Limit
// aside.
func (s *Store) FindCount(ctx context.Context, f Filter) (int, error) {
	where, args := f.where()
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts c WHERE "+where, args...).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite: count %+v: %w", f, err)
	}
	return n, nil
}

// EachContact calls fn with the contacts that pass f, in Find's order, a
// batch at a time, so that exporting every contact never holds them all
// in memory, nor the database for the whole time. Offset and Limit are
// ignored. Each batch is read in a transaction of its own, and it stops
// at the first error fn returns.
func (s *Store) EachContact(ctx context.Context, f Filter, fn func([]contacts.Contact) error) error {
	const batch = 1000
	where, args := f.where()
	// Keyset paging: each batch starts after the last contact of the one
	// before, in the order of the index on updated.
	afterUpdated, afterID := int64(math.MaxInt64), int64(math.MaxInt64)
	for {
		var cs []contacts.Contact
		err := s.read(ctx, func(tx *sql.Tx) error {
			var err error
			cs, err = queryContactsN(ctx, tx, batch, `SELECT `+contactColumns+` FROM contacts c
				WHERE `+where+` AND (c.updated, c.id) < (?, ?)
				ORDER BY c.updated DESC, c.id DESC
				LIMIT ?`,
				append(args, afterUpdated, afterID, batch)...)
			return err
		})
		if err != nil {
			return fmt.Errorf("sqlite: each %+v: %w", f, err)
		}
		if len(cs) == 0 {
			return nil
		}
		if err := fn(cs); err != nil {
			return err
		}
		last := cs[len(cs)-1]
		afterUpdated, afterID = last.Updated.UnixMilli(), last.ID
		if len(cs) < batch {
			return nil
		}
	}
}

// where is f as an SQL condition on the contacts c, with its arguments.
// The condition is built for the filter, rather than one for all with
// parameters that switch parts off, so that SQLite plans each search
// from the index it needs: the search index first when there is a query.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if q := strings.TrimSpace(f.Query); q != "" {
		var any []string
		if m := matchQuery(q); m != "" {
			any = append(any, "c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)")
			args = append(args, m)
		}
		if isPhoneQuery(q) {
			if m := phoneQuery(contacts.Digits(q)); m != "" {
				any = append(any, "c.id IN (SELECT rowid FROM phones_fts WHERE phones_fts MATCH ?)")
				args = append(args, m)
			}
		}
		if len(any) == 0 {
			any = []string{"0"} // a query without a word, such as "%", matches nobody
		}
		conds = append(conds, "("+strings.Join(any, " OR ")+")")
	}
	if tag := strings.TrimSpace(f.Tag); tag != "" {
		conds = append(conds, "c.id IN (SELECT contact_id FROM tags WHERE tag = ?)")
		args = append(args, tag)
	}
	if f.EventID != 0 {
		conds = append(conds, "c.event_id = ?")
		args = append(args, f.EventID)
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// isPhoneQuery reports whether q looks like (part of) a phone number: it
// has digits, and nothing else but spaces and "+-().,/".
func isPhoneQuery(q string) bool {
	hasDigit := false
	for _, r := range q {
		switch {
		case '0' <= r && r <= '9':
			hasDigit = true
		case unicode.IsSpace(r) || strings.ContainsRune("+-().,/", r):
		default:
			return false
		}
	}
	return hasDigit
}

// Recent returns the n most recently added contacts, newest first, or all
// of them if n <= 0.
func (s *Store) Recent(ctx context.Context, n int) ([]contacts.Contact, error) {
	if n <= 0 {
		n = -1
	}
	var cs []contacts.Contact
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		cs, err = queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts
			ORDER BY created DESC, id DESC LIMIT ?`, n)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: recent: %w", err)
	}
	return cs, nil
}

// Count returns the number of contacts.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts").Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("sqlite: count: %w", err)
	}
	return n, nil
}

// contactsByID returns the stored contacts among ids, with their phones,
// emails, websites and tags, in no particular order.
func contactsByID(ctx context.Context, tx *sql.Tx, ids []int64) ([]contacts.Contact, error) {
	b, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	return queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts
		WHERE id IN (SELECT value FROM json_each(?))`, string(b))
}

// queryContacts runs query, which selects contactColumns, and returns the
// contacts it selects with their phones, emails and websites.
func queryContacts(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]contacts.Contact, error) {
	return queryContactsN(ctx, tx, 0, query, args...)
}

// queryContactsN is queryContacts for a query that selects about n
// contacts, whose slice is made that large at once.
func queryContactsN(ctx context.Context, tx *sql.Tx, n int, query string, args ...any) ([]contacts.Contact, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cs := make([]contacts.Contact, 0, n)
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := loadChildren(ctx, tx, cs); err != nil {
		return nil, err
	}
	return cs, nil
}

func scanContact(row interface{ Scan(...any) error }) (contacts.Contact, error) {
	var c contacts.Contact
	var created, updated int64
	var eventID, introducedByID sql.NullInt64
	var metOn, extra string
	err := row.Scan(&c.ID, &c.FullName, &c.GivenName, &c.FamilyName, &c.Title, &c.Company,
		&c.Prefix, &c.MiddleName, &c.Suffix, &c.Note, &c.Event, &c.Image, &created, &updated,
		&eventID, &metOn, &c.IntroducedBy, &introducedByID, &c.TalkedAbout, &c.Cadence.Ideal, &c.Cadence.Max, &extra, &c.UID,
		&c.PhoneticGivenName, &c.PhoneticFamilyName)
	if extra != "" {
		c.Extra = strings.Split(extra, "\n")
	}
	c.Created, c.Updated = time.UnixMilli(created), time.UnixMilli(updated)
	c.EventID, c.IntroducedByID = eventID.Int64, introducedByID.Int64
	c.MetOn = parseDay(metOn)
	return c, err
}

// nullID is id for the database, NULL for 0.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// parseDay reads a day as the database keeps it; "" or a bad value is the
// zero Day.
func parseDay(s string) contacts.Day {
	d, _ := contacts.ParseDay(s)
	return d
}

// resolveEvent links c to the event named c.Event, which it creates,
// dated the day they met (or today), if there is none yet. The name
// decides: c.EventID is set from it, and is 0 when the name is empty.
func resolveEvent(ctx context.Context, tx *sql.Tx, c *contacts.Contact, today contacts.Day) error {
	c.Event, c.EventID = strings.TrimSpace(c.Event), 0
	if c.Event == "" {
		return nil
	}
	err := tx.QueryRowContext(ctx, "SELECT id, name FROM events WHERE name = ?", c.Event).Scan(&c.EventID, &c.Event)
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	start := c.MetOn
	if start.IsZero() {
		start = today
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO events (name, start_day, created) VALUES (?, ?, ?)",
		c.Event, start.String(), time.Now().UnixMilli())
	if err != nil {
		return err
	}
	c.EventID, err = res.LastInsertId()
	return err
}

// withLabel returns labels with value's label l, made if need be; an
// empty l leaves it as it is.
func withLabel(labels map[string]contacts.Label, value string, l contacts.Label) map[string]contacts.Label {
	if l == "" {
		return labels
	}
	if labels == nil {
		labels = make(map[string]contacts.Label)
	}
	labels[value] = l
	return labels
}

// loadChildren fills in the phones, emails and websites of cs with one
// query for each table.
func loadChildren(ctx context.Context, tx *sql.Tx, cs []contacts.Contact) error {
	if len(cs) == 0 {
		return nil
	}
	byID := make(map[int64]*contacts.Contact, len(cs))
	ids := make([]int64, len(cs))
	for i := range cs {
		byID[cs[i].ID] = &cs[i]
		ids[i] = cs[i].ID
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	// The IDs go in as one JSON array, whatever their number. It must be
	// bound as text: SQLite would read a blob as JSONB.
	idsJSON := string(b)
	const where = " WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, position"

	err = eachChild(ctx, tx, "SELECT contact_id, number, kind FROM phones"+where, idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var p contacts.Phone
			if err := rows.Scan(&id, &p.Number, &p.Kind); err != nil {
				return err
			}
			byID[id].Phones = append(byID[id].Phones, p)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachChild(ctx, tx, "SELECT contact_id, address, label FROM emails"+where, idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var e string
			var l contacts.Label
			if err := rows.Scan(&id, &e, &l); err != nil {
				return err
			}
			c := byID[id]
			c.Emails = append(c.Emails, e)
			c.EmailLabels = withLabel(c.EmailLabels, e, l)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachChild(ctx, tx, "SELECT contact_id, url, label FROM websites"+where, idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var u string
			var l contacts.Label
			if err := rows.Scan(&id, &u, &l); err != nil {
				return err
			}
			c := byID[id]
			c.Websites = append(c.Websites, u)
			c.WebsiteLabels = withLabel(c.WebsiteLabels, u, l)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachChild(ctx, tx, `SELECT contact_id, label, po_box, extended, street, city, region, postal_code, country
		FROM addresses`+where, idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var a contacts.Address
			if err := rows.Scan(&id, &a.Label, &a.POBox, &a.Extended, &a.Street, &a.City, &a.Region, &a.PostalCode, &a.Country); err != nil {
				return err
			}
			byID[id].Addresses = append(byID[id].Addresses, a)
			return nil
		})
	if err != nil {
		return err
	}
	return eachChild(ctx, tx, "SELECT contact_id, tag FROM tags WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, tag COLLATE NOCASE", idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var t string
			if err := rows.Scan(&id, &t); err != nil {
				return err
			}
			byID[id].Tags = append(byID[id].Tags, t)
			return nil
		})
}

// eachChild runs query with the argument ids and calls add for each row.
func eachChild(ctx context.Context, tx *sql.Tx, query, ids string, add func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := add(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ImportImage copies the image file at srcPath into the store's image
// directory and returns its path relative to Dir, such as
// "images/3f1c…9a.jpg", to be kept in Contact.Image. The file is named
// after the SHA-256 of its content, with the extension of srcPath in lower
// case, so importing the same image twice keeps one copy.
//
// The copy is on disk, synced with its directory, when ImportImage
// returns: a contact saved after it never points to a file that a crash
// lost. It is readable by its owner only.
func (s *Store) ImportImage(ctx context.Context, srcPath string) (rel string, err error) {
	rel, err = s.importImage(ctx, srcPath)
	if err != nil {
		return "", fmt.Errorf("sqlite: import image %q: %w", srcPath, err)
	}
	return rel, nil
}

func (s *Store) importImage(ctx context.Context, srcPath string) (string, error) {
	src, err := os.Open(srcPath)
	if err != nil {
		return "", err
	}
	defer src.Close()

	dir := filepath.Join(s.dir, imagesDir)
	tmp, err := os.CreateTemp(dir, ".import-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(tmp, h), ctxReader{ctx, src})
	if err := closePrivate(tmp, err); err != nil {
		return "", err
	}

	name := hex.EncodeToString(h.Sum(nil)) + imageExt(srcPath)
	if err := os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return "", err
	}
	// The rename is only durable once the directory is synced.
	if err := syncDir(dir); err != nil {
		return "", err
	}
	return path.Join(imagesDir, name), nil
}

// imageExt is the extension, in lower case, that an image copied from
// srcPath keeps: a short run of letters and digits, or none.
func imageExt(srcPath string) string {
	ext := strings.ToLower(filepath.Ext(srcPath))
	if len(ext) < 2 || len(ext) > 6 || strings.ContainsFunc(ext[1:], func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}) {
		return ""
	}
	return ext
}

// ImagePath returns the absolute path of the image file at rel, a path
// relative to Dir as returned by ImportImage. It returns "" if rel is not
// the path of a file directly in the image directory, whatever a database
// from elsewhere (an archive, an old backup) holds.
func (s *Store) ImagePath(rel string) string {
	name, ok := strings.CutPrefix(rel, imagesDir+"/")
	if !ok || !isImageName(name) {
		return ""
	}
	return filepath.Join(s.dir, imagesDir, name)
}

// ctxReader reads from r until ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}
