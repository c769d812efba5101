package receive

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The files in the certificate folder.
const (
	certFile = "receive-cert.pem"
	keyFile  = "receive-key.pem"
)

// certLifetime is how long a certificate is made for; a new one is made
// when it runs out. Phones refuse longer lives for server certificates.
const certLifetime = 397 * 24 * time.Hour

// LoadCertificate returns the install's certificate for the server, kept
// in dir, and its SHA-256 fingerprint: made the first time (an ECDSA P-256
// key, self-signed), and again when it has run out or cannot be read.
func LoadCertificate(dir string) (tls.Certificate, string, error) {
	if dir == "" {
		return tls.Certificate{}, "", errors.New("receive: no certificate folder")
	}
	certPath, keyPath := filepath.Join(dir, certFile), filepath.Join(dir, keyFile)
	cert, err := tls.LoadX509KeyPair(certPath, keyPath)
	if err == nil && cert.Leaf != nil && time.Until(cert.Leaf.NotAfter) > 24*time.Hour {
		return cert, Fingerprint(cert.Leaf.Raw), nil
	}
	// A pair that is missing, damaged or running out is replaced: the
	// phone's browser then warns once more, and the fingerprint changes.
	if err := makeCertificate(certPath, keyPath); err != nil {
		return tls.Certificate{}, "", err
	}
	cert, err = tls.LoadX509KeyPair(certPath, keyPath)
	if err != nil {
		return tls.Certificate{}, "", fmt.Errorf("receive: load certificate: %w", err)
	}
	return cert, Fingerprint(cert.Leaf.Raw), nil
}

// makeCertificate writes a new self-signed certificate and its key.
func makeCertificate(certPath, keyPath string) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return fmt.Errorf("receive: make key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return fmt.Errorf("receive: make serial: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "Follow Through on this computer", Organization: []string{"Follow Through"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(certLifetime),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"followthrough.local"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return fmt.Errorf("receive: make certificate: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return fmt.Errorf("receive: encode key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(certPath), 0o700); err != nil {
		return fmt.Errorf("receive: certificate folder: %w", err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return fmt.Errorf("receive: write key: %w", err)
	}
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		return fmt.Errorf("receive: write certificate: %w", err)
	}
	return nil
}

// Fingerprint is the SHA-256 of a certificate's DER bytes, in the form
// browsers show it: upper-case hex pairs joined by colons.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}
