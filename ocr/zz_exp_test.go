//go:build zzexp

package ocr

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/otiai10/gosseract/v2"
)

func TestZZDump(t *testing.T) {
	for _, p := range strings.Fields(os.Getenv("CARDS")) {
		img, err := LoadImage(p)
		if err != nil {
			t.Fatal(err)
		}
		card := scaleForReading(imaging.Crop(img, FindCard(img)))
		name := strings.TrimSuffix(filepath.Base(p), ".jpg")
		imaging.Save(card, "/tmp/exp/"+name+"_card.png")
		if os.Getenv("PRE") != "" {
			imaging.Save(contrastImage(card), "/tmp/exp/"+name+"_pre.png")
		}
		_ = context.Background
		fmt.Println(name, img.Bounds(), FindCard(img), card.Bounds())
	}
}

func TestZZRead(t *testing.T) {
	eng, err := NewTesseract("eng")
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	if v := os.Getenv("DPI"); v != "" {
		eng.client.SetVariable("user_defined_dpi", v)
	}
	for _, p := range strings.Fields(os.Getenv("CARDS")) {
		img, err := imaging.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		lines, err := eng.Recognize(context.Background(), img)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("==", p, quality(lines))
		for _, l := range lines {
			fmt.Printf("  h=%d c=%.0f %s\n", l.Box.Dy(), l.Conf, l.Text)
		}
	}
}

func TestZZPGM(t *testing.T) {
	img, _ := imaging.Open(os.Getenv("CARDS"))
	os.WriteFile("/tmp/exp/ours.pgm", encodePGM(img), 0o644)
	eng, _ := NewTesseract("eng")
	defer eng.Close()
	eng.client.SetImageFromBytes(encodePGM(img))
	s, _ := eng.client.Text()
	fmt.Println(s[:200])
}

func TestZZPGM2(t *testing.T) {
	for _, mode := range []string{"path", "bytes", "bytesdpi"} {
		c := gosseract.NewClient()
		c.SetLanguage("eng")
		switch mode {
		case "path":
			c.SetImage("/tmp/exp/ours.pgm")
		case "bytes":
			b, _ := os.ReadFile("/tmp/exp/ours.pgm")
			c.SetImageFromBytes(b)
		case "bytesdpi":
			c.SetVariable("user_defined_dpi", "300")
			b, _ := os.ReadFile("/tmp/exp/ours.pgm")
			c.SetImageFromBytes(b)
		}
		s, _ := c.Text()
		fmt.Println(mode, strings.Split(s, "\n")[:2])
		c.Close()
	}
}

func BenchmarkZZContrast(b *testing.B) {
	img, _ := imaging.Open("/tmp/exp/r_26_card.png")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		contrastImage(img)
	}
}
