package interop

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/davsync/davtest"
	"followthrough/contacts/internal/tooltest"
	"followthrough/contacts/vcf"
)

// vdirsyncer syncs the Radicale address book book with the single file
// file (vdirsyncer's single-file storage, which wraps the cards in
// BEGIN:VADDRESSBOOK).
func vdirsyncer(t *testing.T, r davtest.Radicale, book, dir, file string) {
	t.Helper()
	bin := tooltest.Command(t, "vdirsyncer", "vdirsyncer")
	config := filepath.Join(dir, "vdirsyncer.conf")
	text := fmt.Sprintf(`[general]
status_path = %q

[pair book]
a = "local"
b = "remote"
collections = null
conflict_resolution = "b wins"

[storage local]
type = "singlefile"
path = %q

[storage remote]
type = "carddav"
url = %q
username = %q
password = %q
`, filepath.Join(dir, "status"), file, strings.TrimSuffix(r.URL, "/")+book, r.User, r.Password)
	if err := os.WriteFile(config, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"discover"}, {"sync"}} {
		cmd := exec.Command(bin, append([]string{"-c", config}, args...)...)
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
		cmd.Stdin = strings.NewReader("y\n")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("vdirsyncer %s: %v\n%s", args[0], err, out)
		}
	}
}

// TestVdirsyncerReadsWhatTheAppPushed: the app pushes its contacts to
// Radicale; vdirsyncer syncs that address book into a single file; the
// app reads that file (BEGIN:VADDRESSBOOK and all) and finds every contact,
// with its UID. A card added to the file goes up through vdirsyncer and
// comes down into the app, once.
func TestVdirsyncerReadsWhatTheAppPushed(t *testing.T) {
	r := davtest.Start(t)
	book := r.MakeBook(t, "interop")
	s := openStore(t)
	ps := people()
	if err := s.AddAll(t.Context(), ps); err != nil {
		t.Fatal(err)
	}
	client, err := davsync.Dial(davsync.Account{URL: r.URL, User: r.User, Password: r.Password, AllowHTTP: true})
	if err != nil {
		t.Fatal(err)
	}
	syncer := &davsync.Syncer{Store: s, Client: client, Book: book}
	if res, err := syncer.Sync(t.Context()); err != nil || res.Pushed != len(ps) || len(res.Failed) > 0 {
		t.Fatalf("sync: %v, %v", res, err)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "book.vcf")
	vdirsyncer(t, r, book, dir, file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("BEGIN:VADDRESSBOOK")) {
		t.Errorf("vdirsyncer's file has no VADDRESSBOOK wrapper:\n%s", data)
	}
	read, err := vcf.ReadFile(file)
	if err != nil {
		t.Fatalf("reading vdirsyncer's file: %v", err)
	}
	if len(read) != len(ps) {
		t.Fatalf("read %d contacts from vdirsyncer's file, want %d", len(read), len(ps))
	}
	for _, p := range ps {
		i := slices.IndexFunc(read, func(c contacts.Contact) bool { return c.UID == p.UID })
		if i < 0 || read[i].FullName != p.FullName {
			t.Errorf("%s (UID %s) not read back from vdirsyncer's file", p.FullName, p.UID)
		}
	}

	// A card added on vdirsyncer's side comes into the app.
	added := "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:vdir-added-1\r\nFN:Di Lu\r\nN:Lu;Di;;;\r\nEMAIL:di@example.org\r\nEND:VCARD\r\n"
	data = bytes.Replace(data, []byte("END:VADDRESSBOOK"), []byte(added+"END:VADDRESSBOOK"), 1)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	vdirsyncer(t, r, book, dir, file)
	for range 2 {
		if _, err := syncer.Sync(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.List(t.Context(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range all {
		if c.FullName == "Di Lu" {
			n++
			if c.UID != "vdir-added-1" {
				t.Errorf("Di Lu's UID %q", c.UID)
			}
		}
	}
	if n != 1 || len(all) != len(ps)+1 {
		t.Errorf("%d Di Lu here, %d contacts; want 1 and %d", n, len(all), len(ps)+1)
	}
}
