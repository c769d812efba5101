package ocr

import (
	"regexp"
	"testing"
)

// TestEvidenceAgainst: a slogan or a list of services printed under the
// company is neither the company, nor part of it, nor the title; a job no
// list knows is read from its place under the name.
func TestEvidenceAgainst(t *testing.T) {
	tests := []struct {
		name                  string
		rows                  []row
		title, company, notes string
		person                string // the name, when the case is about it
	}{
		{
			name: "services under the company",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Manager"),
				stack(100, 330, 50, "Saltmarsh LLC", "Design • Print • Signage"),
				stack(100, 600, "jane@saltmarsh.example")),
			title: "Sales Manager", company: "Saltmarsh LLC",
		},
		{
			name: "services with their bullets read as signs, under a firm with no legal form",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Manager"),
				stack(100, 330, 50, "Saltmarsh Ironworks", "Design ¢ Print * Signage"),
				stack(100, 600, "jane@saltmarsh.example")),
			title: "Sales Manager", company: "Saltmarsh Ironworks",
		},
		{
			name: "a slogan under the company is no title",
			rows: cat(stack(100, 80, 70, "Jane Doe"),
				stack(100, 330, 50, "Kittiwake Shipping Ltd", "Your partner on every shore"),
				stack(100, 600, "jane@kittiwake.example")),
			company: "Kittiwake Shipping Ltd",
		},
		{
			name: "a job no list knows, under the name",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Luthier"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "jane@ironbark.example")),
			title: "Luthier", company: "Ironbark Instruments Ltd",
		},
		{
			name: "a job no list knows, under a name only its place tells",
			rows: cat(stack(100, 80, 70, "Teodoro Vallarino", "Luthier"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			title: "Luthier", company: "Ironbark Instruments Ltd",
		},
		{
			name: "a name with marks holds no word that names a firm",
			rows: cat(stack(100, 80, 70, "Íñigo Martínez", "Ingeniero de caminos"), // "Mart" is no shop
				stack(100, 330, 50, "Sable Ridge Carpintería"),
				stack(100, 600, "enquiries@sableridge.es")),
			title: "Ingeniero de caminos", company: "Sable Ridge Carpintería", person: "Íñigo Martínez",
		},
		{
			// Printed alike: 62 of 70 pixels. A line shaped like a name
			// at 0.85 of an unsure name's size or less is taken for the
			// job, as jobs no list holds are printed so ("Loss Adjuster").
			name: "two people one under the other: the second is no job",
			rows: cat(stack(100, 80, 70, "Teodoro Vallarino"), stack(100, 160, 62, "Benedito Ardiles"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			company: "Ironbark Instruments Ltd",
		},
		{
			name: "a job shaped like a name, printed much smaller under a name only its place tells",
			rows: cat(stack(100, 80, 70, "Teodoro Vallarino", 40, "Chief Steward"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			title: "Chief Steward", company: "Ironbark Instruments Ltd",
		},
		{
			name: "a team under the name is no job",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Department"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "jane@ironbark.example")),
			company: "Ironbark Instruments Ltd",
		},
		{
			name: "a trade alone under the name is the job",
			rows: cat(stack(100, 80, 70, "Teodoro Vallarino", "Marketing"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			title: "Marketing", company: "Ironbark Instruments Ltd",
		},
		{
			name: "two words of trade alone under the name are the job",
			rows: cat(stack(100, 80, 70, "Teodoro Vallarino", "Business Development"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			title: "Business Development", company: "Ironbark Instruments Ltd",
		},
		{
			name: "a firm of that trade under the name is no job",
			rows: cat(stack(100, 80, 70, "Teodoro Vallarino", "Saltmarsh Marketing"),
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			company: "Ironbark Instruments Ltd",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstValues(tt.rows...)
			if got[FieldTitle] != tt.title {
				t.Errorf("title = %q, want %q", got[FieldTitle], tt.title)
			}
			if got[FieldCompany] != tt.company {
				t.Errorf("company = %q, want %q", got[FieldCompany], tt.company)
			}
			if tt.person != "" && got[FieldName] != tt.person {
				t.Errorf("name = %q, want %q", got[FieldName], tt.person)
			}
		})
	}
}

// TestNoiseLines: a line read at a confidence no line of text has, specks,
// a QR code or a picture read as letters, is neither the job under the
// name nor in its way, nor in the note.
func TestNoiseLines(t *testing.T) {
	tests := []struct {
		name  string
		rows  []row
		noise string // the line read as noise, at 18
		kind  FieldKind
		want  string
	}{
		{
			name: "specks between the name and the job",
			rows: cat([]row{{text: "Teodoro Vallarino", x: 100, y: 80, h: 70}, {text: "once:", x: 300, y: 158, h: 16},
				{text: "Luthier", x: 100, y: 185, h: 40}},
				stack(100, 330, 50, "Ironbark Instruments Ltd"),
				stack(100, 600, "info@ironbark.example")),
			noise: "once:", kind: FieldTitle, want: "Luthier",
		},
		{
			name: "a QR code read as letters",
			rows: cat(stack(100, 80, 70, "Jane Doe"),
				stack(100, 330, 50, "Ironbark Instruments Ltd", "Crafted with care"),
				stack(100, 600, "jane@ironbark.example"),
				[]row{{text: "OPO", x: 1300, y: 700, h: 50}}),
			noise: "OPO", kind: FieldNote, want: "Crafted with care",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := lines(tt.rows...)
			for i := range ls {
				if ls[i].Text == tt.noise {
					ls[i].Conf, ls[i].Words[0].Conf = 18, 18
				}
			}
			var got string
			for _, f := range Classify(ls, cardSize) {
				if f.Kind == tt.kind {
					got = f.Value
				}
			}
			if got != tt.want {
				t.Errorf("%s = %q, want %q", tt.kind, got, tt.want)
			}
		})
	}
}

// TestAddressEvidence: the street above a postcode-and-city line stays
// with it though no street word is read, a city and country alone make
// an address, and so do streets and postcodes as Polish, Czech, Turkish
// and Vietnamese cards print them.
func TestAddressEvidence(t *testing.T) {
	tests := []struct {
		name    string
		rows    []row
		address string
	}{
		{
			name: "a street its street word misread",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Manager"),
				stack(100, 600, "jane@acmewidgets.example", "Lindenstra8e 110", "84752 Sampletown")),
			address: "Lindenstra8e 110, 84752 Sampletown",
		},
		{
			name: "a city and country alone",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Manager"),
				stack(100, 600, "jane@acmewidgets.example", "Sampleton, Türkiye")),
			address: "Sampleton, Türkiye",
		},
		// Streets and postcodes as the countries whose languages the app
		// reads print them, which no street word or postcode pattern of
		// English, French or German cards finds.
		{
			name: "a Polish street and postcode",
			rows: cat(stack(100, 80, 70, "Jan Przykład", "Kierownik budowy"),
				stack(100, 600, "jan@przyklad.example", "ul. Próbna 12", "00-950 Przykładowo")),
			address: "ul. Próbna 12, 00-950 Przykładowo",
		},
		{
			name: "a Croatian street word after the street's name",
			rows: cat(stack(100, 80, 70, "Ana Primjer", "Odvjetnica"),
				stack(100, 600, "ana@primjer.example", "Uzorna cesta 107", "Rijeka")),
			address: "Uzorna cesta 107",
		},
		{
			name: "a Czech house number and postcode",
			rows: cat(stack(100, 80, 70, "Jana Příkladová", "Jednatelka"),
				stack(100, 600, "jana@priklad.example", "Ukázková 1064/23", "110 00 Vzorov")),
			address: "Ukázková 1064/23, 110 00 Vzorov",
		},
		{
			name: "a Turkish street",
			rows: cat(stack(100, 80, 70, "Ayşe Örnek", "Genel Müdür"),
				stack(100, 600, "ayse@ornek.example", "Moda Mah. Örnek Sok.", "34710 Kadıköy")),
			address: "Moda Mah. Örnek Sok., 34710 Kadıköy",
		},
		{
			name: "a Vietnamese house, ward and district",
			rows: cat(stack(100, 80, 70, "Nguyễn Văn Mẫu", "Giám đốc"),
				stack(100, 600, "mau@vidu.example", "Số 218 Lê Mẫu, Phường 3", "Quận 3, Thành Mẫu")),
			address: "Số 218 Lê Mẫu, Phường 3, Quận 3, Thành Mẫu",
		},
		{
			// "1991 roku" is no postcode and town: the town starts with
			// a capital.
			name: "a tagline with a year over the address",
			rows: cat(stack(100, 80, 70, "Jan Przykład", "Kierownik budowy", "Próbka Sp. z o.o.", "Jakość od 1991 roku"),
				stack(100, 600, "jan@probka.example", "ul. Próbna 12", "00-950 Przykładowo")),
			address: "ul. Próbna 12, 00-950 Przykładowo",
		},
		{
			// The end of a mobile number read with letters before it,
			// "...679-9468", is no Japanese postcode.
			name: "a misread number over the address",
			rows: cat(stack(100, 80, 70, "Eletrônica Amostra Ltda."),
				stack(100, 400, "N Tp figs 9.9679-9468", "Av. Exemplo, 3006 Sala 6 Jardim Modelo - SP")),
			address: "Av. Exemplo, 3006 Sala 6 Jardim Modelo - SP",
		},
		{
			// Read in the card's order, the other column's line comes
			// between the street and its town.
			name: "a street with no street word over its town, the other column read between",
			rows: cat(stack(100, 80, 70, "Ana Primjer", "Savjetnica za prodaju"),
				stack(100, 500, "ana@primjer.example", "Uzorna 45"), stack(900, 560, "Primjer"),
				stack(100, 628, "44340 Rijeka")),
			address: "Uzorna 45, 44340 Rijeka",
		},
		{
			name: "a Japanese postcode after the town",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Manager"),
				stack(100, 600, "jane@acmewidgets.example", "Sample Bldg 3F", "Tokyo 100-0005")),
			address: "Sample Bldg 3F, Tokyo 100-0005",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, f := range Classify(lines(tt.rows...), cardSize) {
				if f.Kind == FieldAddress {
					got = f.Value
				}
			}
			if got != tt.address {
				t.Errorf("address = %q, want %q", got, tt.address)
			}
		})
	}
}

// TestNameAgreesWithoutDiacritics: an email written without the name's
// diacritics still agrees with the name.
func TestNameAgreesWithoutDiacritics(t *testing.T) {
	rows := cat(stack(100, 80, 70, "Estêvão Guimarães", "Engenheiro civil"),
		stack(100, 330, 50, "Kittiwake Lda."), stack(100, 600, "estevao.guimaraes@kittiwake.example"))
	got := firstValues(rows...)
	if got[FieldName] != "Estêvão Guimarães" || got[FieldTitle] != "Engenheiro civil" {
		t.Errorf("name %q, title %q; want Estêvão Guimarães, Engenheiro civil", got[FieldName], got[FieldTitle])
	}
}

func TestTeamOf(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"SALES DEPARTMENT", true},
		{"IT Section", true},
		{"Marketing Team", true},
		{"Customer Service Division", true},
		{"Department", false},    // no trade
		{"Team Quaywell", false}, // a firm's name
		{"Head Office", false},   // a place
		{"Quaywell Group", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := teamOf(tt.text); got != tt.want {
				t.Errorf("teamOf(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestWholeWords: the words that name firms, teams and buildings match
// whole words alone, letters with marks included.
func TestWholeWords(t *testing.T) {
	tests := []struct {
		text string
		re   *regexp.Regexp
		want bool
	}{
		{"Íñigo Martínez", companyWordRe, false}, // í is a letter: no "mart"
		{"Quaywell Mart", companyWordRe, true},
		{"Walmart", companyWordRe, false},
		{"Lab Équipe", departmentRe, true},
		{"Labé Conté", departmentRe, false},
		{"Hôtel Tower", buildingRe, true},
		{"Towerø", buildingRe, false},
		{"Quaywell Ltd.", companySuffixRe, true},
		{"Ltdá", companySuffixRe, false},
		{"IT Section", teamRe, true},
		{"Teamé", teamRe, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := tt.re.MatchString(tt.text); got != tt.want {
				t.Errorf("%v matches %q: %v, want %v", tt.re, tt.text, got, tt.want)
			}
		})
	}
}

// TestIsSlogan: a line written as a sentence is a slogan, not a job or a
// firm's name; in Vietnamese, whose syllables are written apart, a job of
// four syllables is no sentence.
func TestIsSlogan(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Moving what matters since 1987", true},
		{"Your partner on every shore", true},
		{"Crafted with care", false}, // two small words: see sentenceCase
		{"Head of Sales", false},
		{"Quantity Surveyor", false},
		{"Kỹ sư xây dựng", false},
		{"Trưởng phòng kinh doanh", false},
		{"Phó giám đốc", false},
		{"Chất lượng là hàng đầu", true},
		{"Uy tín tạo nên thương hiệu", true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := isSlogan(tt.text); got != tt.want {
				t.Errorf("isSlogan(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
