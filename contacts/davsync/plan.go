package davsync

import (
	"sort"
)

// LocalState is one contact as the store has it, with what the last sync
// saw of it.
type LocalState struct {
	ContactID int64
	// Deleted says the contact was deleted here since the last sync.
	Deleted bool
	Hash    string // the contact's CardHash now; "" when deleted
	// Href, ETag and SyncedHash are from the last sync: the card's path
	// and ETag then and the contact's hash then. Href is "" for a
	// contact never synced.
	Href       string
	ETag       string
	SyncedHash string
}

// changed says whether the contact changed here since the last sync.
func (l LocalState) changed() bool { return !l.Deleted && l.Hash != l.SyncedHash }

// RemoteState is one card as the server lists it.
type RemoteState struct {
	Href string
	ETag string
}

// An Action is what a sync does with one contact or card.
type Action int

// The actions of a plan.
const (
	// PushNew puts a contact never synced on the server as a new card.
	PushNew Action = iota
	// Push replaces a card with the contact, changed here.
	Push
	// PullNew adds a card new on the server as a contact.
	PullNew
	// Pull replaces a contact with its card, changed on the server.
	Pull
	// Conflicting is a contact changed on both sides, or changed on one
	// and deleted on the other: the user chooses which side wins.
	Conflicting
	// DeleteRemote deletes a card whose contact was deleted here, after
	// the user confirms.
	DeleteRemote
	// DeleteLocal deletes a contact whose card was deleted on the
	// server, after the user confirms.
	DeleteLocal
	// Forget drops the record of a contact deleted on both sides.
	Forget
)

var actionNames = [...]string{"push new", "push", "pull new", "pull", "conflict", "delete on server", "delete here", "forget"}

func (a Action) String() string {
	if a < 0 || int(a) >= len(actionNames) {
		return "unknown"
	}
	return actionNames[a]
}

// A Step is one action of a plan: its contact (0 for PullNew) and card
// ("" for PushNew), and the card's ETag on the server now ("" if it is
// not there).
type Step struct {
	Action    Action
	ContactID int64
	Href      string
	ETag      string
}

// Plan returns what a sync must do to bring the contacts here, local, and
// the cards on the server, remote, together: the steps in the order of
// the actions, then of contact and href. Contacts and cards unchanged on
// both sides need no step.
//
// A card whose ETag differs from the one recorded changed on the server;
// a contact whose hash differs from the one recorded changed here. A
// change on one side wins over no change on the other; a change on both
// is a conflict, as is a change on one side and a deletion on the other.
func Plan(local []LocalState, remote []RemoteState) []Step {
	onServer := make(map[string]RemoteState, len(remote))
	for _, r := range remote {
		onServer[r.Href] = r
	}
	known := make(map[string]bool, len(local))
	var steps []Step
	add := func(a Action, l LocalState, href, etag string) {
		steps = append(steps, Step{Action: a, ContactID: l.ContactID, Href: href, ETag: etag})
	}
	for _, l := range local {
		if l.Href == "" {
			if !l.Deleted {
				add(PushNew, l, "", "")
			}
			continue
		}
		known[l.Href] = true
		r, there := onServer[l.Href]
		changedThere := there && r.ETag != l.ETag
		switch {
		case !there && l.Deleted:
			add(Forget, l, l.Href, "")
		case !there && l.changed():
			add(Conflicting, l, l.Href, "")
		case !there:
			add(DeleteLocal, l, l.Href, "")
		case l.Deleted && changedThere:
			add(Conflicting, l, l.Href, r.ETag)
		case l.Deleted:
			add(DeleteRemote, l, l.Href, r.ETag)
		case l.changed() && changedThere:
			add(Conflicting, l, l.Href, r.ETag)
		case l.changed():
			add(Push, l, l.Href, r.ETag)
		case changedThere:
			add(Pull, l, l.Href, r.ETag)
		}
	}
	for _, r := range remote {
		if !known[r.Href] {
			steps = append(steps, Step{Action: PullNew, Href: r.Href, ETag: r.ETag})
		}
	}
	sort.SliceStable(steps, func(i, j int) bool {
		a, b := steps[i], steps[j]
		if a.Action != b.Action {
			return a.Action < b.Action
		}
		if a.ContactID != b.ContactID {
			return a.ContactID < b.ContactID
		}
		return a.Href < b.Href
	})
	return steps
}
