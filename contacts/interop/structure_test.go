package interop

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/internal/tooltest"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// TestVobjectReadsStructure: a card imported with a name in five parts,
// a home and a work address, and labelled emails and a website is stored,
// exported in 3.0 and 4.0, and Python's vobject finds every part where
// the card had it (issue 22.3).
func TestVobjectReadsStructure(t *testing.T) {
	py := tooltest.Python(t, "vobject")
	const script = `
import sys, json, vobject
out = []
for c in vobject.readComponents(sys.stdin.read(), validate=True):
    n = c.n.value
    def types(p):
        return sorted(t.lower() for t in p.params.get("TYPE", []) if t.lower() not in ("internet", "pref"))
    def one(v):
        return " ".join(v) if isinstance(v, list) else v
    out.append({
        "N": [one(n.family), one(n.given), one(n.additional), one(n.prefix), one(n.suffix)],
        "ADR": [[",".join(types(a)), one(a.value.box), one(a.value.extended), one(a.value.street), one(a.value.city),
                 one(a.value.region), one(a.value.code), one(a.value.country)] for a in c.contents.get("adr", [])],
        "EMAIL": [[",".join(types(e)), e.value] for e in c.contents.get("email", [])],
        "URL": [[",".join(types(u)), u.value] for u in c.contents.get("url", [])],
    })
json.dump(out, sys.stdout)
`
	card := "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Øster;Ann-Marie;Q.;Dr.;PhD\r\nFN:Dr. Ann-Marie Q. Øster\\, PhD\r\n" +
		"EMAIL;TYPE=INTERNET,HOME:ann@home.example\r\nEMAIL;TYPE=INTERNET,WORK:ann@work.example\r\n" +
		"URL;TYPE=WORK:https://work.example\r\n" +
		"ADR;TYPE=home:;;Storgata 1;Oslo;;0155;Norway\r\n" +
		"ADR;TYPE=work:PO Box 7;Floor 3;Karl Johans gate 2;Oslo;Oslo;0154;Norway\r\nEND:VCARD\r\n"
	read, err := vcf.Read(strings.NewReader(card))
	if err != nil || len(read) != 1 {
		t.Fatalf("Read: %d cards, %v", len(read), err)
	}
	s := openStore(t)
	if err := s.AddAll(t.Context(), read); err != nil {
		t.Fatal(err)
	}
	type parts struct{ N, ADR, EMAIL, URL [][]string }
	want := parts{
		N: [][]string{{"Øster", "Ann-Marie", "Q.", "Dr.", "PhD"}},
		ADR: [][]string{
			{"home", "", "", "Storgata 1", "Oslo", "", "0155", "Norway"},
			{"work", "PO Box 7", "Floor 3", "Karl Johans gate 2", "Oslo", "Oslo", "0154", "Norway"},
		},
		EMAIL: [][]string{{"home", "ann@home.example"}, {"work", "ann@work.example"}},
		URL:   [][]string{{"work", "https://work.example"}},
	}
	for _, v4 := range []bool{false, true} {
		t.Run(fmt.Sprintf("v4=%v", v4), func(t *testing.T) {
			var buf bytes.Buffer
			each := func(ctx context.Context, fn func([]contacts.Contact) error) error {
				return s.EachContact(ctx, sqlite.Filter{}, fn)
			}
			if _, err := vcf.Export(t.Context(), &buf, each, v4, nil); err != nil {
				t.Fatal(err)
			}
			var got []struct {
				N               []string
				ADR, EMAIL, URL [][]string
			}
			vobjectJSON(t, py, script, buf.Bytes(), &got)
			if len(got) != 1 {
				t.Fatalf("vobject read %d cards, want 1", len(got))
			}
			g := parts{N: [][]string{got[0].N}, ADR: got[0].ADR, EMAIL: got[0].EMAIL, URL: got[0].URL}
			if !reflect.DeepEqual(g, want) {
				t.Errorf("vobject reads\n %q\nwant\n %q\nfrom\n%s", g, want, buf.String())
			}
		})
	}
}
