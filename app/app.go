// Package app is what Follow Through's window (app/ui) and its command
// line (app/cli) share, without Fyne: saving a scanned card, importing
// and exporting, the settings and their types, the CardDAV account and
// its password, when to remind, the daily backup, the data folder, the
// app's metadata and the clock.
package app
