package ocr

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"slices"
	"testing"
)

func TestCutTail(t *testing.T) {
	tests := []struct {
		read, again string
		want        string // "" for none
	}{
		{"株式会社東邦電", "株式会社東邦電機", "機"},
		{"株式会社大和電", "式会社大和電機", "機"}, // its first letter lost
		{"加藤", "加藤亮", "亮"},
		{"小林", "小林 奈緒", "奈緒"},
		{"株式会社東邦電機", "株式会社東邦電機", ""},   // nothing more
		{"株式会社東邦電", "株式会社東邦電 TEL", ""}, // Latin letters
		{"株式会社東邦電", "株式会社東邦電機製作所", ""}, // more than three
		{"株式会社東邦電", "株式会社東和電機", ""},    // read otherwise before
		{"加", "加藤", ""},                // one letter is no evidence
		{"株式会社東邦電", "東邦電機", "機"},
	}
	for _, tt := range tests {
		t.Run(tt.read+" "+tt.again, func(t *testing.T) {
			got, ok := cutTail(tt.read, tt.again)
			if !ok {
				got = ""
			}
			if got != tt.want {
				t.Errorf("cutTail(%q, %q) = %q, want %q", tt.read, tt.again, got, tt.want)
			}
		})
	}
}

// TestRereadCutKanji: a line of kanji whose row shows print past its
// last word is read again further right, and keeps the letters that
// reading adds; a line with nothing past it is not read again.
func TestRereadCutKanji(t *testing.T) {
	// at is a line of words, each of its letters 60 pixels wide, from x.
	at := func(x, y int, conf float64, words ...string) Line {
		var ws []Word
		for _, w := range words {
			n := len([]rune(w))
			ws = append(ws, Word{Text: w, Conf: conf, Box: image.Rect(x, y, x+60*n, y+60)})
			x += 60*n + 10
		}
		return NewLine(ws)
	}
	firm := at(100, 200, 92, "東邦", "電機", "株式会社")
	other := []Line{
		at(100, 300, 90, "TEL", "03-1234-5678"),
		at(100, 400, 90, "taro@toho.co.jp"),
	}
	tests := []struct {
		name  string
		line  Line
		inkTo int // print on the line's row up to x; 0 for none past it
		reads []string
		nread int
		want  string // the line's text after
		field FieldKind
		value string
	}{
		{"a firm's last letter left off", at(100, 100, 93, "株式会社", "東邦", "電"), 600, []string{"株式会社東邦電機"}, 1, "株式会社東邦電機", FieldCompany, "株式会社東邦電機"},
		{"a given name left off", at(100, 100, 94, "加藤"), 400, []string{"加藤 亮"}, 1, "加藤 亮", FieldName, "加藤 亮"},
		{"a given name read as Latin letters", at(100, 100, 60, "小林", "FS"), 520, []string{"小林 奈緒"}, 1, "小林 奈緒", FieldName, "小林 奈緒"},
		{"nothing past the line", at(100, 100, 93, "株式会社", "東邦", "電機"), 0, []string{"株式会社東邦電機製"}, 0, "株式会社東邦電機", FieldCompany, "株式会社東邦電機"},
		{"read otherwise", at(100, 100, 93, "株式会社", "東邦", "電"), 600, []string{"株式会社東和電機"}, 1, "株式会社東邦電", FieldCompany, "株式会社東邦電"},
		{"read as nothing", at(100, 100, 93, "株式会社", "東邦", "電"), 600, []string{""}, 1, "株式会社東邦電", FieldCompany, "株式会社東邦電"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			up := image.NewGray(image.Rect(0, 0, 1600, 914))
			draw.Draw(up, up.Rect, image.White, image.Point{}, draw.Src)
			lines := append([]Line{tt.line}, other...)
			if tt.field == FieldName {
				lines = append(lines, firm)
			}
			for _, l := range lines {
				for _, w := range l.Words {
					draw.Draw(up, w.Box.Inset(8), image.Black, image.Point{}, draw.Src)
				}
			}
			if tt.inkTo > 0 {
				gap := 15 // between letters of a word
				if tt.field == FieldName {
					gap = 40 // a family name set apart from the given name
				}
				draw.Draw(up, image.Rect(tt.line.Box.Max.X+gap, tt.line.Box.Min.Y+8, tt.inkTo, tt.line.Box.Max.Y-8), &image.Uniform{color.Gray{40}}, image.Point{}, draw.Src)
			}
			eng := &queueEngine{texts: tt.reads}
			got, n, err := rereadCutKanji(context.Background(), eng, up, slices.Clone(lines))
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.nread || len(eng.passes) != tt.nread {
				t.Errorf("%d reads (%d counted), want %d", len(eng.passes), n, tt.nread)
			}
			for _, p := range eng.passes {
				if !slices.Equal(p.Langs, []string{"jpn"}) || !p.Only || p.Mode != ModeLine {
					t.Errorf("read with %+v, want one line in jpn alone", p)
				}
			}
			if got[0].Text != tt.want {
				t.Errorf("line %q, want %q", got[0].Text, tt.want)
			}
			value := ""
			for _, f := range Classify(got, image.Pt(1600, 914)) {
				if f.Kind == tt.field {
					value = f.Value
				}
			}
			if value != tt.value {
				t.Errorf("%s %q, want %q", tt.field, value, tt.value)
			}
		})
	}
}
