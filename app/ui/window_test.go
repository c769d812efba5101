package ui

import (
	"errors"
	"fmt"
	"testing"
)

// TestErrorReason checks that the layers that only name a package are
// left out of what the user reads, and nothing else.
func TestErrorReason(t *testing.T) {
	base := errors.New("permission denied")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"plain", base, "permission denied"},
		{"one package", fmt.Errorf("contacts: %w", base), "permission denied"},
		{"package and what it did", fmt.Errorf("ocr: read a.png: %w", base), "read a.png: permission denied"},
		{"layers", fmt.Errorf("carddav: %w", fmt.Errorf("sync: %w", fmt.Errorf("contacts: %w", base))), "sync: permission denied"},
		{"a name inside a message stays", errors.New("no contacts: add some"), "no contacts: add some"},
		{"not wrapped", fmt.Errorf("contacts: %v", base), "permission denied"},
		{"joined", errors.Join(fmt.Errorf("ocr: %w", base), base), "permission denied\npermission denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errorReason(tt.err); got != tt.want {
				t.Errorf("errorReason(%q) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}
