package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
)

// controls returns the controls shown under o (hidden ones left out),
// each with a name to report it by.
func controls(o fyne.CanvasObject) map[fyne.CanvasObject]string {
	found := map[fyne.CanvasObject]string{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Button:
			found[v] = "button " + v.Text
			return
		case *widget.Check:
			found[v] = "check " + v.Text
			return
		case *dialogCheck:
			found[v] = "check " + v.Text
			return
		case *widget.Select:
			found[v] = "select " + v.Selected
			return
		case *widget.Entry:
			found[v] = "entry " + v.Text + v.PlaceHolder
			return
		case *widget.RadioGroup:
			found[v] = "radio group"
			return
		case *widget.List:
			found[v] = "list"
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// TestSettingsReachable: in a small window and in the default one, every
// control of every section of Settings lies whole within what the screen
// scrolls over, so that scrolling reaches it; the Backups buttons at the
// end used to be cut off, or showed a sliver.
func TestSettingsReachable(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			store := apptest.OpenStore(t)
			apptest.AddPeople(t, store, "Ann Example")
			m, w := newTestWindow(t, store, &apptest.FakeEngine{})
			w.Resize(size)
			m.tabs.Select(m.settingsTab)
			m.tasks.drain()
			b := sectionOf[*backupSettings](t, m)
			test.Tap(b.backupNow) // a backup listed, and a status line under the buttons
			m.tasks.drain()

			scroll := m.settings.scroll
			content := scroll.Content
			d := fyne.CurrentApp().Driver()
			top := d.AbsolutePositionForObject(content).Y
			cs := controls(content)
			for _, want := range []fyne.CanvasObject{b.backupNow, b.restore, b.restoreFile, b.exportAll, b.importAll} {
				if _, ok := cs[want]; !ok {
					t.Fatalf("%q is not among the controls shown", want.(*widget.Button).Text)
				}
			}
			left := d.AbsolutePositionForObject(content).X
			for o, name := range cs {
				pos := d.AbsolutePositionForObject(o)
				x, y := pos.X-left, pos.Y-top
				if h := o.Size().Height; h < o.MinSize().Height || y < 0 || y+h > content.Size().Height {
					t.Errorf("%s: at %v, %v high (at least %v), in content %v high: cut off", name, y, h, o.MinSize().Height, content.Size().Height)
				}
				if x < 0 || x+o.Size().Width > scroll.Size().Width {
					t.Errorf("%s: from %v to %v across, in a screen %v wide: cut off", name, x, x+o.Size().Width, scroll.Size().Width)
				}
			}
			if ocr := m.settings.sections[1].ui.(settingsParts)[0].(*ocrSettings); ocr.empty.Size().Height > ocr.empty.MinSize().Height+1 {
				t.Errorf("with no corrections learnt, the line that says so takes %v, for %v of text: a gap under it", ocr.empty.Size().Height, ocr.empty.MinSize().Height)
			}
			if content.Size().Height < content.MinSize().Height {
				t.Errorf("the settings are %v high, laid out in %v", content.MinSize().Height, content.Size().Height)
			}
		})
	}
}
