package interop

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/internal/tooltest"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// openStore opens a store in a temporary folder for the test.
func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// people are contacts as the scanner and an import make them: none of the
// scanned ones has a UID of its own.
func people() []contacts.Contact {
	return []contacts.Contact{
		{FullName: "Ann Lee", GivenName: "Ann", FamilyName: "Lee", Company: "Acme", Emails: []string{"ann@acme.example"}},
		{FullName: "Bo Ek", Phones: []contacts.Phone{{Number: "+46 8 555 0100", Kind: contacts.PhoneMobile}}},
		{FullName: "Zoë Øster", Title: "CTO", Note: "met, at the expo; liked it"},
		{FullName: "Cy Ro", UID: "phone-card-17", Extra: []string{"BDAY:--0704"}},
	}
}

// khardList writes cards, a .vcf file's content, one card a file into a
// khard address book and returns what `khard list --parsable` lists: a
// line a contact, its UID first.
func khardList(t *testing.T, cards []byte) (listed []string, stderr string) {
	t.Helper()
	khard := tooltest.Command(t, "khard", "khard")
	dir := t.TempDir()
	book := filepath.Join(dir, "book")
	conf := filepath.Join(dir, "config", "khard")
	for _, d := range []string{book, conf} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	config := fmt.Sprintf("[addressbooks]\n[[app]]\npath = %s\n[general]\ndefault_action = list\n", book)
	if err := os.WriteFile(filepath.Join(conf, "khard.conf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, card := range splitCards(cards) {
		if err := os.WriteFile(filepath.Join(book, fmt.Sprintf("card%d.vcf", i)), card, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(khard, "list", "--parsable")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=C.UTF-8")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("khard list: %v\n%s", err, errOut.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l != "" {
			listed = append(listed, l)
		}
	}
	return listed, errOut.String()
}

// splitCards splits a .vcf file's content into its cards.
func splitCards(data []byte) [][]byte {
	var cards [][]byte
	for _, part := range bytes.SplitAfter(data, []byte("END:VCARD\r\n")) {
		if len(bytes.TrimSpace(part)) > 0 {
			cards = append(cards, part)
		}
	}
	return cards
}

// TestKhardListsEveryExportedContact exports every contact of a store,
// scanned or imported, in vCard 3.0 and 4.0, and has khard list them:
// khard leaves out a card without a UID.
func TestKhardListsEveryExportedContact(t *testing.T) {
	s := openStore(t)
	ps := people()
	if err := s.AddAll(t.Context(), ps); err != nil {
		t.Fatal(err)
	}
	for _, v4 := range []bool{false, true} {
		t.Run(fmt.Sprintf("v4=%v", v4), func(t *testing.T) {
			var buf bytes.Buffer
			each := func(ctx context.Context, fn func([]contacts.Contact) error) error {
				return s.EachContact(ctx, sqlite.Filter{}, fn)
			}
			if n, err := vcf.Export(t.Context(), &buf, each, v4, nil); err != nil || n != len(ps) {
				t.Fatalf("export: %d, %v", n, err)
			}
			listed, stderr := khardList(t, buf.Bytes())
			if len(listed) != len(ps) {
				t.Fatalf("khard lists %d contacts, want %d:\n%s\n%s", len(listed), len(ps), strings.Join(listed, "\n"), stderr)
			}
			var uids []string
			for _, l := range listed {
				uids = append(uids, strings.Split(l, "\t")[0])
			}
			for _, p := range ps {
				if !slices.Contains(uids, p.UID) {
					t.Errorf("khard does not list %s under its UID %q: %q", p.FullName, p.UID, uids)
				}
			}
			if !slices.Contains(uids, "phone-card-17") {
				t.Errorf("the imported card lost its own UID: %q", uids)
			}
		})
	}
}
