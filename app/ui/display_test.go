package ui

import (
	"errors"
	"testing"
)

func TestCheckDisplay(t *testing.T) {
	tests := []struct {
		name     string
		goos     string
		headless bool
		env      map[string]string
		want     error
	}{
		{"X11", "linux", false, map[string]string{"DISPLAY": ":0"}, nil},
		{"Wayland", "linux", false, map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, nil},
		{"an SSH login", "linux", false, nil, ErrNoDisplay},
		{"BSD without a display", "freebsd", false, nil, ErrNoDisplay},
		{"headless build", "linux", true, nil, nil},
		{"macOS needs no variable", "darwin", false, nil, nil},
		{"Windows needs no variable", "windows", false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			if err := checkDisplay(tt.goos, tt.headless, getenv); !errors.Is(err, tt.want) {
				t.Errorf("checkDisplay = %v, want %v", err, tt.want)
			}
		})
	}
}
