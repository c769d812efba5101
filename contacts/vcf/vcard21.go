package vcf

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// Old phones write vCard 2.1, which go-vcard does not read: bare
// parameters ("TEL;CELL;VOICE:"), which it takes for the value, and
// quoted-printable values in a character set of their own, whose soft
// line breaks ("=" at the end of a line) it does not join. These
// functions put a 2.1 card in the shape go-vcard reads, and decode its
// values after.

// normalize21 names bare parameters: ";CELL" becomes ";TYPE=CELL",
// ";QUOTED-PRINTABLE" becomes ";ENCODING=QUOTED-PRINTABLE". Lines it need
// not change are kept as they are, so 3.0 and 4.0 cards go through
// untouched. Quoted-printable soft line breaks are joined already, by
// contentLines.
func normalize21(lines []contentLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
		if name, value, ok := splitContentLine(l.text); ok && strings.Contains(name, ";") {
			out[i] = nameBareParams(name) + ":" + value
		}
	}
	return out
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
				if b, err := decodeQuotedPrintable(value); err == nil {
					value = b
				}
				delete(f.Params, "ENCODING")
			}
			if cs := f.Params.Get("CHARSET"); cs != "" {
				value = decodeCharset(cs, value)
				delete(f.Params, "CHARSET")
			}
			f.Value = value
		}
	}
}

// decodeCharset returns value, in the character set named cs, as UTF-8. A
// character set that is not known, or that the WHATWG encoding standard
// only replaces (such as ISO-2022-KR), or bytes it cannot decode, are
// taken for UTF-8 if they are valid UTF-8, the most likely, and otherwise
// for Windows-1252, in which any byte is a character: a name comes out
// with a few odd letters rather than not at all.
func decodeCharset(cs, value string) string {
	if enc, err := htmlindex.Get(cs); err == nil && enc != encoding.Replacement {
		if b, err := enc.NewDecoder().Bytes([]byte(value)); err == nil && utf8.Valid(b) {
			return string(b)
		}
	}
	if utf8.ValidString(value) {
		return value
	}
	b, _ := charmap.Windows1252.NewDecoder().Bytes([]byte(value))
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}

// decodeQuotedPrintable decodes a quoted-printable value whose soft line
// breaks are joined already. mime/quotedprintable reads a line in pieces
// of 4096 bytes and fails on an escape that straddles two, so the value
// is given to it in lines of at most 1000 bytes, cut by soft line breaks
// between escapes.
func decodeQuotedPrintable(v string) (string, error) {
	var b strings.Builder
	for len(v) > 0 {
		n := min(len(v), 1000)
		if n < len(v) {
			if i := strings.LastIndexByte(v[n-2:n], '='); i >= 0 {
				n = n - 2 + i // not inside "=XX"
			}
		}
		b.WriteString(v[:n])
		if v = v[n:]; v != "" {
			b.WriteString("=\r\n")
		}
	}
	out, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(b.String())))
	return string(out), err
}
