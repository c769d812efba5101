package vcf

import (
	"bytes"
	"context"
	"io"
	"runtime"

	"followthrough/contacts"
)

// Export writes the contacts that each hands over, a batch at a
// time (as Store.EachContact does), to w as vCard 3.0, or 4.0 with v4,
// and returns how many it wrote. It encodes batches on all processors
// while the next ones are read, and writes them in order: exporting a
// hundred thousand contacts is then as fast as reading them or encoding
// them, whichever is slower, and holds a few batches at most. prepare, if
// not nil, changes each contact before it is encoded, in the same
// goroutines, such as to add its photo.
func Export(ctx context.Context, w io.Writer, each func(context.Context, func([]contacts.Contact) error) error, v4 bool, prepare func(contacts.Contact) contacts.Contact) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	write := Write
	if v4 {
		write = Write4
	}
	type encoded struct {
		n   int
		b   []byte
		err error
	}
	// Each batch is encoded by a goroutine of its own, which hands the
	// result over through its own channel; the channels queue in order,
	// and the queue's length bounds the batches in hand.
	queue := make(chan chan encoded, runtime.NumCPU())
	go func() {
		defer close(queue)
		err := each(ctx, func(cs []contacts.Contact) error {
			done := make(chan encoded, 1)
			select {
			case queue <- done:
			case <-ctx.Done():
				return ctx.Err()
			}
			go func() {
				if prepare != nil {
					for i := range cs {
						cs[i] = prepare(cs[i])
					}
				}
				var buf bytes.Buffer
				buf.Grow(len(cs) * 600) // a card is about 500 bytes
				err := write(&buf, cs...)
				done <- encoded{len(cs), buf.Bytes(), err}
			}()
			return nil
		})
		if err != nil {
			done := make(chan encoded, 1)
			done <- encoded{err: err}
			queue <- done
		}
	}()
	n := 0
	var err error
	for done := range queue {
		e := <-done
		if err != nil {
			continue // drain what is in hand
		}
		if err = e.err; err == nil {
			_, err = w.Write(e.b)
		}
		if err != nil {
			cancel()
			continue
		}
		n += e.n
	}
	return n, err
}
