package ocr

import (
	"context"
	"image"
	"sync"

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
// once its footprint is free. An image whose decoded points take at most
// keptShare of the memory is kept, and that memory held, until its card
// has been read, so that its whole picture is made only if the card reads
// poorly (see source.whole): made for every card, it took a twentieth of
// the app's own time on 10-megapixel photos. The memory of a larger one is
// given back as soon as its card and whole picture are prepared, at their
// reading size (at most maxReadSide pixels long). The copy an EXIF turn
// makes is given back once the card is prepared, either way.
func (m *imageMemory) load(ctx context.Context, path string) (source, error) {
	fp := fileFootprint(path)
	n := min(fp.peak(), m.size)
	if err := m.sem.Acquire(ctx, n); err != nil {
		return source{}, err
	}
	src, err := loadSource(ctx, path)
	if err == nil && m.held != nil {
		m.held(path)
	}
	if err != nil || fp.decoded > m.size/keptShare {
		if err == nil && src.whole != nil {
			whole := src.whole()
			src.whole = func() *image.Gray { return whole }
		}
		m.sem.Release(n)
		return src, err
	}
	m.sem.Release(n - fp.decoded)
	src.release = sync.OnceFunc(func() { m.sem.Release(fp.decoded) })
	return src, nil
}

// keptShare is the part of a batch's memory (one in keptShare) that an
// image may take and be kept while its card is read: with BatchMemory,
// 24 MiB, a JPEG photo of up to about 16 megapixels.
const keptShare = 8
