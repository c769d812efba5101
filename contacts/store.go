package contacts

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
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mattn/go-sqlite3"
)

// ErrNotFound is returned, wrapped, when no contact has the requested ID.
var ErrNotFound = errors.New("contact not found")

// ErrNewerSchema is returned, wrapped, for a database written by a newer
// version of the program, which this one cannot read.
var ErrNewerSchema = errors.New("written by a newer version of Follow Through")

// ErrExists is returned, wrapped, by Store.Restore when a contact with the
// same ID is already stored.
var ErrExists = errors.New("contact already exists")

const (
	dbName     = "followthrough.db"
	imagesDir  = "images"
	driverName = "sqlite3_followthrough_contacts"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

func init() {
	// The driver adds two SQL functions for List: fold_case, which
	// lower-cases all of Unicode where SQLite's lower only knows ASCII,
	// and digits.
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(conn *sqlite3.SQLiteConn) error {
			if err := conn.RegisterFunc("fold_case", foldCase, true); err != nil {
				return err
			}
			return conn.RegisterFunc("digits", digits, true)
		},
	})
}

// foldCase returns s in the case List compares text in.
func foldCase(s string) string { return strings.ToLower(s) }

// digits returns the ASCII digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// A Store keeps contacts in a SQLite database, and the images of their
// cards in files next to it. It keeps times to the millisecond. Its
// methods may be called from several goroutines at once.
type Store struct {
	// Now returns the current time, used to stamp contacts when they are
	// added and updated. Open sets it to time.Now; tests may replace it
	// before using the store.
	Now func() time.Time

	db  *sql.DB
	dir string
}

// Open opens the store kept in dir, creating dir, the database
// dir/followthrough.db and the image directory dir/images as needed, and
// brings the database schema up to date.
func Open(ctx context.Context, dir string) (*Store, error) {
	s, err := open(ctx, dir, migrationFS)
	if err != nil {
		return nil, fmt.Errorf("contacts: open %s: %w", dir, err)
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
	s := &Store{Now: time.Now, db: db, dir: dir}
	if err := s.migrate(ctx, migrations); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// makePrivateDirs creates dir and its image directory, readable by their
// owner only. A data directory made by an older version, open to other
// users, is closed to them once it holds the database; a directory that
// does not hold it yet, such as a --data folder the user already had, is
// left as it was, but what the store puts in it is private all the same.
func makePrivateDirs(dir string) error {
	// The folders above it, such as ~/.local/share, are made as usual.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, dbName)); err == nil {
		if err := chmodAtMost(dir, 0o700); err != nil {
			return err
		}
	}
	images := filepath.Join(dir, imagesDir)
	if err := os.MkdirAll(images, 0o700); err != nil {
		return err
	}
	return chmodAtMost(images, 0o700)
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
func dsn(path string) string {
	// In an SQLite URI, "?" and "#" end the path and "%" escapes.
	escaped := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + escaped + "?_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on&_synchronous=NORMAL&_txlock=immediate"
}

// Dir returns the absolute path of the directory s keeps its data in.
func (s *Store) Dir() string { return s.dir }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

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
// rolls back otherwise.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
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

const contactColumns = `id, full_name, given_name, family_name, title, company,
	address, note, event, image, created, updated,
	event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra`

// Add stores c as a new contact and sets its ID, Created and Updated.
// The ID that c had is ignored. The follow-ups given are scheduled for it
// in the same transaction: a card is saved with its first follow-up, or
// not at all.
func (s *Store) Add(ctx context.Context, c *Contact, follow ...FollowUp) error {
	now := s.now()
	var added Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = addContact(ctx, tx, *c, now, follow)
		return err
	})
	if err != nil {
		return fmt.Errorf("contacts: add %q: %w", c.DisplayName(), err)
	}
	*c = added
	return nil
}

// addContact is Add inside the transaction tx. It returns c as stored.
func addContact(ctx context.Context, tx *sql.Tx, c Contact, now time.Time, follow []FollowUp) (Contact, error) {
	c = c.clean()
	c.ID, c.Created, c.Updated = 0, now, now
	if err := resolveEvent(ctx, tx, &c, DayOf(now)); err != nil {
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

// Restore stores again a contact that Delete returned, with the same ID
// and times, to undo the deletion. It fails with an error wrapping
// ErrExists if a contact with that ID is stored.
func (s *Store) Restore(ctx context.Context, c Contact) error {
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
		_, err := insertContact(ctx, tx, c.clean())
		return err
	})
	if err != nil {
		return fmt.Errorf("contacts: restore %d: %w", c.ID, err)
	}
	return nil
}

// insertContact inserts c with its phones, emails and websites, and
// returns its ID. If c.ID is 0, the database chooses the ID.
func insertContact(ctx context.Context, tx *sql.Tx, c Contact) (int64, error) {
	var id any
	if c.ID != 0 {
		id = c.ID
	}
	if err := c.Cadence.Valid(); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO contacts (`+contactColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, c.FullName, c.GivenName, c.FamilyName, c.Title, c.Company,
		c.Address, c.Note, c.Event, c.Image, c.Created.UnixMilli(), c.Updated.UnixMilli(),
		nullID(c.EventID), c.MetOn.String(), c.IntroducedBy, nullID(c.IntroducedByID), c.TalkedAbout,
		c.Cadence.Ideal, c.Cadence.Max, strings.Join(c.Extra, "\n"))
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
func insertChildren(ctx context.Context, tx *sql.Tx, id int64, c Contact) error {
	for _, t := range c.Tags {
		if _, err := tx.ExecContext(ctx,
			"INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?, ?)", id, t); err != nil {
			return err
		}
	}
	for i, p := range c.Phones {
		e164, _ := NormalizePhone(p.Number, DefaultRegion)
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO phones (contact_id, position, number, e164, kind) VALUES (?, ?, ?, ?, ?)",
			id, i, p.Number, e164, string(p.Kind)); err != nil {
			return err
		}
	}
	for i, e := range c.Emails {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO emails (contact_id, position, address) VALUES (?, ?, ?)",
			id, i, e); err != nil {
			return err
		}
	}
	for i, u := range c.Websites {
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO websites (contact_id, position, url) VALUES (?, ?, ?)",
			id, i, u); err != nil {
			return err
		}
	}
	return nil
}

// Update replaces the stored contact that has c's ID with c, phones,
// emails and websites included, and sets its update time to now. It keeps
// the stored creation time. It fails with an error wrapping ErrNotFound if
// no contact has that ID.
func (s *Store) Update(ctx context.Context, c Contact) error {
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error { return updateContact(ctx, tx, &c, now) })
	if err != nil {
		return fmt.Errorf("contacts: update %d: %w", c.ID, err)
	}
	return nil
}

// updateContact is Update inside the transaction tx; it sets c's event
// from its name.
func updateContact(ctx context.Context, tx *sql.Tx, c *Contact, now time.Time) error {
	*c = c.clean()
	if err := c.Cadence.Valid(); err != nil {
		return err
	}
	if err := resolveEvent(ctx, tx, c, DayOf(now)); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE contacts SET
		full_name = ?, given_name = ?, family_name = ?, title = ?, company = ?,
		address = ?, note = ?, event = ?, image = ?, updated = ?,
		event_id = ?, met_on = ?, introduced_by = ?, introduced_by_id = ?, talked_about = ?,
		cadence_ideal = ?, cadence_max = ?, extra = ?
		WHERE id = ?`,
		c.FullName, c.GivenName, c.FamilyName, c.Title, c.Company,
		c.Address, c.Note, c.Event, c.Image, now.UnixMilli(),
		nullID(c.EventID), c.MetOn.String(), c.IntroducedBy, nullID(c.IntroducedByID), c.TalkedAbout,
		c.Cadence.Ideal, c.Cadence.Max, strings.Join(c.Extra, "\n"), c.ID)
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
	for _, table := range []string{"phones", "emails", "websites", "tags"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE contact_id = ?", c.ID); err != nil {
			return err
		}
	}
	return insertChildren(ctx, tx, c.ID, *c)
}

// Get returns the contact with the given ID, or an error wrapping
// ErrNotFound if there is none.
func (s *Store) Get(ctx context.Context, id int64) (Contact, error) {
	var c Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = getContact(ctx, tx, id)
		return err
	})
	if err != nil {
		return Contact{}, fmt.Errorf("contacts: get %d: %w", id, err)
	}
	return c, nil
}

// Delete removes the contact with the given ID, with its phones, emails
// and websites, and returns it as it was so that it can be given to
// Restore. The card image file is kept. Delete fails with an error
// wrapping ErrNotFound if no contact has that ID.
func (s *Store) Delete(ctx context.Context, id int64) (Contact, error) {
	var c Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = getContact(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", id)
		return err
	})
	if err != nil {
		return Contact{}, fmt.Errorf("contacts: delete %d: %w", id, err)
	}
	return c, nil
}

func getContact(ctx context.Context, tx *sql.Tx, id int64) (Contact, error) {
	row := tx.QueryRowContext(ctx, "SELECT "+contactColumns+" FROM contacts WHERE id = ?", id)
	c, err := scanContact(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Contact{}, ErrNotFound
	}
	if err != nil {
		return Contact{}, err
	}
	cs := []Contact{c}
	if err := loadChildren(ctx, tx, cs); err != nil {
		return Contact{}, err
	}
	return cs[0], nil
}

// Filter says which contacts Find returns.
type Filter struct {
	Query   string // as for List; "" for all
	Tag     string // only contacts with this tag, ignoring case; "" for all
	EventID int64  // only contacts met at this event; 0 for all
	Limit   int    // at most this many; <= 0 for no limit
}

// List returns the contacts that match query, most recently updated first,
// at most limit of them, or all of them if limit <= 0.
//
// A contact matches if query, ignoring case and the spaces around it, is
// part of its name, company, title, event, one of its tags or one of its
// email addresses. A query made only of digits and the punctuation of
// phone numbers, such as "(650) 555", also matches the contacts with a
// phone number whose digits include its digits. The empty query matches
// every contact.
func (s *Store) List(ctx context.Context, query string, limit int) ([]Contact, error) {
	return s.Find(ctx, Filter{Query: query, Limit: limit})
}

// Find returns the contacts that pass f, most recently updated first.
func (s *Store) Find(ctx context.Context, f Filter) ([]Contact, error) {
	q := foldCase(strings.TrimSpace(f.Query))
	var d string
	if isPhoneQuery(q) {
		d = digits(q)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1 // no limit, to SQLite
	}
	var cs []Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		cs, err = queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts c
			WHERE (:q = ''
				OR instr(fold_case(c.full_name), :q) > 0
				OR instr(fold_case(c.given_name), :q) > 0
				OR instr(fold_case(c.family_name), :q) > 0
				OR instr(fold_case(c.company), :q) > 0
				OR instr(fold_case(c.title), :q) > 0
				OR instr(fold_case(c.event), :q) > 0
				OR EXISTS (SELECT 1 FROM tags t
					WHERE t.contact_id = c.id AND instr(fold_case(t.tag), :q) > 0)
				OR EXISTS (SELECT 1 FROM emails e
					WHERE e.contact_id = c.id AND instr(fold_case(e.address), :q) > 0)
				OR (:digits <> '' AND EXISTS (SELECT 1 FROM phones p
					WHERE p.contact_id = c.id
					AND (instr(digits(p.number), :digits) > 0 OR instr(p.e164, :digits) > 0))))
			AND (:tag = '' OR EXISTS (SELECT 1 FROM tags t WHERE t.contact_id = c.id AND t.tag = :tag))
			AND (:event = 0 OR c.event_id = :event)
			ORDER BY c.updated DESC, c.id DESC
			LIMIT :limit`,
			sql.Named("q", q), sql.Named("digits", d), sql.Named("limit", limit),
			sql.Named("tag", strings.TrimSpace(f.Tag)), sql.Named("event", f.EventID))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("contacts: find %+v: %w", f, err)
	}
	return cs, nil
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
func (s *Store) Recent(ctx context.Context, n int) ([]Contact, error) {
	if n <= 0 {
		n = -1
	}
	var cs []Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		cs, err = queryContacts(ctx, tx, `SELECT `+contactColumns+` FROM contacts
			ORDER BY created DESC, id DESC LIMIT ?`, n)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("contacts: recent: %w", err)
	}
	return cs, nil
}

// Count returns the number of contacts.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts").Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("contacts: count: %w", err)
	}
	return n, nil
}

// queryContacts runs query, which selects contactColumns, and returns the
// contacts it selects with their phones, emails and websites.
func queryContacts(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]Contact, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cs []Contact
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

func scanContact(row interface{ Scan(...any) error }) (Contact, error) {
	var c Contact
	var created, updated int64
	var eventID, introducedByID sql.NullInt64
	var metOn, extra string
	err := row.Scan(&c.ID, &c.FullName, &c.GivenName, &c.FamilyName, &c.Title, &c.Company,
		&c.Address, &c.Note, &c.Event, &c.Image, &created, &updated,
		&eventID, &metOn, &c.IntroducedBy, &introducedByID, &c.TalkedAbout, &c.Cadence.Ideal, &c.Cadence.Max, &extra)
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
func parseDay(s string) Day {
	d, _ := ParseDay(s)
	return d
}

// resolveEvent links c to the event named c.Event, which it creates,
// dated the day they met (or today), if there is none yet. The name
// decides: c.EventID is set from it, and is 0 when the name is empty.
func resolveEvent(ctx context.Context, tx *sql.Tx, c *Contact, today Day) error {
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

// loadChildren fills in the phones, emails and websites of cs with one
// query for each table.
func loadChildren(ctx context.Context, tx *sql.Tx, cs []Contact) error {
	if len(cs) == 0 {
		return nil
	}
	byID := make(map[int64]*Contact, len(cs))
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
			var p Phone
			if err := rows.Scan(&id, &p.Number, &p.Kind); err != nil {
				return err
			}
			byID[id].Phones = append(byID[id].Phones, p)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachChild(ctx, tx, "SELECT contact_id, address FROM emails"+where, idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var e string
			if err := rows.Scan(&id, &e); err != nil {
				return err
			}
			byID[id].Emails = append(byID[id].Emails, e)
			return nil
		})
	if err != nil {
		return err
	}
	err = eachChild(ctx, tx, "SELECT contact_id, url FROM websites"+where, idsJSON,
		func(rows *sql.Rows) error {
			var id int64
			var u string
			if err := rows.Scan(&id, &u); err != nil {
				return err
			}
			byID[id].Websites = append(byID[id].Websites, u)
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
		return "", fmt.Errorf("contacts: import image %q: %w", srcPath, err)
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
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
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
