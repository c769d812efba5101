// Package assets holds the files shipped inside Follow Through: its icon
// and the sample cards offered on first run, which the project renders
// itself (see ocr/render) so that no real person's card is shipped.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

//go:embed samples/*.png
var samples embed.FS

// WriteSamples writes the sample card images into dir and returns their
// paths, in order.
func WriteSamples(dir string) ([]string, error) {
	names, err := fs.Glob(samples, "samples/*.png")
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, name := range names {
		data, err := samples.ReadFile(name)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, filepath.Base(name))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, fmt.Errorf("assets: write sample %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
