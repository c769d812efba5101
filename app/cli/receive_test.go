package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"followthrough/app/internal/apptest"
	"followthrough/contacts/vcf"
)

// syncBuffer is a buffer a command writes to while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var (
	urlLine         = regexp.MustCompile(`(?m)^  (https://127\.0\.0\.1:\d+/[A-Za-z0-9_-]+/)$`)
	fingerprintLine = regexp.MustCompile(`(?m)^  ([0-9A-F]{2}(:[0-9A-F]{2}){31})$`)
)

// TestReceiveCommand sends rendered cards from a "phone" over HTTPS on
// loopback and checks the lines printed, the state each card's page
// shows, the .vcf files and the store.
func TestReceiveCommand(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		blank     bool // the engine reads nothing: each card is a problem
		wantState string
		wantSaved []string
		wantVCF   bool
		wantErr   string
	}{
		{"read only", []string{"--event", "Spring Expo"}, false, "read", nil, false, ""},
		{"vcards", []string{"--out", "OUT"}, false, "read", nil, true, ""},
		{"saved, the second merged", []string{"--save", "--merge", "--event", "Spring Expo"}, false, "saved", []string{"Jane Q. Doe"}, false, ""},
		{"nothing on the card", []string{"--save"}, true, "problem", nil, false, "2 of 2 cards could not be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			out := t.TempDir()
			lines := apptest.JaneCard
			if tt.blank {
				lines = nil
			}
			var stdout syncBuffer
			p := testProgram(&stdout, &apptest.FakeEngine{Lines: lines})
			cmd := p.receiveCommand()
			args := []string{"--listen", "127.0.0.1:0"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "OUT", out))
			}
			if err := cmd.FlagSet().Parse(args); err != nil {
				t.Fatal(err)
			}
			ctx, interrupt := context.WithCancel(context.Background())
			defer interrupt()
			errc := make(chan error, 1)
			go func() { errc <- cmd.Run(ctx, store, cmd.FlagSet().Args()) }()

			var url, fp string
			for deadline := time.Now().Add(20 * time.Second); url == "" || fp == ""; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("no URL and fingerprint printed:\n%s", stdout.String())
				}
				if m := urlLine.FindStringSubmatch(stdout.String()); m != nil {
					url = m[1]
				}
				if m := fingerprintLine.FindStringSubmatch(stdout.String()); m != nil {
					fp = m[1]
				}
			}
			if !strings.Contains(stdout.String(), "▀") && !strings.Contains(stdout.String(), "█") {
				t.Errorf("no QR code printed:\n%s", stdout.String())
			}
			phone := apptest.NewPhone(url, fp)
			ids := []string{
				phone.Upload(t, "IMG_0001.jpg", "k1", apptest.CardPhoto(t, 0, 1050)),
				phone.Upload(t, "IMG_0002.jpg", "k2", apptest.CardPhoto(t, 1, 1050)),
			}
			reasons := map[string]string{}
			for _, id := range ids {
				reasons[id] = phone.WaitFor(t, id, tt.wantState)
			}
			interrupt() // Ctrl+C
			err := <-errc
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("receive = %v, want %q", err, tt.wantErr)
			}
			if tt.wantState == "problem" {
				for id, why := range reasons {
					if !strings.Contains(why, "no text found") {
						t.Errorf("card %s: reason %q", id, why)
					}
				}
			}
			printed := stdout.String()
			wantLine := "ok   "
			if tt.blank {
				wantLine = "FAIL "
			}
			if n := strings.Count(printed, wantLine); n != 2 {
				t.Errorf("%d lines %q, want 2:\n%s", n, wantLine, printed)
			}
			if !strings.Contains(printed, "Received 2 cards.") {
				t.Errorf("no count:\n%s", printed)
			}
			vcfs, _ := filepath.Glob(filepath.Join(out, "*.vcf"))
			if tt.wantVCF != (len(vcfs) == 2) {
				t.Errorf(".vcf files %v, want them: %v", vcfs, tt.wantVCF)
			}
			for _, f := range vcfs {
				r, err := os.Open(f)
				if err != nil {
					t.Fatal(err)
				}
				cs, err := vcf.Read(r)
				r.Close()
				if err != nil || len(cs) != 1 || cs[0].FullName != "Jane Q. Doe" {
					t.Errorf("%s: %+v, %v", f, cs, err)
				}
			}
			got := apptest.StoredNames(t, store)
			// The same person twice: saved once, the second merged into it.
			if strings.Join(got, ",") != strings.Join(tt.wantSaved, ",") {
				t.Errorf("stored %v, want %v", got, tt.wantSaved)
			}
			if tt.wantSaved != nil {
				people, err := store.List(context.Background(), "", 0)
				if err != nil || len(people) != 1 || people[0].Event != "Spring Expo" || people[0].Image == "" {
					t.Errorf("stored %+v, %v; want the event and the photo", people, err)
				}
			}
		})
	}
}
