package interop

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"

	"followthrough/contacts/internal/tooltest"
	"followthrough/contacts/vcf"
)

// TestZbarimgReadsQRCard: zbarimg decodes the QR code of each contact's
// card to the card, UID included, byte for byte.
func TestZbarimgReadsQRCard(t *testing.T) {
	zbarimg := tooltest.Command(t, "zbarimg", "zbar-tools")
	s := openStore(t)
	ps := people()
	if err := s.AddAll(t.Context(), ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Run(p.FullName, func(t *testing.T) {
			payload, _, err := vcf.QRCard(p, vcf.QRMaxBytes)
			if err != nil {
				t.Fatal(err)
			}
			png, err := qrcode.Encode(string(payload), qrcode.Medium, 512)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "qr.png")
			if err := os.WriteFile(file, png, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(zbarimg, "--raw", "-q", file).Output()
			if err != nil {
				t.Fatalf("zbarimg: %v", err)
			}
			got := strings.TrimSuffix(string(out), "\n")
			if got != string(payload) {
				t.Errorf("zbarimg read\n%q\nwant\n%q", got, payload)
			}
			if !bytes.Contains(out, []byte("UID:"+p.UID+"\r\n")) {
				t.Errorf("the QR card has no UID %s", p.UID)
			}
		})
	}
}
