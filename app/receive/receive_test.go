package receive

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// recorder is a Sink that keeps what it was given.
type recorder struct {
	mu   sync.Mutex
	got  []Upload
	seen map[[32]byte]int
	n    int
}

func (r *recorder) sink(_ context.Context, u Upload) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen == nil {
		r.seen = map[[32]byte]int{}
	}
	r.got = append(r.got, u)
	r.seen[sha256.Sum256(u.Data)]++
	r.n++
	return fmt.Sprintf("card-%d", r.n), nil
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}

// startTest starts a server on loopback, stopped at the test's end.
func startTest(t *testing.T, o Options) (*Server, *recorder) {
	t.Helper()
	rec := &recorder{}
	if o.Sink == nil {
		o.Sink = rec.sink
	}
	if o.Listen == "" {
		o.Listen = "127.0.0.1:0"
	}
	if o.CertDir == "" {
		o.CertDir = t.TempDir()
	}
	s, err := Start(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s, rec
}

// client returns a client that trusts only the server's certificate, by
// its fingerprint, as a user comparing it would.
func client(s *Server) *http.Client {
	return &http.Client{
		Timeout: time.Minute,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true,
			VerifyConnection: func(cs tls.ConnectionState) error {
				if got := Fingerprint(cs.PeerCertificates[0].Raw); got != s.Fingerprint() {
					return fmt.Errorf("certificate %s, want %s", got, s.Fingerprint())
				}
				return nil
			},
		}},
	}
}

// base is the server's URL with its host and port, without the token.
func base(s *Server) string {
	u := strings.TrimSuffix(s.URL(), "/")
	return u[:strings.LastIndex(u, "/")]
}

func get(t *testing.T, c *http.Client, url string) (*http.Response, string) {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func upload(t *testing.T, c *http.Client, s *Server, data []byte, key string) (int, map[string]string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"upload", bytes.NewReader(data))
	if key != "" {
		req.Header.Set("X-Upload-Key", key)
	}
	return do(t, c, req)
}

func do(t *testing.T, c *http.Client, req *http.Request) (int, map[string]string) {
	t.Helper()
	res, err := c.Do(req)
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	defer res.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Errorf("%s %s: %d with a body that is not JSON: %v", req.Method, req.URL.Path, res.StatusCode, err)
	}
	return res.StatusCode, body
}

// photo is a small image, different for each n, encoded as PNG.
func photo(n int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 160, 100))
	for i := range img.Pix {
		img.Pix[i] = 0xf0
	}
	img.SetNRGBA(n%160, n/160%100, color.NRGBA{A: 0xff})
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func jpegPhoto(t *testing.T) []byte {
	img := image.NewGray(image.Rect(0, 0, 640, 400))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader is the start of a PNG that says it is w×h: what a
// decompression bomb looks like before it is decoded.
func pngHeader(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&buf, binary.BigEndian, uint32(len(data)))
		body := append([]byte(typ), data...)
		buf.Write(body)
		binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(body))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return buf.Bytes()
}

func TestTokens(t *testing.T) {
	s, _ := startTest(t, Options{})
	old, _ := startTest(t, Options{})
	oldURL := old.URL()
	old.Stop()
	c := client(s)
	tok := strings.TrimPrefix(s.URL(), base(s))
	expired := strings.TrimPrefix(oldURL, base(old))
	tests := []struct {
		name, path string
		want       int
	}{
		{"the token", tok, http.StatusOK},
		{"the cards", tok + "cards", http.StatusOK},
		{"no token", "/", http.StatusNotFound},
		{"no token, a path", "/cards", http.StatusNotFound},
		{"the token without its slash", strings.TrimSuffix(tok, "/"), http.StatusNotFound},
		{"a wrong token", "/AAAAAAAAAAAAAAAAAAAAAA/", http.StatusNotFound},
		{"the token cut short", tok[:len(tok)-2] + "/", http.StatusNotFound},
		{"the token of a server that stopped", expired, http.StatusNotFound},
		{"another path under the token", tok + "page.js", http.StatusNotFound},
		{"a path above the token", tok + "../", http.StatusNotFound},
		{"an upload by GET", tok + "upload", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := get(t, c, base(s)+tt.path)
			if res.StatusCode != tt.want {
				t.Errorf("GET %s: %d, want %d", tt.path, res.StatusCode, tt.want)
			}
			if tt.want == http.StatusNotFound && body != "404 page not found\n" {
				t.Errorf("GET %s says %q, want a bare 404", tt.path, body)
			}
		})
	}
}

func TestStopped(t *testing.T) {
	t.Run("Stop", func(t *testing.T) {
		s, _ := startTest(t, Options{})
		c := client(s)
		if res, _ := get(t, c, s.URL()); res.StatusCode != http.StatusOK {
			t.Fatalf("before Stop: %d", res.StatusCode)
		}
		s.Stop()
		s.Stop() // twice does nothing
		<-s.Done()
		if s.Err() != nil {
			t.Errorf("Err() = %v after Stop", s.Err())
		}
		c.CloseIdleConnections()
		if res, err := c.Get(s.URL()); err == nil {
			res.Body.Close()
			t.Errorf("after Stop the page answers %d", res.StatusCode)
		}
	})
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		s, err := Start(ctx, Options{Listen: "127.0.0.1:0", CertDir: t.TempDir(), Sink: (&recorder{}).sink})
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		select {
		case <-s.Done():
		case <-time.After(10 * time.Second):
			t.Fatal("not stopped 10s after its context was cancelled")
		}
		if !errors.Is(s.Err(), context.Canceled) {
			t.Errorf("Err() = %v, want context.Canceled", s.Err())
		}
	})
}

func TestUploadRefused(t *testing.T) {
	s, rec := startTest(t, Options{})
	c := client(s)
	jpg := jpegPhoto(t)
	tests := []struct {
		name   string
		body   io.Reader
		length int64 // -1: sent in chunks, the size unsaid
		want   int
		reason string
	}{
		{"empty", strings.NewReader(""), 0, http.StatusBadRequest, "empty"},
		{"text", strings.NewReader("BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n"), -1, http.StatusUnsupportedMediaType, "not a photo"},
		{"HTML", strings.NewReader("<!doctype html><script>alert(1)</script>"), -1, http.StatusUnsupportedMediaType, "not a photo"},
		{"a truncated JPEG", bytes.NewReader(jpg[:len(jpg)/2]), -1, http.StatusUnprocessableEntity, "damaged"},
		{"a decompression bomb", bytes.NewReader(pngHeader(60000, 60000)), -1, http.StatusUnprocessableEntity, "megapixels"},
		{"too large to decode", bytes.NewReader(pngHeader(9000, 9000)), -1, http.StatusUnprocessableEntity, "too large"},
		{"over the size limit, said", bytes.NewReader(pngHeader(10, 10)), maxUploadBytes + 1, http.StatusRequestEntityTooLarge, "larger than 64 MiB"},
		{"over the size limit, unsaid", io.MultiReader(bytes.NewReader(pngHeader(10, 10)), io.LimitReader(zeros{}, maxUploadBytes)), -1, http.StatusRequestEntityTooLarge, "larger than 64 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, s.URL()+"upload", tt.body)
			req.ContentLength = tt.length
			if tt.length > 0 {
				// Said, but not sent: the server must refuse before reading.
				req.Body = io.NopCloser(io.MultiReader(tt.body, io.LimitReader(zeros{}, tt.length)))
			}
			got, body := do(t, c, req)
			if got != tt.want || !strings.Contains(body["error"], tt.reason) {
				t.Errorf("%d %q, want %d and a reason with %q", got, body["error"], tt.want, tt.reason)
			}
		})
	}
	if n := rec.count(); n != 0 {
		t.Errorf("the sink was given %d refused uploads", n)
	}
	if got, body := upload(t, c, s, jpg, ""); got != http.StatusOK || body["id"] == "" {
		t.Errorf("a whole JPEG: %d %v", got, body)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Many uploads at once: each reaches the sink once, none is lost, and no
// more are read at once than there are slots.
func TestManyUploads(t *testing.T) {
	s, rec := startTest(t, Options{})
	c := client(s)
	const n = 24
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got, body := upload(t, c, s, photo(i), fmt.Sprintf("key%d", i))
			if got != http.StatusOK {
				t.Errorf("upload %d: %d %v", i, got, body)
			}
			ids[i] = body["id"]
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, id := range ids {
		if id == "" || seen[id] {
			t.Errorf("upload %d got ID %q", i, id)
		}
		seen[id] = true
	}
	if rec.count() != n {
		t.Errorf("the sink was given %d uploads, want %d", rec.count(), n)
	}
	for i := range n {
		if k := rec.seen[sha256.Sum256(photo(i))]; k != 1 {
			t.Errorf("photo %d reached the sink %d times", i, k)
		}
	}
	if s.peak > uploadSlots || s.peak == 0 {
		t.Errorf("%d uploads were read at once, want 1 to %d", s.peak, uploadSlots)
	}
	// The page sends a file again when it did not get the answer.
	if got, body := upload(t, c, s, photo(3), "key3"); got != http.StatusOK || body["id"] != ids[3] {
		t.Errorf("sent again: %d %v, want ID %s", got, body, ids[3])
	}
	if rec.count() != n {
		t.Errorf("a file sent again reached the sink again")
	}
}

func TestReport(t *testing.T) {
	s, rec := startTest(t, Options{})
	c := client(s)
	var ids []string
	for i := range 3 {
		_, body := upload(t, c, s, photo(i), "")
		ids = append(ids, body["id"])
	}
	if rec.got[0].Format != "png" || rec.got[0].Image.Bounds().Dx() != 160 {
		t.Errorf("the sink got format %q, image %v", rec.got[0].Format, rec.got[0].Image.Bounds())
	}
	s.Report(ids[1], Read, "")
	s.Report(ids[2], Problem, "no text found")
	if s.Report("nope", Saved, "") {
		t.Error("Report of an unknown card says it knew it")
	}
	_, body := get(t, c, s.URL()+"cards")
	var got struct{ Cards []card }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	want := []card{{ID: ids[0], State: Sent}, {ID: ids[1], State: Read}, {ID: ids[2], State: Problem, Reason: "no text found"}}
	if fmt.Sprint(got.Cards) != fmt.Sprint(want) {
		t.Errorf("cards %v, want %v", got.Cards, want)
	}
}

// A photo the sink could not take is answered with its reason, is not
// listed, and can be sent again under the same key.
func TestSinkError(t *testing.T) {
	var fail atomic.Bool
	fail.Store(true)
	var rec recorder
	s, _ := startTest(t, Options{Sink: func(ctx context.Context, u Upload) (string, error) {
		if fail.Load() {
			return "", errors.New("the review queue is full")
		}
		return rec.sink(ctx, u)
	}})
	c := client(s)
	got, body := upload(t, c, s, photo(1), "k1")
	if got != http.StatusInternalServerError || !strings.Contains(body["error"], "the review queue is full") {
		t.Errorf("a sink's error: %d %v", got, body)
	}
	if _, cards := get(t, c, s.URL()+"cards"); cards != "{\"cards\":[]}\n" {
		t.Errorf("cards after a sink's error: %s", cards)
	}
	fail.Store(false)
	if got, body := upload(t, c, s, photo(1), "k1"); got != http.StatusOK || body["id"] != "card-1" {
		t.Errorf("sent again: %d %v", got, body)
	}
}

func TestIdleStop(t *testing.T) {
	const idle = 400 * time.Millisecond
	s, _ := startTest(t, Options{IdleTimeout: idle})
	c := client(s)
	time.Sleep(idle / 2)
	if got, _ := upload(t, c, s, photo(1), ""); got != http.StatusOK {
		t.Fatalf("upload: %d", got)
	}
	uploaded := time.Now()
	// The page asking for the cards' states does not keep it open.
	get(t, c, s.URL()+"cards")
	select {
	case <-s.Done():
	case <-time.After(30 * time.Second):
		t.Fatal("not stopped 30s after the last upload")
	}
	if d := time.Since(uploaded); d < idle*3/4 {
		t.Errorf("stopped %v after an upload, want %v", d, idle)
	}
	if !errors.Is(s.Err(), ErrIdle) {
		t.Errorf("Err() = %v, want ErrIdle", s.Err())
	}
}

func TestWrongTokensSlowed(t *testing.T) {
	s, _ := startTest(t, Options{})
	s.guard.base, s.guard.block = 40*time.Millisecond, 8
	c := client(s)
	var took []time.Duration
	for range 6 {
		start := time.Now()
		res, _ := get(t, c, base(s)+"/wrongwrongwrongwrongww/")
		took = append(took, time.Since(start))
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("a wrong token: %d", res.StatusCode)
		}
	}
	// The fourth waits 40ms, the fifth 80, the sixth 160.
	if took[5] < 150*time.Millisecond {
		t.Errorf("the sixth wrong token was answered in %v, want 160ms or more", took[5])
	}
	if res, _ := get(t, c, s.URL()); res.StatusCode != http.StatusOK {
		t.Errorf("the right token after wrong ones: %d", res.StatusCode)
	}
	for range 3 {
		get(t, c, base(s)+"/wrongwrongwrongwrongww/")
	}
	if res, _ := get(t, c, base(s)+"/wrongwrongwrongwrongww/"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("past the limit of wrong tokens: %d, want 429", res.StatusCode)
	}
}

func TestHeaders(t *testing.T) {
	s, _ := startTest(t, Options{Event: `Tech <Meetup> & "Co"`})
	c := client(s)
	common := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
		"X-Frame-Options":        "DENY",
		"Cache-Control":          "no-store",
	}
	nonces := map[string]bool{}
	for _, path := range []string{s.URL(), s.URL(), s.URL() + "cards", base(s) + "/nope/"} {
		res, body := get(t, c, path)
		for k, v := range common {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s: %s: %q, want %q", path, k, got, v)
			}
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.HasPrefix(csp, "default-src 'self';") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if path != s.URL() {
			continue
		}
		m := regexp.MustCompile(`script-src 'nonce-([^']+)'`).FindStringSubmatch(csp)
		if m == nil {
			t.Fatalf("the page's CSP %q lets in no script by nonce", csp)
		}
		nonces[m[1]] = true
		if strings.Count(body, `nonce="`+m[1]+`"`) != 2 || strings.Count(body, "<script") != 1 || strings.Count(body, "<style") != 1 {
			t.Errorf("the page's script and style do not carry its nonce %s", m[1])
		}
		if !strings.Contains(body, "Tech &lt;Meetup&gt; &amp; &#34;Co&#34;") {
			t.Error("the event is not escaped on the page")
		}
		if !strings.Contains(body, s.Fingerprint()) {
			t.Error("the page does not show the certificate's fingerprint")
		}
	}
	if len(nonces) != 2 {
		t.Errorf("two loads of the page share a nonce")
	}
}

func TestLoadCertificate(t *testing.T) {
	dir := t.TempDir()
	cert, fp, err := LoadCertificate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, fp2, err := LoadCertificate(dir); err != nil || fp2 != fp {
		t.Errorf("loaded again: %s, %v; want the same %s", fp2, err, fp)
	}
	if !regexp.MustCompile(`^([0-9A-F]{2}:){31}[0-9A-F]{2}$`).MatchString(fp) {
		t.Errorf("fingerprint %q", fp)
	}
	leaf, _ := x509.ParseCertificate(cert.Certificate[0])
	if leaf.PublicKeyAlgorithm != x509.ECDSA || time.Until(leaf.NotAfter) > certLifetime {
		t.Errorf("certificate %v until %v", leaf.PublicKeyAlgorithm, leaf.NotAfter)
	}
	if fi, err := os.Stat(filepath.Join(dir, keyFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v %v", fi.Mode(), err)
	}
	// Another install makes another certificate.
	if _, fp3, _ := LoadCertificate(t.TempDir()); fp3 == fp {
		t.Error("two folders got the same certificate")
	}
	// A damaged one is replaced.
	os.WriteFile(filepath.Join(dir, certFile), []byte("junk"), 0o644)
	if _, fp4, err := LoadCertificate(dir); err != nil || fp4 == fp {
		t.Errorf("a damaged certificate: %s, %v", fp4, err)
	}
}

func TestQRCode(t *testing.T) {
	const url = "https://192.168.1.20:40123/AbCdEfGhIjKlMnOpQrStUv/"
	data, err := QRCodePNG(url, 512)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil || res.GetText() != url {
		t.Errorf("the code reads %v, %v; want %s", res, err, url)
	}
	text, err := QRCodeText(url)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if w := len([]rune(lines[0])); len(lines) < w/2 || len(lines) > w/2+1 || !strings.ContainsAny(text, "▀▄") {
		t.Errorf("the text code is %d lines of %d: not half blocks", len(lines), w)
	}
	// Its first line is the quiet zone: light, drawn full.
	if strings.Trim(lines[0], "█") != "" {
		t.Errorf("the first line %q is not the quiet zone", lines[0])
	}
}

func TestAddresses(t *testing.T) {
	as, err := Addresses()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range as {
		if a.IP.IsLoopback() || a.IP.IsLinkLocalUnicast() {
			t.Errorf("%v is listed", a)
		}
		if i > 0 && a.IP.Is4() && !as[i-1].IP.Is4() {
			t.Errorf("IPv4 %v after IPv6 %v", a, as[i-1])
		}
	}
}

func TestListenAddress(t *testing.T) {
	as, _ := Addresses()
	first := ""
	if len(as) > 0 {
		first = as[0].IP.String()
	}
	tests := []struct{ listen, addr, host string }{
		{"127.0.0.1:0", "127.0.0.1:0", "127.0.0.1"},
		{"192.168.1.5:8443", "192.168.1.5:8443", "192.168.1.5"},
		{"[fd00::5]:8443", "[fd00::5]:8443", "fd00::5"},
		{":8443", ":8443", first},
		{"0.0.0.0:8443", "0.0.0.0:8443", first},
		{"", net0(first), first},
	}
	for _, tt := range tests {
		t.Run(tt.listen, func(t *testing.T) {
			addr, host, err := listenAddress(tt.listen)
			if first == "" && (tt.host == "") {
				if !errors.Is(err, ErrNoAddress) {
					t.Errorf("no address: %v", err)
				}
				return
			}
			if err != nil || addr != tt.addr || host != tt.host {
				t.Errorf("listenAddress(%q) = %q, %q, %v; want %q, %q", tt.listen, addr, host, err, tt.addr, tt.host)
			}
		})
	}
	if _, _, err := listenAddress("nope"); err == nil {
		t.Error("an address without a port is taken")
	}
}

func net0(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:0"
	}
	return host + ":0"
}
