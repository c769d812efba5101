package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
)

// appearanceSettings choose light or dark colours, or the system's, and
// the size of the text.
type appearanceSettings struct {
	app fyne.App

	variant *widget.RadioGroup
	size    *widget.Select
}

func newAppearanceSettings(a fyne.App) *appearanceSettings {
	return &appearanceSettings{app: a}
}

// The choices of colours, by the variant they stand for.
var variantNames = []struct {
	variant app.ThemeVariant
	name    string
}{
	{app.ThemeSystem, "As the system is set"},
	{app.ThemeLight, "Light"},
	{app.ThemeDark, "Dark"},
}

// textScales are the sizes of text offered.
var textScales = []struct {
	scale float64
	name  string
}{
	{1, "Normal"},
	{1.15, "Large"},
	{1.3, "Larger"},
	{1.5, "Largest"},
}

func (s *appearanceSettings) buildUI() fyne.CanvasObject {
	local := s.local()
	var names []string
	for _, v := range variantNames {
		names = append(names, v.name)
	}
	s.variant = widget.NewRadioGroup(names, nil)
	s.variant.Required = true
	current := local.Theme()
	for _, v := range variantNames {
		if v.variant == current {
			s.variant.SetSelected(v.name)
		}
	}
	s.variant.OnChanged = s.onVariant

	names = nil
	scale := local.TextScale()
	for _, t := range textScales {
		names = append(names, t.name)
	}
	s.size = widget.NewSelect(names, nil)
	for i, t := range textScales {
		if t.scale == scale {
			s.size.SetSelectedIndex(i)
		}
	}
	if s.size.SelectedIndex() < 0 {
		s.size.SetSelectedIndex(0)
	}
	s.size.OnChanged = s.onSize

	form := widget.NewForm(
		widget.NewFormItem("Colours", s.variant),
		widget.NewFormItem("Text size", s.size),
	)
	form.Items[1].HintText = "The desktop's own scale (FYNE_SCALE) applies on top."
	return container.NewVBox(form)
}

func (s *appearanceSettings) onVariant(name string) {
	for _, v := range variantNames {
		if v.name == name {
			s.local().SetTheme(v.variant)
		}
	}
	applyTheme(s.app)
}

func (s *appearanceSettings) onSize(string) {
	if i := s.size.SelectedIndex(); i >= 0 {
		s.local().SetTextScale(textScales[i].scale)
	}
	applyTheme(s.app)
}

// local are the settings of this computer, where the appearance is kept.
func (s *appearanceSettings) local() app.LocalSettings {
	return app.LocalSettings{Preferences: s.app.Preferences()}
}
