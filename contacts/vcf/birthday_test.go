package vcf

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
)

// TestBirthdayVersions: vCard 3.0 (RFC 2426) has no birthday without a
// year, which 4.0 writes --MMDD; a 3.0 export keeps such a birthday in
// X-FOLLOWTHROUGH-BDAY instead of writing a BDAY 3.0 readers refuse, and
// reading it back, or writing 4.0, gives the BDAY again.
func TestBirthdayVersions(t *testing.T) {
	tests := []struct {
		name      string
		extra     string
		want3     string // the line 3.0 writes
		wantNone3 string // what 3.0 must not write
		want4     string
	}{
		{"no year", "BDAY:--0704", "X-FOLLOWTHROUGH-BDAY:--0704", "BDAY:--", "BDAY:--0704"},
		{"no year, extended", "BDAY:--07-04", "X-FOLLOWTHROUGH-BDAY:--07-04", "BDAY:--", "BDAY:--07-04"},
		{"text", "BDAY;VALUE=text:circa 1980", "X-FOLLOWTHROUGH-BDAY;VALUE=text:circa 1980", "BDAY;", "BDAY;VALUE=text:circa 1980"},
		{"full date", "BDAY:1990-07-04", "BDAY:1990-07-04", "X-FOLLOWTHROUGH-BDAY", "BDAY:1990-07-04"},
		{"full date, basic", "BDAY:19900704", "BDAY:19900704", "X-FOLLOWTHROUGH-BDAY", "BDAY:19900704"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := contacts.Contact{UID: "u1", FullName: "Ann Lee", Extra: []string{tt.extra}}
			var v3, v4 bytes.Buffer
			if err := Write(&v3, c); err != nil {
				t.Fatal(err)
			}
			if err := Write4(&v4, c); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(v3.String(), "\r\n"+tt.want3+"\r\n") || strings.Contains(v3.String(), "\r\n"+tt.wantNone3) {
				t.Errorf("3.0 wants %q and no %q:\n%s", tt.want3, tt.wantNone3, v3.String())
			}
			if !strings.Contains(v4.String(), "\r\n"+tt.want4+"\r\n") || strings.Contains(v4.String(), "X-FOLLOWTHROUGH-BDAY") {
				t.Errorf("4.0 wants %q:\n%s", tt.want4, v4.String())
			}
			for _, out := range []*bytes.Buffer{&v3, &v4} {
				back, err := Read(out)
				if err != nil || len(back) != 1 || !slices.Equal(back[0].Extra, []string{tt.extra}) {
					t.Errorf("read back: %+v, %v", back, err)
				}
			}
		})
	}
}

// TestSyncCardBirthday: a birthday without a year that a phone put on the
// server stays there as the phone wrote it when the app pushes a change.
func TestSyncCardBirthday(t *testing.T) {
	base := "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p1\r\nFN:Ann Lee\r\nBDAY:--0704\r\nEND:VCARD\r\n"
	cs, err := Read(strings.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	c.Note = "changed here"
	card, err := SyncCard(c, "p1", base)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(card), "BDAY"); n != 1 || !strings.Contains(string(card), "\r\nBDAY:--0704\r\n") {
		t.Errorf("want the phone's BDAY once:\n%s", card)
	}
}
