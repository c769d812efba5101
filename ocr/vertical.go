package ocr

import (
	"context"
	"image"
	"image/draw"
	"slices"
	"strings"
	"unicode/utf8"
)

// A column is a column of print on a card printed down its height,
// found by its ink: a run of letters one under the other, with white
// either side of it.
type column struct {
	box   image.Rectangle
	lines []int // the lines read in it
}

// inkColumns finds the columns of print on g, the upright card lines
// were read from: its letterBlobs, but for those of lines read across
// it, joined where they share some width, into runs at least columnTall
// times as tall as they are wide. Each holds the lines read in it.
func inkColumns(g *image.Gray, lines []Line) []column {
	var blobs []image.Rectangle
	for _, b := range letterBlobs(g) {
		if !slices.ContainsFunc(lines, func(l Line) bool { return acrossLine(l) && b.Overlaps(l.Box) }) {
			blobs = append(blobs, b)
		}
	}
	slices.SortFunc(blobs, func(a, b image.Rectangle) int { return a.Min.X - b.Min.X })
	var runs []image.Rectangle
	for _, b := range blobs {
		if n := len(runs); n > 0 && b.Min.X < runs[n-1].Max.X {
			runs[n-1] = runs[n-1].Union(b)
			continue
		}
		runs = append(runs, b)
	}
	var cols []column
	for _, r := range runs {
		if r.Dy() < columnTall*r.Dx() {
			continue
		}
		c := column{box: r}
		for j, l := range lines {
			mid := (l.Box.Min.X + l.Box.Max.X) / 2
			if !acrossLine(l) && mid >= r.Min.X && mid < r.Max.X && l.Box.Overlaps(r) {
				c.lines = append(c.lines, j)
			}
		}
		cols = append(cols, c)
	}
	return cols
}

// acrossLine says whether l was read across a card printed down its
// height, as its phone and email are: a line three times as wide as tall.
func acrossLine(l Line) bool { return l.Box.Dx() >= 3*l.Box.Dy() }

// rereadColumns reads again each column of print on the upright card up,
// printed down its height, whose reading in lines was unsure or passed
// over part of it: its letters, cut apart at the white between them, are
// set across in a line (see acrossImage) and read in Japanese, at each of
// acrossHeights. Read whole in jpn_vert, the large name of an invented
// vertical card lost a kanji (健 read as 島) or broke into pieces; read on
// its own as one column in jpn_vert, each of eight names read right at
// most sizes from 24 to 100 pixels a letter, but each hard kanji (健, 輔,
// 翔, 龍) wrong at one or two of them. Set across and read in jpn, all ten
// names of a sweep read right at 32 pixels a letter, nine at 48.
//
// The surer of the readings replaces the column's lines when it holds
// two kanji or kana or more and reads about as surely as they did, or
// surely where nothing was read. It returns the lines and how many reads
// it made.
func rereadColumns(ctx context.Context, eng Engine, up image.Image, lines []Line) ([]Line, int, error) {
	g := asGray(up)
	cols := inkColumns(g, lines)
	reads := 0
	replaced := map[int]Line{} // where a column's reading goes: its first line, or past the end
	var gone []int             // the lines the readings replace
	for k, c := range cols {
		first := columnText(lines, c.lines)
		if sureColumn(lines, c) {
			continue
		}
		box := columnCrop(cols, k, lines, g.Bounds())
		img, cells, places := acrossImage(g.SubImage(box).(*image.Gray))
		if len(cells) < 2 {
			continue
		}
		var best Line
		for _, h := range acrossHeights {
			f := float64(h) / float64(img.Bounds().Dy()) * acrossPad
			got, err := eng.Recognize(ctx, scaleGray(img, f), Pass{Mode: ModeLine, Script: "Japanese", Langs: []string{"jpn"}, Only: true})
			if err != nil {
				return nil, reads, err
			}
			reads++
			var words []Word
			for _, l := range scaleLines(got, f) {
				words = append(words, l.Words...)
			}
			if again := NewLine(backDown(words, cells, places)); again.Conf > best.Conf {
				best = again
			}
		}
		if n := cjkLetters(best.Text); n < 2 || 2*n < utf8.RuneCountInString(strings.ReplaceAll(best.Text, " ", "")) || sameLetters(best.Text, first.Text) ||
			best.Conf+columnMargin < first.Conf || len(c.lines) == 0 && best.Conf < cjkConf {
			continue
		}
		at := len(lines) + k
		if len(c.lines) > 0 {
			at = slices.Min(c.lines)
		}
		replaced[at] = best
		gone = append(gone, c.lines...)
	}
	if len(replaced) == 0 {
		return lines, reads, nil
	}
	var out []Line
	for j := range len(lines) + len(cols) {
		if r, ok := replaced[j]; ok {
			out = append(out, r)
		} else if j < len(lines) && !slices.Contains(gone, j) {
			out = append(out, lines[j])
		}
	}
	return out, reads, nil
}

// acrossHeights are the heights, in pixels, of the letters of a column
// set across that it is read at.
var acrossHeights = []int{32, 48}

// acrossPad is how many times as tall as a letter a column set across is
// drawn: a third of a letter's width above and below it.
const acrossPad = 5.0 / 3

// acrossImage sets the letters of col, one column of print, across in a
// line, on white: each cut at the white rows between them (see
// columnCells), in a square as wide as the column with a third of that
// between squares, and half a square more where a gap of half a letter
// or more stood between them, as between a family and a given name. It
// returns the line, the letters' boxes on col, and their boxes on the
// line.
func acrossImage(col *image.Gray) (*image.Gray, []image.Rectangle, []image.Rectangle) {
	cells := columnCells(col)
	if len(cells) == 0 {
		return nil, nil, nil
	}
	w := 0
	for _, c := range cells {
		w = max(w, c.Dx())
	}
	pad := w / 3
	x := pad
	places := make([]image.Rectangle, len(cells))
	for k, c := range cells {
		if k > 0 && c.Min.Y-cells[k-1].Max.Y >= w/2 {
			x += w / 2
		}
		at := image.Pt(x+(w-c.Dx())/2, pad+(w-c.Dy())/2)
		places[k] = image.Rectangle{Min: at, Max: at.Add(c.Size())}
		x += w + pad
	}
	out := image.NewGray(image.Rect(0, 0, x, w+2*pad))
	for i := range out.Pix {
		out.Pix[i] = 0xff
	}
	for k, c := range cells {
		draw.Draw(out, places[k], col, c.Min, draw.Src)
	}
	return out, cells, places
}

// columnCells cuts col, one column of print, into its letters: the runs
// of rows holding ink, those of one letter joined (三 is three runs)
// while together they stand no taller than 23/20 of the column's width.
func columnCells(col *image.Gray) []image.Rectangle {
	b := col.Bounds()
	var runs []image.Rectangle
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := col.Pix[col.PixOffset(b.Min.X, y):col.PixOffset(b.Max.X, y)]
		x0, x1 := -1, -1
		for x, v := range row {
			if v < 128 {
				if x0 < 0 {
					x0 = x
				}
				x1 = x + 1
			}
		}
		if x0 < 0 {
			continue
		}
		r := image.Rect(b.Min.X+x0, y, b.Min.X+x1, y+1)
		if n := len(runs); n > 0 && runs[n-1].Max.Y == y {
			runs[n-1] = runs[n-1].Union(r)
		} else {
			runs = append(runs, r)
		}
	}
	w := 0
	for _, r := range runs {
		w = max(w, r.Dx())
	}
	var cells []image.Rectangle
	for _, r := range runs {
		if n := len(cells); n > 0 {
			u := cells[n-1].Union(r)
			if 20*u.Dy() <= 23*w && (4*cells[n-1].Dy() < 3*w || 4*r.Dy() < 3*w) {
				cells[n-1] = u
				continue
			}
		}
		cells = append(cells, r)
	}
	return cells
}

// backDown puts words, read on a column's letters set across (places),
// back on the column. When they hold as many letters as it has, each
// word's box is the union of its letters' boxes on the column (cells), in
// order. Else each letter goes to the word overlapping it most, and a
// word with none has the box of the letter it overlaps most: Tesseract's
// boxes of kanji spill into the next letter.
func backDown(words []Word, cells, places []image.Rectangle) []Word {
	n := 0
	for _, w := range words {
		n += utf8.RuneCountInString(w.Text)
	}
	if n == len(cells) {
		out := slices.Clone(words)
		k := 0
		for i, w := range out {
			m := utf8.RuneCountInString(w.Text)
			out[i].Box = cells[k]
			for _, c := range cells[k+1 : k+m] {
				out[i].Box = out[i].Box.Union(c)
			}
			k += m
		}
		return out
	}
	overlap := func(w Word, k int) int {
		return min(w.Box.Max.X, places[k].Max.X) - max(w.Box.Min.X, places[k].Min.X)
	}
	boxes := make([]image.Rectangle, len(words))
	for k := range places {
		best, at := 0, -1
		for i, w := range words {
			if o := overlap(w, k); o > best {
				best, at = o, i
			}
		}
		if at >= 0 {
			boxes[at] = boxes[at].Union(cells[k])
		}
	}
	var out []Word
	for i, w := range words {
		if boxes[i].Empty() {
			best := 0
			for k := range places {
				if o := overlap(w, k); o > best {
					best, boxes[i] = o, cells[k]
				}
			}
		}
		if !boxes[i].Empty() {
			w.Box = boxes[i]
			out = append(out, w)
		}
	}
	return out
}

// sureColumn says whether the lines read in column c read it surely:
// all of it, each line surely.
func sureColumn(lines []Line, c column) bool {
	if len(c.lines) == 0 {
		return false
	}
	var box image.Rectangle
	for _, k := range c.lines {
		if lines[k].Conf < sureColumnConf {
			return false
		}
		box = box.Union(lines[k].Box)
	}
	return box.Dy() >= c.box.Dy()*9/10
}

// sureColumnConf is the confidence of each line of a column's reading
// over which it is not read again.
const sureColumnConf = 85

// columnMargin is how much less surely than the first read a column's
// reading set across may read and still replace it: the first read of a
// large name broken into pieces read some of them surely.
const columnMargin = 10

// columnText is the lines of a column, ks, as one line, top to bottom.
func columnText(lines []Line, ks []int) Line {
	ks = slices.Clone(ks)
	slices.SortFunc(ks, func(a, b int) int { return lines[a].Box.Min.Y - lines[b].Box.Min.Y })
	var words []Word
	for _, k := range ks {
		words = append(words, lines[k].Words...)
	}
	return NewLine(words)
}

// columnCrop is the part of the card, bounds, to read column k of cols
// from: its box with a margin of a quarter of its width across and half
// of it down, short of the columns beside it and the lines read across.
func columnCrop(cols []column, k int, lines []Line, bounds image.Rectangle) image.Rectangle {
	c := cols[k].box
	mx, my := c.Dx()/4, c.Dx()/2
	box := image.Rect(c.Min.X-mx, c.Min.Y-my, c.Max.X+mx, c.Max.Y+my).Intersect(bounds)
	for j, o := range cols {
		if j == k || min(o.box.Max.Y, c.Max.Y) <= max(o.box.Min.Y, c.Min.Y) {
			continue
		}
		if o.box.Max.X <= c.Min.X {
			box.Min.X = max(box.Min.X, (o.box.Max.X+c.Min.X)/2)
		} else if o.box.Min.X >= c.Max.X {
			box.Max.X = min(box.Max.X, (o.box.Min.X+c.Max.X)/2)
		}
	}
	for _, l := range lines {
		if !acrossLine(l) || min(l.Box.Max.X, c.Max.X) <= max(l.Box.Min.X, c.Min.X) {
			continue
		}
		if l.Box.Min.Y >= c.Max.Y {
			box.Max.Y = min(box.Max.Y, (l.Box.Min.Y+c.Max.Y)/2)
		} else if l.Box.Max.Y <= c.Min.Y {
			box.Min.Y = max(box.Min.Y, (l.Box.Max.Y+c.Min.Y)/2)
		}
	}
	return box
}

// sameLetters says whether a and b are the same but for spaces.
func sameLetters(a, b string) bool {
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strip(a) == strip(b)
}
