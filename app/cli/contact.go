package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// errNoSuchContact is the failure of a NAME-OR-ID that names no one.
var errNoSuchContact = errors.New("no such contact")

// findContact returns the contact that arg names: its ID (42 or #42), its
// whole name (ignoring case), or words that find one contact only, as the
// window's search does.
func findContact(ctx context.Context, store *sqlite.Store, arg string) (contacts.Contact, error) {
	arg = strings.TrimSpace(arg)
	if id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil {
		c, err := store.Get(ctx, id)
		if errors.Is(err, sqlite.ErrNotFound) {
			return c, fmt.Errorf("#%d: %w", id, errNoSuchContact)
		}
		return c, err
	}
	found, err := store.List(ctx, arg, 0)
	if err != nil {
		return contacts.Contact{}, err
	}
	var exact []contacts.Contact
	for _, c := range found {
		if strings.EqualFold(c.DisplayName(), arg) {
			exact = append(exact, c)
		}
	}
	if len(exact) > 0 {
		found = exact
	}
	switch len(found) {
	case 0:
		return contacts.Contact{}, fmt.Errorf("%q: %w", arg, errNoSuchContact)
	case 1:
		return found[0], nil
	}
	var names []string
	for _, c := range found[:min(len(found), 10)] {
		names = append(names, fmt.Sprintf("#%d %s", c.ID, c.DisplayName()))
	}
	more := ""
	if len(found) > 10 {
		more = fmt.Sprintf(" and %d more", len(found)-10)
	}
	return contacts.Contact{}, fmt.Errorf("%q names %d contacts: %s%s; give the ID", arg, len(found), strings.Join(names, ", "), more)
}
