package vcf

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReadVAddressBook: vdirsyncer's single-file storage wraps the cards
// in BEGIN:VADDRESSBOOK ... END:VADDRESSBOOK; the cards are read, and the
// wrapper is no error.
func TestReadVAddressBook(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"vdirsyncer", "BEGIN:VADDRESSBOOK\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nUID:a\r\nFN:Ann Lee\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nUID:b\r\nFN:Bo Ek\r\nEND:VCARD\r\nEND:VADDRESSBOOK\r\n",
			[]string{"Ann Lee", "Bo Ek"}},
		{"lower case, LF, byte order mark", "\uFEFFbegin:vaddressbook\nBEGIN:VCARD\nVERSION:4.0\nFN:Cy Ro\nEND:VCARD\nend:vaddressbook\n", []string{"Cy Ro"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := Read(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.FullName)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("read %q, want %q", got, tt.want)
			}
		})
	}
}

// TestErrorQuotesBinaryEscaped: an error that quotes a line of binary
// shows its bytes escaped, as strconv.Quote does, however long the line,
// never as replacement characters or raw bytes.
func TestErrorQuotesBinaryEscaped(t *testing.T) {
	long := strings.Repeat("\xff\xfe\x00\x1b", 30)
	tests := []struct {
		name, in, want string
	}{
		{"short, outside a card", "\x89PNG\r\n", `"\x89PNG"`},
		{"long, outside a card", long + "\r\n", `"\xff\xfe\x00\x1b`},
		{"long, inside a card", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n" + long + "\r\nEND:VCARD\r\n", `"\xff\xfe\x00\x1b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v, want a ParseError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || strings.ContainsRune(msg, utf8.RuneError) || !utf8.ValidString(msg) || strings.ContainsAny(msg, "\x00\x1b") {
				t.Errorf("error %q, want the line escaped as %s", msg, tt.want)
			}
		})
	}
}
