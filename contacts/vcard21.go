package contacts

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"strings"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding/htmlindex"
)

// Old phones write vCard 2.1, which go-vcard does not read: bare
// parameters ("TEL;CELL;VOICE:"), which it takes for the value, and
// quoted-printable values in a character set of their own, whose soft
// line breaks ("=" at the end of a line) it does not join. These
// functions put a 2.1 card in the shape go-vcard reads, and decode its
// values after.

// normalize21 joins quoted-printable soft line breaks and names bare
// parameters: ";CELL" becomes ";TYPE=CELL", ";QUOTED-PRINTABLE" becomes
// ";ENCODING=QUOTED-PRINTABLE". Lines it need not change are kept as they
// are, so 3.0 and 4.0 cards go through untouched.
func normalize21(data []byte) []byte {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		name, value, ok := splitContentLine(line)
		if !ok || !strings.Contains(name, ";") {
			out = append(out, line)
			continue
		}
		name = nameBareParams(name)
		if strings.Contains(strings.ToUpper(name), "QUOTED-PRINTABLE") {
			// A "=" that ends the line is a soft line break: the value
			// goes on in the next line.
			for strings.HasSuffix(value, "=") && i+1 < len(lines) {
				i++
				value = value[:len(value)-1] + lines[i]
			}
		}
		out = append(out, name+":"+value)
	}
	return []byte(strings.Join(out, "\r\n"))
}

// splitContentLine splits a content line at the first colon outside
// double quotes into the name with its parameters and the value.
func splitContentLine(line string) (name, value string, ok bool) {
	quoted := false
	for i, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ':' && !quoted:
			return line[:i], line[i+1:], true
		}
	}
	return line, "", false
}

// nameBareParams gives each parameter without a name its name.
func nameBareParams(name string) string {
	parts := strings.Split(name, ";")
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if p == "" || strings.Contains(p, "=") {
			continue
		}
		switch strings.ToUpper(p) {
		case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT":
			parts[i] = "ENCODING=" + p
		default:
			parts[i] = "TYPE=" + p
		}
	}
	return strings.Join(parts, ";")
}

// decode21 decodes, in place, the values of card that are quoted-printable
// or in a character set other than UTF-8, and drops those parameters. It
// takes the spaces out of base64 values.
func decode21(card vcard.Card) {
	for _, fields := range card {
		for _, f := range fields {
			if f.Params == nil {
				continue
			}
			value := f.Value
			switch strings.ToUpper(f.Params.Get("ENCODING")) {
			case "B", "BASE64":
				// 2.1 folds base64 with the continuation lines indented
				// further; the indent is no part of the value.
				value = strings.Join(strings.Fields(value), "")
			}
			if strings.EqualFold(f.Params.Get("ENCODING"), "QUOTED-PRINTABLE") {
				if b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(value))); err == nil {
					value = string(b)
				}
				delete(f.Params, "ENCODING")
			}
			if cs := f.Params.Get("CHARSET"); cs != "" {
				if enc, err := htmlindex.Get(cs); err == nil {
					if b, err := enc.NewDecoder().Bytes([]byte(value)); err == nil {
						value = string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
					}
				}
				delete(f.Params, "CHARSET")
			}
			f.Value = value
		}
	}
}
