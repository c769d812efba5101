package ocr

import (
	"context"

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

// load is loadSource, with the image decoded and its card prepared only
// once its footprint is free, and that memory given back as soon as the
// card is prepared, at its reading size (at most maxReadSide pixels
// long).
func (m *imageMemory) load(ctx context.Context, path string) (source, error) {
	n := min(fileFootprint(path), m.size)
	if err := m.sem.Acquire(ctx, n); err != nil {
		return source{}, err
	}
	defer m.sem.Release(n)
	card, err := loadSource(ctx, path)
	if err == nil && m.held != nil {
		m.held(path)
	}
	return card, err
}
