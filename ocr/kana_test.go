package ocr

import (
	"strings"
	"testing"
)

func TestKanaRomaji(t *testing.T) {
	tests := []struct {
		kana, want string
		ok         bool
	}{
		{"ツバサ", "tsubasa", true},
		{"アオバ", "aoba", true},
		{"ヒカリ", "hikari", true},
		{"コスモ", "kosumo", true},
		{"センター", "senta", true},
		{"キャノン", "kyanon", true},
		{"シャトル", "shatoru", true},
		{"ジョイ", "joi", true},
		{"ティー", "ti", true},
		{"ファミリー", "famiri", true},
		{"ニッポン", "nippon", true},
		{"ャマ", "", false},    // a small kana first
		{"サクラ電機", "", false}, // kanji
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.kana, func(t *testing.T) {
			got, ok := kanaRomaji(tt.kana)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("kanaRomaji(%q) = %q, %v; want %q, %v", tt.kana, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestMendKanaByDomain: a firm's name in katakana read with a letter
// too many loses it when that makes it spell the card's domain.
func TestMendKanaByDomain(t *testing.T) {
	tests := []struct {
		name, firm, email, want string
	}{
		{"a katakana read twice, voiced", "ツバサザ建設株式会社", "naoki@tsubasa.co.jp", "ツバサ建設株式会社"},
		{"a katakana read in", "株式会社ツソバサ製作所", "naoki@tsubasa.co.jp", "株式会社ツバサ製作所"},
		{"a katakana read twice, unvoiced", "アオバハ物流株式会社", "info@aoba.co.jp", "アオバ物流株式会社"},
		{"spelled in Kunrei's way", "ツバサザ建設株式会社", "naoki@tubasa.co.jp", "ツバサ建設株式会社"},
		{"a domain of two words", "ツバサザ建設株式会社", "naoki@tsubasa-kensetsu.co.jp", "ツバサ建設株式会社"},
		{"already agreeing", "スズキ株式会社", "ichiro@suzuki.co.jp", "スズキ株式会社"},
		{"a name the domain does not spell", "スズキ株式会社", "ichiro@hamamatsu.co.jp", "スズキ株式会社"},
		{"two letters off", "ツバササザ建設株式会社", "naoki@tsubasa.co.jp", "ツバササザ建設株式会社"},
		{"a free mail", "ツバサザ建設株式会社", "tsubasa@gmail.com", "ツバサザ建設株式会社"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := lines(
				row{text: tt.firm, y: 100, h: 60},
				row{text: "山本 直樹", y: 250, h: 90},
				row{text: "TEL 03-1234-5678", y: 400, h: 36},
				row{text: "E-mail " + tt.email, y: 460, h: 36},
			)
			var firm Field
			for _, f := range Classify(rows, cardSize) {
				if f.Kind == FieldCompany {
					firm = f
				}
			}
			if firm.Value != tt.want {
				t.Errorf("company %q, want %q", firm.Value, tt.want)
			}
			if mended := firm.Value != tt.firm; mended != strings.Contains(firm.Reason, "stray katakana") {
				t.Errorf("company %q, reason %q: a mended firm says why, and only one", firm.Value, firm.Reason)
			}
			if mended := firm.Value != tt.firm; mended != (firm.Conf < LowConfidence) {
				t.Errorf("company %q at %.0f: a mended firm is marked for review, and only one", firm.Value, firm.Conf)
			}
		})
	}
}
