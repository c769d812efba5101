//go:build !ci

package ui

// headless is set in a build with the tag ci, whose Fyne draws on no
// display.
const headless = false
