package ui

import (
	"errors"
	"runtime"
)

// ErrNoDisplay is returned by Run where the window has no display to open
// on: a terminal without a desktop session, such as an SSH login.
var ErrNoDisplay = errors.New("ui: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start Follow Through from your desktop, or use its commands in this terminal (followthrough help)")

// checkDisplay returns ErrNoDisplay where the window cannot open: on
// systems that draw through X11 or Wayland, when getenv names neither.
// A headless build (the tag ci) draws on no display and needs none.
func checkDisplay(goos string, headless bool, getenv func(string) string) error {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd":
	default:
		return nil
	}
	if headless || getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return ErrNoDisplay
}

// thisSystem is the system the program runs on, for checkDisplay.
var thisSystem = runtime.GOOS
