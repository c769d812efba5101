package sqlite

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"followthrough/contacts"
)

func TestKeepBackups(t *testing.T) {
	day := func(d, hour int) time.Time { return time.Date(2026, 3, d, hour, 0, 0, 0, time.UTC) }
	// March 2026: the 2nd is a Monday; ISO weeks run Monday to Sunday.
	days := func(from, to int) []time.Time {
		var ts []time.Time
		for d := from; d <= to; d++ {
			ts = append(ts, day(d, 9))
		}
		return ts
	}
	tests := []struct {
		name  string
		times []time.Time
		want  []time.Time
	}{
		{"none", nil, nil},
		{"fewer than seven", days(2, 5), days(2, 5)},
		{
			name:  "ten days in a row: the last seven, the weeks' latest among them",
			times: days(2, 11),
			want:  days(5, 11),
		},
		{
			name:  "thirty days: seven, then the latest of the two weeks before",
			times: days(2, 31),
			want:  append([]time.Time{day(15, 9), day(22, 9)}, days(25, 31)...),
		},
		{
			name:  "several the same day: the latest of it",
			times: []time.Time{day(10, 8), day(10, 12), day(10, 18), day(11, 9)},
			want:  []time.Time{day(10, 18), day(11, 9)},
		},
		{
			// Left off for weeks: what is there is kept, since only days
			// with a backup count.
			name:  "a gap of weeks",
			times: []time.Time{day(2, 9), day(3, 9), day(30, 9)},
			want:  []time.Time{day(2, 9), day(3, 9), day(30, 9)},
		},
		{
			name: "a backup a week for ten weeks: the last seven",
			times: func() []time.Time {
				var ts []time.Time
				for w := range 10 {
					ts = append(ts, day(2, 9).AddDate(0, 0, 7*w))
				}
				return ts
			}(),
			want: func() []time.Time {
				var ts []time.Time
				for w := 3; w < 10; w++ {
					ts = append(ts, day(2, 9).AddDate(0, 0, 7*w))
				}
				return ts
			}(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := KeepBackups(tt.times, keepDaily, keepWeekly)
			var got []time.Time
			for _, ts := range tt.times {
				if keep[ts] {
					got = append(got, ts)
				}
			}
			slices.SortFunc(got, time.Time.Compare)
			want := slices.Clone(tt.want)
			slices.SortFunc(want, time.Time.Compare)
			if !slices.EqualFunc(got, want, time.Time.Equal) {
				t.Errorf("kept %v\nwant %v", got, want)
			}
		})
	}
}

func TestBackupDaily(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	clk.t = time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local)
	if _, made, err := s.BackupDaily(ctx); err != nil || made {
		t.Fatalf("BackupDaily on an empty database = %v, %v; want no backup", made, err)
	}
	c := contacts.Contact{FullName: "Ann Example"}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	made := 0
	for day := range 60 {
		for _, hour := range []int{9, 13} { // started twice a day
			clk.t = time.Date(2026, 3, 2+day, hour, 0, 0, 0, time.Local)
			b, ok, err := s.BackupDaily(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ok != (hour == 9) {
				t.Fatalf("day %d %d:00: backup made %v", day, hour, ok)
			}
			if ok {
				made++
				if m := mode(t, b.Path); m != 0o600 {
					t.Fatalf("backup mode %v, want 0600", m)
				}
				if _, err := CheckBackup(ctx, b.Path); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	bs, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var times []time.Time
	for _, b := range bs {
		times = append(times, b.Time)
	}
	if made != 60 || len(bs) > keepDaily+keepWeekly || len(bs) < keepDaily {
		t.Errorf("%d backups made, %d kept; want 60 made, 7 to 11 kept", made, len(bs))
	}
	if keep := KeepBackups(times, keepDaily, keepWeekly); len(keep) != len(bs) {
		t.Errorf("kept %d backups, rotation keeps %d", len(bs), len(keep))
	}
	if newest := bs[0].Time; newest.Day() != 30 || newest.Month() != time.April {
		t.Errorf("newest backup %v, want the last day", newest)
	}
	if m := mode(t, s.BackupsDir()); m != 0o700 {
		t.Errorf("backups folder mode %v, want 0700", m)
	}
	// Other files in the folder are neither listed nor removed.
	other := filepath.Join(s.BackupsDir(), "my copy.db")
	if err := os.WriteFile(other, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file of the user's in the backups folder was removed: %v", err)
	}
}

// names returns the display names of the contacts in s, sorted.
func storedNames(t *testing.T, s *Store) []string {
	t.Helper()
	cs, err := s.List(t.Context(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	ns := names(cs)
	slices.Sort(ns)
	return ns
}

func integrityOK(t *testing.T, s *Store) {
	t.Helper()
	if err := s.IntegrityCheck(t.Context()); err != nil {
		t.Error(err)
	}
	var res, mode string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestRestoreBackup(t *testing.T) {
	s, clk := openTestStore(t)
	ctx := t.Context()
	ann := contacts.Contact{FullName: "Ann Example"}
	if err := s.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	fu := contacts.FollowUp{ContactID: ann.ID, Kind: contacts.KindCall, Due: contacts.DayOf(clk.now()).AddDays(2)}
	if err := s.AddFollowUp(ctx, &fu); err != nil {
		t.Fatal(err)
	}
	b, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	bo := contacts.Contact{FullName: "Bo Example"}
	if err := s.Add(ctx, &bo); err != nil {
		t.Fatal(err)
	}

	aside, info, err := s.RestoreBackup(ctx, b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Contacts != 1 || info.FollowUps != 1 || info.SchemaVersion != SchemaVersion() {
		t.Errorf("backup info %+v", info)
	}
	if got := storedNames(t, s); !slices.Equal(got, []string{"Ann Example"}) {
		t.Errorf("after restore: %v, want Ann only", got)
	}
	if fs, _ := s.FollowUps(ctx, ann.ID); len(fs) != 1 {
		t.Errorf("Ann's follow-up lost in the restore: %v", fs)
	}
	integrityOK(t, s)
	if !aside.BeforeRestore {
		t.Errorf("the copy kept aside is %+v", aside)
	}
	// The copy kept aside undoes the restore.
	clk.advance(time.Hour)
	if _, _, err := s.RestoreBackup(ctx, aside.Path); err != nil {
		t.Fatal(err)
	}
	if got := storedNames(t, s); !slices.Equal(got, []string{"Ann Example", "Bo Example"}) {
		t.Errorf("after undoing the restore: %v, want both", got)
	}
	integrityOK(t, s)
	// The store still works.
	cy := contacts.Contact{FullName: "Cy Example"}
	if err := s.Add(ctx, &cy); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreRefusesBadBackups: a backup that is damaged, is not a
// database, is someone else's database or is newer than the program is
// refused, and nothing changes: no contact, and no copy kept aside.
func TestRestoreRefusesBadBackups(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	ann := contacts.Contact{FullName: "Ann Example", Note: strings.Repeat("a long note to fill pages. ", 2000)}
	if err := s.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	good, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good.Path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// build makes the database path with the statements given.
	build := func(path string, statements ...string) {
		db, err := sql.Open(driverName, dsn(path))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range append(statements, "PRAGMA journal_mode = DELETE") {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	damaged := slices.Clone(data)
	for i := 4096 + 100; i < len(damaged) && i < 4096*3; i++ {
		damaged[i] = 0xa5 // a page in the middle, overwritten
	}
	newer := write("newer.db", data)
	build(newer, "PRAGMA user_version = 99")
	foreign := filepath.Join(dir, "foreign.db")
	build(foreign, "CREATE TABLE photos (x)")
	// Claims schema 1, has a contacts table, but not the rest of schema 1:
	// migrating it fails, which must happen before anything is replaced.
	unmigratable := filepath.Join(dir, "unmigratable.db")
	build(unmigratable, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, full_name TEXT)",
		"INSERT INTO contacts (full_name) VALUES ('Zed')", "PRAGMA user_version = 1")
	tests := []struct {
		name, path, wantErr string
		wantIs              error // when set, what the error wraps
	}{
		{"damaged", write("damaged.db", damaged), "damaged", ErrDamaged},
		{"cannot be migrated", unmigratable, "it cannot be brought up to date: migration 002_followthrough.sql", nil},
		{"truncated", write("truncated.db", data[:len(data)/2]), "damaged", ErrDamaged},
		{"not a database", write("notes.db", []byte("Met Sam, call Tuesday")), "not an SQLite database", ErrNotBackup},
		{"empty", write("empty.db", nil), "not an SQLite database", ErrNotBackup},
		{"newer", newer, "its schema version is 99, newer than this program's", ErrNewerSchema},
		{"someone else's", foreign, "not a Follow Through database", ErrNotBackup},
		{"missing", filepath.Join(dir, "missing.db"), "no such file", os.ErrNotExist},
		{"the database in use", filepath.Join(s.Dir(), "followthrough.db"), "the database in use", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := s.Backups()
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = s.RestoreBackup(ctx, tt.path)
			if err == nil {
				t.Fatal("restored")
			}
			if !strings.Contains(err.Error(), tt.wantErr) || tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %q, want it to say %q and wrap %v", err, tt.wantErr, tt.wantIs)
			}
			if got := storedNames(t, s); !slices.Equal(got, []string{"Ann Example"}) {
				t.Errorf("after a refused restore: %v", got)
			}
			if after, err := s.Backups(); err != nil || len(after) != len(before) {
				t.Errorf("%d backups before, %d after a refused restore (%v)", len(before), len(after), err)
			}
			integrityOK(t, s)
		})
	}
	if _, err := CheckBackup(ctx, newer); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("CheckBackup(newer) = %v, want ErrNewerSchema", err)
	}
}

func TestRestoreAsideKeepsImages(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	b, _ := s.Backup(ctx) // no contacts yet
	img := filepath.Join(s.Dir(), "images", "card.png")
	if err := os.WriteFile(img, []byte("png"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(img, old, old); err != nil {
		t.Fatal(err)
	}
	ann := contacts.Contact{FullName: "Ann Example", Image: "images/card.png"}
	if err := s.Add(ctx, &ann); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.RestoreBackup(ctx, b.Path); err != nil {
		t.Fatal(err)
	}
	// Ann is only in the copy kept aside: her card stays, so that the
	// restore can be undone whole.
	if n, err := s.CleanImages(ctx); err != nil || n != 0 {
		t.Fatalf("CleanImages = %d, %v", n, err)
	}
	if _, err := os.Stat(img); err != nil {
		t.Errorf("the card image of a contact in the copy kept aside was removed: %v", err)
	}
}

// A database made with another page size, as old versions of SQLite made
// them, is restored all the same: the copy is rebuilt with the pages of
// the database it replaces, which SQLite's backup API needs.
func TestRestoreOtherPageSize(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, dbName)
	if db, err := sql.Open(driverName, "file:"+path); err == nil {
		db.Exec("PRAGMA page_size = 1024")
		db.Exec("VACUUM")
		db.Close()
	}
	old, err := open(t.Context(), dir, migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	if n := pragmaInt(t, old, "page_size"); n != 1024 {
		t.Fatalf("made a database with pages of %d bytes", n)
	}
	c := contacts.Contact{FullName: "Ann Example"}
	if err := old.Add(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, _ := openTestStore(t)
	if _, _, err := s.RestoreBackup(t.Context(), path); err != nil {
		t.Fatal(err)
	}
	if got := storedNames(t, s); !slices.Equal(got, []string{"Ann Example"}) {
		t.Errorf("restored %v", got)
	}
	if n := pragmaInt(t, s, "page_size"); n != 4096 {
		t.Errorf("page size %d after the restore", n)
	}
	integrityOK(t, s)
}

// TestIntegrityCheckFindsDamage overwrites, as a failing disk would, a
// page that holds contacts (the table's root, or one of its indexes') and
// checks that both checks report the damage: CheckBackup, which the
// restore relies on, and IntegrityCheck, if the damaged file still opens.
func TestIntegrityCheckFindsDamage(t *testing.T) {
	tests := []struct {
		name string
		kind string // of what on contacts the root page is overwritten
	}{
		{"the contacts table", "table"},
		{"an index of contacts", "index"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, dbName)
			s, err := Open(t.Context(), dir)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 200 {
				c := contacts.Contact{FullName: fmt.Sprintf("Person %d", i), Note: strings.Repeat("x", 500)}
				if err := s.Add(t.Context(), &c); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.IntegrityCheck(t.Context()); err != nil {
				t.Fatalf("a sound database: %v", err)
			}
			var root int64
			q := "SELECT rootpage FROM sqlite_schema WHERE type = ? AND tbl_name = 'contacts' AND rootpage > 1 ORDER BY name LIMIT 1"
			if err := s.db.QueryRow(q, tt.kind).Scan(&root); err != nil {
				t.Fatalf("root page of the %s: %v", tt.kind, err)
			}
			pageSize := int64(pragmaInt(t, s, "page_size"))
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Fatal("the write-ahead log outlives Close: the damage would be hidden behind it")
			}
			if _, err := CheckBackup(t.Context(), path); err != nil {
				t.Fatalf("CheckBackup of the sound file: %v", err)
			}

			// Keep the page's header byte (its kind), so that SQLite reads
			// it as the page it was and meets nonsense in it.
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			off := (root - 1) * pageSize
			before := make([]byte, pageSize)
			if _, err := f.ReadAt(before, off); err != nil {
				t.Fatal(err)
			}
			damage := bytes.Repeat([]byte{0x5a}, int(pageSize)-1)
			if n, err := f.WriteAt(damage, off+1); err != nil || n != len(damage) {
				t.Fatalf("damage: wrote %d bytes, %v", n, err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(after[off:off+pageSize], before) {
				t.Fatal("the page is unchanged: nothing was damaged")
			}

			if _, err := CheckBackup(t.Context(), path); !errors.Is(err, ErrDamaged) {
				t.Errorf("CheckBackup of the damaged file = %v, want ErrDamaged", err)
			}
			s, err = Open(t.Context(), dir)
			if err != nil {
				t.Logf("a damaged database is refused at open: %v", err) // as good
				return
			}
			defer s.Close()
			if err := s.IntegrityCheck(t.Context()); !errors.Is(err, ErrDamaged) {
				t.Errorf("IntegrityCheck of a damaged database = %v, want ErrDamaged", err)
			}
		})
	}
}
