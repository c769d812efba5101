//go:build linux || freebsd || openbsd || netbsd

package ui

import (
	"os"
	"path/filepath"

	"github.com/godbus/dbus/v5"
)

// hasTrayHost reports whether the desktop shows a system tray now: on
// Linux and the BSDs, whether a StatusNotifierWatcher is on the session
// bus. GNOME, for one, has none without an extension, and a window hidden
// there could not be brought back.
func hasTrayHost() bool {
	if !haveSessionBus() {
		return false // and asking would start a bus of its own, with no tray on it
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	return err == nil && has
}

// canStartTray reports whether the system tray can be started: on Linux
// and the BSDs, whether there is a session bus for it to connect to.
// Without one the tray fails to connect, and the app then crashed when it
// quit, as the tray closed the connection it never had
// (fyne-io/fyne#6403).
func canStartTray() bool { return haveSessionBus() }

// haveSessionBus reports whether a session bus is there to ask, as a
// desktop session sets it up: named in the environment, or at its usual
// place in the runtime directory.
func haveSessionBus() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return false
	}
	_, err := os.Stat(filepath.Join(dir, "bus"))
	return err == nil
}
