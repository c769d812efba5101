package davsync

import (
	"context"
	"errors"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-vcard"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/carddav"

	"followthrough/contacts"
	"followthrough/contacts/davsync/davtest"
	"followthrough/contacts/sqlite"
)

// phone edits the address book on the server as a phone would, with
// go-webdav's own client and go-vcard's encoder.
type phone struct {
	t    *testing.T
	dav  *carddav.Client
	book string
}

func newPhone(t *testing.T, r davtest.Radicale, book string) phone {
	c, err := carddav.NewClient(webdav.HTTPClientWithBasicAuth(nil, r.User, r.Password), r.URL)
	if err != nil {
		t.Fatal(err)
	}
	return phone{t: t, dav: c, book: book}
}

// put stores a card at NAME.vcf with the UID NAME and the given full name
// and properties.
func (p phone) put(name, fn string, props map[string]string) {
	p.t.Helper()
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, "3.0")
	card.SetValue(vcard.FieldUID, name)
	card.SetValue(vcard.FieldFormattedName, fn)
	card.SetValue(vcard.FieldName, ";"+fn+";;;")
	for k, v := range props {
		card.SetValue(k, v)
	}
	if _, err := p.dav.PutAddressObject(context.Background(), path.Join(p.book, name+".vcf"), card); err != nil {
		p.t.Fatal(err)
	}
}

// cards returns the cards in the book by full name.
func (p phone) cards() map[string]vcard.Card {
	p.t.Helper()
	aos, err := p.dav.QueryAddressBook(context.Background(), p.book, &carddav.AddressBookQuery{
		DataRequest: carddav.AddressDataRequest{AllProp: true}})
	if err != nil {
		p.t.Fatal(err)
	}
	cards := make(map[string]vcard.Card)
	for _, ao := range aos {
		cards[ao.Card.PreferredValue(vcard.FieldFormattedName)] = ao.Card
	}
	return cards
}

// edit changes the card with full name fn, as a phone does: read it,
// change it, put it back.
func (p phone) edit(fn string, change func(vcard.Card)) {
	p.t.Helper()
	aos, err := p.dav.QueryAddressBook(context.Background(), p.book, &carddav.AddressBookQuery{
		DataRequest: carddav.AddressDataRequest{AllProp: true}})
	if err != nil {
		p.t.Fatal(err)
	}
	for _, ao := range aos {
		if ao.Card.PreferredValue(vcard.FieldFormattedName) == fn {
			change(ao.Card)
			if _, err := p.dav.PutAddressObject(context.Background(), ao.Path, ao.Card); err != nil {
				p.t.Fatal(err)
			}
			return
		}
	}
	p.t.Fatalf("no card %q on the server", fn)
}

// remove deletes the card with full name fn.
func (p phone) remove(fn string) {
	p.t.Helper()
	aos, err := p.dav.QueryAddressBook(context.Background(), p.book, &carddav.AddressBookQuery{})
	if err != nil {
		p.t.Fatal(err)
	}
	for _, ao := range aos {
		full, err := p.dav.GetAddressObject(context.Background(), ao.Path)
		if err != nil {
			p.t.Fatal(err)
		}
		if full.Card.PreferredValue(vcard.FieldFormattedName) == fn {
			if err := p.dav.RemoveAll(context.Background(), ao.Path); err != nil {
				p.t.Fatal(err)
			}
			return
		}
	}
	p.t.Fatalf("no card %q on the server", fn)
}

// fixture is a store and a server's address book with a phone editing it,
// and the syncer between them.
type fixture struct {
	t     *testing.T
	store *sqlite.Store
	phone phone
	sync  *Syncer
}

func newFixture(t *testing.T, r davtest.Radicale) *fixture {
	book := r.MakeBook(t, strings.ToLower(strings.NewReplacer("/", "-", " ", "-").Replace(t.Name())))
	store, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	client, err := Dial(account(r))
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, store: store, phone: newPhone(t, r, book),
		sync: &Syncer{Store: store, Client: client, Book: book}}
}

// run syncs and checks the counts of what it did and what waits.
func (f *fixture) run(pushed, pulled, conflicts, deletions int) Result {
	f.t.Helper()
	res, err := f.sync.Sync(f.t.Context())
	if err != nil {
		f.t.Fatal(err)
	}
	if len(res.Failed) > 0 {
		f.t.Fatalf("failed: %v", res.Failed)
	}
	if res.Pushed != pushed || res.Pulled != pulled || len(res.Conflicts) != conflicts || len(res.Deletions) != deletions {
		f.t.Fatalf("sync: %s; want %d pushed, %d pulled, %d conflicts, %d deletions",
			res, pushed, pulled, conflicts, deletions)
	}
	return res
}

// add stores a contact here.
func (f *fixture) add(c contacts.Contact) contacts.Contact {
	f.t.Helper()
	if err := f.store.Add(f.t.Context(), &c); err != nil {
		f.t.Fatal(err)
	}
	return c
}

// local returns the contacts here by full name.
func (f *fixture) local() map[string]contacts.Contact {
	f.t.Helper()
	cs, err := f.store.List(f.t.Context(), "", 0)
	if err != nil {
		f.t.Fatal(err)
	}
	m := make(map[string]contacts.Contact)
	for _, c := range cs {
		m[c.FullName] = c
	}
	return m
}

// update changes the contact here with full name fn.
func (f *fixture) update(fn string, change func(*contacts.Contact)) {
	f.t.Helper()
	c, ok := f.local()[fn]
	if !ok {
		f.t.Fatalf("no contact %q here", fn)
	}
	change(&c)
	if err := f.store.Update(f.t.Context(), c); err != nil {
		f.t.Fatal(err)
	}
}

var ana = contacts.Contact{FullName: "Ana Ruiz", GivenName: "Ana", FamilyName: "Ruiz",
	Company: "Acme; Sons", Title: "CTO", Emails: []string{"ana@example.com"},
	Phones: []contacts.Phone{{Number: "+1 650 555 0100", Kind: contacts.PhoneMobile}},
	Event:  "Spring Expo", MetOn: contacts.Day{Year: 2026, Month: 3, Day: 4}, Tags: []string{"vip", "hiring"},
	TalkedAbout: "robots"}

// synced returns a fixture where Ana, added here, and Bo, added on the
// phone, have been synced.
func synced(t *testing.T, r davtest.Radicale) *fixture {
	f := newFixture(t, r)
	f.add(ana)
	f.phone.put("bo", "Bo Li", map[string]string{vcard.FieldEmail: "bo@example.org"})
	f.run(1, 1, 0, 0)
	return f
}

func TestSyncWithRadicale(t *testing.T) {
	r := davtest.Start(t)

	t.Run("first sync", func(t *testing.T) {
		f := synced(t, r)
		here := f.local()
		if len(here) != 2 || !slices.Equal(here["Bo Li"].Emails, []string{"bo@example.org"}) {
			t.Errorf("here after sync: %+v", here)
		}
		cards := f.phone.cards()
		card, ok := cards["Ana Ruiz"]
		if len(cards) != 2 || !ok {
			t.Fatalf("server after sync: %v", cards)
		}
		if got := card.PreferredValue(vcard.FieldTitle); got != "CTO" {
			t.Errorf("Ana's title on the server = %q", got)
		}
		if got := card.PreferredValue(vcard.FieldNote); !strings.Contains(got, "Met at Spring Expo on 2026-03-04") {
			t.Errorf("Ana's note on the server = %q", got)
		}
		if card.PreferredValue(vcard.FieldUID) == "" {
			t.Error("Ana's card has no UID")
		}
		// Nothing changed: nothing to do, and what was pulled is not
		// pushed back.
		f.run(0, 0, 0, 0)
	})

	t.Run("change on each side", func(t *testing.T) {
		f := synced(t, r)
		f.update("Ana Ruiz", func(c *contacts.Contact) { c.Title = "CEO" })
		f.run(1, 0, 0, 0)
		if got := f.phone.cards()["Ana Ruiz"].PreferredValue(vcard.FieldTitle); got != "CEO" {
			t.Errorf("Ana's title on the server = %q, want the one changed here", got)
		}

		f.phone.edit("Bo Li", func(c vcard.Card) {
			c.Add(vcard.FieldTelephone, &vcard.Field{Value: "+44 20 7946 0000", Params: vcard.Params{vcard.ParamType: {"CELL"}}})
			c.SetValue(vcard.FieldBirthday, "1990-04-01")
		})
		f.run(0, 1, 0, 0)
		bo := f.local()["Bo Li"]
		if len(bo.Phones) != 1 || bo.Phones[0].Number != "+44 20 7946 0000" || bo.Phones[0].Kind != contacts.PhoneMobile {
			t.Errorf("Bo's phones here = %+v, want the one added on the phone", bo.Phones)
		}

		// A change here to the card the phone changed keeps the
		// birthday, which the app has no field for.
		f.update("Bo Li", func(c *contacts.Contact) { c.Company = "Globex" })
		f.run(1, 0, 0, 0)
		card := f.phone.cards()["Bo Li"]
		if card.PreferredValue(vcard.FieldOrganization) != "Globex" || card.PreferredValue(vcard.FieldBirthday) != "1990-04-01" {
			t.Errorf("Bo's card on the server: ORG %q BDAY %q", card.PreferredValue(vcard.FieldOrganization), card.PreferredValue(vcard.FieldBirthday))
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("structure both ways", func(t *testing.T) {
		// Issue 22.3: the name's parts, addresses in components with
		// their labels, and the labels of emails reach the server and
		// come back from it.
		f := synced(t, r)
		f.update("Ana Ruiz", func(c *contacts.Contact) {
			c.Prefix, c.GivenName, c.MiddleName, c.FamilyName, c.Suffix = "Dr.", "Ana", "María", "Ruiz", "PhD"
			c.Addresses = []contacts.Address{
				{Label: contacts.LabelHome, Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"},
				{Label: contacts.LabelWork, Street: "1 Main St", City: "Springfield", Region: "IL", PostalCode: "62701"},
			}
			c.Emails = []string{"ana@home.example"}
			c.EmailLabels = map[string]contacts.Label{"ana@home.example": contacts.LabelHome}
		})
		f.run(1, 0, 0, 0)
		card := f.phone.cards()["Ana Ruiz"]
		if n := card.Name(); n == nil || n.GivenName != "Ana" || n.AdditionalName != "María" || n.HonorificPrefix != "Dr." || n.HonorificSuffix != "PhD" {
			t.Errorf("Ana's N on the server: %+v", n)
		}
		adrs := card.Addresses()
		if len(adrs) != 2 || adrs[0].Locality != "Oslo" || adrs[0].PostalCode != "0155" || adrs[0].Params.Types()[0] != "home" ||
			adrs[1].Region != "IL" || adrs[1].Params.Types()[0] != "work" {
			t.Errorf("Ana's addresses on the server: %+v", adrs)
		}

		f.phone.edit("Ana Ruiz", func(c vcard.Card) {
			adr := c[vcard.FieldAddress][0]
			adr.Value = ";;Storgata 2;Oslo;;0155;Norway"
			c.Add(vcard.FieldEmail, &vcard.Field{Value: "ana@work.example", Params: vcard.Params{vcard.ParamType: {"WORK"}}})
		})
		f.run(0, 1, 0, 0)
		ana := f.local()["Ana Ruiz"]
		want := []contacts.Address{
			{Label: contacts.LabelHome, Street: "Storgata 2", City: "Oslo", PostalCode: "0155", Country: "Norway"},
			{Label: contacts.LabelWork, Street: "1 Main St", City: "Springfield", Region: "IL", PostalCode: "62701"},
		}
		if !slices.Equal(ana.Addresses, want) || ana.Suffix != "PhD" || ana.MiddleName != "María" ||
			ana.EmailLabels["ana@work.example"] != contacts.LabelWork || ana.EmailLabels["ana@home.example"] != contacts.LabelHome {
			t.Errorf("Ana here after the phone's edit: %+v", ana)
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("conflict", func(t *testing.T) {
		f := synced(t, r)
		f.update("Ana Ruiz", func(c *contacts.Contact) { c.Title = "CEO" })
		f.phone.edit("Ana Ruiz", func(c vcard.Card) { c.SetValue(vcard.FieldTitle, "Founder") })
		res := f.run(0, 0, 1, 0)
		cf := res.Conflicts[0]
		if cf.Mine.Title != "CEO" || cf.Theirs.Title != "Founder" || cf.MineDeleted || cf.TheirsDeleted {
			t.Errorf("conflict: mine %q, theirs %q", cf.Mine.Title, cf.Theirs.Title)
		}
		// Nothing is overwritten until the user chooses.
		if got := f.local()["Ana Ruiz"].Title; got != "CEO" {
			t.Errorf("title here = %q before resolving", got)
		}
		if got := f.phone.cards()["Ana Ruiz"].PreferredValue(vcard.FieldTitle); got != "Founder" {
			t.Errorf("title on the server = %q before resolving", got)
		}
		res = f.run(0, 0, 1, 0) // asked again until resolved

		if err := f.sync.Resolve(t.Context(), res.Conflicts[0], true); err != nil {
			t.Fatal(err)
		}
		if got := f.phone.cards()["Ana Ruiz"].PreferredValue(vcard.FieldTitle); got != "CEO" {
			t.Errorf("title on the server = %q after keeping mine", got)
		}
		f.run(0, 0, 0, 0)

		// Again, keeping the server's this time.
		f.update("Ana Ruiz", func(c *contacts.Contact) { c.Title = "Chair" })
		f.phone.edit("Ana Ruiz", func(c vcard.Card) { c.SetValue(vcard.FieldTitle, "Advisor") })
		res = f.run(0, 0, 1, 0)
		// A change here after the sync makes the resolution fail.
		f.update("Ana Ruiz", func(c *contacts.Contact) { c.Note = "later" })
		if err := f.sync.Resolve(t.Context(), res.Conflicts[0], false); err == nil {
			t.Fatal("resolved a conflict over a later change here")
		}
		res = f.run(0, 0, 1, 0)
		if err := f.sync.Resolve(t.Context(), res.Conflicts[0], false); err != nil {
			t.Fatal(err)
		}
		ana := f.local()["Ana Ruiz"]
		if ana.Title != "Advisor" || ana.Event != "Spring Expo" || !slices.Equal(ana.Emails, []string{"ana@example.com"}) {
			t.Errorf("Ana here after keeping the server's: %+v", ana)
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("the same edit on both sides is no conflict", func(t *testing.T) {
		f := synced(t, r)
		f.update("Bo Li", func(c *contacts.Contact) { c.Emails = []string{"bo@example.net"} })
		f.phone.edit("Bo Li", func(c vcard.Card) { c.SetValue(vcard.FieldEmail, "bo@example.net") })
		// go-vcard writes the email as the app does, so both cards
		// read the same: recorded, nothing to push, pull or resolve.
		f.run(0, 0, 0, 0)
		f.run(0, 0, 0, 0)
		if got := f.local()["Bo Li"].Emails; !slices.Equal(got, []string{"bo@example.net"}) {
			t.Errorf("Bo's emails here = %v", got)
		}
	})

	t.Run("deletion on each side", func(t *testing.T) {
		f := synced(t, r)
		ana := f.local()["Ana Ruiz"]
		if _, err := f.store.Delete(t.Context(), ana.ID); err != nil {
			t.Fatal(err)
		}
		res := f.run(0, 0, 0, 1)
		d := res.Deletions[0]
		if !d.OnServer || d.Contact.FullName != "Ana Ruiz" {
			t.Errorf("deletion: %+v", d)
		}
		if _, ok := f.phone.cards()["Ana Ruiz"]; !ok {
			t.Error("Ana deleted on the server before confirmation")
		}
		if err := f.sync.Delete(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if _, ok := f.phone.cards()["Ana Ruiz"]; ok {
			t.Error("Ana still on the server after confirmation")
		}
		f.run(0, 0, 0, 0)

		f.phone.remove("Bo Li")
		res = f.run(0, 0, 0, 1)
		d = res.Deletions[0]
		if d.OnServer || d.Contact.FullName != "Bo Li" {
			t.Errorf("deletion: %+v", d)
		}
		if _, ok := f.local()["Bo Li"]; !ok {
			t.Error("Bo deleted here before confirmation")
		}
		if err := f.sync.Delete(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		if len(f.local()) != 0 {
			t.Errorf("here after confirmation: %v", f.local())
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("a deletion turned down puts the contact back", func(t *testing.T) {
		f := synced(t, r)
		f.phone.remove("Bo Li")
		res := f.run(0, 0, 0, 1)
		if err := f.sync.Keep(t.Context(), res.Deletions[0]); err != nil {
			t.Fatal(err)
		}
		f.run(1, 0, 0, 0)
		if _, ok := f.phone.cards()["Bo Li"]; !ok {
			t.Error("Bo not back on the server")
		}
	})

	t.Run("changed here, deleted on the server", func(t *testing.T) {
		f := synced(t, r)
		f.update("Bo Li", func(c *contacts.Contact) { c.Title = "Chef" })
		f.phone.remove("Bo Li")
		res := f.run(0, 0, 1, 0)
		if cf := res.Conflicts[0]; !cf.TheirsDeleted || cf.Mine.Title != "Chef" {
			t.Fatalf("conflict: %+v", cf)
		}
		if err := f.sync.Resolve(t.Context(), res.Conflicts[0], true); err != nil {
			t.Fatal(err)
		}
		if got := f.phone.cards()["Bo Li"].PreferredValue(vcard.FieldTitle); got != "Chef" {
			t.Errorf("Bo's title on the server = %q after keeping mine", got)
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("deleted here, changed on the server", func(t *testing.T) {
		f := synced(t, r)
		if _, err := f.store.Delete(t.Context(), f.local()["Ana Ruiz"].ID); err != nil {
			t.Fatal(err)
		}
		f.phone.edit("Ana Ruiz", func(c vcard.Card) { c.SetValue(vcard.FieldTitle, "Founder") })
		res := f.run(0, 0, 1, 0)
		if cf := res.Conflicts[0]; !cf.MineDeleted || cf.Theirs.Title != "Founder" || cf.Name() != "Ana Ruiz" {
			t.Fatalf("conflict: %+v", cf)
		}
		if err := f.sync.Resolve(t.Context(), res.Conflicts[0], false); err != nil {
			t.Fatal(err)
		}
		if got := f.local()["Ana Ruiz"].Title; got != "Founder" {
			t.Errorf("Ana here after keeping the server's: title %q", got)
		}
		f.run(0, 0, 0, 0)
	})

	t.Run("a deletion confirmed after a change on the server deletes nothing", func(t *testing.T) {
		f := synced(t, r)
		if _, err := f.store.Delete(t.Context(), f.local()["Bo Li"].ID); err != nil {
			t.Fatal(err)
		}
		res := f.run(0, 0, 0, 1)
		f.phone.edit("Bo Li", func(c vcard.Card) { c.SetValue(vcard.FieldTitle, "Chef") })
		if err := f.sync.Delete(t.Context(), res.Deletions[0]); !errors.Is(err, ErrChanged) {
			t.Errorf("Delete after a change on the server: %v, want ErrChanged", err)
		}
		if _, ok := f.phone.cards()["Bo Li"]; !ok {
			t.Error("Bo deleted on the server over a change made there")
		}
		f.run(0, 0, 1, 0) // now a conflict: deleted here, changed there
	})

	t.Run("address books and passwords", func(t *testing.T) {
		book := r.MakeBook(t, "work")
		c, err := Dial(account(r))
		if err != nil {
			t.Fatal(err)
		}
		books, err := c.AddressBooks(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(books, func(b AddressBook) bool { return b.Path == book && b.Name == "work" }) {
			t.Errorf("address books = %+v, want %s among them", books, book)
		}
		bad := account(r)
		bad.Password = "wrong"
		c, err = Dial(bad)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.AddressBooks(t.Context()); !errors.Is(err, ErrUnauthorized) {
			t.Errorf("wrong password: %v, want ErrUnauthorized", err)
		}
	})
}

func TestDial(t *testing.T) {
	tests := []struct {
		url       string
		allowHTTP bool
		want      error // nil: no error; errAny: some error
	}{
		{"https://cloud.example.com/remote.php/dav", false, nil},
		{"http://cloud.example.com/", false, ErrInsecure},
		{"http://127.0.0.1:5232/", true, nil},
		{"ftp://cloud.example.com/", true, errAny},
		{"cloud.example.com", false, errAny},
		{"", false, errAny},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, err := Dial(Account{URL: tt.url, User: "u", Password: "p", AllowHTTP: tt.allowHTTP})
			switch {
			case tt.want == nil && err != nil:
				t.Errorf("error %v", err)
			case tt.want == errAny && err == nil, tt.want != nil && tt.want != errAny && !errors.Is(err, tt.want):
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

var errAny = errors.New("any error")

// account returns the account of r's user.
func account(r davtest.Radicale) Account {
	return Account{URL: r.URL, User: r.User, Password: r.Password, AllowHTTP: true}
}
