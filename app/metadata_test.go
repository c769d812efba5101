package app

import "testing"

// TestParseMetadata checks that FyneApp.toml is read, and that one
// without a name, ID or version is refused.
func TestParseMetadata(t *testing.T) {
	m, err := ParseMetadata([]byte("Website = \"https://example.org/x\"\n[Details]\nName = \"Follow Through\"\nID = \"org.example.followthrough\"\nVersion = \"1.2.3\"\nBuild = 7\n"))
	if err != nil || m.String() != "Follow Through 1.2.3 (build 7)" || m.Website != "https://example.org/x" {
		t.Errorf("ParseMetadata = %+v, %v", m, err)
	}
	for _, bad := range []string{"[Details\n", "[Details]\nName = \"X\"\nID = \"y\"\n", ""} {
		t.Run(bad, func(t *testing.T) {
			if _, err := ParseMetadata([]byte(bad)); err == nil {
				t.Errorf("ParseMetadata(%q) gives no error", bad)
			}
		})
	}
}
