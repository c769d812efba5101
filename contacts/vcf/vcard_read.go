package vcf

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"

	"followthrough/contacts"
)

// The limits on what Read reads, so that a huge or hostile file
// gives a clear error instead of taking all the memory or all night. A
// phone's export of a few thousand contacts with photos is far below them.
const (
	// MaxVCardBytes is the most a vCard file may hold.
	MaxVCardBytes = 64 << 20
	// MaxCardBytes is the most one card may hold, photo included.
	MaxCardBytes = 16 << 20
	// MaxCardProperties is the most properties (content lines) one card
	// may have.
	MaxCardProperties = 1000
	// MaxCards is the most cards one file may hold.
	MaxCards = 50000
)

// ErrTooLarge is returned, wrapped in a ParseError, for a vCard file or a
// card beyond the limits above.
var ErrTooLarge = errors.New("too large")

// vcardLimits are the limits readVCards applies: the constants above,
// smaller in tests.
type vcardLimits struct {
	total      int64
	card       int
	properties int
	cards      int
}

var defaultLimits = vcardLimits{MaxVCardBytes, MaxCardBytes, MaxCardProperties, MaxCards}

// Read reads the vCards in r, as Write and other apps write
// them (vCard 2.1, 3.0 and 4.0, bare or, as vdirsyncer's single-file
// storage writes them, inside BEGIN:VADDRESSBOOK and END:VADDRESSBOOK), and returns them as contacts, undoing
// what Card does. What a Contact has no field for is kept in its Extra. A
// phone with no TYPE that Read knows is a work phone. A card without
// FN gets its full name from N; a card with an empty N whose FN is only
// the company or email, as Card writes for a contact without a name, gets
// none. The text of every field is cleaned as CleanText and CleanLine say.
//
// Read reads every card it can. If some cannot be read, or the
// input holds text outside a card, it returns the others with an error
// joining a *ParseError for each, which names the line. It reads r a
// card at a time, and stops with an ErrTooLarge at MaxVCardBytes or
// MaxCards; a card over MaxCardBytes or MaxCardProperties is skipped with
// one.
func Read(r io.Reader) ([]contacts.Contact, error) {
	return readVCards(r, defaultLimits)
}

// ReadFile is Read for the file at path; each ParseError names
// the file. A file larger than MaxVCardBytes is refused before reading.
func ReadFile(path string) ([]contacts.Contact, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("vcf: %w", err)
	}
	defer f.Close()
	name := filepath.Base(path)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > MaxVCardBytes {
		return nil, &ParseError{File: name, Err: fmt.Errorf("the file is %s, more than the %s a vCard file may hold: %w (export the contacts in parts, or without photos)",
			byteSize(info.Size()), byteSize(MaxVCardBytes), ErrTooLarge)}
	}
	cs, err := Read(f)
	if err == nil {
		return cs, nil
	}
	var perrs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		perrs = joined.Unwrap()
	} else {
		perrs = []error{err}
	}
	for _, e := range perrs {
		var pe *ParseError
		if errors.As(e, &pe) {
			pe.File = name
		}
	}
	return cs, err
}

// byteSize says n bytes in the unit a person reads best.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// A ParseError is a card, or a line, that Read could not read. A line it
// quotes is escaped as strconv.Quote does.
type ParseError struct {
	File string // the file's name, when known
	Line int    // the line, counted from 1, where the trouble is; 0 for the whole file
	Err  error
}

func (e *ParseError) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s, line %d: %v", e.File, e.Line, e.Err)
	case e.File != "":
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// errInputTooLarge is what limitReader returns past its limit.
var errInputTooLarge = errors.New("input too large")

// limitReader reads from r and fails with errInputTooLarge once more
// than n bytes are read.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errInputTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, errInputTooLarge
	}
	return n, err
}

// lineReader reads lines, counting them, and cuts any line longer than
// max so that no line takes more memory than a card may.
type lineReader struct {
	r   *bufio.Reader
	max int
	n   int // lines read
	buf []byte
}

// next returns the next line without its line end, and whether it was cut.
// The line is valid until the next call.
func (l *lineReader) next() (line []byte, cut bool, err error) {
	l.buf = l.buf[:0]
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(l.buf)+len(chunk) <= l.max {
			l.buf = append(l.buf, chunk...)
		} else {
			cut = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !(errors.Is(err, io.EOF) && (len(l.buf) > 0 || cut)) {
			return nil, false, err
		}
		break
	}
	l.n++
	line = bytes.TrimSuffix(l.buf, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), cut, nil
}

// isWord reports whether line, trimmed, is word, ignoring case.
func isWord(line []byte, word string) bool {
	if len(line) < len(word) || len(line) > len(word)+64 {
		return false
	}
	return bytes.EqualFold(bytes.TrimSpace(line), []byte(word))
}

// readVCards is Read with the limits given. It goes through the
// input line by line, keeping one card's text at a time.
func readVCards(r io.Reader, lim vcardLimits) ([]contacts.Contact, error) {
	lines := &lineReader{r: bufio.NewReaderSize(&limitReader{r: r, n: lim.total}, 64<<10), max: lim.card + 2}
	var cs []contacts.Contact
	var errs []error
	fail := func(line int, err error) { errs = append(errs, &ParseError{Line: line, Err: err}) }

	var card []byte // the text of the card being read, lines ending in "\n"
	start := 0      // the line its BEGIN:VCARD is on, or 0 outside a card
	big := false    // the card is over the limit, and its text dropped
	junk := false   // in a run of text between cards
	for {
		line, cut, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errInputTooLarge) {
			fail(lines.n+1, fmt.Errorf("the input holds more than %s, the most a vCard file may: %w (export the contacts in parts, or without photos)", byteSize(lim.total), ErrTooLarge))
			start = 0
			break
		}
		if err != nil {
			return cs, errors.Join(append(errs, fmt.Errorf("vcf: read vCards: %w", err))...)
		}
		n := lines.n
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		switch {
		case isWord(line, "BEGIN:VCARD"):
			if start > 0 {
				fail(start, errors.New("the card that starts here has no END:VCARD"))
			}
			card, start, big, junk = append(card[:0], line...), n, false, false
			card = append(card, '\n')
		case start == 0 && (isWord(line, "BEGIN:VADDRESSBOOK") || isWord(line, "END:VADDRESSBOOK")):
			// vdirsyncer's single-file storage wraps the cards in these.
		case start == 0:
			if len(bytes.TrimSpace(line)) > 0 && !junk {
				fail(n, fmt.Errorf("text outside a vCard: %s", quoteLine(string(line), 40)))
				junk = true
			}
		case isWord(line, "END:VCARD"):
			card = append(card, line...)
			card = append(card, '\n')
			switch c, at, err := decodeCardText(card, start, lim); {
			case big:
				fail(start, fmt.Errorf("the card that starts here holds more than %s, the most a card may: %w", byteSize(int64(lim.card)), ErrTooLarge))
			case err != nil:
				fail(at, err)
			case len(cs) == lim.cards:
				fail(start, fmt.Errorf("the file holds more than %d cards, the most one file may: %w (export the contacts in parts)", lim.cards, ErrTooLarge))
				return cs, errors.Join(errs...)
			default:
				cs = append(cs, c)
			}
			start = 0
		case big:
		case cut || len(card)+len(line) > lim.card:
			big = true
			card = card[:0]
		default:
			card = append(card, line...)
			card = append(card, '\n')
		}
	}
	if start > 0 {
		fail(start, errors.New("the card that starts here has no END:VCARD"))
	}
	return cs, errors.Join(errs...)
}

// A contentLine is one logical line of a card: its physical lines joined
// where they were folded, or broken by a quoted-printable soft line break.
type contentLine struct {
	line int // where it starts
	text string
}

// contentLines splits the text of a card, whose first line is line start, into
// its content lines. A physical line that starts with a space or a tab
// goes on the line before it, without that first character; in a
// quoted-printable value, a "=" at the end of a line is a soft line break
// and the next line goes on the value as it is. It takes time in
// proportion to the text, however many times a line is folded.
func contentLines(text []byte, start int) []contentLine {
	var out []contentLine
	var cur []byte
	curLine := 0
	// The scan of cur for the colon that ends the name, done once.
	scanned, quoted, named, qp := 0, false, false, false
	flush := func() {
		if curLine > 0 {
			out = append(out, contentLine{line: curLine, text: string(cur)})
		}
	}
	n := start
	for len(text) > 0 {
		phys := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			phys, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		switch {
		case curLine > 0 && qp && len(cur) > 0 && cur[len(cur)-1] == '=' && !isWord(phys, "END:VCARD"):
			cur = append(cur[:len(cur)-1], phys...)
		case curLine > 0 && len(phys) > 0 && (phys[0] == ' ' || phys[0] == '\t'):
			cur = append(cur, phys[1:]...)
		default:
			flush()
			cur, curLine = append(cur[:0], phys...), n
			scanned, quoted, named, qp = 0, false, false, false
		}
		for ; !named && scanned < len(cur); scanned++ {
			switch cur[scanned] {
			case '"':
				quoted = !quoted
			case ':':
				if !quoted {
					named = true
					qp = bytes.Contains(bytes.ToUpper(cur[:scanned]), []byte("QUOTED-PRINTABLE"))
				}
			}
		}
		n++
	}
	flush()
	return out
}

// decodeCardText reads the card in text, whose BEGIN:VCARD is on line
// start. On an error it also returns the line to blame.
func decodeCardText(text []byte, start int, lim vcardLimits) (contacts.Contact, int, error) {
	lines := contentLines(text, start)
	props := 0
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		if _, _, ok := splitContentLine(l.text); !ok {
			return contacts.Contact{}, l.line, fmt.Errorf("not a vCard property (no colon): %s", quoteLine(l.text, 40))
		}
		if props++; props > lim.properties+2 { // BEGIN and END aside
			return contacts.Contact{}, start, fmt.Errorf("the card that starts here has more than %d properties, the most a card may: %w", lim.properties, ErrTooLarge)
		}
	}
	c, err := decodeCard(lines)
	if err != nil {
		return contacts.Contact{}, start, err
	}
	return c, start, nil
}

// quoteLine quotes the first n characters of s as strconv.Quote does, so
// that a line of binary shows as escapes ("\x89PNG"), never as raw bytes or
// replacement characters, and marks a cut with "…". An invalid byte counts
// as a character, and a valid one is never split.
func quoteLine(s string, n int) string {
	end := 0
	for count := 0; end < len(s) && count < n; count++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	if end < len(s) {
		return strconv.Quote(s[:end]) + "…"
	}
	return strconv.Quote(s)
}

// decodeCard reads the one card whose content lines are lines.
func decodeCard(lines []contentLine) (contacts.Contact, error) {
	var b strings.Builder
	for _, l := range normalize21(lines) {
		// go-vcard's Decoder unescapes "\\", "\n" and "\," but not "\;"
		// or "\N", so a "\;" it returns may come from "\;", an escaped
		// ";", or from "\\;", a "\" that ends a component. It is given
		// the input with every backslash doubled, which its unescaping
		// undoes, and the values are unescaped here, each according to
		// its property.
		b.WriteString(strings.ReplaceAll(l, `\`, `\\`))
		b.WriteString("\r\n")
	}
	// The lines are unfolded already: go-vcard, which unfolds by adding
	// strings, would take time in the square of a line's folds.
	card, err := vcard.NewDecoder(strings.NewReader(b.String())).Decode()
	if err != nil {
		return contacts.Contact{}, err
	}
	decode21(card)
	return contactFromCard(card).Clean(), nil
}
