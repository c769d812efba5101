package app

import (
	"testing"

	"followthrough/contacts"
)

func TestSystemDateFormat(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want contacts.DateOrder
	}{
		{"LANG", map[string]string{"LANG": "en_US.UTF-8"}, contacts.MonthFirst},
		{"LC_TIME over LANG", map[string]string{"LANG": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8"}, contacts.DayFirst},
		{"LC_ALL over all", map[string]string{"LANG": "de_DE", "LC_TIME": "en_GB", "LC_ALL": "C"}, contacts.YearFirst},
		{"nothing set", nil, contacts.YearFirst},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SystemDateFormat(func(k string) string { return tt.env[k] }); got.Order != tt.want {
				t.Errorf("SystemDateFormat = %v, want %v", got.Order, tt.want)
			}
		})
	}
}
