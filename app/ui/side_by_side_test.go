package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// TestSideBySide: two objects 320 wide sit side by side in a page wide
// enough for both, and one above the other in a narrower one, such as the
// contact page of a window 800 wide.
func TestSideBySide(t *testing.T) {
	tests := []struct {
		width      float32
		sideBySide bool
	}{
		{900, true},
		{400, false},
	}
	for _, tt := range tests {
		a, b := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
		a.SetMinSize(fyne.NewSize(320, 100))
		b.SetMinSize(fyne.NewSize(320, 50))
		objs := []fyne.CanvasObject{a, b}
		l := sideBySide{}
		size := fyne.NewSize(tt.width, l.MinSize(objs).Height)
		l.Layout(objs, size)
		if got := b.Position().Y == 0 && b.Position().X > 0; got != tt.sideBySide {
			t.Errorf("at %v wide, b is at %v: side by side %v, want %v", tt.width, b.Position(), got, tt.sideBySide)
		}
		if a.Size().Width > tt.width || b.Position().X+b.Size().Width > tt.width {
			t.Errorf("at %v wide, a is %v and b %v at %v: past the edge", tt.width, a.Size(), b.Size(), b.Position())
		}
	}
}
