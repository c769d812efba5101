package app

import (
	"runtime/debug"
	"testing"
)

// TestLimitHeap checks that a batch limits the heap near what is live,
// that batches read at once share the limit, and that it is lifted after
// the last.
func TestLimitHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	current := func() int64 { return debug.SetMemoryLimit(-1) }
	before := current()
	liftA := LimitHeap()
	limit := current()
	if limit >= before || limit < BatchHeap || limit > LiveHeap()+2*BatchHeap {
		t.Errorf("limit during a batch = %d, want about %d above the live heap (%d); it was %d", limit, BatchHeap, LiveHeap(), before)
	}
	liftB := LimitHeap()
	if got := current(); got != limit {
		t.Errorf("a second batch at once moved the limit to %d from %d", got, limit)
	}
	liftA()
	liftA() // a second call counts for nothing
	if got := current(); got != limit {
		t.Errorf("the limit was lifted to %d while a batch was still being read", got)
	}
	liftB()
	if got := current(); got != before {
		t.Errorf("after the batches the limit is %d, want %d as before", got, before)
	}

	t.Setenv("GOMEMLIMIT", "1GiB")
	lift := LimitHeap()
	if got := current(); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit was changed to %d", got)
	}
	lift()
}
