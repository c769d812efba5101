package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"followthrough/contacts"
)

// SettingFollowUpDelay holds the default delay of the first follow-up
// after meeting someone, as ParseDelay reads it ("3d").
const SettingFollowUpDelay = "followup.delay"

// FollowUpDelay is the delay, in days, of a first follow-up: flag when it
// is set, else the one in the settings, else the default.
func FollowUpDelay(ctx context.Context, store *contacts.Store, flag string) (int, error) {
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
// gets, as cadenceSetting writes it ("61/122": ideal and maximum gaps in
// days); empty for none.
const SettingDefaultCadence = "cadence.default"

// DefaultCadence is the cadence each new card gets, from the settings.
func DefaultCadence(ctx context.Context, store *contacts.Store) (contacts.Cadence, error) {
	s, err := store.Setting(ctx, SettingDefaultCadence, "")
	if err != nil {
		return contacts.Cadence{}, err
	}
	return ParseCadenceSetting(s)
}

// CadenceSetting is c as the settings keep it.
//
// TODO(merge): use contacts.Cadence MarshalText (and UnmarshalText for
// ParseCadenceSetting) once the domain has them.
func CadenceSetting(c contacts.Cadence) string {
	if c.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d/%d", c.Ideal, c.Max)
}

// ParseCadenceSetting reads a cadence written by cadenceSetting.
func ParseCadenceSetting(s string) (contacts.Cadence, error) {
	var c contacts.Cadence
	if strings.TrimSpace(s) == "" {
		return c, nil
	}
	ideal, max, ok := strings.Cut(s, "/")
	var err error
	if c.Ideal, err = strconv.Atoi(strings.TrimSpace(ideal)); err == nil && ok {
		c.Max, err = strconv.Atoi(strings.TrimSpace(max))
	}
	if err != nil || !ok {
		return contacts.Cadence{}, fmt.Errorf("setting %s: %q is not two numbers of days, like 61/122", SettingDefaultCadence, s)
	}
	if err := c.Valid(); err != nil {
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
