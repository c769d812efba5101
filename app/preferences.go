package app

// Preferences is where the settings of this computer are kept, rather
// than in the database with the contacts: the window's look, whether it
// stays in the tray. fyne.Preferences is one.
type Preferences interface {
	Bool(key string) bool
	SetBool(key string, value bool)
	String(key string) string
	StringWithFallback(key, fallback string) string
	SetString(key, value string)
	FloatWithFallback(key string, fallback float64) float64
	SetFloat(key string, value float64)
}

// The keys of the settings kept in Preferences.
const (
	prefKeepInTray   = "window.keepInTray"
	prefThemeVariant = "appearance.theme"     // a ThemeVariant
	prefTextScale    = "appearance.textScale" // 1 for the theme's own sizes
)

// LocalSettings are the settings of this computer, with their types, read
// from and written to Preferences.
type LocalSettings struct {
	Preferences Preferences
}

// KeepInTray says whether closing the window keeps the app in the system
// tray, to send reminders.
func (s LocalSettings) KeepInTray() bool { return s.Preferences.Bool(prefKeepInTray) }

// SetKeepInTray sets KeepInTray.
func (s LocalSettings) SetKeepInTray(on bool) { s.Preferences.SetBool(prefKeepInTray, on) }

// A ThemeVariant is the window's choice of colours.
type ThemeVariant string

// The choices of colours.
const (
	ThemeSystem ThemeVariant = "system" // as the system is set
	ThemeLight  ThemeVariant = "light"
	ThemeDark   ThemeVariant = "dark"
)

// Theme is the choice of colours; ThemeSystem unless the user chose.
func (s LocalSettings) Theme() ThemeVariant {
	return ThemeVariant(s.Preferences.StringWithFallback(prefThemeVariant, string(ThemeSystem)))
}

// SetTheme sets Theme.
func (s LocalSettings) SetTheme(v ThemeVariant) { s.Preferences.SetString(prefThemeVariant, string(v)) }

// TextScale is how large the text is against the theme's own sizes: 1
// unless the user chose.
func (s LocalSettings) TextScale() float64 { return s.Preferences.FloatWithFallback(prefTextScale, 1) }

// SetTextScale sets TextScale.
func (s LocalSettings) SetTextScale(scale float64) { s.Preferences.SetFloat(prefTextScale, scale) }
