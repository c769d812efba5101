package vcf

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/internal/contacttest"
)

// The files in testdata/vcards are written the way phones and apps write
// vCards, from their documented formats and exports, with made-up people
// (see testdata/vcards/README.md).
var corpusTests = []struct {
	file string
	want []contacts.Contact
	// wantExtra are properties each card keeps in Extra, by name.
	wantExtra [][]string
}{
	{
		file: "android-2.1.vcf",
		want: []contacts.Contact{
			{
				FullName: "Jürgen Müller", GivenName: "Jürgen", FamilyName: "Müller", Title: "Entwickler", Company: "Beispiel GmbH",
				Phones:      []contacts.Phone{{Number: "+49 171 5550100", Kind: contacts.PhoneMobile}, {Number: "+49 30 5550101", Kind: contacts.PhoneWork}},
				Emails:      []string{"juergen@example.de"},
				EmailLabels: map[string]contacts.Label{"juergen@example.de": contacts.LabelHome},
				Addresses:   []contacts.Address{{Label: contacts.LabelWork, Street: "Hauptstraße 1", City: "Berlin", PostalCode: "10115", Country: "Deutschland"}},
				Note:        "Erste Zeile\nZweite Zeile mit einem sehr langen Text, der umbrochen werden muss",
			},
			{FullName: "Chidi Okafor", GivenName: "Chidi", FamilyName: "Okafor", Phones: []contacts.Phone{{Number: "+234 803 555 0100", Kind: contacts.PhoneMobile}}},
		},
		wantExtra: [][]string{{"PHOTO", "X-ANDROID-CUSTOM"}, nil},
	},
	{
		file: "ios-3.0.vcf",
		want: []contacts.Contact{{
			FullName: "Johnny Appleseed", GivenName: "Johnny", FamilyName: "Appleseed", Title: "Engineer", Company: "Example Fruit Co.",
			Phones:    []contacts.Phone{{Number: "(408) 555-0100", Kind: contacts.PhoneMobile}, {Number: "(408) 555-0101", Kind: contacts.PhoneWork}},
			Emails:    []string{"johnny@example.com"},
			Websites:  []string{"https://example.com"},
			Addresses: []contacts.Address{{Label: contacts.LabelWork, Street: "1 Loop Road", City: "Cupertino", Region: "CA", PostalCode: "95014", Country: "United States"}},
			Note:      "Loves hiking, jazz",
		}},
		wantExtra: [][]string{{"BDAY", "PHOTO", "X-ABADR", "X-ABLABEL", "X-SOCIALPROFILE"}},
	},
	{
		file: "outlook-2.1.vcf",
		want: []contacts.Contact{{
			FullName: "José Fernández", GivenName: "José", FamilyName: "Fernández", Title: "Account Manager", Company: "Contoso Ltd., Sales",
			Phones: []contacts.Phone{
				{Number: "(425) 555-0102", Kind: contacts.PhoneWork}, {Number: "(425) 555-0103", Kind: contacts.PhoneMobile}, {Number: "(425) 555-0104", Kind: contacts.PhoneFax},
			},
			Emails:        []string{"jose@contoso.example"},
			Websites:      []string{"http://www.contoso.example"},
			WebsiteLabels: map[string]contacts.Label{"http://www.contoso.example": contacts.LabelWork},
			Addresses:     []contacts.Address{{Label: contacts.LabelWork, Street: "One Example Way", City: "Redmond", Region: "WA", PostalCode: "98052", Country: "United States of America"}},
		}},
		wantExtra: [][]string{{"X-MS-OL-DEFAULT-POSTAL-ADDRESS"}},
	},
	{
		file: "google-3.0.vcf",
		want: []contacts.Contact{
			{
				FullName: "Priya Natarajan", GivenName: "Priya", FamilyName: "Natarajan", Title: "Research Lead", Company: "Example Labs",
				Phones:      []contacts.Phone{{Number: "+91 98765 43210", Kind: contacts.PhoneMobile}},
				Emails:      []string{"priya@example.org", "priya.n@mail.example"},
				EmailLabels: map[string]contacts.Label{"priya@example.org": contacts.LabelWork, "priya.n@mail.example": contacts.LabelHome},
				Websites:    []string{"https://example.org/priya"},
				Addresses:   []contacts.Address{{Label: contacts.LabelWork, Street: "12 MG Road", City: "Bengaluru", Region: "KA", PostalCode: "560001", Country: "India"}},
				Note:        "Line one\nLine two",
				Tags:        []string{"Conference 2026"},
			},
			{FullName: "Sam Lee", GivenName: "Sam", FamilyName: "Lee", Phones: []contacts.Phone{{Number: "+1 312-555-0100", Kind: contacts.PhoneWork}}},
		},
		wantExtra: [][]string{{"BDAY", "CATEGORIES"}, {"CATEGORIES"}},
	},
	{
		file: "rfc6350-4.0.vcf",
		want: []contacts.Contact{{
			UID:      "urn:uuid:0b2ad7d6-1c0f-4bd8-9d0b-7a5a0f8d2b11",
			FullName: "Chen Wei", GivenName: "Wei", FamilyName: "Chen", Company: "Example Tech",
			Phones:      []contacts.Phone{{Number: "+86-10-5555-0100", Kind: contacts.PhoneMobile}},
			Emails:      []string{"chen@example.cn"},
			EmailLabels: map[string]contacts.Label{"chen@example.cn": contacts.LabelWork},
		}},
		wantExtra: [][]string{{"KIND", "PHOTO"}},
	},
}

// extraNames returns the property names of extra lines, sorted.
func extraNames(extra []string) []string {
	var names []string
	for _, line := range extra {
		name, _, _ := splitContentLine(line)
		name, _, _ = strings.Cut(name, ";")
		if _, after, ok := strings.Cut(name, "."); ok {
			name = after
		}
		names = append(names, strings.ToUpper(name))
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// TestCorpus reads each file as a phone or app wrote it, then writes what
// it read and reads that again: nothing may be lost on the way.
func TestCorpus(t *testing.T) {
	for _, tt := range corpusTests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := ReadFile(filepath.Join("testdata", "vcards", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("read %d cards, want %d", len(got), len(tt.want))
			}
			for i, c := range got {
				names := extraNames(c.Extra)
				if !reflect.DeepEqual(names, tt.wantExtra[i]) && !(len(names) == 0 && len(tt.wantExtra[i]) == 0) {
					t.Errorf("card %d keeps %q, want %q", i, names, tt.wantExtra[i])
				}
				c.Extra = nil
				if g, w := contacttest.Normalize(c), contacttest.Normalize(tt.want[i]); !reflect.DeepEqual(g, w) {
					t.Errorf("card %d:\n got %#v\nwant %#v", i, g, w)
				}
			}

			for _, write := range []struct {
				name string
				fn   func(*bytes.Buffer, ...contacts.Contact) error
			}{
				{"3.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return Write(b, cs...) }},
				{"4.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return Write4(b, cs...) }},
			} {
				var buf bytes.Buffer
				if err := write.fn(&buf, got...); err != nil {
					t.Fatal(err)
				}
				again, err := Read(&buf)
				if err != nil {
					t.Fatalf("%s: read again: %v", write.name, err)
				}
				if !reflect.DeepEqual(normalizeAll(again), normalizeAll(got)) {
					t.Errorf("%s: written and read again:\n got %#v\nwant %#v", write.name, again, got)
				}
			}
		})
	}
}

func normalizeAll(cs []contacts.Contact) []contacts.Contact {
	out := make([]contacts.Contact, len(cs))
	for i, c := range cs {
		out[i] = contacttest.Normalize(c)
		out[i].Extra = c.Extra
	}
	return out
}

const corpusVobjectScript = `
import base64, json, sys, vobject
out = []
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for card in vobject.readComponents(f.read()):
        c = card.contents
        photo = c.get("photo", [None])[0]
        out.append({
            "FN": c["fn"][0].value,
            "TEL": [t.value for t in c.get("tel", [])],
            "EMAIL": [e.value for e in c.get("email", [])],
            "BDAY": c["bday"][0].value if "bday" in c else "",
            "PHOTO": len(photo.value) if photo is not None and isinstance(photo.value, bytes) else 0,
        })
json.dump(out, sys.stdout)
`

// TestCorpusVobject gives what was read from each file, written again as
// vCard 3.0, to Python's vobject: the names, phones, emails, birthdays and
// photos of other apps' cards must reach another reader whole.
func TestCorpusVobject(t *testing.T) {
	py := vobjectPython(t)
	for _, tt := range corpusTests {
		t.Run(tt.file, func(t *testing.T) {
			cs, err := ReadFile(filepath.Join("testdata", "vcards", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "out.vcf")
			var buf bytes.Buffer
			if err := Write(&buf, cs...); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(path, buf.Bytes(), 0o600)
			var stderr bytes.Buffer
			cmd := exec.Command(py, "-c", corpusVobjectScript, path)
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("vobject: %v\n%s", err, stderr.String())
			}
			var cards []struct {
				FN, BDAY   string
				TEL, EMAIL []string
				PHOTO      int
			}
			if err := json.Unmarshal(out, &cards); err != nil {
				t.Fatal(err)
			}
			if len(cards) != len(cs) {
				t.Fatalf("vobject read %d cards, want %d", len(cards), len(cs))
			}
			for i, card := range cards {
				c := cs[i]
				var tels []string
				for _, p := range c.Phones {
					tels = append(tels, p.Number)
				}
				if card.FN != c.FullName || !slices.Equal(card.TEL, tels) || !slices.Equal(card.EMAIL, c.Emails) {
					t.Errorf("card %d: vobject read %+v from %+v", i, card, c)
				}
				names := extraNames(c.Extra)
				if slices.Contains(names, "BDAY") && card.BDAY == "" {
					t.Errorf("card %d: the birthday did not reach vobject", i)
				}
				// vobject decodes a 3.0 base64 photo to bytes; a 4.0 data
				// URI written back as it came stays text.
				if slices.Contains(names, "PHOTO") && tt.file != "rfc6350-4.0.vcf" && card.PHOTO < 100 {
					t.Errorf("card %d: photo of %d bytes reached vobject", i, card.PHOTO)
				}
			}
		})
	}
}

// FuzzReadVCards feeds Read broken and odd input, starting from the
// corpus: it must never panic, every error must name a line of the input,
// and what it reads must survive being written and read again.
func FuzzReadVCards(f *testing.F) {
	for _, tt := range corpusTests {
		data, err := os.ReadFile(filepath.Join("testdata", "vcards", tt.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tt := range readVCardsTests {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nno colon\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:=\nEND:VCARD\n"))
	// Small versions of TestReadHostileVCards' inputs.
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fold\r\nNOTE:" + strings.Repeat("ab\r\n ", 20) + "end\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Soft\r\nNOTE;ENCODING=QUOTED-PRINTABLE:" + strings.Repeat("=C3=A4=\r\n", 20) + "!\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=X-MADE-UP:M\xfcller;J\xfcrgen\r\nTITLE;CHARSET=ISO-2022-KR:Chef\r\nORG;CHARSET=SHIFT_JIS:\x83e\x83X\x83g\r\nEND:VCARD\r\n"))
	f.Add([]byte("\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nFN:\u202eAnn\x00 \x1b[2JExample 🎉\r\nORG:شركة\u200f مثال\r\nNOTE:one\\ntwo\x07\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\nEND:VCARD\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := Read(bytes.NewReader(data))
		lines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			for _, e := range splitJoined(err) {
				var pe *ParseError
				if !errorsAs(e, &pe) || pe.Line < 1 || pe.Line > lines {
					t.Fatalf("error %v does not name a line of the %d", e, lines)
				}
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, cs...); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf)
		if err != nil || len(again) != len(cs) {
			t.Fatalf("read %d cards back (%v) of %d written:\n%s", len(again), err, len(cs), buf.String())
		}
	})
}

func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func errorsAs(err error, target **ParseError) bool {
	pe, ok := err.(*ParseError)
	if ok {
		*target = pe
	}
	return ok
}
