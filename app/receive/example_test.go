package receive_test

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync/atomic"

	"followthrough/app/receive"
)

// The command `followthrough receive [--event NAME] [--listen ADDR]`: the
// URL and the QR code as text, each card handed on as it comes, until
// Ctrl+C or the idle stop. The window does the same with QRCodePNG, and
// calls Stop when the user turns receiving off.
func ExampleStart() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	dataDir := filepath.Join(os.TempDir(), "followthrough-example")

	var n atomic.Int64
	read := make(chan string, 64) // the review queue, in this example
	srv, err := receive.Start(ctx, receive.Options{
		Listen:  "", // the first of receive.Addresses(), any port; or --listen
		Event:   "Atlanta Tech Meetup",
		CertDir: dataDir,
		Sink: func(ctx context.Context, u receive.Upload) (string, error) {
			// Hand u.Image (or u.Data) to the review queue.
			id := strconv.FormatInt(n.Add(1), 10)
			select {
			case read <- id:
				return id, nil
			case <-ctx.Done():
				return "", ctx.Err()
			}
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	go func() {
		// As each card is read or saved, or fails, the page is told.
		for id := range read {
			srv.Report(id, receive.Read, "")
		}
	}()
	qr, _ := receive.QRCodeText(srv.URL())
	fmt.Printf("Open %s on your phone, or scan:\n%s\nCertificate fingerprint (SHA-256): %s\n", srv.URL(), qr, srv.Fingerprint())
	<-srv.Done()
	if srv.Err() == receive.ErrIdle {
		fmt.Println("Stopped after 15 minutes without a card.")
	}
}
