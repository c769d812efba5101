package ui

import (
	"context"
	"testing"
	"time"
)

// TestTasksNeverBlockTheCaller checks that asking for work never waits on
// the worker, however many jobs are queued behind a slow one, and that the
// jobs run in the order asked.
func TestTasksNeverBlockTheCaller(t *testing.T) {
	tk := &tasks{held: true}
	release := make(chan struct{})
	var order []int
	asked := make(chan struct{})
	go func() {
		tk.inOrder(func(context.Context) func() { <-release; return nil })
		for i := range 1000 {
			tk.inOrder(func(context.Context) func() { return func() { order = append(order, i) } })
		}
		close(asked)
	}()
	select {
	case <-asked:
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("inOrder blocked while the worker was busy")
	}
	close(release)
	tk.drain()
	if len(order) != 1000 {
		t.Fatalf("%d of 1000 jobs handed back", len(order))
	}
	for i, n := range order {
		if n != i {
			t.Fatalf("job %d ran as number %d", n, i)
		}
	}
}
