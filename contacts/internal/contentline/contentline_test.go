package contentline

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		line string
	}{
		{"short", "FN:Jane"},
		{"75 octets", "NOTE:" + strings.Repeat("x", 70)},
		{"76 octets", "NOTE:" + strings.Repeat("x", 71)},
		{"long ASCII", "NOTE:" + strings.Repeat("0123456789", 30)},
		{"two-octet runes", "NOTE:" + strings.Repeat("é", 200)},
		{"three-octet runes", "NOTE:" + strings.Repeat("界", 200)},
		{"four-octet runes", "NOTE:" + strings.Repeat("🎴", 200)},
		{"mixed runes", "NOTE:" + strings.Repeat("aé界🎴", 60)},
		{"escapes", "NOTE:" + strings.Repeat(`\,`, 100)},
		{"odd escapes", "NOTE:x" + strings.Repeat(`\\\n`, 60)},
	}
	for _, tt := range tests {
		for shift := range 4 {
			line := strings.Repeat("X", shift) + tt.line
			t.Run(fmt.Sprintf("%s shifted %d", tt.name, shift), func(t *testing.T) {
				var buf bytes.Buffer
				Write(&buf, line)
				lines := unfold(t, buf.Bytes())
				if len(lines) != 1 || lines[0] != line {
					t.Errorf("unfolded to %q, want %q", lines, line)
				}
				physical := strings.Count(buf.String(), "\r\n")
				if len(line) <= 75 && physical != 1 {
					t.Errorf("a line of %d octets was folded", len(line))
				}
				// Each folded line but the last should be nearly full.
				if most := (len(line)+70)/71 + 1; physical > most {
					t.Errorf("folded into %d lines, want at most %d", physical, most)
				}
			})
		}
	}
}

// unfold checks the content lines of data and returns them unfolded.
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
