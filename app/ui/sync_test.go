package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/emersion/go-vcard"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/carddav"
	"github.com/zalando/go-keyring"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/davsync"
	"followthrough/contacts/davsync/davtest"
	"followthrough/contacts/sqlite"
)

// openSyncDialog shows the sync dialog in a test window, with a mock
// keyring.
func openSyncDialog(t *testing.T, store *sqlite.Store) (*syncDialog, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 700))
	d := newSyncDialog(w, store, &tasks{held: true}, contacts.DateFormat{}, nil)
	d.show()
	d.tasks.drain()
	if d.dlg == nil {
		t.Fatal("no sync dialog")
	}
	return d, w
}

func setting(t *testing.T, store *sqlite.Store, key string) string {
	t.Helper()
	v, err := store.Setting(context.Background(), key, "")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSyncDialogSettings(t *testing.T) {
	keyring.MockInit()
	store := apptest.OpenStore(t)
	d, w := openSyncDialog(t, store)
	// Nothing listens on port 1: connecting fails, after the settings
	// are saved.
	const url = "http://127.0.0.1:1/dav/"
	test.Type(d.url, url)
	test.Type(d.user, "ana")
	test.Type(d.password, "s3cret")

	// Plain http asks first; turning it down saves nothing.
	test.Tap(d.connect)
	top := w.Canvas().Overlays().Top()
	if findButton(top, "Use http") == nil {
		t.Fatal("no confirmation for a plain-http address")
	}
	test.Tap(findButton(top, "Cancel"))
	d.tasks.drain()
	if got := setting(t, store, app.SettingDAVURL); got != "" {
		t.Errorf("URL saved without confirmation: %q", got)
	}
	if !strings.Contains(d.status.Text, "Not connected") {
		t.Errorf("status = %q", d.status.Text)
	}

	test.Tap(d.connect)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Use http"))
	d.tasks.drain()
	for key, want := range map[string]string{app.SettingDAVURL: url, app.SettingDAVUser: "ana", app.SettingDAVHTTP: url} {
		if got := setting(t, store, key); got != want {
			t.Errorf("setting %s = %q, want %q", key, got, want)
		}
	}
	if pw, err := keyring.Get(app.KeyringService, app.PasswordKey(url, "ana")); err != nil || pw != "s3cret" {
		t.Errorf("keyring holds %q, %v", pw, err)
	}
	if d.password.Text != "" {
		t.Error("password left in its entry")
	}
	if !strings.Contains(d.status.Text, "Could not connect") {
		t.Errorf("status = %q, want the connection error", d.status.Text)
	}

	// Confirmed once, the same address is not asked about again; an
	// https address never is.
	for _, u := range []string{url, "https://127.0.0.1:1/"} {
		d.url.SetText(u)
		test.Tap(d.connect)
		if top := w.Canvas().Overlays().Top(); findButton(top, "Use http") != nil {
			t.Errorf("%s: asked to confirm", u)
			test.Tap(findButton(top, "Cancel"))
		}
		d.tasks.drain()
	}
	if got := setting(t, store, app.SettingDAVHTTP); got != "" {
		t.Errorf("plain http still allowed after moving to https: %q", got)
	}
	// An address without a scheme is taken as https.
	d.url.SetText("127.0.0.1:1")
	test.Tap(d.connect)
	d.tasks.drain()
	if got := setting(t, store, app.SettingDAVURL); got != "https://127.0.0.1:1" {
		t.Errorf("address without a scheme saved as %q", got)
	}
	// The password is found again for the same account.
	if pw, err := app.LoadPassword(url, "ana"); err != nil || pw != "s3cret" {
		t.Errorf("loadPassword = %q, %v", pw, err)
	}
	// It is nowhere in the data folder: not in the database, its journal,
	// a backup or an archive.
	if _, err := store.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := store.WriteArchive(context.Background(), filepath.Join(store.Dir(), "all.zip")); err != nil {
		t.Fatal(err)
	}
	if found := filesHolding(t, store.Dir(), "s3cret"); len(found) > 0 {
		t.Errorf("the password is in %v", found)
	}
	// The search reads what it should: the address saved beside the
	// password is found in a backup and in the archive's database.
	found := filesHolding(t, store.Dir(), "127.0.0.1:1")
	if !slices.ContainsFunc(found, func(f string) bool { return strings.Contains(f, "backups") }) ||
		!slices.Contains(found, filepath.Join(store.Dir(), "all.zip")+"/followthrough.db") {
		t.Errorf("the saved address is found in %v: want a backup and the archive's database among them", found)
	}
}

// filesHolding returns the files below dir, and the files inside each zip
// archive there (as ARCHIVE/NAME), that hold text.
func filesHolding(t *testing.T, dir, text string) []string {
	t.Helper()
	var found []string
	check := func(name string, data []byte) {
		if bytes.Contains(data, []byte(text)) {
			found = append(found, name)
		}
	}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		check(path, data)
		if !strings.HasSuffix(path, ".zip") {
			return nil
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return err
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			entry, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
			check(path+"/"+f.Name, entry)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestSyncDialogWithoutKeyring(t *testing.T) {
	keyring.MockInitWithError(errors.New("no Secret Service"))
	t.Cleanup(keyring.MockInit)
	store := apptest.OpenStore(t)
	d, _ := openSyncDialog(t, store)
	test.Type(d.url, "https://127.0.0.1:1/")
	test.Type(d.user, "bo")
	test.Type(d.password, "pw")
	test.Tap(d.connect)
	d.tasks.drain()
	if !strings.Contains(d.status.Text, "system keyring is not available") ||
		!strings.Contains(d.status.Text, "only until Follow Through closes") {
		t.Errorf("status = %q, want it to say the password is kept for the session", d.status.Text)
	}
	if pw, err := app.LoadPassword("https://127.0.0.1:1/", "bo"); err != nil || pw != "pw" {
		t.Errorf("session password = %q, %v", pw, err)
	}
	if _, err := app.LoadPassword("https://127.0.0.1:1/", "cy"); !errors.Is(err, app.ErrNoPassword) {
		t.Errorf("password of an unknown account: %v", err)
	}
}

func TestSyncDialogWithRadicale(t *testing.T) {
	keyring.MockInit()
	r := davtest.Start(t)
	book := r.MakeBook(t, "contacts")
	store := apptest.OpenStore(t)
	ctx := context.Background()
	ana := contacts.Contact{FullName: "Ana Ruiz", Title: "CTO", Emails: []string{"ana@example.com"}}
	if err := store.Add(ctx, &ana); err != nil {
		t.Fatal(err)
	}
	d, w := openSyncDialog(t, store)
	test.Type(d.url, r.URL)
	test.Type(d.user, r.User)
	test.Type(d.password, r.Password)
	test.Tap(d.connect)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Use http"))
	d.tasks.drain()
	if d.book.Selected != "contacts" {
		t.Fatalf("address book %q chosen of %v; status %q", d.book.Selected, d.book.Options, d.status.Text)
	}
	d.tasks.drain()
	if got := setting(t, store, app.SettingDAVBook); got != book {
		t.Errorf("address book saved = %q, want %q", got, book)
	}
	test.Tap(d.syncNow)
	d.tasks.drain()
	if d.status.Text != "Pushed 1, pulled 0." {
		t.Fatalf("status after the first sync = %q", d.status.Text)
	}

	// Changed on both sides: the dialog shows both and keeps the
	// server's when asked.
	dav, err := carddav.NewClient(webdav.HTTPClientWithBasicAuth(nil, r.User, r.Password), r.URL)
	if err != nil {
		t.Fatal(err)
	}
	aos, err := dav.QueryAddressBook(ctx, book, &carddav.AddressBookQuery{DataRequest: carddav.AddressDataRequest{AllProp: true}})
	if err != nil || len(aos) != 1 {
		t.Fatalf("cards on the server: %d, %v", len(aos), err)
	}
	aos[0].Card.SetValue(vcard.FieldTitle, "Founder")
	if _, err := dav.PutAddressObject(ctx, aos[0].Path, aos[0].Card); err != nil {
		t.Fatal(err)
	}
	ana.Title = "CEO"
	if err := store.Update(ctx, ana); err != nil {
		t.Fatal(err)
	}
	// Esc leaves the conflict for later: the next sync asks again.
	test.Tap(d.syncNow)
	d.tasks.drain()
	if findButton(w.Canvas().Overlays().Top(), "Keep the server's") == nil {
		t.Fatalf("no conflict dialog; status %q", d.status.Text)
	}
	typeKey(w, fyne.KeyEscape)
	d.tasks.drain()
	if findButton(w.Canvas().Overlays().Top(), "Keep the server's") != nil {
		t.Fatal("Esc left the conflict dialog open")
	}
	if got, err := store.Get(ctx, ana.ID); err != nil || got.Title != "CEO" {
		t.Errorf("title here after Esc = %q, %v; want it left", got.Title, err)
	}
	test.Tap(d.syncNow)
	d.tasks.drain()
	top := w.Canvas().Overlays().Top()
	if findButton(top, "Keep the server's") == nil {
		t.Fatalf("no conflict dialog after Esc; status %q", d.status.Text)
	}
	for _, text := range []string{"CEO", "Founder"} {
		if _, ok := find(top, func(l *widget.Label) bool { return l.Text == text }); !ok {
			t.Errorf("conflict dialog does not show %q", text)
		}
	}
	test.Tap(findButton(top, "Keep the server's"))
	d.tasks.drain()
	if got, err := store.Get(ctx, ana.ID); err != nil || got.Title != "Founder" {
		t.Errorf("title here after keeping the server's = %q, %v", got.Title, err)
	}

	// Deleted here: the server's card goes only once confirmed.
	if _, err := store.Delete(ctx, ana.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(d.syncNow)
	d.tasks.drain()
	if findButton(w.Canvas().Overlays().Top(), "Delete") == nil {
		t.Fatal("no confirmation before deleting on the server")
	}
	typeKey(w, fyne.KeyEscape) // decide later: nothing is deleted yet
	d.tasks.drain()
	if findButton(w.Canvas().Overlays().Top(), "Delete") != nil {
		t.Fatal("Esc left the confirmation open")
	}
	if aos, err := dav.QueryAddressBook(ctx, book, &carddav.AddressBookQuery{}); err != nil || len(aos) != 1 {
		t.Errorf("cards on the server after Esc: %d, %v", len(aos), err)
	}
	test.Tap(d.syncNow)
	d.tasks.drain()
	top = w.Canvas().Overlays().Top()
	if _, ok := find(top, func(l *widget.Label) bool { return strings.Contains(l.Text, "• Ana Ruiz") }); !ok {
		t.Fatal("the confirmation does not list Ana")
	}
	test.Tap(findButton(top, "Delete"))
	d.tasks.drain()
	if aos, err := dav.QueryAddressBook(ctx, book, &carddav.AddressBookQuery{}); err != nil || len(aos) != 0 {
		t.Errorf("cards on the server after confirming: %d, %v", len(aos), err)
	}
}

func TestConflictRows(t *testing.T) {
	mine := contacts.Contact{FullName: "Ana", Title: "CEO", Emails: []string{"a@example.com"}}
	theirs := mine
	theirs.Title = "Founder"
	tests := []struct {
		name string
		cf   davsync.Conflict
		want []conflictRow
	}{
		{"both edited", davsync.Conflict{Mine: mine, Theirs: theirs}, []conflictRow{
			{"Name", "Ana", "Ana", false}, {"Title", "CEO", "Founder", true},
			{"Emails", "a@example.com", "a@example.com", false}}},
		{"deleted on the server", davsync.Conflict{Mine: mine, TheirsDeleted: true}, []conflictRow{
			{"", "", "(deleted)", true},
			{"Name", "Ana", "", true}, {"Title", "CEO", "", true}, {"Emails", "a@example.com", "", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := conflictRows(tt.cf, contacts.DateFormat{})
			if len(got) != len(tt.want) {
				t.Fatalf("rows = %+v\nwant %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("row %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
