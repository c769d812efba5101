package ocr

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"followthrough/contacts"
)

// Evidence a card printed in Japanese or Chinese gives: its job words,
// which end the line they are on (after the department: "営業部 部長",
// "市场部 经理"), its departments, and the marks of its name, printed in
// kanji, kana or hanzi.
var (
	// jaJobRe matches a job, a rank or a profession: ranks end in 長
	// (部長, 課長, 所長...), 役 (取締役), 士 (税理士) or 員 (研究員), or
	// in Chinese 长 (董事长) or 师 (工程师); the rest are the commonest
	// words printed alone, Chinese ones (经理, 总监) in both scripts.
	jaJobRe = regexp.MustCompile(`^(?:(?:代表|常務|専務|執行)?(?:取締役|執行役員|役員)(?:社長|会長)?|代表|社長|副社長|会長|副会長|専務|常務|顧問|相談役|監査役|参与|参事|主任|主査|主幹|課長代理|部長代理|担当|係|\p{Han}{1,4}(?:長|长|士|員|员|師|师)|(?:总|總|副总|副總|部门|部門|销售|銷售|市场|市場)?(?:经理|經理|总监|總監|总裁|總裁|董事|主管|专员|專員|顾问|顧問)|(?:チーフ|シニア|ジュニア|リード|アシスタント)?(?:マネー?ジャ|ディレクタ|プロデューサ|リーダ|エンジニア|デザイナ|コンサルタント|スペシャリスト|アナリスト|プランナ|アドバイザ|コーディネータ|セールス|スタッフ)ー?|教授|准教授|講師|助教)$`)
	// jaDepartmentRe matches a department alone on its line.
	jaDepartmentRe = regexp.MustCompile(`(?:部|課|室|局|本部|事業部|支店|支社|営業所|センター|グループ|チーム|研究所|中心|处|處|科)$`)
	// jaPlaceRe matches the start of a Japanese address: a prefecture.
	jaPlaceRe = regexp.MustCompile(`^(?:東京都|北海道|大阪府|京都府|\p{Han}{2,3}県)`)
)

// japanese says whether the card is printed in Japanese (printedCJK).
func (c *card) japanese() bool { return printedCJK(c.lines) }

// findJapanese takes, on a card printed in Japanese, the job at the end
// of its line (the department before it stays in the note), the name in
// kanji or kana, and the romaji printed beside it as the phonetic name.
// The Latin name a card from Japan prints alone is still found as on any
// card.
func (c *card) findJapanese() {
	if !c.japanese() {
		return
	}
	title := -1
	for k, p := range c.parts {
		if p.kind != "" || hasCompanySuffix(p.text) || !hasCJK(p.text) || utf8.RuneCountInString(p.text) > 24 {
			continue
		}
		dept, job, ok := splitJob(p.text)
		if !ok {
			continue
		}
		title = k
		c.parts[k].kind = FieldTitle
		c.addText(k, FieldTitle, job)
		c.reason("a Japanese job word, ending its line")
		if dept != "" {
			c.parts = append(c.parts[:k+1], append([]part{{line: p.line, text: dept, kind: FieldNote}}, c.parts[k+1:]...)...)
		}
		break
	}

	// The name: the largest short line of kanji or kana that is no
	// company, department or place.
	name, size := -1, 0
	for k, p := range c.parts {
		t := strings.TrimSpace(p.text)
		if p.kind != "" || !kanaOrKanji(t) || hasCompanySuffix(t) || jaDepartmentRe.MatchString(t) || jaPlaceRe.MatchString(t) {
			continue
		}
		if n := utf8.RuneCountInString(strings.ReplaceAll(strings.ReplaceAll(t, " ", ""), "　", "")); n < 2 || n > 7 {
			continue
		}
		if h := letterSize(c.lines[p.line]); h > size || h == size && title >= 0 && c.adjacent(c.parts[title].line, p.line) {
			name, size = k, h
		}
	}
	if name < 0 {
		c.romajiName()
		return
	}
	c.take(name, FieldName)
	f := &c.found[len(c.found)-1]
	f.Value = strings.Join(strings.Fields(strings.ReplaceAll(c.parts[name].text, "　", " ")), " ")
	if l := c.lines[c.parts[name].line]; !strings.Contains(f.Value, " ") && f.Value == l.Text {
		// A name's family and given names are set apart by a space the
		// engine saw as a gap between two words, if not a wide one.
		if at := widestGap(l.Words, nameSpace); at > 0 {
			var first, rest []string
			for i, w := range l.Words {
				if i < at {
					first = append(first, w.Text)
				} else {
					rest = append(rest, w.Text)
				}
			}
			f.Value = strings.Join(first, "") + " " + strings.Join(rest, "")
		}
	}
	// A given name set far apart from the family name may be read as a
	// line of its own, on the same row.
	for k, p := range c.parts {
		l, nl := c.lines[p.line].Box, c.lines[c.parts[name].line].Box
		if p.kind != "" || !kanaOrKanji(p.text) || !sameRow(l, nl) || !c.similarHeight(p.line, c.parts[name].line) ||
			utf8.RuneCountInString(p.text)+utf8.RuneCountInString(f.Value) > 8 {
			continue
		}
		c.parts[k].kind = FieldName
		if l.Min.X < nl.Min.X {
			f.Value = strings.TrimSpace(p.text) + " " + f.Value
		} else {
			f.Value += " " + strings.TrimSpace(p.text)
		}
		f.Box = f.Box.Union(l)
		break
	}
	c.reason("the largest line of kanji or kana that is no company, department or place")
	if m := kanjiLookalikes(f.Value); m != f.Value {
		f.Value = m
		f.Reason += ", a katakana read for the kanji it looks like"
	}

	// Its romaji: a line of two or three Latin words beside it, or that
	// the email's name agrees with.
	for k, p := range c.parts {
		words := strings.Fields(p.text)
		if p.kind != "" || len(words) < 2 || len(words) > 3 || !latinWords(words) {
			continue
		}
		if !c.near(c.parts[name].line, p.line) && !c.matchesLocalPart(c.nameWords(p.text)) {
			continue
		}
		value := strings.Join(words, " ")
		if !c.opts.KeepNameCase {
			value = contacts.PhoneticNameCase(value)
		}
		if split, ok := splitByRomaji(f.Value, words); ok {
			f.Value = split
			f.Reason += ", its family and given names parted as in the romaji"
		}
		c.parts[k].kind = FieldPhonetic
		c.addText(k, FieldPhonetic, value)
		c.reason("Latin letters beside the name in kanji")
		break
	}
}

// romajiName takes as the name, on a card printed in Japanese whose name
// in kanji was not read (a large name read as marks), the first line of
// two or three words in Latin letters, each with a capital, read more
// surely than a guess (kanji read as Latin letters gave "=] BE HEA" at
// 59), that names no firm and no job: the romaji such cards print
// beside the name ("Masato Takahashi"). It matched no list of names and
// lost to no name at all, and the contact was saved under its firm's
// name. It is marked for review, and is the phonetic name too.
func (c *card) romajiName() {
	for k, p := range c.parts {
		words := strings.Fields(p.text)
		if p.kind != "" || len(words) < 2 || len(words) > 3 || !latinWords(words) || c.lines[p.line].Conf < guessConf ||
			hasCompanySuffix(p.text) || c.companyScore(p.text) > 0 || titleScore(p.text) > 0 {
			continue
		}
		if slices.ContainsFunc(words, func(w string) bool { r, _ := utf8.DecodeRuneInString(w); return !unicode.IsUpper(r) }) {
			continue
		}
		c.take(k, FieldName)
		f := &c.found[len(c.found)-1]
		if !c.opts.KeepNameCase {
			f.Value = contacts.NameCase(f.Value)
		}
		f.Conf = min(f.Conf, LowConfidence-1)
		c.reason("Latin letters on a card in Japanese whose name in kanji was not read")
		// It is also how the name is said: a user who types the name in
		// kanji over it keeps the romaji as the phonetic name.
		value := strings.Join(words, " ")
		if !c.opts.KeepNameCase {
			value = contacts.PhoneticNameCase(value)
		}
		c.addText(k, FieldPhonetic, value)
		c.reason("Latin letters beside the name's place")
		return
	}
}

// splitByRomaji parts a name in kanji read with no space between the
// family and the given name (高橋雅人) as its romaji, two words, parts
// it: each part about as long, in kanji, as its romaji's share of the
// letters (Takahashi Masato, 9 and 6 letters: 高橋 雅人; Okada Ryo: 岡田
// 亮). The family name is the romaji's word in capitals (OKADA Ryo); with
// none, the name is parted only when both orders part it alike.
func splitByRomaji(name string, romaji []string) (string, bool) {
	kanji := []rune(name)
	if len(romaji) != 2 || len(kanji) < 3 || len(kanji) > 6 || !kanaOrKanji(name) || strings.ContainsAny(name, " 　") {
		return "", false
	}
	// at is where a family name whose romaji is fam letters long, of
	// all letters, ends.
	at := func(fam, all int) int {
		k := int(math.Round(float64(len(kanji)) * float64(fam) / float64(all)))
		return min(max(k, 1), len(kanji)-1)
	}
	a, b := utf8.RuneCountInString(romaji[0]), utf8.RuneCountInString(romaji[1])
	caps := func(w string) bool { return utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w }
	var k int
	switch {
	case caps(romaji[0]) && !caps(romaji[1]):
		k = at(a, a+b)
	case caps(romaji[1]) && !caps(romaji[0]):
		k = at(b, a+b)
	case at(a, a+b) == at(b, a+b):
		k = at(a, a+b)
	default:
		return "", false
	}
	return string(kanji[:k]) + " " + string(kanji[k:]), true
}

// splitJob splits a line that ends in a Japanese job into the department
// before it, if any, and the job: "教育事業部 部長" is the department
// 教育事業部 and the job 部長, "営業部長" the job 営業部長 (a sales
// director). The longest department wins. A job read with a space inside
// it, "代表取締 役", is the job without it.
func splitJob(text string) (dept, job string, ok bool) {
	text = strings.TrimSpace(text)
	for i := range text {
		d, j := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i:])
		if (d == "" || jaDepartmentRe.MatchString(d) && kanaOrKanji(d)) && jaJobRe.MatchString(j) {
			dept, job, ok = d, j, true
		}
	}
	// A space the reading put inside a job: "代表取締 役".
	if joined := cjkUnspaced(text); !ok && joined != text && kanaOrKanji(joined) && jaJobRe.MatchString(joined) {
		return "", joined, true
	}
	return dept, job, ok
}

// cjkForms are the legal forms of Japanese and Chinese firms.
const cjkForms = `株式会社|有限会社|合同会社|合資会社|合名会社|有限公司|有限责任公司|有限責任公司|集团|集團|\(株\)|（株）|\(有\)|（有）|㈱|㈲`

var (
	// cjkFormRe is a Japanese or Chinese legal form.
	cjkFormRe = regexp.MustCompile(cjkForms)
	// trailingLabelRe is a label, or a sign, read at the end of a line
	// from the column beside it: "FAX", "F.", "電話", "\\".
	trailingLabelRe = regexp.MustCompile(`(?i)^(?:` + allLabelWords + `|` + cjkLabelWords + `|[a-z]\.?|[\\/|:;.,·•-])$`)
	// cjkSpaceRe is a space between two letters of kanji or kana.
	cjkSpaceRe = regexp.MustCompile(`([\p{Han}\p{Hiragana}\p{Katakana}ー])\s+([\p{Han}\p{Hiragana}\p{Katakana}ー])`)
)

// cjkFirm is the name of a firm printed in kanji or kana with its legal
// form ("株式会社") as printed: the labels of the column beside it, read
// onto its line, taken off ("アオバ物流株式会社 FAX", "株式会社若葉建設
// 携帯"), and the spaces the reading put between its letters taken out
// ("株 式会社"), as Japanese writes none, and a katakana エ read for the
// kanji 工 of its trade ("ツバサエ業"). Other firms' names are left.
func cjkFirm(s string) string {
	if !cjkFormRe.MatchString(cjkUnspaced(s)) {
		return s
	}
	words := strings.Fields(s)
	for len(words) > 1 && trailingLabelRe.MatchString(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return kanaInWordRe.ReplaceAllString(cjkUnspaced(strings.Join(words, " ")), "工$1")
}

// kanaInWordRe is the katakana エ read for the kanji 工 it looks like
// (kanaLikeKanji) where it starts a word of a firm's trade: 工業
// (industries), 工務店 (builders), 工房, 工場, 工事, 工芸. No firm's name
// puts a katakana エ before those kanji.
var kanaInWordRe = regexp.MustCompile(`エ(業|務|房|場|事|芸)`)

// cjkUnspaced is s without the spaces between its letters of kanji or
// kana.
func cjkUnspaced(s string) string {
	for {
		t := cjkSpaceRe.ReplaceAllString(s, "$1$2")
		if t == s {
			return s
		}
		s = t
	}
}

// nameSpace is the gap between two kanji words of a name, in twentieths
// of a letter's width, that sets the family name apart from the given
// name: narrower than nameGap asks of other lines, which it would part
// where Tesseract splits a firm's name in two.
const nameSpace = 5

// kanaOrKanji says whether s is written in kanji and kana alone, spaces
// aside.
func kanaOrKanji(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case isCJK(r) && r != '〒':
			n++
		case unicode.IsSpace(r) || r == '　':
		default:
			return false
		}
	}
	return n > 0
}

// latinWords says whether words are all Latin letters, as a name in
// romaji is: "KENTA", "Yamamoto", "O'Neill", "Jean-Luc".
func latinWords(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if !unicode.Is(unicode.Latin, r) && r != '-' && r != '\'' && r != '.' {
				return false
			}
		}
	}
	return true
}

// downLine says whether l was read down a column of a card printed down
// its height: three times as tall as it is wide, of three letters or more.
func downLine(l Line) bool {
	return l.Box.Dy() >= 3*l.Box.Dx() && utf8.RuneCountInString(l.Text) >= 3
}

// columnBars are what a dash printed down a column, standing on end, is
// read as.
const columnBars = "Ili|!」｜︱ー—–-"

// columnDashes gives l, when read down a column (downLine), with the
// dashes between its digits put back and its digits joined: an address
// or a number printed down a Japanese card, "〒989I2705",
// "みなとみらい 4 |! 2 | 2 1", is "〒989-2705", "みなとみらい 4-2-21";
// digits printed one under the other are read apart, "1 1 F" for 11F;
// a long vowel mark after katakana is read as a bar, "センタ|ビル".
func columnDashes(l Line) Line {
	if !downLine(l) {
		return l
	}
	rs := []rune(l.Text)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		b.WriteRune(rs[i])
		if unicode.Is(unicode.Katakana, rs[i]) {
			// A long vowel mark stands on end too: "センタ | ビル".
			j := i + 1
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if k := j + 1; j < len(rs) && strings.ContainsRune("Il|｜︱", rs[j]) {
				for k < len(rs) && rs[k] == ' ' {
					k++
				}
				if k < len(rs) && isCJK(rs[k]) {
					b.WriteRune('ー')
					i = k - 1
				}
			}
			continue
		}
		if !unicode.IsDigit(rs[i]) {
			continue
		}
		j, bars := i+1, 0
		for j < len(rs) && (rs[j] == ' ' || strings.ContainsRune(columnBars, rs[j])) {
			if rs[j] != ' ' {
				bars++
			}
			j++
		}
		if j == i+1 || j == len(rs) || bars > 2 {
			continue
		}
		switch next := rs[j]; {
		case bars > 0 && unicode.IsDigit(next):
			b.WriteRune('-')
		case bars == 0 && (unicode.IsDigit(next) || next == 'F'):
		default:
			continue
		}
		i = j - 1
	}
	l.Text = b.String()
	return l
}

// letterSize is how large l's letters are printed: its height, or its
// width when read down a column (downLine), whose words are as tall as
// the letters stacked in them.
func letterSize(l Line) int {
	if downLine(l) {
		return l.Box.Dx()
	}
	return lineHeight(l)
}

// kanaLikeKanji are the katakana the engine reads for the kanji they
// look like: 二, 口, 工, 八, 力 and 一 as ニ, ロ, エ, ハ, カ and ー.
var kanaLikeKanji = map[rune]rune{'ニ': '二', 'ロ': '口', 'エ': '工', 'ハ': '八', 'カ': '力', 'ー': '一'}

// kanjiLookalikes gives name, read in kanji, with each katakana that
// looks like a kanji (kanaLikeKanji) read as that kanji where it stands
// among kanji, no kana beside it: "井上 浩ニ" is 井上 浩二, "山ロ" 山口. A
// name in katakana ("エリカ") keeps its kana.
func kanjiLookalikes(name string) string {
	rs := []rune(name)
	han := func(i int) bool { return i >= 0 && i < len(rs) && unicode.Is(unicode.Han, rs[i]) }
	edge := func(i int) bool { return i < 0 || i >= len(rs) || rs[i] == ' ' }
	for i, r := range rs {
		k, ok := kanaLikeKanji[r]
		if ok && (han(i-1) || han(i+1)) && (han(i-1) || edge(i-1)) && (han(i+1) || edge(i+1)) {
			rs[i] = k
		}
	}
	return string(rs)
}

// jpPostcodeStartRe matches a Japanese postcode at the start of a line,
// its 〒 lost, and what follows it.
var jpPostcodeStartRe = regexp.MustCompile(`^\d{3}-\d{4,5}\b\s*`)

// columnAddress says whether p, on a card printed in Japanese, is an
// address printed down a column (downLine): after its postcode, if
// printed with it, a prefecture and then a number. Printed across, an
// address starts with its postcode; down a column, the postcode often
// stands in a column of its own.
func (c *card) columnAddress(p part) bool {
	if !downLine(c.lines[p.line]) || !c.japanese() {
		return false
	}
	t, _ := afterPostcode(p.text)
	return jaPlaceRe.MatchString(t) && len(digitsOf(t)) > 0
}

// afterPostcode gives text without the Japanese postcode it starts with,
// its 〒 kept or lost, and whether it started with one.
func afterPostcode(text string) (string, bool) {
	t := strings.TrimPrefix(strings.TrimSpace(text), "〒")
	rest := jpPostcodeStartRe.ReplaceAllString(t, "")
	return rest, rest != t
}

// besideColumn returns the address that starts at part k, printed down
// a column: with the column beside it that holds its postcode alone, or,
// when k is that postcode, the column beside it that holds the rest
// (columnAddress). The postcode comes first. A line printed across, or
// an address with nothing beside it, is k alone.
func (c *card) besideColumn(k int) []int {
	p := c.parts[k]
	if !downLine(c.lines[p.line]) || !c.japanese() {
		return []int{k}
	}
	post := jpPostcodeLineRe.MatchString(p.text)
	_, pPost := afterPostcode(p.text)
	for j, q := range c.parts {
		if j == k || q.kind != "" || !downLine(c.lines[q.line]) || !c.besideDown(p.line, q.line) {
			continue
		}
		_, qPost := afterPostcode(q.text)
		switch {
		case post && c.columnAddress(q) && !qPost:
			return []int{k, j}
		case !post && jpPostcodeLineRe.MatchString(q.text) && c.columnAddress(p) && !pPost:
			return []int{j, k}
		}
	}
	return []int{k}
}

// besideDown says whether lines a and b, read down columns, stand side
// by side: their tops about level, no wider apart than twice the wider
// column.
func (c *card) besideDown(a, b int) bool {
	la, lb := c.lines[a].Box, c.lines[b].Box
	w := max(la.Dx(), lb.Dx())
	gap := max(la.Min.X, lb.Min.X) - min(la.Max.X, lb.Max.X)
	return gap <= 2*w && abs(la.Min.Y-lb.Min.Y) <= 2*w
}
