package ocr

import (
	"context"
	"image"
	"testing"
)

// TestRereadCutDomains: a line whose email or website ends in a suffix
// that does not exist is read again on its own, and the host is taken
// from that reading only where it completes the host as first read.
func TestRereadCutDomains(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1000, 600))
	line := func(text string) Line { return lines(row{text: text, x: 100, y: 400, h: 30})[0] }
	tests := []struct {
		name    string
		first   string // the line as read with the card
		again   string // the line read on its own
		want    string
		rereads int
	}{
		{"an email's last letter dropped", "E: jane@acme.a", "E: jane@acme.ai", "E: jane@acme.ai", 1},
		{"a website's", "www.acme.n", "www.acme.nl", "www.acme.nl", 1},
		{"in capitals", "JANE@ACME.A", "JANE@ACME.AI", "JANE@ACME.AI", 1},
		{"read again otherwise: kept as first read", "E: jane@acme.a", "E: jane@acne.ai", "E: jane@acme.a", 1},
		{"read again no better", "E: jane@acme.a", "E: jane@acme.a", "E: jane@acme.a", 1},
		{"a label more is no completion", "jane@acme.c", "jane@acme.co.uk", "jane@acme.c", 1},
		{"the rest of the line stays", "E: jane@acme.a", "F: jane@acme.ai", "E: jane@acme.ai", 1},
		{"a suffix that exists: no read", "E: jane@acme.com", "", "E: jane@acme.com", 0},
		{"a suffix mended by fixSuffix: no read", "E: jane@acme.co.ijp", "", "E: jane@acme.co.ijp", 0},
		{"no email nor website: no read", "Acme Ltd.", "", "Acme Ltd.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &heightEngine{text: tt.again}
			first := []Line{line("Jane Doe"), line(tt.first)}
			got, reads, err := rereadCutDomains(context.Background(), eng, up, first)
			if err != nil {
				t.Fatal(err)
			}
			if reads != tt.rereads || eng.reads != tt.rereads {
				t.Errorf("%d reads (engine asked %d times), want %d", reads, eng.reads, tt.rereads)
			}
			if got[1].Text != tt.want {
				t.Errorf("line = %q, want %q", got[1].Text, tt.want)
			}
			if got[0].Text != "Jane Doe" || got[1].Box != first[1].Box {
				t.Errorf("other lines or the line's place changed: %q %v", got[0].Text, got[1].Box)
			}
			if first[1].Text != tt.first {
				t.Errorf("the lines given were changed: %q", first[1].Text)
			}
		})
	}
}
