package sqlite

import (
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/disintegration/imaging"

	"followthrough/contacts"
)

func TestThumbnail(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	tests := []struct {
		name         string
		w, h         int
		wantW, wantH int
	}{
		{"big photo", 4000, 3000, ThumbSide, ThumbSide * 3 / 4},
		{"tall", 600, 1200, ThumbSide / 2, ThumbSide},
		{"small scan", 500, 300, 500, 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := image.NewNRGBA(image.Rect(0, 0, tt.w, tt.h))
			for x := range tt.w {
				img.Set(x, x*tt.h/tt.w, color.Black)
			}
			src := filepath.Join(t.TempDir(), "card.png")
			f, _ := os.Create(src)
			png.Encode(f, img)
			f.Close()
			rel, err := s.ImportImage(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			path, err := s.Thumbnail(ctx, rel)
			if err != nil {
				t.Fatal(err)
			}
			thumb, err := imaging.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if b := thumb.Bounds(); b.Dx() != tt.wantW || b.Dy() != tt.wantH {
				t.Errorf("thumbnail is %dx%d, want %dx%d", b.Dx(), b.Dy(), tt.wantW, tt.wantH)
			}
			// The second time, the cached file is used as it is.
			old := time.Now().Add(-time.Hour)
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
			again, err := s.Thumbnail(ctx, rel)
			if st, _ := os.Stat(again); err != nil || again != path || !st.ModTime().Equal(old) {
				t.Errorf("second call made it again: %s, %v", again, err)
			}
		})
	}
	t.Run("bad input", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.jpg")
		if err := os.WriteFile(bad, []byte("not an image"), 0o644); err != nil {
			t.Fatal(err)
		}
		rel, err := s.ImportImage(ctx, bad)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []string{rel, "images/missing.jpg", "../outside.jpg", ""} {
			if _, err := s.Thumbnail(ctx, r); err == nil {
				t.Errorf("Thumbnail(%q) made something", r)
			}
		}
	})
}

// TestCleanImagesDropsOrphanThumbnails: a thumbnail whose card image is
// gone (left by an older version, which removed images alone) goes with
// the daily clean-up; one whose image is there stays.
func TestCleanImagesDropsOrphanThumbnails(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := t.Context()
	src := filepath.Join(t.TempDir(), "card.png")
	writeTestPNG(t, src)
	rel, err := s.ImportImage(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	c := contacts.Contact{FullName: "Ann Example", Image: rel}
	if err := s.Add(ctx, &c); err != nil {
		t.Fatal(err)
	}
	kept, err := s.Thumbnail(ctx, rel)
	if err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(s.Dir(), thumbsDir, "0123abcd.jpg")
	if err := os.WriteFile(orphan, []byte("jpg"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CleanImages(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(orphan); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the thumbnail of no image is still there (%v)", err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the thumbnail of a contact's image went: %v", err)
	}
}
