package ocr

import (
	"context"
	"image"
	"image/draw"
	"slices"
	"strings"
)

// A firm's name drawn as a logo, which layout analysis passed over as
// part of a picture, is read again as one line on its own, and kept when
// it spells the domain of the card's email or website: big italic
// capitals beside a picture the sparse read gave in pieces, a name
// under a drawing not read at all. Kept whatever they
// read, such rows gave a second, misread copy of a firm's name printed
// below its logo ("ACMF WIDGETS" over "ACME WIDGETS, INC."), pieces of
// pictures as firms, and names read again without their marks. Only rows
// of about the domain's length are read: every row passed over, read, was
// 31 reads on the 43 dev cards, most of pictures, and these are 4.
const (
	// A row counts as passed over when fewer than this share of its
	// letters lie in a word read at all.
	missedCovered = 0.5
	// At most this many rows are read again on a card: a picture or
	// a pattern can look like many rows of letters.
	missedRows = 2
	// A row's letters: at least four.
	missedLetters = 4
	// A row read again is kept when read with this confidence or more:
	// large italic capitals read right at 58.
	missedConf = 50
)

// readMissedRows reads again, each on its own as one line, the rows of
// letters on the ink image up that no line read, and adds a row's reading
// to lines when it, or a word of it, spells a domain of the card's
// emails and websites, its words joined when only joined they spell it. It returns the lines
// and how many reads it made.
func readMissedRows(ctx context.Context, eng Engine, up image.Image, lines []Line, p Pass) ([]Line, int, error) {
	domains, named := lineDomains(lines)
	if len(domains) == 0 || named {
		return lines, 0, nil
	}
	g := asGray(up)
	reads := 0
	for _, row := range missedRowsOf(wordBlobs(g), lines, domains) {
		// Letters run together or drawn, no letter blob, may start or
		// end the row: it is read a letter's height further each way.
		// A Brazilian shop's big italics read as two words at 58 on the
		// row alone, and as the one they are at 88 so.
		wide := image.Rect(row.Min.X-row.Dy(), row.Min.Y, row.Max.X+row.Dy(), row.Max.Y)
		// The ink image is print dark on light: Tesseract need not read
		// the row again inverted.
		got, err := readPadded(ctx, eng, g, wide, Pass{Mode: ModeLine, Script: p.Script, Lean: p.Lean, Langs: p.Langs, DarkOnLight: true})
		if err != nil {
			return nil, reads, err
		}
		reads++
		words := wordsOn(got, wide)
		if len(words) == 0 {
			continue
		}
		read := NewLine(words)
		if read.Conf < missedConf {
			continue
		}
		whole := spelledDomain(read.Text, domains)
		word := slices.ContainsFunc(words, func(w Word) bool { return spelledDomain(w.Text, domains) != "" })
		switch {
		case whole == "" && !word:
			continue
		case whole != "" && !word && len(words) > 1:
			// Letters spaced wide, read as words apart: "LARKMO OR".
			joined := words[0]
			for _, w := range words[1:] {
				joined.Text += w.Text
				joined.Box = joined.Box.Union(w.Box)
				joined.Conf = min(joined.Conf, w.Conf)
			}
			read = NewLine([]Word{joined})
		}
		lines = append(lines, read)
		sortLines(lines)
	}
	return lines, reads, nil
}

// lineDomains are the telling labels (see domainLabel) of the domains of
// the emails and websites read in lines: "acme" for jo@mail.acme.example.
// named says whether a line, but for its emails and websites, already
// spells one of them: the firm's name was read, and no row is read again.
func lineDomains(lines []Line) (domains []string, named bool) {
	var rests []string
	for _, l := range lines {
		for _, e := range emailRe.FindAllString(l.Text, -1) {
			_, d, _ := strings.Cut(strings.ReplaceAll(e, " ", ""), "@")
			if lab, ok := domainLabel(strings.ToLower(d)); ok {
				domains = append(domains, lab)
			}
		}
		rest := emailRe.ReplaceAllString(l.Text, " ")
		for _, u := range urlRe.FindAllString(rest, -1) {
			if strings.Contains(u, ".") {
				if lab, ok := domainLabel(hostOf(u)); ok {
					domains = append(domains, lab)
				}
			}
		}
		rests = append(rests, squash(urlRe.ReplaceAllString(rest, " ")))
	}
	for _, rest := range rests {
		for _, d := range domains {
			if len(d) >= missedLetters && strings.Contains(rest, d) {
				return domains, true
			}
		}
	}
	return domains, false
}

// spelledDomain returns the domain of domains that s spells, but for one
// misread letter, or "": "LARKMO OR" for larkmoor.
func spelledDomain(s string, domains []string) string {
	sq := squash(s)
	if len([]rune(sq)) < missedLetters {
		return ""
	}
	for _, d := range domains {
		if sq == d || len(d) >= 6 && oneSlip(sq, d) {
			return d
		}
	}
	return ""
}

// readPadded reads box of the ink image g on its own, on white paper a
// quarter of its height wide around it, and gives the lines read in g's
// coordinates. Cut with a margin of the card around it, a row of large
// letters took in the tops of the line under it, and read as a single
// line it gave part of a word, or nothing.
func readPadded(ctx context.Context, eng Engine, g *image.Gray, box image.Rectangle, p Pass) ([]Line, error) {
	return readPaddedAt(ctx, eng, g, box, 1, p)
}

// readPaddedAt is readPadded with the paper scaled by f before it is read.
func readPaddedAt(ctx context.Context, eng Engine, g *image.Gray, box image.Rectangle, f float64, p Pass) ([]Line, error) {
	box = box.Intersect(g.Rect)
	pad := max(4, box.Dy()/4)
	paper := image.NewGray(image.Rect(0, 0, box.Dx()+2*pad, box.Dy()+2*pad))
	for i := range paper.Pix {
		paper.Pix[i] = 0xff
	}
	draw.Draw(paper, box.Sub(box.Min).Add(image.Pt(pad, pad)), g, box.Min, draw.Src)
	return recognizeAt(ctx, eng, paper, f, p, box.Min.Sub(image.Pt(pad, pad)))
}

// wordBlobs are the blobs of the ink image g that could be a letter or
// letters run together, as bold serif capitals are: no taller than a
// sixth of the card, at least 8 points high, at most 15 times as wide,
// and clear of the image's edges, where the card's cut edge and the
// table show.
func wordBlobs(g *image.Gray) []image.Rectangle {
	var out []image.Rectangle
	b := g.Bounds()
	inside := b.Inset(1)
	eachBlob(g, func(r image.Rectangle, n int) {
		if bw, bh := r.Dx(), r.Dy(); bh >= 8 && bh <= b.Dy()/6 && bw <= 15*bh && bw*4 >= bh && n >= 10 && r.In(inside) {
			out = append(out, r)
		}
	})
	return out
}

// lettersIn is about how many letters a blob holds: one for each two
// thirds of its height it is wide, and at least one.
func lettersIn(b image.Rectangle) int {
	return max(1, 3*b.Dx()/(2*b.Dy()))
}

// missedRowsOf groups a card's blobs of letters (see wordBlobs) into
// rows, and returns the boxes of those no line read (fewer than
// missedCovered of their letters in a word read) that could spell one of
// domains: at least as tall as the card's common letter, with about as
// many letters as the domain (see spellsLength). Largest first, at most
// missedRows of them.
func missedRowsOf(blobs []image.Rectangle, lines []Line, domains []string) []image.Rectangle {
	if len(blobs) == 0 {
		return nil
	}
	heights := make([]int, len(blobs))
	for i, b := range blobs {
		heights[i] = b.Dy()
	}
	slices.Sort(heights)
	common := heights[len(heights)/2]
	blobs = slices.Clone(blobs)
	slices.SortFunc(blobs, func(a, b image.Rectangle) int { return a.Min.X - b.Min.X })
	// A row is measured by its first letter: its height and middle.
	type row struct {
		box    image.Rectangle
		h, mid int
		blobs  []image.Rectangle
	}
	var rows []row
	for _, b := range blobs {
		placed := false
		for i := range rows {
			r := &rows[i]
			if abs(r.mid-(b.Min.Y+b.Max.Y)/2) <= r.h/3 && b.Dy()*3 >= r.h*2 && b.Dy()*2 <= r.h*3 && b.Min.X-r.box.Max.X <= r.h {
				r.box = r.box.Union(b)
				r.blobs = append(r.blobs, b)
				placed = true
				break
			}
		}
		if !placed {
			rows = append(rows, row{box: b, h: b.Dy(), mid: (b.Min.Y + b.Max.Y) / 2, blobs: []image.Rectangle{b}})
		}
	}
	var out []image.Rectangle
	for _, r := range rows {
		letters, read := 0, 0
		for _, b := range r.blobs {
			n := lettersIn(b)
			letters += n
			if inWord(b, lines) {
				read += n
			}
		}
		if letters < missedLetters || r.h < common || !slices.ContainsFunc(domains, func(d string) bool { return spellsLength(letters, d) }) {
			continue
		}
		if float64(read) < missedCovered*float64(letters) {
			out = append(out, r.box)
		}
	}
	slices.SortStableFunc(out, func(a, b image.Rectangle) int { return b.Dy()*b.Dx() - a.Dy()*a.Dx() })
	return out[:min(len(out), missedRows)]
}

// spellsLength says whether a row of about letters letters (see
// lettersIn) could spell domain: it has between half and one and a half
// times as many. A tagline under a logo, two words of 14 letters under a
// name of 9, was read for nothing at up to twice.
func spellsLength(letters int, domain string) bool {
	n := len([]rune(domain))
	return 2*letters >= n && 2*letters <= 3*n
}

// inWord says whether the letter blob b lies in a word of lines.
func inWord(b image.Rectangle, lines []Line) bool {
	c := image.Pt((b.Min.X+b.Max.X)/2, (b.Min.Y+b.Max.Y)/2)
	for _, l := range lines {
		for _, w := range l.Words {
			if c.In(w.Box.Inset(-b.Dy() / 4)) {
				return true
			}
		}
	}
	return false
}
