package ocr

import (
	"context"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/disintegration/imaging"

	"followthrough/ocr/render"
)

func TestRegionOf(t *testing.T) {
	tests := []struct {
		name     string
		texts    []string
		domains  []string
		want     string
		wantWhy  string
		wantNone bool
	}{
		{"country code on a number", []string{"Tel +44 20 7946 0321"}, []string{"acme.com"}, "GB", "country code +44", false},
		{"country in the address", []string{"Musterweg 4", "10115 Berlin, Germany"}, []string{"acme.com"}, "DE", "address in Germany", false},
		{"country after a postcode", []string{"Sample Street 4", "1052 Hungary"}, []string{"acme.com"}, "HU", "address in Hungary", false},
		{"country after its article", []string{"Rotterdam, The Netherlands"}, []string{"acme.com"}, "NL", "address in Netherlands", false},
		{"country read without its mark", []string{"Bilbao, Espana"}, []string{"acme.com"}, "ES", "address in Espana", false},
		{"country read with another mark", []string{"Quận 12, Cần Thơ", "Viét Nam"}, []string{"outlook.com"}, "VN", "address in Viet Nam", false},
		{"country code domain", []string{"Tel 01 23 45 67 89"}, []string{"acme.fr"}, "FR", "domain .fr", false},
		{"uk is GB", nil, []string{"acme.co.uk"}, "GB", "domain .uk", false},
		{"two-level suffix", nil, []string{"acme.com.au"}, "AU", "domain .au", false},
		{"nothing tells", []string{"Jane Doe"}, []string{"acme.com"}, DefaultRegion, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := regionOf(tt.texts, tt.domains, DefaultRegion)
			if got != tt.want || why != tt.wantWhy {
				t.Errorf("regionOf = %q, %q; want %q, %q", got, why, tt.want, tt.wantWhy)
			}
		})
	}
	t.Run("nothing tells, another fallback", func(t *testing.T) {
		if got, why := regionOf([]string{"Jane Doe"}, []string{"acme.com"}, "JP"); got != "JP" || why != "" {
			t.Errorf("regionOf = %q, %q; want the fallback JP", got, why)
		}
	})
}

func TestMendCountryCode(t *testing.T) {
	tests := []struct{ raw, region, want string }{
		{"+8) 3 1234-5678", "JP", "+81 3 1234-5678"},
		{"+4) 20 7946 0321", "GB", "+44 20 7946 0321"},
		{"+1 415 555 0100", "US", "+1 415 555 0100"}, // nothing to mend
		{"+8) 3 1234-5678", "", "+8) 3 1234-5678"},   // more than one digit would do
	}
	for _, tt := range tests {
		t.Run(tt.raw+" "+tt.region, func(t *testing.T) {
			if got := mendCountryCode(tt.raw, tt.region); got != tt.want {
				t.Errorf("mendCountryCode(%q, %q) = %q, want %q", tt.raw, tt.region, got, tt.want)
			}
		})
	}
}

func TestNewLineJoinsCJK(t *testing.T) {
	// Words 60 px tall laid out from x=100, each starting gap px after
	// the one before ends.
	type word struct {
		text       string
		width, gap int
	}
	tests := []struct {
		name  string
		words []word
		want  string
	}{
		{"kanji touching", []word{{"東京", 120, 0}, {"都", 60, 4}, {"港区", 120, 6}}, "東京都港区"},
		{"postcode then kanji", []word{{"〒100-0001", 300, 0}, {"東京都", 180, 20}}, "〒100-0001 東京都"},
		{"katakana then floor", []word{{"テスト", 180, 0}, {"ビル", 120, 3}, {"3F", 60, 25}}, "テストビル 3F"},
		{"block number", []word{{"丸の内", 180, 0}, {"7-7-5", 150, 1}}, "丸の内 7-7-5"},
		{"uneven gaps in an address", []word{{"大阪", 110, 0}, {"市", 50, 23}, {"西区", 70, 22}, {"グラ", 65, 40}, {"ンド", 30, 26}}, "大阪市西区グランド"},
		{"name with a wide gap", []word{{"前", 60, 0}, {"田", 60, 19}, {"拓也", 120, 52}}, "前田 拓也"},
		{"latin", []word{{"Jane", 120, 0}, {"Doe", 90, 2}}, "Jane Doe"},
		{"two-word name", []word{{"山本", 198, 0}, {"健太", 176, 46}}, "山本 健太"},
		{"no boxes", []word{{"東京", 0, 0}, {"都", 0, 0}, {"3F", 0, 0}}, "東京都 3F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ws []Word
			x := 100
			for _, w := range tt.words {
				x += w.gap
				box := image.Rect(x, 100, x+w.width, 160)
				if w.width == 0 {
					box = image.Rectangle{}
				}
				ws = append(ws, Word{Text: w.text, Conf: 90, Box: box})
				x += w.width
			}
			if got := NewLine(ws).Text; got != tt.want {
				t.Errorf("NewLine(%v).Text = %q, want %q", tt.words, got, tt.want)
			}
		})
	}
}

func TestReasons(t *testing.T) {
	ls := lines(cat(
		stack(100, 80, 80, "Emma Raman", "Head of Design"),
		stack(100, 330, 50, "Northgate Studio Ltd"),
		stack(100, 550, "Mob 07400 123456", "emma.raman@northgate.co.uk", "www.northgate.co.uk"),
	)...)
	want := map[FieldKind][]string{
		FieldName:    {"largest text", "matches the email's name", "a known given name"},
		FieldTitle:   {"job-title words", "next to the name"},
		FieldCompany: {"legal form", "matches the email's domain"},
		FieldPhone:   {"labelled mobile", "a valid number in GB (domain .uk)"},
		FieldEmail:   {"an email address"},
		FieldWebsite: {"the email's domain"},
	}
	got := map[FieldKind]string{}
	for _, f := range Classify(ls, cardSize) {
		got[f.Kind] = f.Reason
	}
	for kind, parts := range want {
		for _, p := range parts {
			if !strings.Contains(got[kind], p) {
				t.Errorf("%s reason %q does not say %q", kind, got[kind], p)
			}
		}
	}
}

func TestSkewAngle(t *testing.T) {
	card := render.Draw(render.Samples()[0], 1200)
	tests := []struct {
		name string
		img  image.Image
		want float64
	}{
		{"straight", card, 0},
		{"tilted 3 clockwise", imaging.Rotate(card, -3, color.White), 3},
		{"tilted 2 anticlockwise", imaging.Rotate(card, 2, color.White), -2},
		{"on its side and tilted", imaging.Rotate(imaging.Rotate90(card), -2.5, color.White), 2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := skewAngle(contrastImage(tt.img))
			if math.Abs(got-tt.want) > 0.35 {
				t.Errorf("skewAngle = %.1f, want %.1f", got, tt.want)
			}
		})
	}
}

func TestTextHeightAndScale(t *testing.T) {
	card := render.Samples()[0]
	small := card
	small.Lines = append([]render.Line(nil), card.Lines...)
	for i := range small.Lines {
		small.Lines[i].Size = 5
	}
	tests := []struct {
		name       string
		c          render.Card
		width      int
		minH, maxH int
		scaleUp    bool
	}{
		{"a card at reading size", card, 1600, 25, 45, false},
		{"small print", small, 1100, 8, 15, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ink := contrastImage(render.Draw(tt.c, tt.width))
			h := textHeight(letterBlobs(ink))
			if h < tt.minH || h > tt.maxH {
				t.Errorf("textHeight = %d, want %d to %d", h, tt.minH, tt.maxH)
			}
			f := smallPrintScale(ink, letterBlobs(ink))
			if tt.scaleUp != (f > 1) {
				t.Errorf("smallPrintScale = %.2f, want scaling up: %v", f, tt.scaleUp)
			}
			if f > 1 {
				if got := float64(h) * f; math.Abs(got-targetHeight) > 1 {
					t.Errorf("letters scaled to %.1f px, want %d", got, targetHeight)
				}
			}
		})
	}
	if textHeight(letterBlobs(image.NewGray(image.Rect(0, 0, 400, 200)))) != 0 {
		t.Errorf("a blank card has no letters to measure")
	}
}

func TestCropCardInPerspective(t *testing.T) {
	card := render.Draw(render.Samples()[1], 1400)
	for _, tilt := range []float64{0.06, 0.14} {
		photo := render.PerspectivePhoto(card, tilt, image.Pt(2400, 1800), int64(tilt*100))
		got := cropCard(photo)
		b := got.Bounds()
		if aspect := float64(b.Dx()) / float64(b.Dy()); math.Abs(aspect-float64(card.Bounds().Dx())/float64(card.Bounds().Dy())) > 0.12 {
			t.Errorf("tilt %.2f: straightened card is %v, aspect %.2f, want a card's", tilt, b.Size(), aspect)
		}
		if b.Dx() > photo.Bounds().Dx()*7/10 {
			t.Errorf("tilt %.2f: %v is not cropped to the card", tilt, b.Size())
		}
		// The straightened card's middle band is card, not desk: bright.
		mid := imaging.Crop(got, image.Rect(b.Dx()/10, b.Dy()*45/100, b.Dx()*9/10, b.Dy()*55/100))
		var sum float64
		for i := 0; i < len(mid.Pix); i += 4 {
			sum += float64(mid.Pix[i])
		}
		if mean := sum / float64(len(mid.Pix)/4); mean < 180 {
			t.Errorf("tilt %.2f: middle of the straightened card has mean brightness %.0f: desk, not card", tilt, mean)
		}
	}
}

// passEngine reads every image as the lines it is given, with the
// confidence it is told, and records the passes asked for.
type passEngine struct {
	conf      float64
	emailConf float64      // the email's confidence; 0: conf
	orient    *Orientation // what orientation detection says; nil: it cannot tell
	passes    []Pass
}

func (e *passEngine) Orientation(context.Context, image.Image) (Orientation, bool) {
	if e.orient == nil {
		return Orientation{}, false
	}
	return *e.orient, true
}
func (e *passEngine) Close() error { return nil }
func (e *passEngine) Recognize(_ context.Context, img image.Image, p Pass) ([]Line, error) {
	e.passes = append(e.passes, p)
	w := func(s string, x, y int) Word {
		return Word{Text: s, Box: image.Rect(x, y, x+30*len(s), y+50), Conf: e.conf}
	}
	email := w("jane@acmewidgets.com", 100, 300)
	if e.emailConf > 0 {
		email.Conf = e.emailConf
	}
	return []Line{
		NewLine([]Word{w("Jane", 100, 100), w("Doe", 260, 100)}),
		NewLine([]Word{email}),
	}, nil
}

func TestSecondReadOnlyWhenWeak(t *testing.T) {
	tests := []struct {
		name            string
		conf, emailConf float64
		modes           []Mode
	}{
		// The last read of each is the name's line alone, for its marks.
		{"a confident read is the only one", 95, 0, []Mode{ModeAuto, ModeLine}},
		{"an unsure read is read again for sparse text", 71, 0, []Mode{ModeAuto, ModeSparse, ModeLine}},
		{"a sure read with an unsure email is read again", 90, 65, []Mode{ModeAuto, ModeSparse, ModeLine}},
		{"a sure read with a fairly sure email is the only one", 90, 75, []Mode{ModeAuto, ModeLine}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &passEngine{conf: tt.conf, emailConf: tt.emailConf}
			r, err := ReadImage(context.Background(), e, filled(1000, 600, color.White))
			if err != nil {
				t.Fatal(err)
			}
			var modes []Mode
			for _, p := range e.passes {
				modes = append(modes, p.Mode)
			}
			if !slices.Equal(modes, tt.modes) || r.Passes != len(tt.modes) {
				t.Errorf("passes %v (Reading.Passes %d), want %v", modes, r.Passes, tt.modes)
			}
		})
	}
}

// TestScriptLean checks that a script orientation detection names surely
// is read in, and one it only leans to is handed on as a lean.
func TestScriptLean(t *testing.T) {
	tests := []struct {
		name         string
		osd          Orientation
		script, lean string
	}{
		{"sure of Japanese", Orientation{Script: "Japanese", ScriptConf: 1.6}, "Japanese", ""},
		{"leaning to Japanese", Orientation{Script: "Japanese", ScriptConf: 0.8}, "", "Japanese"},
		{"leaning to Latin", Orientation{Script: "Latin", ScriptConf: 0.8}, "", ""},
		{"sure of Latin", Orientation{Script: "Latin", ScriptConf: 3}, "Latin", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A tall card: orientation detection runs before the first read.
			e := &passEngine{conf: 95, orient: &tt.osd}
			r, err := ReadImage(context.Background(), e, filled(600, 1000, color.White))
			if err != nil {
				t.Fatal(err)
			}
			if r.Script != tt.script {
				t.Errorf("Reading.Script = %q, want %q", r.Script, tt.script)
			}
			for _, p := range e.passes {
				if p.Only {
					continue // the name's line, read in the Latin script for its marks
				}
				if p.Script != tt.script || p.Lean != tt.lean {
					t.Errorf("pass %+v, want script %q and lean %q", p, tt.script, tt.lean)
				}
			}
		})
	}
}

func TestFixFloor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SF Sample Bldg., 1-2-3 Sample", "5F Sample Bldg., 1-2-3 Sample"},
		{"1OF, Sample Tower", "10F, Sample Tower"},
		{"lBF Sample Tower", "18F Sample Tower"},
		{"12F Sample Tower", "12F Sample Tower"},
		{"100 Main Street", "100 Main Street"},
		{"SF", "SF"},                   // nothing after it: not an address's floor
		{"SFO Airport", "SFO Airport"}, // a word, not a floor
		{"Floor 5, 1 Sample Street", "Floor 5, 1 Sample Street"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fixFloor(tt.in); got != tt.want {
				t.Errorf("fixFloor(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestAddressReason: the review says what made lines an address.
func TestAddressReason(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Leeds | United Kingdom", "a town and its country"},
		{"Lyon · France", "a town and its country"},
		{"10 Sample Street, Leeds LS1 4AB", "a street"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			ls := lines(cat(stack(100, 80, 70, "Jane Doe"), stack(100, 600, tt.line))...)
			for _, f := range Classify(ls, cardSize) {
				if f.Kind == FieldAddress {
					if f.Reason != tt.want {
						t.Errorf("reason %q, want %q", f.Reason, tt.want)
					}
					return
				}
			}
			t.Errorf("no address in %q", tt.line)
		})
	}
}

// TestTownAndCountry: a town and its country alone, with any sign between
// them, or what was read for it, is an address, written as addresses
// write it; a name before a country with no sign between is not, nor is
// a street.
func TestTownAndCountry(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Lyon · France", "Lyon, France"},
		{"Lyon : France", "Lyon, France"},
		{"Łódź ' Polska", "Łódź, Polska"}, // the dot read as an apostrophe
		{"Leeds | United Kingdom", "Leeds, United Kingdom"},
		{"Bilbao * Espana", "Bilbao, Espana"},
		{"Sao Paulo - Brasil", "Sao Paulo, Brasil"},
		{"Toronto / Canada", "Toronto, Canada"},
		{"Lyon ° France", "Lyon, France"},        // the dot read as a degree sign
		{"Toronto —- Canada", "Toronto, Canada"}, // a long dash read as two
		{"Lyon - - - France", ""},
		{"Lyon, France", "Lyon, France"},
		{"Acme Germany", ""},
		{"12 rue de la Paix · France", ""},
		{"Leeds | United Kingdom | +44 113 496 0000", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, ok := townAndCountry(tt.line)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("townAndCountry(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
			}
		})
	}
}

// TestSpeckledInk checks that a card on pearl stock is told from a plain
// one by the specks of its ink image, and that speckledInk clears them
// and keeps its letters, dark print or light.
func TestSpeckledInk(t *testing.T) {
	const width = 1200
	dark := render.Samples()[0]
	light := dark
	light.Background, light.Ink = color.NRGBA{0x1e, 0x2a, 0x44, 0xff}, color.NRGBA{0xf4, 0xf4, 0xf0, 0xff}
	plainH := textHeight(letterBlobs(contrastImage(render.Draw(dark, width))))
	// A tall photo of the card on a table as light as it: the card is
	// not found, and the whole photo is read.
	photo := func(card image.Image) image.Image {
		return render.OnTable(card, image.Pt(1500, 2000), image.Pt(150, 600), 168, 1)
	}
	tests := []struct {
		name  string
		photo image.Image
		specs bool // whether the photo's contrastImage is speckled
	}{
		{"plain card", photo(render.Draw(dark, width)), false},
		{"pearl card", photo(render.Pearl(render.Draw(dark, width), 1)), true},
		{"light print on pearl", photo(render.Pearl(render.Draw(light, width), 1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, specks := inkBlobs(contrastImage(tt.photo))
			if got := specks > speckled; got != tt.specs {
				t.Fatalf("%.1f%% of the ink in specks: speckled %v, want %v", 100*specks, got, tt.specs)
			}
			ink, blobs := speckledInk(tt.photo)
			if _, specks := inkBlobs(ink); specks > speckled {
				t.Errorf("speckledInk left %.1f%% of the ink in specks", 100*specks)
			}
			if h := textHeight(blobs); h < plainH*3/4 || h > plainH*5/4 {
				t.Errorf("speckledInk's letters %d px tall, the plain card's %d", h, plainH)
			}
		})
	}
}
