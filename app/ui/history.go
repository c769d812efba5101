package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// historyPanel is the follow-through part of a contact's page: the open
// follow-ups with what can be done to them, and what happened, newest
// first.
type historyPanel struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	clock     app.Clock
	dates     contacts.DateFormat
	done      *doneLine // marks follow-ups done, with Undo
	onChanged func()

	contact  contacts.Contact
	followUp []contacts.FollowUp
	history  []contacts.Interaction

	add, log *widget.Button
	open     *fyne.Container
	past     *fyne.Container
	snoozing *snoozeDialog // the snooze dialog last opened
	onShown  func()        // told when the contact's follow-ups are shown
}

func newHistoryPanel(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock, dates contacts.DateFormat, done *doneLine, onChanged func()) *historyPanel {
	return &historyPanel{win: win, store: store, tasks: tasks, clock: clock, dates: dates, done: done, onChanged: onChanged}
}

func (h *historyPanel) buildUI() fyne.CanvasObject {
	h.add = widget.NewButtonWithIcon("Add follow-up", theme.ContentAddIcon(), h.onAdd)
	h.log = widget.NewButtonWithIcon("Log what happened", theme.DocumentCreateIcon(), h.onLog)
	h.open = container.NewVBox()
	h.past = container.NewVBox()
	return widget.NewCard("Follow-ups", "", container.NewVBox(
		container.NewHBox(h.add, h.log),
		h.open,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("History", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		h.past,
	))
}

// show loads c's follow-ups and history.
func (h *historyPanel) show(c contacts.Contact) {
	h.contact = c
	id := c.ID
	h.tasks.inOrder(func(ctx context.Context) func() {
		fus, err := h.store.FollowUps(ctx, id)
		var its []contacts.Interaction
		if err == nil {
			its, err = h.store.Interactions(ctx, id)
		}
		return func() {
			if h.contact.ID != id {
				return // another contact is shown by now
			}
			if err != nil {
				showError(h.win, "Could not load the follow-ups", err)
				return
			}
			h.followUp, h.history = fus, its
			h.render()
			if h.onShown != nil {
				h.onShown()
			}
		}
	})
}

func (h *historyPanel) render() {
	h.open.RemoveAll()
	lines := map[int64]string{} // follow-up lines, for the history
	// The open ones earliest first, the next to do on top.
	for _, f := range slices.Backward(h.followUp) {
		lines[f.ID] = f.Line
		if f.State != contacts.StateOpen {
			continue
		}
		h.open.Add(h.followUpRow(f))
	}
	if len(h.open.Objects) == 0 {
		h.open.Add(widget.NewLabel("Nothing scheduled."))
	}
	h.past.RemoveAll()
	for _, it := range h.history {
		text := fmt.Sprintf("%s · %s", h.dates.Day(it.On), capitalize(it.Kind.Label()))
		if l := lines[it.FollowUpID]; l != "" {
			text += ": " + l
		}
		if it.Note != "" {
			text += " — " + it.Note
		}
		l := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
		h.past.Add(l)
	}
	for _, f := range h.followUp {
		if f.State == contacts.StateCancelled {
			h.past.Add(hintLabel(fmt.Sprintf("%s · %s cancelled", h.dates.Day(f.Due), capitalize(f.Kind.Label()))))
		}
	}
	if len(h.past.Objects) == 0 {
		h.past.Add(widget.NewLabel("Nothing yet."))
	}
}

// followUpRow is an open follow-up with Done, Snooze and Cancel.
func (h *historyPanel) followUpRow(f contacts.FollowUp) fyne.CanvasObject {
	text := fmt.Sprintf("%s · %s", capitalize(f.Kind.Label()), h.dates.DueIn(f.Due, h.clock.Today()))
	if f.Line != "" {
		text += "\n" + f.Line
	}
	label := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { h.onDone(f) })
	var snooze *widget.Button
	snooze = widget.NewButtonWithIcon("Snooze", theme.HistoryIcon(), func() {
		showSnoozeMenu(h.win, h.dates, snooze, f.Due, h.clock.Today(), func(d contacts.Day) { h.snooze(f, d) }, func(d contacts.Day) { h.reschedule(f, d) })
	})
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		showConfirm(h.win, "Cancel this follow-up?", text, "Yes", "No", func(ok bool) {
			if ok {
				h.update(func(ctx context.Context) error { return h.store.CancelFollowUp(ctx, f.ID) })
			}
		})
	})
	// The buttons go under the text, which keeps the panel's width.
	return container.NewVBox(label, container.NewHBox(done, snooze, cancel))
}

// onDone marks f done, after asking how it went.
func (h *historyPanel) onDone(f contacts.FollowUp) {
	c := h.contact
	askOutcome(h.win, "Done: "+c.DisplayName(), &f.Kind, func(_ contacts.Kind, outcome string) {
		h.done.complete(c, f, outcome)
	})
}

// snooze puts f off to the later day d.
func (h *historyPanel) snooze(f contacts.FollowUp, d contacts.Day) {
	today := h.clock.Today()
	h.update(func(ctx context.Context) error { return h.store.SnoozeFollowUp(ctx, f.ID, today, d) })
}

// reschedule moves f to the day d, earlier or later.
func (h *historyPanel) reschedule(f contacts.FollowUp, d contacts.Day) {
	today := h.clock.Today()
	h.update(func(ctx context.Context) error { return h.store.RescheduleFollowUp(ctx, f.ID, today, d) })
}

// next is the open follow-up due first, which the keyboard's Done and
// Snooze act on.
func (h *historyPanel) next() (contacts.FollowUp, bool) {
	var first contacts.FollowUp
	found := false
	for _, f := range h.followUp {
		if f.State == contacts.StateOpen && (!found || f.Due.Before(first.Due)) {
			first, found = f, true
		}
	}
	return first, found
}

// onDoneNext marks the next follow-up done; with none, it offers to log
// what happened instead.
func (h *historyPanel) onDoneNext() {
	if f, ok := h.next(); ok {
		h.onDone(f)
		return
	}
	h.onLog()
}

// onSnoozeNext puts the next follow-up off.
func (h *historyPanel) onSnoozeNext() {
	f, ok := h.next()
	if !ok {
		showInformation(h.win, "Nothing to snooze", h.contact.DisplayName()+" has no follow-up scheduled.")
		return
	}
	h.snoozing = askSnooze(h.win, h.dates, "Snooze: "+capitalize(f.Kind.Label())+" with "+h.contact.DisplayName(), f.Due, h.clock.Today(),
		func(d contacts.Day) { h.snooze(f, d) }, func(d contacts.Day) { h.reschedule(f, d) })
}

// update runs a change to the contact's follow-ups and shows the result.
func (h *historyPanel) update(change func(context.Context) error) {
	h.tasks.inOrder(func(ctx context.Context) func() {
		err := change(ctx)
		return func() {
			if err != nil {
				showError(h.win, "Could not change the follow-up", err)
				return
			}
			h.show(h.contact)
			if h.onChanged != nil {
				h.onChanged()
			}
		}
	})
}

func (h *historyPanel) onAdd() {
	keys := newDialogKeys(h.win)
	kind := keys.selection(kindLabels(), nil)
	kind.SetSelected(contacts.KindCall.Label())
	due := keys.dayEntry(h.dates)
	due.setDay(h.clock.Today().AddDays(contacts.DefaultFollowUpDelay))
	line := keys.entry()
	line.SetPlaceHolder("e.g. introduce him to Sam")
	items := []*widget.FormItem{
		widget.NewFormItem("What", kind), widget.NewFormItem("When", container.NewVBox(due.buildUI(), due.hint)), widget.NewFormItem("Note", line),
	}
	d := dialog.NewForm("Follow up with "+h.contact.DisplayName(), "Add", "Cancel", items, func(ok bool) {
		day, err := due.day()
		if !ok || err != nil || day.IsZero() {
			return
		}
		f := contacts.FollowUp{ContactID: h.contact.ID, Kind: kindFromLabel(kind.Selected), Due: day, Line: line.Text}
		h.update(func(ctx context.Context) error { return h.store.AddFollowUp(ctx, &f) })
	}, h.win)
	d.Resize(fyne.NewSize(480, 0))
	keys.show(d, d.Submit, nil)
}

func (h *historyPanel) onLog() {
	askOutcome(h.win, "What happened with "+h.contact.DisplayName()+"?", nil, func(kind contacts.Kind, outcome string) {
		it := contacts.Interaction{ContactID: h.contact.ID, Kind: kind, On: h.clock.Today(), Note: outcome}
		h.update(func(ctx context.Context) error { return h.store.LogInteraction(ctx, &it) })
	})
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
