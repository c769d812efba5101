package ui

import (
	"context"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// blankLines are the labels shown in o with nothing to say.
func blankLines(o fyne.CanvasObject) []*widget.Label {
	var blank []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			if v.Text == "" {
				blank = append(blank, v)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return blank
}

// TestRowsWithoutSecondLine covers issue 21 B.3: a Reconnect row with
// nothing to say under the name, and a contact with no title or company,
// show no blank line: the Reconnect row is one line shorter, and the
// contact's name sits in the middle of its row.
func TestRowsWithoutSecondLine(t *testing.T) {
	today := contacts.DayOf(apptest.Today)
	store := apptest.OpenStore(t)
	apptest.Seed(t, store, today)
	quiet := contacts.Contact{FullName: "Zed Quiet"} // met nowhere, talked of nothing
	if err := store.Add(context.Background(), &quiet); err != nil {
		t.Fatal(err)
	}
	if err := store.AddFollowUp(context.Background(), &contacts.FollowUp{ContactID: quiet.ID, Kind: contacts.KindCall, Due: today}); err != nil {
		t.Fatal(err)
	}
	m, _ := newTestWindow(t, store, &apptest.FakeEngine{})
	m.tasks.drain()

	t.Run("Reconnect", func(t *testing.T) {
		rows := map[string]*entryRow{}
		for _, r := range reconnectRows(m) {
			if r.entry != nil {
				row := newEntryRow(m.reconnect)
				row.set(r)
				rows[r.entry.Person.Contact.FullName] = row
			}
		}
		zed, olu := rows["Zed Quiet"], rows["Olu Overdue"]
		if zed == nil || olu == nil {
			t.Fatalf("Zed and Olu are not both listed: %v", rows)
		}
		test.NewTempWindow(t, container.NewVBox(zed, olu)).Resize(fyne.NewSize(900, 600))
		if blank := blankLines(zed); len(blank) != 0 {
			t.Errorf("Zed's row shows %d blank lines", len(blank))
		}
		if !olu.context.Visible() || olu.context.Text == "" {
			t.Errorf("Olu's row hides where they met: %q", olu.context.Text)
		}
		// Zed's row: the name, then the follow-up; Olu's has a line more.
		if z, o := zed.MinSize().Height, olu.MinSize().Height; z >= o {
			t.Errorf("Zed's row is %.0f tall, Olu's %.0f: want Zed's a line shorter", z, o)
		}
	})

	t.Run("Contacts", func(t *testing.T) {
		tall := newContactRow().MinSize() // the list's rows, two lines each
		row := newContactRow().(*contactRow)
		row.set("Ned Nothing", "", false, nil)
		test.NewTempWindow(t, row)
		row.Resize(tall)
		if blank := blankLines(row); len(blank) != 0 {
			t.Errorf("Ned's row shows %d blank lines", len(blank))
		}
		middle := row.title.Position().Y + row.title.Size().Height/2
		if math.Abs(float64(middle-tall.Height/2)) > 1 {
			t.Errorf("Ned's name is at %.0f of a row %.0f tall, want it in the middle", middle, tall.Height)
		}
		row.set("Ann Lee", "CTO · Initech", false, nil)
		row.Resize(tall)
		if !row.detail.Visible() || row.title.Position().Y > row.detail.Position().Y {
			t.Error("Ann's title and company are not under her name")
		}
	})
}
