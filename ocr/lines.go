package ocr

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GroupLines makes the lines of a card from the words an engine read,
// given line by line as the engine found them: it splits a line where a
// wide gap shows two columns printed side by side, and puts the lines in
// reading order.
func GroupLines(words [][]Word) []Line {
	var lines []Line
	for _, ws := range words {
		lines = append(lines, splitColumns(ws)...)
	}
	sortLines(lines)
	return lines
}

// sortLines puts lines in reading order: by rows, and left to right in a row.
func sortLines(lines []Line) {
	sort.SliceStable(lines, func(a, b int) bool {
		la, lb := lines[a].Box, lines[b].Box
		// Same row when their vertical centres are within half a line.
		ca, cb := (la.Min.Y+la.Max.Y)/2, (lb.Min.Y+lb.Max.Y)/2
		if abs(ca-cb) < min(la.Dy(), lb.Dy())/2 {
			return la.Min.X < lb.Min.X
		}
		return ca < cb
	})
}

// splitColumns splits a line Tesseract read across a gap wider than three
// times the line's usual word height: two columns side by side, or a logo
// beside a name. The median height keeps a tall logo from stretching the
// gap allowed.
func splitColumns(words []Word) []Line {
	var out []Line
	start := 0
	h := lineHeight(Line{Words: words})
	for k := 1; k <= len(words); k++ {
		if k < len(words) {
			if words[k].Box.Min.X-words[k-1].Box.Max.X < 3*h {
				continue
			}
		}
		out = append(out, NewLine(words[start:k]))
		start = k
	}
	return out
}

// NewLine makes a line from its words, in reading order.
func NewLine(words []Word) Line {
	l := Line{Words: append([]Word(nil), words...)}
	var b strings.Builder
	var conf float64
	for i, w := range words {
		// Japanese and Chinese put no spaces between words: Tesseract's
		// words of them join up again.
		if i > 0 && !(endsCJK(words[i-1].Text) && startsCJK(w.Text)) {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		conf += w.Conf
		if i == 0 {
			l.Box = w.Box
		} else {
			l.Box = l.Box.Union(w.Box)
		}
	}
	l.Text = b.String()
	if len(words) > 0 {
		l.Conf = conf / float64(len(words))
	}
	return l
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' || r == '々' || r == '〒'
}

func startsCJK(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isCJK(r)
}

func endsCJK(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isCJK(r)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
