package ocr

import (
	"context"
	"image"
	"image/draw"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rereadKanji reads again, in Japanese alone, on a card printed in
// Japanese (printedCJK), each line read as kanji running into a few stray
// Latin letters ("山本 EH"), and each line read as a guess: read in
// Japanese and English together, Tesseract takes a kanji word set apart
// by a wide gap, as a given name is set apart from the family name, for
// Latin letters it reads with little confidence, or reads a large line of
// kanji wholly as Latin letters. The reading in Japanese alone replaces
// the line when it reads it as kanji, with no such letters, at about the
// confidence of the first (the stray letters may have been read surely:
// "+="). It returns the lines and how many reads it made.
func rereadKanji(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	reads := 0
	if !printedCJK(lines) {
		return lines, 0, nil
	}
	var drop []int
	for i, l := range lines {
		// On a card printed in Japanese, a line read as a guess may be
		// kanji read wholly as Latin letters ("=] 3B THEA").
		guess := l.Conf < guessConf && len(digitsOf(l.Text)) < 5 && !addressRe.MatchString(l.Text)
		if !strayLatin(l) && !guess {
			continue
		}
		again, ok, err := readLineIn(ctx, eng, up, l, "jpn")
		if err != nil {
			return nil, reads, err
		}
		if !ok {
			continue
		}
		reads++
		if len(again.Words) == 0 {
			continue
		}
		if !hasCJK(again.Text) || strayLatin(again) || again.Conf+strayConf/4 < l.Conf {
			continue
		}
		lines[i] = again
		// Tesseract may read the top of large kanji as a line of marks
		// of its own ("= +5"): it goes with them.
		for j, o := range lines {
			in := o.Box.Intersect(again.Box)
			if j != i && letters(o.Text) < 3 && !hasCJK(o.Text) && 2*in.Dx()*in.Dy() > o.Box.Dx()*o.Box.Dy() {
				drop = append(drop, j)
			}
		}
	}
	if len(drop) == 0 {
		return lines, reads, nil
	}
	var out []Line
	for j, l := range lines {
		if !slices.Contains(drop, j) {
			out = append(out, l)
		}
	}
	return out, reads, nil
}

// readLineIn reads line l of up again, on its own, in lang alone (with a
// margin of a third of its height), and gives the reading in up's
// coordinates; ok is false when the line lies outside up.
func readLineIn(ctx context.Context, eng Engine, up image.Image, l Line, lang string) (again Line, ok bool, err error) {
	got, ok, err := readBoxIn(ctx, eng, up, l.Box.Inset(-l.Box.Dy()/3), Pass{Mode: ModeLine, Script: scriptOf[lang], Langs: []string{lang}, Only: true})
	if !ok || err != nil {
		return Line{}, ok, err
	}
	var words []Word
	for _, g := range got {
		words = append(words, g.Words...)
	}
	return NewLine(words), true, nil
}

// zerosOf gives line l, read in Japanese or Chinese, with each number
// that again, its reading in English, sure of it or not, reads with a 0
// where l reads a 9, every other digit and dash alike: the one digit
// the Japanese model misreads ("梅田3-10-19" read "3-19-19"). Read beside
// the kanji, the English model reads the number unsurely ("H3-10-19"),
// or reads kanji as digits around it, and sureNumbersOf can take none of
// it; a 0 it reads where the Japanese model saw a 9 is still the better
// reading. A number English reads in two ways is left.
func zerosOf(l, again Line) Line {
	var eng []string
	for _, w := range again.Words {
		eng = append(eng, numberRe.FindAllString(w.Text, -1)...)
	}
	out := l
	out.Words = slices.Clone(l.Words)
	changed := false
	for j, w := range out.Words {
		out.Words[j].Text = numberRe.ReplaceAllStringFunc(w.Text, func(n string) string {
			var found []string
			for _, e := range eng {
				if nineForZero(n, e) && !slices.Contains(found, e) {
					found = append(found, e)
				}
			}
			if len(found) != 1 {
				return n
			}
			changed = true
			return found[0]
		})
	}
	if !changed {
		return l
	}
	return NewLine(out.Words)
}

// nineForZero says whether number e is n with one or more of its 9s
// read as 0s, and nothing else read otherwise. A number of one or two
// digits ("9F", a floor) is too short to tell by.
func nineForZero(n, e string) bool {
	if len(n) < 3 || len(n) != len(e) || n == e {
		return false
	}
	for i := range len(n) {
		if n[i] != e[i] && (n[i] != '9' || e[i] != '0') {
			return false
		}
	}
	return true
}

// readBoxIn reads box of up on its own with p, and gives the lines read
// in up's coordinates; ok is false when box lies outside up. Only the
// box's pixels are copied, whatever kind of image up is
// (readUnsureDetails, reading several parts, turns the whole card gray
// once instead).
func readBoxIn(ctx context.Context, eng Engine, up image.Image, box image.Rectangle, p Pass) (lines []Line, ok bool, err error) {
	return readBoxInAt(ctx, eng, up, box, 1, p)
}

// readBoxInAt is readBoxIn with the box scaled by f before it is read.
func readBoxInAt(ctx context.Context, eng Engine, up image.Image, box image.Rectangle, f float64, p Pass) (lines []Line, ok bool, err error) {
	box = box.Intersect(up.Bounds())
	if box.Empty() {
		return nil, false, nil
	}
	crop := image.NewGray(image.Rect(0, 0, box.Dx(), box.Dy()))
	draw.Draw(crop, crop.Bounds(), up, box.Min, draw.Src)
	lines, err = recognizeAt(ctx, eng, crop, f, p, box.Min)
	if err != nil {
		return nil, false, err
	}
	return lines, true, nil
}

// recognizeAt reads g brought to f times its size, and gives its lines
// at g's size, moved to where g's corner, at, lies on the card.
func recognizeAt(ctx context.Context, eng Engine, g *image.Gray, f float64, p Pass, at image.Point) ([]Line, error) {
	got, err := eng.Recognize(ctx, scaleGray(g, f), p)
	if err != nil {
		return nil, err
	}
	got = scaleLines(got, f)
	for i, l := range got {
		got[i] = moveLine(l, at)
	}
	return got, nil
}

// guessedInScript says whether a card whose country calls for a
// language in a script of its own, langs (see scriptGuesses), and that
// was read as guesses, is printed in it: its tallest guesses, up to
// three, read on their own in that language, one reads as a line of its
// script read surely. An English card from Japan whose logo was guessed
// at costs three short reads, not a whole one. Each guess is read as a
// block, not as one line: a guess the sparse read merged in may span the
// lines of a title and a name, and read as one line such a box gave
// nothing. It returns how many reads it made.
func guessedInScript(ctx context.Context, eng Engine, up image.Image, guesses []Line, lang string) (bool, int, error) {
	// A column of a card printed down its height is not read: across,
	// it reads as nothing, at the cost of a read of the card's height
	// (tallJapanese and printedDown see to such cards).
	guesses = slices.DeleteFunc(slices.Clone(guesses), func(g Line) bool { return g.Box.Dy() > g.Box.Dx() })
	slices.SortStableFunc(guesses, func(a, b Line) int { return b.Box.Dy() - a.Box.Dy() })
	reads := 0
	for _, g := range guesses[:min(3, len(guesses))] {
		box := g.Box.Inset(-g.Box.Dy() / 3)
		got, ok, err := readBoxIn(ctx, eng, up, box, Pass{Mode: ModeAuto, Script: scriptOf[lang], Langs: []string{lang}, Only: true})
		if err != nil {
			return false, reads, err
		}
		if !ok {
			continue
		}
		reads++
		if slices.ContainsFunc(got, func(l Line) bool { return cjkLetters(l.Text) >= 2 && l.Conf >= cjkConf }) {
			return true, reads, nil
		}
	}
	return false, reads, nil
}

// readPlainLines reads again in English alone, each on its own, the
// lines of a card read in Japanese or Chinese that hold a number, an
// email or a website in plain letters, and keeps the English reading of
// each that reads in plain letters too, surely: the Japanese model reads
// a 0 as a 9 that the English one reads right. A line each costs far
// less than reading the card again. It returns the lines and how many
// reads it made.
func readPlainLines(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	out := slices.Clone(lines)
	reads := 0
	for i, l := range lines {
		mixed := mixedLine(l)
		if !mixed && !plainNumbers(l.Text) {
			continue
		}
		again, ok, err := readLineIn(ctx, eng, up, l, "eng")
		if err != nil {
			return nil, reads, err
		}
		if !ok {
			continue
		}
		reads++
		switch {
		case mixed:
			out[i] = sureNumbersOf(l, again)
		case len(again.Words) > 0 && surePlain(again):
			out[i] = again
		}
	}
	return out, reads, nil
}

// mixedLine says whether l holds kanji or kana and a number of three
// digits or more: "携帯 090-1234-5678", "〒100-0005 東京都".
func mixedLine(l Line) bool {
	return hasCJK(l.Text) && len(digitsOf(l.Text)) >= 3
}

// numberRe is a run of digits, with the dashes between groups: a
// postcode "100-0005", a block number "1-2-3", a floor "17".
var numberRe = regexp.MustCompile(`\d+(?:-\d+)*`)

// sureNumbersOf gives line l, read in Japanese or Chinese, with its
// numbers as again, its reading in English, reads them: a postcode or a
// block number inside a line of kanji, where the Japanese model read a 0
// as a 9, or read a digit in ("0990-…"). Only when the numbers again
// reads in words read surely are as many as l's, in the same order, each
// in as many groups and at most a digit longer or shorter; else only
// the 0s it reads where l reads 9s are taken (see zerosOf). A number in
// a word read unsurely is no evidence: the label 携帯 read in English as
// "#5" holds none.
func sureNumbersOf(l, again Line) Line {
	var sure []string
	for _, w := range again.Words {
		if w.Conf >= plainConf {
			sure = append(sure, numberRe.FindAllString(w.Text, -1)...)
		}
	}
	var have []string
	for _, w := range l.Words {
		have = append(have, numberRe.FindAllString(w.Text, -1)...)
	}
	if len(have) == 0 || len(have) != len(sure) {
		return zerosOf(l, again)
	}
	for k := range have {
		if d := len(have[k]) - len(sure[k]); d < -1 || d > 1 || strings.Count(have[k], "-") != strings.Count(sure[k], "-") {
			return zerosOf(l, again)
		}
	}
	out := l
	out.Words = slices.Clone(l.Words)
	k := 0
	for j, w := range out.Words {
		out.Words[j].Text = numberRe.ReplaceAllStringFunc(w.Text, func(string) string {
			k++
			return sure[k-1]
		})
	}
	return NewLine(out.Words)
}

// strayLatin says whether l holds kanji or kana and, beside them, a word
// of at most three Latin letters or marks and no digit, read unsurely or
// on a line with no number: "EH" or "+=" for 健太. Labels such as "TEL"
// are read surely, before a number.
func strayLatin(l Line) bool {
	if !hasCJK(l.Text) {
		return false
	}
	digits := strings.IndexFunc(l.Text, unicode.IsDigit) >= 0
	for _, w := range l.Words {
		n := len([]rune(w.Text))
		if n > 3 || hasCJK(w.Text) || strings.IndexFunc(w.Text, unicode.IsDigit) >= 0 {
			continue
		}
		// Unsure letters, marks alone ("+="), or letters on a line with
		// no number for a label to name ("高橋 EA").
		if w.Conf < strayConf || strings.IndexFunc(w.Text, unicode.IsLetter) < 0 || !digits {
			return true
		}
	}
	return false
}

// strayConf is the confidence under which a short Latin word beside
// kanji is taken for kanji misread.
const strayConf = 60

// A name in large kanji is often read as marks and Latin letters split
// over several lines ("SH 一", "HH", "/ ロ ーー" for 井上 浩二), none of
// which rereadKanji can mend alone: read on its own, each is a piece of
// the name. Read together, set on white paper and brought down to
// kanjiRowHeight, the rows of three invented cards each read as the name
// (one with ニ for 二: see kanjiLookalikes).
const (
	// kanjiRowHeight is the height, in pixels, a row is read again at:
	// at 24 and 32 pixels the three rows read right; at their own size
	// (60 to 90) less surely, and at 64 one of them read wrong.
	kanjiRowHeight = 32
	// kanjiRows is how many rows a card reads again at most.
	kanjiRows = 2
)

// rereadKanjiRows reads again, on a card printed in Japanese or Chinese
// (printedCJK), the rows of large print read as no sure kanji or kana:
// lines read across the card, at least as tall as its common line, with
// no number, email or website, that are not read surely in its script
// (sureCJK). The lines of a row, side by side, are read as one line in
// Japanese, and the reading replaces them when it reads surely as kanji
// or kana, with no stray Latin letters. It returns the lines and how
// many reads it made.
func rereadKanjiRows(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	if !printedCJK(lines) {
		return lines, 0, nil
	}
	rows := kanjiRowsOf(lines)
	if len(rows) == 0 {
		return lines, 0, nil
	}
	g := asGray(up)
	reads := 0
	// read reads box as a row, and gives the reading when it is kept.
	read := func(box image.Rectangle) (Line, bool, error) {
		box = box.Intersect(g.Rect)
		f := min(1, float64(kanjiRowHeight)/float64(box.Dy()))
		got, err := readPaddedAt(ctx, eng, g, box, f, Pass{Mode: ModeLine, Script: "Japanese", Langs: []string{"jpn"}, Only: true, DarkOnLight: true})
		if err != nil {
			return Line{}, false, err
		}
		reads++
		var words []Word
		for _, l := range got {
			words = append(words, l.Words...)
		}
		again := NewLine(words)
		n := cjkLetters(again.Text)
		return again, n >= 2 && 3*n >= 2*utf8.RuneCountInString(strings.ReplaceAll(again.Text, " ", "")) && sureCJK(again), nil
	}
	gone := map[int]bool{}
	var found []Line
	for _, r := range rows {
		// The row with the lines beside its large one, then, when that
		// reads no kanji, the large line alone: a small line above it
		// (a title) may have been taken in.
		tries := []kanjiRow{r}
		if len(r.lines) > 1 {
			tries = append(tries, kanjiRow{box: lines[r.lines[0]].Box, lines: r.lines[:1]})
		}
		for _, t := range tries {
			again, ok, err := read(t.box)
			if err != nil {
				return nil, reads, err
			}
			if ok {
				for _, i := range t.lines {
					gone[i] = true
				}
				found = append(found, again)
				break
			}
		}
	}
	if len(found) == 0 {
		return lines, reads, nil
	}
	var out []Line
	for i, l := range lines {
		if !gone[i] {
			out = append(out, l)
		}
	}
	out = append(out, found...)
	sortLines(out)
	return out, reads, nil
}

// sureCJK says whether l was read surely as kanji, kana or hanzi: with
// cjkConf or more, and no stray Latin letters (strayLatin).
func sureCJK(l Line) bool {
	return hasCJK(l.Text) && l.Conf >= cjkConf && !strayLatin(l)
}

// A kanjiRow is a row of lines read across a card, side by side, that
// rereadKanjiRows reads again as one.
type kanjiRow struct {
	box   image.Rectangle
	lines []int
}

// kanjiRowsOf finds the rows rereadKanjiRows reads again (see there),
// largest first, at most kanjiRows of them.
func kanjiRowsOf(lines []Line) []kanjiRow {
	var hs []int
	for _, l := range lines {
		hs = append(hs, l.Box.Dy())
	}
	slices.Sort(hs)
	common := hs[len(hs)/2]
	// A row is a large line read unsurely, with the lines beside it,
	// whatever their size: the pieces of large kanji ("一" for 二).
	unsure := func(l Line) bool {
		return !sureCJK(l) && !downLine(l) && len(digitsOf(l.Text)) < 3 && !addressRe.MatchString(l.Text) &&
			!(surePlain(l) && letters(l.Text) >= 4)
	}
	var rows []kanjiRow
	for i, l := range lines {
		if unsure(l) && l.Box.Dy() >= common {
			rows = append(rows, kanjiRow{box: l.Box, lines: []int{i}})
		}
	}
	for k := range rows {
		for i, l := range lines {
			r := &rows[k]
			if slices.Contains(r.lines, i) || !unsure(l) {
				continue
			}
			over := min(r.box.Max.Y, l.Box.Max.Y) - max(r.box.Min.Y, l.Box.Min.Y)
			gap := max(r.box.Min.X, l.Box.Min.X) - min(r.box.Max.X, l.Box.Max.X)
			if 2*over >= min(r.box.Dy(), l.Box.Dy()) && gap <= 2*r.box.Dy() {
				r.box = r.box.Union(l.Box)
				r.lines = append(r.lines, i)
			}
		}
	}
	// Rows that share a line are one.
	for k := 0; k < len(rows); k++ {
		for j := k + 1; j < len(rows); j++ {
			if slices.ContainsFunc(rows[j].lines, func(i int) bool { return slices.Contains(rows[k].lines, i) }) {
				rows[k].box = rows[k].box.Union(rows[j].box)
				for _, i := range rows[j].lines {
					if !slices.Contains(rows[k].lines, i) {
						rows[k].lines = append(rows[k].lines, i)
					}
				}
				rows = slices.Delete(rows, j, j+1)
				j = k
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b kanjiRow) int { return b.box.Dy() - a.box.Dy() })
	return rows[:min(len(rows), kanjiRows)]
}
