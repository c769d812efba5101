package app

import (
	"context"
	"fmt"
	"strconv"

	"followthrough/contacts"
	"followthrough/contacts/sqlite"
)

// SettingFollowUpDelay holds the default delay of the first follow-up
// after meeting someone, as ParseDelay reads it ("3d").
const SettingFollowUpDelay = "followup.delay"

// FollowUpDelay is the delay, in days, of a first follow-up: flag when it
// is set, else the one in the settings, else the default.
func FollowUpDelay(ctx context.Context, store *sqlite.Store, flag string) (int, error) {
	if flag != "" {
		return contacts.ParseDelay(flag)
	}
	def := strconv.Itoa(contacts.DefaultFollowUpDelay) + "d"
	s, err := store.Setting(ctx, SettingFollowUpDelay, def)
	if err != nil {
		return 0, err
	}
	return contacts.ParseDelay(s)
}

// SettingDefaultCadence holds the keep-in-touch cadence each new card
// gets, as contacts.Cadence.MarshalText writes it ("61/122": ideal and maximum gaps in
// days); empty for none.
const SettingDefaultCadence = "cadence.default"

// DefaultCadence is the cadence each new card gets, from the settings.
func DefaultCadence(ctx context.Context, store *sqlite.Store) (contacts.Cadence, error) {
	s, err := store.Setting(ctx, SettingDefaultCadence, "")
	if err != nil {
		return contacts.Cadence{}, err
	}
	var c contacts.Cadence
	if err := c.UnmarshalText([]byte(s)); err != nil {
		return contacts.Cadence{}, fmt.Errorf("setting %s: %w", SettingDefaultCadence, err)
	}
	return c, nil
}

// FirstFollowUp is the first follow-up proposed for someone just met:
// a few days after meeting, while it still lands.
func FirstFollowUp(c contacts.Contact, today contacts.Day, delay int) contacts.FollowUp {
	met := c.MetOn
	if met.IsZero() {
		met = today
	}
	return contacts.FollowUp{
		ContactID: c.ID,
		Kind:      contacts.DefaultFirstKind,
		Due:       contacts.FirstFollowUp(met, today, delay),
	}
}
