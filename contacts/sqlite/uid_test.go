package sqlite

import (
	"database/sql"
	"fmt"
	"regexp"
	"testing"

	"followthrough/contacts"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// TestContactUID: a contact gets a random UID when it is created and keeps
// it for life; one read from another app's card keeps that card's, unless
// another contact has it already.
func TestContactUID(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	scanned := contacts.Contact{FullName: "Ann Lee"}
	if err := s.Add(ctx, &scanned, contacts.FollowUp{Kind: contacts.KindCall, Due: contacts.Day{Year: 2026, Month: 1, Day: 2}}); err != nil {
		t.Fatal(err)
	}
	imported := []contacts.Contact{{FullName: "Bo Ek", UID: "phone-1"}, {FullName: "Bo Ek again", UID: "phone-1"}, {FullName: "Cy Ro"}}
	if err := s.AddAll(ctx, imported); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		c    contacts.Contact
		want string // "" for a new random UID
	}{
		{"scanned", scanned, ""},
		{"imported keeps its own", imported[0], "phone-1"},
		{"imported twice gets a new one", imported[1], ""},
		{"added without", imported[2], ""},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Get(ctx, tt.c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.UID != tt.c.UID {
				t.Errorf("stored UID %q, Add set %q", got.UID, tt.c.UID)
			}
			if tt.want != "" && got.UID != tt.want || tt.want == "" && !uuidPattern.MatchString(got.UID) {
				t.Errorf("UID %q, want %q or a random UUID", got.UID, tt.want)
			}
			if seen[got.UID] {
				t.Errorf("UID %q given twice", got.UID)
			}
			seen[got.UID] = true
			// Kept through an edit that does not name it.
			got.UID, got.Note = "", "edited"
			if err := s.Update(ctx, got); err != nil {
				t.Fatal(err)
			}
			if again, _ := s.Get(ctx, got.ID); again.UID != tt.c.UID {
				t.Errorf("UID %q after an edit, want %q", again.UID, tt.c.UID)
			}
		})
	}
	// A deletion undone keeps the UID.
	gone, err := s.Delete(ctx, imported[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Get(ctx, gone.ID); back.UID != imported[2].UID {
		t.Errorf("restored UID %q, want %q", back.UID, imported[2].UID)
	}
	fus, err := s.FollowUps(ctx, scanned.ID)
	if err != nil || len(fus) != 1 || !uuidPattern.MatchString(fus[0].UID) {
		t.Errorf("follow-up without a UUID: %+v, %v", fus, err)
	}
}

// TestMigrateUIDs: migration 9 gives every contact and follow-up a UID,
// unique, and a contact imported from another app's card that card's UID.
func TestMigrateUIDs(t *testing.T) {
	dir := t.TempDir()
	s := openAtVersion(t, dir, 8)
	extras := []string{"", "BDAY:1990-01-01\nUID:phone-7\nX-A:b", "UID:phone-7", "UID:first", "NICKNAME:x"}
	for i, extra := range extras {
		if _, err := s.db.Exec(`INSERT INTO contacts (id, full_name, created, updated, extra) VALUES (?, ?, 0, 0, ?)`,
			i+1, fmt.Sprint("P", i), extra); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := s.db.Exec(`INSERT INTO follow_ups (contact_id, kind, due, created) VALUES (?, 'call', '2026-01-01', 0)`, i+1); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Close()
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := []string{"", "phone-7", "", "first", ""}
	seen := map[string]bool{}
	for i, w := range want {
		c, err := s.Get(t.Context(), int64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		if w != "" && c.UID != w || w == "" && !uuidPattern.MatchString(c.UID) || seen[c.UID] {
			t.Errorf("contact %d (extra %q): UID %q, want %q or a new UUID", i+1, extras[i], c.UID, w)
		}
		seen[c.UID] = true
	}
	rows, err := s.db.Query("SELECT uid FROM follow_ups")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var uid sql.NullString
		if err := rows.Scan(&uid); err != nil {
			t.Fatal(err)
		}
		if !uuidPattern.MatchString(uid.String) || seen[uid.String] {
			t.Errorf("follow-up UID %q", uid.String)
		}
		seen[uid.String] = true
		n++
	}
	if n != 2*len(extras) {
		t.Errorf("%d follow-ups", n)
	}
}
