//go:build !(linux || freebsd || openbsd || netbsd)

package ui

// hasTrayHost reports whether the desktop shows a system tray now:
// macOS and Windows always do.
func hasTrayHost() bool { return true }

// canStartTray reports whether the system tray can be started: always.
func canStartTray() bool { return true }
