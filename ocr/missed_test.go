package ocr

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// TestReadMissedRows: a row of letters no line read is read on its own,
// and kept when it spells the domain of the card's email or website.
func TestReadMissedRows(t *testing.T) {
	tests := []struct {
		name    string
		letters int    // blobs drawn in the row passed over
		email   string // the card's email line, "" for none
		covered bool   // a line was read over the row
		again   string // the row read on its own
		want    string // the line added, "" for none
		reads   int
	}{
		{"a logo spelling the domain", 9, "jo@larkmoor.example", false, "LARKMOOR", "LARKMOOR", 1},
		{"its letters read apart, joined", 9, "jo@larkmoor.example", false, "LARKMO OR", "LARKMOOR", 1},
		{"one letter misread", 9, "jo@larkmoor.example", false, "LARKM0OR", "LARKM0OR", 1},
		{"words of their own, kept apart", 9, "jo@larkmoor.example", false, "LARKMOOR LTD", "LARKMOOR LTD", 1},
		{"spelling something else", 9, "jo@larkmoor.example", false, "HEATHLAND", "", 1},
		{"the domain a website's", 9, "www.larkmoor.example", false, "LARKMOOR", "LARKMOOR", 1},
		{"a row read already: no read", 9, "jo@larkmoor.example", true, "LARKMOOR", "", 0},
		{"no domain: no read", 9, "", false, "LARKMOOR", "", 0},
		{"a free mail's domain: no read", 5, "jo@gmail.com", false, "GMAIL", "", 0},
		{"far fewer letters than the domain: no read", 4, "jo@larkmoorgardening.example", false, "LARK", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			up := image.NewGray(image.Rect(0, 0, 1600, 1000))
			draw.Draw(up, up.Rect, image.White, image.Point{}, draw.Src)
			ink := image.NewUniform(color.Gray{})
			var logo image.Rectangle
			for i := range tt.letters {
				b := image.Rect(1000+i*32, 700, 1000+i*32+24, 740)
				draw.Draw(up, b, ink, image.Point{}, draw.Src)
				logo = logo.Union(b)
			}
			first := lines(row{text: "Jo Example", x: 100, y: 100, h: 60})
			if tt.email != "" {
				first = append(first, lines(row{text: tt.email, x: 100, y: 300})...)
			}
			if tt.covered {
				first = append(first, Line{Text: "LARKMOOR", Box: logo, Conf: 90, Words: []Word{{Text: "LARKMOOR", Box: logo, Conf: 90}}})
			}
			sortLines(first)
			eng := &heightEngine{text: tt.again}
			got, reads, err := readMissedRows(context.Background(), eng, up, first, Pass{})
			if err != nil {
				t.Fatal(err)
			}
			if reads != tt.reads || eng.reads != tt.reads {
				t.Errorf("%d reads (engine asked %d times), want %d", reads, eng.reads, tt.reads)
			}
			var added []Line
			for _, l := range got {
				if l.Box.Overlaps(logo) && !tt.covered {
					added = append(added, l)
				}
			}
			switch {
			case tt.want == "" && len(added) > 0:
				t.Errorf("added %q, want nothing", added[0].Text)
			case tt.want != "" && (len(added) != 1 || added[0].Text != tt.want):
				t.Errorf("added %v, want %q", added, tt.want)
			case len(got) != len(first)+len(added):
				t.Errorf("%d lines, want the %d read and %d added", len(got), len(first), len(added))
			}
		})
	}
}

// TestMissedLogoIsCompany: a logo read on its own that spells the email's
// domain is the card's company, not a suggestion from the domain.
func TestMissedLogoIsCompany(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1600, 1000))
	draw.Draw(up, up.Rect, image.White, image.Point{}, draw.Src)
	for i := range 9 {
		draw.Draw(up, image.Rect(1000+i*32, 700, 1000+i*32+24, 740), image.NewUniform(color.Gray{}), image.Point{}, draw.Src)
	}
	first := lines(row{text: "Jordan Example", x: 100, y: 100, h: 60}, row{text: "jordan@larkmoor.example", x: 100, y: 300})
	got, _, err := readMissedRows(context.Background(), &heightEngine{text: "LARKMOOR"}, up, first, Pass{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Classify(got, cardSize) {
		if f.Kind == FieldCompany {
			if f.Value != "LARKMOOR" || f.Suggested {
				t.Errorf("company %q (suggested %v), want LARKMOOR filled in", f.Value, f.Suggested)
			}
			return
		}
	}
	t.Error("no company")
}
