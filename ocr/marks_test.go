package ocr

import (
	"cmp"
	"context"
	"image"
	"strings"
	"testing"
	"unicode/utf8"
)

var marksOnlyTests = []struct {
	plain, second string
	want          bool
}{
	{"Dvorak", "Dvořák", true},
	{"Oztiirk", "Öztürk", true},            // ü read as ii
	{"Przemystaw", "Przemysław", true},     // ł read as t
	{"Kabel Insaat", "Kabel İnşaat", true}, // İ, one letter in lower case too
	{"Kabel Inşaat", "Kabel İnşaat", true},
	{"Kjaer", "Kjær", true},
	{"Cagla", "Çağla", true},
	{"AOIFE O SUILLEABHAIN", "AOIFE Ó SÚILLEABHÁIN", true},
	{"Kowalski", "Kowalski", false},        // no mark added
	{"Thériault", "Theriault", false},      // a mark taken off
	{"Smith", "Smyth", false},              // another letter
	{"Bob", "Böbé", false},                 // a letter more
	{"Anna Berg", "Anna Berg GmbH", false}, // more words
	{"Aeiou", "Äéíóú", false},              // more than half the letters
	{"", "é", false},
}

func TestMarksOnly(t *testing.T) {
	for _, tt := range marksOnlyTests {
		t.Run(tt.plain+"→"+tt.second, func(t *testing.T) {
			if got := marksOnly(tt.plain, tt.second); got != tt.want {
				t.Errorf("marksOnly(%q, %q) = %v, want %v", tt.plain, tt.second, got, tt.want)
			}
		})
	}
}

func FuzzMarksOnly(f *testing.F) {
	for _, tt := range marksOnlyTests {
		f.Add(tt.plain, tt.second)
	}
	f.Fuzz(func(t *testing.T, plain, second string) {
		if !utf8.ValidString(plain) || !utf8.ValidString(second) {
			return
		}
		if marksOnly(plain, second) && !strings.ContainsFunc(second, marked) {
			t.Errorf("marksOnly(%q, %q): no mark was added", plain, second)
		}
	})
}

func TestWithMarks(t *testing.T) {
	words := func(s ...string) []Word {
		ws := make([]Word, len(s))
		for i, w := range s {
			ws[i] = Word{Text: w}
		}
		return ws
	}
	tests := []struct {
		name          string
		plain, second Line
		want          string
		ok            bool
		conf          float64 // the line's, when not 0
	}{
		{
			name:   "each word keeps the marks either reading gave",
			plain:  Line{Text: "Jesús Zuniga", Words: words("Jesús", "Zuniga")},
			second: Line{Text: "Jesus Zúñiga", Words: words("Jesus", "Zúñiga")},
			want:   "Jesús Zúñiga", ok: true,
		},
		{
			name:   "an S with a comma below is the Turkish S with a cedilla",
			plain:  Line{Text: "Anaelle S. Danor", Words: words("Anaelle", "S.", "Danor")},
			second: Line{Text: "Anaëlle Ș. Danor", Words: words("Anaëlle", "Ș.", "Danor")},
			want:   "Anaëlle Ş. Danor", ok: true,
		},
		{
			name:   "a word read otherwise is left",
			plain:  Line{Text: "Radek Oztiirk", Words: words("Radek", "Oztiirk")},
			second: Line{Text: "Radok Öztürk", Words: words("Radok", "Öztürk")},
			want:   "Radek Öztürk", ok: true,
		},
		{
			name:   "as many words apart: the whole line",
			plain:  Line{Text: "Ana Perez", Words: words("Ana", "Perez")},
			second: Line{Text: "Ana Pérez", Words: words("Ana Pérez")},
			want:   "Ana Pérez", ok: true,
		},
		{
			name:   "a word taken is as sure as its reading",
			plain:  Line{Text: "Giilsen Aydin", Words: []Word{{Text: "Giilsen", Conf: 40}, {Text: "Aydin", Conf: 60}}},
			second: Line{Text: "Gülşen Aydın", Words: []Word{{Text: "Gülşen", Conf: 90}, {Text: "Aydın", Conf: 80}}},
			want:   "Gülşen Aydın", ok: true, conf: 85,
		},
		{
			name:   "a word with a letter one language writes gains a mark on a plain letter",
			plain:  Line{Text: "Kabel Inşaat", Words: words("Kabel", "Inşaat")},
			second: Line{Text: "Kabel İnşaat", Words: words("Kabel", "İnşaat")},
			want:   "Kabel İnşaat", ok: true,
		},
		{
			// Read in Vietnamese, then again with the whole Latin script.
			name:   "a word with a letter only its language writes stays",
			plain:  Line{Text: "Phan Văn Hải", Words: words("Phan", "Văn", "Hải")},
			second: Line{Text: "Phan Văn Hái", Words: words("Phan", "Văn", "Hái")},
			want:   "Phan Văn Hải", ok: false,
		},
		{
			name:   "ũ is Vietnamese's own too",
			plain:  Line{Text: "VŨ MINH", Words: words("VŨ", "MINH")},
			second: Line{Text: "VŮ MINH", Words: words("VŮ", "MINH")},
			want:   "VŨ MINH", ok: false,
		},
		{
			name:   "in capitals too",
			plain:  Line{Text: "PHAN VĂN HẢI", Words: words("PHAN", "VĂN", "HẢI")},
			second: Line{Text: "PHAN VĂN HÁI", Words: words("PHAN", "VĂN", "HÁI")},
			want:   "PHAN VĂN HẢI", ok: false,
		},
		{
			name:   "a line with a letter only its language writes stays",
			plain:  Line{Text: "Số 12 Lê Lợi", Words: words("Số", "12", "Lê", "Lợi")},
			second: Line{Text: "Số 12 Lê Lói", Words: words("Số 12", "Lê Lói")},
			want:   "Số 12 Lê Lợi", ok: false,
		},
		{
			// The Latin model read a space into a word at its marked letter.
			name:   "a word read in pieces is joined",
			plain:  Line{Text: "Katerina Stastny", Words: words("Katerina", "Stastny")},
			second: Line{Text: "Kateři na Šťastný", Words: words("Kateři", "na", "Šťastný")},
			want:   "Kateřina Šťastný", ok: true,
		},
		{
			name:   "pieces that do not make the word are left",
			plain:  Line{Text: "Katerina Stastny", Words: words("Katerina", "Stastny")},
			second: Line{Text: "Kateři nu Šťastný", Words: words("Kateři", "nu", "Šťastný")},
			want:   "Katerina Stastny", ok: false,
		},
		{
			// The Latin model is less sure of case than of marks.
			name:   "a word keeps the first reading's case",
			plain:  Line{Text: "Sebnem Sahin", Words: words("Sebnem", "Sahin")},
			second: Line{Text: "şebnem Şahin", Words: words("şebnem", "Şahin")},
			want:   "Şebnem Şahin", ok: true,
		},
		{
			name:   "in capitals",
			plain:  Line{Text: "NIAMH WOJCIK", Words: words("NIAMH", "WOJCIK")},
			second: Line{Text: "NIAMH wóJCIK", Words: words("NIAMH", "wóJCIK")},
			want:   "NIAMH WÓJCIK", ok: true,
		},
		{
			name:   "in capitals, the whole line",
			plain:  Line{Text: "ANA PEREZ", Words: words("ANA", "PEREZ")},
			second: Line{Text: "ANA Pérez", Words: words("ANA Pérez")},
			want:   "ANA PÉREZ", ok: true,
		},
		{
			name:   "a word of mixed case is left as read",
			plain:  Line{Text: "Dara McKay", Words: words("Dara", "McKay")},
			second: Line{Text: "Dara McKäy", Words: words("Dara", "McKäy")},
			want:   "Dara McKäy", ok: true,
		},
		{
			name:   "no mark added",
			plain:  Line{Text: "Harold Whitcombe", Words: words("Harold", "Whitcombe")},
			second: Line{Text: "Harold Whitcomb", Words: words("Harold", "Whitcomb")},
			want:   "Harold Whitcombe", ok: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := withMarks(tt.plain, tt.second)
			if got.Text != tt.want || ok != tt.ok {
				t.Errorf("withMarks = %q, %v; want %q, %v", got.Text, ok, tt.want, tt.ok)
			}
			if rebuilt := NewLine(got.Words).Text; len(got.Words) > 0 && rebuilt != got.Text {
				t.Errorf("withMarks: its words read %q, its line %q", rebuilt, got.Text)
			}
			if tt.conf != 0 && got.Conf != tt.conf {
				t.Errorf("withMarks read at %.0f, want %.0f", got.Conf, tt.conf)
			}
		})
	}
}

// heightEngine reads each crop it is given as one line: the text for the
// crop's height, else text, else nothing.
type heightEngine struct {
	text     string
	byHeight map[int]string
	byLang   map[string]map[int]string // for a read in one language alone
	confs    map[string]float64        // how surely each language reads; 90 when not given
	reads    int
}

func (e *heightEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *heightEngine) Recognize(_ context.Context, img image.Image, p Pass) ([]Line, error) {
	e.reads++
	b := img.Bounds()
	read := e.byHeight
	if len(p.Langs) == 1 && e.byLang[p.Langs[0]] != nil {
		read = e.byLang[p.Langs[0]]
	}
	text, ok := read[b.Dy()]
	if !ok {
		text = e.text
	}
	if text == "" {
		return nil, nil
	}
	conf := 90.0
	if c, ok := e.confs[strings.Join(p.Langs, "+")]; ok {
		conf = c
	}
	var words []Word
	x := b.Min.X + 4
	for _, w := range strings.Fields(text) {
		words = append(words, Word{Text: w, Conf: conf, Box: image.Rect(x, b.Min.Y+4, x+20*len(w), b.Max.Y-4)})
		x += 20*len(w) + 10
	}
	return []Line{NewLine(words)}, nil
}

func (e *heightEngine) Close() error { return nil }

// TestMarkedLines: the name's line is read again for its marks on every
// card; the job's, the firm's and the address's only on a card that calls
// for a language written in Latin letters, and only marks are taken.
func TestMarkedLines(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1600, 1000))
	card := lines(cat(
		stack(100, 80, 70, "Inigo Martinez", 40, "Ingeniero de caminos"),
		stack(100, 300, 56, "Sable Ridge Carpinteria S.L."),
		stack(100, 500, "Tel: +34 810 12 38 36", "inigo.martinez@sableridge.es", 44, "Calle Nunez 12", 46, "28013 Malaga"),
	)...)
	// Each line's crop is twice its height: half of it above and below.
	read := map[int]string{140: "Íñigo Martínez", 80: "Ingeniero de camiños", 112: "Sable Ridge Carpintería S.L.",
		88: "Calle Núñez 12", 92: "28013 Málaga"}
	plain := []string{"Íñigo Martínez", "Ingeniero de caminos", "Sable Ridge Carpinteria S.L.", "", "", "Calle Nunez 12", "28013 Malaga"}
	tests := []struct {
		name   string
		called []string
		want   []string // the lines as kept; "" for one not looked at
		reads  int
	}{
		{"a card from Spain", []string{"spa"}, []string{"Íñigo Martínez", "Ingeniero de camiños", "Sable Ridge Carpintería S.L.", "", "", "Calle Núñez 12", "28013 Málaga"}, 5},
		{"a card that calls for no language", nil, plain, 1},
		{"a card that calls for Japanese alone", []string{"jpn"}, plain, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &heightEngine{byHeight: read}
			got, reads, err := markedLines(context.Background(), eng, up, card, tt.called)
			if err != nil {
				t.Fatal(err)
			}
			if reads != tt.reads || eng.reads != tt.reads {
				t.Errorf("%d reads (engine asked %d times), want %d", reads, eng.reads, tt.reads)
			}
			for k, want := range tt.want {
				if want != "" && got[k].Text != want {
					t.Errorf("line %d = %q, want %q", k, got[k].Text, want)
				}
			}
			if card[0].Text != "Inigo Martinez" {
				t.Errorf("the lines given were changed: %q", card[0].Text)
			}
		})
	}
}

// TestMarkedLinesCalledByTheName: a card that gives no country but a
// name with a letter only one language writes has its job's and firm's
// lines read again for their marks too; a name with marks many
// languages write does not call for that.
func TestMarkedLinesCalledByTheName(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1600, 1000))
	tests := []struct {
		name  string
		latin string // the name's line read in the Latin script
		want  []string
		reads int
	}{
		{"a Turkish ı in the name", "Fazilet Yılmaz", []string{"Fazilet Yılmaz", "Satış Müdürü", "Quaywell Matbaacılık"}, 6},
		{"an ü many languages write", "Fazilet Yülmaz", []string{"Fazilet Yülmaz", "Satis Muduru", "Quaywell Matbaacilik"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := lines(cat(
				stack(100, 80, 70, "Fazilet Yilmaz", 40, "Satis Muduru"),
				stack(100, 300, 56, "Quaywell Matbaacilik"),
				stack(100, 600, "fazilet@quaywell.example"),
			)...)
			// Each line's crop is twice its height.
			read := map[int]string{140: tt.latin, 80: "Satış Müdürü", 112: "Quaywell Matbaacılık"}
			eng := &heightEngine{byHeight: read, byLang: map[string]map[int]string{"tur": read}}
			got, reads, err := markedLines(context.Background(), eng, up, card, nil)
			if err != nil {
				t.Fatal(err)
			}
			if reads != tt.reads || eng.reads != tt.reads {
				t.Errorf("%d reads (engine asked %d times), want %d", reads, eng.reads, tt.reads)
			}
			for k, want := range tt.want {
				if got[k].Text != want {
					t.Errorf("line %d = %q, want %q", k, got[k].Text, want)
				}
			}
		})
	}
}

// TestMarkedLinesInTheirLanguage: a letter only one language writes,
// read by the Latin model in a word it misread otherwise, calls for a
// read of the line in that language, which marks only the words still
// plain. It calls for the job's line to be read for its marks too (the
// third read; see TestMarkedLinesCalledByTheName).
func TestMarkedLinesInTheirLanguage(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1600, 1000))
	tests := []struct {
		name        string
		first       string // the name's line as first read
		latin, lang string // read again in the Latin script, and in tur
		want        string
		reads       int
	}{
		{"Turkish capitals the Latin model misread", "CAGLA FAIRWEATHER", "ÇAĞGLA FAIRWEATHER", "ÇAĞLA FAIRWEATHER", "ÇAĞLA FAIRWEATHER", 3},
		{"a mark read before stays", "Cagla Prochazka", "Çağla Procházka", "Çağla Prochâzka", "Çağla Procházka", 3},
		{"a word the Latin model marked, the other left to Turkish", "Cagla Prochazka", "CAĞGLA Procházka", "Çağla Prochâzka", "Çağla Procházka", 3},
		{"no letter only one language writes: no second read", "Cagla Muller", "Cagla Müller", "", "Cagla Müller", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card := lines(cat(stack(100, 80, 70, tt.first, 40, "Sales Manager"), stack(100, 600, "cagla@quaywell.example"))...)
			eng := &heightEngine{byHeight: map[int]string{140: tt.latin}, byLang: map[string]map[int]string{"tur": {140: tt.lang}}}
			got, reads, err := markedLines(context.Background(), eng, up, card, nil)
			if err != nil {
				t.Fatal(err)
			}
			if reads != tt.reads || eng.reads != tt.reads {
				t.Errorf("%d reads (engine asked %d times), want %d", reads, eng.reads, tt.reads)
			}
			if got[0].Text != tt.want {
				t.Errorf("name's line = %q, want %q", got[0].Text, tt.want)
			}
		})
	}
}

// TestOnlyAddsMarks: a language's reading of a word already marked is
// taken only where it adds marks and keeps every mark of the word.
func TestOnlyAddsMarks(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Sťastný", "Šťastný", true},      // Czech read the háček the Latin model lost
		{"Procházka", "Prochâzka", false}, // Turkish put another mark on the a
		{"Kärbohrer", "Karbohrer", false}, // a mark taken off
		{"Šťastný", "Šťastný", false},     // nothing added
		{"Sťastný", "Šťastna", false},     // a letter read otherwise
		{"Sťastný", "Šťastnýy", false},    // not the same length
	}
	for _, tt := range tests {
		t.Run(tt.a+" "+tt.b, func(t *testing.T) {
			if got := onlyAddsMarks(tt.a, tt.b); got != tt.want {
				t.Errorf("onlyAddsMarks(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
	line := NewLine([]Word{{Text: "Kateřina"}, {Text: "Sťastný"}})
	czech := NewLine([]Word{{Text: "Kateřina"}, {Text: "Šťastný"}})
	if got, ok := plainWordsMarked(line, czech); !ok || got.Text != "Kateřina Šťastný" {
		t.Errorf("plainWordsMarked = %q, %v; want Kateřina Šťastný, true", got.Text, ok)
	}
}

// TestMarkedLineBroughtDown reads a name printed large: the Latin model,
// reading it at its own height, may miss a mark it reads brought down to
// markedHeight, where it also reads marks that are not there.
func TestMarkedLineBroughtDown(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1600, 1000))
	// The Polish read that follows ł in the Latin reading brought down
	// serves to confirm it too: three reads, not four.
	// A line 84 pixels tall is read in a crop of 168 at its own height,
	// and of 96 brought down to 48; one of 60 in a crop of 120, and not
	// brought down: it is not a third taller than markedHeight.
	tests := []struct {
		name   string
		h, th  int // the name's and the job's heights; th 40 when 0
		called []string
		first  string
		read   map[string]map[int]string // by language, then by height
		confs  map[string]float64        // how surely, by language
		want   string
		conf   float64 // the name's line's confidence, when not 0
		reads  int
	}{
		{
			// The word as surely as Polish read it (94; "Mensah" keeps
			// its 90): brought down, the Latin model read it at 46,
			// and the review called the name unsure.
			name: "ł read brought down, and in Polish", h: 84, first: "Przemystaw Mensah",
			read:  map[string]map[int]string{"Latin": {168: "Przemystaw Mensah", 96: "Przemysław Mensah"}, "pol": {96: "Przemysław Mensah"}},
			confs: map[string]float64{"Latin": 46, "pol": 94},
			// Its ł calls for Polish: the job's line is read too.
			want: "Przemysław Mensah", conf: 92, reads: 4,
		},
		{
			name: "ł that Polish does not read", h: 84, first: "Przemystaw Mensah",
			read: map[string]map[int]string{"Latin": {168: "Przemystaw Mensah", 96: "Przemysław Mensah"}, "pol": {96: "Przemystaw Mensah"}},
			want: "Przemystaw Mensah", reads: 3,
		},
		{
			name: "marks of the language the card calls for", h: 84, th: 70, called: []string{"spa"}, first: "Agustin Zuniga",
			read: map[string]map[int]string{"Latin": {168: "Agustin Zuniga", 96: "Agustín Zúñiga"}, "spa": {96: "Agustín Zúñiga"}},
			// The job's line is read too, once, though as tall: no line
			// but the name's is read again brought down.
			want: "Agustín Zúñiga", reads: 4,
		},
		{
			name: "a mark no language confirms", h: 84, first: "Loic Petain",
			read: map[string]map[int]string{"Latin": {168: "Loic Petain", 96: "Loic Pėtain"}},
			want: "Loic Petain", reads: 2,
		},
		{
			name: "marks read at its own height", h: 84, first: "Agustin Zuniga",
			read: map[string]map[int]string{"Latin": {168: "Agustín Zúñiga", 96: "Agustín Zuñiga"}},
			want: "Agustín Zúñiga", reads: 1,
		},
		{
			name: "a line not a third taller than markedHeight", h: 60, first: "Przemystaw Mensah",
			read: map[string]map[int]string{"Latin": {120: "Przemystaw Mensah", 96: "Przemysław Mensah"}, "pol": {96: "Przemysław Mensah"}},
			want: "Przemystaw Mensah", reads: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := cmp.Or(tt.th, 40)
			card := lines(cat(stack(100, 80, tt.h, tt.first, th, "Sales Manager"), stack(100, 600, "someone@quaywell.example"))...)
			eng := &heightEngine{byLang: tt.read, confs: tt.confs}
			got, reads, err := markedLines(context.Background(), eng, up, card, tt.called)
			if err != nil {
				t.Fatal(err)
			}
			if got[0].Text != tt.want {
				t.Errorf("name's line %q, want %q", got[0].Text, tt.want)
			}
			if tt.conf != 0 && got[0].Conf != tt.conf {
				t.Errorf("name's line read at %.0f, want %.0f", got[0].Conf, tt.conf)
			}
			if reads != tt.reads || eng.reads != tt.reads {
				t.Errorf("%d reads (engine asked %d times), want %d", reads, eng.reads, tt.reads)
			}
		})
	}
}
