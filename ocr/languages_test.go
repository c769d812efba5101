package ocr

import (
	"slices"
	"testing"
)

func TestCardLanguages(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"nothing to tell", []string{"Jane Doe", "Sales Manager", "+1 212 555 0100", "jane@acme.com"}, nil},
		{"Turkish country code", []string{"Ayse Demir", "+90 212 555 01 02"}, []string{"tur"}},
		{"Croatian address", []string{"Ilica 10, 10000 Zagreb, Croatia"}, []string{"hrv"}},
		{"Polish domain", []string{"biuro@przyklad.pl"}, []string{"pol"}},
		{"Vietnamese website and code", []string{"www.congty.vn", "+84 28 3822 0000"}, []string{"vie"}},
		{"Czech marks", []string{"Jiří Novák"}, []string{"ces"}},
		{"Italian and Dutch", []string{"+39 02 1234 5678", "info@bedrijf.nl"}, []string{"ita", "nld"}},
		{"Chinese country code", []string{"+86 10 6552 0000"}, []string{"chi_sim"}},
		{"a generic domain", []string{"www.example.com", "hello@example.org"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []Line
			for _, s := range tt.lines {
				lines = append(lines, Line{Text: s})
			}
			if got := CardLanguages(lines); !slices.Equal(got, tt.want) {
				t.Errorf("CardLanguages(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}
