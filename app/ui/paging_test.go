package ui

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// TestContactsListPages checks that the contacts list reads its contacts
// a page at a time, and that search, tags and "Introduced by" work on
// what is not read.
func TestContactsListPages(t *testing.T) {
	store := apptest.OpenStore(t)
	ctx := t.Context()
	var cs []contacts.Contact
	for i := range 3*listPage + 17 {
		c := contacts.Contact{FullName: fmt.Sprintf("Person %03d", i), Company: "Acme"}
		if i%10 == 0 {
			c.Tags = []string{"vip"}
		}
		cs = append(cs, c)
	}
	if err := store.AddAll(ctx, cs); err != nil {
		t.Fatal(err)
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.contacts
	if s.total != len(cs) || len(s.pages) != 1 {
		t.Fatalf("the list is %d long with %d pages read; want %d long with the first page", s.total, len(s.pages), len(cs))
	}
	want, err := store.Find(ctx, sqlite.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := listedContacts(m); !slices.EqualFunc(got, want, func(a, b contacts.Contact) bool { return a.ID == b.ID }) {
		t.Errorf("scrolled through, the list differs from the store's order")
	}

	steps := []struct {
		name  string
		do    func()
		total int
	}{
		{"tag", func() { s.tag.SetSelected("vip") }, 32},
		{"tag and search", func() { test.Type(s.search, "person 01") }, 1}, // Person 010
		{"search only", func() { s.tag.SetSelected(allTags) }, 10},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do()
			m.tasks.drain()
			if s.total != st.total || len(listedContacts(m)) != st.total {
				t.Errorf("%d listed, want %d", s.total, st.total)
			}
		})
	}

	t.Run("introduced by", func(t *testing.T) {
		test.Type(s.form.introducedBy, "Person 31")
		m.tasks.drain()
		for i := 310; i < len(cs); i++ {
			name := fmt.Sprintf("Person %03d", i)
			if s.form.people[name] == 0 {
				t.Errorf("%s is not offered for %q", name, s.form.introducedBy.Text)
			}
		}
	})
}

// TestReconnectPages checks that a long reconnect list reads its entries
// a page at a time, in order.
func TestReconnectPages(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	ctx := t.Context()
	const n = 2*reconnectPage + 5
	for i := range n {
		c := contacts.Contact{FullName: fmt.Sprintf("Late %03d", i)}
		if err := store.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
		f := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindCall, Due: today.AddDays(-1 - i)}
		if err := store.AddFollowUp(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.reconnect
	if s.total != n+1 || len(s.pages) != 1 {
		t.Fatalf("%d rows with %d pages read; want %d rows and the first page", s.total, len(s.pages), n+1)
	}
	es := reconnectEntries(m)
	if len(es) != n {
		t.Fatalf("%d entries, want %d", len(es), n)
	}
	for i, e := range es {
		// The latest first: Late 084 is 85 days overdue.
		if want := fmt.Sprintf("Late %03d", n-1-i); e.Person.Contact.FullName != want || e.Section != contacts.Overdue {
			t.Fatalf("entry %d is %s (%s), want %s", i, e.Person.Contact.FullName, e.Section, want)
		}
	}
}

// TestReconnectDropsSupersededPages covers issue 21 A.14: scrolling fast
// through Reconnect asks for a page after another; a page asked for
// before a later one, and not yet read when its turn comes, is dropped,
// and only the latest is read and shown.
func TestReconnectDropsSupersededPages(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	ctx := t.Context()
	const n = 5*reconnectPage + 5
	for i := range n {
		c := contacts.Contact{FullName: fmt.Sprintf("Late %03d", i)}
		if err := store.Add(ctx, &c); err != nil {
			t.Fatal(err)
		}
		f := contacts.FollowUp{ContactID: c.ID, Kind: contacts.KindCall, Due: today.AddDays(-1 - i)}
		if err := store.AddFollowUp(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.reconnect
	var mu sync.Mutex
	var read []int // the pages read, by offset
	s.readPage = func(ctx context.Context, q sqlite.ReconnectQuery) ([]contacts.ReconnectItem, error) {
		mu.Lock()
		read = append(read, q.Offset/reconnectPage)
		mu.Unlock()
		return store.ReconnectItems(ctx, q)
	}
	// The worker is busy while the list scrolls past pages 1 to 4.
	release := make(chan struct{})
	s.tasks.inOrder(func(context.Context) func() { <-release; return nil })
	for page := 1; page <= 4; page++ {
		if r := s.row(1 + page*reconnectPage); !r.loading {
			t.Fatalf("page %d is read before it is asked for", page)
		}
	}
	close(release)
	m.tasks.drain()
	if !slices.Equal(read, []int{4}) {
		t.Errorf("pages read: %v; want only the latest asked, 4", read)
	}
	if _, ok := s.pages[pageKey{contacts.Overdue, 4}]; !ok {
		t.Error("the latest page asked for is not shown")
	}
	// A dropped page is asked for again when it comes into view.
	if r := s.row(1 + 2*reconnectPage); !r.loading {
		t.Fatal("a dropped page shows as read")
	}
	m.tasks.drain()
	if r := s.row(1 + 2*reconnectPage); r.entry == nil || r.entry.Person.Contact.FullName != fmt.Sprintf("Late %03d", n-1-2*reconnectPage) {
		t.Errorf("page 2 asked for again shows %+v", r)
	}
}
