package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"followthrough/app"
	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// doneLine marks follow-ups done, and logs calls with the contacts the
// cadence brings up, for Reconnect and a contact's page alike. A line at
// the foot of the window then says what was done, with Undo for a while,
// and, when the outcome says when to follow up next ("coffee next month")
// or the contact has a cadence, proposes that next follow-up, ready to
// schedule in one click or to leave.
type doneLine struct {
	win       fyne.Window
	store     *sqlite.Store
	tasks     *tasks
	clock     app.Clock
	dates     contacts.DateFormat
	onChanged func() // after the follow-ups or the history changed
	undoFor   time.Duration

	text, nextText           *widget.Label
	undo, schedule, noThanks *widget.Button
	undoRow, nextRow, box    *fyne.Container

	last  *doneRecord // what the line tells of; nil when it is hidden
	timer *time.Timer
}

// doneRecord is one Done, which Undo takes back.
type doneRecord struct {
	contact  contacts.Contact
	followUp contacts.FollowUp // the follow-up marked done, as it was; zero for a call logged
	logged   int64             // the interaction that logged it
	next     contacts.FollowUp // the next follow-up proposed; zero for none
	undone   bool              // Undo was tapped or its time is over
}

func newDoneLine(win fyne.Window, store *sqlite.Store, tasks *tasks, clock app.Clock, dates contacts.DateFormat, onChanged func()) *doneLine {
	return &doneLine{win: win, store: store, tasks: tasks, clock: clock, dates: dates, onChanged: onChanged, undoFor: undoFor}
}

func (d *doneLine) buildUI() fyne.CanvasObject {
	d.text = widget.NewLabel("")
	d.text.Truncation = fyne.TextTruncateEllipsis
	d.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), d.onUndo)
	d.undoRow = container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), d.undo, d.text)
	d.nextText = widget.NewLabel("")
	d.nextText.Truncation = fyne.TextTruncateEllipsis
	d.schedule = &widget.Button{Text: "Schedule it", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: d.onSchedule}
	d.noThanks = &widget.Button{Text: "No thanks", Importance: widget.LowImportance, OnTapped: d.onNoThanks}
	d.nextRow = container.NewBorder(nil, nil, widget.NewIcon(theme.CalendarIcon()), container.NewHBox(d.noThanks, d.schedule), d.nextText)
	d.box = container.NewVBox(widget.NewSeparator(), d.undoRow, d.nextRow)
	d.box.Hide()
	return d.box
}

// complete marks f, a follow-up of c, done today with outcome.
func (d *doneLine) complete(c contacts.Contact, f contacts.FollowUp, outcome string) {
	today := d.clock.Today()
	d.tasks.inOrder(func(ctx context.Context) func() {
		// As it is in the store, which Undo puts back.
		was, err := d.store.GetFollowUp(ctx, f.ID)
		var it contacts.Interaction
		if err == nil {
			it, err = d.store.CompleteFollowUp(ctx, f.ID, today, outcome)
		}
		var rec *doneRecord
		if err == nil {
			rec = &doneRecord{contact: c, followUp: was, logged: it.ID}
			rec.next, err = d.propose(ctx, c, f.Kind, outcome, today)
		}
		return func() {
			if err != nil {
				showError(d.win, "Could not mark it done", err)
				return
			}
			d.show(rec, fmt.Sprintf("Done: %s with %s.", f.Kind.Label(), oneLineLabel(c.DisplayName())))
		}
	})
}

// log logs an interaction of kind with c, today, with outcome: Done on
// someone the cadence brings up, with nothing scheduled.
func (d *doneLine) log(c contacts.Contact, kind contacts.Kind, outcome string) {
	today := d.clock.Today()
	d.tasks.inOrder(func(ctx context.Context) func() {
		it := contacts.Interaction{ContactID: c.ID, Kind: kind, On: today, Note: outcome}
		err := d.store.LogInteraction(ctx, &it)
		var rec *doneRecord
		if err == nil {
			rec = &doneRecord{contact: c, logged: it.ID}
			rec.next, err = d.propose(ctx, c, kind, outcome, today)
		}
		return func() {
			if err != nil {
				showError(d.win, "Could not mark it done", err)
				return
			}
			d.show(rec, fmt.Sprintf("Done: %s with %s, logged.", kind.Label(), oneLineLabel(c.DisplayName())))
		}
	})
}

// propose is the next follow-up to offer after kind was done with c:
// from the outcome's words, or else from c's cadence when nothing else is
// scheduled with c.
func (d *doneLine) propose(ctx context.Context, c contacts.Contact, kind contacts.Kind, outcome string, today contacts.Day) (contacts.FollowUp, error) {
	next, fromWords := contacts.NextFollowUp(outcome, kind, c.Cadence, today)
	if next.Due.IsZero() || fromWords {
		next.ContactID = c.ID
		return next, nil
	}
	fs, err := d.store.FollowUps(ctx, c.ID)
	if err != nil {
		return contacts.FollowUp{}, err
	}
	for _, f := range fs {
		if f.State == contacts.StateOpen {
			return contacts.FollowUp{}, nil // the cadence has its next step already
		}
	}
	next.ContactID = c.ID
	return next, nil
}

// show tells of rec, which ends the chance to undo the Done before it.
func (d *doneLine) show(rec *doneRecord, text string) {
	d.last = rec
	d.text.SetText(text)
	d.undoRow.Show()
	if rec.next.Due.IsZero() {
		d.nextRow.Hide()
	} else {
		d.nextText.SetText(fmt.Sprintf("Next: %s with %s, %s?",
			rec.next.Kind.Label(), oneLineLabel(rec.contact.DisplayName()), d.dates.Day(rec.next.Due)))
		d.nextRow.Show()
	}
	d.box.Show()
	if d.timer != nil {
		d.timer.Stop()
	}
	// Through tasks, not fyne.Do: Fyne's test driver runs fyne.Do on the
	// timer's goroutine, beside the test's.
	d.timer = time.AfterFunc(d.undoFor, func() { d.tasks.onUI(func() { d.expireUndo(rec) }) })
	d.onChanged()
}

// expireUndo ends the chance to undo rec, if the line still tells of it;
// a next follow-up proposed stays until it is answered.
func (d *doneLine) expireUndo(rec *doneRecord) {
	if d.last != rec {
		return
	}
	rec.undone = true
	d.undoRow.Hide()
	if !d.nextRow.Visible() {
		d.hide()
	}
}

// forget hides the line when it tells of the contact id, which was just
// deleted: neither its Undo nor the next follow-up it proposes can be
// done to a contact in the trash, and the deletion's own Undo is the one
// to offer.
func (d *doneLine) forget(id int64) {
	if d.last == nil || d.last.contact.ID != id {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.hide()
}

func (d *doneLine) hide() {
	d.last = nil
	d.box.Hide()
}

// onUndo takes the Done back: the follow-up is open again as it was, and
// what was logged goes.
func (d *doneLine) onUndo() {
	rec := d.last
	if rec == nil || rec.undone {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.hide()
	d.tasks.inOrder(func(ctx context.Context) func() {
		var err error
		if rec.followUp.ID != 0 {
			err = d.store.ReopenFollowUp(ctx, rec.followUp, rec.logged)
		} else {
			err = d.store.DeleteInteraction(ctx, rec.logged)
		}
		return func() {
			if err != nil {
				showError(d.win, "Could not undo it", err)
				return
			}
			d.onChanged()
		}
	})
}

// onSchedule adds the next follow-up proposed. The Done can no longer
// be undone after: the follow-up just scheduled would outlive it.
func (d *doneLine) onSchedule() {
	rec := d.last
	if rec == nil || rec.next.Due.IsZero() {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.hide()
	next := rec.next
	d.tasks.inOrder(func(ctx context.Context) func() {
		err := d.store.AddFollowUp(ctx, &next)
		return func() {
			if err != nil {
				showError(d.win, "Could not schedule the next follow-up", err)
				return
			}
			d.onChanged()
		}
	})
}

// onNoThanks leaves the next follow-up proposed unscheduled; Undo stays
// while its time lasts.
func (d *doneLine) onNoThanks() {
	d.nextRow.Hide()
	if rec := d.last; rec == nil || rec.undone {
		d.hide()
	}
}
