package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dialogKeys lets the keyboard answer a dialog: Enter runs its confirm
// action, when it has one, and Esc cancels it. It is the one way every
// dialog of the window takes these keys.
//
// With no control focused, the window's canvas gets the keys and hands
// them to the dialog on top. A control that can take the focus is made
// by the dialog's keys (entry, button, check, ...) so that it hands them
// on too, except Enter where it means something of its own: a new line
// in a multi-line entry, pressing the button that has the focus.
type dialogKeys struct {
	win     fyne.Window
	confirm func() // nil: Enter confirms nothing
	cancel  func()
	overlay fyne.CanvasObject // the dialog's pop-up while it is open
	hooked  bool
}

// keyedDialogs are the dialogs open, by their pop-up on the canvas. Only
// the UI goroutine touches it.
var keyedDialogs = map[fyne.CanvasObject]*dialogKeys{}

func newDialogKeys(win fyne.Window) *dialogKeys { return &dialogKeys{win: win} }

// show shows d and, until it closes, runs confirm on Enter and cancel on
// Esc; a nil cancel closes d. confirm should do nothing when what it
// confirms cannot be done, as a disabled button does nothing.
func (k *dialogKeys) show(d dialog.Dialog, confirm, cancel func()) {
	k.confirm, k.cancel = confirm, cancel
	if k.cancel == nil {
		k.cancel = d.Hide
	}
	if !k.hooked {
		d.SetOnClosed(k.closed)
		k.hooked = true
	}
	d.Show()
	c := k.win.Canvas()
	k.overlay = c.Overlays().Top()
	keyedDialogs[k.overlay] = k
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if top := keyedDialogs[c.Overlays().Top()]; top != nil {
			top.take(ev, true)
		}
	})
}

func (k *dialogKeys) closed() {
	delete(keyedDialogs, k.overlay)
	k.overlay = nil
}

// take runs the dialog's action for ev, Enter only when enter is true,
// and reports whether it did.
func (k *dialogKeys) take(ev *fyne.KeyEvent, enter bool) bool {
	switch ev.Name {
	case fyne.KeyEscape:
		if k.cancel != nil {
			k.cancel()
		}
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if !enter {
			return false
		}
		if k.confirm != nil {
			k.confirm()
		}
		return true
	}
	return false
}

// pressing returns what pressing b does, nothing while b is disabled:
// the confirm action of a dialog whose confirm is a button.
func pressing(b fyne.Tappable) func() {
	return func() {
		if d, ok := b.(fyne.Disableable); ok && d.Disabled() {
			return
		}
		b.Tapped(&fyne.PointEvent{})
	}
}

// showInformation tells the user something in a dialog that Enter and
// Esc close.
func showInformation(win fyne.Window, title, message string) {
	d := dialog.NewInformation(title, message, win)
	newDialogKeys(win).show(d, d.Hide, nil)
}

// showConfirm asks the user to agree in a dialog where Enter agrees and
// Esc does not; confirm names the button that agrees.
func showConfirm(win fyne.Window, title, message, confirm, dismiss string, answer func(bool)) {
	d := dialog.NewConfirm(title, message, answer, win)
	d.SetConfirmText(confirm)
	d.SetDismissText(dismiss)
	newDialogKeys(win).show(d, d.Confirm, nil)
}

// dialogEntry is an entry in a dialog: Esc cancels the dialog, Enter
// confirms it in a single-line entry.
type dialogEntry struct {
	widget.Entry
	keys *dialogKeys
}

func (k *dialogKeys) entry() *dialogEntry {
	e := &dialogEntry{keys: k}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

func (k *dialogKeys) multiLineEntry() *dialogEntry {
	e := k.entry()
	e.MultiLine = true
	return e
}

func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.keys.take(ev, !e.MultiLine) {
		e.Entry.TypedKey(ev)
	}
}

// dialogButton is a button in a dialog: Enter presses it, Esc cancels
// the dialog.
type dialogButton struct {
	widget.Button
	keys *dialogKeys
}

func (k *dialogKeys) button(label string, icon fyne.Resource, tapped func()) *dialogButton {
	b := &dialogButton{keys: k}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		pressing(b)()
	default:
		if !b.keys.take(ev, false) {
			b.Button.TypedKey(ev)
		}
	}
}

// dialogCheck is a check box in a dialog: Enter confirms the dialog, Esc
// cancels it.
type dialogCheck struct {
	widget.Check
	keys *dialogKeys
}

func (k *dialogKeys) check(label string, changed func(bool)) *dialogCheck {
	c := &dialogCheck{keys: k}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *dialogCheck) TypedKey(ev *fyne.KeyEvent) {
	if !c.keys.take(ev, true) {
		c.Check.TypedKey(ev)
	}
}

// dialogSelect is a drop-down in a dialog: Enter confirms the dialog,
// Esc cancels it.
type dialogSelect struct {
	widget.Select
	keys *dialogKeys
}

func (k *dialogKeys) selection(options []string, changed func(string)) *dialogSelect {
	s := &dialogSelect{keys: k}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

func (s *dialogSelect) TypedKey(ev *fyne.KeyEvent) {
	if !s.keys.take(ev, true) {
		s.Select.TypedKey(ev)
	}
}

// keyedError is showError's dialog: Enter and Esc close it.
func keyedError(win fyne.Window, err error) {
	d := dialog.NewError(err, win)
	newDialogKeys(win).show(d, d.Hide, nil)
}

// dialogRadio is a choice of one of a few options in a dialog, shown as
// radio buttons: a click or Space picks an option, Enter confirms the
// dialog and Esc cancels it. widget.RadioGroup cannot be used there: its
// options, which take the focus, take no key but Space and hand none on.
// One option is always picked, as in a RadioGroup that is Required.
type dialogRadio struct {
	widget.BaseWidget
	Options    []string
	Selected   string
	Horizontal bool
	OnChanged  func(string)
	items      []*dialogRadioItem
}

func (k *dialogKeys) radio(options []string, changed func(string)) *dialogRadio {
	r := &dialogRadio{Options: options, OnChanged: changed}
	for _, o := range options {
		it := &dialogRadioItem{keys: k}
		it.Text, it.Icon, it.Importance, it.Alignment = o, theme.RadioButtonIcon(), widget.LowImportance, widget.ButtonAlignLeading
		it.OnTapped = func() { r.SetSelected(o) }
		it.ExtendBaseWidget(it)
		r.items = append(r.items, it)
	}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected picks option, and tells OnChanged when that changes the
// choice.
func (r *dialogRadio) SetSelected(option string) {
	if option == r.Selected {
		return
	}
	r.Selected = option
	r.showSelected()
	if r.OnChanged != nil {
		r.OnChanged(option)
	}
}

// Refresh shows which option is picked, after Selected is set.
func (r *dialogRadio) Refresh() {
	r.showSelected()
	r.BaseWidget.Refresh()
}

func (r *dialogRadio) showSelected() {
	for _, it := range r.items {
		icon := theme.RadioButtonIcon()
		if it.Text == r.Selected {
			icon = theme.RadioButtonCheckedIcon()
		}
		if it.Icon != icon {
			it.SetIcon(icon)
		}
	}
}

func (r *dialogRadio) CreateRenderer() fyne.WidgetRenderer {
	r.showSelected()
	box := container.NewVBox()
	if r.Horizontal {
		box = container.NewHBox()
	}
	for _, it := range r.items {
		box.Add(it)
	}
	return widget.NewSimpleRenderer(box)
}

// dialogRadioItem is an option of a dialogRadio.
type dialogRadioItem struct {
	widget.Button
	keys *dialogKeys
}

func (it *dialogRadioItem) TypedKey(ev *fyne.KeyEvent) {
	if !it.keys.take(ev, true) {
		it.Button.TypedKey(ev)
	}
}

// passwordEntry is a password entry in a dialog, as Enter and Esc answer
// it, with a button of its own beside it to show and hide the password,
// as widget.NewPasswordEntry has.
func (k *dialogKeys) passwordEntry() *dialogEntry {
	e := k.entry()
	e.Password = true
	var reveal *dialogButton
	reveal = k.button("", theme.VisibilityOffIcon(), func() {
		if e.Disabled() {
			return
		}
		e.Password = !e.Password
		if e.Password {
			reveal.SetIcon(theme.VisibilityOffIcon())
		} else {
			reveal.SetIcon(theme.VisibilityIcon())
		}
		e.Refresh()
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e) // back to typing
		}
	})
	reveal.Importance = widget.LowImportance
	e.ActionItem = reveal
	return e
}

// dialogList is a list in a dialog: the arrow keys move in it and Space
// picks, as in any list; Enter confirms the dialog and Esc cancels it.
type dialogList struct {
	widget.List
	keys *dialogKeys
}

func (k *dialogKeys) list(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *dialogList {
	l := &dialogList{keys: k}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *dialogList) TypedKey(ev *fyne.KeyEvent) {
	if !l.keys.take(ev, true) {
		l.List.TypedKey(ev)
	}
}
