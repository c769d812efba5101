package app

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// BatchHeap is how far the Go heap may grow, softly, above what it held
// live before a batch of cards began. Each worker's images of a photo
// hold up to about 60 MB at once; left to its usual pace, the collector
// lets the heap grow to twice what is live, and a 200-card batch with two
// workers peaked about 60 MB higher than with the limit, for the same
// time (see BENCHMARKS.md).
const BatchHeap = 96 << 20

var heapLimit struct {
	sync.Mutex
	batches int   // batches being read
	before  int64 // the limit before the first of them
}

// LimitHeap sets the Go heap's soft limit for a batch of cards and
// returns the function that lifts it when the batch is done. Batches read
// at once share the first one's limit. A GOMEMLIMIT in the environment
// is left as it is.
func LimitHeap() (lift func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	heapLimit.Lock()
	defer heapLimit.Unlock()
	if heapLimit.batches == 0 {
		heapLimit.before = debug.SetMemoryLimit(LiveHeap() + BatchHeap)
	}
	heapLimit.batches++
	var once sync.Once
	return func() {
		once.Do(func() {
			heapLimit.Lock()
			defer heapLimit.Unlock()
			if heapLimit.batches--; heapLimit.batches == 0 {
				debug.SetMemoryLimit(heapLimit.before)
			}
		})
	}
}

// LiveHeap is how much of the heap the last collection found live.
func LiveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}
