//go:build linux || freebsd || openbsd || netbsd

package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCanStartTray checks that the tray is only started where a session
// bus is there for it to connect to.
func TestCanStartTray(t *testing.T) {
	withBus := t.TempDir()
	if err := os.WriteFile(filepath.Join(withBus, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		address, xdg string
		want         bool
	}{
		{"no bus anywhere", "", t.TempDir(), false},
		{"no runtime directory", "", "", false},
		{"bus in the runtime directory", "", withBus, true},
		{"bus named in the environment", "unix:path=/run/user/1000/bus", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.address)
			t.Setenv("XDG_RUNTIME_DIR", tt.xdg)
			if got := canStartTray(); got != tt.want {
				t.Errorf("canStartTray() = %v, want %v", got, tt.want)
			}
		})
	}
}
