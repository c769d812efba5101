package contacts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var splitNameTests = []struct {
	full, given, family string
}{
	{"", "", ""},
	{"   ", "", ""},
	{"John Smith", "John", "Smith"},
	{"  John   Smith  ", "John", "Smith"},
	{"Mary Ann Smith", "Mary Ann", "Smith"},
	{"Cher", "Cher", ""},
	{"Smith, John", "John", "Smith"},
	{"Smith,John", "John", "Smith"},
	{"van der Berg, Anna Maria", "Anna Maria", "van der Berg"},
	{"Dr. Jane Doe", "Jane", "Doe"},
	{"dr jane doe", "jane", "doe"},
	{"Prof. Dr. Hans Müller", "Hans", "Müller"},
	{"Mrs. Ada Lovelace", "Ada", "Lovelace"},
	{"Mr Bean", "", "Bean"},
	{"Dr. Smith", "", "Smith"},
	{"Jane Doe, PhD", "Jane", "Doe"},
	{"Jane Doe, Ph.D., MBA", "Jane", "Doe"},
	{"Jane Doe PhD MBA", "Jane", "Doe"},
	{"Martin Luther King Jr.", "Martin Luther", "King"},
	{"Martin Luther King, Jr.", "Martin Luther", "King"},
	{"John Smith,", "John", "Smith"},
	{"Pat Jones, CPA,", "Pat", "Jones"},
	{"Sam Lee, Esq.", "Sam", "Lee"},
	{"Paul Simon DMD", "Paul", "Simon"},
	{"Doe, Dr. Jane, MD", "Jane", "Doe"},
	{"Ludwig van Beethoven", "Ludwig", "van Beethoven"},
	{"Vincent van Gogh", "Vincent", "van Gogh"},
	{"Anna de la Cruz", "Anna", "de la Cruz"},
	{"Anna De Luca", "Anna", "De Luca"},
	{"Otto von Bismarck", "Otto", "von Bismarck"},
	{"Maria da Silva", "Maria", "da Silva"},
	{"Leonardo di Caprio", "Leonardo", "di Caprio"},
	{"Guillermo del Toro", "Guillermo", "del Toro"},
	{"Jean-Marie Le Pen", "Jean-Marie", "Le Pen"},
	{"Van Morrison", "Van", "Morrison"},
	{"De Niro", "De", "Niro"},
	{"Yo-Yo Ma", "Yo-Yo", "Ma"},
	{"José Álvarez", "José", "Álvarez"},
	// Chinese, Japanese and Korean names: family name first.
	{"王 小明", "小明", "王"},
	{"山本 健太", "健太", "山本"},
	{"山本　健太", "健太", "山本"}, // an ideographic space
	{"しまだ きょうすけ", "きょうすけ", "しまだ"},
	{"김 민준", "민준", "김"},
	{"Dr. 山本 健太", "健太", "山本"},
	{"山本, 健太", "健太", "山本"},
	// Without a space there is no telling where the family name ends.
	{"山本健太", "山本健太", ""},
	{"김민준", "김민준", ""},
	// A foreign name keeps its given name first, set apart by a dot.
	{"ジョン・スミス", "ジョン", "スミス"},
	{"レオナルド・ダ・ヴィンチ", "レオナルド・ダ", "ヴィンチ"},
	{"迈克尔·乔丹", "迈克尔", "乔丹"},
	{"・スミス", "・スミス", ""},
	{"スミス・", "スミス・", ""},
	// Latin letters among them: not a name in those scripts.
	{"山本 Kenta", "山本", "Kenta"},
	// A name in Vietnamese, told by a letter only Vietnamese writes:
	// family name first, then the middle and given names.
	{"Trần Thu Hà", "Thu Hà", "Trần"},
	{"NGUYỄN VĂN HẢI", "VĂN HẢI", "NGUYỄN"},
	{"Phạm Minh", "Minh", "Phạm"},
	{"Vũ Minh", "Minh", "Vũ"},
	{"Tran Thu Ha", "Tran Thu", "Ha"},       // no mark: no telling
	{"Đurđa Đorđević", "Đurđa", "Đorđević"}, // đ is Croatian too
	{"Hải", "Hải", ""},
	{"Dr.", "", ""},
	{"PhD", "", ""},
	{", , ,", "", ""},
}

func TestSplitName(t *testing.T) {
	for _, tt := range splitNameTests {
		t.Run(tt.full, func(t *testing.T) {
			given, family := SplitName(tt.full)
			if given != tt.given || family != tt.family {
				t.Errorf("SplitName(%q) = %q, %q; want %q, %q", tt.full, given, family, tt.given, tt.family)
			}
		})
	}
}

func FuzzSplitName(f *testing.F) {
	for _, tt := range splitNameTests {
		f.Add(tt.full)
	}
	f.Fuzz(func(t *testing.T, full string) {
		given, family := SplitName(full)
		for _, part := range []string{given, family} {
			if part != strings.Join(strings.Fields(part), " ") {
				t.Fatalf("SplitName(%q) = %q, %q: stray white space", full, given, family)
			}
			if strings.Contains(part, ",") {
				t.Fatalf("SplitName(%q) = %q, %q: comma left in", full, given, family)
			}
			if utf8.ValidString(full) && !utf8.ValidString(part) {
				t.Fatalf("SplitName(%q) = %q, %q: invalid UTF-8 from valid input", full, given, family)
			}
			// Every word returned comes from the input.
			for _, w := range strings.Fields(part) {
				if !strings.Contains(full, w) {
					t.Fatalf("SplitName(%q) = %q, %q: word %q not in the input", full, given, family, w)
				}
			}
		}
		// Without a comma, a name of two or more plain words has both parts.
		if !strings.Contains(full, ",") {
			plain := 0
			for _, w := range strings.Fields(full) {
				if !isHonorific(w) && !isPostNominal(w) && !particles[strings.ToLower(w)] {
					plain++
				}
			}
			if plain >= 2 && (given == "" || family == "") {
				t.Fatalf("SplitName(%q) = %q, %q: want both parts", full, given, family)
			}
		}
	})
}
