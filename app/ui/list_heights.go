package ui

import "fyne.io/fyne/v2/widget"

// rowHeights gives the rows of a widget.List the heights of what they
// show, measured as the list sets each row up.
//
// A height cannot be given while the list sets its rows up: SetItemHeight
// lays the whole list out again, inside the layout under way, which then
// goes on setting rows up for places they are no longer at. A heading
// showed blank, or stood above the wrong section, after the list changed
// under it. So a height measured then is kept, and given once the list is
// done, on the UI goroutine's next turn.
type rowHeights struct {
	list    *widget.List
	tasks   *tasks
	given   map[widget.ListItemID]float32 // the heights given the list
	pending map[widget.ListItemID]float32 // measured, to give once the list is done
}

func newRowHeights(list *widget.List, tasks *tasks) *rowHeights {
	return &rowHeights{list: list, tasks: tasks, given: map[widget.ListItemID]float32{}, pending: map[widget.ListItemID]float32{}}
}

// fit asks for row i to be height high; the list's UpdateItem calls it.
func (h *rowHeights) fit(i widget.ListItemID, height float32) {
	if h.given[i] == height {
		delete(h.pending, i)
		return
	}
	asked := len(h.pending) > 0
	h.pending[i] = height
	if !asked {
		h.tasks.later(h.give)
	}
}

// give gives the list the heights measured, all of them counted as given
// first, so that the layouts each one leads to ask for no more.
func (h *rowHeights) give() {
	pending := h.pending
	h.pending = map[widget.ListItemID]float32{}
	for i, height := range pending {
		h.given[i] = height
	}
	for i, height := range pending {
		h.list.SetItemHeight(i, height)
	}
}
