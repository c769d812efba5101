package cli

import (
	"os"
	"strings"
	"testing"
)

// TestSplit checks which command the words on the command line name, and
// that --data is taken before the command's name as well as after it.
func TestSplit(t *testing.T) {
	dir := t.TempDir()
	card := dir + "/card.png"
	if err := os.WriteFile(card, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		name string
		rest []string
	}{
		{nil, "window", nil},
		{[]string{card}, "window", []string{card}},
		{[]string{"scan", card}, "scan", []string{card}},
		{[]string{"scan", "--data", dir, card}, "scan", []string{"--data", dir, card}},
		{[]string{"--data", dir, "scan", card}, "scan", []string{"--data", dir, card}},
		{[]string{"--data=" + dir, "due"}, "due", []string{"--data=" + dir}},
		{[]string{"-data", dir, "window", card}, "window", []string{"-data", dir, card}},
		{[]string{"--data", dir, card}, "window", []string{"--data", dir, card}},
		{[]string{"--data", dir}, "window", []string{"--data", dir}},
		{[]string{"--data"}, "window", []string{"--data"}},
		{[]string{"--workers", "2", "scan"}, "window", []string{"--workers", "2", "scan"}},
		{[]string{"nonsense"}, "nonsense", []string{}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			name, rest := split(tt.args)
			if name != tt.name || strings.Join(rest, "\x00") != strings.Join(tt.rest, "\x00") {
				t.Errorf("split(%q) = %q, %q; want %q, %q", tt.args, name, rest, tt.name, tt.rest)
			}
		})
	}
}
