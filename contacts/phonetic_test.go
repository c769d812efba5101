package contacts

import (
	"strings"
	"testing"
)

var splitPhoneticTests = []struct {
	phonetic, given, family string
}{
	{"", "", ""},
	{"Kenta Yamamoto", "Kenta", "Yamamoto"},
	{"KENTA YAMAMOTO", "KENTA", "YAMAMOTO"},
	{"kenta yamamoto", "kenta", "yamamoto"},
	// The family name in capitals, the given name not: wherever it stands.
	{"YAMAMOTO Kenta", "Kenta", "YAMAMOTO"},
	{"Kenta YAMAMOTO", "Kenta", "YAMAMOTO"},
	{"  YAMAMOTO   Kenta ", "Kenta", "YAMAMOTO"},
	{"VAN DER BERG Anna Maria", "Anna Maria", "VAN DER BERG"},
	{"Jean-Marc DUPONT", "Jean-Marc", "DUPONT"},
	// An initial is no small letter: all in capitals is Western order.
	{"K. YAMAMOTO", "K.", "YAMAMOTO"},
	{"YAMAMOTO K.", "YAMAMOTO", "K."},
	// Capitals at both ends tell nothing.
	{"YAMAMOTO Kenta TARO", "YAMAMOTO Kenta", "TARO"},
	// The rest as SplitName reads it.
	{"Yamamoto, Kenta", "Kenta", "Yamamoto"},
	{"YAMAMOTO, Kenta", "Kenta", "YAMAMOTO"},
	{"Kenta", "Kenta", ""},
	{"YAMAMOTO", "YAMAMOTO", ""},
	{"しまだ きょうすけ", "きょうすけ", "しまだ"},
	{"シマダ キョウスケ", "キョウスケ", "シマダ"},
}

func TestSplitPhonetic(t *testing.T) {
	for _, tt := range splitPhoneticTests {
		t.Run(tt.phonetic, func(t *testing.T) {
			given, family := SplitPhonetic(tt.phonetic)
			if given != tt.given || family != tt.family {
				t.Errorf("SplitPhonetic(%q) = %q, %q; want %q, %q", tt.phonetic, given, family, tt.given, tt.family)
			}
		})
	}
}

func TestJoinPhonetic(t *testing.T) {
	tests := []struct{ given, family, want string }{
		{"Kenta", "Yamamoto", "Kenta Yamamoto"},
		{"Kenta", "YAMAMOTO", "Kenta YAMAMOTO"},
		{"KENTA", "YAMAMOTO", "KENTA YAMAMOTO"},
		{"きょうすけ", "しまだ", "しまだ きょうすけ"},
		{"Anna", "de la Cruz", "Anna de la Cruz"},
		// Neither order reads back: the family name first, with a comma.
		{"Kenta Taro", "Yamamoto Ito", "Yamamoto Ito, Kenta Taro"},
		{"Kenta", "", "Kenta"},
		{"", "Yamamoto", "Yamamoto"},
		{"  Kenta ", " Yamamoto  ", "Kenta Yamamoto"},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := JoinPhonetic(tt.given, tt.family); got != tt.want {
				t.Errorf("JoinPhonetic(%q, %q) = %q; want %q", tt.given, tt.family, got, tt.want)
			}
		})
	}
}

func TestPhoneticNameCase(t *testing.T) {
	tests := []struct{ printed, want string }{
		{"YAMAMOTO Kenta", "Kenta Yamamoto"},
		{"KENTA YAMAMOTO", "Kenta Yamamoto"},
		{"Kenta YAMAMOTO", "Kenta Yamamoto"},
		{"Kenta Yamamoto", "Kenta Yamamoto"},
		{"Yamamoto, Kenta", "Yamamoto, Kenta"}, // nothing in capitals: as printed
		{"しまだ きょうすけ", "しまだ きょうすけ"},
	}
	for _, tt := range tests {
		t.Run(tt.printed, func(t *testing.T) {
			got := PhoneticNameCase(tt.printed)
			if got != tt.want {
				t.Errorf("PhoneticNameCase(%q) = %q; want %q", tt.printed, got, tt.want)
			}
			// The parts are the ones printed, in their usual case.
			g0, f0 := SplitPhonetic(tt.printed)
			if g, f := SplitPhonetic(got); !strings.EqualFold(g, g0) || !strings.EqualFold(f, f0) {
				t.Errorf("PhoneticNameCase(%q) = %q reads %q, %q; printed it read %q, %q", tt.printed, got, g, f, g0, f0)
			}
		})
	}
}

func FuzzSplitPhonetic(f *testing.F) {
	for _, tt := range splitPhoneticTests {
		f.Add(tt.phonetic)
	}
	f.Fuzz(func(t *testing.T, s string) {
		given, family := SplitPhonetic(s)
		for _, part := range []string{given, family} {
			if part != strings.Join(strings.Fields(part), " ") {
				t.Fatalf("SplitPhonetic(%q) = %q, %q: stray white space", s, given, family)
			}
			for _, w := range strings.Fields(part) {
				if !strings.Contains(s, w) {
					t.Fatalf("SplitPhonetic(%q) = %q, %q: word %q not in the input", s, given, family, w)
				}
			}
		}
		// What is joined again reads the same, but a family name alone,
		// which reads as a given name.
		if given != "" || family == "" {
			line := JoinPhonetic(given, family)
			if g, f := SplitPhonetic(line); g != given || f != family {
				t.Fatalf("SplitPhonetic(%q) = %q, %q, joined %q, which reads %q, %q", s, given, family, line, g, f)
			}
		}
	})
}
