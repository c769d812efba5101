package ocr

import "testing"

// TestHasCompanySuffix: a legal form counts where a company's name can
// stand, after a name-like word, never as a state or province before a
// postcode, nor as a common word (issue 21, A.9).
func TestHasCompanySuffix(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Acme Widgets Ltd", true},
		{"Acme Widgets, Inc.", true},
		{"Smith & Co.", true},
		{"Example Co., Ltd.", true},
		{"Nordlys Shipping AS", true},
		{"Volvo Trucks AB", true},
		{"Loja Exemplo ME", true},
		{"Philips NV", true},
		{"Bodega Sol SA", true},
		{"Carpintería Sol S.L.", true},
		{"Oficina Exemplo, Lda.", true},
		{"Sample Prijevoz d.d.", true},
		{"Sample Doprava a.s.", true},
		{"Sample Pivovara d.0.0.", true}, // its o's read as zeros
		{"Sample Sp. zo.o.", true},       // its space lost
		{"Denver, CO 80202", false},
		{"Denver, CO", false},
		{"Reno, NV 89501", false},
		{"Portland, ME 04101", false},
		{"Calgary, AB T2P 1J9", false},
		{"Adelaide SA 5000", false},
		{"Call me", false},
		{"CALL ME", false},
		{"as good as new", false},
		{"Same day as ordered", false},
		{"CO 80202", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := hasCompanySuffix(tt.text); got != tt.want {
				t.Errorf("hasCompanySuffix(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestClassifyStateCodes: a town line whose state is also a legal form is
// the address's, not the company.
func TestClassifyStateCodes(t *testing.T) {
	tests := []struct {
		name    string
		rows    []row
		company string
		address string
	}{
		{
			name: "Colorado",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Director"),
				stack(100, 400, "Bluebird Garden Supplies", "jane@bluebirdgarden.com", "1700 Lincoln Street", "Denver, CO 80202")),
			company: "Bluebird Garden Supplies",
			address: "1700 Lincoln Street, Denver, CO 80202",
		},
		{
			name: "Nevada",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Director"),
				stack(100, 400, "Bluebird Garden Supplies", "jane@bluebirdgarden.com", "250 Sierra Avenue", "Reno, NV 89501")),
			company: "Bluebird Garden Supplies",
			address: "250 Sierra Avenue, Reno, NV 89501",
		},
		{
			name: "a town line alone",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Sales Director"),
				stack(100, 400, "Bluebird Garden Supplies", "jane@bluebirdgarden.com", "Denver, CO 80202")),
			company: "Bluebird Garden Supplies",
			address: "Denver, CO 80202",
		},
		{
			name: "call me",
			rows: cat(stack(100, 80, 70, "Jane Doe", "Dog Walker"),
				stack(100, 400, "Call me anytime", "jane.doe@gmail.com")),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := firstValues(tt.rows...)
			if got[FieldCompany] != tt.company {
				t.Errorf("company = %q, want %q", got[FieldCompany], tt.company)
			}
			if got[FieldAddress] != tt.address {
				t.Errorf("address = %q, want %q", got[FieldAddress], tt.address)
			}
		})
	}
}

// TestClassifyNameCase: a name printed in capitals comes out in its usual
// case, unless the reader is told to keep names as printed (issue 21, B).
func TestClassifyNameCase(t *testing.T) {
	tests := []struct {
		name    string
		printed string
		keep    bool
		want    string
	}{
		{"capitals", "JANE Q. DOE", false, "Jane Q. Doe"},
		{"a particle and Mc", "ANNA VAN DER MCBRIDE", false, "Anna van der McBride"},
		{"kept as printed", "JANE Q. DOE", true, "JANE Q. DOE"},
		{"usual case", "Jane Q. Doe", false, "Jane Q. Doe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := cat(stack(100, 80, 70, tt.printed, "Senior Product Manager"),
				stack(100, 400, "jane.doe@acmewidgets.com"))
			got := ""
			for _, f := range ClassifyWith(lines(rows...), cardSize, ClassifyOptions{KeepNameCase: tt.keep}) {
				if f.Kind == FieldName {
					got = f.Value
				}
			}
			if got != tt.want {
				t.Errorf("name = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFormAlone: a line that is a legal form and nothing more, as a card
// prints it under the firm's name, whatever the form, or a word that says
// what kind of firm it is and names none alone ("Group"); never a line
// with a name in it, a state's code or another word.
func TestFormAlone(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Ltd", true},
		{"Pty Ltd", true},
		{"Pte. Ltd.", true},
		{"Co., Ltd.", true},
		{"GmbH & Co. KG", true},
		{"Private Limited", true},
		{"S.L.", true},
		{"Unipessoal Lda.", true},
		{"AŞ.", true},
		{"Ltd. Sti.", true},
		{"Stilton", false},
		{"S/A", true},
		{"AG", true},
		{"Co.", true},
		{"K.K.", true},
		{"d.o.o.", true},
		{"d.d.", true},
		{"a.s.", true},
		{"Acme Ltd", false},
		{"Denver, CO", false},
		{"me", false},
		{"Sales Co", false},
		{"Group", true},
		{"HOLDINGS", true},
		{"Sales Group", false},
		{"Groupon", false},
		{"Design", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := formAlone(tt.text); got != tt.want {
				t.Errorf("formAlone(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestMendForms: a legal form OCR misread is written as it is printed.
func TestMendForms(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Sample Pivovara d.0.0.", "Sample Pivovara d.o.o."},
		{"SAMPLE D.0.0.", "SAMPLE D.O.O."},
		{"Sample s.r.0.", "Sample s.r.o."},
		{"Sample Sp. zo.o.", "Sample Sp. z o.o."},
		{"Sample Sp. z 0.o.", "Sample Sp. z o.o."},
		{"Sample Sp. z o.o.", "Sample Sp. z o.o."},
		{"Sample d.o.o.", "Sample d.o.o."},
		{"Studio 0.0.7", "Studio 0.0.7"},
		{"Dozo.o Design", "Dozo.o Design"},
		{"Tidewater AŞ.", "Tidewater A.Ş."},
		{"Tidewater A.Ş.", "Tidewater A.Ş."},
		{"Whinfell Ltd. Sti.", "Whinfell Ltd. Şti."},
		{"Whinfell Ltd. Şti.", "Whinfell Ltd. Şti."},
		{"BAŞ. Studio", "BAŞ. Studio"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := mendForms(tt.text); got != tt.want {
				t.Errorf("mendForms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
