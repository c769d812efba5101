package ui

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
	"followthrough/ocr"
	"followthrough/ocr/tesseract"
)

// ocrSettings is the part of the settings about reading cards: the
// languages cards are read in, whether names printed in capitals are
// kept so, and the corrections learnt from the user's edits, each of
// which can be removed.
type ocrSettings struct {
	win   fyne.Window
	store *sqlite.Store
	tasks *tasks
	// onChanged is told when the corrections change, so that the cards
	// waiting for review use the new set.
	onChanged func()

	langs       map[string]*widget.Check
	keepCase    *widget.Check
	status      *widget.Label
	list        *widget.List
	listRoom    *canvas.Rectangle // the list's height, none while it is empty
	empty       *widget.Label
	corrections []contacts.Correction
}

func newOCRSettings(win fyne.Window, store *sqlite.Store, tasks *tasks, onChanged func()) *ocrSettings {
	return &ocrSettings{win: win, store: store, tasks: tasks, onChanged: onChanged, langs: map[string]*widget.Check{}}
}

func (s *ocrSettings) buildUI() fyne.CanvasObject {
	boxes := container.NewGridWithColumns(2)
	for _, l := range ocr.Languages {
		label := l.Name
		if !tesseract.Installed(l.Code) {
			label += " (not installed)"
		}
		c := widget.NewCheck(label, func(bool) { s.onLanguagesChanged() })
		if !tesseract.Installed(l.Code) {
			c.Disable()
		}
		s.langs[l.Code] = c
		boxes.Add(c)
	}
	about := hintLabel("Each card's script is detected, so a Japanese card is read in Japanese " +
		"and a card in Latin letters in the Latin-script languages ticked. Tick only the languages " +
		"of your cards: each extra one makes reading slower.")
	about.Wrapping = fyne.TextWrapWord
	s.status = hintLabel("")
	s.keepCase = widget.NewCheck("Keep names as printed (don't change capitals)", s.onKeepCase)
	keepCaseHint := hintLabel("Off, a name printed in capitals, JANE DOE, is written Jane Doe. " +
		"For the cards read from now on.")
	keepCaseHint.Wrapping = fyne.TextWrapWord

	s.list = widget.NewList(
		func() int { return len(s.corrections) },
		newCorrectionRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*correctionRow)
			c := s.corrections[i]
			row.set(describeCorrection(c))
			row.remove.OnTapped = func() { s.onRemove(c) }
		},
	)
	s.empty = hintLabel("No corrections learnt yet. When you correct a company, website, address " +
		"or email domain while reviewing a card, later cards from the same firm are read with it.")
	s.empty.Wrapping = fyne.TextWrapWord

	// Settings scrolls as a whole, so the list gets a height of its own
	// rather than the one row a list in a scroll is given; with nothing
	// in it, the line that says so is all there is.
	s.listRoom = canvas.NewRectangle(color.Transparent)
	s.listRoom.SetMinSize(fyne.NewSize(0, 200))
	s.listRoom.Hide()
	s.refresh()
	return container.NewVBox(
		subheading("Languages"), boxes, about, s.status,
		subheading("Names"), s.keepCase, keepCaseHint,
		subheading("Learnt corrections"), container.NewStack(s.listRoom, s.list, s.empty),
	)
}

// describeCorrection is how a correction reads in the list.
func describeCorrection(c contacts.Correction) (title, detail string) {
	what := map[string]string{"company": "Company", "website": "Website", "address": "Address", "domain": "Email domain"}[c.Field]
	if what == "" {
		what = c.Field
	}
	read := c.Read
	if read == "" {
		read = "nothing"
	}
	title = fmt.Sprintf("%s: %s → %s", what, quoteShort(read), quoteShort(c.Value))
	from := contacts.JoinNonEmpty(", ", c.Domain, c.Company)
	detail = "For cards from " + from
	if c.Uses > 0 {
		detail += fmt.Sprintf("; used on %s", contacts.Plural(c.Uses, "card"))
	}
	return title, detail
}

func quoteShort(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return "“" + s + "”"
}

// refresh loads the languages setting and the corrections.
func (s *ocrSettings) refresh() {
	s.tasks.inOrder(func(ctx context.Context) func() {
		langs := app.ReadingLanguages(ctx, s.store)
		opts := app.ClassifyOptions(ctx, s.store)
		cs, err := s.store.Corrections(ctx)
		return func() {
			s.keepCase.OnChanged = nil
			s.keepCase.SetChecked(opts.KeepNameCase)
			s.keepCase.OnChanged = s.onKeepCase
			if err != nil {
				showError(s.win, "Could not load the learnt corrections", err)
			}
			for code, c := range s.langs {
				c.OnChanged = nil
				c.SetChecked(slices.Contains(langs, code))
				c.OnChanged = func(bool) { s.onLanguagesChanged() }
			}
			s.corrections = cs
			s.list.Refresh()
			if len(cs) == 0 {
				s.empty.Show()
				s.list.Hide()
				s.listRoom.Hide()
			} else {
				s.empty.Hide()
				s.list.Show()
				s.listRoom.Show()
			}
		}
	})
}

// chosenLanguages are the languages ticked, in the order offered.
func (s *ocrSettings) chosenLanguages() []string {
	var out []string
	for _, l := range ocr.Languages {
		if c := s.langs[l.Code]; c != nil && c.Checked {
			out = append(out, l.Code)
		}
	}
	return out
}

func (s *ocrSettings) onLanguagesChanged() {
	langs := s.chosenLanguages()
	if len(langs) == 0 {
		// Cards must be read in some language: keep English.
		s.langs["eng"].SetChecked(true)
		return
	}
	s.tasks.inOrder(func(ctx context.Context) func() {
		err := s.store.SetSetting(ctx, app.SettingLanguages, strings.Join(langs, ","))
		return func() {
			if err != nil {
				showError(s.win, "Could not save the languages", err)
				return
			}
			s.status.SetText("Cards will be read with " + strings.Join(languageNames(langs), ", ") + ".")
		}
	})
}

func (s *ocrSettings) onKeepCase(on bool) {
	saveSetting(s.win, s.store, s.tasks, s.status, app.SettingKeepNameCase, strconv.FormatBool(on), nil)
}

func (s *ocrSettings) onRemove(c contacts.Correction) {
	s.tasks.inOrder(func(ctx context.Context) func() {
		err := s.store.DeleteCorrection(ctx, c.ID)
		return func() {
			if err != nil {
				showError(s.win, "Could not remove the correction", err)
				return
			}
			s.refresh()
			if s.onChanged != nil {
				s.onChanged()
			}
		}
	})
}

func languageNames(codes []string) []string {
	var out []string
	for _, c := range codes {
		name := c
		for _, l := range ocr.Languages {
			if l.Code == c {
				name = l.Name
			}
		}
		out = append(out, name)
	}
	return out
}

// subheading heads a part of a settings section.
func subheading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
