package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"followthrough/contacts"
)

// Backups of the database are kept in the folder "backups" of the data
// folder, each a whole SQLite database made with VACUUM INTO, readable by
// its owner only:
//   - followthrough-YYYYMMDD-HHMMSS.db, made on start at most once a day
//     (BackupDaily) or when the user asks (Backup). The last 7 days with a
//     backup keep their latest, and the last 4 weeks with one keep theirs:
//     the others are removed each time a backup is made.
//   - before-restore-YYYYMMDD-HHMMSS.db, the database as it was before a
//     restore replaced it, to undo the restore with; the last 3 are kept.
//
// Backups hold the database only. The card images stay in the image
// folder for as long as the database, or a copy kept before a restore,
// has a contact that uses them; an archive (WriteArchive) holds both.
const (
	backupsDir     = "backups"
	dailyPrefix    = "followthrough-"
	asidePrefix    = "before-restore-"
	backupSuffix   = ".db"
	backupStamp    = "20060102-150405"
	keepDaily      = 7
	keepWeekly     = 4
	keepBeforeRest = 3
)

// A Backup is one copy of the database in the backups folder.
type Backup struct {
	Path string    // absolute
	Time time.Time // when it was made, to the second, local time
	Size int64     // in bytes
	// BeforeRestore is set for the copy of the database as it was before
	// a restore replaced it.
	BeforeRestore bool
}

// Name is the backup's file name.
func (b Backup) Name() string { return filepath.Base(b.Path) }

// BackupInfo is what CheckBackup found in a database file.
type BackupInfo struct {
	SchemaVersion int
	Contacts      int
	Events        int
	FollowUps     int
}

// BackupsDir is the folder the backups are kept in.
func (s *Store) BackupsDir() string { return filepath.Join(s.dir, backupsDir) }

// Backups returns the backups, the newest first. Files in the folder that
// are not backups are left out.
func (s *Store) Backups() ([]Backup, error) {
	entries, err := os.ReadDir(s.BackupsDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: list backups: %w", err)
	}
	var bs []Backup
	for _, e := range entries {
		b, ok := parseBackupName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		b.Path = filepath.Join(s.BackupsDir(), e.Name())
		bs = append(bs, b)
	}
	slices.SortFunc(bs, func(a, b Backup) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return cmp.Compare(b.Path, a.Path)
	})
	return bs, nil
}

// parseBackupName reads what a backup's file name says of it.
func parseBackupName(name string) (Backup, bool) {
	stamp, ok := strings.CutSuffix(name, backupSuffix)
	if !ok {
		return Backup{}, false
	}
	var b Backup
	switch {
	case strings.HasPrefix(stamp, dailyPrefix):
		stamp = strings.TrimPrefix(stamp, dailyPrefix)
	case strings.HasPrefix(stamp, asidePrefix):
		stamp, b.BeforeRestore = strings.TrimPrefix(stamp, asidePrefix), true
	default:
		return Backup{}, false
	}
	// A second backup in the same second gets a suffix: "-2".
	if len(stamp) > len(backupStamp) && stamp[len(backupStamp)] == '-' {
		stamp = stamp[:len(backupStamp)]
	}
	t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
	if err != nil {
		return Backup{}, false
	}
	b.Time = t
	return b, true
}

// Backup copies the database into the backups folder now, removes the
// backups that rotation no longer keeps, and returns the new one.
func (s *Store) Backup(ctx context.Context) (Backup, error) {
	b, err := s.backupAs(ctx, dailyPrefix)
	if err != nil {
		return Backup{}, fmt.Errorf("sqlite: back up: %w", err)
	}
	if err := s.pruneBackups(); err != nil {
		return b, fmt.Errorf("sqlite: back up: %w", err)
	}
	return b, nil
}

// BackupDaily backs the database up, as Backup does, unless a backup was
// made today already or there is nothing to back up (no contact, event
// or setting). It says whether it made one. The app calls it on start.
func (s *Store) BackupDaily(ctx context.Context) (Backup, bool, error) {
	bs, err := s.Backups()
	if err != nil {
		return Backup{}, false, err
	}
	today := contacts.DayOf(s.now().Local())
	for _, b := range bs {
		if !b.BeforeRestore && contacts.DayOf(b.Time) == today {
			return Backup{}, false, nil
		}
	}
	var n int
	err = s.underWriteLock(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM events)
			+ (SELECT count(*) FROM settings)`).Scan(&n)
	})
	if err != nil || n == 0 {
		return Backup{}, false, err
	}
	b, err := s.Backup(ctx)
	return b, err == nil, err
}

// backupAs writes a copy of the database into the backups folder, named
// with prefix and the time now.
func (s *Store) backupAs(ctx context.Context, prefix string) (Backup, error) {
	dir := s.BackupsDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, err
	}
	now := s.now().Local().Truncate(time.Second)
	name := prefix + now.Format(backupStamp)
	path := filepath.Join(dir, name+backupSuffix)
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", name, i, backupSuffix))
	}
	if err := s.copyDatabase(ctx, path); err != nil {
		return Backup{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return Backup{}, err
	}
	return Backup{Path: path, Time: now, Size: info.Size(), BeforeRestore: prefix == asidePrefix}, nil
}

// copyDatabase writes a consistent copy of the database to path, which
// must not exist, with VACUUM INTO: first to a temporary file beside it,
// which is synced and renamed into place, so that path is never half a
// database.
func (s *Store) copyDatabase(ctx context.Context, path string) error {
	tmp := filepath.Join(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	os.Remove(tmp) // left by a copy cut short
	defer os.Remove(tmp)
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := closePrivate(f, nil); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// pruneBackups removes the backups that rotation does not keep.
func (s *Store) pruneBackups() error {
	bs, err := s.Backups()
	if err != nil {
		return err
	}
	var daily, aside []time.Time
	for _, b := range bs {
		if b.BeforeRestore {
			aside = append(aside, b.Time)
		} else {
			daily = append(daily, b.Time)
		}
	}
	keep := KeepBackups(daily, keepDaily, keepWeekly)
	slices.SortFunc(aside, func(a, b time.Time) int { return b.Compare(a) })
	keepAside := map[time.Time]bool{}
	for _, t := range aside[:min(len(aside), keepBeforeRest)] {
		keepAside[t] = true
	}
	var errs []error
	for _, b := range bs {
		if b.BeforeRestore && keepAside[b.Time] || !b.BeforeRestore && keep[b.Time] {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// KeepBackups decides which backups, made at the times given, to keep:
// the latest of each of the last daily days that have a backup, and the
// latest of each of the last weekly ISO weeks that have one. Days and
// weeks are those of each time's own location. Counting only days that
// have a backup, rather than days of the calendar, means that a computer
// left off for a month still finds its older backups when it starts.
func KeepBackups(times []time.Time, daily, weekly int) map[time.Time]bool {
	sorted := slices.Clone(times)
	slices.SortFunc(sorted, func(a, b time.Time) int { return b.Compare(a) }) // newest first
	keep := map[time.Time]bool{}
	seenDays, seenWeeks := map[contacts.Day]bool{}, map[[2]int]bool{}
	for _, t := range sorted {
		if d := contacts.DayOf(t); !seenDays[d] && len(seenDays) < daily {
			seenDays[d] = true
			keep[t] = true
		}
		y, w := t.ISOWeek()
		if wk := [2]int{y, w}; !seenWeeks[wk] && len(seenWeeks) < weekly {
			seenWeeks[wk] = true
			keep[t] = true
		}
	}
	return keep
}

// IntegrityCheck runs SQLite's integrity and foreign key checks on the
// database, and returns an error saying what is wrong, if anything.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	var problems []string
	for _, q := range []string{"PRAGMA integrity_check", "PRAGMA foreign_key_check"} {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return damaged(fmt.Errorf("sqlite: %s: %w", q, err))
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return damaged(err)
			}
			if msg := fmt.Sprint(vals...); msg != "ok" && len(problems) < 10 {
				problems = append(problems, msg)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return damaged(err)
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("sqlite: %w: %s", ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// ErrDamaged is returned, wrapped, by IntegrityCheck and CheckBackup for a
// database SQLite finds damaged.
var ErrDamaged = errors.New("the database is damaged")

// damaged says that err, from reading the database, means the file is
// damaged when SQLite says so: the check itself can fail on a page that is
// not what it should be, before it lists any problem.
func damaged(err error) error {
	var e sqlite3.Error
	if errors.As(err, &e) && (e.Code == sqlite3.ErrCorrupt || e.Code == sqlite3.ErrNotADB) {
		return fmt.Errorf("sqlite: %w: %w", ErrDamaged, err)
	}
	return err
}

// CheckBackup checks that the database file at path can be restored: that
// it opens, passes SQLite's integrity check, is a Follow Through database
// and is not of a schema newer than this program's. It changes nothing,
// not even the file's journal.
func CheckBackup(ctx context.Context, path string) (BackupInfo, error) {
	info, err := checkDatabase(ctx, path)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("sqlite: check %s: %w", filepath.Base(path), err)
	}
	return info, nil
}

// ErrNotBackup is returned, wrapped, for a file that is not a database
// Follow Through can restore.
var ErrNotBackup = errors.New("not a Follow Through database")

func checkDatabase(ctx context.Context, path string) (BackupInfo, error) {
	var info BackupInfo
	f, err := os.Open(path)
	if err != nil {
		return info, err
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || string(head) != "SQLite format 3\x00" {
		return info, fmt.Errorf("%w: it is not an SQLite database", ErrNotBackup)
	}
	// immutable: read the file as it is, with no journal or lock files
	// beside it, which a read-only folder would not allow.
	db, err := sql.Open(driverName, readOnlyDSN(path))
	if err != nil {
		return info, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return info, notBackupOrDamaged(err)
	}
	var problems []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return info, err
		}
		if p != "ok" && len(problems) < 5 {
			problems = append(problems, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return info, notBackupOrDamaged(err)
	}
	if len(problems) > 0 {
		return info, fmt.Errorf("%w: %s", ErrDamaged, strings.Join(problems, "; "))
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return info, err
	}
	switch latest := SchemaVersion(); {
	case info.SchemaVersion > latest:
		return info, fmt.Errorf("its schema version is %d, newer than this program's (%d): %w; update Follow Through first", info.SchemaVersion, latest, ErrNewerSchema)
	case info.SchemaVersion < 1:
		return info, fmt.Errorf("%w: it has no schema version", ErrNotBackup)
	}
	err = db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM events), (SELECT count(*) FROM follow_ups)").
		Scan(&info.Contacts, &info.Events, &info.FollowUps)
	if info.SchemaVersion < 2 {
		// Events and follow-ups came with schema 2.
		err = db.QueryRowContext(ctx, "SELECT count(*) FROM contacts").Scan(&info.Contacts)
	}
	if err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotBackup, err)
	}
	return info, nil
}

// notBackupOrDamaged says why the integrity check of a file that starts
// as an SQLite database could not run: the file is damaged, when SQLite
// says so, or it is not a database Follow Through can restore.
func notBackupOrDamaged(err error) error {
	var e sqlite3.Error
	if errors.As(err, &e) && e.Code == sqlite3.ErrCorrupt {
		return fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return fmt.Errorf("%w: %v", ErrNotBackup, err)
}

// readOnlyDSN opens the database file at path to read only, as it is.
func readOnlyDSN(path string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(filepath.ToSlash(path))
	return "file:" + escaped + "?mode=ro&immutable=1"
}

// RestoreBackup replaces the database with the backup at path, a file
// made by Backup or any Follow Through database, such as one copied from
// another computer. It first checks a copy of the backup (CheckBackup) and
// refuses it, changing nothing, if it fails; then it keeps the database
// as it is aside, as a backup before restore, which RestoreBackup can
// bring back; then it copies the backup over the database with SQLite's
// online backup API, in one step that other connections see whole, and
// migrates it to this program's schema. It returns the copy kept aside
// and what the restored database holds.
func (s *Store) RestoreBackup(ctx context.Context, path string) (aside Backup, info BackupInfo, err error) {
	aside, info, err = s.restoreDatabase(ctx, path)
	if err != nil {
		return aside, info, fmt.Errorf("sqlite: restore %s: %w", filepath.Base(path), err)
	}
	return aside, info, nil
}

func (s *Store) restoreDatabase(ctx context.Context, path string) (Backup, BackupInfo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Backup{}, BackupInfo{}, err
	}
	if abs == filepath.Join(s.dir, dbName) {
		return Backup{}, BackupInfo{}, errors.New("that is the database in use")
	}
	// The copy that is checked is the copy that is restored.
	tmp, err := s.copyIn(abs)
	if err != nil {
		return Backup{}, BackupInfo{}, err
	}
	defer os.Remove(tmp)
	return s.restoreFrom(ctx, tmp)
}

// copyIn copies the file at path to a temporary file in the data folder,
// and returns its path.
func (s *Store) copyIn(path string) (string, error) {
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.CreateTemp(s.dir, ".restore-*.db")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), nil
}

// restoreFrom checks the database file at tmp, a copy of the store's own,
// and puts it in place of the database, keeping the database aside first.
func (s *Store) restoreFrom(ctx context.Context, tmp string) (Backup, BackupInfo, error) {
	if s.moving.Load() {
		return Backup{}, BackupInfo{}, ErrMoving
	}
	info, err := checkDatabase(ctx, tmp)
	if err != nil {
		return Backup{}, info, err
	}
	// The copy is brought to this program's schema before it replaces
	// anything, so that a migration that fails changes nothing. The
	// backup API cannot copy into a WAL database of another page size, as
	// a database from an old version of SQLite may have: the copy is
	// rebuilt with this one's. Then it is checked again.
	if err := migrateFile(ctx, tmp); err != nil {
		return Backup{}, info, fmt.Errorf("%w: it cannot be brought up to date: %v", ErrNotBackup, err)
	}
	if err := s.matchPageSize(ctx, tmp); err != nil {
		return Backup{}, info, err
	}
	if _, err := checkDatabase(ctx, tmp); err != nil {
		return Backup{}, info, err
	}
	aside, err := s.backupAs(ctx, asidePrefix)
	if err != nil {
		return Backup{}, info, fmt.Errorf("keep the current database aside: %w", err)
	}
	if err := s.copyOver(ctx, tmp); err != nil {
		return aside, info, err
	}
	if err := s.migrate(ctx, migrationFS); err != nil {
		return aside, info, err
	}
	if err := s.pruneBackups(); err != nil {
		return aside, info, err
	}
	return aside, info, nil
}

// matchPageSize rebuilds the database file at tmp, a temporary copy, with
// the page size of the store's database if it has another.
func (s *Store) matchPageSize(ctx context.Context, tmp string) error {
	var want, have int
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&want); err != nil {
		return err
	}
	db, err := sql.Open(driverName, "file:"+strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(filepath.ToSlash(tmp)))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the pragmas hold for one connection
	if err := db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&have); err != nil || have == want {
		return err
	}
	// A PRAGMA takes no parameters; want is an int SQLite gave.
	_, err = db.ExecContext(ctx, "PRAGMA journal_mode = DELETE")
	if err == nil {
		_, err = db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", want))
	}
	if err == nil {
		_, err = db.ExecContext(ctx, "VACUUM")
	}
	if err != nil {
		return fmt.Errorf("rebuild the backup with pages of %d bytes: %w", want, err)
	}
	return db.Close()
}

// migrateFile brings the database file at path, a temporary copy, to this
// program's schema.
func migrateFile(ctx context.Context, path string) error {
	db, err := sql.Open(driverName, dsn(path))
	if err != nil {
		return err
	}
	t := &Store{db: db, dir: filepath.Dir(path)}
	err = t.migrate(ctx, migrationFS)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyOver copies the database file at src over the store's database with
// SQLite's online backup API. The copy happens under the database's
// write lock, in one step: other connections, here and in other
// processes, see either the old database or the new one.
func (s *Store) copyOver(ctx context.Context, src string) error {
	srcDB, err := sql.Open(driverName, readOnlyDSN(src))
	if err != nil {
		return err
	}
	defer srcDB.Close()
	srcConn, err := srcDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	dstConn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer dstConn.Close()
	err = dstConn.Raw(func(dc any) error {
		return srcConn.Raw(func(sc any) error {
			dst, ok1 := dc.(*sqlite3.SQLiteConn)
			src, ok2 := sc.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not an SQLite connection")
			}
			bk, err := dst.Backup("main", src, "main")
			if err != nil {
				return err
			}
			if _, err := bk.Step(-1); err != nil {
				bk.Finish()
				return err
			}
			return bk.Finish()
		})
	})
	if err != nil {
		return fmt.Errorf("copy the backup over the database: %w", err)
	}
	// The backup API keeps the destination's WAL mode; say so anyway, for
	// a database copied from elsewhere.
	_, err = s.db.ExecContext(ctx, "PRAGMA journal_mode = WAL")
	return err
}
