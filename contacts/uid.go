package contacts

import (
	"crypto/rand"
	"fmt"
)

// NewUID returns a random UUID (version 4, RFC 9562), the UID a new
// contact or follow-up keeps for life: in its vCard, its QR code, its
// card on a CardDAV server and its to-do or event in a calendar. Being
// random, it is unique across data folders, computers and restores.
func NewUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand, Go 1.24 and later)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
