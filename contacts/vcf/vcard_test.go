package vcf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-vcard"

	"followthrough/contacts"
	"followthrough/contacts/internal/contacttest"
	"followthrough/contacts/internal/tooltest"
)

var longNote = strings.Repeat("A long note, with commas; semicolons and a \\ backslash. ", 4) +
	"Ünïcödé wörds, 日本語のテキスト、漢字とかな。🎴🃏 " +
	strings.Repeat("é", 80) + strings.Repeat("\\", 9) + strings.Repeat("界", 30)

// vcardTests are contacts with values that are hard to write in a vCard.
var vcardTests = []struct {
	name string
	c    contacts.Contact
}{
	{"plain", contacts.Contact{
		FullName: "Jane Smith", GivenName: "Jane", FamilyName: "Smith",
		Title: "Engineer", Company: "Acme",
		Phones: []contacts.Phone{{Number: "+1 650 555 0100", Kind: contacts.PhoneWork}},
		Emails: []string{"jane@acme.example"}, Websites: []string{"https://acme.example"},
	}},
	{"semicolons commas backslashes", contacts.Contact{
		FullName: `Smith; Jones, Pat \ "PJ"`, GivenName: `Pat, "PJ"`, FamilyName: `Smith; Jones \`,
		Title: `VP; Sales, EMEA \ APAC`, Company: `Smith; Jones, & Co. \ Ltd`,
		Phones:    []contacts.Phone{{Number: "+1 650 555 0100 ext. 12; ask for Pat", Kind: contacts.PhoneWork}},
		Emails:    []string{"pat,jones@example.com"},
		Websites:  []string{"https://example.com/a,b;c?x=1&y=2"},
		Addresses: []contacts.Address{{Street: `Suite 5; Floor 2, 1 Main St\Annex, Springfield, IL 62701`}},
		Note:      `Likes; semicolons, commas \ and \n literal backslash-n`,
		Event:     "Summit; Berlin, 2025 \\ Day 2",
	}},
	{"backslash before separators", contacts.Contact{
		FullName: `Ends With\`, GivenName: `\`, FamilyName: `a\;b\,c\\`,
		Company: `\;\`, Addresses: []contacts.Address{{Street: `\`}}, Event: `x\`, Note: `\`,
	}},
	{"accents", contacts.Contact{
		FullName: "José Álvarez-Núñez", GivenName: "José", FamilyName: "Álvarez-Núñez",
		Title: "Directeur général", Company: "Société Générale", Addresses: []contacts.Address{{Street: "29 Bd Haussmann, 75009 Paris, France"}},
		Phones: []contacts.Phone{{Number: "+33 1 42 14 20 00", Kind: contacts.PhoneWork}},
		Emails: []string{"josé@société.example"}, Event: "Salon de l'Été",
	}},
	{"CJK", contacts.Contact{
		FullName: "王小明", GivenName: "小明", FamilyName: "王",
		Title: "总经理", Company: "北京科技有限公司", Addresses: []contacts.Address{{Street: "北京市海淀区中关村大街1号"}},
		Phones: []contacts.Phone{{Number: "+86 10 1234 5678", Kind: contacts.PhoneMobile}},
		Note:   "名刺交換。日本語と中文のメモ。", Event: "東京ゲームショウ",
	}},
	{"long note", contacts.Contact{FullName: "Long Note", GivenName: "Long", FamilyName: "Note", Note: longNote, Event: strings.Repeat("Conférence ", 12)}},
	{"meeting context", contacts.Contact{FullName: "Mia Wong", GivenName: "Mia", FamilyName: "Wong", Event: "Atlanta Tech Meetup",
		MetOn: contacts.Day{Year: 2026, Month: 11, Day: 20}, IntroducedBy: "Sam Lee, of Acme", TalkedAbout: "hiring; remote teams\nand coffee",
		Tags: []string{"prospect", "referral partner", "a, b"}, Note: "Met at the bar first."}},
	{"context without an event", contacts.Contact{FullName: "Kim", GivenName: "Kim", MetOn: contacts.Day{Year: 2026, Month: 1, Day: 2}, IntroducedBy: "Sam"}},
	{"multiline note", contacts.Contact{FullName: "Multi Line", Note: "line 1\nline 2\n\n  indented line 4\n"}},
	{"phones of each kind", contacts.Contact{
		FullName: "Many Phones",
		Phones: []contacts.Phone{
			{Number: "+1 650 555 0100", Kind: contacts.PhoneWork},
			{Number: "+1 650 555 0101", Kind: contacts.PhoneWork},
			{Number: "+1 650 555 0102", Kind: contacts.PhoneMobile},
			{Number: "+1 650 555 0103", Kind: contacts.PhoneMobile},
			{Number: "+1 650 555 0104", Kind: contacts.PhoneFax},
			{Number: "+1 650 555 0105", Kind: contacts.PhoneFax},
			{Number: "+1 650 555 0106", Kind: contacts.PhoneHome},
			{Number: "+1 650 555 0107", Kind: contacts.PhoneHome},
		},
		Emails:   []string{"a@example.com", "b@example.com", "c@example.com"},
		Websites: []string{"https://a.example", "https://b.example"},
	}},
	{"names without full name", contacts.Contact{GivenName: "Jane", FamilyName: "Doe", Company: "Acme"}},
	{"empty and odd children", contacts.Contact{
		FullName: "Odd Children",
		Phones:   []contacts.Phone{{Number: ""}, {Number: "+1 650 555 0100", Kind: "pager"}, {Number: "123"}},
		Emails:   []string{"", "a@example.com", ""},
		Websites: []string{"", "https://example.com"},
	}},
	{"company only", contacts.Contact{Company: "Nameless GmbH", Emails: []string{"info@nameless.example"}}},
	{"email only", contacts.Contact{Emails: []string{"someone@example.com"}}},
	{"event only", contacts.Contact{Event: "Meetup"}},
	{"note starting with newline", contacts.Contact{FullName: "N", Note: "\nafter a blank line", Event: "E"}},
	{"empty", contacts.Contact{}},
	{"long everything", contacts.Contact{
		FullName:   strings.Repeat("Bartholomew ", 8) + "Featherstonehaugh",
		GivenName:  strings.Repeat("Bartholomew ", 8),
		FamilyName: "Featherstonehaugh",
		Company:    strings.Repeat("Ω Company, ", 10),
		Addresses:  []contacts.Address{{Street: strings.Repeat("Ünterstraße 1, ", 8) + "Deutschland"}},
		Emails:     []string{strings.Repeat("x", 70) + "@example.com"},
		Websites:   []string{"https://example.com/" + strings.Repeat("path/", 30)},
	}},
}

// wantFN returns the FN the card of c should have.
func wantFN(c contacts.Contact) string {
	switch {
	case c.FullName != "":
	case c.GivenName != "" && c.FamilyName != "":
		return c.GivenName + " " + c.FamilyName
	case c.GivenName+c.FamilyName != "":
		return c.GivenName + c.FamilyName
	}
	return c.DisplayName()
}

// wantRead returns what Read gives back for c: what a vCard holds,
// with the default phone kind made explicit and the full name, if c has
// none, made of the given and family names.
func wantRead(c contacts.Contact) contacts.Contact {
	c.ID, c.Image = 0, ""
	c.Created, c.Updated = time.Time{}, time.Time{}
	if c.GivenName+c.FamilyName != "" {
		c.FullName = wantFN(c)
	}
	var phones []contacts.Phone
	for _, p := range c.Phones {
		switch p.Kind {
		case contacts.PhoneWork, contacts.PhoneMobile, contacts.PhoneFax, contacts.PhoneHome:
		default:
			p.Kind = contacts.PhoneWork
		}
		if p.Number != "" {
			phones = append(phones, p)
		}
	}
	c.Phones = phones
	c.Emails = slices.DeleteFunc(slices.Clone(c.Emails), func(s string) bool { return s == "" })
	c.Websites = slices.DeleteFunc(slices.Clone(c.Websites), func(s string) bool { return s == "" })
	return contacttest.Normalize(c)
}

func allVCardTests() []contacts.Contact {
	var cs []contacts.Contact
	for _, tt := range vcardTests {
		cs = append(cs, tt.c)
	}
	return cs
}

func TestVCardRoundTrip(t *testing.T) {
	for _, tt := range vcardTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.c); err != nil {
				t.Fatal(err)
			}
			got, err := Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Fatalf("read %d contacts, want 1", len(got))
			}
			if g, w := contacttest.Normalize(got[0]), wantRead(tt.c); !reflect.DeepEqual(g, w) {
				t.Errorf("round trip:\n got %#v\nwant %#v", g, w)
			}
		})
	}

	t.Run("all in one stream", func(t *testing.T) {
		var buf bytes.Buffer
		cs := allVCardTests()
		if err := Write(&buf, cs...); err != nil {
			t.Fatal(err)
		}
		got, err := Read(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(cs) {
			t.Fatalf("read %d contacts, want %d", len(got), len(cs))
		}
		for i := range cs {
			if g, w := contacttest.Normalize(got[i]), wantRead(cs[i]); !reflect.DeepEqual(g, w) {
				t.Errorf("contact %d:\n got %#v\nwant %#v", i, g, w)
			}
		}
	})

	t.Run("no contacts", func(t *testing.T) {
		var buf bytes.Buffer
		if err := Write(&buf); err != nil {
			t.Fatal(err)
		}
		if buf.Len() != 0 {
			t.Errorf("wrote %q for no contacts", buf.String())
		}
		got, err := Read(&buf)
		if err != nil || len(got) != 0 {
			t.Errorf("Read(empty) = %v, %v; want none", got, err)
		}
	})
}

// The tests below check the written bytes without the code under test.

// unfold splits a vCard stream into its content lines, checking the
// physical lines on the way.
func unfold(t *testing.T, data []byte) []string {
	t.Helper()
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Error("stream starts with a byte order mark")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("stream does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets long: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if rest, ok := strings.CutPrefix(l, " "); ok && len(lines) > 0 {
			if strings.HasSuffix(lines[len(lines)-1], `\`) && !strings.HasSuffix(lines[len(lines)-1], `\\`) {
				t.Errorf("line %d: fold splits an escape", i+1)
			}
			lines[len(lines)-1] += rest
		} else {
			lines = append(lines, l)
		}
	}
	return lines
}

// handCard is one card as split by hand: property name and parameters,
// and the raw value.
type handCard []struct{ head, value string }

func (c handCard) get(prop string) []struct{ head, value string } {
	var fs []struct{ head, value string }
	for _, f := range c {
		name, _, _ := strings.Cut(f.head, ";")
		if name == prop {
			fs = append(fs, f)
		}
	}
	return fs
}

func handSplitCards(t *testing.T, lines []string) []handCard {
	t.Helper()
	var cards []handCard
	var cur handCard
	for _, l := range lines {
		switch l {
		case "BEGIN:VCARD":
			cur = handCard{}
		case "END:VCARD":
			cards = append(cards, cur)
			cur = nil
		default:
			// The value starts after the first colon outside quotes.
			inQuote, i := false, 0
			for i = 0; i < len(l); i++ {
				if l[i] == '"' {
					inQuote = !inQuote
				} else if l[i] == ':' && !inQuote {
					break
				}
			}
			if i == len(l) {
				t.Fatalf("no colon in %q", l)
			}
			cur = append(cur, struct{ head, value string }{l[:i], l[i+1:]})
		}
	}
	return cards
}

// handSplit splits an escaped value at unescaped sep and unescapes the
// parts.
func handSplit(v string, sep rune) []string {
	var parts []string
	var cur strings.Builder
	escaped := false
	for _, r := range v {
		switch {
		case escaped:
			if r == 'n' || r == 'N' {
				r = '\n'
			}
			cur.WriteRune(r)
			escaped = false
		case r == '\\':
			escaped = true
		case r == sep:
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return append(parts, cur.String())
}

func TestWriteVCardsFormat(t *testing.T) {
	cs := allVCardTests()
	var buf bytes.Buffer
	if err := Write(&buf, cs...); err != nil {
		t.Fatal(err)
	}
	cards := handSplitCards(t, unfold(t, buf.Bytes()))
	if len(cards) != len(cs) {
		t.Fatalf("%d cards, want %d", len(cards), len(cs))
	}
	wantTypes := map[contacts.PhoneKind]string{
		contacts.PhoneWork: "TEL;TYPE=work,voice", contacts.PhoneMobile: "TEL;TYPE=cell,voice",
		contacts.PhoneFax: "TEL;TYPE=work,fax", contacts.PhoneHome: "TEL;TYPE=home,voice",
	}
	for i, card := range cards {
		c, w := cs[i], wantRead(cs[i])
		t.Run(vcardTests[i].name, func(t *testing.T) {
			if len(card) == 0 || card[0].head != "VERSION" || card[0].value != "3.0" {
				t.Errorf("card does not start with VERSION:3.0")
			}
			// one returns the value of the one property prop, which must
			// have the parameters params.
			one := func(prop, params string) string {
				t.Helper()
				fs := card.get(prop)
				if len(fs) != 1 {
					t.Fatalf("%d %s properties, want 1", len(fs), prop)
				}
				if fs[0].head != prop+params {
					t.Errorf("%s has parameters %q, want %q", prop, fs[0].head, prop+params)
				}
				return fs[0].value
			}
			if got := handSplit(one("FN", ""), -1)[0]; got != wantFN(c) {
				t.Errorf("FN = %q, want %q", got, wantFN(c))
			}
			if n := handSplit(one("N", ""), ';'); !slices.Equal(n, []string{c.FamilyName, c.GivenName, "", "", ""}) {
				t.Errorf("N components = %q, want %q, %q and three empty", n, c.FamilyName, c.GivenName)
			}
			if c.Company != "" {
				if org := handSplit(one("ORG", ""), ';'); !slices.Equal(org, []string{c.Company}) {
					t.Errorf("ORG components = %q, want %q", org, c.Company)
				}
			}
			if street := streetOf(c); street != "" {
				if adr := handSplit(one("ADR", ""), ';'); !slices.Equal(adr, []string{"", "", street, "", "", "", ""}) {
					t.Errorf("ADR components = %q, want the address as street", adr)
				}
				if label := handSplit(one("LABEL", ""), -1)[0]; label != street {
					t.Errorf("LABEL = %q, want %q", label, street)
				}
			}
			if want := wantCategories(c); len(want) > 0 {
				if cats := handSplit(one("CATEGORIES", ""), ','); !slices.Equal(cats, want) {
					t.Errorf("CATEGORIES = %q, want the event and tags %q", cats, want)
				}
			}
			if want := wantNote(c); want != "" {
				if note := handSplit(one("NOTE", ""), -1)[0]; note != want {
					t.Errorf("NOTE = %q, want %q", note, want)
				}
			}
			tels := card.get("TEL")
			if len(tels) != len(w.Phones) {
				t.Fatalf("%d TEL, want %d", len(tels), len(w.Phones))
			}
			for j, p := range w.Phones {
				if tels[j].head != wantTypes[p.Kind] {
					t.Errorf("TEL %d: %q, want %q", j, tels[j].head, wantTypes[p.Kind])
				}
				if got := handSplit(tels[j].value, -1)[0]; got != p.Number {
					t.Errorf("TEL %d = %q, want %q", j, got, p.Number)
				}
			}
			emails := card.get("EMAIL")
			if len(emails) != len(w.Emails) {
				t.Fatalf("%d EMAIL, want %d", len(emails), len(w.Emails))
			}
			for j, e := range emails {
				if e.head != "EMAIL;TYPE=internet" || handSplit(e.value, -1)[0] != w.Emails[j] {
					t.Errorf("EMAIL %d: %s:%s, want EMAIL;TYPE=internet:%s", j, e.head, e.value, w.Emails[j])
				}
			}
		})
	}
}

// TestWriteVCardsGoVcard reads the written cards back with go-vcard's own
// Decoder, as another program would, and checks what it gets right.
func TestWriteVCardsGoVcard(t *testing.T) {
	cs := allVCardTests()
	var buf bytes.Buffer
	if err := Write(&buf, cs...); err != nil {
		t.Fatal(err)
	}
	dec := vcard.NewDecoder(&buf)
	for i, c := range cs {
		w := wantRead(c)
		t.Run(vcardTests[i].name, func(t *testing.T) {
			card, err := dec.Decode()
			if err != nil {
				t.Fatal(err)
			}
			if v := card.Value(vcard.FieldVersion); v != "3.0" {
				t.Errorf("VERSION = %q", v)
			}
			// go-vcard leaves "\;" escaped; otherwise its values are right.
			plain := func(s string) bool { return !strings.ContainsAny(s, `;\`) }
			if dn := wantFN(c); plain(dn) && card.PreferredValue(vcard.FieldFormattedName) != dn {
				t.Errorf("FN = %q, want %q", card.PreferredValue(vcard.FieldFormattedName), dn)
			}
			if n := card.Name(); plain(c.FamilyName+c.GivenName) && !strings.Contains(c.GivenName+c.FamilyName, ",") &&
				(n == nil || n.FamilyName != c.FamilyName || n.GivenName != c.GivenName) {
				t.Errorf("Name() = %+v, want %q, %q", n, c.FamilyName, c.GivenName)
			}
			// go-vcard's Categories splits at escaped commas too.
			if want := wantCategories(c); len(want) > 0 && plain(c.Event) && !strings.Contains(strings.Join(want, ""), ",") {
				if cats := card.Categories(); !slices.Equal(cats, want) {
					t.Errorf("Categories() = %q, want %q", cats, want)
				}
			}
			tels := card[vcard.FieldTelephone]
			if len(tels) != len(w.Phones) {
				t.Fatalf("%d TEL, want %d", len(tels), len(w.Phones))
			}
			for j, p := range w.Phones {
				types := tels[j].Params.Types()
				if len(types) != 2 || !slices.Contains(types, phoneTypes(p.Kind)[0]) || !slices.Contains(types, phoneTypes(p.Kind)[1]) {
					t.Errorf("TEL %d types = %q, want %q", j, types, phoneTypes(p.Kind))
				}
				if plain(p.Number) && tels[j].Value != p.Number {
					t.Errorf("TEL %d = %q, want %q", j, tels[j].Value, p.Number)
				}
			}
			if emails := card.Values(vcard.FieldEmail); !slices.Equal(emails, w.Emails) {
				t.Errorf("EMAIL = %q, want %q", emails, w.Emails)
			}
			if urls := card.Values(vcard.FieldURL); plain(strings.Join(w.Websites, "")) && !slices.Equal(urls, w.Websites) {
				t.Errorf("URL = %q, want %q", urls, w.Websites)
			}
		})
	}
	if _, err := dec.Decode(); !errors.Is(err, io.EOF) {
		t.Errorf("after the last card: %v, want io.EOF", err)
	}
}

// readVCardsTests are the vCards of other writers that TestReadVCards
// reads; FuzzReadVCards starts from them too.
var readVCardsTests = []struct {
	name    string
	in      string
	want    []contacts.Contact
	wantErr string
}{
	{
		name: "other writer",
		in: "\uFEFFBEGIN:VCARD\nVERSION:3.0\nN:Doe;John;Quincy;Mr.;Jr.\nFN:Mr. John Q. Doe Jr.\n" +
			"ORG:Example\\, Inc.;Research\nTITLE:Head of R&D\n" +
			"item1.TEL;TYPE=CELL;TYPE=pref:+1 650 555 0100\nTEL;TYPE=HOME,FAX:+1 650 555 0101\n" +
			"TEL:+1 650 555 0102\nitem2.EMAIL;TYPE=INTERNET;TYPE=WORK:john@example.com\n" +
			"ADR;TYPE=WORK:;Suite 5;1 Main St;Springfield;IL;62701;USA\n" +
			"NOTE:Line one\\nLine two\\Nthree\\; four\\: five\nCATEGORIES:Friends,Work\n" +
			"X-UNKNOWN:kept\\, as it was\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSk\n  ZJRgABAQ\nNOTE:second note\n" +
			"PRODID:-//Other App//EN\nitem2.X-ABLabel:Other\nEND:VCARD\n",
		want: []contacts.Contact{{
			FullName: "Mr. John Q. Doe Jr.", Prefix: "Mr.", GivenName: "John", MiddleName: "Quincy", FamilyName: "Doe", Suffix: "Jr.",
			Company: "Example, Inc., Research", Title: "Head of R&D",
			Phones: []contacts.Phone{
				{Number: "+1 650 555 0100", Kind: contacts.PhoneMobile},
				{Number: "+1 650 555 0101", Kind: contacts.PhoneFax},
				{Number: "+1 650 555 0102", Kind: contacts.PhoneWork},
			},
			Emails:      []string{"john@example.com"},
			EmailLabels: map[string]contacts.Label{"john@example.com": contacts.LabelWork},
			Addresses: []contacts.Address{{Label: contacts.LabelWork, Extended: "Suite 5", Street: "1 Main St",
				City: "Springfield", Region: "IL", PostalCode: "62701", Country: "USA"}},
			Note: "Line one\nLine two\nthree; four: five",
			Tags: []string{"Friends", "Work"}, // another app's groups
			Extra: []string{
				"NOTE:second note", "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ",
				"item2.X-ABLABEL:Other", "X-UNKNOWN:kept\\, as it was",
			},
		}},
	},
	{
		name: "no FN, LABEL only",
		in:   "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Roe;Rita;;;\r\nLABEL:1 Elm St\\n Townsville\r\nEND:VCARD\r\n",
		want: []contacts.Contact{{FullName: "Rita Roe", GivenName: "Rita", FamilyName: "Roe", Addresses: []contacts.Address{{Street: "1 Elm St\n Townsville"}}}},
	},
	{
		name: "two cards, blank lines",
		in:   "\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n\r\n",
		want: []contacts.Contact{{FullName: "A"}, {FullName: "B"}},
	},
	{
		name: "vCard 2.1 from an old phone",
		in: "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen\r\n" +
			"FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\r\n" +
			"TEL;CELL;VOICE:+49 171 5550100\r\nTEL;HOME:+49 30 5550101\r\nTEL;WORK;FAX:+49 30 5550102\r\n" +
			"EMAIL;INTERNET;PREF:jm@example.de\r\n" +
			"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Erste Zeile=0D=0AZweite Zeile, sehr lang, mit w=\r\n" +
			"eichem Umbruch=C3=A4\r\nEND:VCARD\r\n",
		want: []contacts.Contact{{
			FullName: "J\u00fcrgen M\u00fcller", GivenName: "J\u00fcrgen", FamilyName: "M\u00fcller",
			Phones: []contacts.Phone{
				{Number: "+49 171 5550100", Kind: contacts.PhoneMobile},
				{Number: "+49 30 5550101", Kind: contacts.PhoneHome},
				{Number: "+49 30 5550102", Kind: contacts.PhoneFax},
			},
			Emails: []string{"jm@example.de"},
			Note:   "Erste Zeile\nZweite Zeile, sehr lang, mit weichem Umbruch\u00e4", // the CRLF in the value, as a line break
		}},
	},
	{
		name: "vCard 2.1 quoted-printable address, lower-case parameters",
		in: "BEGIN:VCARD\nVERSION:2.1\nN:Doe;Jane\nADR;work;encoding=quoted-printable:;;1 Main St=0A=\nSuite 2;Springfield;;;\n" +
			"TEL;cell:555-0100\nEND:VCARD\n",
		want: []contacts.Contact{{
			FullName: "Jane Doe", GivenName: "Jane", FamilyName: "Doe",
			Phones:    []contacts.Phone{{Number: "555-0100", Kind: contacts.PhoneMobile}},
			Addresses: []contacts.Address{{Label: contacts.LabelWork, Street: "1 Main St\nSuite 2", City: "Springfield"}},
		}},
	},
	{name: "empty", in: ""},
	{
		name:    "second card unterminated",
		in:      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\n",
		want:    []contacts.Contact{{FullName: "A"}},
		wantErr: "line 5: the card that starts here has no END:VCARD",
	},
	{
		name:    "not a vCard",
		in:      "hello: world\r\nand more\r\n",
		wantErr: `line 1: text outside a vCard: "hello: world"`,
	},
	{
		name: "a bad card between good ones",
		in: "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nthis line is broken\nEND:VCARD\n" +
			"BEGIN:VCARD\nVERSION:3.0\nFN:C\nEND:VCARD\n",
		want:    []contacts.Contact{{FullName: "A"}, {FullName: "C"}},
		wantErr: `line 8: not a vCard property (no colon): "this line is broken"`,
	},
	{
		name:    "a card cut short by the next",
		in:      "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n",
		want:    []contacts.Contact{{FullName: "B"}},
		wantErr: "line 1: the card that starts here has no END:VCARD",
	},
	{
		name: "folded before the colon, quoted-printable going on",
		in:   "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8\n ;ENCODING=QUOTED-PRINTABLE:A=\nnn=C3=A9\nEND:VCARD\n",
		want: []contacts.Contact{{FullName: "Ann\u00e9"}},
	},
}

func TestReadVCards(t *testing.T) {
	for _, tt := range readVCardsTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.in))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatal(err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("read %d contacts, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if g, w := contacttest.Normalize(got[i]), contacttest.Normalize(tt.want[i]); !reflect.DeepEqual(g, w) {
					t.Errorf("contact %d:\n got %#v\nwant %#v", i, g, w)
				}
			}
		})
	}
}

func TestCard(t *testing.T) {
	c := vcardTests[0].c
	c.Event = "Expo"
	c.MetOn = contacts.Day{Year: 2026, Month: 11, Day: 20}
	c.IntroducedBy = "Sam Lee"
	c.TalkedAbout = "robots, mostly"
	c.Tags = []string{"prospect", "friend, old"}
	c.Note = "Call back"
	c.Addresses = []contacts.Address{{Street: "1 Main St, Springfield"}}
	card := Card(c)
	tests := []struct {
		prop string
		want string
	}{
		{vcard.FieldVersion, "3.0"},
		{vcard.FieldName, "Smith;Jane;;;"},
		{vcard.FieldFormattedName, "Jane Smith"},
		{vcard.FieldOrganization, "Acme"},
		{vcard.FieldTitle, "Engineer"},
		{vcard.FieldTelephone, "+1 650 555 0100"},
		{vcard.FieldEmail, "jane@acme.example"},
		{vcard.FieldURL, "https://acme.example"},
		{vcard.FieldAddress, ";;1 Main St\\, Springfield;;;;"},
		{"LABEL", "1 Main St, Springfield"},
		{vcard.FieldNote, "Met at Expo on 2026-11-20, introduced by Sam Lee.\nTalked about: robots, mostly\nCall back"},
		{vcard.FieldCategories, "Expo,prospect,friend\\, old"},
		{fieldEvent, "Expo"},
		{fieldMetOn, "2026-11-20"},
		{fieldIntroducedBy, "Sam Lee"},
		{fieldTalkedAbout, "robots, mostly"},
	}
	for _, tt := range tests {
		t.Run(tt.prop, func(t *testing.T) {
			if got := card.Value(tt.prop); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.prop, got, tt.want)
			}
		})
	}
	if n := card.Name(); n.FamilyName != "Smith" || n.GivenName != "Jane" {
		t.Errorf("Name() = %+v", n)
	}
	if len(card) != len(tests) {
		t.Errorf("card has %d properties, want %d", len(card), len(tests))
	}
}

// vobjectScript prints, as JSON, what Python's vobject reads in the vCard
// file named by its argument. A structured component that vobject splits
// into several values is joined with "|SPLIT|", which no test value holds.
const vobjectScript = `
import json, sys, vobject

def one(v):
    return v if isinstance(v, str) else "|SPLIT|".join(v)

out = []
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for card in vobject.readComponents(f.read()):
        c, d = card.contents, {}
        for name in ("fn", "title", "note", "label"):
            if name in c:
                d[name.upper()] = c[name][0].value
        if "n" in c:
            n = c["n"][0].value
            d["N"] = [one(n.family), one(n.given), one(n.additional), one(n.prefix), one(n.suffix)]
        if "org" in c:
            d["ORG"] = c["org"][0].value
        if "adr" in c:
            a = c["adr"][0].value
            d["ADR"] = [one(a.box), one(a.extended), one(a.street), one(a.city), one(a.region), one(a.code), one(a.country)]
        if "categories" in c:
            d["CATEGORIES"] = c["categories"][0].value
        d["TEL"] = [{"Value": t.value, "Types": t.params.get("TYPE", [])} for t in c.get("tel", [])]
        d["EMAIL"] = [e.value for e in c.get("email", [])]
        d["URL"] = [u.value for u in c.get("url", [])]
        out.append(d)
json.dump(out, sys.stdout)
`

// vobjectPython returns a Python that has vobject; without one the test
// fails under make test and is skipped otherwise.
func vobjectPython(t *testing.T) string {
	t.Helper()
	return tooltest.Python(t, "vobject")
}

// TestWriteVCardsVobject reads the written cards with Python's vobject, a
// vCard reader that has nothing to do with this package or go-vcard.
func TestWriteVCardsVobject(t *testing.T) {
	py := vobjectPython(t)
	cs := allVCardTests()
	path := filepath.Join(t.TempDir(), "contacts.vcf")
	var buf bytes.Buffer
	if err := Write(&buf, cs...); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, "-c", vobjectScript, path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("vobject: %v\n%s", err, stderr.String())
	}
	var cards []struct {
		FN, TITLE, NOTE, LABEL  string
		N, ORG, ADR, CATEGORIES []string
		TEL                     []struct {
			Value string
			Types []string
		}
		EMAIL, URL []string
	}
	if err := json.Unmarshal(out, &cards); err != nil {
		t.Fatal(err)
	}
	if len(cards) != len(cs) {
		t.Fatalf("vobject read %d cards, want %d", len(cards), len(cs))
	}
	for i, card := range cards {
		c, w := cs[i], wantRead(cs[i])
		t.Run(vcardTests[i].name, func(t *testing.T) {
			check := func(what string, got, want any) {
				t.Helper()
				if g, ok := got.([]string); ok && len(g) == 0 {
					got = []string(nil)
				}
				if w, ok := want.([]string); ok && len(w) == 0 {
					want = []string(nil)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("FN", card.FN, wantFN(c))
			check("N", card.N, []string{c.FamilyName, c.GivenName, "", "", ""})
			check("TITLE", card.TITLE, c.Title)
			if c.Company != "" {
				check("ORG", card.ORG, []string{c.Company})
			}
			if street := streetOf(c); street != "" {
				check("ADR", card.ADR, []string{"", "", street, "", "", "", ""})
				check("LABEL", card.LABEL, street)
			}
			if want := wantCategories(c); len(want) > 0 {
				check("CATEGORIES", card.CATEGORIES, want)
			}
			check("NOTE", card.NOTE, wantNote(c))
			check("EMAIL", card.EMAIL, w.Emails)
			check("URL", card.URL, w.Websites)
			if len(card.TEL) != len(w.Phones) {
				t.Fatalf("%d TEL, want %d", len(card.TEL), len(w.Phones))
			}
			for j, p := range w.Phones {
				check(fmt.Sprintf("TEL %d", j), card.TEL[j].Value, p.Number)
				check(fmt.Sprintf("TEL %d types", j), card.TEL[j].Types, phoneTypes(p.Kind))
			}
		})
	}
}

func FuzzVCardRoundTrip(f *testing.F) {
	for _, tt := range vcardTests {
		c := tt.c
		var phone, email string
		if len(c.Phones) > 0 {
			phone = c.Phones[0].Number
		}
		if len(c.Emails) > 0 {
			email = c.Emails[0]
		}
		f.Add(c.FullName, c.GivenName, c.FamilyName, c.Company, streetOf(c), c.Note, c.Event, phone, email)
	}
	f.Fuzz(func(t *testing.T, full, given, family, company, address, note, event, phone, email string) {
		c := contacts.Contact{
			FullName: full, GivenName: given, FamilyName: family, Company: company,
			Title: full + company, Note: note, Event: event,
			Phones: []contacts.Phone{{Number: phone, Kind: contacts.PhoneMobile}, {Number: email + phone, Kind: contacts.PhoneFax}},
			Emails: []string{email}, Websites: []string{company + email},
		}
		if address != "" {
			c.Addresses = []contacts.Address{{Street: address}}
		}
		for _, s := range []string{full, given, family, company, event, phone, email} {
			if contacts.CleanLine(s) != s {
				t.Skip("cleaned on the way: tested in TestCleanText")
			}
		}
		for _, s := range []string{address, note} {
			if contacts.CleanText(s) != s {
				t.Skip("cleaned on the way: tested in TestCleanText")
			}
		}
		if given+family == "" && full != "" && full == (contacts.Contact{Company: company, Emails: c.Emails}).DisplayName() {
			t.Skip("the full name repeats the company or email: read back as none")
		}
		var buf bytes.Buffer
		if err := Write(&buf, c, c); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.SplitAfter(buf.String(), "\r\n") {
			if len(strings.TrimSuffix(l, "\r\n")) > 75 || strings.ContainsAny(strings.TrimSuffix(l, "\r\n"), "\r\n") {
				t.Fatalf("bad line %d: %q", i+1, l)
			}
		}
		got, err := Read(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("read %d contacts, want 2", len(got))
		}
		want := wantRead(c)
		for _, g := range got {
			if g := contacttest.Normalize(g); !reflect.DeepEqual(g, want) {
				t.Errorf("round trip:\n got %#v\nwant %#v", g, want)
			}
		}
	})
}

// wantCategories are the categories c's card should have: its event,
// then its tags.
func wantCategories(c contacts.Contact) []string {
	var cats []string
	for _, cat := range append([]string{c.Event}, c.Tags...) {
		if cat != "" {
			cats = append(cats, cat)
		}
	}
	return cats
}

// wantNote is the note c's card should have: where and how they met, then
// c's own note.
func wantNote(c contacts.Contact) string {
	return contacts.JoinNonEmpty("\n", meetingContext(c), c.Note)
}

func TestWriteVCards4(t *testing.T) {
	for _, tt := range vcardTests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write4(&buf, tt.c); err != nil {
				t.Fatal(err)
			}
			card, err := vcard.NewDecoder(bytes.NewReader(buf.Bytes())).Decode()
			if err != nil {
				t.Fatalf("go-vcard cannot read it: %v\n%s", err, buf.Bytes())
			}
			if v := card.Value(vcard.FieldVersion); v != "4.0" {
				t.Errorf("VERSION %q", v)
			}
			if card.Get(fieldLabel) != nil {
				t.Errorf("a LABEL property in a 4.0 card")
			}
			// go-vcard reads quoted parameters with Go's escapes, so it drops
			// an ADR whose LABEL holds a backslash, which RFC 6350 allows;
			// Read, below, doubles backslashes first and reads it.
			if street := streetOf(tt.c); street != "" && !strings.Contains(street, `\`) {
				if adr := card.Get(vcard.FieldAddress); adr == nil || adr.Params.Get("LABEL") == "" {
					t.Errorf("ADR has no LABEL parameter: %+v", adr)
				}
			}
			for _, e := range card[vcard.FieldEmail] {
				if len(e.Params[vcard.ParamType]) > 0 {
					t.Errorf("EMAIL keeps TYPE %v", e.Params[vcard.ParamType])
				}
			}
			got, err := Read(bytes.NewReader(buf.Bytes()))
			if err != nil || len(got) != 1 {
				t.Fatalf("Read: %v, %d cards", err, len(got))
			}
			if g, w := contacttest.Normalize(got[0]), wantRead(tt.c); !reflect.DeepEqual(g, w) {
				t.Errorf("round trip through 4.0:\n got %#v\nwant %#v", g, w)
			}
		})
	}
}

// TestExtraRoundTrip checks that what a contact has no field for survives
// being read, written and read again.
func TestExtraRoundTrip(t *testing.T) {
	tests := []struct{ name, in string }{
		{"birthday, nickname, photo, UID", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n" +
			"BDAY:1980-02-03\r\nNICKNAME:Annie\r\nUID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\r\n" +
			"PHOTO;ENCODING=b;TYPE=JPEG:" + strings.Repeat("QUJD", 60) + "\r\n" +
			"X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/example\r\nEND:VCARD\r\n"},
		{"second address and note", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nADR;TYPE=WORK:;;1 Main St;Town;;;\r\n" +
			"ADR;TYPE=HOME:;;2 Elm St\\, Apt 3;Town;;;\r\nNOTE:first\r\nNOTE:second\\nline\r\nEND:VCARD\r\n"},
		{"2.1 quoted-printable extra", "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Cy\r\n" +
			"X-NOTE2;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo\r\nEND:VCARD\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, err := Read(strings.NewReader(tt.in))
			if err != nil || len(first) != 1 {
				t.Fatalf("read: %v, %d cards", err, len(first))
			}
			if len(first[0].Extra) == 0 {
				t.Fatal("nothing kept in Extra")
			}
			var buf bytes.Buffer
			if err := Write(&buf, first...); err != nil {
				t.Fatal(err)
			}
			again, err := Read(&buf)
			if err != nil || len(again) != 1 {
				t.Fatalf("read again: %v, %d cards", err, len(again))
			}
			if !reflect.DeepEqual(again[0].Extra, first[0].Extra) {
				t.Errorf("Extra after writing and reading again:\n got %q\nwant %q", again[0].Extra, first[0].Extra)
			}
		})
	}
}

func TestReadVCardFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "phone.vcf")
	in := "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:3.0\nFN:B\n"
	if err := os.WriteFile(path, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	cs, err := ReadFile(path)
	if len(cs) != 1 || cs[0].FullName != "A" {
		t.Errorf("read %+v, want A only", cs)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != "phone.vcf" || pe.Line != 6 {
		t.Fatalf("error %v, want a ParseError for phone.vcf line 6", err)
	}
	if want := "phone.vcf, line 6: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q, want it to start %q", err, want)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.vcf")); err == nil || !strings.Contains(err.Error(), "missing.vcf") {
		t.Errorf("missing file: error %v, want one naming it", err)
	}
}

// streetOf is the street of c's first address, or "".
func streetOf(c contacts.Contact) string {
	if len(c.Addresses) == 0 {
		return ""
	}
	return c.Addresses[0].Street
}
