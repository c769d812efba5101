package davsync

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-vcard"

	"followthrough/contacts"
	"followthrough/contacts/davsync/davtest"
	"followthrough/contacts/vcf"
)

// TestSyncNoDuplicates: a person on both sides before the first sync, and
// a sync cut short between putting a card and recording it, leave one
// card on the server and one contact here.
func TestSyncNoDuplicates(t *testing.T) {
	r := davtest.Start(t)

	t.Run("pushed under the contact's UID", func(t *testing.T) {
		f := newFixture(t, r)
		a := f.add(ana)
		f.run(1, 0, 0, 0)
		card, ok := f.phone.cards()["Ana Ruiz"]
		if !ok || card.PreferredValue(vcard.FieldUID) != a.UID {
			t.Errorf("Ana's card UID %q, want the contact's %q", card.PreferredValue(vcard.FieldUID), a.UID)
		}
	})

	t.Run("same UID on both sides, imported from the phone", func(t *testing.T) {
		f := newFixture(t, r)
		f.phone.put("phone-ana", "Ana Ruiz", map[string]string{vcard.FieldEmail: "ana@example.com"})
		// The phone's .vcf, imported here: the same card, same UID.
		cs, err := vcf.Read(strings.NewReader("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-ana\r\nFN:Ana Ruiz\r\nN:;Ana Ruiz;;;\r\nEMAIL:ana@example.com\r\nEND:VCARD\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		f.add(cs[0])
		f.run(0, 0, 0, 0)
		if n := len(f.phone.cards()); n != 1 || len(f.local()) != 1 {
			t.Errorf("%d cards there, %d contacts here; want 1 and 1", n, len(f.local()))
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("same person, other UID, other details", func(t *testing.T) {
		f := newFixture(t, r)
		f.phone.put("phone-ana", "Ana Ruiz", map[string]string{vcard.FieldEmail: "ana@example.com", vcard.FieldTitle: "Chief"})
		f.add(ana) // scanned here: same email
		res := f.run(0, 0, 1, 0)
		if n := len(f.phone.cards()); n != 1 || len(f.local()) != 1 {
			t.Fatalf("%d cards there, %d contacts here; want 1 and 1", n, len(f.local()))
		}
		cf := res.Conflicts[0]
		if cf.Mine.Title != "CTO" || cf.Theirs.Title != "Chief" {
			t.Errorf("conflict mine %q, theirs %q", cf.Mine.Title, cf.Theirs.Title)
		}
		if err := f.sync.Resolve(t.Context(), cf, true); err != nil {
			t.Fatal(err)
		}
		f.run(0, 0, 0, 0)
		cards := f.phone.cards()
		if len(cards) != 1 || cards["Ana Ruiz"].PreferredValue(vcard.FieldTitle) != "CTO" || cards["Ana Ruiz"].PreferredValue(vcard.FieldUID) != "phone-ana" {
			t.Errorf("server after keeping mine: %v", cards)
		}
	})

	t.Run("a crash between push and record", func(t *testing.T) {
		f := newFixture(t, r)
		f.add(ana)
		a := f.local()["Ana Ruiz"] // as Sync reads it
		// Push as pushNew does, then fail before the record.
		card, err := vcf.SyncCard(a, a.UID, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.sync.Client.put(t.Context(), cardPath(f.sync.Book, a.UID), card, ""); err != nil {
			t.Fatal(err)
		}
		f.run(0, 0, 0, 0)
		if n := len(f.phone.cards()); n != 1 || len(f.local()) != 1 {
			t.Errorf("%d cards there, %d contacts here; want 1 and 1", n, len(f.local()))
		}
		f.update("Ana Ruiz", func(c *contacts.Contact) { c.Title = "CEO" })
		f.run(1, 0, 0, 0)
		if got := f.phone.cards()["Ana Ruiz"].PreferredValue(vcard.FieldTitle); got != "CEO" {
			t.Errorf("title on the server %q after the next push", got)
		}
	})

	t.Run("a crash between push and record, found by the put", func(t *testing.T) {
		f := newFixture(t, r)
		f.add(ana)
		a := f.local()["Ana Ruiz"] // as Sync reads it
		card, err := vcf.SyncCard(a, a.UID, "")
		if err != nil {
			t.Fatal(err)
		}
		href := cardPath(f.sync.Book, a.UID)
		if _, err := f.sync.Client.put(t.Context(), href, card, ""); err != nil {
			t.Fatal(err)
		}
		// The retry's listing did not see the card: the put finds it.
		var res Result
		if pushed, err := f.sync.pushNew(t.Context(), &res, a); err != nil || pushed || len(res.Conflicts) > 0 {
			t.Fatalf("pushNew: pushed %v, %v, %+v", pushed, err, res)
		}
		recs, err := f.store.SyncRecords(t.Context(), f.sync.Book)
		if err != nil || len(recs) != 1 || recs[0].Href != href {
			t.Errorf("records %+v, %v", recs, err)
		}
		f.run(0, 0, 0, 0)
		if n := len(f.phone.cards()); n != 1 {
			t.Errorf("%d cards there", n)
		}
	})
}

// TestWeakETagNeverIfMatch: an ETag that is empty or weak is never sent
// as If-Match, which a server compares strongly and so always fails; the
// client checks it by reading the card instead.
func TestWeakETagNeverIfMatch(t *testing.T) {
	tests := []struct {
		name, etag, serverETag string
		wantErr                error
	}{
		{"weak, unchanged", `W/"1"`, `W/"1"`, nil},
		{"empty", "", `"1"`, nil},
		{"weak, changed", `W/"1"`, `W/"2"`, ErrChanged},
		{"strong", `"1"`, `"1"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var ifMatch []string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				ifMatch = append(ifMatch, r.Header.Values("If-Match")...)
				mu.Unlock()
				if m := r.Header.Get("If-Match"); m != "" && m != tt.serverETag {
					w.WriteHeader(http.StatusPreconditionFailed)
					return
				}
				if r.Method == http.MethodPut {
					w.Header().Set("ETag", `"new"`)
					return
				}
				w.Header().Set("ETag", tt.serverETag)
				w.Write([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n"))
			}))
			defer srv.Close()
			c, err := Dial(Account{URL: srv.URL + "/", AllowHTTP: true})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.replace(context.Background(), "/book/a.vcf", []byte("card"), tt.etag)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("replace: %v, want %v", err, tt.wantErr)
			}
			err = c.remove(context.Background(), "/book/a.vcf", tt.etag)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("remove: %v, want %v", err, tt.wantErr)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, m := range ifMatch {
				if m == "" || strings.HasPrefix(m, "W/") {
					t.Errorf("sent If-Match: %q", m)
				}
			}
		})
	}
}
