package interop

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"testing"

	"followthrough/contacts"
	"followthrough/contacts/internal/tooltest"
	"followthrough/contacts/sqlite"
	"followthrough/contacts/vcf"
)

// TestVobjectReadsTheExport: Python's vobject reads a store's export, 3.0
// and 4.0, and finds every contact with its UID and name; in 3.0 no BDAY
// is one that 3.0 does not allow.
func TestVobjectReadsTheExport(t *testing.T) {
	py := tooltest.Python(t, "vobject")
	const script = `
import sys, json, vobject
out = []
for c in vobject.readComponents(sys.stdin.read(), validate=True):
    out.append({"UID": c.uid.value, "FN": c.fn.value, "BDAY": c.bday.value if "bday" in c.contents else ""})
json.dump(out, sys.stdout)
`
	s := openStore(t)
	ps := people()
	if err := s.AddAll(t.Context(), ps); err != nil {
		t.Fatal(err)
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
			var got []struct{ UID, FN, BDAY string }
			vobjectJSON(t, py, script, buf.Bytes(), &got)
			if len(got) != len(ps) {
				t.Fatalf("vobject read %d cards, want %d", len(got), len(ps))
			}
			byUID := map[string]string{}
			for _, g := range got {
				byUID[g.UID] = g.FN
				if !v4 && g.BDAY != "" && len(g.BDAY) < 8 {
					t.Errorf("3.0 card %s has BDAY %q", g.FN, g.BDAY)
				}
			}
			for _, p := range ps {
				if byUID[p.UID] != p.FullName {
					t.Errorf("vobject has %q under %s, want %q", byUID[p.UID], p.UID, p.FullName)
				}
			}
		})
	}
}

// vobjectJSON runs script, Python with vobject, on the vCards in data and
// decodes the JSON it prints into v.
func vobjectJSON(t *testing.T, py, script string, data []byte, v any) {
	t.Helper()
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("vobject: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("vobject printed %s: %v", out, err)
	}
}
