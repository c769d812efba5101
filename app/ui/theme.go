package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"followthrough/app"
)

// appTheme is Fyne's own theme, in light or dark as the system says or as
// the user chose, with its text as large as the user chose. Every colour
// comes from the theme, so both variants stay readable.
type appTheme struct {
	fyne.Theme
	variant app.ThemeVariant
	scale   float32 // text scale, 1 or more
}

func newAppTheme(variant app.ThemeVariant, scale float32) *appTheme {
	if scale < 1 {
		scale = 1
	}
	return &appTheme{Theme: theme.DefaultTheme(), variant: variant, scale: scale}
}

// Color is the theme's colour name in the variant chosen, or in v, the
// system's, when the user chose to follow it.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case app.ThemeLight:
		v = theme.VariantLight
	case app.ThemeDark:
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// Size scales the text, and the icons set in it, by the scale chosen.
// Fyne's own scale (FYNE_SCALE, or the desktop's) applies on top of it.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}

// applyTheme sets the app's theme from the preferences.
func applyTheme(a fyne.App) {
	local := app.LocalSettings{Preferences: a.Preferences()}
	a.Settings().SetTheme(newAppTheme(local.Theme(), float32(local.TextScale())))
}
