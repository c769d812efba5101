package interop

import (
	"bytes"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/internal/tooltest"
	"followthrough/contacts/vcf"
)

// TestVobjectReadsThePhoneticName: Python's vobject finds the phonetic
// name the app writes, 3.0 and 4.0, in the X-PHONETIC-FIRST-NAME and
// X-PHONETIC-LAST-NAME that Apple's and Google's contacts read, beside
// the name in kanji.
func TestVobjectReadsThePhoneticName(t *testing.T) {
	py := tooltest.Python(t, "vobject")
	const script = `
import sys, json, vobject
out = []
for c in vobject.readComponents(sys.stdin.read(), validate=True):
    def value(name):
        return c.contents[name][0].value if name in c.contents else ""
    out.append({"FN": c.fn.value, "N": [c.n.value.family, c.n.value.given],
        "First": value("x-phonetic-first-name"), "Last": value("x-phonetic-last-name")})
json.dump(out, sys.stdout)
`
	c := contacts.Contact{
		FullName: "山本 健太", GivenName: "健太", FamilyName: "山本",
		PhoneticGivenName: "Kenta", PhoneticFamilyName: "Yamamoto; Jr.", // escaped, and read back whole
	}
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer, ...contacts.Contact) error
	}{
		{"3.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return vcf.Write(b, cs...) }},
		{"4.0", func(b *bytes.Buffer, cs ...contacts.Contact) error { return vcf.Write4(b, cs...) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, c); err != nil {
				t.Fatal(err)
			}
			var got []struct {
				FN, First, Last string
				N               []string
			}
			vobjectJSON(t, py, script, buf.Bytes(), &got)
			if len(got) != 1 {
				t.Fatalf("vobject read %d cards, want 1", len(got))
			}
			g := got[0]
			if g.FN != c.FullName || len(g.N) != 2 || g.N[0] != "山本" || g.N[1] != "健太" ||
				g.First != c.PhoneticGivenName || g.Last != c.PhoneticFamilyName {
				t.Errorf("vobject read %+v from\n%s", g, buf.String())
			}
		})
	}
}

// TestVobjectReadsAVietnameseName: a Vietnamese name saved from a card,
// its parts split by SplitName, family name first, is read back by
// Python's vobject with the family name in N's family part.
func TestVobjectReadsAVietnameseName(t *testing.T) {
	py := tooltest.Python(t, "vobject")
	const script = `
import sys, json, vobject
json.dump([{"FN": c.fn.value, "N": [c.n.value.family, c.n.value.given]}
    for c in vobject.readComponents(sys.stdin.read(), validate=True)], sys.stdout)
`
	tests := []struct{ full, family, given string }{
		{"Trần Thu Hà", "Trần", "Thu Hà"},
		{"NGUYỄN VĂN HẢI", "NGUYỄN", "VĂN HẢI"},
	}
	for _, tt := range tests {
		t.Run(tt.full, func(t *testing.T) {
			c := contacts.Contact{FullName: tt.full}
			c.GivenName, c.FamilyName = contacts.SplitName(tt.full)
			var buf bytes.Buffer
			if err := vcf.Write(&buf, c); err != nil {
				t.Fatal(err)
			}
			var got []struct {
				FN string
				N  []string
			}
			vobjectJSON(t, py, script, buf.Bytes(), &got)
			if len(got) != 1 || got[0].FN != tt.full || len(got[0].N) != 2 || got[0].N[0] != tt.family || got[0].N[1] != tt.given {
				t.Errorf("vobject read %+v from\n%s", got, buf.String())
			}
		})
	}
}
