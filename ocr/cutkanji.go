package ocr

import (
	"context"
	"image"
	"strings"
	"unicode/utf8"
)

// rereadCutKanji reads again, on a card printed in Japanese or Chinese,
// each line across it that starts with kanji or kana and whose row shows
// print just past its last word (see inkPast): Tesseract left its last
// letters off ("株式会社東邦電" for 株式会社東邦電機, "加藤" for 加藤 亮, "小林
// FS" for 小林 奈緒). The line is read alone in Japanese, a letter and a
// half further right, and the letters of kanji or kana that reading
// gives after the line's own last two (see cutTail) are added to the
// line's first run of them, in the place of what was read after it. It
// returns the lines and how many reads it made.
func rereadCutKanji(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	if !printedCJK(lines) {
		return lines, 0, nil
	}
	g := asGray(up)
	reads := 0
	for i, l := range lines {
		keep := leadingCJK(l.Words)
		if keep == 0 || downLine(l) || cjkLetters(wordsText(l.Words[:keep])) < 2 {
			continue
		}
		x, ok := inkPast(g, l, lines)
		if !ok {
			continue
		}
		h := l.Box.Dy()
		box := image.Rect(l.Box.Min.X, l.Box.Min.Y, x+3*h/2, l.Box.Max.Y).Inset(-h / 3)
		got, ok, err := readBoxIn(ctx, eng, up, box, Pass{Mode: ModeLine, Script: "Japanese", Langs: []string{"jpn"}, Only: true})
		if err != nil {
			return nil, reads, err
		}
		if !ok {
			continue
		}
		reads++
		var words []Word
		for _, a := range got {
			words = append(words, a.Words...)
		}
		again := NewLine(words)
		tail, ok := cutTail(wordsText(l.Words[:keep]), again.Text)
		if !ok {
			continue
		}
		ws := append(l.Words[:keep:keep], Word{Text: tail, Box: image.Rect(x, l.Box.Min.Y, max(x+1, again.Box.Max.X), l.Box.Max.Y), Conf: again.Conf})
		lines[i] = NewLine(ws)
	}
	return lines, reads, nil
}

// leadingCJK is how many of words, from the first, are kanji or kana
// alone.
func leadingCJK(words []Word) int {
	for i, w := range words {
		if !kanaOrKanji(w.Text) {
			return i
		}
	}
	return len(words)
}

// wordsText is the text of words, joined without spaces.
func wordsText(words []Word) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w.Text)
	}
	return b.String()
}

// cutTail gives the letters that again, a line read again further right,
// reads after the last two letters of read, the line's kanji or kana as
// first read, its words joined (see wordsText): one to three letters of
// kanji or kana, with what again reads before them (spaces aside) the
// end of read; its first letters may be lost ("式会社大和電機" for
// "株式会社大和電").
func cutTail(read, again string) (string, bool) {
	r := []rune(read)
	a := strings.NewReplacer(" ", "", "　", "").Replace(again)
	if len(r) < 2 {
		return "", false
	}
	last := string(r[len(r)-2:])
	k := strings.LastIndex(a, last)
	if k < 0 {
		return "", false
	}
	head, tail := a[:k+len(last)], a[k+len(last):]
	if n := utf8.RuneCountInString(tail); n < 1 || n > 3 || !kanaOrKanji(tail) || !strings.HasSuffix(read, head) {
		return "", false
	}
	return tail, true
}

// inkPast says whether the ink image g shows print just past the last
// word of line l, on its row and in no other line's word, and gives where
// it starts: in at least a third of the columns of a letter's width
// there, and a twentieth of its pixels.
func inkPast(g *image.Gray, l Line, lines []Line) (int, bool) {
	if len(l.Words) == 0 {
		return 0, false
	}
	last := l.Words[len(l.Words)-1].Box
	h := l.Box.Dy()
	r := image.Rect(last.Max.X+h/10, l.Box.Min.Y+h/5, last.Max.X+h, l.Box.Max.Y-h/5).Intersect(g.Rect)
	if r.Dx() < h/2 {
		return 0, false
	}
	dark, cols, first := 0, 0, -1
	for x := r.Min.X; x < r.Max.X; x++ {
		inCol := false
		for y := r.Min.Y; y < r.Max.Y; y++ {
			if g.GrayAt(x, y).Y >= 128 || inOtherLine(image.Pt(x, y), l, lines) {
				continue
			}
			dark++
			inCol = true
		}
		if inCol {
			cols++
			if first < 0 {
				first = x
			}
		}
	}
	return first, cols*3 >= r.Dx() && dark*20 >= r.Dx()*r.Dy()
}

// inOtherLine says whether p lies in a word of a line of lines other
// than l.
func inOtherLine(p image.Point, l Line, lines []Line) bool {
	for _, o := range lines {
		if o.Box == l.Box {
			continue
		}
		for _, w := range o.Words {
			if p.In(w.Box) {
				return true
			}
		}
	}
	return false
}
