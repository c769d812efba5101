package ocr

import (
	"slices"
	"strings"
	"unicode"
)

// katakanaRomaji is how each katakana is written in Latin letters
// (Hepburn), as Japanese firms spell their names in their domains.
var katakanaRomaji = map[rune]string{
	'ア': "a", 'イ': "i", 'ウ': "u", 'エ': "e", 'オ': "o",
	'カ': "ka", 'キ': "ki", 'ク': "ku", 'ケ': "ke", 'コ': "ko",
	'サ': "sa", 'シ': "shi", 'ス': "su", 'セ': "se", 'ソ': "so",
	'タ': "ta", 'チ': "chi", 'ツ': "tsu", 'テ': "te", 'ト': "to",
	'ナ': "na", 'ニ': "ni", 'ヌ': "nu", 'ネ': "ne", 'ノ': "no",
	'ハ': "ha", 'ヒ': "hi", 'フ': "fu", 'ヘ': "he", 'ホ': "ho",
	'マ': "ma", 'ミ': "mi", 'ム': "mu", 'メ': "me", 'モ': "mo",
	'ヤ': "ya", 'ユ': "yu", 'ヨ': "yo",
	'ラ': "ra", 'リ': "ri", 'ル': "ru", 'レ': "re", 'ロ': "ro",
	'ワ': "wa", 'ヲ': "o", 'ン': "n",
	'ガ': "ga", 'ギ': "gi", 'グ': "gu", 'ゲ': "ge", 'ゴ': "go",
	'ザ': "za", 'ジ': "ji", 'ズ': "zu", 'ゼ': "ze", 'ゾ': "zo",
	'ダ': "da", 'ヂ': "ji", 'ヅ': "zu", 'デ': "de", 'ド': "do",
	'バ': "ba", 'ビ': "bi", 'ブ': "bu", 'ベ': "be", 'ボ': "bo",
	'パ': "pa", 'ピ': "pi", 'プ': "pu", 'ペ': "pe", 'ポ': "po",
	'ヴ': "vu",
}

// smallKana are the small katakana that fold into the one before them:
// キャ is kya, シャ sha, ティ ti.
var smallKana = map[rune]string{'ャ': "ya", 'ュ': "yu", 'ョ': "yo", 'ァ': "a", 'ィ': "i", 'ゥ': "u", 'ェ': "e", 'ォ': "o"}

// kanaRomaji gives katakana in Latin letters (see katakanaRomaji), and
// whether all of it was katakana. A small ッ doubles the consonant after
// it; a long vowel mark (ー) is left out, as domains leave it ("コスモ"
// cosmo, "センター" senta).
func kanaRomaji(kana string) (string, bool) {
	var b strings.Builder
	double := false
	for _, r := range kana {
		switch {
		case r == 'ー':
			continue
		case r == 'ッ':
			double = true
			continue
		}
		if s, ok := smallKana[r]; ok {
			// The vowel of the letter before gives way: キ+ャ kya,
			// テ+ィ ti, フ+ァ fa; after sh, ch and j the y goes too:
			// シ+ャ sha, ジ+ョ jo.
			prev := b.String()
			if prev == "" || double {
				return "", false
			}
			stem := prev[:len(prev)-1]
			if strings.HasSuffix(stem, "sh") || strings.HasSuffix(stem, "ch") || strings.HasSuffix(stem, "j") {
				s = strings.TrimPrefix(s, "y")
			}
			b.Reset()
			b.WriteString(stem + s)
			continue
		}
		s, ok := katakanaRomaji[r]
		if !ok {
			return "", false
		}
		if double {
			b.WriteByte(s[0])
			double = false
		}
		b.WriteString(s)
	}
	return b.String(), b.Len() > 0
}

// romajiKey is romaji written one way whichever system spelled it:
// Hepburn's shi, chi, tsu, fu and ji as Kunrei's si, ti, tu, hu and zi,
// so that "tsubasa" and "tubasa" are one name.
var romajiKey = strings.NewReplacer("shi", "si", "chi", "ti", "tsu", "tu", "fu", "hu", "ji", "zi", "sh", "sy", "ch", "ty", "j", "zy").Replace

// mendKanaByDomain mends a firm's name in katakana that spells, in
// Latin letters (see kanaRomaji), none of the domains of the card's
// emails and websites, when taking one letter out of it makes it spell
// one, and only one letter does: the Japanese model reads a katakana
// twice or reads one in ("ツバサザ建設" and "ツソバサ製作所" beside
// tsubasa.co.jp, "アオバハ物流" beside aoba.co.jp). Two readings then agree;
// the firm is marked for review.
func (c *card) mendKanaByDomain() {
	var labels []string
	for _, d := range c.domains {
		for _, l := range strings.Split(d, "-") {
			if len(l) >= 3 {
				labels = append(labels, romajiKey(l))
			}
		}
	}
	if len(labels) == 0 {
		return
	}
	spells := func(kana string) bool {
		r, ok := kanaRomaji(kana)
		return ok && slices.Contains(labels, romajiKey(r))
	}
	for i := range c.found {
		f := &c.found[i]
		if f.Kind != FieldCompany || f.Suggested {
			continue
		}
		for _, run := range katakanaRuns(f.Value) {
			rs := []rune(run)
			if len(rs) < 3 || spells(run) {
				continue
			}
			var mended []string
			for j := range rs {
				m := string(slices.Concat(rs[:j], rs[j+1:]))
				if spells(m) && !slices.Contains(mended, m) {
					mended = append(mended, m)
				}
			}
			if len(mended) != 1 {
				continue
			}
			f.Value = strings.Replace(f.Value, run, mended[0], 1)
			f.Reason += ", a stray katakana taken out to match the website or email"
			f.Conf = min(f.Conf, LowConfidence-1)
		}
	}
}

// katakanaRuns are the runs of katakana in s, long vowel marks included.
func katakanaRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.Is(unicode.Katakana, r) && r != 'ー' })
}
