package tesseract

import (
	"context"
	"sync"
	"testing"

	"followthrough/ocr"
	"followthrough/ocr/render"
	"followthrough/ocr/tesseract/tesstest"
)

// TestSharedClients reads with two engines at once through the clients
// they share, and checks that the clients outlive the first engine closed
// and go with the last.
func TestSharedClients(t *testing.T) {
	tesstest.Languages(t, Installed, "eng", "jpn", "osd")
	ctx := context.Background()
	card := render.Draw(render.Samples()[0], 1050) // encodeImage greys it
	engines := make([]*Engine, 2)
	for i := range engines {
		e, err := New("eng", "jpn")
		if err != nil {
			t.Fatal(err)
		}
		engines[i] = e
	}
	readAll := func(es []*Engine) {
		t.Helper()
		var wg sync.WaitGroup
		for _, e := range es {
			wg.Add(1)
			go func() { // an engine is not safe for concurrent use: one goroutine each
				defer wg.Done()
				for range 2 {
					lines, err := e.Recognize(ctx, card, ocr.Pass{Mode: ocr.ModeAuto, Script: "Japanese"})
					if err != nil || len(lines) == 0 {
						t.Errorf("read in the Japanese languages: %d lines, %v", len(lines), err)
					}
					if _, ok := e.Orientation(ctx, card); !ok {
						t.Errorf("no orientation detected")
					}
				}
			}()
		}
		wg.Wait()
	}
	pool := func() (engines, clients int, osd bool) {
		shared.mu.Lock()
		defer shared.mu.Unlock()
		shared.osdMu.Lock()
		defer shared.osdMu.Unlock()
		return shared.engines, len(shared.clients), shared.osd != nil
	}

	readAll(engines)
	if n, c, osd := pool(); n != 2 || c != 1 || !osd {
		t.Errorf("with two engines: %d engines, %d shared clients, orientation client %v; want 2, 1 (jpn+eng), true", n, c, osd)
	}
	if err := engines[0].Close(); err != nil {
		t.Fatal(err)
	}
	engines[0].Close()  // a second Close counts for nothing,
	(&Engine{}).Close() // and nor does closing an engine never started
	readAll(engines[1:])
	if n, c, osd := pool(); n != 1 || c != 1 || !osd {
		t.Errorf("after one engine closed: %d engines, %d shared clients, orientation client %v; want 1, 1, true", n, c, osd)
	}
	if err := engines[1].Close(); err != nil {
		t.Fatal(err)
	}
	if n, c, osd := pool(); n != 0 || c != 0 || osd {
		t.Errorf("after the last engine closed: %d engines, %d shared clients, orientation client %v; want none", n, c, osd)
	}
}
