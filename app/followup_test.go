package app

import (
	"testing"

	"followthrough/contacts"
)

func TestCadenceSetting(t *testing.T) {
	for _, p := range contacts.CadencePresets {
		got, err := ParseCadenceSetting(CadenceSetting(p.Cadence))
		if err != nil || got != p.Cadence {
			t.Errorf("%s reads back as %+v, %v", p.Name, got, err)
		}
	}
	if c, err := ParseCadenceSetting(""); err != nil || !c.IsZero() {
		t.Errorf("no default reads as %+v, %v", c, err)
	}
	for _, bad := range []string{"monthly", "30", "30/x", "60/30", "-1/5"} {
		if _, err := ParseCadenceSetting(bad); err == nil {
			t.Errorf("ParseCadenceSetting(%q) gives no error", bad)
		}
	}
}
