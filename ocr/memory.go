package ocr

import (
	"context"
	"fmt"
	"image"

	"golang.org/x/sync/semaphore"
)

// BatchMemory is the memory a batch's images may take at once while they
// are decoded and prepared, when Batch.Memory is not set: as much as the
// largest image accepted (MaxDecodedBytes), which is two JPEG photos of up
// to 64 megapixels at a time, or one PNG of 40 beside a small photo.
const BatchMemory = MaxDecodedBytes

// imageMemory shares out the memory for decoded images among a batch's
// workers.
type imageMemory struct {
	sem  *semaphore.Weighted
	size int64
	held func(path string) // called with the memory held, by tests
}

// newImageMemory shares out size bytes; BatchMemory when size is 0.
func newImageMemory(size int64) *imageMemory {
	if size <= 0 {
		size = BatchMemory
	}
	return &imageMemory{sem: semaphore.NewWeighted(size), size: size}
}

// read is Read, with the card's image decoded and prepared only once its
// footprint is free, and that memory given back as soon as the card is
// prepared, at its reading size (no more than maxSide pixels long).
func (m *imageMemory) read(ctx context.Context, eng Engine, path string) (*Reading, error) {
	n := min(fileFootprint(path), m.size)
	if err := m.sem.Acquire(ctx, n); err != nil {
		return nil, err
	}
	card, err := func() (*image.NRGBA, error) {
		defer m.sem.Release(n)
		img, err := LoadImage(path)
		if err != nil {
			return nil, err
		}
		card := prepareCard(img)
		if m.held != nil {
			m.held(path)
		}
		return card, nil
	}()
	if err != nil {
		return nil, err
	}
	r, err := readCard(ctx, eng, card)
	if err != nil {
		return nil, fmt.Errorf("ocr: read %s: %w", path, err)
	}
	r.Path = path
	return r, nil
}
