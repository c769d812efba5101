package ocr

import (
	"context"
	"image"
	"image/draw"
	"slices"
	"strings"
	"unicode"
)

// rereadKanji reads again, on a card printed in Japanese (printedCJK),
// in Japanese alone, each line of up read as
// kanji running into a few stray Latin letters ("島田 EH"): read in
// Japanese and English together, Tesseract takes a kanji word set apart
// by a wide gap, as a given name is set apart from the family name, for
// Latin letters it reads with little confidence. The reading in Japanese
// alone replaces the line when it reads it as kanji, with no such
// letters, at about the confidence of the first (the stray letters
// may have been read surely: "+="). So is, on a card printed in
// Japanese, a line of Latin letters read as a guess. It returns the
// lines and how many reads it made. It returns how many reads it made.
func rereadKanji(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	reads := 0
	if !printedCJK(lines) {
		return lines, 0, nil
	}
	var drop []int
	for i, l := range lines {
		// On a card printed in Japanese, a line read as a guess may be
		// kanji read wholly as Latin letters ("=] 3B THEA").
		guess := l.Conf < guessConf+10 && len(digitsOf(l.Text)) < 5 && !addressRe.MatchString(l.Text)
		if !strayLatin(l) && !guess {
			continue
		}
		box := l.Box.Inset(-l.Box.Dy() / 3).Intersect(up.Bounds())
		if box.Empty() {
			continue
		}
		crop := image.NewGray(image.Rect(0, 0, box.Dx(), box.Dy()))
		draw.Draw(crop, crop.Bounds(), up, box.Min, draw.Src)
		got, err := eng.Recognize(ctx, crop, Pass{Mode: ModeLine, Script: "Japanese", Langs: []string{"jpn"}, Only: true})
		if err != nil {
			return nil, reads, err
		}
		reads++
		var words []Word
		for _, g := range got {
			for _, w := range g.Words {
				w.Box = w.Box.Add(box.Min)
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			continue
		}
		again := NewLine(words)
		if strings.IndexFunc(again.Text, isCJK) < 0 || strayLatin(again) || again.Conf+strayConf/4 < l.Conf {
			continue
		}
		lines[i] = again
		// Tesseract may read the top of large kanji as a line of marks
		// of its own ("= +5"): it goes with them.
		for j, o := range lines {
			in := o.Box.Intersect(again.Box)
			if j != i && letters(o.Text) < 3 && strings.IndexFunc(o.Text, isCJK) < 0 && 2*in.Dx()*in.Dy() > o.Box.Dx()*o.Box.Dy() {
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

// strayLatin says whether l holds kanji or kana and, beside them, a word
// of at most three Latin letters or marks and no digit, read unsurely or
// on a line with no number: "EH" or "+=" for 匡輔. Labels such as "TEL"
// are read surely, before a number.
func strayLatin(l Line) bool {
	if strings.IndexFunc(l.Text, isCJK) < 0 {
		return false
	}
	digits := strings.IndexFunc(l.Text, unicode.IsDigit) >= 0
	for _, w := range l.Words {
		n := len([]rune(w.Text))
		if n > 3 || strings.IndexFunc(w.Text, isCJK) >= 0 || strings.IndexFunc(w.Text, unicode.IsDigit) >= 0 {
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
