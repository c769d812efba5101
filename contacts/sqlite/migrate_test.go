package sqlite

import (
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"followthrough/contacts"
)

// versionSeeds fill a database at each schema version with the data that
// version can hold, in its own SQL, as the program of that version wrote
// it. A new migration needs a seed for the version before it: the test
// says so.
var versionSeeds = map[int]func(db *sql.DB, created int64) error{1: seed1, 2: seed2, 3: seed3, 4: seed4, 5: seed5, 6: seed6, 7: seed7}

func seed1(db *sql.DB, created int64) error {
	return execAll(db,
		[]any{`INSERT INTO contacts (id, full_name, given_name, family_name, title, company, address, note, event, image, created, updated)
				VALUES (1, 'Ann Example', 'Ann', 'Example', 'CTO', 'Acme', '1 Main St', 'likes tea', 'Spring Expo', 'images/a.png', ?, ?)`, created, created},
		[]any{`INSERT INTO phones (contact_id, position, number, e164, kind) VALUES (1, 0, '+1 650 555 0100', '+16505550100', 'mobile')`},
		[]any{`INSERT INTO emails (contact_id, position, address) VALUES (1, 0, 'ann@example.org')`},
		[]any{`INSERT INTO websites (contact_id, position, url) VALUES (1, 0, 'https://acme.example')`},
	)
}

func seed2(db *sql.DB, created int64) error {
	return execAll(db,
		[]any{`INSERT INTO events (id, name, start_day, place, created) VALUES (1, 'Spring Expo', '2026-03-02', 'Hall A', ?)`, created},
		[]any{`INSERT INTO contacts (id, full_name, company, event, event_id, met_on, introduced_by, talked_about, cadence_ideal, cadence_max, created, updated)
				VALUES (1, 'Ann Example', 'Acme', 'Spring Expo', 1, '2026-03-02', 'Sam', 'hiring', 60, 120, ?, ?)`, created, created},
		[]any{`INSERT INTO emails (contact_id, position, address) VALUES (1, 0, 'ann@example.org')`},
		[]any{`INSERT INTO tags (contact_id, tag) VALUES (1, 'vip')`},
		[]any{`INSERT INTO follow_ups (id, contact_id, kind, due, line, state, created) VALUES (1, 1, 'call', '2026-03-05', 'the deck', 'open', ?)`, created},
		[]any{`INSERT INTO interactions (contact_id, kind, on_day, note, created) VALUES (1, 'met', '2026-03-02', 'at the stand', ?)`, created},
		[]any{`INSERT INTO settings (key, value) VALUES ('followup.delay', '5')`},
	)
}

func seed3(db *sql.DB, created int64) error {
	if err := seed2(db, created); err != nil {
		return err
	}
	return execAll(db, []any{`UPDATE contacts SET extra = 'BDAY:1990-01-01' WHERE id = 1`})
}

func seed4(db *sql.DB, created int64) error {
	if err := seed3(db, created); err != nil {
		return err
	}
	return execAll(db, []any{`INSERT INTO carddav_objects (book, href, contact_id, uid, etag, synced_hash, card)
		VALUES ('/book/', '/book/ann.vcf', 1, 'ann', '"e1"', 'h1', 'BEGIN:VCARD')`})
}

// seed5: version 5 added the search index and the reconnect list's days,
// which its triggers keep from the same rows as version 4's.
func seed5(db *sql.DB, created int64) error { return seed4(db, created) }

func seed6(db *sql.DB, created int64) error {
	if err := seed5(db, created); err != nil {
		return err
	}
	return execAll(db, []any{`INSERT INTO ocr_corrections (domain, company, field, read, value, created)
		VALUES ('acme.example', 'Acme', 'company', 'Acrne', 'Acme', ?)`, created})
}

// seed7: version 7 only dropped what was kept twice.
func seed7(db *sql.DB, created int64) error { return seed6(db, created) }

func execAll(db *sql.DB, stmts ...[]any) error {
	for _, st := range stmts {
		if _, err := db.Exec(st[0].(string), st[1:]...); err != nil {
			return fmt.Errorf("%s: %w", st[0], err)
		}
	}
	return nil
}

// openAtVersion opens a store in dir with the migrations up to version
// alone, as the program of that schema version made its databases.
func openAtVersion(t *testing.T, dir string, version int) *Store {
	t.Helper()
	all, err := readMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	old := fstest.MapFS{}
	for _, m := range all {
		if m.version > version {
			break
		}
		data, err := fs.ReadFile(migrationFS, "migrations/"+m.name)
		if err != nil {
			t.Fatal(err)
		}
		old["migrations/"+m.name] = &fstest.MapFile{Data: data}
	}
	s, err := open(t.Context(), dir, old)
	if err != nil {
		t.Fatal(err)
	}
	if v := pragmaInt(t, s, "user_version"); v != version {
		t.Fatalf("made a database at version %d, want %d", v, version)
	}
	return s
}

// TestMigrateFromEveryVersion makes a database at each earlier schema
// version, with data, as that version's program would have, and opens it
// with this one: the schema comes up to date, the data is all there, and
// the database passes SQLite's integrity and foreign key checks.
func TestMigrateFromEveryVersion(t *testing.T) {
	all, err := readMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC).UnixMilli()
	for _, m := range all[:len(all)-1] {
		t.Run(fmt.Sprintf("from version %d", m.version), func(t *testing.T) {
			seed := versionSeeds[m.version]
			if seed == nil {
				t.Fatalf("no seed for schema version %d: add one to versionSeeds", m.version)
			}
			dir := t.TempDir()
			s := openAtVersion(t, dir, m.version)
			if err := seed(s.db, created); err != nil {
				t.Fatal(err)
			}
			s.Close()

			// Restored as a backup into a store of this version, it is
			// migrated the same way.
			fresh, _ := openTestStore(t)
			if _, info, err := fresh.RestoreBackup(t.Context(), filepath.Join(dir, dbName)); err != nil || info.SchemaVersion != m.version {
				t.Errorf("restoring it: %+v, %v", info, err)
			} else if c, err := fresh.Get(t.Context(), 1); err != nil || c.FullName != "Ann Example" || pragmaInt(t, fresh, "user_version") != SchemaVersion() {
				t.Errorf("restored and migrated: %+v, %v", c, err)
			}

			s, err = Open(t.Context(), dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v := pragmaInt(t, s, "user_version"); v != SchemaVersion() {
				t.Errorf("user_version = %d after migrating, want %d", v, SchemaVersion())
			}
			integrityOK(t, s)
			var fkProblems int
			if err := s.db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&fkProblems); err != nil || fkProblems != 0 {
				t.Errorf("foreign key check: %d problems, %v", fkProblems, err)
			}
			ctx := t.Context()
			ann, err := s.Get(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if ann.FullName != "Ann Example" || ann.Company != "Acme" || !slices.Equal(ann.Emails, []string{"ann@example.org"}) {
				t.Errorf("Ann after migrating: %+v", ann)
			}
			// The search index is made for, or kept by, the migrated rows.
			for _, q := range []string{"ann", "acme", "ann@example"} {
				if found, err := s.Find(ctx, Filter{Query: q}); err != nil || len(found) != 1 || found[0].ID != 1 {
					t.Errorf("search %q after migrating: %d found, %v", q, len(found), err)
				}
			}
			if ann.Event != "Spring Expo" || ann.EventID == 0 {
				t.Errorf("Ann's event %q (%d) after migrating", ann.Event, ann.EventID)
			}
			if m.version == 1 {
				if len(ann.Phones) != 1 || ann.Phones[0].Kind != contacts.PhoneMobile || len(ann.Websites) != 1 || ann.Note != "likes tea" || ann.Image != "images/a.png" {
					t.Errorf("Ann's version 1 fields after migrating: %+v", ann)
				}
				return
			}
			if ann.MetOn != (contacts.Day{Year: 2026, Month: 3, Day: 2}) || ann.IntroducedBy != "Sam" || ann.TalkedAbout != "hiring" ||
				ann.Cadence != (contacts.Cadence{Ideal: 60, Max: 120}) || !slices.Equal(ann.Tags, []string{"vip"}) {
				t.Errorf("Ann's version 2 fields after migrating: %+v", ann)
			}
			fus, err := s.FollowUps(ctx, 1)
			if err != nil || len(fus) != 1 || fus[0].Line != "the deck" || fus[0].State != contacts.StateOpen {
				t.Errorf("follow-ups after migrating: %+v, %v", fus, err)
			}
			if its, err := s.Interactions(ctx, 1); err != nil || len(its) != 1 {
				t.Errorf("interactions after migrating: %+v, %v", its, err)
			}
			if v, err := s.Setting(ctx, "followup.delay", ""); err != nil || v != "5" {
				t.Errorf("setting after migrating: %q, %v", v, err)
			}
			if e, err := s.GetEvent(ctx, ann.EventID); err != nil || e.Place != "Hall A" {
				t.Errorf("event after migrating: %+v, %v", e, err)
			}
			if m.version >= 3 && !slices.Equal(ann.Extra, []string{"BDAY:1990-01-01"}) {
				t.Errorf("Ann's extra after migrating: %q", ann.Extra)
			}
			if m.version >= 6 {
				if cs, err := s.Corrections(ctx); err != nil || len(cs) != 1 || cs[0].Value != "Acme" {
					t.Errorf("corrections after migrating: %+v, %v", cs, err)
				}
			}
			if m.version >= 4 {
				recs, err := s.SyncRecords(ctx, "/book/")
				if err != nil || len(recs) != 1 || recs[0].ContactID != 1 || recs[0].ETag != `"e1"` {
					t.Errorf("sync records after migrating: %+v, %v", recs, err)
				}
			}
		})
	}
}

func init() {
	// Version 7 holds what version 6 does.
	if versionSeeds[7] == nil {
		versionSeeds[7] = seed6
	}
	versionSeeds[8] = seed8
	versionSeeds[9] = seed9
}

// seed8: version 8 kept deleted contacts in the trash tables, which
// version 9 gives UIDs too.
func seed8(db *sql.DB, created int64) error {
	if err := seed6(db, created); err != nil {
		return err
	}
	return execAll(db,
		[]any{`INSERT INTO trash (contact_id, deleted) VALUES (99, ?)`, created},
		[]any{`INSERT INTO trash_contacts SELECT 99, full_name, given_name, family_name, title, company,
			address, note, event, image, created, updated,
			event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra
			FROM contacts WHERE id = 1`},
		[]any{`INSERT INTO trash_follow_ups SELECT * FROM follow_ups WHERE contact_id = 1`})
}

// TestMigrateGivesTheTrashUIDs opens a version 8 database with a contact
// and its follow-ups in the trash: after migrating, each has a UID of its
// own, as the contacts and follow-ups it will be restored among have.
func TestMigrateGivesTheTrashUIDs(t *testing.T) {
	dir := t.TempDir()
	s := openAtVersion(t, dir, 8)
	// Deleted just now: Open purges only what was deleted a while ago.
	if err := seed8(s.db, time.Now().UnixMilli()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := open(t.Context(), dir, migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, table := range []string{"trash_contacts", "trash_follow_ups"} {
		var rows, blank, distinct int
		err := s.db.QueryRow("SELECT count(*), count(*) FILTER (WHERE uid = ''), count(DISTINCT uid) FROM "+table).Scan(&rows, &blank, &distinct)
		if err != nil {
			t.Fatal(err)
		}
		if rows == 0 || blank != 0 || distinct != rows {
			t.Errorf("%s: %d rows, %d without a UID, %d distinct UIDs", table, rows, blank, distinct)
		}
	}
}

// seed9: version 9 gave contacts and follow-ups UIDs.
func seed9(db *sql.DB, created int64) error {
	if err := seed6(db, created); err != nil {
		return err
	}
	return execAll(db, []any{`UPDATE contacts SET uid = 'seed-contact-' || id`}, []any{`UPDATE follow_ups SET uid = 'seed-follow-up-' || id`})
}

func init() { versionSeeds[10] = seed10 }

// seed10: version 10 kept an address as one line, in contacts and in the
// trash; Ann has one, and a deleted copy of her (99) too.
func seed10(db *sql.DB, created int64) error {
	if err := seed9(db, created); err != nil {
		return err
	}
	return execAll(db,
		[]any{`UPDATE contacts SET address = 'Storgata 1, 0155 Oslo' WHERE id = 1`},
		[]any{`INSERT INTO trash (contact_id, deleted) VALUES (99, ?)`, created},
		[]any{`INSERT INTO trash_contacts SELECT 99, full_name, given_name, family_name, title, company,
			address, note, event, image, created, updated,
			event_id, met_on, introduced_by, introduced_by_id, talked_about, cadence_ideal, cadence_max, extra, 'seed-deleted'
			FROM contacts WHERE id = 1`})
}

// TestMigrateMovesAddresses opens a version 10 database: each one-line
// address, of a contact or of one in the trash, is the street of an
// address of its own, and the deleted contact comes back with it.
func TestMigrateMovesAddresses(t *testing.T) {
	dir := t.TempDir()
	s := openAtVersion(t, dir, 10)
	// Deleted just now: Open purges only what was deleted a while ago.
	if err := seed10(s.db, time.Now().UnixMilli()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := open(t.Context(), dir, migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := []contacts.Address{{Street: "Storgata 1, 0155 Oslo"}}
	ann, err := s.Get(t.Context(), 1)
	if err != nil || !slices.Equal(ann.Addresses, want) {
		t.Errorf("Ann's addresses after migrating: %+v, %v", ann.Addresses, err)
	}
	if err := s.Restore(t.Context(), contacts.Contact{ID: 99}); err != nil {
		t.Fatal(err)
	}
	deleted, err := s.Get(t.Context(), 99)
	if err != nil || !slices.Equal(deleted.Addresses, want) {
		t.Errorf("the deleted contact's addresses after migrating and restoring: %+v, %v", deleted.Addresses, err)
	}
}

func init() { versionSeeds[11] = seed11 }

// seed11: version 11 did not count a follow-up's changes.
func seed11(db *sql.DB, created int64) error { return seed9(db, created) }

// TestMigrateCountsChanges opens a version 11 database: Ann's follow-up,
// scheduled before the store counted changes, reads as never changed, and
// once done counts one change, made at the store's clock.
func TestMigrateCountsChanges(t *testing.T) {
	dir := t.TempDir()
	s := openAtVersion(t, dir, 11)
	if err := seed11(s.db, time.Now().UnixMilli()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := open(t.Context(), dir, migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Date(2026, 3, 9, 17, 30, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	fus, err := s.FollowUps(t.Context(), 1)
	if err != nil || len(fus) != 1 || fus[0].Sequence != 0 || !fus[0].Modified.IsZero() {
		t.Fatalf("Ann's follow-up after migrating: %+v, %v", fus, err)
	}
	if _, err := s.CompleteFollowUp(t.Context(), fus[0].ID, contacts.DayOf(now), "sent"); err != nil {
		t.Fatal(err)
	}
	f, err := s.GetFollowUp(t.Context(), fus[0].ID)
	if err != nil || f.Sequence != 1 || !f.Modified.Equal(now) {
		t.Errorf("done after migrating: sequence %d, modified %v (%v); want 1, %v", f.Sequence, f.Modified, err, now)
	}
}

func init() { versionSeeds[12] = seed12 }

// seed12: version 12 kept the five parts of a name, but no phonetic name.
func seed12(db *sql.DB, created int64) error {
	if err := seed11(db, created); err != nil {
		return err
	}
	return execAll(db, []any{`UPDATE contacts SET given_name = 'Ann', middle_name = 'Q.', family_name = 'Example' WHERE id = 1`})
}

// TestMigrateAddsPhoneticName opens a version 12 database: Ann keeps her
// name's parts, has no phonetic name, and can be given one that search
// finds and the trash keeps.
func TestMigrateAddsPhoneticName(t *testing.T) {
	dir := t.TempDir()
	s := openAtVersion(t, dir, 12)
	if err := seed12(s.db, time.Now().UnixMilli()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := open(t.Context(), dir, migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	ann, err := s.Get(ctx, 1)
	if err != nil || ann.MiddleName != "Q." || ann.PhoneticGivenName != "" || ann.PhoneticFamilyName != "" {
		t.Fatalf("Ann after migrating: %+v, %v", ann, err)
	}
	ann.PhoneticGivenName, ann.PhoneticFamilyName = "Anne", "Egzampel"
	if err := s.Update(ctx, ann); err != nil {
		t.Fatal(err)
	}
	if found, err := s.Find(ctx, Filter{Query: "egzam"}); err != nil || len(found) != 1 || found[0].PhoneticFamilyName != "Egzampel" {
		t.Errorf("search by the phonetic name: %+v, %v", found, err)
	}
	// A change to the phonetic name alone, made by SQL as another
	// program might, marks the contact's words to be written again.
	if _, err := s.db.Exec("UPDATE contacts SET phonetic_family_name = 'Eksampl' WHERE id = 1"); err != nil {
		t.Fatal(err)
	}
	var pending int
	if err := s.db.QueryRow("SELECT count(*) FROM search_pending WHERE contact_id = 1").Scan(&pending); err != nil || pending != 1 {
		t.Errorf("after the phonetic name changed by SQL, %d pending (%v), want 1", pending, err)
	}
	// Back from the trash, whatever the contact given to Restore says.
	if _, err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, contacts.Contact{ID: 1}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Get(ctx, 1); err != nil || got.PhoneticGivenName != "Anne" || got.PhoneticFamilyName != "Eksampl" {
		t.Errorf("Ann back from the trash: %+v, %v", got, err)
	}
}
