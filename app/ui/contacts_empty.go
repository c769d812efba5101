package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// buildEmpty makes what Contacts shows while there is nobody to show: the
// placeholder beside the list, with first steps while there are no
// contacts at all, and a line over the list when a search finds nobody.
func (s *contactsScreen) buildEmpty() fyne.CanvasObject {
	scan := widget.NewButtonWithIcon("Scan cards", theme.FileImageIcon(), func() {
		if s.onScan != nil {
			s.onScan()
		}
	})
	scan.Importance = widget.HighImportance
	importVCF := widget.NewButtonWithIcon("Import .vcf…", theme.DownloadIcon(), func() {
		if s.onImport != nil {
			s.onImport()
		}
	})
	s.firstSteps = container.NewCenter(container.NewHBox(scan, importVCF))
	s.firstSteps.Hide()
	s.noMatch = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	s.noMatch.Wrapping = fyne.TextWrapWord
	s.noMatch.Hide()
	return container.NewCenter(container.NewVBox(s.placeholder, s.firstSteps))
}

// showEmpty says what to do when the list for filter is empty, where
// nobody is shown beside it any more.
func (s *contactsScreen) showEmpty(filter sqlite.Filter) {
	if s.total == 0 {
		s.showNobody()
	}
	switch {
	case s.total > 0:
		s.noMatch.Hide()
		s.firstSteps.Hide()
		s.placeholder.SetText("Pick someone on the left to see their card.")
	case filter == (sqlite.Filter{}):
		s.noMatch.SetText("No contacts yet.")
		s.noMatch.Show()
		s.placeholder.SetText("No contacts yet.\n\nScan the cards from your last event,\nor import a .vcf file from your phone or another app.")
		s.firstSteps.Show()
	default:
		what := "this tag"
		if filter.Query != "" {
			what = fmt.Sprintf("“%s”", filter.Query)
			if filter.Tag != "" {
				what += " with this tag"
			}
		}
		s.noMatch.SetText(fmt.Sprintf("Nobody matches %s.\nSearch finds names, companies, titles, emails, phones and tags.", what))
		s.noMatch.Show()
		s.firstSteps.Hide()
		s.placeholder.SetText(fmt.Sprintf("No one matches %s.", what))
	}
}

// showNobody empties the detail: what is done to the contact open (Save,
// Done, Snooze…) has nobody to be done to.
func (s *contactsScreen) showNobody() {
	if s.current.ID != 0 && s.form.changed() {
		s.update(s.editedContact()) // leaving a contact loses nothing
	}
	s.current = contacts.Contact{}
	s.thumb = ""
	s.detail.Hide()
	s.placeholder.Show()
	s.offerSave()
	s.stateChanged()
}
