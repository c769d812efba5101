package app_test

import (
	"context"
	"testing"

	"followthrough/app"
	"followthrough/app/internal/apptest"
	"followthrough/contacts"
)

// TestDefaultCadence reads the cadence new cards get back from the store,
// as the follow-up settings write it.
func TestDefaultCadence(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, stored string
		want         contacts.Cadence
		wantErr      bool
	}{
		{name: "none", stored: "", want: contacts.Cadence{}},
		{name: "a preset", stored: "30/60", want: contacts.Cadence{Ideal: 30, Max: 60}},
		{name: "spaces", stored: " 61 / 122 ", want: contacts.Cadence{Ideal: 61, Max: 122}},
		{name: "a word", stored: "monthly", wantErr: true},
		{name: "one number", stored: "30", wantErr: true},
		{name: "max before ideal", stored: "60/30", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			if err := store.SetSetting(ctx, app.SettingDefaultCadence, tt.stored); err != nil {
				t.Fatal(err)
			}
			got, err := app.DefaultCadence(ctx, store)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("DefaultCadence with %q = %+v, %v; want %+v, error %v", tt.stored, got, err, tt.want, tt.wantErr)
			}
		})
	}
	for _, p := range contacts.CadencePresets {
		t.Run("preset "+p.Name, func(t *testing.T) {
			store := apptest.OpenStore(t)
			text, err := p.Cadence.MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			if err := store.SetSetting(ctx, app.SettingDefaultCadence, string(text)); err != nil {
				t.Fatal(err)
			}
			if got, err := app.DefaultCadence(ctx, store); err != nil || got != p.Cadence {
				t.Errorf("%s reads back as %+v, %v", p.Name, got, err)
			}
		})
	}
}
