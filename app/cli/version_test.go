package cli

import (
	"bytes"
	"context"
	"testing"

	"followthrough/app"
)

// TestVersionCommand checks that version prints the name, version and
// build of the app's metadata.
func TestVersionCommand(t *testing.T) {
	var out bytes.Buffer
	p := testProgram(&out, nil)
	var err error
	if p.about, err = app.ParseMetadata([]byte("Website = \"https://example.org/x\"\n[Details]\nName = \"Follow Through\"\nID = \"org.example.followthrough\"\nVersion = \"1.2.3\"\nBuild = 7\n")); err != nil {
		t.Fatal(err)
	}
	if err := p.versionCommand().Run(context.Background(), nil, nil); err != nil || out.String() != "Follow Through 1.2.3 (build 7)\n" {
		t.Errorf("version printed %q, %v", out.String(), err)
	}
}
