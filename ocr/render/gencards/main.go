// Command gencards writes the sample business cards from render.Samples
// as PNG files: DIR/sample-1.png to DIR/sample-5.png, 1200 px wide.
//
//	go run ./ocr/render/gencards assets/samples
package main

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"followthrough/ocr/render"
)

// width is the width of the written cards in pixels.
const width = 1200

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gencards DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gencards:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	for i, c := range render.Samples() {
		path := filepath.Join(dir, fmt.Sprintf("sample-%d.png", i+1))
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = enc.Encode(f, render.Draw(c, width))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}
