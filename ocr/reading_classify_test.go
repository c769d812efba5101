package ocr

import (
	"image"
	"testing"
)

// TestReadingClassify: a reading classified again with KeepNameCase keeps
// the name printed in capitals; with the defaults it is as Read made it.
func TestReadingClassify(t *testing.T) {
	rows := cat(stack(100, 80, 70, "JANE Q. DOE", "Senior Product Manager"), stack(100, 400, "jane.doe@acmewidgets.com"))
	ls := lines(rows...)
	tests := []struct {
		opts ClassifyOptions
		want string
	}{
		{ClassifyOptions{}, "Jane Q. Doe"},
		{ClassifyOptions{KeepNameCase: true}, "JANE Q. DOE"},
	}
	for _, tt := range tests {
		r := &Reading{Image: image.NewGray(image.Rectangle{Max: cardSize}), Lines: ls, Fields: Classify(ls, cardSize)}
		r.Classify(tt.opts)
		got := ""
		for _, f := range r.Fields {
			if f.Kind == FieldName {
				got = f.Value
			}
		}
		if got != tt.want {
			t.Errorf("with %+v the name is %q, want %q", tt.opts, got, tt.want)
		}
	}
}
