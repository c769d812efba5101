package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
	"followthrough/contacts/vcf"
)

// TestReviewBlankCard: a card on which nothing was read still comes up for
// review, saying so, so that the user can type it in; saving it empty is
// refused.
func TestReviewBlankCard(t *testing.T) {
	store := apptest.OpenStore(t)
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	dir := t.TempDir()
	apptest.WriteImage(t, dir, "handwritten.png")
	m.scan.read([]string{dir})
	m.tasks.drain()
	if len(m.scan.queue) != 1 || !m.scan.review.Visible() {
		t.Fatalf("queued %d cards, review shown %v; want the blank card for review", len(m.scan.queue), m.scan.review.Visible())
	}
	if m.scan.help.Text != helpBlank {
		t.Errorf("under the card: %q, want %q", m.scan.help.Text, helpBlank)
	}
	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	if n, _ := store.Count(context.Background()); n != 0 {
		t.Fatalf("an empty card was saved")
	}
	if d, ok := find(w.Canvas().Overlays().Top(), func(l *widget.Label) bool { return strings.Contains(l.Text, "Type at least a name") }); !ok {
		t.Errorf("no dialog says what to do (%v)", d)
	}
	w.Canvas().Overlays().Top().Hide()
	test.Type(m.scan.form.name, "Sam Handwritten")
	test.Tap(m.scan.saveNext)
	m.tasks.drain()
	if n, _ := store.Count(context.Background()); n != 1 {
		t.Errorf("the card typed in was not saved (%d contacts)", n)
	}
}

// TestHostileTextShownSanely stores contacts with very long text,
// control characters, right-to-left text and emoji, and shows them in the
// list and the detail: what is shown is the cleaned text, a long name is
// cut with an ellipsis in the list rather than widening the window, and
// the exported vCard reads back the same.
func TestHostileTextShownSanely(t *testing.T) {
	store := apptest.OpenStore(t)
	ctx := context.Background()
	long := strings.Repeat("Bartholomew-", 2000) + "End"
	people := []contacts.Contact{
		{FullName: long, Company: "Long Names Ltd", Note: strings.Repeat("a very long note. ", 20000)},
		{FullName: "One Paragraph", Note: strings.Repeat("word ", 6000) + "end"},
		{FullName: "\u202eevil\x1b[31m Name\x00", Company: "Spoof\u202c Inc"},
		{FullName: "سارة العلي", Title: "مديرة المبيعات", Company: "שלום בע\"מ\u200f"},
		{FullName: "Zoë 👩🏽‍💻 Emoji", Company: "🚀 Rockets", Tags: []string{"⭐ vip"}},
	}
	for i := range people {
		if err := store.Add(ctx, &people[i]); err != nil {
			t.Fatal(err)
		}
	}
	m, w := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()
	s := m.contacts
	items := listedContacts(m)
	if len(items) != 5 {
		t.Fatalf("listed %d, want 5", len(items))
	}
	for i, c := range items {
		if strings.ContainsAny(c.FullName, "\x00\x1b\u202e") {
			t.Errorf("item %d shows %q", i, c.FullName)
		}
		s.list.Select(i)
		if s.form.name.Text != c.FullName {
			t.Errorf("detail shows %q, want %q", s.form.name.Text, c.FullName)
		}
		// A long paragraph is shown in lines of at most 1000 characters,
		// since Fyne wraps in time in the square of a paragraph's length;
		// a note of hundreds of KB is shown in part, and cannot be edited.
		// Either way the note is given back whole.
		note := s.form.note
		if got := longestShownLine(note.Text); got > maxShownLine {
			t.Errorf("note shown with a line of %d characters", got)
		}
		if huge := len(c.Note) > maxShownText; note.Disabled() != huge || huge && !strings.Contains(note.Text, "KB more are not shown here") {
			t.Errorf("note of %d bytes: disabled %v, shown %d bytes", len(c.Note), note.Disabled(), len(note.Text))
		}
		if got := s.form.contact().Note; got != strings.TrimSpace(c.Note) {
			t.Errorf("the form gives back a note of %d bytes for one of %d", len(got), len(c.Note))
		}
		if n := len([]rune(s.heading.Text)); n > 301 {
			t.Errorf("heading of %d characters", n)
		}
	}
	if w.Canvas().Size().Width > 1300 {
		t.Errorf("the window grew to %v for a long name", w.Canvas().Size())
	}
	var buf bytes.Buffer
	if err := vcf.Write(&buf, items...); err != nil {
		t.Fatal(err)
	}
	back, err := vcf.Read(&buf)
	if err != nil || len(back) != 5 {
		t.Fatalf("read back %d, %v", len(back), err)
	}
	for i := range back {
		if back[i].FullName != items[i].FullName {
			t.Errorf("name %d came back %q, want %q", i, truncateText(back[i].FullName), truncateText(items[i].FullName))
		}
	}
}

func longestShownLine(s string) int {
	longest := 0
	for _, l := range strings.Split(s, "\n") {
		longest = max(longest, len([]rune(l)))
	}
	return longest
}

func truncateText(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// An event's name, which may come from an imported vCard, is suggested as
// a file name only once it is one name in the folder the user chose.
func TestSafeFileName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Spring Expo 2026", "Spring Expo 2026.vcf"},
		{"../../.bashrc", "bashrc.vcf"},
		{"/etc/passwd", "etc-passwd.vcf"},
		{`C:\Users\x`, `C--Users-x.vcf`},
		{"a\x00b\nc", "ab c.vcf"},
		{"...", "contacts.vcf"},
		{"", "contacts.vcf"},
		{"سارة 🚀", "سارة 🚀.vcf"},
		{strings.Repeat("x", 300), strings.Repeat("x", 80) + ".vcf"},
	} {
		if got := safeFileName(tt.in, ".vcf"); got != tt.want {
			t.Errorf("safeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
