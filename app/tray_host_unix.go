//go:build linux || freebsd || openbsd || netbsd

package app

import "github.com/godbus/dbus/v5"

// hasTrayHost reports whether the desktop shows a system tray now: on
// Linux and the BSDs, whether a StatusNotifierWatcher is on the session
// bus. GNOME, for one, has none without an extension, and a window hidden
// there could not be brought back.
func hasTrayHost() bool {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	return err == nil && has
}
