package vcf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"followthrough/contacts"
)

// failingWriter fails once it has been written to n times.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, errors.New("disk full")
	}
	w.n--
	return len(p), nil
}

func TestExportVCards(t *testing.T) {
	var batches [][]contacts.Contact
	for b := range 7 {
		var cs []contacts.Contact
		for i := range 13 {
			cs = append(cs, contacts.Contact{FullName: fmt.Sprintf("Person %d-%02d", b, i)})
		}
		batches = append(batches, cs)
	}
	source := func(failAt int) func(context.Context, func([]contacts.Contact) error) error {
		return func(ctx context.Context, fn func([]contacts.Contact) error) error {
			for i, cs := range batches {
				if i == failAt {
					return errors.New("database gone")
				}
				if err := fn(slices.Clone(cs)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	upper := func(c contacts.Contact) contacts.Contact { c.Note = "prepared"; return c }

	var buf bytes.Buffer
	n, err := Export(t.Context(), &buf, source(-1), false, upper)
	if err != nil || n != 7*13 {
		t.Fatalf("wrote %d, %v; want %d", n, err, 7*13)
	}
	read, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, cs := range batches {
		want = append(want, names(cs)...)
	}
	if !slices.Equal(names(read), want) {
		t.Errorf("cards out of order: %q", names(read))
	}
	for _, c := range read {
		if c.Note != "prepared" {
			t.Fatalf("%s was not prepared: note %q", c.FullName, c.Note)
		}
	}

	t.Run("source fails", func(t *testing.T) {
		_, err := Export(t.Context(), &bytes.Buffer{}, source(3), true, nil)
		if err == nil || err.Error() != "database gone" {
			t.Errorf("error %v, want the source's", err)
		}
	})
	t.Run("writer fails", func(t *testing.T) {
		n, err := Export(t.Context(), &failingWriter{n: 2}, source(-1), false, nil)
		if err == nil || n != 2*13 {
			t.Errorf("wrote %d, %v; want 26 and the writer's error", n, err)
		}
	})
}
