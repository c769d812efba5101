package app_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/disintegration/imaging"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/app/receive"
	"followthrough/app/review"
	"followthrough/ocr"
	"followthrough/ocr/render"
)

// bigPhotos writes n 12-megapixel JPEG photos of rendered cards, each
// card taking most of its photo, as bench/bigphotos makes them.
func bigPhotos(b *testing.B, n int) [][]byte {
	b.Helper()
	samples := render.Samples()
	frame := image.Pt(4000, 3000)
	var out [][]byte
	for i := range n {
		card := render.Draw(samples[i%len(samples)], int(0.7*float64(frame.X)))
		photo := imaging.New(frame.X, frame.Y, color.NRGBA{90, 70, 50, 255})
		cb := card.Bounds()
		photo = imaging.Paste(photo, card, image.Pt((frame.X-cb.Dx())/2, (frame.Y-cb.Dy())/2))
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, photo, &jpeg.Options{Quality: 90}); err != nil {
			b.Fatal(err)
		}
		out = append(out, buf.Bytes())
	}
	return out
}

// BenchmarkPhoneCardInReview measures, with Tesseract, how long a
// 12-megapixel photo takes from the start of its upload (on loopback,
// where the transfer itself is near instant) to being read and kept in
// the review queue, as the window keeps it on the goroutine that read it
// (review.Queue.AddRead: the photo's copy and the card at review size):
// alone, and sent just after two or three others that are still being
// read (with two processors, two are read on the pool's engines, and a
// third on the engine kept for the newest card). It reports the median,
// the mean and the slowest of the card waited for, and the engine's part
// of it (s-reading) and of keeping it (s-keeping-median).
//
//	OMP_THREAD_LIMIT=1 go test -tags migrated_fynedo,sqlite_fts5,ci -run '^$' -bench PhoneCardInReview -benchtime 5x ./app/
func BenchmarkPhoneCardInReview(b *testing.B) {
	photos := bigPhotos(b, 4)
	for _, bb := range []struct {
		name   string
		before int // photos sent just before the one measured
	}{{"alone", 0}, {"after_2_being_read", 2}, {"after_3_being_read", 3}} {
		b.Run(bb.name, func(b *testing.B) {
			dir := b.TempDir()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var mu sync.Mutex
			read := map[string]chan time.Time{}
			var readingTime []float64 // of the card measured: the engine's part
			var passes []float64      // of the card measured: the engine's passes
			var keeping []float64     // of the card measured: AddRead
			waiting, err := review.Open(filepath.Join(dir, "review"))
			if err != nil {
				b.Fatal(err)
			}
			batch := review.NewBatch()
			q := &app.Arrivals{
				NewEngine: func() (ocr.Engine, error) { return app.NewEngine(ocr.DefaultLanguages) },
				Read: func(a app.Arrival, r ocr.Result) {
					kept := time.Now()
					if r.Err != nil {
						b.Error(r.Err)
					} else if _, err := waiting.AddRead(ctx, a.Path, r.Reading, batch, a.Event, false); err != nil {
						b.Error(err)
					}
					keep := time.Since(kept).Seconds()
					mu.Lock()
					ch := read[a.ID]
					if a.ID == fmt.Sprint(len(read)) { // the last sent: the one measured
						readingTime = append(readingTime, r.Elapsed.Seconds())
						keeping = append(keeping, keep)
						if r.Reading != nil {
							passes = append(passes, float64(r.Reading.Passes))
						}
					}
					mu.Unlock()
					ch <- time.Now()
				},
			}
			sink := app.ReceiveSink(app.ReceivedDir(dir), q, func() string { return "Bench" })
			srv, err := receive.Start(ctx, receive.Options{Listen: "127.0.0.1:0", CertDir: dir, Sink: sink})
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Stop()
			go q.Run(ctx)
			phone := apptest.NewPhone(srv.URL(), srv.Fingerprint())
			n := 0
			send := func(data []byte) (time.Time, chan time.Time) {
				n++
				start := time.Now()
				// The sink's IDs count from 1 as the uploads do.
				ch := make(chan time.Time, 1)
				mu.Lock()
				read[fmt.Sprint(n)] = ch
				mu.Unlock()
				phone.Upload(b, fmt.Sprintf("IMG_%04d.jpg", n), fmt.Sprintf("k%d", n), data)
				return start, ch
			}
			time.Sleep(time.Second) // the engines start
			var waits []float64
			b.ResetTimer()
			for range b.N {
				var earlier []chan time.Time
				for i := range bb.before {
					_, ch := send(photos[i])
					earlier = append(earlier, ch)
				}
				start, ch := send(photos[3])
				waits = append(waits, (<-ch).Sub(start).Seconds())
				for _, ch := range earlier {
					<-ch
				}
			}
			b.StopTimer()
			sum := 0.0
			for _, w := range waits {
				sum += w
			}
			b.ReportMetric(median(waits), "s-median")
			b.ReportMetric(sum/float64(len(waits)), "s-to-review")
			b.ReportMetric(slices.Max(waits), "s-to-review-max")
			mu.Lock()
			sum = 0
			for _, r := range readingTime {
				sum += r
			}
			b.ReportMetric(sum/float64(max(1, len(readingTime))), "s-reading")
			sum = 0
			for _, p := range passes {
				sum += p
			}
			b.ReportMetric(sum/float64(max(1, len(passes))), "passes")
			b.ReportMetric(median(keeping), "s-keeping-median")
			mu.Unlock()
			b.ReportMetric(0, "ns/op")
		})
	}
}

// median is the middle of xs, or the mean of the two in the middle.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// BenchmarkFirstDroppedCardInReview measures how long the first card of
// ten 12-megapixel photos dropped on the window takes to be read and kept
// in the review queue, along the path the window's drop takes
// (app.ImagePaths on the folder, ocr.Batch with one worker per processor
// under app.LimitHeap, review.Queue.AddRead on the reading goroutine).
//
//	OMP_THREAD_LIMIT=1 go test -tags migrated_fynedo,sqlite_fts5,ci -run '^$' -bench FirstDroppedCard -benchtime 3x ./app/
func BenchmarkFirstDroppedCardInReview(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i, data := range bigPhotos(b, 10) {
		p := filepath.Join(dir, fmt.Sprintf("%02d.jpg", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	waiting, err := review.Open(filepath.Join(b.TempDir(), "review"))
	if err != nil {
		b.Fatal(err)
	}
	var firsts []float64
	b.ResetTimer()
	for range b.N {
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		found, err := app.ImagePaths([]string{dir})
		if err != nil || len(found) != len(paths) {
			b.Fatalf("found %d of %d photos: %v", len(found), len(paths), err)
		}
		batch := ocr.Batch{NewEngine: func() (ocr.Engine, error) { return app.NewEngine(ocr.DefaultLanguages) }}
		lift := app.LimitHeap()
		first := true
		group := review.NewBatch()
		batch.Read(ctx, found, func(r ocr.Result) {
			if first {
				first = false
				if r.Err != nil {
					b.Error(r.Err)
				} else if _, err := waiting.AddRead(context.Background(), r.Path, r.Reading, group, "Bench", false); err != nil {
					b.Error(err)
				}
				firsts = append(firsts, time.Since(start).Seconds())
				cancel() // the rest of the batch is not measured
			}
		})
		lift()
		cancel()
	}
	b.StopTimer()
	sum := 0.0
	for _, f := range firsts {
		sum += f
	}
	b.ReportMetric(median(firsts), "s-median")
	b.ReportMetric(sum/float64(len(firsts)), "s-to-first")
	b.ReportMetric(slices.Max(firsts), "s-to-first-max")
	b.ReportMetric(0, "ns/op")
}
