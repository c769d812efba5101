package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/ocr"
)

// TestKeepNamesAsPrinted ticks, or not, Settings > Reading cards > Keep
// names as printed, then reads a card whose name is printed in capitals
// in the window's scan and from the watched folder: the name is kept as
// printed only when it is ticked.
func TestKeepNamesAsPrinted(t *testing.T) {
	tests := []struct {
		name string
		keep bool
		want string
	}{
		{"off", false, "Jane Q. Doe"},
		{"on", true, "JANE Q. DOE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			m, _ := newTestWindow(t, store, &apptest.FakeEngine{Lines: apptest.CapitalsCard})
			m.tasks.drain()
			ocrs := m.settings.sections[1].ui.(settingsParts)[0].(*ocrSettings)
			if ocrs.keepCase.Checked {
				t.Fatal("Keep names as printed is ticked before it was chosen")
			}
			if tt.keep {
				test.Tap(ocrs.keepCase)
				m.tasks.drain()
			}
			if got := app.ClassifyOptions(context.Background(), store).KeepNameCase; got != tt.keep {
				t.Fatalf("the setting saved reads %v, want %v", got, tt.keep)
			}

			m.scan.read([]string{apptest.WriteImage(t, t.TempDir(), "card.png")})
			m.tasks.drain()
			if got := m.scan.form.name.Text; got != tt.want {
				t.Errorf("the window's scan reads the name %q, want %q", got, tt.want)
			}
			m.scan.onSkip()
			m.tasks.drain()

			dir := t.TempDir()
			if err := writeFile(filepath.Join(dir, "card.jpg"), apptest.CardPhoto(t, 0, 600)); err != nil {
				t.Fatal(err)
			}
			ws := m.settings.sections[1].ui.(settingsParts)[1].(*watchSettings)
			ws.onChosen(dir)
			m.tasks.drain()
			waitUI(t, m, "the watched folder's card", func() bool { return len(m.scan.queue) == 1 })
			m.watcher.stop()
			if got := fieldValue(m.scan.queue[0].Fields, ocr.FieldName); got != tt.want {
				t.Errorf("the watched folder reads the name %q, want %q", got, tt.want)
			}
		})
	}
}

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

func fieldValue(fs []ocr.Field, kind ocr.FieldKind) string {
	for _, f := range fs {
		if f.Kind == kind {
			return f.Value
		}
	}
	return ""
}
