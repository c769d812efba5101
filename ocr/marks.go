package ocr

import (
	"context"
	"image"
	"slices"
	"strings"
	"unicode"
)

// latinScript is Tesseract's model of every language written in Latin
// letters (Debian's tesseract-ocr-script-latn): it knows č, ş, ł, ő and
// the rest, which the English model reads as plain letters.
const latinScript = "Latin"

// markedLines reads the line holding the card's name again with the
// model of the whole Latin script: a card seldom says its holder's
// language but by the marks on the name, which the English reading drops
// ("Dvorak" for "Dvořák", "Oztiirk" for "Öztürk"). The reading is kept
// only where it differs from the first by letters with marks alone (see
// withMarks), so a misread cannot change the name otherwise. The line is
// read as one line: read as a page, it kept as many marks on the invented
// cards, but not the same ones. On a card that calls for a language
// written in Latin letters with marks (see CardLanguages), or whose name,
// read so, holds a letter only one language writes (see markLanguage),
// the lines of its job and its firm are read so too: read with the whole
// card, even in the card's language, "Carpintería" and "Óptica" lost
// their marks, which their lines read alone keep; so are the lines of its
// address, whose street and town are named in the card's language. It
// returns lines, and how many reads it made.
func markedLines(ctx context.Context, eng Engine, up image.Image, lines []Line, called []string) ([]Line, int, error) {
	fields := Classify(lines, up.Bounds().Size())
	// fieldLine is the line a field of kind was read from, or -1.
	fieldLine := func(kind FieldKind) int {
		i := slices.IndexFunc(fields, func(f Field) bool {
			return f.Kind == kind && !f.Suggested && strings.ContainsFunc(f.Value, unicode.IsLetter)
		})
		if i < 0 {
			return -1
		}
		return lineOver(lines, fields[i].Box)
	}
	out, reads, cloned := lines, 0, false
	var at []int
	name := fieldLine(FieldName)
	if name >= 0 {
		at = append(at, name)
		marked, read, err := markedLine(ctx, eng, up, lines[name], called, true)
		reads += read
		if err != nil {
			return lines, reads, err
		}
		if marked != nil {
			out, cloned = slices.Clone(lines), true
			out[name] = *marked
			// A card that gave no country may give its language by its
			// holder's name: "Yılmaz" calls for Turkish, "Conceição" for
			// Portuguese, and the firm's line ("Matbaacılık", "Óptica")
			// is then read for its marks too.
			if lang := markLanguage(marked.Text); lang != "" && !latinCalled(called) {
				called = append(slices.Clone(called), lang)
			}
		}
	}
	if !latinCalled(called) {
		return out, reads, nil
	}
	for _, kind := range []FieldKind{FieldTitle, FieldCompany} {
		if k := fieldLine(kind); k >= 0 && !slices.Contains(at, k) {
			at = append(at, k)
		}
	}
	// Each line of the address too, which names its street and town in
	// the card's language: "ul. Piękna 45", "41-469 Kraków" came without
	// their marks from a card that called for Polish.
	if i := slices.IndexFunc(fields, func(f Field) bool { return f.Kind == FieldAddress && !f.Suggested }); i >= 0 {
		for k, l := range lines {
			if inBox(l.Box, fields[i].Box) && strings.ContainsFunc(l.Text, unicode.IsLetter) && !slices.Contains(at, k) {
				at = append(at, k)
			}
		}
	}
	for _, k := range at {
		if k == name {
			continue
		}
		marked, read, err := markedLine(ctx, eng, up, lines[k], called, false)
		reads += read
		if err != nil {
			return lines, reads, err
		}
		if marked != nil {
			if !cloned {
				out, cloned = slices.Clone(lines), true
			}
			out[k] = *marked
		}
	}
	return out, reads, nil
}

// latinCalled says whether called holds a language written in Latin
// letters.
func latinCalled(called []string) bool {
	return slices.ContainsFunc(called, func(l string) bool { return scriptOf[l] == "" })
}

// markedHeight is the height, in pixels, a name's line a third taller
// or more whose reading gained no mark is read again brought down to:
// read as one line at its own height, a name 84 pixels tall lost its ł
// ("Przemystaw"), which it kept read at 32 and at 48. Names up to 64
// pixels tall are not read again: on the invented cards, that was half
// the reads for all but one of the names gained.
const markedHeight = 48

// markedLine reads line l again, alone, in the Latin script, and gives
// it with the marks that reading adds (see withMarks), or nil when it
// adds none. When l is the name's line (name), a third taller than
// markedHeight or more, and gained none, it is read again brought down
// to that height; the marks that reading adds are kept only when the
// model of a language that writes them reads them too: brought down so,
// the Latin model also read marks that are not there ("Okonkwọ",
// "Chargėe"). That language is the one that alone writes a letter read
// (see markLanguage), or else the first the card calls for (called, see
// CardLanguages). Read so, a job's or a firm's line gained no field on
// the invented cards, for a fifth more reads. It returns how many reads
// it made.
func markedLine(ctx context.Context, eng Engine, up image.Image, l Line, called []string, name bool) (*Line, int, error) {
	got, _, reads, err := markedLineAt(ctx, eng, up, l, 1)
	if err != nil || got != nil || !name || 3*l.Box.Dy() <= 4*markedHeight {
		return got, reads, err
	}
	f := markedHeight / float64(l.Box.Dy())
	small, own, n, err := markedLineAt(ctx, eng, up, l, f)
	reads += n
	if err != nil || small == nil {
		return nil, reads, err
	}
	lang := markLanguage(small.Text)
	if i := slices.IndexFunc(called, func(l string) bool { return scriptOf[l] == "" }); lang == "" && i >= 0 {
		lang = called[i]
	}
	if lang == "" {
		return nil, reads, nil
	}
	// The line at this size, in this language, may have been read already.
	words := own.words
	if own.lang != lang {
		again, _, err := readBoxInAt(ctx, eng, up, aloneBox(l.Box), f, Pass{Mode: ModeLine, Langs: []string{lang}, Only: true})
		reads++
		if err != nil {
			return nil, reads, err
		}
		words = wordsOn(again, l.Box)
	}
	if len(words) == 0 {
		return nil, reads, nil
	}
	same, ok := withMarks(l, NewLine(words))
	if !ok || same.Text != small.Text {
		return nil, reads, nil
	}
	// The language's reading, as surely as its model read the marks:
	// brought down, the Latin model read "Przemysław" at 46.
	return &same, reads, nil
}

// A languageReading is the words of a line read in one language alone,
// which writes a letter the Latin model read on it (see markLanguage).
type languageReading struct {
	lang  string // "" for none made
	words []Word
}

// markedLineAt is markedLine for a reading of l at f times its size,
// with no second one. It also gives the reading in the language that
// alone writes a letter read, when it made one.
func markedLineAt(ctx context.Context, eng Engine, up image.Image, l Line, f float64) (*Line, languageReading, int, error) {
	var own languageReading
	b := l.Box
	got, ok, err := readBoxInAt(ctx, eng, up, aloneBox(b), f, Pass{Mode: ModeLine, Script: "Latin", Langs: []string{latinScript}, Only: true})
	if err != nil {
		return nil, own, 1, err
	}
	if !ok {
		return nil, own, 0, nil // the line lies outside the card
	}
	words := wordsOn(got, b)
	if len(words) == 0 {
		return nil, own, 1, nil
	}
	second := NewLine(words)
	marked, ok := withMarks(l, second)
	if !ok {
		marked = l
	}
	reads := 1
	// A letter only one language writes, read by the Latin model even in
	// a word it misread otherwise ("ÇAĞGLA" for ÇAĞLA), calls for a read
	// in that language, whose model knows its letters in capitals too.
	if lang := markLanguage(second.Text); lang != "" {
		got, _, err := readBoxInAt(ctx, eng, up, aloneBox(b), f, Pass{Mode: ModeLine, Langs: []string{lang}, Only: true})
		reads++
		if err != nil {
			return nil, own, reads, err
		}
		own = languageReading{lang: lang, words: wordsOn(got, b)}
		if len(own.words) > 0 {
			if more, added := plainWordsMarked(marked, NewLine(own.words)); added {
				marked, ok = more, true
			}
		}
	}
	if !ok {
		return nil, own, reads, nil
	}
	return &marked, own, reads, nil
}

// plainWordsMarked is withMarks for the words of line that bear no mark
// yet: a language's model reads its own letters surely but another's
// less ("Procházka" read "Prochâzka" in Turkish), so a mark read before
// stays as it was. ok is false when no word gained a mark.
func plainWordsMarked(line, second Line) (Line, bool) {
	got, ok := withMarks(line, second)
	if !ok || len(got.Words) != len(line.Words) {
		if ok && !strings.ContainsFunc(line.Text, marked) {
			return got, true
		}
		return line, false
	}
	words, changed := slices.Clone(line.Words), false
	for i, w := range line.Words {
		if got.Words[i].Text != w.Text && (!strings.ContainsFunc(w.Text, marked) || onlyAddsMarks(w.Text, got.Words[i].Text)) {
			words[i], changed = got.Words[i], true
		}
	}
	if !changed {
		return line, false
	}
	return NewLine(words), true
}

// onlyAddsMarks says whether word b is word a with marks on letters a
// left plain, and every mark of a kept as it was: the Czech model read
// "Šťastný" where the Latin one read "Sťastný".
func onlyAddsMarks(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	added := false
	for i, r := range ra {
		switch {
		case r == rb[i]:
		case marked(r) || !marked(rb[i]) || foldMarks(string(unicode.ToLower(r))) != foldMarks(string(unicode.ToLower(rb[i]))):
			return false
		default:
			added = true
		}
	}
	return added
}

// aloneBox is the box a line of box is read alone in: a margin of half
// its height around it, 4 pixels at least, so that its letters' tops and
// tails and the ends of its first and last words are read whole.
func aloneBox(box image.Rectangle) image.Rectangle {
	return box.Inset(-max(4, box.Dy()/2))
}

// wordsOn are the words of got read on box, left to right, as one line.
func wordsOn(got []Line, box image.Rectangle) []Word {
	var words []Word
	for _, g := range got {
		if g.Box.Overlaps(box) {
			words = append(words, g.Words...)
		}
	}
	slices.SortStableFunc(words, func(a, b Word) int { return a.Box.Min.X - b.Box.Min.X })
	return words
}

// markLanguage is the language that alone writes a letter of text (ş and
// ğ Turkish, ł Polish, ř Czech), or "".
func markLanguage(text string) string {
	for _, ml := range markLanguages {
		if strings.ContainsAny(text, ml.letters) {
			return ml.lang
		}
	}
	return ""
}

// lineOver is the line of lines most of box lies on, or -1 for none.
func lineOver(lines []Line, box image.Rectangle) int {
	at := -1
	for i, l := range lines {
		if l.Box.Overlaps(box) && (at < 0 || overlap(l.Box, box) > overlap(lines[at].Box, box)) {
			at = i
		}
	}
	return at
}

// withMarks returns plain with the marks second reads on its letters:
// word by word when both read as many words, or once the pieces of a word
// second read apart are joined (see rejoined), each word of second taken,
// with its confidence, where it differs from plain's by marks alone (see
// marksOnly), else the whole of second when the lines differ so. A word
// with a letter only one language writes was read in that language, and
// keeps its marks, gaining only marks on its plain letters (see
// onlyAddsMarks): read again with the whole Latin script, "Hải" came
// back "Hái". ok is false when no mark was added.
func withMarks(plain, second Line) (Line, bool) {
	second = cedillaS(second)
	if len(plain.Words) > 0 && len(plain.Words) != len(second.Words) {
		if joined, ok := rejoined(plain, second); ok {
			second = joined
		}
	}
	if len(plain.Words) > 0 && len(plain.Words) == len(second.Words) {
		words, changed := slices.Clone(plain.Words), false
		for i, w := range words {
			// A word with a letter only one language writes keeps its
			// marks, but may gain one on a plain letter: "Inşaat",
			// read in Turkish, is İnşaat.
			if (!ownLetters(w.Text) || onlyAddsMarks(w.Text, second.Words[i].Text)) && marksOnly(w.Text, second.Words[i].Text) {
				// The word as the second reading read it, and as surely:
				// the English model was unsure of the letters it lacks.
				// Its case is the first reading's: the Latin model read
				// "Şahin" as "şahin" and "WÓJCIK" as "wóJCIK".
				words[i].Text, words[i].Conf, changed = caseLike(second.Words[i].Text, w.Text), second.Words[i].Conf, true
			}
		}
		if !changed {
			return plain, false
		}
		return NewLine(words), true
	}
	if ownLetters(plain.Text) || !marksOnly(plain.Text, second.Text) {
		return plain, false
	}
	second.Conf = max(second.Conf, plain.Conf)
	if upperOnly(plain.Text) {
		// Its words too: a line rebuilt from them keeps their case.
		second.Text = strings.ToUpper(second.Text)
		second.Words = slices.Clone(second.Words)
		for i := range second.Words {
			second.Words[i].Text = strings.ToUpper(second.Words[i].Text)
		}
	}
	return second, true
}

// commaS writes the S with a comma below (Ș, Romanian) as the S with a
// cedilla (Ş, Turkish).
var commaS = strings.NewReplacer("Ș", "Ş", "ș", "ş")

// cedillaS is l with its S with a comma below written with a cedilla:
// the Latin model reads the Turkish Ş, printed small, as the Romanian Ș
// ("Anaëlle Ș. Danor" for Ş.), which looks alike at a card's size, and
// Romanian is no language the reader calls for.
func cedillaS(l Line) Line {
	if !strings.ContainsAny(l.Text, "Șș") {
		return l
	}
	l.Text = commaS.Replace(l.Text)
	l.Words = slices.Clone(l.Words)
	for i := range l.Words {
		l.Words[i].Text = commaS.Replace(l.Words[i].Text)
	}
	return l
}

// caseLike writes word, a reading of as with other marks, in as's case:
// in capitals, capitalised or in small letters. A word of other mixes
// ("McKay") is left as it is.
func caseLike(word, as string) string {
	r := []rune(as)
	switch {
	case len(r) == 0 || word == "":
		return word
	case upperOnly(as):
		return strings.ToUpper(word)
	case lowerLetters(as) == as:
		return lowerLetters(word)
	case unicode.IsUpper(r[0]) && lowerLetters(string(r[1:])) == string(r[1:]):
		w := []rune(lowerLetters(word))
		return string(unicode.ToUpper(w[0])) + string(w[1:])
	}
	return word
}

// upperOnly says whether s has two letters or more and no small one.
func upperOnly(s string) bool {
	return letters(s) >= 2 && !strings.ContainsFunc(s, unicode.IsLower)
}

// rejoined is second, a reading of the line plain, with the pieces of
// each word it read apart joined back into one, as plain reads them:
// the Latin model read "Kateřina" as "Kateři na". A word is joined of at
// most three pieces, and each must match plain's word but for marks
// (see marksOnly); ok is false when the pieces do not join up so.
func rejoined(plain, second Line) (Line, bool) {
	var words []Word
	j := 0
	for _, w := range plain.Words {
		found := false
		for k := 1; k <= 3 && j+k <= len(second.Words); k++ {
			piece := second.Words[j : j+k]
			var text strings.Builder
			box, conf := piece[0].Box, 100.0
			for _, p := range piece {
				text.WriteString(p.Text)
				box, conf = box.Union(p.Box), min(conf, p.Conf)
			}
			if t := text.String(); strings.EqualFold(t, w.Text) || marksOnly(w.Text, t) {
				words = append(words, Word{Text: t, Box: box, Conf: conf})
				j += k
				found = true
				break
			}
		}
		if !found {
			return second, false
		}
	}
	if j != len(second.Words) {
		return second, false
	}
	return NewLine(words), true
}

// overlap is the area a and b share.
// inBox says whether most of box a lies in box b, as an address's lines
// lie in its box.
func inBox(a, b image.Rectangle) bool {
	return 5*overlap(a, b) >= 4*a.Dx()*a.Dy()
}

func overlap(a, b image.Rectangle) int {
	i := a.Intersect(b)
	return i.Dx() * i.Dy()
}

// marked says whether r is a Latin letter with a mark, or one of the
// letters written apart from their plain one (ł, ø, đ, ı, ß, æ).
// ownLetters says whether s holds a letter that only one of the
// languages the app reads writes (see markLanguages).
func ownLetters(s string) bool {
	return slices.ContainsFunc(markLanguages, func(ml markLetters) bool { return strings.ContainsAny(s, ml.letters) })
}

func marked(r rune) bool {
	return unicode.Is(unicode.Latin, r) && foldMarks(string(r)) != string(r)
}

// marksOnly says whether second, a second reading of the line plain,
// reads the same letters but for some that bear marks: each letter with a
// mark stands for one or two of plain's ("ü" for "ii" or "u", "ł" for
// "t" or "l", "æ" for "ae"), and everything else is equal but for case and spaces. At
// least one mark must differ, and no more than half the letters.
func marksOnly(plain, second string) bool {
	a := []rune(lowerLetters(strings.Join(strings.Fields(plain), " ")))
	b := []rune(lowerLetters(strings.Join(strings.Fields(second), " ")))
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	// reach[i][j]: the fewest marked letters that turn a[:i] into b[:j],
	// -1 when none can.
	reach := make([][]int, len(a)+1)
	for i := range reach {
		reach[i] = make([]int, len(b)+1)
		for j := range reach[i] {
			reach[i][j] = -1
		}
	}
	reach[0][0] = 0
	for i := 0; i <= len(a); i++ {
		for j := 0; j <= len(b); j++ {
			c := reach[i][j]
			if c < 0 {
				continue
			}
			if i < len(a) && j < len(b) && a[i] == b[j] {
				better(&reach[i+1][j+1], c)
			}
			if j < len(b) && marked(b[j]) {
				for k := 1; k <= 2 && i+k <= len(a); k++ {
					better(&reach[i+k][j+1], c+1)
				}
			}
		}
	}
	n := reach[len(a)][len(b)]
	return n > 0 && n*2 <= len(b)+1
}

// lowerLetters is s in lower case, but for the Turkish İ, which stays a
// marked letter: strings.ToLower writes it as a plain i, and a reading
// that added only an İ ("Inşaat" read again as İnşaat) added no mark.
func lowerLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 'İ' {
			return r
		}
		return unicode.ToLower(r)
	}, s)
}

// better lowers *at to c when c is fewer, or *at is unreached.
func better(at *int, c int) {
	if *at < 0 || c < *at {
		*at = c
	}
}
