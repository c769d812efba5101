package apptest

import (
	"bytes"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"net/http"
	"strings"
	"testing"
	"time"

	"followthrough/ocr/render"
)

// A Phone is what the phone page does, for tests: it uploads photos to a
// receiver's URL and reads the cards' states back, trusting only the
// certificate with the fingerprint the receiver showed.
type Phone struct {
	URL    string // with the token, as the QR code carries it
	client *http.Client
}

// NewPhone returns a phone that opens url and trusts the certificate of
// SHA-256 fingerprint fp (AB:CD:... as receive shows it).
func NewPhone(url, fp string) *Phone {
	return &Phone{URL: url, client: &http.Client{
		Timeout: time.Minute,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true, // the fingerprint is checked instead, as a person would
			VerifyConnection: func(cs tls.ConnectionState) error {
				sum := sha256.Sum256(cs.PeerCertificates[0].Raw)
				var b strings.Builder
				for i, x := range sum {
					if i > 0 {
						b.WriteByte(':')
					}
					fmt.Fprintf(&b, "%02X", x)
				}
				if b.String() != fp {
					return fmt.Errorf("certificate %s, want %s", b.String(), fp)
				}
				return nil
			},
		}},
	}}
}

// Upload sends data as the file name, under key, and returns the ID the
// receiver gave the card.
func (p *Phone) Upload(t testing.TB, name, key string, data []byte) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, p.URL+"upload", bytes.NewReader(data))
	req.Header.Set("X-Upload-Key", key)
	req.Header.Set("X-File-Name", name)
	res, err := p.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]string
	json.NewDecoder(res.Body).Decode(&body)
	if res.StatusCode != http.StatusOK || body["id"] == "" {
		t.Fatalf("upload %s: %s %v", name, res.Status, body)
	}
	return body["id"]
}

// A CardState is a card's state as the page sees it.
type CardState struct {
	ID, State, Reason string
}

// Cards returns the states of the cards sent, as the page polls them.
func (p *Phone) Cards(t testing.TB) []CardState {
	t.Helper()
	res, err := p.client.Get(p.URL + "cards")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct{ Cards []CardState }
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return body.Cards
}

// TryCards asks for the cards' states and returns the error of the
// request, or of its answer: what a phone sees after receiving stopped.
func (p *Phone) TryCards() (int, error) {
	res, err := p.client.Get(p.URL + "cards")
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return res.StatusCode, fmt.Errorf("%s", res.Status)
	}
	return res.StatusCode, nil
}

// WaitFor waits until the card id is in state and returns its reason.
func (p *Phone) WaitFor(t testing.TB, id, state string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var last []CardState
	for time.Now().Before(deadline) {
		last = p.Cards(t)
		for _, c := range last {
			if c.ID == id && c.State == state {
				return c.Reason
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("card %s never %s: %+v", id, state, last)
	return ""
}

// CardPhoto is a rendered sample card n as a JPEG, as a phone sends it.
func CardPhoto(t testing.TB, n, width int) []byte {
	t.Helper()
	samples := render.Samples()
	var img image.Image = render.Draw(samples[n%len(samples)], width)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
