package contacts

import (
	"strings"
	"testing"
	"unicode"
)

var nameCaseTests = []struct {
	printed, want string
}{
	{"JANE Q. DOE", "Jane Q. Doe"},
	{"JOHN ROE", "John Roe"},
	{"Jane Doe", "Jane Doe"},
	{"Jean DUPONT", "Jean Dupont"},
	{"LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"},
	{"JUAN DE LA CRUZ", "Juan de la Cruz"},
	{"VAN MORRISON", "Van Morrison"},
	{"ANNA VON STEIN", "Anna von Stein"},
	{"LUIZ DA SILVA", "Luiz da Silva"},
	{"NGUYEN VAN LE", "Nguyen van Le"},
	{"TRAN LE", "Tran Le"},
	{"RONALD MCDONALD", "Ronald McDonald"},
	{"ANGUS MACDONALD", "Angus MacDonald"},
	{"ANA MACHADO", "Ana Machado"},
	{"JOHN MACK", "John Mack"},
	{"SEAN O'BRIEN", "Sean O'Brien"},
	{"SEAN O’BRIEN", "Sean O’Brien"},
	{"LUCA D'ANGELO", "Luca D'Angelo"},
	{"MARY-JANE WATSON-PARKER", "Mary-Jane Watson-Parker"},
	{"JOHN SMITH III", "John Smith III"},
	{"ŞEBNEM ÇELIK", "Şebnem Çelik"},
	{"ĐORĐE PETROVIĆ", "Đorđe Petrović"},
	{"NGUYỄN THỊ HẰNG", "Nguyễn Thị Hằng"},
	{"ΓΙΆΝΝΗΣ ΠΑΠΑΔΌΠΟΥΛΟΣ", "ΓΙΆΝΝΗΣ ΠΑΠΑΔΌΠΟΥΛΟΣ"},
	{"ИВАН ПЕТРОВ", "ИВАН ПЕТРОВ"},
	{"山本 健太", "山本 健太"},
	{"김 민준", "김 민준"},
	{"A. B. SMITH", "A. B. Smith"},
	{"JOHN Q. PUBLIC, D.D.S.", "John Q. Public, D.D.S."},
	{"JANE DOE, PHD", "Jane Doe, PhD"},
	{"JOHN ROE JR.", "John Roe Jr."},
	{"JANE DOE MD", "Jane Doe MD"},
	{"", ""},
}

func TestNameCase(t *testing.T) {
	for _, tt := range nameCaseTests {
		t.Run(tt.printed, func(t *testing.T) {
			if got := NameCase(tt.printed); got != tt.want {
				t.Errorf("NameCase(%q) = %q, want %q", tt.printed, got, tt.want)
			}
		})
	}
}

// FuzzNameCase checks that NameCase only ever changes the case of letters
// and is done once: the name read again in its usual case stays as it is.
func FuzzNameCase(f *testing.F) {
	for _, tt := range nameCaseTests {
		f.Add(tt.printed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NameCase(s)
		if got == s {
			return
		}
		if strings.Join(strings.Fields(s), " ") != s && strings.Join(strings.Fields(got), " ") != got {
			t.Fatalf("NameCase(%q) = %q: spaces changed", s, got)
		}
		if !strings.EqualFold(strings.Join(strings.Fields(s), " "), got) {
			// Case folding differs from ToLower for a few letters; compare
			// letter by letter.
			a, b := []rune(strings.Join(strings.Fields(s), " ")), []rune(got)
			if len(a) != len(b) {
				t.Fatalf("NameCase(%q) = %q: more than case changed", s, got)
			}
			for i := range a {
				if unicode.ToLower(a[i]) != unicode.ToLower(b[i]) {
					t.Fatalf("NameCase(%q) = %q: more than case changed at %d", s, got, i)
				}
			}
		}
		if again := NameCase(got); again != got {
			t.Fatalf("NameCase(%q) = %q, then %q: not done once", s, got, again)
		}
	})
}
