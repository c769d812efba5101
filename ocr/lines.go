package ocr

import (
	"image"
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
// gap allowed. It also splits a line across a gap twice as wide as the
// taller print on either side of it, where that print is half as large
// again as the other (see sizeApart), unless kanji or kana stand on both
// sides of the gap: a large name and the small postcode of the column
// beside it ("山本雅人 〒403-7618"), a firm and a number.
func splitColumns(words []Word) []Line {
	var out []Line
	start := 0
	h := lineHeight(Line{Words: words})
	for k := 1; k <= len(words); k++ {
		if k < len(words) {
			gap := words[k].Box.Min.X - words[k-1].Box.Max.X
			if gap < 3*h && (bothCJK(words[k-1], words[k]) || !sizeApart(words[start:k], words[k:], gap)) {
				continue
			}
		}
		out = append(out, NewLine(words[start:k]))
		start = k
	}
	return out
}

// bothCJK says whether words a and b are both kanji or kana: the boxes
// Tesseract gives them are too rough to tell two sizes of print apart
// (a long vowel mark's box is as tall as the line, or flat), and a
// department is printed beside its job in another size.
func bothCJK(a, b Word) bool { return kanaOrKanji(a.Text) && kanaOrKanji(b.Text) }

// sizeApart says whether a gap of gap pixels between words a and the
// words b after them parts two sizes of print: the tallest word of one
// half as tall again as the tallest of the other, and the gap at least
// twice the larger. A space inside a line is narrower, even the
// ideographic space before a building's name in a Japanese address
// ("栄3-18-8 ヒカリタワー"). The tallest word, as the boxes of kana (ャ,
// ー) and of marks are far smaller than their line's letters.
func sizeApart(a, b []Word, gap int) bool {
	tallest := func(ws []Word) int {
		h := 0
		for _, w := range ws {
			h = max(h, w.Box.Dy())
		}
		return h
	}
	ha, hb := tallest(a), tallest(b)
	small, large := min(ha, hb), max(ha, hb)
	return small > 0 && gap >= 2*large && 2*large >= 3*small
}

// NewLine makes a line from its words, in reading order.
func NewLine(words []Word) Line {
	l := Line{Words: append([]Word(nil), words...)}
	var b strings.Builder
	var conf float64
	wide := nameGap(words)
	for i, w := range words {
		if i > 0 && (i == wide || !(endsCJK(words[i-1].Text) && startsCJK(w.Text))) {
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

// nameGap is the index of the word after the one gap between kanji or
// kana words of a line that stands out as a space, or -1. Japanese and
// Chinese put no spaces between words, so Tesseract's words of them join
// up again, but a name is often printed with its family name set apart
// from its given name ("山本　健太"): a gap of about half a letter or
// more, at least twice as wide as any other between such words. The boxes
// Tesseract gives kanji are too rough to tell more. On a line read down a
// column, the gaps and letters are measured down it.
func nameGap(words []Word) int { return widestGap(words, 9) }

// widestGap is nameGap with the gap, in twentieths of a letter's width,
// that makes a space.
func widestGap(words []Word, twentieths int) int {
	down := readDown(words)
	best, second, at := 0, 0, -1
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], words[i]
		if !endsCJK(a.Text) || !startsCJK(b.Text) {
			continue
		}
		gap := b.Box.Min.X - a.Box.Max.X
		if down {
			gap = b.Box.Min.Y - a.Box.Max.Y
		}
		switch {
		case gap > best:
			best, second, at = gap, best, i
		case gap > second:
			second = gap
		}
	}
	if at < 0 {
		return -1
	}
	a, b := words[at-1], words[at]
	letter := (a.Box.Dx() + b.Box.Dx()) / (utf8.RuneCountInString(a.Text) + utf8.RuneCountInString(b.Text))
	if down {
		letter = (a.Box.Dy() + b.Box.Dy()) / (utf8.RuneCountInString(a.Text) + utf8.RuneCountInString(b.Text))
	}
	if letter <= 0 || 20*best < twentieths*letter || best < 2*second {
		return -1
	}
	return at
}

// readDown says whether words were read down a column: each word from
// the second on starts below the one before it, across from it.
func readDown(words []Word) bool {
	if len(words) < 2 {
		return false
	}
	for i := 1; i < len(words); i++ {
		a, b := words[i-1].Box, words[i].Box
		if b.Min.Y < a.Max.Y-a.Dy()/4 || min(a.Max.X, b.Max.X) <= max(a.Min.X, b.Min.X) {
			return false
		}
	}
	return true
}

// cjkLetters counts the kanji, kana and hanzi in s.
func cjkLetters(s string) int {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			n++
		}
	}
	return n
}

// hasCJK says whether s holds a kanji, kana or hanzi.
func hasCJK(s string) bool { return strings.IndexFunc(s, isCJK) >= 0 }

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

// mergeLines combines readings of the same image (different page
// segmentation modes, or differently prepared copies of the image) into one.
// Lines that overlap across readings are grouped, and each group is taken
// from the reading that read it best: the most text read with confidence.
// A line only one reading found is kept as it is.
func mergeLines(passes ...[]Line) []Line {
	type item struct {
		pass int
		line Line
	}
	var items []item
	for p, lines := range passes {
		for _, l := range lines {
			items = append(items, item{p, l})
		}
	}
	// Union-find over lines of different passes that overlap.
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if items[i].pass != items[j].pass && overlaps(items[i].line.Box, items[j].line.Box) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int]map[int][]Line{} // root → pass → lines
	var roots []int
	for i, it := range items {
		r := find(i)
		if groups[r] == nil {
			groups[r] = map[int][]Line{}
			roots = append(roots, r)
		}
		groups[r][it.pass] = append(groups[r][it.pass], it.line)
	}
	var out []Line
	for _, r := range roots {
		best, bestScore := -1, -1.0
		for p := range passes {
			ls, ok := groups[r][p]
			if !ok {
				continue
			}
			s := 0.0
			for _, l := range ls {
				s += lineScore(l)
			}
			if s > bestScore {
				best, bestScore = p, s
			}
		}
		out = append(out, joinRow(groups[r][best])...)
	}
	sortLines(out)
	return out
}

// joinRow joins lines of one reading that another reading saw as one line:
// pieces of a row split at a wide word space, as sparse text reading does
// with letter-spaced names. Pieces further apart than splitColumns allows
// stay apart.
func joinRow(lines []Line) []Line {
	if len(lines) < 2 {
		return lines
	}
	ls := append([]Line(nil), lines...)
	sortLines(ls)
	out := []Line{ls[0]}
	for _, l := range ls[1:] {
		last := &out[len(out)-1]
		a, b := last.Box, l.Box
		ca, cb := (a.Min.Y+a.Max.Y)/2, (b.Min.Y+b.Max.Y)/2
		h := max(lineHeight(*last), lineHeight(l))
		if abs(ca-cb) < min(a.Dy(), b.Dy())/2 && b.Min.X > a.Min.X && b.Min.X-a.Max.X < 3*h && len(last.Words) > 0 && len(l.Words) > 0 {
			*last = NewLine(append(append([]Word(nil), last.Words...), l.Words...))
			continue
		}
		out = append(out, l)
	}
	return out
}

// overlaps says whether two line boxes cover mostly the same place: their
// intersection is at least half of the smaller one.
func overlaps(a, b image.Rectangle) bool {
	in := a.Intersect(b)
	if in.Empty() {
		return false
	}
	small := min(a.Dx()*a.Dy(), b.Dx()*b.Dy())
	return 2*in.Dx()*in.Dy() >= small
}

// lineScore is how much a reading of a line is worth: its characters,
// each counted by the square of its word's confidence, so that a long run
// of unsure garbage does not beat a short confident word.
func lineScore(l Line) float64 {
	if len(l.Words) == 0 {
		c := l.Conf / 100
		return float64(len([]rune(l.Text))) * c * c
	}
	s := 0.0
	for _, w := range l.Words {
		c := w.Conf / 100
		s += float64(len([]rune(w.Text))) * c * c
	}
	return s
}
