package sqlite

import (
	"context"
	"fmt"
	"image/jpeg"
	"os"
	"path/filepath"

	"github.com/disintegration/imaging"
)

// ThumbSide is the longest side, in pixels, of a card's thumbnail: as
// large as the contact page shows a card, so that the page never decodes
// a 12-megapixel photo.
const ThumbSide = 640

// thumbsDir is where the thumbnails are kept, beside imagesDir.
const thumbsDir = "thumbs"

// Thumbnail returns the path of a small copy of the card image at rel, a
// path relative to Dir as kept in Contact.Image. The first call makes it,
// upright and fitted in ThumbSide pixels, as a JPEG file in the folder
// "thumbs" beside "images"; later calls find it there. Image files are
// named after their content, so a thumbnail never goes stale.
func (s *Store) Thumbnail(ctx context.Context, rel string) (string, error) {
	src := s.ImagePath(rel)
	if src == "" {
		return "", fmt.Errorf("sqlite: thumbnail of %q: not an image of the store", rel)
	}
	path := filepath.Join(s.dir, thumbsDir, thumbName(filepath.Base(src)))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if err := makeThumbnail(src, path); err != nil {
		return "", fmt.Errorf("sqlite: thumbnail of %s: %w", rel, err)
	}
	return path, nil
}

func makeThumbnail(src, path string) error {
	img, err := imaging.Open(src, imaging.AutoOrientation(true))
	if err != nil {
		return err
	}
	if b := img.Bounds(); b.Dx() > ThumbSide || b.Dy() > ThumbSide {
		img = imaging.Fit(img, ThumbSide, ThumbSide, imaging.Linear)
	}
	if err := makePrivateDir(filepath.Dir(path)); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".thumb-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	err = jpeg.Encode(tmp, img, &jpeg.Options{Quality: 85})
	if err := closePrivate(tmp, err); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
