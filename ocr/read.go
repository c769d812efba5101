package ocr

import (
	"context"
	"image"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/disintegration/imaging"
)

// Reading is what was read from one card image.
type Reading struct {
	Path    string
	Image   image.Image // the upright, cropped card; boxes refer to it
	Rotated int         // degrees the card was turned clockwise to stand upright
	Lines   []Line
	Fields  []Field

	// How the card was read, for reports.
	Script string  // the script detected, "" when unsure
	Scale  float64 // how much the card was scaled for reading
	Skew   float64 // degrees of skew taken out
	Passes int     // how many times the engine read it

	lean string // the script detection leaned to, unsure (see Pass)
	// turnSure says orientation detection was sure of the turn the
	// card was read at.
	turnSure bool
}

// Classify classifies r's lines again, with opts: Read, ReadImage and
// Batch classify with the default options.
func (r *Reading) Classify(opts ClassifyOptions) {
	var size image.Point
	if r.Image != nil {
		size = r.Image.Bounds().Size()
	}
	r.Fields = ClassifyWith(r.Lines, size, opts)
}

// Read reads the card in the image file at path with eng.
func Read(ctx context.Context, eng Engine, path string) (*Reading, error) {
	return readFile(ctx, eng, path, loadSource)
}

// A source is a card prepared for reading, with the whole picture it was
// cut out of, should the card read poorly.
type source struct {
	card *image.NRGBA
	// whole makes the whole picture, upright by its EXIF tag, grey and
	// at its reading size; it returns nil when the card is the whole
	// picture, and is nil when that is known. It is called only for a
	// card that reads poorly: made for every card, it took a fifth of
	// the time a 12-megapixel photo took to read (the photo copied and
	// scaled whole), for a picture few cards need.
	whole func() *image.Gray
	// release gives back the memory the source holds, once it is read;
	// nil when it holds none.
	release func()
}

// loadCard decodes the image file at path and prepares its card.
func loadCard(ctx context.Context, path string) (*image.NRGBA, error) {
	src, err := loadSource(ctx, path)
	return src.card, err
}

// loadSource decodes the image file at path and prepares its card, and
// the whole picture too when the card was found in it.
func loadSource(_ context.Context, path string) (source, error) {
	img, o, err := loadUnturned(path)
	if err != nil {
		return source{}, err
	}
	return source{card: prepareTurned(img, o, turnWholeSide), whole: func() *image.Gray { return wholeTurned(img, o) }}, nil
}

// wholeTurned is img turned by EXIF orientation o, grey and at its
// reading size, when a card stands out in it; nil when none does, and
// the card is img itself.
func wholeTurned(img image.Image, o int) *image.Gray {
	if _, _, ok := findCard(img); !ok {
		return nil
	}
	all := scaleForReading(cropShrunk(img, img.Bounds(), shrinkFactor(img.Bounds().Size())))
	return grayOf(turn(all, o))
}

// An image whose long side is at most turnWholeSide pixels is turned by
// its EXIF orientation before its card is found, as the dev cards were
// measured; a larger one has its card prepared first and turned after,
// at its reading size, so that neither the photo nor the card at the
// photo's size is copied to be turned (two turned 64-megapixel photos
// took a batch of two workers to 736 MB).
const turnWholeSide = 2 * maxReadSide

// prepareTurned is prepareCard for img turned by EXIF orientation o: of
// the turned image when img's long side is at most whole pixels, or of
// img as stored and then turned.
func prepareTurned(img image.Image, o, whole int) *image.NRGBA {
	if s := img.Bounds().Size(); max(s.X, s.Y) <= whole {
		return prepareCard(turn(img, o))
	}
	card := prepareCard(img)
	if t, ok := turn(card, o).(*image.NRGBA); ok { // imaging's turns all are
		card = t
	}
	return card
}

// readFile reads the card that load makes of the image file at path.
func readFile(ctx context.Context, eng Engine, path string, load func(context.Context, string) (source, error)) (*Reading, error) {
	src, err := load(ctx, path)
	if err != nil {
		return nil, err
	}
	if src.release != nil {
		defer src.release()
	}
	r, err := readSource(ctx, eng, src)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	r.Path = path
	return r, nil
}

// When a first read is weak enough to be worth a second: too little of
// the text on the card was read, or it was read with too little
// confidence.
const (
	weakMissed = 0.12
	// WeakQuality is the Quality under which a reading is weak: the
	// pipeline reads such a card again, and an engine may try it in
	// other languages.
	WeakQuality = 72
	// A wide card read as it lies with less confidence than this may
	// lie upside down: orientation detection looks at it then.
	uprightQuality = 70
	// A turn orientation detection is less confident of than this is
	// checked against a read of the card as it lies. On the dev photos,
	// right turns came with confidences of 3.3 (a photo whose EXIF tag
	// is wrong) to 7.
	sureTurn = 5
	// A word of contact details read with less confidence than this
	// makes a read weak. At 80, a tenth more cards were read twice for
	// the same fields, on the real cards and on invented ones; from 70
	// down to 50, 4 of the 90 reads of the 43 dev cards were saved and
	// no field changed; at 0 (never), 17 were saved and one email lost.
	weakDetail = 50
)

// ReadImage reads the card in img, which has had its EXIF orientation
// applied: it finds the card and straightens it, takes out any skew,
// turns it upright, reads it and classifies its lines.
//
// The engine reads a copy of the card in which each point is as dark as it
// differs from the card around it (see contrastImage): light print on a
// dark or coloured card, and faint grey print, come out as black on white,
// which Tesseract reads far better than the card's own grey levels. That
// copy is scaled so that its letters are the size Tesseract reads best.
// When it comes out strewn with specks, as pearl and glitter stock does,
// it is made again from the card smoothed, of its dark print alone (see
// speckledInk).
//
// A card is read once, in Tesseract's automatic layout. Only when that
// read is weak (it passed over some of the text on the card, or read it
// unsurely) is it read again looking for sparse text, and each line kept
// from the reading that read it better.
func ReadImage(ctx context.Context, eng Engine, img image.Image) (*Reading, error) {
	return readSource(ctx, eng, source{card: prepareCard(img), whole: func() *image.Gray { return wholeTurned(img, 1) }})
}

// readSource reads a source's card, and when that read is poor, the plain
// picture as well, grey as it is and not cut: finding the card, cropping
// it and preparing its ink must never read worse than not doing them
// (light cards on light tables are found and prepared badly). The
// reading with more confidently read text is kept.
func readSource(ctx context.Context, eng Engine, src source) (*Reading, error) {
	r, err := readCard(ctx, eng, src.card)
	if err != nil || !poorRead(r.Lines) {
		return r, err
	}
	var plain *image.Gray
	if src.whole != nil {
		plain = src.whole()
	}
	if plain == nil {
		plain = grayOf(src.card)
	}
	rot := plainTurn(ctx, eng, plain, r)
	up := Rotate(plain, rot)
	lines, err := eng.Recognize(ctx, up, Pass{Mode: ModeAuto, Script: r.Script, Lean: r.lean})
	if err != nil {
		return nil, err
	}
	r.Passes++
	if readScore(lines) <= readScore(r.Lines)*plainBetter/100 {
		return r, nil
	}
	img := imaging.Clone(up)
	r.Image, r.Lines, r.Scale, r.Skew = img, lines, 1, 0
	r.Rotated = rot
	r.Fields = Classify(lines, img.Bounds().Size())
	return r, nil
}

// plainTurn is the turn the plain picture of r's card is read at: the
// turn r was read at, unless orientation detection was unsure of it
// and is sure of another for the plain picture. The turn of a prepared
// card that reads poorly was chosen between poor readings: read at it,
// the plain picture of a light card on a light table could be read on
// its side.
func plainTurn(ctx context.Context, eng Engine, plain *image.Gray, r *Reading) int {
	if r.turnSure {
		return r.Rotated
	}
	if o, ok := eng.Orientation(ctx, osdCopy(plain)); ok && o.Conf >= sureTurn {
		return (360 - o.Deg) % 360
	}
	return r.Rotated
}

// poorRead says whether a reading of a prepared card is poor enough for
// the plain picture to be read too: read with little confidence, or
// little text read at all.
func poorRead(lines []Line) bool {
	return Quality(lines) < poorQuality || confidentText(lines) < fewLetters
}

// readScore weighs a reading by how much text it read confidently and
// how confident it was over all: a reading that found the same text among
// many specks of background read as letters scores less.
func readScore(lines []Line) float64 {
	return float64(confidentText(lines)) * Quality(lines) / 100
}

// confidentText counts the letters of the words read with a confidence of
// at least 60: how much of a card a reading read.
func confidentText(lines []Line) int {
	n := 0
	for _, l := range lines {
		for _, w := range l.Words {
			if w.Conf >= 60 {
				n += len([]rune(w.Text))
			}
		}
	}
	return n
}

const (
	// A card read with less confidence than this, or fewer confident
	// letters, is read plain too: a card's name and one number have
	// more. Set higher (WeakQuality and 60 letters), they had 6 of the
	// 53 dev cards read plain too, and no field changed.
	poorQuality = 60
	fewLetters  = 16
	// The plain picture's reading is kept when it read more confident
	// letters than this percentage of the prepared card's.
	plainBetter = 110
)

// prepareCard finds the card in img, straightens it and scales it to the
// size it is read at.
func prepareCard(img image.Image) *image.NRGBA {
	return scaleForReading(cropCard(img))
}

// readCard reads a card that prepareCard made.
func readCard(ctx context.Context, eng Engine, card *image.NRGBA) (*Reading, error) {
	ink := contrastImage(card)
	blobs, specks := inkBlobs(ink)
	if specks > speckled {
		ink, blobs = speckledInk(card)
	}
	// Tesseract reads each line it is unsure of again inverted, which
	// on photos took a tenth of its time. The ink image is print dark
	// on light, except where a small dark block, such as a badge with
	// the firm's name in it, was taken for print: only then is that
	// second look worth its time, and in reads of cards in kanji (see
	// darkOnLight).
	if !lightOnDark(ink) {
		eng = darkOnLight{eng}
	}
	skew := 0.0
	if a := skewAngle(ink); math.Abs(a) >= minSkew {
		card, ink = deskew(card, ink, a)
		skew = a
		blobs = letterBlobs(ink)
	}
	// Small print is scaled up further.
	f := smallPrintScale(ink, blobs)
	scaled := scaleGray(ink, f)
	f = float64(scaled.Bounds().Dx()) / float64(ink.Bounds().Dx())

	// Orientation and script detection costs about half a read, so it
	// only runs when it can help: for a card standing on its side (or a
	// tall one), and when a first read as it lies is poor. The text is
	// turned deg clockwise: turning the card back by as much stands it
	// upright. An EXIF tag may be wrong, and detection unsure: the image
	// decides, by the confidence of the reads. When detection turns the
	// card without being sure, or a read is poor, the card is read the
	// other way too and the more confident reading kept.
	rot, script, lean, detected, sure := 0, "", "", false, false
	trusted := -1 // the turn detection was sure of, upright too; -1 for none
	detect := func() {
		detected = true
		o, ok := eng.Orientation(ctx, osdCopy(scaled))
		if ok && o.Deg != 0 && o.Conf >= 1 {
			rot = (360 - o.Deg) % 360
			sure = o.Conf >= sureTurn
		}
		if ok && o.Conf >= sureTurn {
			trusted = (360 - o.Deg) % 360
		}
		switch {
		case ok && o.ScriptConf >= 1:
			script = o.Script
		case ok && o.Script != "Latin":
			lean = o.Script
		}
	}
	tall := scaled.Bounds().Dy() > scaled.Bounds().Dx()
	if tall {
		detect()
	}
	pass := Pass{Mode: ModeAuto, Script: script, Lean: lean}
	up := Rotate(scaled, rot)
	lines, err := eng.Recognize(ctx, up, pass)
	if err != nil {
		return nil, err
	}
	passes := 1
	// A card turned as detection said, unsure, whose Latin letters then
	// read confidently across, is not read again as it lies: its lines
	// would stand on end, and such a reading loses (see readOnEnd) unless
	// far more confident. Without it, no field of the 43 dev cards and
	// 774 invented ones changed, and a thucdx photo saved a read (0.35 s).
	inLatin := script == "Latin" || script == "" && lean == ""
	if q := Quality(lines); q < uprightQuality || rot != 0 && !sure && !(inLatin && readAcross(lines)) {
		first := rot
		if !detected {
			detect()
			pass.Script, pass.Lean = script, lean
		}
		alt := rot // detection's turn, when it was not read first
		switch {
		case alt == first && first != 0:
			alt = 0 // a turn detection was unsure of: as it lies
		case alt == first && tall:
			alt = 90 // a tall card detection saw upright: on its side
		}
		if alt != first || script != "" && script != "Latin" {
			turned := Rotate(scaled, alt)
			other, err := eng.Recognize(ctx, turned, pass)
			if err != nil {
				return nil, err
			}
			passes++
			better := turnedBetter(Quality(lines), Quality(other), first, alt, trusted)
			// On a card detection saw in Latin letters, a reading of
			// lines standing on end loses to one across (see readOnEnd).
			if inLatin = script == "Latin" || script == "" && lean == ""; inLatin {
				switch {
				case better && readOnEnd(other, lines):
					better = false
				case !better && readOnEnd(lines, other):
					better = true
				}
			}
			if better {
				lines, up, rot = other, turned, alt
			} else {
				rot = first
			}
		}
	}
	// Orientation detection is unsure on sparse cards. A card read upside
	// down gives low confidence: try the other way up and keep the better.
	if Quality(lines) < 60 {
		alt := (rot + 180) % 360
		altUp := Rotate(scaled, alt)
		other, err := eng.Recognize(ctx, altUp, pass)
		if err != nil {
			return nil, err
		}
		passes++
		if Quality(other) > Quality(lines)+10 {
			lines, rot, up = other, alt, altUp
		}
	}
	if up != image.Image(ink) {
		blobs = nil // up is scaled or turned: its letters are elsewhere
	}
	alone := lines // the first read, before any second is merged into it
	w := weakness(up, lines, blobs)
	if w == weakDetails && printedCJK(lines) {
		// A card printed in Japanese or Chinese is read again whole:
		// the whole card's second read gave an invented Japanese card
		// its title of two kanji, which reading only its unsure lines
		// again lost.
		w = weakAll
	}
	switch w {
	case weakDetails:
		again, err := readUnsureDetails(ctx, eng, up, lines, Pass{Mode: ModeSparse, Script: script, Lean: lean})
		if err != nil {
			return nil, err
		}
		passes++
		lines = mergeLines(lines, again)
	case weakAll:
		// The sparse read looks at the card at its reading size, not
		// scaled up further for small print as the first read does: it
		// looks for what layout analysis passed over, which small print
		// seldom is, and its time grows faster than the image's size (a
		// light, speckled card scaled up to 3200×2400 took 7 to 9 s in
		// it; at 2400×1800, 3). On the dev cards no field changed.
		in := up
		if f > 1 {
			in = Rotate(ink, rot)
		}
		sparse, err := eng.Recognize(ctx, in, Pass{Mode: ModeSparse, Script: script, Lean: lean})
		if err != nil {
			return nil, err
		}
		passes++
		if f > 1 {
			sparse = scaleLines(sparse, 1/f)
		}
		lines = mergeLines(lines, sparse)
	}
	// A card that calls for a language of its own (a country code, a
	// domain, a country, letters with marks) is read in it too, and that
	// reading kept unless it read clearly less: its letters then keep
	// their marks. Other cards cost nothing more.
	var latin []Line // a reading in Latin letters of a card printed in another script
	langs := CardLanguages(lines)
	if called, guesses := scriptGuesses(lines); len(called) > 0 {
		ok, n, err := guessedInScript(ctx, eng, up, guesses, called[0])
		if err != nil {
			return nil, err
		}
		passes += n
		if ok {
			langs = append(langs, called...)
		}
	}
	// A tall card whose script is Japanese, or whose first read came out
	// in columns, is read down its height too.
	down := tallJapanese(up, script) || printedDown(up, alone)
	if len(langs) > 0 {
		if down {
			langs = append([]string{"jpn_vert"}, langs...)
		}
		pass := Pass{Mode: ModeAuto, Script: script, Lean: lean, Langs: langs}
		if s := calledScript(langs); s != "" && (script == "" || script == "Latin") {
			// Letters of another script were read as Latin ones.
			pass.Script = s
		}
		other, err := eng.Recognize(ctx, up, pass)
		if err != nil {
			return nil, err
		}
		passes++
		bar := alone
		if pass.Script != script {
			bar = lines // a reading in another script, weighed as it was
		}
		// The reading is weighed as it would be kept, with the emails
		// and websites of the first: a Croatian reading that read a name's
		// marks but an email worse was lost with its name.
		if merged := keepAddresses(other, lines, pass.Script != script); other != nil && readScore(merged) >= readScore(bar)*langKept/100 {
			if pass.Script != script && !printedCJK(lines) {
				latin = lines
			}
			lines = merged
		}
	} else if down {
		vert := script
		if vert != "Japanese" && vert != "Han" {
			// Orientation detection took the columns for Latin letters,
			// or could not tell.
			vert = "Japanese"
		}
		// In jpn_vert alone: with jpn and eng beside it, Tesseract read
		// some columns of an invented vertical card as Latin nonsense.
		// The lines across it (phone, email) are kept from the first
		// read, which read them in Latin letters.
		other, err := eng.Recognize(ctx, up, Pass{Mode: ModeAuto, Script: vert, Langs: []string{"jpn_vert"}, Only: true})
		if err != nil {
			return nil, err
		}
		passes++
		if merged := keptAcross(other, lines); readScore(merged) > readScore(lines) {
			lines, script = merged, vert
		}
	}
	if down {
		// Read whole, a large name down the card lost a kanji or broke
		// into pieces: each column is read again on its own.
		var n int
		if lines, n, err = rereadColumns(ctx, eng, up, lines); err != nil {
			return nil, err
		}
		passes += n
	}
	lines, n, err := rereadKanji(ctx, eng, up, lines)
	if err != nil {
		return nil, err
	}
	passes += n
	if lines, n, err = rereadKanjiRows(ctx, eng, up, lines); err != nil {
		return nil, err
	}
	passes += n
	if lines, n, err = rereadCutKanji(ctx, eng, up, lines); err != nil {
		return nil, err
	}
	passes += n
	// A card printed in Japanese or Chinese is read in Latin letters too,
	// for its numbers, emails and websites: the Japanese model misreads
	// digits (a 0 as a 9) that the English one reads surely. When no
	// reading in Latin letters was made, those lines alone are read.
	if printedCJK(lines) {
		if latin != nil {
			lines = keepAddresses(lines, latin, true)
		} else {
			if lines, n, err = readPlainLines(ctx, eng, up, lines); err != nil {
				return nil, err
			}
			passes += n
		}
	}
	if !printedCJK(lines) {
		if lines, n, err = markedLines(ctx, eng, up, lines, langs); err != nil {
			return nil, err
		}
		passes += n
		if lines, n, err = readMissedRows(ctx, eng, up, lines, Pass{Script: script, Lean: lean, Langs: langs}); err != nil {
			return nil, err
		}
		passes += n
	}
	if lines, n, err = rereadCutDomains(ctx, eng, up, lines); err != nil {
		return nil, err
	}
	passes += n
	lines = scaleLines(distinctLines(lines), f)
	upright := Rotate(card, rot)
	return &Reading{
		Image:   upright,
		Rotated: rot,
		Lines:   lines,
		Fields:  Classify(lines, upright.Bounds().Size()),
		Script:  script,
		Scale:   f,
		Skew:    skew,
		Passes:  passes,
		lean:    lean,

		turnSure: trusted == rot,
	}, nil
}

// turnedBetter says whether a card read turned alt degrees, with
// quality q2, read better than turned first, with quality q1. The
// reading orientation detection was sure of is kept unless the other
// read clearly better (see trustedMargin): Tesseract's layout analysis
// reads a line of text lying on its side too, and with confidences of
// 70 to 80 it outscored upright readings of hard cards. trusted is the
// turn detection was sure of, -1 when it was sure of none.
func turnedBetter(q1, q2 float64, first, alt, trusted int) bool {
	switch {
	case alt == first: // read again in its script, not turned
	case trusted == first:
		return q2 > q1+trustedMargin
	case trusted == alt:
		return q2+trustedMargin >= q1
	}
	return q2 > q1
}

// readOnEnd says whether reading a read the card's Latin letters in lines
// standing on end, where reading b read them across: the image a was
// read from lay on its side, and Tesseract's layout analysis read its
// lines turned. A line of three letters or more printed across is
// wider than tall. A phone photo of a red card, upright, read 62.9
// confidently as it lay; turned, its every line stood on end and read
// 64.5, and won. Lines of kanji and kana stand on end on vertical
// cards, and are not counted. Tesseract read a vertical Japanese card's
// columns in Latin letters, standing on end, and the card turned far
// less confidently (14.9 against 52.1): b must have read nearly as
// confidently as a (see trustedMargin), and the card be one orientation
// detection saw in Latin letters.
func readOnEnd(a, b []Line) bool {
	return onEnd(a) > 0.5 && onEnd(b) < 0.2 && Quality(b)+trustedMargin >= Quality(a)
}

// onEnd is the share of the letters of lines, in lines of Latin letters,
// that are in lines standing on end (taller than wide).
func onEnd(lines []Line) float64 {
	n, up := latinLetters(lines)
	if n == 0 {
		return 0
	}
	return float64(up) / float64(n)
}

// readAcross says whether lines read Latin letters, in lines across.
func readAcross(lines []Line) bool {
	n, up := latinLetters(lines)
	return n > 0 && float64(up) < 0.2*float64(n)
}

// latinLetters counts the letters of lines in lines of Latin letters
// (three letters or more), and of those, the letters in lines standing
// on end (taller than wide).
func latinLetters(lines []Line) (n, up int) {
	for _, l := range lines {
		k := letters(l.Text)
		if k < 3 || cjkLetters(l.Text) > 0 {
			continue
		}
		n += k
		if l.Box.Dy() > l.Box.Dx() {
			up += k
		}
	}
	return n, up
}

// trustedMargin is how much more confidently (see Quality) a card must
// be read turned otherwise than orientation detection was sure of for
// that reading to be kept. Read all four ways, 32 dev photos and 27
// invented ones (turned, on light tables and dark desks) read on their
// side from 7.3 less to 8.8 more confidently than upright, and upside
// down or on their other side 34 or more less; detection was right on
// every one it was sure of (confidence 5 or more, see sureTurn).
const trustedMargin = 15

// speckled is the share of a card's ink in specks (see inkBlobs) over
// which its ink image is made again, as speckledInk makes it. On the dev
// photos, one of pearl stock had 12.6%; no other had more than 2.4%.
const speckled = 0.05

// langKept is the percentage of a card's first reading's score (see
// readScore) that its reading in the languages it calls for must reach
// to be kept. Both are one read of the whole card: weighed against the
// first read with a second merged into it, which had read an email
// better, an invented German card's reading in German lost, and its
// name its umlaut. A reading in another script than the first (kanji
// read as Latin letters, read again in Japanese) is still weighed
// against the reading with the second merged in: against the first
// alone, an invented Japanese card's reading in Japanese was kept, and
// lost the title the merged reading had.
const langKept = 90

// keepAddresses returns lines, a reading in the languages a card calls
// for, with each line holding an email or a website taken from first, the
// reading in English, where first has one in the same place: a language
// model reads letters with marks, and an address has none (on a dev card
// the Spanish model lost an email and a website the English one read),
// and so is a number English read surely (see numberReadAgain).
// When the reading was in another script (Japanese), so is each line
// holding a number in plain letters (see plainNumbers), such as a phone
// number, that first read surely: the Japanese model read a 0 as a 9.
// A line of kanji and numbers ("携帯 090-…") keeps its kanji and takes
// the numbers first read surely in its place (see sureNumbersOf), as
// readPlainLines does.
func keepAddresses(lines, first []Line, script bool) []Line {
	out := slices.Clone(lines)
	for i, l := range out {
		for _, f := range first {
			if !overlaps(l.Box, f.Box) {
				continue
			}
			if addressRe.MatchString(f.Text) || script && surePlain(f) && plainNumbers(f.Text) && plainText(l.Text) || !script && numberReadAgain(l, f) {
				out[i] = f
				break
			}
			if script && mixedLine(l) {
				out[i] = sureNumbersOf(l, f)
				break
			}
		}
	}
	return out
}

// numberReadAgain says whether l, a line read in a card's language, is
// first, a number behind a label of a few letters that English read
// surely, read again: the same letters, marks aside, and the number read
// otherwise. A language's model adds nothing to a number: the Polish one
// read "512 345 950" as "512 345 95@", the Croatian one "F 01 2345 524"
// as "F 012345524". Lines of words are left to the language's reading,
// which spaced a website's or a name's words better as often as worse.
func numberReadAgain(l, first Line) bool {
	return l.Text != first.Text && surePlain(first) && letters(first.Text) <= 8 && phoneRe.MatchString(first.Text) &&
		lettersOf(foldMarks(l.Text)) == lettersOf(first.Text)
}

// lettersOf is s with its letters alone.
func lettersOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

// distinctLines returns lines without those that repeat an earlier one,
// its text at its place. Merging a second reading into the first can
// give one line twice: the marks over a Vietnamese name, read as lines
// of their own ("~"), each took the English reading of the name's line,
// for the website it held, and the contact got the website three times
// and the name twice in its note.
func distinctLines(lines []Line) []Line {
	out := lines[:0:0]
	for _, l := range lines {
		if !slices.ContainsFunc(out, func(o Line) bool { return o.Text == l.Text && o.Box == l.Box }) {
			out = append(out, l)
		}
	}
	return out
}

// printedCJK says whether lines show a card printed in Japanese or
// Chinese: a line of four kanji or kana or more, read surely. A logo
// read as a few kana with little confidence does not.
func printedCJK(lines []Line) bool {
	return slices.ContainsFunc(lines, func(l Line) bool { return cjkLetters(l.Text) >= 4 && l.Conf >= cjkConf })
}

// cjkConf is the confidence a line of kanji or kana must be read with to
// show that a card is printed in them.
const cjkConf = 75

// plainConf is the confidence over which a line read in plain letters
// is kept over its reading in another script.
const plainConf = 60

// surePlain says whether l was read in plain letters, surely enough to
// be kept over a reading of it in another script.
func surePlain(l Line) bool { return l.Conf >= plainConf && plainText(l.Text) }

// plainText says whether s is written in ASCII alone.
func plainText(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// plainNumbers says whether s, in plain letters, holds a number of three
// digits or more, an email or a website: what the English model reads
// better than the Japanese one. Kanji read in English as marks ("= +t&="
// for 高橋 雅人) are not.
func plainNumbers(s string) bool {
	return plainText(s) && (len(digitsOf(s)) >= 3 || addressRe.MatchString(s))
}

// addressRe matches a line holding an email or a website.
var addressRe = regexp.MustCompile(`@|(?i)\bwww\.|https?://`)

// tallJapanese says whether the upright card up, in script, is printed
// down its height, as Japanese cards often are: jpn_vert reads those.
func tallJapanese(up image.Image, script string) bool {
	b := up.Bounds()
	return (script == "Japanese" || script == "Han") && b.Dy() > b.Dx()
}

// printedDown says whether lines, a first read of the upright card up,
// show a card printed down its height: up is taller than wide and at
// least two columns stand on it, each columnTall times as tall as it is
// wide, read as one line or as lines of a few letters stacked one under
// the other. Orientation detection took a Japanese card printed so for
// Latin letters, surely enough to name the script, and the engine then
// read its columns in English as nonsense, or letter by letter.
func printedDown(up image.Image, lines []Line) bool {
	if b := up.Bounds(); b.Dy() <= b.Dx() {
		return false
	}
	var cols []image.Rectangle // the stacks of lines no wider than tall
	for _, l := range lines {
		if l.Box.Dx() > l.Box.Dy() {
			continue
		}
		i := slices.IndexFunc(cols, func(c image.Rectangle) bool {
			return min(c.Max.X, l.Box.Max.X)-max(c.Min.X, l.Box.Min.X) > min(c.Dx(), l.Box.Dx())/2
		})
		if i < 0 {
			cols = append(cols, l.Box)
		} else {
			cols[i] = cols[i].Union(l.Box)
		}
	}
	n := 0
	for _, c := range cols {
		if c.Dy() >= columnTall*c.Dx() {
			n++
		}
	}
	return n >= 2
}

// keptAcross returns down, a reading of a card printed down its height,
// with each of its lines that runs across the card taken from first, the
// reading in Latin letters, where first read a line there surely in
// plain letters: jpn_vert reads the phone and email printed across such
// a card as nonsense.
func keptAcross(down, first []Line) []Line {
	out := slices.Clone(down)
	for i, l := range out {
		if l.Box.Dy() >= l.Box.Dx() {
			continue
		}
		for _, f := range first {
			if (surePlain(f) || addressRe.MatchString(f.Text)) && overlaps(l.Box, f.Box) {
				out[i] = f
				break
			}
		}
	}
	return out
}

// columnTall is how many times as tall as it is wide a line read on a
// card must be to be taken for a column of text printed down the card.
const columnTall = 4

// How weak a first read is (see weakness).
const (
	notWeak     = iota
	weakDetails // only words of contact details were read unsurely
	weakAll     // it read unsurely over all, or passed over text
)

// weakness says whether a first read of the ink image up is worth a
// second, and of what: of none of it, of the lines holding words of
// contact details it read unsurely (see unsureDetails), or of the whole
// card, when it read unsurely over all or passed over text. blobs are
// up's letterBlobs, or nil for weakness to find them if need be.
func weakness(up image.Image, lines []Line, blobs []image.Rectangle) int {
	if Quality(lines) < WeakQuality {
		return weakAll
	}
	if blobs == nil {
		g := asGray(up)
		blobs = letterBlobs(g)
	}
	switch {
	case missedText(blobs, lines) > weakMissed:
		return weakAll
	case len(unsureDetails(lines)) > 0:
		return weakDetails
	}
	return notWeak
}

// readUnsureDetails reads again, with pass p, the lines of lines that
// hold a word of contact details read unsurely, each on its own part of
// the ink image up with a margin of half its height around it, and
// returns what it read, placed on up. A line it reads as unsurely again
// is left out: it is no surer a reading than the first.
//
// The whole card read again for them took two fifths of the engine's
// time on the dev photos (most of their second reads were for these
// lines alone), and what it read better elsewhere on those cards moved
// no field.
func readUnsureDetails(ctx context.Context, eng Engine, up image.Image, lines []Line, p Pass) ([]Line, error) {
	g := asGray(up)
	var parts []image.Rectangle
	for _, i := range unsureDetails(lines) {
		parts = append(parts, aloneBox(lines[i].Box).Intersect(g.Rect))
	}
	// A part holds what was hard to read, and reads less surely than the
	// card did: the engine is not to take that for another script.
	if p.Script == "" {
		p.Script, p.Lean = scriptRead(lines), ""
	}
	var out []Line
	for _, r := range unite(parts) {
		part, err := eng.Recognize(ctx, g.SubImage(r), p)
		if err != nil {
			return nil, err
		}
		unsure := unsureDetails(part)
		for i, l := range part {
			if !slices.Contains(unsure, i) {
				out = append(out, moveLine(l, r.Min.Sub(g.Rect.Min)))
			}
		}
	}
	return out, nil
}

// unite returns rs with every two rectangles that overlap made their
// union, until none overlap; empty ones are dropped.
func unite(rs []image.Rectangle) []image.Rectangle {
	var out []image.Rectangle
	for _, r := range rs {
		if r.Empty() {
			continue
		}
		for {
			merged := false
			for i := 0; i < len(out); i++ {
				if out[i].Overlaps(r) {
					r = r.Union(out[i])
					out = append(out[:i], out[i+1:]...)
					merged = true
					break
				}
			}
			if !merged {
				break
			}
		}
		out = append(out, r)
	}
	return out
}

// moveLine is l with its boxes moved by d.
func moveLine(l Line, d image.Point) Line {
	l.Box = l.Box.Add(d)
	ws := make([]Word, len(l.Words))
	for i, w := range l.Words {
		w.Box = w.Box.Add(d)
		ws[i] = w
	}
	l.Words = ws
	return l
}

// scriptRead is the script lines were read in: Japanese when they hold
// a kana or a kanji, else Latin.
func scriptRead(lines []Line) string {
	for _, l := range lines {
		if strings.ContainsFunc(l.Text, isCJK) {
			return "Japanese"
		}
	}
	return "Latin"
}

// unsureDetails returns the lines with a word of an email, a website or
// a phone number read unsurely: one wrong letter there loses the field.
func unsureDetails(lines []Line) []int {
	var out []int
	for i, l := range lines {
		for _, w := range l.Words {
			if w.Conf < weakDetail && len(w.Text) >= 5 && detailRe.MatchString(w.Text) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// detailRe matches a word of an email, a website or a phone number.
var detailRe = regexp.MustCompile(`@|(?i)www|https?:|\.[a-z]{2,3}\b|\d{3}`)

// osdCopy is the image orientation and script detection looks at: at
// most osdSide pixels along its long side, which is plenty to tell which
// way up letters are, and costs a fraction of the full size.
func osdCopy(g *image.Gray) *image.Gray {
	long := max(g.Bounds().Dx(), g.Bounds().Dy())
	if long <= osdSide {
		return g
	}
	return scaleGray(g, float64(osdSide)/float64(long))
}

const osdSide = 1200

// asGray is img itself when it is gray already, else a gray copy of it
// (grayOf).
func asGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	return grayOf(img)
}

func grayOf(img image.Image) *image.Gray {
	n := imaging.Clone(img)
	g := image.NewGray(n.Bounds())
	for i := range g.Pix {
		g.Pix[i] = n.Pix[i*4]
	}
	return g
}

// Quality is the mean confidence of the words read, weighted by length, so
// that a few confident specks do not outweigh real text: how well a
// reading went, to choose between readings.
func Quality(lines []Line) float64 {
	var sum, n float64
	for _, l := range lines {
		for _, w := range l.Words {
			k := float64(len([]rune(w.Text)))
			sum += w.Conf * k
			n += k
		}
	}
	if n < 8 {
		return 0
	}
	return sum / n
}
