package ocr

import (
	"context"
	"image"
	"slices"
	"strings"
	"testing"
)

// japaneseCases are cards printed in Japanese, and one from Japan printed
// in English, with what they must give.
var japaneseCases = []struct {
	name string
	rows []row
	want map[FieldKind]string // "" means absent
	// phones are the numbers taken, in order; note has what the note
	// must hold.
	phones []string
	note   string
}{
	{
		name: "department and job, romaji under the name, postcode on its own line",
		rows: cat(
			stack(100, 60, 55, "株式会社ミナト建設"),
			stack(100, 200, "営業部 部長", 80, "佐藤 健一", "KENICHI SATO"),
			stack(100, 560, "TEL 03-5555-0123", "FAX 03-5555-0124", "sato@minato.co.jp", "〒105-0011", "東京都港区芝公園1-2-3"),
		),
		want: map[FieldKind]string{
			FieldName: "佐藤 健一", FieldPhonetic: "Kenichi Sato", FieldTitle: "部長", FieldCompany: "株式会社ミナト建設",
			FieldEmail: "sato@minato.co.jp", FieldAddress: "〒105-0011 東京都港区芝公園1-2-3",
		},
		phones: []string{"03-5555-0123", "03-5555-0124"},
		note:   "営業部",
	},
	{
		name: "a rank alone, the firm's legal form after its name, an ideographic space",
		rows: cat(
			stack(100, 60, 55, "ツバサ物流株式会社"),
			stack(100, 200, "代表取締役社長", 80, "鈴木　花子", "Hanako Suzuki"),
			stack(100, 560, "携帯 090-5555-0199", "hanako@tsubasa.co.jp"),
		),
		want: map[FieldKind]string{
			FieldName: "鈴木 花子", FieldPhonetic: "Hanako Suzuki", FieldTitle: "代表取締役社長", FieldCompany: "ツバサ物流株式会社",
			FieldEmail: "hanako@tsubasa.co.jp",
		},
		phones: []string{"090-5555-0199"},
	},
	{
		name: "a job in katakana after its department, family name in capitals",
		rows: cat(
			stack(100, 60, 55, "北斗精機株式会社"),
			stack(100, 200, "技術開発部シニアエンジニア", 80, "山田 太郎", "YAMADA Taro"),
			stack(100, 560, "電話 06-5555-0142", "t.yamada@hokuto.co.jp"),
		),
		want: map[FieldKind]string{
			FieldName: "山田 太郎", FieldPhonetic: "Taro Yamada", FieldTitle: "シニアエンジニア", FieldCompany: "北斗精機株式会社",
			FieldEmail: "t.yamada@hokuto.co.jp",
		},
		phones: []string{"06-5555-0142"},
		note:   "技術開発部",
	},
	{
		name: "spaces read between kanji in the firm and the address, a label of the other column after the firm",
		rows: cat(
			stack(100, 60, 55, "株 式会社ミナト建設 FAX"),
			stack(100, 200, "営業部 部長", 80, "佐藤 健一", "KENICHI SATO"),
			stack(100, 560, "sato@minato.co.jp", "〒105-0011", "東京都港区芝 公園1-2-3"),
		),
		want: map[FieldKind]string{
			FieldName: "佐藤 健一", FieldPhonetic: "Kenichi Sato", FieldTitle: "部長", FieldCompany: "株式会社ミナト建設",
			FieldEmail: "sato@minato.co.jp", FieldAddress: "〒105-0011 東京都港区芝公園1-2-3",
		},
		note: "営業部",
	},
	{
		name: "a kanji read as the katakana it looks like",
		rows: cat(
			stack(100, 60, 55, "株式会社ミナト建設"),
			stack(100, 200, "営業部 部長", 80, "山ロ 花子", "Hanako Yamaguchi"),
			stack(100, 560, "hanako@minato.co.jp"),
		),
		want: map[FieldKind]string{
			FieldName: "山口 花子", FieldPhonetic: "Hanako Yamaguchi", FieldTitle: "部長", FieldCompany: "株式会社ミナト建設",
		},
		note: "営業部",
	},
	{
		name: "a given name read as a line of its own",
		rows: cat(
			stack(100, 60, 55, "株式会社コスモ商事"),
			[]row{{text: "高橋", x: 100, y: 220, h: 80}, {text: "奈緒", x: 420, y: 220, h: 80}},
			stack(100, 340, "NAO TAKAHASHI"),
			stack(100, 560, "nao@cosmo.co.jp"),
		),
		want: map[FieldKind]string{
			FieldName: "高橋 奈緒", FieldPhonetic: "Nao Takahashi", FieldCompany: "株式会社コスモ商事", FieldEmail: "nao@cosmo.co.jp",
		},
	},
	{
		name: "a Chinese card",
		rows: cat(
			stack(100, 60, 55, "上海星辰物流有限公司"),
			stack(100, 200, "市场部 经理", 80, "王 小明", "Wang Xiaoming"),
			stack(100, 560, "电话 021 5555 0100", "传真 021 5555 0101", "wang@xingchen.cn"),
		),
		want: map[FieldKind]string{
			// Pinyin printed family name first, kept as printed.
			FieldName: "王 小明", FieldPhonetic: "Wang Xiaoming", FieldTitle: "经理", FieldCompany: "上海星辰物流有限公司",
			FieldEmail: "wang@xingchen.cn",
		},
		phones: []string{"021 5555 0100", "021 5555 0101"},
		note:   "市场部",
	},
	{
		name: "a logo read as a few kana: the card is not Japanese",
		rows: cat(
			stack(1100, 60, "の 町", "テ の"),
			stack(100, 200, 80, "PIETER CLAES", "Business Development Manager"),
			stack(100, 560, "+32 3 555 01 62", "pieter.claes@example.be"),
		),
		want: map[FieldKind]string{
			FieldName: "Pieter Claes", FieldPhonetic: "", FieldTitle: "Business Development Manager",
		},
		phones: []string{"+32 3 555 01 62"},
	},
	{
		name: "printed in English in Japan: the name stays in Latin letters",
		rows: cat(
			stack(100, 60, 80, "Kenji Watanabe", "Sales Manager"),
			stack(100, 320, 50, "Acme Japan K.K."),
			stack(100, 560, "TEL 03-5555-0100", "kenji.watanabe@acme.co.jp"),
		),
		want: map[FieldKind]string{
			FieldName: "Kenji Watanabe", FieldPhonetic: "", FieldTitle: "Sales Manager", FieldCompany: "Acme Japan K.K.",
			FieldEmail: "kenji.watanabe@acme.co.jp",
		},
		phones: []string{"03-5555-0100"},
	},
}

func TestClassifyJapanese(t *testing.T) {
	for _, tt := range japaneseCases {
		t.Run(tt.name, func(t *testing.T) {
			fields := Classify(lines(tt.rows...), cardSize)
			got := map[FieldKind]string{}
			var phones []string
			for _, f := range fields {
				switch f.Kind {
				case FieldPhone:
					phones = append(phones, f.Value)
				default:
					if _, ok := got[f.Kind]; !ok {
						got[f.Kind] = f.Value
					}
				}
			}
			for kind, want := range tt.want {
				if got[kind] != want {
					t.Errorf("%s = %q, want %q", kind, got[kind], want)
				}
			}
			if !slices.Equal(phones, tt.phones) {
				t.Errorf("phones = %q, want %q", phones, tt.phones)
			}
			if tt.note != "" && !strings.Contains(got[FieldNote], tt.note) {
				t.Errorf("note = %q, want it to hold %q", got[FieldNote], tt.note)
			}
		})
	}
}

func TestStrayLatin(t *testing.T) {
	word := func(text string, conf float64) Word {
		return Word{Text: text, Conf: conf, Box: image.Rect(0, 0, 10, 10)}
	}
	tests := []struct {
		name  string
		words []Word
		want  bool
	}{
		{"unsure letters beside kanji", []Word{word("山本", 88), word("EH", 4)}, true},
		{"marks beside kanji", []Word{word("岡田", 93), word("+=", 80)}, true},
		{"sure letters on a line with no number", []Word{word("高橋", 93), word("EA", 80)}, true},
		{"a sure label", []Word{word("TEL", 92), word("東京", 90), word("03-5555-0100", 90)}, false},
		{"a floor number", []Word{word("ビル", 92), word("7F", 40)}, false},
		{"no kanji", []Word{word("Jane", 90), word("Q.", 30)}, false},
		{"kanji alone", []Word{word("山本", 88), word("健太", 70)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strayLatin(NewLine(tt.words)); got != tt.want {
				t.Errorf("strayLatin(%q) = %v, want %v", NewLine(tt.words).Text, got, tt.want)
			}
		})
	}
}

func TestSplitJob(t *testing.T) {
	tests := []struct {
		text, dept, job string
		ok              bool
	}{
		{"教育事業部 部長", "教育事業部", "部長", true},
		{"営業部部長", "営業部", "部長", true},
		{"営業部長", "", "営業部長", true},
		{"代表取締役社長", "", "代表取締役社長", true},
		{"技術開発部シニアエンジニア", "技術開発部", "シニアエンジニア", true},
		{"第二営業課　課長代理", "第二営業課", "課長代理", true},
		{"税理士", "", "税理士", true},
		{"代表取締 役", "", "代表取締役", true}, // a space the reading put inside
		{"物流 センター", "", "", false},
		{"物流センター", "", "", false},
		{"市场部 经理", "市场部", "经理", true},
		{"技术中心高级工程师", "技术中心", "高级工程师", true},
		{"董事长", "", "董事长", true},
		{"株式会社", "", "", false},
		{"Sales Manager", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			dept, job, ok := splitJob(tt.text)
			if dept != tt.dept || job != tt.job || ok != tt.ok {
				t.Errorf("splitJob(%q) = %q, %q, %v; want %q, %q, %v", tt.text, dept, job, ok, tt.dept, tt.job, tt.ok)
			}
		})
	}
}

// TestPhoneticCase: the romaji's capitals tell its order; the name case
// setting then writes it in its usual case, or keeps it as printed.
func TestPhoneticCase(t *testing.T) {
	rows := cat(
		stack(100, 60, 55, "北斗精機株式会社"),
		stack(100, 200, 80, "山田 太郎", "YAMADA Taro"),
		stack(100, 560, "t.yamada@hokuto.co.jp"),
	)
	tests := []struct {
		keep bool
		want string
	}{
		{false, "Taro Yamada"},
		{true, "YAMADA Taro"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			fields := ClassifyWith(lines(rows...), cardSize, ClassifyOptions{KeepNameCase: tt.keep})
			if got := valueOf(fields, FieldPhonetic); got != tt.want {
				t.Errorf("phonetic = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNarrowNameSpace: a space between the family and given names that
// the engine saw as a gap between two words, though a narrow one (a
// third of a letter), parts the name; the same gap in the firm's name
// does not part it.
func TestNarrowNameSpace(t *testing.T) {
	word := func(text string, x0, x1, y int) Word {
		return Word{Text: text, Conf: 95, Box: image.Rect(x0, y, x1, y+62)}
	}
	ls := []Line{
		NewLine([]Word{word("ヒカリ", 100, 292, 60), word("電機株式会社", 316, 700, 60)}),
		NewLine([]Word{word("伊藤", 100, 229, 200), word("翔太", 253, 380, 200)}),
		lines(row{text: "Shota Ito", x: 100, y: 290, h: 30})[0],
		lines(row{text: "shota@hikari.co.jp", x: 100, y: 400, h: 30})[0],
	}
	fields := Classify(ls, cardSize)
	if got := valueOf(fields, FieldName); got != "伊藤 翔太" {
		t.Errorf("name = %q, want %q", got, "伊藤 翔太")
	}
	if got := valueOf(fields, FieldCompany); got != "ヒカリ電機株式会社" {
		t.Errorf("company = %q, want %q", got, "ヒカリ電機株式会社")
	}
}

// lineEngine reads each crop it is given as a line of Latin letters read
// unsurely and, in Japanese alone when the crop is taller than kanjiOver
// pixels (the card's large name), a line of kanji under it.
type lineEngine struct {
	kanjiOver int
	reads     []Pass
}

func (e *lineEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *lineEngine) Recognize(_ context.Context, img image.Image, p Pass) ([]Line, error) {
	e.reads = append(e.reads, p)
	b := img.Bounds()
	lines := []Line{NewLine([]Word{{Text: "Ee", Conf: 40, Box: image.Rect(2, 2, b.Dx()-2, b.Dy()/2)}})}
	if slices.Equal(p.Langs, []string{"jpn"}) && p.Only && b.Dy() > e.kanjiOver {
		// A block of a title read unsurely over the name.
		lines = append(lines, NewLine([]Word{{Text: "佐藤健一", Conf: 91, Box: image.Rect(2, b.Dy()/2, b.Dx()-2, b.Dy()-2)}}))
	}
	return lines, nil
}

func (e *lineEngine) Close() error { return nil }

// TestGuessedInScript: a card from Japan read as guesses is read in
// Japanese when one of its tallest guesses, read on its own in Japanese
// alone, reads as kanji surely; three short reads at most, and none of a
// column.
func TestGuessedInScript(t *testing.T) {
	up := image.NewGray(image.Rect(0, 0, 1000, 600))
	guess := func(y, h int) Line {
		return Line{Text: "7 ZA", Conf: 30, Box: image.Rect(100, y, 500, y+h)}
	}
	// The last guess is a column of a card printed down its height.
	guesses := []Line{guess(20, 30), guess(60, 30), guess(100, 30), guess(200, 90), {Text: "1 ZA", Conf: 30, Box: image.Rect(700, 20, 760, 580)}}
	tests := []struct {
		name      string
		kanjiOver int
		want      bool
		reads     int
	}{
		{"the tallest guess reads as kanji", 100, true, 1},
		{"none does", 1000, false, 3},
		{"the column is not read", 200, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &lineEngine{kanjiOver: tt.kanjiOver}
			got, reads, err := guessedInScript(context.Background(), eng, up, guesses, "jpn")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || reads != tt.reads || len(eng.reads) != tt.reads {
				t.Errorf("guessedInScript = %v after %d reads (%d by the engine), want %v after %d", got, reads, len(eng.reads), tt.want, tt.reads)
			}
			for _, p := range eng.reads {
				if p.Mode != ModeAuto || !p.Only || !slices.Equal(p.Langs, []string{"jpn"}) {
					t.Errorf("read with %+v, want a block in Japanese alone", p)
				}
			}
		})
	}
}

func TestSureNumbersOf(t *testing.T) {
	line := func(conf float64, words ...string) Line {
		var ws []Word
		for i, w := range words {
			ws = append(ws, Word{Text: w, Box: image.Rect(100*i, 0, 100*i+90, 40), Conf: conf})
		}
		return NewLine(ws)
	}
	read := line(80, "大阪府大阪市北区梅田", "9-15-11", "大和センタービル", "17F")
	tests := []struct {
		name  string
		again Line
		want  string
	}{
		{"the English reading's numbers", line(90, "KRB", "0-15-11", "ARE", "17F"), "大阪府大阪市北区梅田 0-15-11 大和センタービル 17F"},
		{"read unsurely in English", line(40, "KRB", "8-15-11", "ARE", "17F"), read.Text},
		{"a number more in English", line(90, "KRB", "8-15-11", "5", "ARE", "17F"), read.Text},
		{"a digit more in English", line(90, "KRB", "0-15-119", "ARE", "17F"), "大阪府大阪市北区梅田 0-15-119 大和センタービル 17F"},
		{"a digit fewer in English", line(90, "KRB", "0-15-1", "ARE", "17F"), "大阪府大阪市北区梅田 0-15-1 大和センタービル 17F"},
		{"a number two digits longer", line(90, "KRB", "0-15-1199", "ARE", "17F"), read.Text},
		{"numbers in other groups", line(90, "KRB", "0-1511", "ARE", "17F"), read.Text},
		{"a digit in an unsure word is no number", NewLine([]Word{
			{Text: "#5", Conf: 20, Box: image.Rect(0, 0, 90, 40)},
			{Text: "0-15-11", Conf: 90, Box: image.Rect(100, 0, 190, 40)},
			{Text: "17F", Conf: 90, Box: image.Rect(200, 0, 290, 40)},
		}), "大阪府大阪市北区梅田 0-15-11 大和センタービル 17F"},
		{"no number in English", line(90, "KRB", "ARE"), read.Text},
		// The Japanese model reads a 0 as a 9; the English one, read
		// beside kanji, reads the 0 unsurely, or among digits read from
		// kanji.
		{"a 0 read unsurely where Japanese read a 9", line(40, "KRB", "H0-15-11", "ARE", "17F"), "大阪府大阪市北区梅田 0-15-11 大和センタービル 17F"},
		{"a 0 among digits read from kanji", line(90, "KR8", "0-15-11", "ARE", "17F"), "大阪府大阪市北区梅田 0-15-11 大和センタービル 17F"},
		{"another digit read otherwise", line(40, "KRB", "0-16-11", "ARE", "17F"), read.Text},
		{"a 9 read as a 9 in English", line(40, "KRB", "9-15-11", "ARE", "17F"), read.Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sureNumbersOf(read, tt.again); got.Text != tt.want {
				t.Errorf("sureNumbersOf = %q, want %q", got.Text, tt.want)
			}
		})
	}
}

func TestNineForZero(t *testing.T) {
	tests := []struct {
		read, english string
		want          bool
	}{
		{"3-19-19", "3-10-19", true},
		{"779-8971", "770-8971", true},
		{"9-19-11", "0-10-11", true},
		{"3-10-19", "3-10-19", false}, // read alike
		{"3-10-19", "3-19-19", false}, // a 0 read as a 9 in English
		{"3-19-19", "3-10-18", false}, // another digit read otherwise
		{"3-19-19", "3-10-190", false},
		{"3-19-19", "3-10 19", false},
		{"9", "0", false},   // a floor's number, too short to tell by
		{"19", "10", false}, // likewise
	}
	for _, tt := range tests {
		t.Run(tt.read+" "+tt.english, func(t *testing.T) {
			if got := nineForZero(tt.read, tt.english); got != tt.want {
				t.Errorf("nineForZero(%q, %q) = %v, want %v", tt.read, tt.english, got, tt.want)
			}
		})
	}
}

// TestKeepAddresses: a card's reading in the languages it calls for
// takes from its English reading, line by line where they lie in the
// same place, its emails and websites; when that reading is in another
// script, the lines English read surely in plain letters, and the
// numbers English read surely in a line of kanji.
func TestKeepAddresses(t *testing.T) {
	at := func(y int, words ...Word) Line {
		for i := range words {
			words[i].Box = image.Rect(100*i, y, 100*i+90, y+40)
		}
		return NewLine(words)
	}
	w := func(text string, conf float64) Word { return Word{Text: text, Conf: conf} }
	tests := []struct {
		name   string
		lines  []Line // the reading in the languages called for
		first  []Line // the English reading
		script bool
		want   []string
	}{
		{"an email from English",
			[]Line{at(0, w("milena", 80), w("Qprimjer.hr", 30))}, []Line{at(0, w("milena@primjer.hr", 90))}, false,
			[]string{"milena@primjer.hr"}},
		{"a plain line kept in the same script",
			[]Line{at(0, w("Milena", 90), w("Babić", 90))}, []Line{at(0, w("Milena", 95), w("Babic", 95))}, false,
			[]string{"Milena Babić"}},
		{"a plain line read surely, in another script",
			[]Line{at(0, w("TEL", 90), w("93-1234-5931", 90))}, []Line{at(0, w("TEL", 93), w("03-1234-5931", 75))}, true,
			[]string{"TEL 03-1234-5931"}},
		{"the numbers of a line of kanji, in another script",
			[]Line{at(0, w("携帯", 60), w("999-1234-5179", 50))}, []Line{at(0, w("#5", 20), w("090-1234-5170", 86))}, true,
			[]string{"携帯 090-1234-5170"}},
		{"the numbers of a line of kanji, in the same script",
			[]Line{at(0, w("携帯", 60), w("999-1234-5179", 50))}, []Line{at(0, w("#5", 20), w("090-1234-5170", 86))}, false,
			[]string{"携帯 999-1234-5179"}},
		{"marks read surely in English for kanji, in another script",
			[]Line{at(0, w("=]", 40), w("5", 40), w("HEA", 40))}, []Line{at(0, w("=", 62), w("+t&=", 61))}, true,
			[]string{"=] 5 HEA"}},
		{"a line elsewhere",
			[]Line{at(0, w("携帯", 60), w("999-1234-5179", 50))}, []Line{at(200, w("090-1234-5170", 86))}, true,
			[]string{"携帯 999-1234-5179"}},
		{"a number read the same but for its spaces",
			[]Line{at(0, w("F", 90), w("012345524", 92))}, []Line{at(0, w("F", 93), w("01", 94), w("2345", 95), w("524", 95))}, false,
			[]string{"F 01 2345 524"}},
		{"a number with a digit read as a sign",
			[]Line{at(0, w("Mobile:", 90), w("512", 92), w("345", 92), w("95@", 90))}, []Line{at(0, w("Mobile:", 93), w("512", 94), w("345", 95), w("950", 95))}, false,
			[]string{"Mobile: 512 345 950"}},
		{"a label read with its marks, the number the same",
			[]Line{at(0, w("Tél.", 90), w("01", 92), w("23", 92), w("45", 90))}, []Line{at(0, w("Tel.", 93), w("01", 94), w("23", 95), w("45", 95))}, false,
			[]string{"Tel. 01 23 45"}},
		{"a line of words is the language's",
			[]Line{at(0, w("Główna", 90), w("księgowa", 92))}, []Line{at(0, w("Gtowna", 93), w("ksiegowa", 94))}, false,
			[]string{"Główna księgowa"}},
		{"a number behind a label the language reads otherwise",
			[]Line{at(0, w("Faks", 90), w("12", 92), w("345", 92))}, []Line{at(0, w("Fax", 93), w("12", 94), w("346", 95))}, false,
			[]string{"Faks 12 345"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range keepAddresses(tt.lines, tt.first, tt.script) {
				got = append(got, l.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("keepAddresses = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitByRomaji(t *testing.T) {
	tests := []struct {
		name, kanji string
		romaji      []string
		want        string // "" for left as read
	}{
		{"given name first", "高橋雅人", []string{"Masato", "Takahashi"}, "高橋 雅人"},
		{"family name in capitals, first", "岡田亮", []string{"OKADA", "Ryo"}, "岡田 亮"},
		{"family name in capitals, last", "森千尋", []string{"Chihiro", "MORI"}, "森 千尋"},
		{"a short family name, order unknown", "森千尋", []string{"Mori", "Chihiro"}, ""},
		{"three and two", "佐々木美穂", []string{"SASAKI", "Miho"}, "佐々木 美穂"},
		{"already parted", "高橋 雅人", []string{"Masato", "Takahashi"}, ""},
		{"two kanji", "高橋", []string{"Masato", "Takahashi"}, ""},
		{"one romaji word", "高橋雅人", []string{"Takahashi"}, ""},
		{"Latin letters in the name", "高橋M人", []string{"Masato", "Takahashi"}, ""},
		{"both in capitals, lengths agreeing", "石川健一", []string{"ISHIKAWA", "KENICHI"}, "石川 健一"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := splitByRomaji(tt.kanji, tt.romaji)
			if !ok {
				got = ""
			}
			if got != tt.want {
				t.Errorf("splitByRomaji(%q, %q) = %q, want %q", tt.kanji, tt.romaji, got, tt.want)
			}
		})
	}
}

// TestNameByRomaji: a name in kanji read with no space between the family
// and the given name is parted as the romaji beside it parts it.
func TestNameByRomaji(t *testing.T) {
	ls := lines(
		row{text: "株式会社ヒカリ物流", x: 100, y: 60, h: 40},
		row{text: "高橋雅人", x: 100, y: 200, h: 70},
		row{text: "Masato Takahashi", x: 100, y: 290, h: 30},
		row{text: "masato@hikari.co.jp", x: 100, y: 400, h: 30},
	)
	for i := range ls {
		ls[i].Conf = 92
	}
	fields := Classify(ls, cardSize)
	if got := valueOf(fields, FieldName); got != "高橋 雅人" {
		t.Errorf("name = %q, want %q", got, "高橋 雅人")
	}
	for _, f := range fields {
		if f.Kind == FieldName && !strings.HasPrefix(f.Reason, "the largest line of kanji") {
			t.Errorf("name's reason = %q, want the reason it was taken, then why it was parted", f.Reason)
		}
	}
	if got := valueOf(fields, FieldPhonetic); got != "Masato Takahashi" {
		t.Errorf("phonetic name = %q, want %q", got, "Masato Takahashi")
	}
}

// TestRomajiName: on a card printed in Japanese whose name in kanji was
// not read (read as marks), the romaji printed beside it is the name,
// marked for review; not a line read as a guess, a firm's or a job's
// line in Latin letters, or words in small letters.
func TestRomajiName(t *testing.T) {
	tests := []struct {
		name     string
		romaji   string  // the line in Latin letters under the name's place
		conf     float64 // its confidence
		want     string  // the name; "" for none
		phonetic string  // the phonetic name; "" for none
	}{
		{"the romaji", "Masato Takahashi", 96, "Masato Takahashi", "Masato Takahashi"},
		{"in capitals", "TAKAHASHI MASATO", 96, "Takahashi Masato", "Takahashi Masato"},
		{"read as a guess", "Be Hea", 59, "", ""},
		{"a firm", "Hibari Design Inc.", 96, "", ""},
		{"a job", "Sales Manager", 96, "", ""},
		{"small letters", "masato takahashi", 96, "", ""},
		{"one word", "Takahashi", 96, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := lines(
				row{text: "株式会社ヒバリ設計", x: 100, y: 60, h: 40},
				row{text: "営業部課長", x: 100, y: 130, h: 30},
				row{text: "= +t&=", x: 100, y: 200, h: 70},
				row{text: tt.romaji, x: 100, y: 290, h: 30},
				row{text: "TEL 03-3082-4058", x: 100, y: 340, h: 30},
				row{text: "info@hibari.co.jp", x: 100, y: 400, h: 30},
			)
			for i := range ls {
				ls[i].Conf = 92
			}
			ls[2].Conf, ls[3].Conf = 61, tt.conf
			var name *Field
			fields := Classify(ls, cardSize)
			for i := range fields {
				if fields[i].Kind == FieldName {
					name = &fields[i]
				}
			}
			switch {
			case tt.want == "" && name != nil:
				t.Errorf("name = %q, want none", name.Value)
			case tt.want != "" && name == nil:
				t.Errorf("no name, want %q", tt.want)
			case tt.want != "" && (name.Value != tt.want || name.Conf >= LowConfidence):
				t.Errorf("name = %q at %.0f, want %q marked for review", name.Value, name.Conf, tt.want)
			}
			// The romaji is how the name is said, kept should the user
			// type the name in kanji over it.
			if got, want := valueOf(fields, FieldPhonetic), tt.phonetic; got != want {
				t.Errorf("phonetic name = %q, want %q", got, want)
			}
		})
	}
}

// TestMendNameSlips: a digit or a sign read inside a name's word is read
// back as a letter, and a "1" as an i where the card is dialled in Japan
// and the word is romaji that no known name spells with an l.
func TestMendNameSlips(t *testing.T) {
	tests := []struct {
		name, text, region, want string
	}{
		{"a 1 is an l", "Ne1son Example", "US", "Nelson Example"},
		{"in capitals", "NE1SON", "GB", "NELSON"},
		{"a 0 and a cent sign", "Babi¢ J0hnson", "HR", "Babic Johnson"},
		{"romaji on a card from Japan", "Shunpe1 Yamashita", "JP", "Shunpei Yamashita"},
		{"in capitals from Japan", "SH1NJI ITO", "JP", "SHINJI ITO"},
		{"the same word elsewhere", "Shunpe1 Yamashita", "US", "Shunpel Yamashita"},
		{"a known name with an l, from Japan", "Danie1 Smith", "JP", "Daniel Smith"},
		{"no romaji with an i, from Japan", "Wi1son Example", "JP", "Wilson Example"},
		{"a digit first is left", "1an Example", "JP", "1an Example"},
		{"an initial read as a one", "Inigo 1. Pena", "ES", "Inigo I. Pena"},
		{"a bracket read after an initial", "KWAME J]. THISTLEWOOD", "AU", "KWAME J. THISTLEWOOD"},
		{"an initial as printed", "Jane Q. Doe", "US", "Jane Q. Doe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mendNameSlips(tt.text, tt.region); got != tt.want {
				t.Errorf("mendNameSlips(%q, %s) = %q, want %q", tt.text, tt.region, got, tt.want)
			}
		})
	}
}

func TestRomajiWord(t *testing.T) {
	for w, want := range map[string]bool{
		"shunpei": true, "shinji": true, "yamashita": true, "kenichi": true, "shun": true, "chiyoda": true, "ryōta": true,
		"shunpel": false, "wilson": false, "michael": false, "vic": false, "kat": false, "": false,
	} {
		if got := romajiWord(w); got != want {
			t.Errorf("romajiWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// downColumn lays text out as an engine reads a column printed down a
// card: its words one under the other from (x, y), each letter w wide
// and w tall.
func downColumn(x, y, w int, text string) Line {
	var words []Word
	for _, t := range strings.Fields(text) {
		h := w * len([]rune(t))
		words = append(words, Word{Text: t, Conf: 90, Box: image.Rect(x, y, x+w, y+h)})
		y += h + w/4
	}
	return NewLine(words)
}

// columnDashCases are lines read down a column, and across, with what
// columnDashes makes of them.
var columnDashCases = []struct {
	name string
	line Line
	want string
}{
	{"dashes read as bars", downColumn(80, 100, 36, "神奈川県横浜市西区みなとみらい 6 ! 6 ! 2"), "神奈川県横浜市西区みなとみらい 6-6-2"},
	{"dashes read as letters, a postcode", downColumn(80, 100, 36, "〒989I2705 京都府京都市下京区烏丸通 6I7I13"), "〒989-2705 京都府京都市下京区烏丸通 6-7-13"},
	{"a dash read twice, digits apart", downColumn(80, 100, 36, "みなとみらい 4 |! 2 | 2 1 ヒカリビル 9F"), "みなとみらい 4-2-21 ヒカリビル 9F"},
	{"a floor read apart", downColumn(80, 100, 36, "アオバセンタ | ビル 1 1 F"), "アオバセンタービル 11F"},
	{"a number", downColumn(300, 100, 36, "携帯電話 090I1234I5232"), "携帯電話 090-1234-5232"},
	{"a bar that is no dash", downColumn(80, 100, 36, "東京都港区 1 | 本社"), "東京都港区 1 | 本社"},
	{"a line across is left", Line{Text: "Suite 4 | 12 Main St", Box: image.Rect(100, 100, 700, 140)}, "Suite 4 | 12 Main St"},
}

func TestColumnDashes(t *testing.T) {
	for _, tt := range columnDashCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := columnDashes(tt.line).Text; got != tt.want {
				t.Errorf("columnDashes(%q) = %q, want %q", tt.line.Text, got, tt.want)
			}
		})
	}
}

// TestClassifyColumns reads cards printed down their height, as the
// engine reads them: the address down a column, its postcode in a column
// of its own beside it or at its head.
func TestClassifyColumns(t *testing.T) {
	across := func(x, y, h int, text string) Line {
		return Line{Text: text, Conf: 90, Box: image.Rect(x, y, x+h*len(text)/2, y+h),
			Words: []Word{{Text: text, Conf: 90, Box: image.Rect(x, y, x+h*len(text)/2, y+h)}}}
	}
	firm, title, name := downColumn(760, 120, 60, "アオバ物流株式会社"), downColumn(572, 120, 50, "代表取締役"), downColumn(440, 120, 100, "小林 修")
	tail := []Line{across(82, 1367, 40, "KOBAYASHI Osamu"), across(80, 1433, 40, "osamu@aoba.co.jp")}
	tests := []struct {
		name    string
		lines   []Line
		address string
		phones  []string
	}{
		{
			name: "postcode in a column of its own",
			lines: append([]Line{firm, title, name,
				// A label misread with a kanji before it, beside a
				// name printed larger.
				downColumn(300, 120, 40, "人携帯: 090I1234I5232"),
				downColumn(146, 120, 36, "〒567I3397"),
				downColumn(85, 120, 36, "大阪府大阪市北区梅田 3 | 1 3 | 1 アオバセンタ | ビル 1 1F")}, tail...),
			address: "〒567-3397 大阪府大阪市北区梅田 3-13-1 アオバセンタービル 11F",
			phones:  []string{"090-1234-5232"},
		},
		{
			name: "postcode at the head of the column, its mark lost",
			lines: append([]Line{firm, title, name,
				downColumn(300, 120, 40, "携帯 090I1234I5232"),
				downColumn(85, 120, 36, "567I3397 大阪府大阪市北区梅田 3I13I1")}, tail...),
			address: "〒567-3397 大阪府大阪市北区梅田 3-13-1",
			phones:  []string{"090-1234-5232"},
		},
		{
			// Its dashes read as ones: an address to mend, not to lose.
			name: "postcode not read, a number misread",
			lines: append([]Line{firm, title, name,
				downColumn(300, 120, 40, "携帯 090I1234I5232"),
				downColumn(85, 120, 36, "大阪府大阪市北区梅田 31131 アオバビル")}, tail...),
			address: "大阪府大阪市北区梅田 31131 アオバビル",
			phones:  []string{"090-1234-5232"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[FieldKind]string{}
			var phones []string
			for _, f := range Classify(tt.lines, image.Pt(914, 1600)) {
				if f.Kind == FieldPhone {
					phones = append(phones, f.Value)
				} else if _, ok := got[f.Kind]; !ok {
					got[f.Kind] = f.Value
				}
			}
			want := map[FieldKind]string{FieldName: "小林 修", FieldTitle: "代表取締役", FieldCompany: "アオバ物流株式会社",
				FieldEmail: "osamu@aoba.co.jp", FieldAddress: tt.address}
			for kind, w := range want {
				if got[kind] != w {
					t.Errorf("%s = %q, want %q", kind, got[kind], w)
				}
			}
			if !slices.Equal(phones, tt.phones) {
				t.Errorf("phones = %q, want %q", phones, tt.phones)
			}
		})
	}
}

// queueEngine answers each read with the next of its texts, read surely,
// and nothing once they run out.
type queueEngine struct {
	texts  []string
	passes []Pass
}

func (e *queueEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	return Orientation{}, false
}

func (e *queueEngine) Close() error { return nil }

func (e *queueEngine) Recognize(_ context.Context, img image.Image, p Pass) ([]Line, error) {
	e.passes = append(e.passes, p)
	if len(e.passes) > len(e.texts) || e.texts[len(e.passes)-1] == "" {
		return nil, nil
	}
	b := img.Bounds()
	var words []Word
	x := b.Min.X + 2
	for _, w := range strings.Fields(e.texts[len(e.passes)-1]) {
		words = append(words, Word{Text: w, Conf: 90, Box: image.Rect(x, b.Min.Y+2, x+8*len([]rune(w)), b.Max.Y-2)})
		x += 8*len([]rune(w)) + 4
	}
	return []Line{NewLine(words)}, nil
}

func TestRereadKanjiRows(t *testing.T) {
	// at is a line read at conf in box (x0, y0)-(x1, y1), its words
	// spread across it.
	at := func(text string, conf float64, x0, y0, x1, y1 int) Line {
		ws := strings.Fields(text)
		var words []Word
		for i, w := range ws {
			a, b := x0+(x1-x0)*i/len(ws), x0+(x1-x0)*(i+1)/len(ws)-4
			words = append(words, Word{Text: w, Conf: conf, Box: image.Rect(a, y0, b, y1)})
		}
		l := NewLine(words)
		l.Box = image.Rect(x0, y0, x1, y1)
		return l
	}
	head := []Line{at("ヒカリ電機株式会社", 94, 128, 131, 732, 212), at("人事部 係長", 91, 117, 317, 405, 367)}
	tail := []Line{at("KOJI INOUE", 94, 117, 530, 424, 577), at("電話 03-1234-5820", 88, 117, 596, 700, 642), at("kojii@hikari.co.jp", 88, 117, 666, 560, 717)}
	tests := []struct {
		name  string
		lines []Line
		reads []string // what each read gives
		want  string   // the name then classified
		nread int
		left  int // how many lines are left
	}{
		{
			name: "a large name read in pieces, as marks",
			lines: slices.Concat(head, []Line{
				at("SH 一", 76, 360, 399, 547, 447), at("HH", 28, 120, 397, 210, 499), at("/ ロ ーー", 70, 358, 455, 555, 494),
			}, tail),
			// ニ, katakana, for the kanji 二 it looks like.
			reads: []string{"井上 浩ニ"}, want: "井上 浩二", nread: 1, left: 6,
		},
		{
			name: "a title taken into the row: the large line alone",
			lines: slices.Concat(head[:1], []Line{
				at("ダビ", 40, 156, 340, 485, 383), at("= £0", 49, 120, 346, 612, 500),
			}, tail),
			reads: []string{"", "井上 浩二"}, want: "井上 浩二", nread: 2, left: 6,
		},
		{
			name:  "a name read surely is not read again",
			lines: slices.Concat(head, []Line{at("井上 浩二", 92, 120, 397, 555, 499)}, tail),
			reads: []string{"井上 浩三"}, want: "井上 浩二", nread: 0, left: 6,
		},
		{
			name:  "a reading with Latin letters is not kept",
			lines: slices.Concat(head, []Line{at("HH", 28, 120, 397, 555, 499)}, tail),
			reads: []string{"井上 EH"}, want: "Koji Inoue", nread: 1, left: 6,
		},
	}
	up := image.NewGray(image.Rect(0, 0, 1600, 914))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &queueEngine{texts: tt.reads}
			got, n, err := rereadKanjiRows(context.Background(), eng, up, slices.Clone(tt.lines))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.left {
				t.Errorf("%d lines left, want %d", len(got), tt.left)
			}
			if n != tt.nread || len(eng.passes) != tt.nread {
				t.Errorf("%d reads (%d counted), want %d", len(eng.passes), n, tt.nread)
			}
			for _, p := range eng.passes {
				if !slices.Equal(p.Langs, []string{"jpn"}) || p.Mode != ModeLine {
					t.Errorf("read with %+v, want one line in jpn", p)
				}
			}
			name := ""
			for _, f := range Classify(got, image.Pt(1600, 914)) {
				if f.Kind == FieldName {
					name = f.Value
				}
			}
			if name != tt.want {
				t.Errorf("name %q, want %q", name, tt.want)
			}
		})
	}
}

// TestKanjiLookalikeSaid checks that the review says a name's kana was
// read as the kanji it looks like.
func TestKanjiLookalikeSaid(t *testing.T) {
	for _, f := range Classify(lines(stack(100, 200, "営業部 部長", 80, "山ロ 花子", "Hanako Yamaguchi", "hanako@minato.co.jp")...), cardSize) {
		if f.Kind != FieldName {
			continue
		}
		if f.Value != "山口 花子" || !strings.Contains(f.Reason, "the kanji it looks like") {
			t.Errorf("name %q, reason %q: want 山口 花子, and a reason that says ロ was read as 口", f.Value, f.Reason)
		}
		return
	}
	t.Error("no name")
}

func TestKanjiLookalikes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"井上 浩ニ", "井上 浩二"},
		{"山ロ 花子", "山口 花子"},
		{"エ藤 ー郎", "工藤 一郎"},
		{"田中 エリカ", "田中 エリカ"}, // a given name in katakana
		{"ハナ", "ハナ"},
		{"佐藤 健", "佐藤 健"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := kanjiLookalikes(tt.in); got != tt.want {
				t.Errorf("kanjiLookalikes(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzColumnDashes reads any text as a line down a column: its digits,
// letters and kanji stay as they were, in order, and only bars and
// spaces between them change.
func FuzzColumnDashes(f *testing.F) {
	for _, tt := range columnDashCases {
		f.Add(tt.line.Text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := columnDashes(downColumn(80, 100, 36, text)).Text
		kept := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '-' || strings.ContainsRune(columnBars, r) {
					return -1
				}
				return r
			}, s)
		}
		if kept(got) != kept(strings.Join(strings.Fields(text), " ")) {
			t.Errorf("columnDashes(%q) = %q: more than bars and spaces changed", text, got)
		}
	})
}

func TestCJKFirm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"アオバ物流株式会社 FAX", "アオバ物流株式会社"}, // the other column's label
		{"株式会社若葉建設 携帯", "株式会社若葉建設"},
		{"株式会社コスモ商事 F.", "株式会社コスモ商事"},
		{"若葉物流株式会社 \\", "若葉物流株式会社"},
		{"株 式会社アオバ印刷", "株式会社アオバ印刷"},            // a space read between kanji
		{"株式会社アオバ 印刷 ビル 9F", "株式会社アオバ印刷ビル 9F"}, // digits keep their space
		{"株式会社ツバサエ業", "株式会社ツバサ工業"},             // 工 read as the katakana エ
		{"エリカ物流株式会社", "エリカ物流株式会社"},
		{"アオバ物流 FAX", "アオバ物流 FAX"}, // no legal form: left
		{"Aoba Logistics Co., Ltd. FAX", "Aoba Logistics Co., Ltd. FAX"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := cjkFirm(tt.in); got != tt.want {
				t.Errorf("cjkFirm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
