package contacts

import "testing"

func TestParseAddress(t *testing.T) {
	tests := []struct {
		name, line, region string
		want               Address
	}{
		{"US", "500 Mission St, Fl 12, San Francisco, CA 94105", "US",
			Address{Street: "500 Mission St, Fl 12", City: "San Francisco", Region: "CA", PostalCode: "94105"}},
		{"US with country", "1200 Harbor Way, Portland, OR 97209-1234, USA", "US",
			Address{Street: "1200 Harbor Way", City: "Portland", Region: "OR", PostalCode: "97209-1234", Country: "USA"}},
		{"UK", "14 Canal Street, Manchester M1 3HE, United Kingdom", "GB",
			Address{Street: "14 Canal Street", City: "Manchester", PostalCode: "M1 3HE", Country: "United Kingdom"}},
		{"UK postcode apart", "221B Baker Street, London, NW1 6XE", "GB",
			Address{Street: "221B Baker Street", City: "London", PostalCode: "NW1 6XE"}},
		{"German", "Unter den Linden 5, 10117 Berlin, Deutschland", "DE",
			Address{Street: "Unter den Linden 5", City: "Berlin", PostalCode: "10117", Country: "Deutschland"}},
		{"German with country prefix", "Hauptstraße 12\nD-80331 München", "DE",
			Address{Street: "Hauptstraße 12", City: "München", PostalCode: "80331"}},
		{"a town and its country alone", "Rotterdam, The Netherlands", "NL",
			Address{City: "Rotterdam", Country: "The Netherlands"}},
		{"a street and a country, no town", "Harbour Road 4, Ghana", "GH",
			Address{Street: "Harbour Road 4", Country: "Ghana"}},
		{"Dutch", "Stationsweg 36, 9677 TU Utrecht, Nederland", "NL",
			Address{Street: "Stationsweg 36", City: "Utrecht", PostalCode: "9677 TU", Country: "Nederland"}},
		{"Dutch, the postcode's letters written close", "Damrak 1, 1012AB Amsterdam", "NL",
			Address{Street: "Damrak 1", City: "Amsterdam", PostalCode: "1012AB"}},
		{"a town in capitals after four digits", "Storgata 1, 0155 OSLO", "NO",
			Address{Street: "Storgata 1", City: "OSLO", PostalCode: "0155"}},
		{"Norwegian", "Storgata 1, 0155 Oslo, Norway", "NO",
			Address{Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"}},
		{"Polish", "ul. Długa 37, 79-640 Poznań, Polska", "PL",
			Address{Street: "ul. Długa 37", City: "Poznań", PostalCode: "79-640", Country: "Polska"}},
		{"Czech", "Křižíkova 1034/65, 680 41 Brno, Česká republika", "CZ",
			Address{Street: "Křižíkova 1034/65", City: "Brno", PostalCode: "680 41", Country: "Česká republika"}},
		{"Australian", "Level 3, 27 Wattle Street, Ultimo NSW 2007", "AU",
			Address{Street: "Level 3, 27 Wattle Street", City: "Ultimo", Region: "NSW", PostalCode: "2007"}},
		{"Japanese", "〒100-0005 東京都千代田区丸の内1-1-1", "JP",
			Address{Street: "丸の内1-1-1", City: "千代田区", Region: "東京都", PostalCode: "100-0005", Country: "日本"}},
		{"Japanese abroad", "〒530-0001 大阪府大阪市北区梅田3-1-3", "US",
			Address{Street: "梅田3-1-3", City: "大阪市北区", Region: "大阪府", PostalCode: "530-0001"}},
		{"Singaporean", "1 Raffles Place, #20-01, Singapore 048616", "SG",
			Address{Street: "1 Raffles Place, #20-01", City: "Singapore", PostalCode: "048616"}},
		{"Indian, a dash before the PIN", "12 Model Colony, Pune - 411001, India", "IN",
			Address{Street: "12 Model Colony", City: "Pune", PostalCode: "411001", Country: "India"}},
		{"Thai", "99 Sukhumvit Road, Bangkok 10110", "TH",
			Address{Street: "99 Sukhumvit Road", City: "Bangkok", PostalCode: "10110"}},
		{"Brazilian, the CEP apart", "Rua das Flores, 701, Campinas - SP, 13010-001, Brasil", "BR",
			Address{Street: "Rua das Flores, 701", City: "Campinas", Region: "SP", PostalCode: "13010-001", Country: "Brasil"}},
		{"Brazilian, the CEP after the state", "Av. Paulista, 1000, São Paulo - SP 01310-100", "BR",
			Address{Street: "Av. Paulista, 1000", City: "São Paulo", Region: "SP", PostalCode: "01310-100"}},
		{"a suite number is no postal code", "500 Mission St, Suite 1200", "US",
			Address{Street: "500 Mission St, Suite 1200"}},
		{"a street's number is no postal code", "Rua das Flores, 70110", "BR",
			Address{Street: "Rua das Flores, 70110"}},
		{"unknown stays street", "Behind the old mill, past the bridge", "US",
			Address{Street: "Behind the old mill, past the bridge"}},
		{"empty", "  ", "US", Address{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseAddress(tt.line, tt.region); got != tt.want {
				t.Errorf("ParseAddress(%q) =\n %#v\nwant\n %#v", tt.line, got, tt.want)
			}
		})
	}
}

func TestAddressLine(t *testing.T) {
	tests := []struct {
		a    Address
		want string
	}{
		{Address{Street: "Storgata 1", City: "Oslo", PostalCode: "0155", Country: "Norway"}, "Storgata 1, 0155 Oslo, Norway"},
		{Address{Street: "500 Mission St", City: "San Francisco", Region: "CA", PostalCode: "94105"}, "500 Mission St, San Francisco, CA 94105"},
		{Address{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.a.Line(); got != tt.want {
				t.Errorf("Line() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCountryRegion: a country is known by its names in English and in
// its own language, with its case, its article and a final stop aside,
// and without the marks a scan or a card may leave off.
func TestCountryRegion(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Germany", "DE"},
		{"Deutschland", "DE"},
		{"The Netherlands", "NL"},
		{"U.S.A.", "US"},
		{"España", "ES"},
		{"Espana", "ES"},
		{"ÖSTERREICH", "AT"},
		{"Osterreich", "AT"},
		{"Turkiye", "TR"},
		{"Tiirkiye", "TR"}, // its ü read as "ii"
		{"Tiirkey", ""},
		{"Viet Nam", "VN"},
		{"Sample Town", ""},
		{"us", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CountryRegion(tt.name); got != tt.want {
				t.Errorf("CountryRegion(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
