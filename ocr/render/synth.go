package render

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/brianvoe/gofakeit/v7"
	"github.com/disintegration/imaging"
	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"followthrough/ocr/perspective"
)

// A Synthetic is an invented business card for measuring the reader on
// cards nobody tuned it to: random people and companies, laid out and
// photographed in one of many styles.
type Synthetic struct {
	Name  string // a file stem: "synth-007-two-column-DE"
	Style string // how it is laid out or photographed
	Card  Card
	Want  Expected
	// Width is the width to draw the card at, before Turn and Photo.
	Width int
	// Turn is how far the card lies turned clockwise: 0, 90, 180 or 270,
	// or a small skew of a few degrees, as on a flatbed.
	Turn float64
	// Photo, when set, puts the card on a desk in perspective, seen by a
	// phone Photo.X by Photo.Y pixels.
	Photo image.Point
	// LightDesk puts the card on a light table instead of a darker desk.
	LightDesk bool
	seed      int64
}

// Styles are the ways Synthesize lays out and photographs cards, in the
// order it cycles through them.
var Styles = []string{
	"stacked", "centred", "two-column", "logo-left", "dark", "coloured",
	"small", "rotated", "skewed", "photo", "right", "company-first", "light-photo",
}

// Image draws the card as a scanner or phone would see it.
func (s Synthetic) Image() image.Image {
	img := image.Image(Draw(s.Card, s.Width))
	switch {
	case s.Turn == 90 || s.Turn == 180 || s.Turn == 270:
		switch s.Turn {
		case 90:
			img = imaging.Rotate270(img)
		case 180:
			img = imaging.Rotate180(img)
		default:
			img = imaging.Rotate90(img)
		}
	case s.Turn != 0:
		// A flatbed scan of a card laid a little crooked: white all round.
		img = imaging.Rotate(img, -s.Turn, color.White)
	}
	if s.Photo != (image.Point{}) {
		rng := rand.New(rand.NewPCG(uint64(s.seed), 77))
		img = perspectivePhoto(img, 0.05+0.10*rng.Float64(), s.Photo, s.seed, s.LightDesk)
	}
	return img
}

// SyntheticSet returns n invented cards starting from seed; the same
// arguments always give the same cards. Styles and countries cycle, so
// that every style appears in a set of len(Styles) cards.
func SyntheticSet(seed int64, n int) []Synthetic {
	out := make([]Synthetic, n)
	for i := range out {
		out[i] = Synthesize(seed+int64(i), i)
	}
	return out
}

// country is how a country prints phone numbers and addresses.
type country struct {
	code   string // ISO 3166 and libphonenumber region
	tld    string
	name   string // printed at the end of an address, sometimes
	lang   string // the language its cards are printed in
	suffix []string
	towns  []string // the towns its invented firms are in
	// street gives the address lines, the town among them drawn by town
	// where the lines need it, so that a card's draws are in one order.
	street func(f *gofakeit.Faker, town func() string) []string
}

var streetNames = []string{"Harbor", "Maple", "Station", "Mill", "Church", "Park", "King", "Queen", "Bridge", "Orchard",
	"Victoria", "Elm", "Cedar", "Market", "High", "Garden", "River", "Hill", "Lake", "Forest"}

func pick[T any](f *gofakeit.Faker, xs []T) T { return xs[f.IntN(len(xs))] }

var countries = []country{
	{code: "US", tld: "com", name: "USA", suffix: []string{"Inc.", "LLC", "Corp.", "Group", "Co."},
		towns: []string{"Portland", "Austin", "Denver", "Columbus", "Raleigh", "Madison", "Boise", "Tucson"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			l1 := fmt.Sprintf("%d %s %s", 10+f.IntN(9000), pick(f, streetNames), pick(f, []string{"Street", "Avenue", "Blvd", "Road", "Drive", "Way"}))
			if f.IntN(3) == 0 {
				l1 += fmt.Sprintf(", Suite %d", 100+f.IntN(900))
			}
			return []string{l1, fmt.Sprintf("%s, %s %05d", town(), f.StateAbr(), 10000+f.IntN(89999))}
		}},
	{code: "GB", tld: "co.uk", name: "United Kingdom", suffix: []string{"Ltd", "Limited", "LLP", "plc"},
		towns: []string{"Manchester", "London", "Leeds", "Birmingham", "Glasgow", "Bristol"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			pc := fmt.Sprintf("%s%d %d%s", pick(f, []string{"M", "EC", "SW", "LS", "B", "G"}), 1+f.IntN(20), 1+f.IntN(9), pick(f, []string{"AB", "HE", "QT", "RX", "DN"}))
			return []string{fmt.Sprintf("%d %s %s", 1+f.IntN(200), pick(f, streetNames), pick(f, []string{"Road", "Street", "Lane", "Place"})),
				fmt.Sprintf("%s %s", town(), pc)}
		}},
	{code: "AU", tld: "com.au", name: "Australia", suffix: []string{"Pty Ltd", "Pty Limited"},
		towns: []string{"Sydney", "Ultimo", "Parramatta", "Melbourne", "Carlton", "Brisbane"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("Level %d, %d %s Street", 1+f.IntN(30), 1+f.IntN(400), pick(f, streetNames)),
				fmt.Sprintf("%s %s %d", town(), pick(f, []string{"NSW", "VIC", "QLD"}), 2000+f.IntN(2000))}
		}},
	{code: "DE", tld: "de", name: "Deutschland", lang: "de", suffix: []string{"GmbH", "AG", "GmbH & Co. KG"},
		towns: []string{"Berlin", "München", "Köln", "Hamburg", "Leipzig", "Stuttgart"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%s %d", pick(f, []string{"Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schillerstraße", "Marktplatz"}), 1+f.IntN(120)),
				fmt.Sprintf("%05d %s", 10000+f.IntN(89999), town())}
		}},
	{code: "FR", tld: "fr", name: "France", lang: "fr", suffix: []string{"SARL", "SAS", "S.A."},
		towns: []string{"Paris", "Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%d rue %s", 1+f.IntN(150), pick(f, []string{"de la Paix", "Victor Hugo", "des Lilas", "du Commerce", "Pasteur", "de Rivoli"})),
				fmt.Sprintf("%05d %s", 10000+f.IntN(85000), town())}
		}},
	{code: "BR", tld: "com.br", name: "Brasil", lang: "pt", suffix: []string{"Ltda", "S/A", "ME"},
		towns: []string{"São Paulo", "Curitiba", "Campinas", "Recife", "Salvador"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("Rua %s, %d", pick(f, []string{"das Flores", "Augusta", "XV de Novembro", "da Consolação", "Sete de Setembro"}), 10+f.IntN(2000)),
				fmt.Sprintf("%s - %s, %05d-%03d", town(), pick(f, []string{"SP", "PR", "PE", "BA"}), 10000+f.IntN(89999), f.IntN(1000))}
		}},
	{code: "SG", tld: "com.sg", name: "Singapore", suffix: []string{"Pte Ltd", "Pte. Ltd."},
		street: func(f *gofakeit.Faker, _ func() string) []string { // a city state: no town apart
			return []string{fmt.Sprintf("%d %s Road, #%02d-%02d", 1+f.IntN(300), pick(f, streetNames), 1+f.IntN(40), 1+f.IntN(30)),
				fmt.Sprintf("Singapore %06d", 10000+f.IntN(800000))}
		}},
	{code: "JP", tld: "co.jp", name: "Japan", suffix: []string{"Co., Ltd.", "K.K.", "Inc."},
		towns: []string{"Tokyo", "Osaka", "Nagoya", "Fukuoka"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%d-%d-%d %s, %s-ku", 1+f.IntN(9), 1+f.IntN(20), 1+f.IntN(30), pick(f, []string{"Hongo", "Shiba", "Kanda", "Umeda", "Sakae", "Aoyama"}), pick(f, []string{"Bunkyo", "Minato", "Chuo", "Kita", "Naka"})),
				fmt.Sprintf("%s %03d-%04d", town(), 100+f.IntN(899), f.IntN(10000))}
		}},
	// A card printed in Japanese (japaneseCard), beside the one above
	// printed in English.
	{code: "JP", tld: "co.jp", name: "日本", lang: "ja"},
	{code: "PT", tld: "pt", name: "Portugal", lang: "pt", suffix: []string{"Lda.", "S.A.", "Unipessoal Lda."},
		towns: []string{"Lisboa", "Porto", "Braga", "Coimbra", "Évora"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("Rua %s, %d", pick(f, []string{"da Conceição", "de São Bento", "Augusta", "do Carmo", "das Flores"}), 1+f.IntN(300)),
				fmt.Sprintf("%04d-%03d %s", 1000+f.IntN(8000), f.IntN(1000), town())}
		}},
	{code: "CA", tld: "ca", name: "Canada", suffix: []string{"Inc.", "Ltd.", "Corp."},
		towns: []string{"Toronto", "Ottawa", "Calgary", "Halifax"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%d %s %s", 10+f.IntN(3000), pick(f, streetNames), pick(f, []string{"Street", "Avenue", "Road"})),
				fmt.Sprintf("%s, %s %c%d%c %d%c%d", town(), pick(f, []string{"ON", "AB", "NS"}),
					'A'+rune(f.IntN(20)), f.IntN(10), 'A'+rune(f.IntN(20)), f.IntN(10), 'A'+rune(f.IntN(20)), f.IntN(10))}
		}},
	{code: "ES", tld: "es", name: "España", lang: "es", suffix: []string{"S.L.", "S.A."},
		towns: []string{"Madrid", "Sevilla", "Valencia", "Bilbao"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("Calle %s %d", pick(f, []string{"Mayor", "de Alcalá", "del Prado", "Real", "Nueva"}), 1+f.IntN(200)),
				fmt.Sprintf("%05d %s", 10000+f.IntN(40000), town())}
		}},
}

// countryOf is the country of the i-th invented card: each style meets
// each country in turn.
func countryOf(i int) country { return countries[(i/len(Styles)+i)%len(countries)] }

// markedCountries print their cards in languages whose letters carry
// marks only they write (ơ, ş, ł, ř, đ), or in Italian and Dutch, which
// the reader reads only when a card calls for them. They are kept out of
// countries, so that the cards of the other countries stay as they were:
// see cardCountry.
var markedCountries = []country{
	{code: "VN", tld: "com.vn", name: "Việt Nam", lang: "vi", suffix: []string{"Co., Ltd.", "JSC", "Corp."},
		towns: []string{"Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("Số %d %s, Phường %d", 1+f.IntN(300), pick(f, []string{"Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt"}), 1+f.IntN(15)),
				fmt.Sprintf("Quận %d, %s", 1+f.IntN(12), town())}
		}},
	{code: "TR", tld: "com.tr", name: "Türkiye", lang: "tr", suffix: []string{"A.Ş.", "Ltd. Şti."},
		towns: []string{"İstanbul", "Ankara", "İzmir", "Bursa", "Eskişehir"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%s Cad. No: %d", pick(f, []string{"Atatürk", "İstiklal", "Cumhuriyet", "Bağdat", "Gazi"}), 1+f.IntN(200)),
				fmt.Sprintf("%05d %s", 1000*(1+f.IntN(80))+f.IntN(1000), town())}
		}},
	{code: "PL", tld: "pl", name: "Polska", lang: "pl", suffix: []string{"Sp. z o.o.", "S.A."},
		towns: []string{"Kraków", "Łódź", "Wrocław", "Gdańsk", "Poznań"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("ul. %s %d", pick(f, []string{"Długa", "Piękna", "Świętokrzyska", "Marszałkowska", "Żeromskiego"}), 1+f.IntN(150)),
				fmt.Sprintf("%02d-%03d %s", 10+f.IntN(89), f.IntN(1000), town())}
		}},
	{code: "CZ", tld: "cz", name: "Česká republika", lang: "cs", suffix: []string{"s.r.o.", "a.s."},
		towns: []string{"Praha", "Brno", "Ostrava", "Plzeň", "Olomouc"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%s %d/%d", pick(f, []string{"Vinohradská", "Národní", "Husova", "Masarykova", "Křižíkova"}), 1+f.IntN(3000), 1+f.IntN(90)),
				fmt.Sprintf("%03d %02d %s", 100+f.IntN(700), f.IntN(100), town())}
		}},
	{code: "HR", tld: "hr", name: "Hrvatska", lang: "hr", suffix: []string{"d.o.o.", "d.d."},
		towns: []string{"Zagreb", "Split", "Rijeka", "Osijek", "Zadar"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%s %d", pick(f, []string{"Ilica", "Vukovarska", "Savska cesta", "Ulica kralja Zvonimira", "Šetalište Baćvice"}), 1+f.IntN(250)),
				fmt.Sprintf("%05d %s", 10000+f.IntN(44000), town())}
		}},
	{code: "IT", tld: "it", name: "Italia", lang: "it", suffix: []string{"S.r.l.", "S.p.A."},
		towns: []string{"Milano", "Torino", "Bologna", "Firenze", "Napoli"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("Via %s, %d", pick(f, []string{"Roma", "Garibaldi", "Mazzini", "della Libertà", "Cavour"}), 1+f.IntN(200)),
				fmt.Sprintf("%05d %s", 10000+f.IntN(89000), town())}
		}},
	{code: "NL", tld: "nl", name: "Nederland", lang: "nl", suffix: []string{"B.V.", "N.V."},
		towns: []string{"Amsterdam", "Utrecht", "Rotterdam", "Groningen", "Eindhoven"},
		street: func(f *gofakeit.Faker, town func() string) []string {
			return []string{fmt.Sprintf("%s %d", pick(f, []string{"Keizersgracht", "Stationsweg", "Kerkstraat", "Dorpsstraat", "Prinsengracht"}), 1+f.IntN(400)),
				fmt.Sprintf("%04d %c%c %s", 1000+f.IntN(9000), 'A'+rune(f.IntN(26)), 'A'+rune(f.IntN(26)), town())}
		}},
}

// cardCountry is the country of the invented card i of seed: countryOf(i),
// or, for one card in markedShare, one of markedCountries, drawn apart
// from the card's other choices, so that every other card stays as it
// was. Japanese cards stay Japanese.
func cardCountry(seed int64, i int) country {
	co := countryOf(i)
	if co.lang == "ja" {
		return co
	}
	if rng, ok := oneIn(seed, 0x3a_c0de, markedShare); ok {
		return markedCountries[rng.IntN(len(markedCountries))]
	}
	return co
}

// syllables make up names no list holds, so that the reader is not only
// measured on names it knows.
var syllables = []string{"ka", "lo", "mer", "vi", "dan", "sa", "ren", "tho", "bel", "in", "or", "zu", "nel", "fa", "ri", "tov", "ash", "ely"}

func inventedName(f *gofakeit.Faker) string {
	n := 2 + f.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(pick(f, syllables))
	}
	r := []rune(b.String())
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// phone makes a valid number of the given type for a country, from
// libphonenumber's example number with its last digits changed, printed
// the way the country prints it or in international form.
func phone(f *gofakeit.Faker, region string, typ phonenumbers.PhoneNumberType, intl bool) string {
	ex := phonenumbers.GetExampleNumberForType(region, typ)
	if ex == nil {
		ex = phonenumbers.GetExampleNumber(region)
	}
	for range 20 {
		nsn := ex.GetNationalNumber()
		n := &phonenumbers.PhoneNumber{CountryCode: ex.CountryCode, ItalianLeadingZero: ex.ItalianLeadingZero,
			NationalNumber: proto(nsn - nsn%1000 + uint64(f.IntN(1000)))}
		if phonenumbers.IsValidNumber(n) {
			if intl {
				return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
			}
			return phonenumbers.Format(n, phonenumbers.NATIONAL)
		}
	}
	if intl {
		return phonenumbers.Format(ex, phonenumbers.INTERNATIONAL)
	}
	return phonenumbers.Format(ex, phonenumbers.NATIONAL)
}

func proto(v uint64) *uint64 { return &v }

func localPart(f *gofakeit.Faker, given, family string) string {
	g, fm := asciiLower(fold(given)), asciiLower(fold(family))
	switch f.IntN(5) {
	case 0:
		return g + "." + fm
	case 1:
		return g[:1] + fm
	case 2:
		return g
	case 3:
		return g + "_" + fm
	}
	return g + fm[:1]
}

// fold writes s without its diacritics, as an email address made from a
// name does: "Jürgen Dvořák" is "Jurgen Dvorak".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return strings.NewReplacer("ß", "ss", "ł", "l", "Ł", "L", "ı", "i", "đ", "d", "Đ", "D", "ø", "o").Replace(out)
}

// asciiLower lower-cases s and drops what is not a letter or digit, as an
// email address made from a name does.
func asciiLower(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Synthesize makes the invented card of the given seed; i picks the style
// and country, cycling through them.
func Synthesize(seed int64, i int) Synthetic {
	f := gofakeit.New(uint64(seed)*2654435761 + 1)
	style := Styles[i%len(Styles)]
	co := cardCountry(seed, i)

	lang := co.lang
	if lang == "" {
		lang = "en"
	}
	if lang == "ja" {
		head, contact, address, want := japaneseCard(f, co, style)
		s := laidOut(f, seed, fmt.Sprintf("synth-%03d-%s-%s", i, style, co.code), style, head, contact, address, want)
		if printedDown(seed, style) {
			s = downCard(s)
		}
		return s
	}
	// People, jobs and firms from lists kept apart from the classifier's
	// (see synthwords.go), and names no list holds.
	given, family := pick(f, apart(givenNames[lang])), pick(f, apart(familyNames[lang]))
	if f.IntN(4) == 0 {
		given = inventedName(f)
	}
	if f.IntN(4) == 0 {
		family = inventedName(f)
	}
	name := given + " " + family
	if lang == "vi" {
		// Family name first, then the middle and given names.
		name = family + " " + given
	} else if f.IntN(6) == 0 {
		name = given + " " + string([]rune(pick(f, apart(givenNames["en"])))[:1]) + ". " + family
	}
	printedName := name
	if f.IntN(4) == 0 {
		printedName = strings.ToUpper(name) // names printed in capitals
	}

	stemWord := pick(f, companyStems)
	if f.IntN(3) == 0 {
		stemWord = inventedName(f)
	}
	company := stemWord
	if f.IntN(3) != 0 {
		company += " " + pick(f, companyTrades[lang])
	}
	bare := company // the firm's name without its legal form
	company += " " + pick(f, co.suffix)
	stem := asciiLower(fold(stemWord))
	if f.IntN(3) == 0 {
		stem = asciiLower(fold(strings.TrimSuffix(company, " "+co.suffix[0])))
	}
	if bareFirm(seed) {
		company = bare
	}
	domain := stem + "." + co.tld
	title := pick(f, jobTitles[lang])
	email := localPart(f, given, family) + "@" + domain
	if role := roleMailbox(seed); role != "" {
		email = role + "@" + domain
	}
	website := pick(f, []string{"www." + domain, domain, "https://" + domain, "www." + domain})
	if box, site, ok := freeMailbox(seed, given, family, stem); ok {
		email = box
		if !site {
			website = ""
		}
	}
	intl := f.IntN(2) == 0
	phones := []string{phone(f, co.code, phonenumbers.FIXED_LINE, intl)}
	if f.IntN(2) == 0 {
		phones = append(phones, phone(f, co.code, phonenumbers.MOBILE, intl))
	}
	fax := ""
	if f.IntN(4) == 0 {
		fax = phone(f, co.code, phonenumbers.FIXED_LINE, intl)
	}
	addr := co.street(f, func() string { return pick(f, co.towns) })
	if f.IntN(2) == 0 {
		addr = append(addr, co.name)
	}
	if town := townOnly(seed, co); town != "" {
		addr = []string{town}
	}

	// Labels, in one of a few house styles.
	type labels struct{ tel, mob, fax, mail, web string }
	ls := pick(f, []labels{
		{"Tel: ", "Mobile: ", "Fax: ", "Email: ", ""},
		{"T ", "M ", "F ", "E ", "W "},
		{"T: ", "M: ", "F: ", "E: ", "W: "},
		{"Phone ", "Cell ", "Fax ", "", ""},
		{"", "", "Fax ", "", ""},
		{"Office: ", "Mobile: ", "Fax: ", "", "Web: "},
		// Icons for labels, which OCR reads as specks or stray letters.
		{"► ", "■ ", "⌂ ", "● ", "● "},
		{"■ ", "■ ", "■ ", "■ ", "■ "},
	})
	if ls.tel == "" && len(phones) > 1 {
		ls.mob = "Mobile "
	}
	if l := sharedFaxLabel(seed); l != "" && fax == "" && len(phones) == 1 {
		ls.tel = l
	}

	bigName := 13 + 4*f.Float64()
	body := 7.5 + 1.5*f.Float64()
	nameLine := Line{Text: printedName, Size: bigName, Bold: true}
	titleLine := Line{Text: title, Size: body + 0.5 + f.Float64()}
	companyLine := Line{Text: company, Size: body + 1 + 2*f.Float64(), Bold: f.IntN(2) == 0}
	var contact []Line
	contact = append(contact, Line{Text: ls.tel + phones[0], Size: body, SpaceBefore: 3})
	if len(phones) > 1 {
		contact = append(contact, Line{Text: ls.mob + phones[1], Size: body})
	}
	if fax != "" {
		contact = append(contact, Line{Text: ls.fax + fax, Size: body})
	}
	contact = append(contact, Line{Text: ls.mail + email, Size: body})
	if website != "" {
		contact = append(contact, Line{Text: ls.web + website, Size: body})
	}
	var address []Line
	for k, a := range addr {
		l := Line{Text: a, Size: body}
		if k == 0 {
			l.SpaceBefore = 2
		}
		address = append(address, l)
	}

	want := Expected{
		Name: printedName, Title: title, Company: company, Email: email, Website: website,
		Address: strings.Join(addr, ", "), Phones: phones, Fax: fax, Language: lang,
	}
	// Under the company, a tagline or a line of services; above it, the
	// firm's logo as text, its first word in capitals.
	var under []Line
	switch f.IntN(3) {
	case 0:
		under = []Line{{Text: pick(f, taglines[lang]), Size: body, Align: companyLine.Align}}
	case 1:
		under = []Line{{Text: pick(f, services[lang]), Size: body, Align: companyLine.Align}}
	}
	firm := []Line{companyLine}
	if company != bare && formApart(seed) {
		// The legal form on a line of its own, under the firm's name.
		firm[0].Text = bare
		firm = append(firm, Line{Text: strings.TrimSpace(strings.TrimPrefix(company, bare)), Size: body, Bold: companyLine.Bold})
	}
	head := slices.Concat([]Line{nameLine, titleLine}, firm, under)
	if f.IntN(3) == 0 {
		logo := Line{Text: strings.ToUpper(stemWord), Size: bigName * 1.3, Bold: true}
		nameLine.SpaceBefore = 3
		head = slices.Concat([]Line{logo, nameLine, titleLine}, firm, under)
	}
	if rng, ok := shopCard(seed); ok && style != "company-first" {
		// The firm's name printed largest, the people at the size of the
		// text around them, sometimes two of them one under the other.
		nameLine.Size = body + 1 + rng.Float64()
		titleLine.Size = min(titleLine.Size, 0.9*nameLine.Size) // a job is not printed larger than its holder
		firm[0].Size = bigName * (1.1 + 0.3*rng.Float64())
		firm[0].Bold = true
		people := []Line{nameLine, titleLine}
		if rng.IntN(2) == 0 {
			partner := pick(f, apart(givenNames[lang])) + " " + family
			if rng.IntN(2) == 0 {
				partner = pick(f, apart(givenNames[lang])) + " " + pick(f, apart(familyNames[lang]))
			}
			if printedName == strings.ToUpper(name) {
				partner = strings.ToUpper(partner)
			}
			people[1] = Line{Text: partner, Size: nameLine.Size, Bold: nameLine.Bold}
			want.Title = ""
		}
		head = slices.Concat(people, firm, under)
	}
	if style == "company-first" {
		firm[0].SpaceBefore = 0
		nameLine.SpaceBefore = 4
		head = slices.Concat(firm, under, []Line{nameLine, titleLine})
	}
	return laidOut(f, seed, fmt.Sprintf("synth-%03d-%s-%s", i, style, co.code), style, head, contact, address, want)
}

// laidOut lays the card's lines out and photographs it in style: head
// (name, job, firm), then contact details, then the address.
func laidOut(f *gofakeit.Faker, seed int64, name, style string, head, contact, address []Line, want Expected) Synthetic {
	s := Synthetic{Name: name, Style: style, Width: 1050, seed: seed, Want: want}
	c := Card{Lines: append(append(append([]Line(nil), head...), contact...), address...)}
	switch style {
	case "centred":
		for k := range c.Lines {
			c.Lines[k].Align = Center
		}
	case "right":
		for k := range c.Lines {
			c.Lines[k].Align = Right
		}
	case "two-column":
		c.Layout = TwoColumn
		c.Split = len(head)
		if f.IntN(2) == 0 {
			// Contact details left, the name block right.
			c.Lines = append(append(append([]Line(nil), contact...), address...), head...)
			c.Split = len(contact) + len(address)
			for k := c.Split; k < len(c.Lines); k++ {
				c.Lines[k].Align = Right
			}
		}
	case "logo-left":
		c.Accent = true
		c.AccentColor = pick(f, []color.Color{DefaultAccentColor, color.NRGBA{0xd9, 0x6a, 0x1e, 0xff}, color.NRGBA{0x6b, 0x2d, 0x8f, 0xff}})
	case "dark":
		c.Background = pick(f, []color.Color{color.NRGBA{0x1a, 0x1f, 0x2e, 0xff}, color.NRGBA{0x0b, 0x3d, 0x2e, 0xff}, color.NRGBA{0x22, 0x22, 0x22, 0xff}})
		c.Ink = pick(f, []color.Color{color.NRGBA{0xf2, 0xf2, 0xf2, 0xff}, color.NRGBA{0xe8, 0xc9, 0x6b, 0xff}})
	case "coloured":
		c.Background = pick(f, []color.Color{color.NRGBA{0xfd, 0xf3, 0xe1, 0xff}, color.NRGBA{0xe6, 0xf0, 0xfa, 0xff}, color.White})
		c.Ink = pick(f, []color.Color{color.NRGBA{0x1f, 0x4e, 0x9c, 0xff}, color.NRGBA{0xa3, 0x1f, 0x34, 0xff}, color.NRGBA{0x1d, 0x6b, 0x3a, 0xff}})
	case "small":
		for k := range c.Lines {
			c.Lines[k].Size *= 0.8
		}
		s.Width = 760
	case "rotated":
		s.Turn = float64(pick(f, []int{90, 180, 270}))
	case "skewed":
		s.Turn = (1.5 + 2.5*f.Float64()) * float64(1-2*f.IntN(2))
	case "light-photo":
		// A white card on a light grey table, as phones photograph them
		// at trade shows.
		s.Width = 1400
		s.Photo = image.Pt(2400, 1800)
		s.LightDesk = true
		c.Background = color.White
	case "photo":
		s.Width = 1400
		s.Photo = image.Pt(2400, 1800)
		if f.IntN(2) == 0 {
			s.Photo = image.Pt(2400, 2400)
		}
	}
	if (style == "stacked" || style == "company-first" || style == "light-photo") && f.IntN(2) == 0 {
		c.QR = seed // a QR code in the corner
	}
	s.Card = c
	return s
}

// bareFirm says whether the card of seed prints its firm's name without
// a legal form, as most of the real cards do ("Quaywell", not "Quaywell
// Ltd"): one in bareShare. It draws apart from the card's other choices,
// so that every other card, and every other line, stays as it was.
func bareFirm(seed int64) bool {
	_, ok := oneIn(seed, 0xba2e_f12a, bareShare)
	return ok
}

// sharedFaxLabel is the label the card of seed prints before a number
// that is both its phone and its fax ("Tel/Fax: "), as many small firms'
// cards do, or "": one in sharedFaxShare, used on cards with one number
// and no fax of their own. The number is the card's phone. It draws apart
// from the card's other choices, so that every other card stays as it was.
func sharedFaxLabel(seed int64) string {
	rng, ok := oneIn(seed, 0x7e1f_a4, sharedFaxShare)
	if !ok {
		return ""
	}
	labels := []string{"Tel/Fax: ", "Phone & Fax ", "T/F: ", "Tel./Fax "}
	return labels[rng.IntN(len(labels))]
}

// roleMailbox is the firm's mailbox the card of seed prints instead of
// its holder's own address ("info@"), as many small firms' cards do, or
// "": one in roleShare. Such a card's name cannot be found by its email.
// It draws apart from the card's other choices, so that every other card
// stays as it was.
func roleMailbox(seed int64) string {
	rng, ok := oneIn(seed, 0x4a11_b0c5, roleShare)
	if !ok {
		return ""
	}
	boxes := []string{"info", "hello", "contact", "office", "enquiries", "mail"}
	return boxes[rng.IntN(len(boxes))]
}

// formApart says whether the card of seed prints its firm's legal form
// on a line of its own, under the firm's name ("Quaywell Freight" over
// "Pty Ltd"), as some real cards do: one in formShare. It draws apart
// from the card's other choices, so that every other card stays as it
// was.
func formApart(seed int64) bool {
	_, ok := oneIn(seed, 0xf0_2a11, formShare)
	return ok
}

// townOnly is the address the card of seed prints in place of its
// street, its town and country alone ("Leeds, United Kingdom"), as cards
// of firms that meet their clients elsewhere do, or "": one in
// townShare. It draws apart from the card's other choices, so that every
// other card stays as it was.
func townOnly(seed int64, co country) string {
	rng, ok := oneIn(seed, 0x70_3a0e, townShare)
	if !ok || len(co.towns) == 0 {
		return ""
	}
	seps := []string{", ", " | ", " · ", " - "}
	return co.towns[rng.IntN(len(co.towns))] + seps[rng.IntN(len(seps))] + co.name
}

// shopCard says whether the card of seed prints its firm's name largest
// and its holder's name at the size of the text around it, as shops' and
// small firms' cards do, with a second person under the first on half of
// them: one in shopShare. It draws apart from the card's other choices,
// so that every other card stays as it was; rng goes on drawing for it.
func shopCard(seed int64) (rng *rand.Rand, ok bool) {
	return oneIn(seed, 0x5b0b_ca2d, shopShare)
}

// freeMailbox is the address at a free mail provider that the card of
// seed prints instead of one at its firm's domain, as many small firms'
// cards do, named after its holder or after the firm ("eskdale.leeds",
// "eskdale42"), and whether the card still prints a website (one in
// three does): one card in freeShare. Such a card's domain says nothing
// of its firm. It draws apart from the card's other choices, so that
// every other card stays as it was.
func freeMailbox(seed int64, given, family, stem string) (email string, site, ok bool) {
	rng, ok := oneIn(seed, 0xf2ee_3a11, freeShare)
	if !ok {
		return "", false, false
	}
	g, fm := asciiLower(fold(given)), asciiLower(fold(family))
	locals := []string{g + "." + fm, g + fm + strconv.Itoa(10+rng.IntN(90)), stem + strconv.Itoa(1+rng.IntN(99)), stem + ".office", stem + "." + g}
	providers := []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com"}
	return locals[rng.IntN(len(locals))] + "@" + providers[rng.IntN(len(providers))], rng.IntN(3) == 0, true
}

// freeShare is the share of the invented cards that print an address at
// a free mail provider: one in freeShare.
const freeShare = 6

// shopShare is the share of the invented cards printed as shops' cards
// are: one in shopShare.
const shopShare = 6

// formShare is the share of the invented firms with a legal form that
// print it on a line of its own: one in formShare.
const formShare = 5

// markedShare is the share of the invented cards from markedCountries:
// one in markedShare.
const markedShare = 5

// townShare is the share of the invented cards that print their town and
// country alone for an address: one in townShare.
const townShare = 8

// roleShare is the share of the invented cards that print a firm's
// mailbox rather than the holder's address: one in roleShare.
const roleShare = 5

// sharedFaxShare is the share of the invented cards that label their one
// number as phone and fax: one in sharedFaxShare.
const sharedFaxShare = 4

// bareShare is the share of the invented firms printed without a legal
// form: one in bareShare.
const bareShare = 3

// verticalShare is the share of the invented Japanese cards printed down
// their height (縦書き): one in verticalShare.
const verticalShare = 3

// printedDown says whether the invented Japanese card of seed, in style,
// is printed down its height. It draws from a generator of its own, so
// that the cards printed across are the ones the set held before it had
// cards printed down. A card of two columns stays across.
func printedDown(seed int64, style string) bool {
	_, ok := oneIn(seed, 0x7a7e_6a11, verticalShare)
	return ok && style != "two-column"
}

// oneIn draws, for the card of seed, from a generator of its own, stream,
// apart from the card's other choices: adding such a choice leaves every
// other card, and every other line, as it was. ok says whether the card
// is the one in share the choice is made for; rng goes on drawing for it.
func oneIn(seed int64, stream uint64, share int) (rng *rand.Rand, ok bool) {
	rng = rand.New(rand.NewPCG(uint64(seed), stream))
	return rng, rng.IntN(share) == 0
}

// downCard is s printed down a portrait card: the same lines, those in
// kanji and kana in columns, the others across at the bottom (see
// Vertical), at the same resolution.
func downCard(s Synthetic) Synthetic {
	s.Name += "-vertical"
	s.Card.Layout = Vertical
	s.Width = s.Width * BaseHeight / BaseWidth
	return s
}

// PerspectivePhoto returns a frame.X by frame.Y picture of card lying on a
// desk seen at an angle: the card's far edge is narrower by tilt (0.1 is
// 10%), it is turned a little, and the picture has the desk's texture,
// uneven light and noise of Photo.
func PerspectivePhoto(card image.Image, tilt float64, frame image.Point, seed int64) *image.NRGBA {
	return perspectivePhoto(card, tilt, frame, seed, false)
}

// perspectivePhoto is PerspectivePhoto, on a light table when onLight.
func perspectivePhoto(card image.Image, tilt float64, frame image.Point, seed int64, onLight bool) *image.NRGBA {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7e11_5ca9))
	out := desk(frame, rng)
	if onLight {
		out = lightTable(frame, rng)
	}
	cb := card.Bounds()
	if cb.Dx() == 0 || cb.Dy() == 0 {
		return out
	}
	fw, fh := float64(frame.X), float64(frame.Y)
	w := (0.45 + 0.1*rng.Float64()) * fw
	h := w * float64(cb.Dy()) / float64(cb.Dx())
	if h > 0.7*fh {
		h = 0.7 * fh
		w = h * float64(cb.Dx()) / float64(cb.Dy())
	}
	cx, cy := fw/2+(rng.Float64()-0.5)*0.1*fw, fh/2+(rng.Float64()-0.5)*0.1*fh
	angle := (rng.Float64() - 0.5) * 12 * math.Pi / 180
	// Corners of the card, top-left clockwise, before the turn: the top
	// edge is further away, so shorter.
	top := w * (1 - tilt) / 2
	pts := [4][2]float64{{-top, -h / 2}, {top, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}}
	var quad [4][2]float64
	for k, p := range pts {
		x := p[0]*math.Cos(angle) - p[1]*math.Sin(angle)
		y := p[0]*math.Sin(angle) + p[1]*math.Cos(angle)
		quad[k] = [2]float64{cx + x, cy + y}
	}
	// The transform from the frame back onto the card image.
	var q perspective.Quad
	for k, p := range quad {
		q[k] = perspective.Point{X: p[0], Y: p[1]}
	}
	hm, _ := perspective.Between(q, perspective.Rect(image.Rect(0, 0, cb.Dx(), cb.Dy())))
	c := imaging.Clone(card)
	minX, minY, maxX, maxY := fw, fh, 0.0, 0.0
	for _, p := range quad {
		minX, minY = math.Min(minX, p[0]), math.Min(minY, p[1])
		maxX, maxY = math.Max(maxX, p[0]), math.Max(maxY, p[1])
	}
	inside := func(p perspective.Point) bool {
		return p.X >= 0 && p.Y >= 0 && p.X < float64(cb.Dx()) && p.Y < float64(cb.Dy())
	}
	// Shadow, then the card.
	sh := int(0.01*fw) + 1
	for y := max(0, int(minY)); y < min(frame.Y, int(maxY)+sh+1); y++ {
		for x := max(0, int(minX)); x < min(frame.X, int(maxX)+sh+1); x++ {
			i := out.PixOffset(x, y)
			if inside(hm.Apply(perspective.Point{X: float64(x-sh) + 0.5, Y: float64(y-sh) + 0.5})) {
				for k := range 3 {
					out.Pix[i+k] = uint8(float64(out.Pix[i+k]) * 0.6)
				}
			}
			p := hm.Apply(perspective.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5})
			if !inside(p) {
				continue
			}
			px := perspective.Bilinear(c, p.X-0.5, p.Y-0.5)
			copy(out.Pix[i:i+3], px[:3])
		}
	}
	light(out, rng)
	return out
}

// japaneseCard makes a card printed in Japanese: the firm with its legal
// form (株式会社) before or after its name, the department and job on one
// line, the name in kanji, family name first, with its romaji under it,
// and an address that starts with 〒 and its postcode.
func japaneseCard(f *gofakeit.Faker, co country, style string) (head, contact, address []Line, want Expected) {
	family, given := pick(f, japaneseFamilies), pick(f, japaneseGivens)
	name := family.kanji + " " + given.kanji
	if f.IntN(4) == 0 {
		name = family.kanji + "　" + given.kanji // an ideographic space
	}
	// Romaji given name first, or family name first in capitals.
	pGiven, pFamily := given.latin, family.latin
	var phonetic string
	switch f.IntN(3) {
	case 0:
		pGiven, pFamily = strings.ToUpper(pGiven), strings.ToUpper(pFamily)
		phonetic = pGiven + " " + pFamily
	case 1:
		phonetic = pGiven + " " + pFamily
	default:
		pFamily = strings.ToUpper(pFamily)
		phonetic = pFamily + " " + pGiven
	}
	firm := pick(f, japaneseFirms)
	company := firm.kanji + pick(f, japaneseTrades)
	if f.IntN(2) == 0 {
		company = "株式会社" + company
	} else {
		company += "株式会社"
	}
	job := pick(f, japaneseJobs)
	jobLine := job
	if f.IntN(3) != 0 {
		sep := pick(f, []string{"", " ", "　"})
		jobLine = pick(f, japaneseDepartments) + sep + job
	}
	domain := firm.latin + "." + co.tld
	email := localPart(f, given.latin, family.latin) + "@" + domain
	website := pick(f, []string{"www." + domain, "https://www." + domain})
	phones := []string{phone(f, co.code, phonenumbers.FIXED_LINE, false)}
	if f.IntN(2) == 0 {
		phones = append(phones, phone(f, co.code, phonenumbers.MOBILE, false))
	}
	fax := ""
	if f.IntN(2) == 0 {
		fax = phone(f, co.code, phonenumbers.FIXED_LINE, false)
	}
	postcode := fmt.Sprintf("〒%03d-%04d", 100+f.IntN(899), f.IntN(10000))
	street := fmt.Sprintf("%s%s%d-%d-%d", pick(f, japanesePlaces), pick(f, []string{"", " "}), 1+f.IntN(9), 1+f.IntN(20), 1+f.IntN(30))
	if f.IntN(2) == 0 {
		street += fmt.Sprintf(" %s%s %dF", firm.kanji, pick(f, japaneseBuildings), 2+f.IntN(20))
	}
	addr := []string{postcode + " " + street}
	if f.IntN(2) == 0 {
		addr = []string{postcode, street}
	}

	labels := pick(f, []struct{ tel, mob, fax, mail, web string }{
		{"TEL ", "携帯 ", "FAX ", "E-mail ", "URL "},
		{"TEL：", "携帯：", "FAX：", "Mail：", ""},
		{"電話 ", "携帯電話 ", "FAX ", "", ""},
		{"T. ", "M. ", "F. ", "E. ", "W. "},
	})
	bigName := 15 + 4*f.Float64()
	body := 7.5 + 1.5*f.Float64()
	companyLine := Line{Text: company, Size: body + 2 + 2*f.Float64(), Bold: f.IntN(2) == 0}
	head = []Line{companyLine}
	if f.IntN(3) == 0 {
		head = append(head, Line{Text: pick(f, japaneseTaglines), Size: body})
	}
	head = append(head,
		Line{Text: jobLine, Size: body + 0.5, SpaceBefore: 4},
		Line{Text: name, Size: bigName, Bold: true},
		Line{Text: phonetic, Size: body},
	)
	for k, a := range addr {
		l := Line{Text: a, Size: body}
		if k == 0 {
			l.SpaceBefore = 3
		}
		address = append(address, l)
	}
	phoneLine := labels.tel + phones[0]
	if fax != "" && f.IntN(2) == 0 {
		phoneLine += "  " + labels.fax + fax // on one line, as Japanese cards often print them
	} else if fax != "" {
		contact = append(contact, Line{Text: labels.fax + fax, Size: body})
	}
	contact = append([]Line{{Text: phoneLine, Size: body}}, contact...)
	if len(phones) > 1 {
		contact = append(contact, Line{Text: labels.mob + phones[1], Size: body})
	}
	contact = append(contact, Line{Text: labels.mail + email, Size: body})
	if labels.web != "" || f.IntN(2) == 0 {
		contact = append(contact, Line{Text: labels.web + website, Size: body})
	} else {
		website = ""
	}
	want = Expected{
		Name: name, PhoneticGiven: pGiven, PhoneticFamily: pFamily, Title: job, Company: company, Email: email, Website: website,
		Address: strings.Join(addr, " "), Phones: phones, Fax: fax, Language: "ja",
	}
	return head, contact, address, want
}
