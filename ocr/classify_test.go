package ocr

import (
	"image"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// row is one printed line of an invented card: its text, where it starts
// and how tall its letters are, in pixels on a 1600×1000 card.
type row struct {
	text string
	x, y int
	h    int
	// heights, when given, are the heights of the row's words one by
	// one, as an engine reads a word with a tail below the line or a
	// mark over a capital taller than the others.
	heights []int
}

var cardSize = image.Pt(1600, 1000)

// lines lays rows out as an engine would report them: each word with a box
// as wide as its letters, and lines in reading order.
func lines(rows ...row) []Line {
	var out []Line
	for _, r := range rows {
		h := r.h
		if h == 0 {
			h = 40
		}
		x := r.x
		if x == 0 {
			x = 100
		}
		var words []Word
		for k, w := range strings.Fields(r.text) {
			width := utf8.RuneCountInString(w) * h * 6 / 10
			wh := h
			if k < len(r.heights) {
				wh = r.heights[k]
			}
			words = append(words, Word{Text: w, Box: image.Rect(x, r.y, x+width, r.y+wh), Conf: 90})
			x += width + h*4/10
		}
		out = append(out, NewLine(words))
	}
	sortLines(out)
	return out
}

// stack lays rows out one under the other, each given as text with an
// optional height, from the top of the card.
func stack(x, y int, rows ...any) []row {
	var out []row
	h := 40
	for _, v := range rows {
		switch v := v.(type) {
		case int:
			h = v
			continue
		case string:
			out = append(out, row{text: v, x: x, y: y, h: h})
			y += h * 16 / 10
			h = 40
		}
	}
	return out
}

func cat(rs ...[]row) []row {
	var out []row
	for _, r := range rs {
		out = append(out, r...)
	}
	return out
}

// firstValues classifies the card laid out in rows and gives, for each
// kind of field, the first value found.
func firstValues(rows ...row) map[FieldKind]string {
	got := map[FieldKind]string{}
	for _, f := range Classify(lines(rows...), cardSize) {
		if _, ok := got[f.Kind]; !ok {
			got[f.Kind] = f.Value
		}
	}
	return got
}

type phone struct{ number, kind string }

// want is what a card should give; empty strings mean "absent", and nil
// phones, emails or websites mean none.
type want struct {
	name, title, company, address string
	// suggested says the company is not printed but suggested by the
	// email's or website's domain.
	suggested        bool
	phones           []phone
	emails, websites []string
	noteHas          []string
	noteLacks        []string
}

var classifyCases = []struct {
	name string
	rows []row
	want want
}{
	{
		name: "plain US card",
		rows: cat(
			stack(100, 80, 70, "Jane Q. Doe", "Senior Product Manager"),
			stack(100, 320, 50, "Acme Widgets Ltd"),
			stack(100, 600, "T: (415) 555-0142", "jane.doe@acmewidgets.com", "www.acmewidgets.com", "100 Main Street", "Springfield, IL 62701"),
		),
		want: want{
			name: "Jane Q. Doe", title: "Senior Product Manager", company: "Acme Widgets Ltd",
			phones:   []phone{{"(415) 555-0142", "work"}},
			emails:   []string{"jane.doe@acmewidgets.com"},
			websites: []string{"www.acmewidgets.com"},
			address:  "100 Main Street, Springfield, IL 62701",
		},
	},
	{
		// A website without "www." is told by its domain: the countries
		// whose languages the app reads are among those known.
		name: "a Czech card's website without www",
		rows: cat(
			stack(100, 80, 70, "Jana Příkladová", "Obchodní ředitelka"),
			stack(100, 320, 50, "Vzorek Doprava a.s."),
			stack(100, 600, "Office: +420 212 345 129", "info@vzorek.cz", "Web: vzorek.cz"),
		),
		want: want{
			name: "Jana Příkladová", title: "Obchodní ředitelka", company: "Vzorek Doprava a.s.",
			phones:   []phone{{"+420 212 345 129", "work"}},
			emails:   []string{"info@vzorek.cz"},
			websites: []string{"vzorek.cz"},
		},
	},
	{
		name: "labelled phones and their kinds",
		rows: cat(
			stack(100, 80, 70, "John Roe", "Sales Director"),
			stack(100, 400, "Tel: (415) 555-0100", "Fax: (415) 555-0101", "Mobile: (415) 555-0102", "M (415) 555-0103", "F. (415) 555-0104", "Direct (415) 555-0105"),
		),
		want: want{
			name: "John Roe", title: "Sales Director",
			phones: []phone{
				{"(415) 555-0100", "work"}, {"(415) 555-0101", "fax"}, {"(415) 555-0102", "mobile"},
				{"(415) 555-0103", "mobile"}, {"(415) 555-0104", "fax"}, {"(415) 555-0105", "work"},
			},
		},
	},
	{
		name: "labels glued to numbers, letter-spaced and after the number",
		rows: cat(
			stack(100, 80, 70, "John Roe"),
			stack(100, 400, "TEL:+1 415 555 0110FAX:+1 415 555 0111", "T E L : (415) 555-0112", "(415) 555-0113 Fax"),
		),
		want: want{
			name: "John Roe",
			phones: []phone{
				{"+1 415 555 0110", "work"}, {"+1 415 555 0111", "fax"},
				{"(415) 555-0112", "work"}, {"(415) 555-0113", "fax"},
			},
		},
	},
	{
		name: "the name is the line with its team printed under it, not a logo's letters",
		rows: []row{
			{text: "QUA ZEL", x: 1003, y: 233, h: 68},
			{text: "Quaywell Services", x: 1002, y: 291, h: 52},
			{text: "Teodoro Vallarino", x: 102, y: 353, h: 58},
			{text: "SALES DEPARTMENT", x: 99, y: 422, h: 35},
			{text: "Calle Ficticia 742, Piso 3", x: 107, y: 583, h: 36},
			{text: "C1000AAA - CABA - Argentina", x: 107, y: 628, h: 36},
			{text: "PH: +54 11 4000 1230 to 1231", x: 107, y: 683, h: 33},
			{text: "ventas@quaywell.example", x: 102, y: 776, h: 40},
		},
		want: want{
			name: "Teodoro Vallarino", company: "Quaywell Services", address: "Calle Ficticia 742, Piso 3, C1000AAA - CABA - Argentina",
			phones: []phone{{"+54 11 4000 1230", "work"}}, emails: []string{"ventas@quaywell.example"},
			noteHas: []string{"QUA ZEL", "SALES DEPARTMENT"}, noteLacks: []string{"1231"},
		},
	},
	{
		name: "an icon before an email read on the name's line, from the other column",
		rows: []row{
			{text: "Tel/Fax: +1 201-555-0846", x: 902, y: 306, h: 40},
			{text: "Teodoro Vallarino m tvallarino@quaywell.example", x: 117, y: 336, h: 50},
			{text: "m quaywell.example", x: 904, y: 431, h: 47},
			{text: "Quaywell Co.", x: 118, y: 528, h: 63},
		},
		want: want{
			name: "Teodoro Vallarino", company: "Quaywell Co.",
			phones: []phone{{"+1 201-555-0846", "work"}}, emails: []string{"tvallarino@quaywell.example"},
			websites: []string{"quaywell.example"},
		},
	},
	{
		name: "one icon read as the same letter before every detail is no label",
		rows: cat(stack(100, 80, 70, "John Roe"),
			stack(100, 400, "m (415) 555-0160", "m john@quaywell.example", "m quaywell.example")),
		want: want{
			name: "John Roe", phones: []phone{{"(415) 555-0160", "work"}},
			emails: []string{"john@quaywell.example"}, websites: []string{"quaywell.example"}, suggested: true, company: "Quaywell",
		},
	},
	{
		name: "labels that differ are labels",
		rows: cat(stack(100, 80, 70, "John Roe"),
			stack(100, 400, "M (415) 555-0161", "E john@quaywell.example", "W quaywell.example")),
		want: want{
			name: "John Roe", phones: []phone{{"(415) 555-0161", "mobile"}},
			emails: []string{"john@quaywell.example"}, websites: []string{"quaywell.example"}, suggested: true, company: "Quaywell",
		},
	},
	{
		name: "one number for the phone and the fax is the phone",
		rows: cat(
			stack(100, 80, 70, "John Roe"),
			stack(100, 400, "Tel/Fax: (415) 555-0150", "Phone & Fax (415) 555-0151", "T/F: (415) 555-0152", "Fone/Fax: (415) 555-0153", "Telefax: (415) 555-0154"),
		),
		want: want{
			name: "John Roe",
			phones: []phone{
				{"(415) 555-0150", "work"}, {"(415) 555-0151", "work"}, {"(415) 555-0152", "work"},
				{"(415) 555-0153", "work"}, {"(415) 555-0154", "fax"},
			},
			noteLacks: []string{"Tel", "Fax", "Phone", "T/F"},
		},
	},
	{
		name: "two numbers read as one run, and a tax number",
		rows: cat(
			stack(100, 80, 70, "John Roe"),
			stack(100, 400, "415 555 0120 415 555 0121 Fax", "Tax code: 0123456789"),
		),
		want: want{
			name:      "John Roe",
			phones:    []phone{{"415 555 0120", "work"}, {"415 555 0121", "fax"}},
			noteHas:   []string{"Tax code"},
			noteLacks: []string{"Fax"},
		},
	},
	{
		name: "label printed in a column of its own",
		rows: cat(
			stack(100, 80, 70, "John Roe"),
			[]row{
				{text: "DIRECT", x: 100, y: 400, h: 24}, {text: "(415) 555-0130", x: 330, y: 395, h: 40},
				{text: "FAX", x: 100, y: 460, h: 24}, {text: "(415) 555-0131", x: 330, y: 455, h: 40},
			},
		),
		want: want{
			name:   "John Roe",
			phones: []phone{{"(415) 555-0130", "work"}, {"(415) 555-0131", "fax"}},
		},
	},
	{
		name: "country code with a bracket for its last digit",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "& +8) 3 1234-5678", "E-mail: taro@widgetworks.co.jp"),
		),
		want: want{
			name: "Taro Example", company: "Widgetworks", suggested: true,
			phones: []phone{{"+81 3 1234-5678", "work"}},
			emails: []string{"taro@widgetworks.co.jp"},
		},
	},
	{
		name: "emails with OCR spaces",
		rows: cat(
			stack(100, 80, 70, "Jane Doe"),
			stack(100, 400, "E-mail: jane. doe @ acmewidgets.com", "Mail. sales@acmewidgets.com"),
		),
		want: want{
			name: "Jane Doe", company: "Acmewidgets", suggested: true,
			emails: []string{"jane.doe@acmewidgets.com", "sales@acmewidgets.com"},
		},
	},
	{
		name: "websites with and without a scheme, and OCR slips",
		rows: cat(
			stack(100, 80, 70, "Jane Doe"),
			stack(100, 400, "http://acmewidgets.com/", "WWW.ACMEWIDGETS.ORG", "URL: htto//www.acme-widgets.net", "www. bluebird. com", "www.gadgets.co,uk", "GADGETS.ORG/Shop"),
		),
		want: want{
			name: "Jane Doe", company: "Acmewidgets", suggested: true,
			// A host in any case is the same host: it is kept in small
			// letters, and a path as printed.
			websites: []string{
				"http://acmewidgets.com/", "www.acmewidgets.org", "http://www.acme-widgets.net",
				"www.bluebird.com", "www.gadgets.co.uk", "gadgets.org/Shop",
			},
		},
	},
	{
		name: "a garbled top-level domain mended by the email",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "E-mail : t.example@widgetworks.ne.jp", "URL : http://www.widgetworks.ne.ijo"),
		),
		want: want{
			name: "Taro Example", company: "Widgetworks", suggested: true,
			emails:   []string{"t.example@widgetworks.ne.jp"},
			websites: []string{"http://www.widgetworks.ne.jp"},
		},
	},
	{
		name: "a garbled top-level domain mended on its own",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "E-mail : t.example@widgetworks.ne.ijp"),
		),
		want: want{
			name: "Taro Example", company: "Widgetworks", suggested: true,
			emails: []string{"t.example@widgetworks.ne.jp"},
		},
	},
	{
		name: "a website split by spaces joined to match the email",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "taro@bluefinch.jp", "www. blue finch. jp"),
		),
		want: want{
			name: "Taro Example", company: "Bluefinch", suggested: true,
			emails:   []string{"taro@bluefinch.jp"},
			websites: []string{"www.bluefinch.jp"},
		},
	},
	{
		name: "company by legal suffix read with a capital I",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 300, "General Manager", "Bluebird co., Itd."),
		),
		want: want{name: "Taro Example", title: "General Manager", company: "Bluebird co., Ltd."},
	},
	{
		name: "ltd read with a small i",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 300, "General Manager", "Bluebird co, itd."),
		),
		want: want{name: "Taro Example", title: "General Manager", company: "Bluebird co., ltd."},
	},
	{
		name: "a website's country code misread as another country's: the card's numbers tell which",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "TEL +81-3-5555-0100", "E-mail : t.example@widgetworks.ne.jp", "URL : http://www.widgetworks.ne.io"),
		),
		want: want{
			name: "Taro Example", company: "Widgetworks", suggested: true,
			phones:   []phone{{"+81-3-5555-0100", "work"}},
			emails:   []string{"t.example@widgetworks.ne.jp"},
			websites: []string{"http://www.widgetworks.ne.jp"},
		},
	},
	{
		name: "an email cut short at a misread letter of its country code",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "E-mail taro@widgetworks.co.]p", "URL http://www.widgetworks.co.jp/"),
		),
		want: want{
			name: "Taro Example", company: "Widgetworks", suggested: true,
			emails:   []string{"taro@widgetworks.co.jp"},
			websites: []string{"http://www.widgetworks.co.jp/"},
		},
	},
	{
		name: "a dot read as a space before a website's country code",
		rows: cat(
			stack(100, 80, 70, "Taro Example"),
			stack(100, 400, "URL: http://www.widgetworks.co jp", "E-mail : taro@ns.widgetworks.co.jp"),
		),
		want: want{
			name: "Taro Example", company: "Widgetworks", suggested: true,
			emails:   []string{"taro@ns.widgetworks.co.jp"},
			websites: []string{"http://www.widgetworks.co.jp"},
		},
	},
	{
		name: "a legal form written with a letter with marks",
		rows: cat(
			stack(100, 80, 70, "Emre Example", "Sales Manager"),
			stack(100, 330, "KESTREL LOJİSTİK TAŞIMACILIK A.Ş.", "M: +90 532 555 01 00"),
		),
		want: want{
			name: "Emre Example", title: "Sales Manager", company: "KESTREL LOJİSTİK TAŞIMACILIK A.Ş.",
			phones: []phone{{"+90 532 555 01 00", "mobile"}},
		},
	},
	{
		name: "a line that leads into the company's name is not the company",
		rows: cat(
			stack(100, 80, 60, "The Guild of Ferrymen"),
			stack(500, 180, 30, "IN ASSOCIATION WITH"),
			stack(100, 240, "HARBOURSIDE ROPEWORKS"),
			stack(100, 500, 60, "Jane Example", "Senior Legal Counsel"),
		),
		want: want{name: "Jane Example", title: "Senior Legal Counsel", company: "The Guild of Ferrymen", noteHas: []string{"IN ASSOCIATION WITH"}},
	},
	{
		name: "a building named after the firm is not its fuller name",
		rows: cat(
			stack(100, 80, 70, "Marlow Freight"),
			stack(100, 220, 50, "Jane Example", "CEO"),
			stack(100, 500, "E-mail: jane@marlowfreight.example", "Marlow Freight Building", "12 Harbour Road"),
		),
		want: want{
			name: "Jane Example", title: "CEO", company: "Marlow Freight",
			emails:  []string{"jane@marlowfreight.example"},
			address: "12 Harbour Road", noteHas: []string{"Marlow Freight Building"},
		},
	},
	{
		name: "the name goes by the word after an initial, and a role's email names no one",
		rows: cat(
			stack(100, 80, 60, "B. Oriel Quandt", "PROJECT MANAGER-EUROPE"),
			stack(100, 400, "oriel@quandtworks.example", "projects.eu@quandtworks.example"),
		),
		want: want{
			name: "B. Oriel Quandt", title: "PROJECT MANAGER-EUROPE",
			emails: []string{"oriel@quandtworks.example", "projects.eu@quandtworks.example"},
		},
	},
	{
		name: "an initial, or a name holding a job's letters, is no role: the email agrees with the name",
		rows: cat(
			stack(100, 80, 70, "LEONOR I. PATRÍCIO"),
			stack(100, 200, "Advogado"),
			stack(900, 400, "lpatricio@kestrel.example"),
		),
		want: want{name: "Leonor I. Patrício", company: "Kestrel", suggested: true, emails: []string{"lpatricio@kestrel.example"}},
	},
	{
		name: "a country code glued to the number after it tells the country",
		rows: cat(
			stack(100, 80, 70, "Jane Example"),
			stack(100, 400, "Mob: +6016 555 0142", "Tel: 03-5555 0123", "202001020730 (1377050-P)", "www.kestrelgroup.in"),
		),
		want: want{
			name: "Jane Example", company: "Kestrelgroup", suggested: true,
			phones:   []phone{{"+6016 555 0142", "mobile"}, {"03-5555 0123", "work"}},
			websites: []string{"www.kestrelgroup.in"},
		},
	},
	{
		name: "the rest of the domain's name printed above the company, one letter off but read surely",
		rows: cat(
			stack(100, 80, 120, "IRKA"),
			stack(100, 230, 60, "XPRESS"),
			stack(900, 500, "Jane Example"),
			stack(100, 700, "jane@rkaxpress.example"),
		),
		want: want{name: "Jane Example", company: "IRKA XPRESS", emails: []string{"jane@rkaxpress.example"}},
	},
	{
		name: "the rest of the domain's name printed under the company, as printed",
		rows: cat(
			stack(100, 80, 90, "KPS"),
			stack(250, 180, "Express"),
			stack(100, 300, 60, "Jane Example"),
			stack(100, 700, "E-mail: jane@kpsxpress.example"),
		),
		want: want{name: "Jane Example", company: "KPS Express", emails: []string{"jane@kpsxpress.example"}},
	},
	{
		name: "company by agreement with the email domain",
		rows: cat(
			stack(100, 80, 60, "Zephyrine"),
			stack(100, 300, 60, "Mary Major", "Account Executive"),
			stack(100, 600, "mary@zephyrine.example.com"),
		),
		want: want{name: "Mary Major", title: "Account Executive", company: "Zephyrine", emails: []string{"mary@zephyrine.example.com"}},
	},
	{
		name: "company named after the domain when no line names it",
		rows: cat(
			stack(100, 80, 70, "Mary Major"),
			stack(100, 400, "mary@zephyrine.example.com"),
		),
		want: want{name: "Mary Major", company: "Zephyrine", suggested: true, emails: []string{"mary@zephyrine.example.com"}},
	},
	{
		name: "company over two lines, and a logo over its full name",
		rows: cat(
			stack(100, 80, 45, "Institute for Widget Sciences, Gadget Studies", 45, "and Doohickey Engineering"),
			stack(100, 300, 60, "Mary Major", "Programme Coordinator"),
		),
		want: want{
			name: "Mary Major", title: "Programme Coordinator",
			company: "Institute for Widget Sciences, Gadget Studies and Doohickey Engineering",
		},
	},
	{
		name: "logo abbreviation and the full legal name",
		rows: cat(
			stack(100, 60, 30, "WIDGET GRILL"),
			stack(100, 200, 60, "JOHN ROE", "INTERN"),
			stack(900, 500, "ACME WIDGET GRILL, INC.", "1 MAIN STREET", "SPRINGFIELD, IL 62701"),
		),
		want: want{name: "John Roe", title: "INTERN", company: "ACME WIDGET GRILL, INC.", address: "1 MAIN STREET, SPRINGFIELD, IL 62701"},
	},
	{
		name: "name chosen by email agreement over a larger line",
		rows: cat(
			stack(100, 60, 90, "Ocean View"),
			stack(100, 300, 50, "Mary Major"),
			stack(100, 500, "Software Engineer", "mmajor@oceanview.example.com"),
		),
		want: want{name: "Mary Major", title: "Software Engineer", company: "Ocean View", emails: []string{"mmajor@oceanview.example.com"}},
	},
	{
		name: "name chosen by size and position",
		rows: cat(
			stack(100, 60, 80, "Pat Smith"),
			stack(100, 170, "Project Lead", "Bluebird Consulting"),
			stack(100, 600, "Kind Regards"),
		),
		want: want{name: "Pat Smith", title: "Project Lead", company: "Bluebird Consulting", noteHas: []string{"Kind Regards"}},
	},
	{
		name: "name with a particle",
		rows: cat(
			stack(100, 60, 70, "Anna van der Berg", "Managing Partner"),
			stack(100, 400, "Tel.No: +31 20 555 0170"),
		),
		want: want{name: "Anna van der Berg", title: "Managing Partner", phones: []phone{{"+31 20 555 0170", "work"}}},
	},
	{
		// Five words, two of them particles: three words and an initial.
		name: "name with an initial and two particles",
		rows: cat(
			stack(100, 60, 70, "Sanne K. van den Wiel", "Accountmanager", "Dorrel Bakkerij B.V."),
			stack(100, 400, "T: +31 20 555 0170"),
		),
		want: want{name: "Sanne K. van den Wiel", title: "Accountmanager", company: "Dorrel Bakkerij B.V.", phones: []phone{{"+31 20 555 0170", "work"}}},
	},
	{
		name: "label words kept on lines without contact details",
		rows: cat(
			stack(100, 60, 70, "Jane Doe", "Web Designer"),
			stack(100, 400, "E-mail", "jane@gmail.com"),
		),
		want: want{name: "Jane Doe", title: "Web Designer", emails: []string{"jane@gmail.com"}, noteLacks: []string{"mail"}},
	},
	{
		name: "lower-case name the email confirms",
		rows: cat(
			stack(1000, 400, "jane doe", "general manager", "t (415) 555-0140", "jane@acmewidgets.com"),
		),
		want: want{name: "jane doe", title: "general manager", company: "Acmewidgets", suggested: true, phones: []phone{{"(415) 555-0140", "work"}}, emails: []string{"jane@acmewidgets.com"}},
	},
	{
		name: "degrees after the name and a practice name",
		rows: cat(
			stack(100, 60, "Ph: (415) 555-0150"),
			stack(100, 200, 65, "JOHN Q. PUBLIC, D.D.S.", 60, "Bright Smile Dentistry"),
			stack(100, 500, "Open Weekdays", "Walk-ins Welcome"),
		),
		want: want{name: "John Q. Public, D.D.S.", company: "Bright Smile Dentistry", phones: []phone{{"(415) 555-0150", "work"}}},
	},
	{
		name: "name and title side by side",
		rows: cat(
			stack(100, 60, 90, "ACMEWIDGETS"),
			stack(500, 400, "Jane Doe Founder & CEO"),
			stack(500, 500, "jdoe@acmewidgets.com"),
		),
		want: want{name: "Jane Doe", title: "Founder & CEO", company: "ACMEWIDGETS", emails: []string{"jdoe@acmewidgets.com"}},
	},
	{
		name: "title far from the name is a tagline",
		rows: cat(
			stack(100, 60, 80, "Mary Major"),
			stack(100, 200, "mary@zephyrine.example.com"),
			stack(1000, 850, 30, "GROWTH COACH"),
		),
		want: want{name: "Mary Major", company: "Zephyrine", suggested: true, emails: []string{"mary@zephyrine.example.com"}},
	},
	{
		name: "department under the title stays out of it",
		rows: cat(
			stack(100, 60, 80, "Taro Example", "Deputy Manager", "Widget Testing Section", "Gadget Planning Department"),
		),
		want: want{name: "Taro Example", title: "Deputy Manager", noteHas: []string{"Widget Testing Section"}},
	},
	{
		name: "messenger handle is not the company",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 300, "jane.doe@acmewidgets.com", "skype: jane.doe-acmewidgets"),
		),
		want: want{name: "Jane Doe", company: "Acmewidgets", suggested: true, emails: []string{"jane.doe@acmewidgets.com"}, noteHas: []string{"skype"}},
	},
	{
		name: "UK address",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "12 Sample Road", "Exampleton", "London AB1 2CD", "United Kingdom"),
		),
		want: want{name: "Jane Doe", address: "12 Sample Road, Exampleton, London AB1 2CD, United Kingdom"},
	},
	{
		name: "Singapore address",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "10 Sample Street #05-01", "Singapore 123456"),
		),
		want: want{name: "Jane Doe", address: "10 Sample Street #05-01, Singapore 123456"},
	},
	{
		name: "Australian address",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "Level 5, 1 Sample Street", "Sydney NSW 2000", "Australia"),
		),
		want: want{name: "Jane Doe", address: "Level 5, 1 Sample Street, Sydney NSW 2000, Australia"},
	},
	{
		name: "Belgian address on one line",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "Voorbeeldstraat 12a, B-2000 Antwerpen, Belgium", "tel: +32 3 555 01 70"),
		),
		want: want{name: "Jane Doe", address: "Voorbeeldstraat 12a, B-2000 Antwerpen, Belgium", phones: []phone{{"+32 3 555 01 70", "work"}}},
	},
	{
		name: "two numbers of one area side by side behind icons: phone and fax",
		rows: cat(
			stack(100, 60, 70, "Taro Example"),
			stack(100, 400, "dy +81 3 1234-5678"),
			stack(700, 400, "fe +81 3 1234-5679"),
		),
		want: want{name: "Taro Example", phones: []phone{{"+81 3 1234-5678", "work"}, {"+81 3 1234-5679", "fax"}}},
	},
	{
		name: "two numbers side by side without labels, in two areas",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "(415) 555-0130"),
			stack(700, 400, "(212) 555-0131"),
		),
		want: want{name: "Jane Doe", phones: []phone{{"(415) 555-0130", "work"}, {"(212) 555-0131", "work"}}},
	},
	{
		name: "two numbers of one area stacked without labels",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "(415) 555-0130", "(415) 555-0131"),
		),
		want: want{name: "Jane Doe", phones: []phone{{"(415) 555-0130", "work"}, {"(415) 555-0131", "work"}}},
	},
	{
		name: "numbers behind one icon letter, the last of the office's exchange under it: its fax",
		rows: cat(
			stack(100, 60, 70, "Zoran Example"),
			stack(100, 400, "m +385 1 2345 079", "m +385 92 123 4796", "m +385 1 2345 647", "m zoran@halcyon.hr", "m www.halcyon.hr"),
		),
		want: want{
			name: "Zoran Example", phones: []phone{{"+385 1 2345 079", "work"}, {"+385 92 123 4796", "mobile"}, {"+385 1 2345 647", "fax"}},
			emails: []string{"zoran@halcyon.hr"}, websites: []string{"www.halcyon.hr"}, company: "Halcyon", suggested: true,
		},
	},
	{
		name: "two landlines of one area stacked behind icons, of two exchanges",
		rows: cat(
			stack(100, 60, 70, "Zoran Example"),
			stack(100, 400, "m +385 1 2345 079", "m +385 1 4567 647", "m zoran@halcyon.hr", "m www.halcyon.hr"),
		),
		want: want{
			name: "Zoran Example", phones: []phone{{"+385 1 2345 079", "work"}, {"+385 1 4567 647", "work"}},
			emails: []string{"zoran@halcyon.hr"}, websites: []string{"www.halcyon.hr"}, company: "Halcyon", suggested: true,
		},
	},
	{
		name: "a landline beside a mobile, without labels",
		rows: cat(
			stack(100, 60, 70, "Taro Example"),
			stack(100, 400, "+81 3 1234-5678"),
			stack(700, 400, "+81 90 1234-5678"),
		),
		want: want{name: "Taro Example", phones: []phone{{"+81 3 1234-5678", "work"}, {"+81 90 1234-5678", "mobile"}}},
	},
	{
		name: "two labelled numbers side by side keep their labels",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "Direct (415) 555-0130"),
			stack(700, 400, "Office (415) 555-0131"),
		),
		want: want{name: "Jane Doe", phones: []phone{{"(415) 555-0130", "work"}, {"(415) 555-0131", "work"}}},
	},
	{
		name: "floor read with a letter for its number, and a legal form's lost full stop",
		rows: cat(
			stack(100, 60, 70, "Taro Example"),
			stack(100, 300, "Example co, Ltd.", "SF Sample Bldg., 1-2-3 Sample, Sample-ku, Tokyo, 100-0001"),
		),
		want: want{name: "Taro Example", company: "Example co., Ltd.", address: "5F Sample Bldg., 1-2-3 Sample, Sample-ku, Tokyo, 100-0001"},
	},
	{
		name: "a legal form's full stop read as a second comma",
		rows: cat(
			stack(100, 60, 70, "Taro Example"),
			stack(100, 300, "General Manager", "Example co,, Ltd."),
		),
		want: want{name: "Taro Example", title: "General Manager", company: "Example co., Ltd."},
	},
	{
		name: "floor read as digits stays as it is",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 300, "12F, 1-2-3 Sample, Sample-ku, Tokyo 100-0001", "TEL +81-3-1234-5678"),
		),
		want: want{name: "Jane Doe", address: "12F, 1-2-3 Sample, Sample-ku, Tokyo 100-0001", phones: []phone{{"+81-3-1234-5678", "work"}}},
	},
	{
		name: "Japanese romanised address, the first of several offices",
		rows: cat(
			stack(100, 60, 70, "Taro Example"),
			stack(100, 300, "TOKYO : 1-2-3-4F Sample-building Sample-ku", "Tokyo 100-0001, JAPAN", "TEL +81-3-1234-5678",
				"OSAKA : 5-6-7 Example-cho Other-ku", "Osaka 530-0001, JAPAN"),
		),
		want: want{
			name:    "Taro Example",
			address: "1-2-3-4F Sample-building Sample-ku, Tokyo 100-0001, JAPAN",
			phones:  []phone{{"+81-3-1234-5678", "work"}},
			noteHas: []string{"OSAKA"},
		},
	},
	{
		name: "a house number and place names with commas",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 400, "7C Sample Long Road, Example Ward,", "Sample District, Big City"),
		),
		want: want{name: "Jane Doe", address: "7C Sample Long Road, Example Ward, Sample District, Big City"},
	},
	{
		name: "a company named like a country is no address",
		rows: cat(
			stack(100, 60, 70, "Taro Example"),
			stack(100, 300, 30, "Gadget Alliance Japan"),
			stack(100, 360, 50, "Gadget Alliance Japan Inc."),
			stack(100, 450, "Sample Grand Tower, 4-5-6 Example, Sample-ku,", "Tokyo 105-0001, Japan"),
		),
		want: want{
			name: "Taro Example", company: "Gadget Alliance Japan Inc.",
			address: "Sample Grand Tower, 4-5-6 Example, Sample-ku, Tokyo 105-0001, Japan",
		},
	},
	{
		name: "leftovers go to the note",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			stack(100, 300, "Appointment reminder:", "Call ahead to reschedule"),
		),
		want: want{name: "Jane Doe", noteHas: []string{"Appointment reminder", "Call ahead"}},
	},
	{
		name: "an address given with its label, whatever it holds",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Sales Director"),
			stack(100, 400, "Phone: +966 11 234 5678", "Address: Saudi Arabia Riyadh, Sample District, Example Ring"),
		),
		want: want{
			name: "Jane Example", title: "Sales Director", phones: []phone{{"+966 11 234 5678", "work"}},
			address: "Saudi Arabia Riyadh, Sample District, Example Ring",
		},
	},
	{
		name: "an address on one line, its parts parted by bars, ending with a country",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "General Manager"),
			stack(100, 400, 28, "B7 - 11/12 Sample Industrial Area | Abu Dhabi | United Arab Emirates"),
		),
		want: want{
			name: "Jane Example", title: "General Manager",
			address: "B7 - 11/12 Sample Industrial Area Abu Dhabi United Arab Emirates",
		},
	},
	{
		name: "an address label alone on its line is no job",
		rows: cat(
			stack(100, 60, 70, "Jane Example"),
			stack(100, 300, "Head Office", "Sample Street 113, 3rd Floor", "1070 Sample Town, Argentina"),
		),
		want: want{name: "Jane Example", address: "Sample Street 113, 3rd Floor, 1070 Sample Town, Argentina", noteHas: []string{"Head Office"}},
	},
	{
		name: "a Brazilian postcode makes a town line",
		rows: cat(
			stack(100, 60, 70, "Joana Exemplo"),
			stack(100, 300, "Rua das Amostras, 96", "São Paulo - SP, 01234-567", "Brasil"),
		),
		want: want{name: "Joana Exemplo", address: "Rua das Amostras, 96, São Paulo - SP, 01234-567, Brasil"},
	},
	{
		name: "a letter apart (ł) is no slip between the name and the email",
		rows: cat(
			stack(100, 60, 70, "Małgorzata Nowak", "Sales Manager"),
			stack(100, 300, "malgorzata@example.pl"),
		),
		want: want{name: "Małgorzata Nowak", title: "Sales Manager", company: "Example", suggested: true, emails: []string{"malgorzata@example.pl"}},
	},
	{
		name: "a city and a country alone are the address",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Sales Manager"),
			stack(100, 300, "Rotterdam, The Netherlands", "jane@example.nl"),
		),
		want: want{name: "Jane Example", title: "Sales Manager", address: "Rotterdam, The Netherlands", emails: []string{"jane@example.nl"}},
	},
	{
		name: "a country of the longer list after its city",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Sales Manager"),
			stack(100, 300, "Budapest, Hungary", "jane@example.hu"),
		),
		want: want{name: "Jane Example", title: "Sales Manager", address: "Budapest, Hungary", emails: []string{"jane@example.hu"}},
	},
	{
		name: "a firm's name with its legal form is never the person's",
		rows: cat(
			stack(100, 60, 90, "Grace Trading LLC"),
			stack(100, 300, "Sample Holdings Ltd", "info@sampleholdings.example"),
		),
		want: want{company: "Sample Holdings Ltd", emails: []string{"info@sampleholdings.example"}, noteHas: []string{"Grace Trading LLC"}},
	},
	{
		name: "a letter of the name read as a digit or a sign",
		rows: cat(
			stack(100, 60, 70, "Danie1 Exampleton", "Account Manager"),
			stack(100, 400, "Examp¢o Freight Ltd"),
		),
		want: want{name: "Daniel Exampleton", title: "Account Manager", company: "Examp¢o Freight Ltd"},
	},
	{
		name: "an email whose @ was read as &, the website on the card",
		rows: cat(
			stack(100, 60, 70, "Anaya Examplewood", "Actuary"),
			stack(100, 400, "Vizu Orchards Pte Ltd", "aexamplewood & vizu.com.sg", "Web: www.vizu.com.sg"),
		),
		want: want{
			name: "Anaya Examplewood", title: "Actuary", company: "Vizu Orchards Pte Ltd",
			emails: []string{"aexamplewood@vizu.com.sg"}, websites: []string{"www.vizu.com.sg"},
		},
	},
	{
		name: "an email whose @ was lost, labelled, its website's scheme read into the host",
		rows: cat(
			stack(100, 60, 70, "Graca Examplo", "Engenheiro civil"),
			stack(100, 400, "Rifaor S.A.", "E graca rifaor.pt", "Web: hmpsirifaor.pt"),
		),
		want: want{
			name: "Graca Examplo", title: "Engenheiro civil", company: "Rifaor S.A.",
			emails: []string{"graca@rifaor.pt"}, websites: []string{"rifaor.pt"},
		},
	},
	{
		name: "an @ read as a letter after the name in the email",
		rows: cat(
			stack(100, 60, 70, "Maribel S. Tennant", "Optometrist"),
			stack(100, 400, "Amberly Brewing", "E maribel.tennantd amberly.com", "W https://amberly.com"),
		),
		want: want{
			name: "Maribel S. Tennant", title: "Optometrist", company: "Amberly Brewing",
			emails: []string{"maribel.tennant@amberly.com"}, websites: []string{"https://amberly.com"},
		},
	},
	{
		name: "the family name's initial after the given name in the email is kept",
		rows: cat(
			stack(100, 60, 70, "Thandiwe Nkosi", "Actuary"),
			stack(100, 400, "Bramblegate Pty Limited", "E thandiwen bramblegate.com.au", "W: bramblegate.com.au"),
		),
		want: want{
			name: "Thandiwe Nkosi", title: "Actuary", company: "Bramblegate Pty Limited",
			emails: []string{"thandiwen@bramblegate.com.au"}, websites: []string{"bramblegate.com.au"},
		},
	},
	{
		name: "a space beside the underscore of an email",
		rows: cat(
			stack(100, 60, 70, "Sławomir Examplewicz", "Radca prawny"),
			stack(100, 400, "Rowanoak Spedycja", "slawomir _examplewicz @rowanoak.pl"),
		),
		want: want{
			name: "Sławomir Examplewicz", title: "Radca prawny", company: "Rowanoak Spedycja",
			emails: []string{"slawomir_examplewicz@rowanoak.pl"},
		},
	},
	{
		name: "an email whose @ was read as #, a space after a dot of its host",
		rows: cat(
			stack(100, 60, 70, "Lomertho Examplez", "Asesora fiscal"),
			stack(100, 400, "Stonechat", "Email. lexamplez # stonechat. es"),
		),
		want: want{
			name: "Lomertho Examplez", title: "Asesora fiscal", company: "Stonechat",
			emails: []string{"lexamplez@stonechat.es"},
		},
	},
	{
		name: "a street's one-digit house number read as a letter, over the town line",
		rows: cat(
			stack(100, 60, 70, "Aurélien Example", "Chargée d'affaires"),
			stack(100, 300, "Rowanoak Brasserie", "aurelien@rowanoak.fr", "S rue Pasteur", "17020 Bordeaux", "France"),
		),
		want: want{
			name: "Aurélien Example", title: "Chargée d'affaires", company: "Rowanoak Brasserie",
			address: "5 rue Pasteur, 17020 Bordeaux, France", emails: []string{"aurelien@rowanoak.fr"},
		},
	},
	{
		name: "no label, no mark and no website: two words are no email",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Sales Manager"),
			stack(100, 400, "Acme Widgets Ltd", "Seaside acme.com"),
		),
		want: want{name: "Jane Example", title: "Sales Manager", company: "Acme Widgets Ltd", websites: []string{"acme.com"}},
	},
	{
		name: "a shop's name printed large, a brand's tagline printed small above it",
		rows: cat(
			stack(100, 60, 45, "Ravi Examplekar"),
			stack(820, 300, 12, "SAMPLE COOLING SYSTEMS"),
			stack(100, 330, 150, "KIRAN TRADERS"),
			stack(100, 560, 38, "Plot No. 12, First Floor, Near City Mall", "Model Town, Pune 411001", "M : +91 98765-10042", "ravi.examplekar@gmail.com"),
		),
		want: want{
			name: "Ravi Examplekar", company: "KIRAN TRADERS", address: "Plot No. 12, First Floor, Near City Mall, Model Town, Pune 411001",
			phones: []phone{{"+91 98765-10042", "mobile"}}, emails: []string{"ravi.examplekar@gmail.com"},
			noteHas: []string{"SAMPLE COOLING SYSTEMS"},
		},
	},
	{
		name: "a letter of a name in romaji read as a digit, on a card from Japan",
		rows: cat(
			stack(100, 60, 70, "Shunpe1 Examplemura", "Deputy Manager"),
			stack(100, 400, "Sample Network Japan Inc.", "Tel: +81-3-5555-0100", "ko-examplemura@sample.co.jp"),
		),
		want: want{
			name: "Shunpei Examplemura", title: "Deputy Manager", company: "Sample Network Japan Inc.",
			phones: []phone{{"+81-3-5555-0100", "work"}}, emails: []string{"ko-examplemura@sample.co.jp"},
		},
	},
	{
		name: "a name with a mark just before letters that spell a job",
		rows: cat(
			stack(100, 60, 70, "Beldan Patrício", 50, "Engenheiro civil", 56, "Sample Carpintaria Ltda"),
			stack(100, 500, "beldan_patricio@sample.example"),
		),
		want: want{
			name: "Beldan Patrício", title: "Engenheiro civil", company: "Sample Carpintaria Ltda",
			emails: []string{"beldan_patricio@sample.example"},
		},
	},
	{
		name: "a Japanese label left beside its number is no name",
		rows: cat(
			stack(100, 60, 60, "株式会社サンプル商事", 50, "Hanako Yamada"),
			stack(100, 400, "携帯 090-1234-5678", "hanako@sample.co.jp"),
		),
		want: want{
			name: "Hanako Yamada", company: "株式会社サンプル商事", phones: []phone{{"090-1234-5678", "mobile"}},
			emails: []string{"hanako@sample.co.jp"},
		},
	},
	{
		name: "a name in large lower-case letters over two lines, its email cut short",
		rows: cat(
			stack(100, 60, 120, "mira", 150, "van dijk"),
			stack(100, 700, 50, "founder & director", "mira@examplefirm.a"),
		),
		want: want{name: "mira van dijk", title: "founder & director", noteHas: []string{"mira@examplefirm.a"}},
	},
	{
		name: "a tagline under a name that ends with its legal form",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Account Manager"),
			stack(100, 400, 50, "Sample Printworks Pty Limited", "Crafted with care"),
			stack(100, 600, "Design * Print * Signage", "jane@sampleprint.example"),
		),
		want: want{
			name: "Jane Example", title: "Account Manager", company: "Sample Printworks Pty Limited",
			emails: []string{"jane@sampleprint.example"}, noteHas: []string{"Crafted with care"},
		},
	},
	{
		name: "a tagline under a firm's name that its domain spells",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Account Manager"),
			stack(100, 400, 50, "Sample Printworks", "Crafted with care"),
			stack(100, 600, "jane@sampleprintworks.example"),
		),
		want: want{
			name: "Jane Example", title: "Account Manager", company: "Sample Printworks",
			emails: []string{"jane@sampleprintworks.example"}, noteHas: []string{"Crafted with care"},
		},
	},
	{
		name: "a tagline written as a sentence under a firm's name",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Account Manager"),
			stack(100, 400, 50, "Sample Ridge Orchards", "Crafted with care"),
			stack(100, 600, "jane@sampleridge.example"),
		),
		want: want{
			name: "Jane Example", title: "Account Manager", company: "Sample Ridge Orchards",
			emails: []string{"jane@sampleridge.example"}, noteHas: []string{"Crafted with care"},
		},
	},
	{
		name: "services under a firm's name that its domain spells with the legal form",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Account Manager"),
			stack(100, 400, 50, "Sample", "Design * Print Signage"),
			stack(100, 600, "jane@sampleltd.example"),
		),
		want: want{
			name: "Jane Example", title: "Account Manager", company: "Sample",
			emails: []string{"jane@sampleltd.example"}, noteHas: []string{"Design * Print Signage"},
		},
	},
	{
		name: "the firm's name on two lines, its domain spelling both",
		rows: cat(
			stack(100, 60, 70, "Jane Example", "Account Manager"),
			stack(100, 400, 50, "Sample", 50, "Trading"),
			stack(100, 600, "jane@sampletrading.example"),
		),
		want: want{name: "Jane Example", title: "Account Manager", company: "Sample Trading", emails: []string{"jane@sampletrading.example"}},
	},
	{
		name: "a name in capitals split by a mark read as a sign",
		rows: cat(
			stack(100, 60, 90, "ZOFIA WO ]JCIK", "Sales Manager"),
			stack(100, 400, "zofia_wojcik@example.pl"),
		),
		want: want{name: "Zofia Wojcik", title: "Sales Manager", company: "Example", suggested: true, emails: []string{"zofia_wojcik@example.pl"}},
	},
	{
		name: "a sign between a name's letters",
		rows: cat(
			stack(100, 60, 90, "ZOFIA WO]JCIK", "Sales Manager"),
			stack(100, 400, "zofia@example.pl"),
		),
		want: want{name: "Zofia Wojcik", title: "Sales Manager", company: "Example", suggested: true, emails: []string{"zofia@example.pl"}},
	},
	{
		name: "a particle printed apart from the name the email joins",
		rows: cat(
			stack(100, 60, 90, "Aoife Mac Giolla", "Sales Manager"),
			stack(100, 400, "aoife.macgiolla@example.ie"),
		),
		want: want{name: "Aoife Mac Giolla", title: "Sales Manager", company: "Example", suggested: true, emails: []string{"aoife.macgiolla@example.ie"}},
	},
	{
		name: "a particle of one letter printed apart from the name the email joins",
		rows: cat(
			stack(100, 60, 90, "Riely Ó Súilleabháin", "Sales Manager"),
			stack(100, 400, "riely.osuilleabhain@example.ie"),
		),
		want: want{name: "Riely Ó Súilleabháin", title: "Sales Manager", company: "Example", suggested: true, emails: []string{"riely.osuilleabhain@example.ie"}},
	},
	{
		name: "an email with its label read into it, and one with a letter of the name misread",
		rows: cat(
			stack(100, 60, 70, "Marta Examplez"),
			stack(100, 400, "Mailomarta@examplez.example", "mhxamplez@examplez.example"),
		),
		want: want{name: "Marta Examplez", emails: []string{"marta@examplez.example", "mexamplez@examplez.example"}},
	},
	{
		name: "a job and, after a slash, the team it leads",
		rows: cat(
			stack(100, 60, 70, "Jane Example", 40, "Director / Bulk Freight Team"),
			stack(100, 400, "jane@example.example"),
		),
		want: want{name: "Jane Example", title: "Director", emails: []string{"jane@example.example"}, noteHas: []string{"Bulk Freight Team"}},
	},
	{
		name: "two jobs with a slash between",
		rows: cat(
			stack(100, 60, 70, "Jane Example", 40, "Executive Director / General Manager"),
			stack(100, 400, "jane@example.example"),
		),
		want: want{name: "Jane Example", title: "Executive Director / General Manager", emails: []string{"jane@example.example"}},
	},
	{
		name: "a Japanese card's labels with their colons read as H, and its 0s as 9s",
		rows: cat(
			stack(100, 60, 60, "株式会社サンプル商事", 50, "Hanako Yamada"),
			stack(100, 400, "TELH93-1234-5678", "FAXH93-1234-5679", "hanako@sample.co.jp"),
		),
		want: want{
			name: "Hanako Yamada", company: "株式会社サンプル商事",
			phones: []phone{{"03-1234-5678", "work"}, {"03-1234-5679", "fax"}},
			emails: []string{"hanako@sample.co.jp"},
		},
	},
	{
		// Down a column a dash is a bar: read as 1, or as a 1 beside it.
		name: "a Japanese number with its dashes read as 1s",
		rows: cat(
			stack(100, 60, 60, "株式会社サンプル商事", 70, "山田 花子"),
			stack(100, 400, "〒100-0005 東京都千代田区丸の内1-2-3", "TEL 03-11234-15679", "携帯 0901-1234-5232", "hanako@sample.co.jp"),
		),
		want: want{
			name: "山田 花子", company: "株式会社サンプル商事", phones: []phone{{"03-1234-5679", "work"}, {"090-1234-5232", "mobile"}},
			address: "〒100-0005 東京都千代田区丸の内1-2-3", emails: []string{"hanako@sample.co.jp"},
		},
	},
	{
		name: "a Japanese postcode with its mark read as a T",
		rows: cat(
			stack(100, 60, 60, "株式会社サンプル商事", 70, "山田 花子"),
			stack(100, 400, "T 100-0005", "東京都千代田区丸の内1-2-3", "TEL 03-1234-5678", "hanako@sample.co.jp"),
		),
		want: want{
			name: "山田 花子", company: "株式会社サンプル商事", phones: []phone{{"03-1234-5678", "work"}},
			address: "〒100-0005 東京都千代田区丸の内1-2-3", emails: []string{"hanako@sample.co.jp"},
		},
	},
	{
		name: "a Japanese card with a line of Latin letters far from the name that cannot be a name",
		rows: cat(
			stack(100, 60, 60, "株式会社サンプル商事", 70, "山田 花子"),
			stack(100, 800, "sato Kenichi", "hanako@sample.co.jp"),
		),
		want: want{
			name: "山田 花子", company: "株式会社サンプル商事", emails: []string{"hanako@sample.co.jp"},
			noteHas: []string{"sato Kenichi"},
		},
	},
	{
		name: "a legal form on its own line under the firm's name, the firm's logo over the name",
		rows: []row{
			{text: "MARLOWE", x: 483, y: 108, h: 75},
			{text: "Aoife Kestrel", x: 428, y: 249, h: 60},
			{text: "Luthier", x: 742, y: 340, h: 30},
			{text: "Marlowe", x: 703, y: 392, h: 34},
			{text: "Ltd", x: 777, y: 447, h: 28},
			{text: "T +44 121 234 5748", x: 639, y: 556, h: 27},
			{text: "E aoife@marlowe.example", x: 594, y: 648, h: 29},
			{text: "153 Harbour Road", x: 665, y: 751, h: 29},
			{text: "Manchester G10 4AB", x: 629, y: 798, h: 29},
		},
		want: want{
			name: "Aoife Kestrel", title: "Luthier", company: "Marlowe Ltd", address: "153 Harbour Road, Manchester G10 4AB",
			phones: []phone{{"+44 121 234 5748", "work"}}, emails: []string{"aoife@marlowe.example"},
		},
	},
	{
		name: "a legal form under the firm's name, the other column read between them",
		rows: []row{
			{text: "T +33 1 23 45 64 91", x: 113, y: 305, h: 30},
			{text: "Séverine Hébert", x: 900, y: 376, h: 60},
			{text: "E severine@bramble.example", x: 116, y: 404, h: 40},
			{text: "Notaire", x: 1300, y: 450, h: 33},
			{text: "108 rue des Lilas", x: 117, y: 525, h: 32},
			{text: "Bramble", x: 1250, y: 544, h: 45},
			{text: "90171 Toulouse", x: 114, y: 578, h: 32},
			{text: "SAS", x: 1300, y: 605, h: 30},
		},
		want: want{
			name: "Séverine Hébert", title: "Notaire", company: "Bramble SAS", address: "108 rue des Lilas, 90171 Toulouse",
			phones: []phone{{"+33 1 23 45 64 91", "work"}}, emails: []string{"severine@bramble.example"},
		},
	},
	{
		name: "a town and its country alone for an address, a bar between them",
		rows: cat(
			stack(100, 80, 70, "Jérôme Vasseur", 50, "Dantov Transports SARL"),
			stack(100, 400, "Tel: +33 1 23 45 68 71", "Email: jerome@dantov.example", "Lille | France"),
		),
		want: want{
			name: "Jérôme Vasseur", company: "Dantov Transports SARL", address: "Lille, France",
			phones: []phone{{"+33 1 23 45 68 71", "work"}}, emails: []string{"jerome@dantov.example"},
		},
	},
	{
		name: "a town and its country, a colon read for the dot between them",
		rows: cat(
			stack(100, 80, 70, "Jérôme Vasseur", 50, "Dantov Transports SARL"),
			stack(100, 400, "Tel: +33 1 23 45 68 71", "Lyon : France"),
		),
		want: want{
			name: "Jérôme Vasseur", company: "Dantov Transports SARL", address: "Lyon, France",
			phones: []phone{{"+33 1 23 45 68 71", "work"}},
		},
	},
	{
		name: "a label of two before a number taken from the name's line",
		rows: []row{
			{text: "Chidi Okafor Tel/Fax: +1 201-555-0846", x: 60, y: 333, h: 50},
			{text: "E chidi@halcyon.example", x: 904, y: 420, h: 40},
			{text: "Harbour Pilot", x: 60, y: 420, h: 40},
		},
		want: want{
			name: "Chidi Okafor", title: "Harbour Pilot", phones: []phone{{"+1 201-555-0846", "work"}},
			emails: []string{"chidi@halcyon.example"}, company: "Halcyon", suggested: true,
		},
	},
	{
		name: "labels of every kind's list are taken off what is left of their lines",
		rows: cat(stack(100, 80, 70, "Jean Roe"),
			stack(100, 400, "Tél: 01 23 45 67 89", "Hotline: +1 800 555 0199", "Celular: (11) 96123-4567", "Cell phone: (415) 555-0163")),
		want: want{
			name: "Jean Roe",
			phones: []phone{{"01 23 45 67 89", "work"}, {"+1 800 555 0199", "work"}, {"(11) 96123-4567", "mobile"},
				{"(415) 555-0163", "mobile"}},
			noteLacks: []string{"Tél", "Hotline", "Celular", "Cell"},
		},
	},
	{
		// A shop's card: its two people one under the other, at the size
		// of the text around them, a brand's logo read as two words
		// beside them, larger, and the firm printed largest.
		name: "two people one under the other: the first is the name, the second no job",
		rows: cat(
			stack(100, 80, 44, "Orvel Tandrik", 44, "Mersa Tandrik"),
			[]row{{text: "ZENTRA Qorvil", x: 1000, y: 60, h: 56}},
			stack(100, 300, 110, "KESTREL TRADERS"),
			stack(100, 600, "98123 45670", "Shop 12, Ring Road, Nagpur 440001"),
		),
		want: want{
			name: "Orvel Tandrik", company: "KESTREL TRADERS",
			phones: []phone{{"98123 45670", "work"}}, address: "Shop 12, Ring Road, Nagpur 440001",
			noteHas: []string{"Mersa Tandrik"},
		},
	},
	{
		// A job with no words the classifier knows is shaped like a
		// name, and a firm's name under it too: the name printed twice as
		// large over them is the card's.
		name: "a name-shaped line just under a name twice its size is its job",
		rows: cat(
			stack(100, 300, 62, "Tovan R. Quillek", 32, "Hedge Warden", 36, "Orlan Meadows"),
			stack(900, 250, "T (506) 234-5105", "orlanmeadows.office@gmail.com", "2367 King Street", "Halifax, NS E8Q 4F8"),
		),
		want: want{
			name: "Tovan R. Quillek", title: "Hedge Warden", company: "Orlan Meadows",
			phones: []phone{{"(506) 234-5105", "work"}}, emails: []string{"orlanmeadows.office@gmail.com"},
			address: "2367 King Street, Halifax, NS E8Q 4F8",
		},
	},
	{
		// "Dispatcher", with its p and h, is read taller than a name
		// without a letter reaching below the line.
		name: "a job read as tall as the name the email confirms, under it",
		rows: cat(
			stack(100, 80, 46, "Tarqin Oloway", 52, "Dispatcher"),
			stack(100, 300, 80, "Kittiwake Freight Ltd"),
			stack(100, 600, "tarqin.oloway@kittiwake.example"),
		),
		want: want{
			name: "Tarqin Oloway", title: "Dispatcher", company: "Kittiwake Freight Ltd",
			emails: []string{"tarqin.oloway@kittiwake.example"},
		},
	},
	{
		// "Shipwright" reaches above and below the line, a name with no
		// tail only above it.
		name: "a job with tails below the line, read 1.3 times as tall as the name the email confirms, under it",
		rows: cat(
			stack(100, 80, 43, "Thandi Okafor", 56, "Shipwright"),
			stack(100, 300, 100, "Kittiwake Freight Ltd"),
			stack(100, 600, "thandi.okafor@kittiwake.example"),
		),
		want: want{
			name: "Thandi Okafor", title: "Shipwright", company: "Kittiwake Freight Ltd",
			emails: []string{"thandi.okafor@kittiwake.example"},
		},
	},
	{
		name: "a second person about as tall as the name the email confirms is no job",
		rows: cat(
			stack(100, 80, 46, "Tarqin Oloway", 43, "Mersa Quillan"),
			stack(100, 300, 80, "Kittiwake Freight Ltd"),
			stack(100, 600, "tarqin.oloway@kittiwake.example"),
		),
		want: want{
			name: "Tarqin Oloway", company: "Kittiwake Freight Ltd",
			emails: []string{"tarqin.oloway@kittiwake.example"}, noteHas: []string{"Mersa Quillan"},
		},
	},
	{
		// The logo spells the firm's first word; the line over the legal
		// form spells it in full, and the form's four words ("Sp. z
		// o.o.") do not make it too long to be the logo's fuller name.
		name: "a logo's word, and the firm's full name over a legal form of four words",
		rows: cat(
			stack(600, 60, 62, "QUELLAN"),
			stack(420, 180, 60, "Brygida Orlowska", 42, "Glowna ksiegowa", 40, "Quellan Meble", 34, "Sp. z o.o."),
			stack(600, 600, 28, "+48 12 345 64 50", "brygida@quellanmeble.example"),
		),
		want: want{
			name: "Brygida Orlowska", title: "Glowna ksiegowa", company: "Quellan Meble Sp. z o.o.",
			phones: []phone{{"+48 12 345 64 50", "work"}}, emails: []string{"brygida@quellanmeble.example"},
		},
	},
	{
		// "Group" never names a firm alone: it ends the name over it, as
		// a legal form on a line of its own does.
		name: "a firm's name over the word Group on a line of its own",
		rows: cat(
			stack(100, 80, 88, "Orlena Vaskett", 62, "Cartographer", 53, "Tarnvik", 53, "Group"),
			stack(100, 500, 48, "Phone (201) 555-0990", "orlena.vaskett@hotmail.com"),
		),
		want: want{
			name: "Orlena Vaskett", title: "Cartographer", company: "Tarnvik Group",
			phones: []phone{{"(201) 555-0990", "work"}}, emails: []string{"orlena.vaskett@hotmail.com"},
		},
	},
	{
		// No job words, no known name, and the firm is known by its size
		// alone; but the free mailbox is named after it, so the line
		// under the name is not the firm's and is its job.
		name: "a job under an unsure name, when the free mailbox names the firm printed largest",
		rows: cat(
			stack(400, 120, 69, "Orsolya Quenthal", 54, "Dispatcher", 57, "Brindlemoor", 40, "Quality since 1978"),
			stack(400, 480, 40, "Tel: +34 810 12 36 50", "brindlemoor47@gmail.com", "Calle Mayor 123", "19552 Bilbao"),
		),
		want: want{
			name: "Orsolya Quenthal", title: "Dispatcher", company: "Brindlemoor",
			phones: []phone{{"+34 810 12 36 50", "work"}}, emails: []string{"brindlemoor47@gmail.com"},
			address: "Calle Mayor 123, 19552 Bilbao",
		},
	},
	{
		// The job, a word no list holds, is printed a little larger than
		// the firm's name, which the free mailbox is named after.
		name: "the firm a free mailbox names beats a line hardly larger than it",
		rows: cat(
			stack(330, 114, 98, "Orbelin Tavares", 60, "Zelador", 57, "Quenvik"),
			stack(330, 480, 38, "Tel: 21 234 5247", "Email: quenvik35@outlook.com", "Rua das Flores, 102", "6234-898 Porto"),
		),
		want: want{
			name: "Orbelin Tavares", title: "Zelador", company: "Quenvik",
			phones: []phone{{"21 234 5247", "work"}}, emails: []string{"quenvik35@outlook.com"},
			address: "Rua das Flores, 102, 6234-898 Porto",
		},
	},
	{
		// No line reads as a firm and the mailbox is the person's: the
		// line over the list of services is the firm's, and the line
		// under the name its holder's job.
		name: "the line over a list of services is the firm, and the job is under the name",
		rows: cat(
			stack(114, 108, 81, "Orla Quenby", 59, "Voorman", 62, "Tarnvik Zeilmakerij", 54, "Sails * Rigging * Repairs"),
			stack(114, 465, 44, "Office: +31 10 123 4893", "orla.quenby@hotmail.com", "Stationsweg 364", "9677 TU Utrecht"),
		),
		want: want{
			name: "Orla Quenby", title: "Voorman", company: "Tarnvik Zeilmakerij",
			phones: []phone{{"+31 10 123 4893", "work"}}, emails: []string{"orla.quenby@hotmail.com"},
			address: "Stationsweg 364, 9677 TU Utrecht",
		},
	},
	{
		// A tagline written as a sentence says the same.
		name: "the line over a tagline is the firm",
		rows: cat(
			stack(700, 146, 84, "Orla Quenby", 50, "Voorman", 62, "Tarnvik", 53, "Always by your side"),
			stack(700, 504, 44, "Office: 01 2345 341", "orla.quenby@gmail.com"),
		),
		want: want{
			name: "Orla Quenby", title: "Voorman", company: "Tarnvik",
			phones: []phone{{"01 2345 341", "work"}}, emails: []string{"orla.quenby@gmail.com"},
		},
	},
	{
		// The j of "Projectleider" reaches below the line: read as tall
		// as the name, whose letters stand taller.
		name: "a job with a tail, read as tall as an unsure name over it",
		rows: cat(
			stack(900, 300, 61, "Belosh W. Tarnak", 62, "Projectleider", 83, "Quellwater", 43, "N.V."),
			stack(100, 230, 52, "+31 10 123 4366", "hello@quellwaternv.example", "www.quellwaternv.example", "Stationsweg 27", "4312 GO Amsterdam"),
		),
		want: want{
			name: "Belosh W. Tarnak", title: "Projectleider", company: "Quellwater N.V.",
			phones: []phone{{"+31 10 123 4366", "work"}}, emails: []string{"hello@quellwaternv.example"},
			websites: []string{"www.quellwaternv.example"}, address: "Stationsweg 27, 4312 GO Amsterdam",
		},
	},
	{
		// A scan read the country's ệ as é: the country ends the address
		// still, once the marks are taken off.
		name: "a country read with another mark ends the address",
		rows: cat(
			stack(100, 80, 80, "Quellan Dorvik", 52, "Hull Warden", 52, "Fenwick JSC"),
			stack(100, 500, 36, "Phone 0210 1234 173", "quellan90@outlook.com", "Số 262 Nguyễn Huệ, Phường 15", "Quận 12, Cần Thơ", "Viét Nam"),
		),
		want: want{
			name: "Quellan Dorvik", title: "Hull Warden", company: "Fenwick JSC",
			phones: []phone{{"0210 1234 173", "work"}}, emails: []string{"quellan90@outlook.com"},
			address: "Số 262 Nguyễn Huệ, Phường 15, Quận 12, Cần Thơ, Viét Nam",
		},
	},
	{
		// Two columns: the name was read on one line with the other
		// column's email, whose words are smaller; the name is measured
		// by its own words, and the job under it is smaller still.
		name: "a job under a name read on one line with the other column's email",
		rows: []row{
			{text: "Tel/Fax: +65 6123 4376", x: 802, y: 343, h: 30},
			{text: "Thorvin Okalo Email: thorvin@okfell.example", x: 60, y: 373, h: 54, heights: []int{54, 54, 35, 35}},
			{text: "okfell.example", x: 802, y: 436, h: 35},
			{text: "Loss Assessor", x: 116, y: 455, h: 42},
			{text: "177 Victoria Road, #30-07", x: 805, y: 495, h: 34},
			{text: "Okfell Pte. Ltd.", x: 114, y: 510, h: 35},
			{text: "Singapore 016595", x: 803, y: 543, h: 34},
		},
		want: want{
			name: "Thorvin Okalo", title: "Loss Assessor", company: "Okfell Pte. Ltd.",
			phones: []phone{{"+65 6123 4376", "work"}}, emails: []string{"thorvin@okfell.example"},
			websites: []string{"okfell.example"}, address: "177 Victoria Road, #30-07, Singapore 016595",
		},
	},
	{
		// The g of "Brogan" reaches below the line, and the name's
		// median word stands a fifth taller than the second person's.
		name: "a second person printed as the name, whose first word has a tail, is no job",
		rows: cat(
			[]row{
				{text: "Brogan Tavish", x: 100, y: 80, h: 47, heights: []int{58, 47}},
				{text: "Mersa Tolvin", x: 100, y: 160, h: 47, heights: []int{48, 47}},
			},
			stack(100, 300, 95, "Kittiwake Freight Ltd."),
			stack(100, 600, "brogan@kittiwakefreight.example"),
		),
		want: want{
			name: "Brogan Tavish", company: "Kittiwake Freight Ltd.",
			emails: []string{"brogan@kittiwakefreight.example"}, noteHas: []string{"Mersa Tolvin"},
		},
	},
	{
		// The mark over the É makes "ORVÉL" a quarter taller than the
		// words of the line under it.
		name: "a second person in capitals under a name with a mark over a capital is no job",
		rows: cat(
			[]row{
				{text: "ORVÉL TANDRIK", x: 100, y: 80, h: 42, heights: []int{53, 42}},
				{text: "MERSA TANDRIK", x: 100, y: 160, h: 42, heights: []int{42, 41}},
			},
			stack(100, 300, 100, "Ashvale Shipping"),
			stack(100, 600, "orvel@ashvale.example"),
		),
		want: want{
			name: "Orvél Tandrik", company: "Ashvale Shipping",
			emails: []string{"orvel@ashvale.example"}, noteHas: []string{"MERSA TANDRIK"},
		},
	},
	{
		// The g of "Freight" reaches below the line: read as tall as the
		// name in capitals over it, whose letters stand a third taller.
		name: "a job with a tail under a name in capitals is measured by its letters",
		rows: cat(
			[]row{
				{text: "TARNVEL OSKARA", x: 100, y: 80, h: 61, heights: []int{61, 58}},
				{text: "Freight Forwarder", x: 100, y: 170, h: 58, heights: []int{58, 46}},
			},
			stack(100, 260, 60, "Ashvale Optics Pte. Ltd."),
			stack(100, 600, "tarnvel@ashvale.example"),
		),
		want: want{
			name: "Tarnvel Oskara", title: "Freight Forwarder", company: "Ashvale Optics Pte. Ltd.",
			emails: []string{"tarnvel@ashvale.example"},
		},
	},
	{
		// The ý of "Ostrý" reaches below the line as a y does, and the j
		// of "Vojtan" does: their letters stand alike.
		name: "a second person is measured without the tail of a marked y",
		rows: cat(
			[]row{
				{text: "Radka Ostrý", x: 100, y: 80, h: 51, heights: []int{48, 51}},
				{text: "Vojtan Ležák", x: 100, y: 150, h: 51, heights: []int{51, 41}},
			},
			stack(100, 300, 84, "Kittiwake Pivovar s.r.o."),
			stack(100, 600, "radka@kittiwake.example"),
		),
		want: want{
			name: "Radka Ostrý", company: "Kittiwake Pivovar s.r.o.",
			emails: []string{"radka@kittiwake.example"}, noteHas: []string{"Vojtan Ležák"},
		},
	},
	{
		// Both people share the family name the email spells; the email
		// spells the first one's given name too, and the known given
		// name of the second does not outweigh it.
		name: "of two people sharing a family name, the one the email spells whole is the name",
		rows: cat(
			stack(100, 80, 50, "Ysolde R. Quenby", 50, "Anna Quenby"),
			stack(100, 300, 100, "Ashvale Optics Lda."),
			stack(100, 600, "ysolde.quenby@ashvale.example"),
		),
		want: want{
			name: "Ysolde R. Quenby", company: "Ashvale Optics Lda.",
			emails: []string{"ysolde.quenby@ashvale.example"}, noteHas: []string{"Anna Quenby"},
		},
	},
	{
		// Without its tails and its marks, the job stands nine tenths of
		// the name's letters: printed smaller, not alike.
		name: "a job nine tenths of the name's letters without their marks, under it",
		rows: cat(
			[]row{
				{text: "Ishvar Öztolan", x: 100, y: 80, h: 45, heights: []int{45, 53}},
				{text: "Hull Warden", x: 100, y: 160, h: 41},
			},
			stack(100, 300, 110, "Amberly Optics"),
			stack(100, 600, "ishvar@amberlyoptics.example"),
		),
		want: want{
			name: "Ishvar Öztolan", title: "Hull Warden", company: "Amberly Optics",
			emails: []string{"ishvar@amberlyoptics.example"},
		},
	},
	{
		// Nothing else for the name: no known name, a firm's mailbox, a
		// job no list holds; only its shape and its place at the top.
		name: "a name at the top, as tall as the text around it, over the firm printed largest",
		rows: cat(
			stack(100, 80, 40, "Thorvald Quenby", 36, "Dispatcher"),
			stack(100, 220, 100, "Rowanoak Joinery Ltd"),
			stack(100, 500, "contact@rowanoak.example", "12 Quay Street", "Leeds LS1 4AB"),
		),
		want: want{
			name: "Thorvald Quenby", title: "Dispatcher", company: "Rowanoak Joinery Ltd",
			emails: []string{"contact@rowanoak.example"}, address: "12 Quay Street, Leeds LS1 4AB",
		},
	},
	{
		name: "a line shaped like a name low on the card, with nothing else for it, is no name",
		rows: cat(
			stack(100, 80, 100, "Rowanoak Joinery Ltd"),
			stack(100, 500, 40, "Harbour Gate", "contact@rowanoak.example"),
		),
		want: want{
			company: "Rowanoak Joinery Ltd", emails: []string{"contact@rowanoak.example"}, noteHas: []string{"Harbour Gate"},
		},
	},
	{
		// The free mail address is named after the firm, so it agrees
		// with the job and the firm's name read as one name.
		name: "a firm's name over its legal form is no name, alone or with the job over it",
		rows: cat(
			stack(100, 80, 80, "Orvel Tandrik", 44, "Dispatcher", 50, "Quenby Brewing", 40, "Pte. Ltd."),
			stack(100, 600, "quenbybrewingpteltd9@yahoo.com"),
		),
		want: want{
			name: "Orvel Tandrik", title: "Dispatcher", company: "Quenby Brewing Pte. Ltd.",
			emails: []string{"quenbybrewingpteltd9@yahoo.com"},
		},
	},
	{
		// The free mail address, named after the firm, starts with the
		// logo's word: the logo and the name read together agreed with it.
		name: "the firm's name as its logo prints it, over the name, is not part of it",
		rows: cat(
			stack(100, 80, 66, "QUENBY", 66, "Orvel Tandrik", 44, "Wine Buyer", 54, "Quenby Roofing Ltd."),
			stack(100, 600, "quenbyroofingltd.office@gmail.com"),
		),
		want: want{
			name: "Orvel Tandrik", title: "Wine Buyer", company: "Quenby Roofing Ltd.",
			emails: []string{"quenbyroofingltd.office@gmail.com"}, noteHas: []string{"QUENBY"},
		},
	},
	{
		// The free mail address is the firm's, named after it with a
		// role: it says nothing of whose name the firm's line is.
		name: "a firm's mailbox named after it with a role is no evidence of a name",
		rows: cat(
			stack(100, 80, 82, "QUENBY", 63, "TOVAR RILENTOV", 43, "Harbour Pilot", 57, "Quenby Brewing"),
			stack(100, 600, "quenbybrewing.office@hotmail.com"),
		),
		want: want{
			name: "Tovar Rilentov", title: "Harbour Pilot", company: "Quenby Brewing",
			emails: []string{"quenbybrewing.office@hotmail.com"}, noteHas: []string{"QUENBY"},
		},
	},
	{
		// "TOVANSA BELDAN" runs, spaces taken out, into the domain sabeldan.
		name: "a name whose letters spell the domain across its words is no firm's",
		rows: cat(
			stack(100, 80, 64, "TOVANSA BELDAN", 39, "Avvocato", 48, "Sabeldan S.r.l."),
			stack(100, 500, "T +39 02 1234 5074", "E mail@sabeldan.it"),
		),
		want: want{
			name: "Tovansa Beldan", title: "Avvocato", company: "Sabeldan S.r.l.",
			phones: []phone{{"+39 02 1234 5074", "work"}}, emails: []string{"mail@sabeldan.it"},
		},
	},
	{
		// No evidence says which line is the firm, but the logo's word
		// is printed again, in a line of its own. The logo, the largest
		// text left, is then the firm.
		name: "a logo's word over the name, printed again in another line, is not part of it",
		rows: cat(
			stack(100, 80, 66, "QUENBY", 70, "JORVINA SVOBODA", 36, "Advokát", 40, "Quenby", 32, "Quality since 1993"),
			stack(100, 600, "jorvina.svoboda@hotmail.com"),
		),
		want: want{
			name: "Jorvina Svoboda", title: "Advokát", company: "QUENBY",
			emails: []string{"jorvina.svoboda@hotmail.com"}, noteHas: []string{"Quality since 1993"},
		},
	},
	{
		// A free mail address says nothing of the firm, whose name has
		// no legal form: it is the largest text left, and then the line
		// under the name, smaller than both, is the job.
		name: "the job under the name when the firm is known only by its size",
		rows: cat(
			stack(100, 80, 80, "Lozuzu Marvell", 44, "Advogado", 76, "Elytho Vidros"),
			stack(100, 600, "lozuzumarvell35@yahoo.com", "Rua das Flores 116"),
		),
		want: want{
			name: "Lozuzu Marvell", title: "Advogado", company: "Elytho Vidros",
			emails: []string{"lozuzumarvell35@yahoo.com"}, address: "Rua das Flores 116",
		},
	},
	{
		// Nothing tells the name but its place: a firm's mailbox, names
		// and a job no list holds.
		name: "a job shaped like a name, four fifths the size of an unsure name, is the job",
		rows: cat(
			stack(100, 80, 70, "Kveta Zuvibel", 56, "Loss Adjuster"),
			stack(100, 300, 60, "Ashthodan Surveying Ltd."),
			stack(100, 600, "office@ashthodan.example"),
		),
		want: want{
			name: "Kveta Zuvibel", title: "Loss Adjuster", company: "Ashthodan Surveying Ltd.",
			emails: []string{"office@ashthodan.example"},
		},
	},
	{
		name: "a second person 0.87 the size of an unsure name is no job",
		rows: cat(
			stack(100, 80, 70, "Kveta Zuvibel", 61, "Orvel Tandrik"),
			stack(100, 300, 60, "Ashthodan Surveying Ltd."),
			stack(100, 600, "office@ashthodan.example"),
		),
		want: want{
			name: "Kveta Zuvibel", company: "Ashthodan Surveying Ltd.",
			emails: []string{"office@ashthodan.example"}, noteHas: []string{"Orvel Tandrik"},
		},
	},
	{
		// At a free mail provider a small firm's mailbox bears its name:
		// that agreement makes the firm's line no name when a line
		// shaped like one is printed clearly larger above it.
		name: "a free mail address named after the firm",
		rows: cat(
			stack(100, 80, 84, "Eilidh Tandrik", 36, "Chief Steward", 52, "Ashelyfa Brewing"),
			stack(100, 600, "ashelyfa89@yahoo.com", "12 Quay Street"),
		),
		want: want{
			name: "Eilidh Tandrik", title: "Chief Steward", company: "Ashelyfa Brewing",
			emails: []string{"ashelyfa89@yahoo.com"}, address: "12 Quay Street",
		},
	},
	{
		name: "a free mail address named after the holder, printed small over the firm",
		rows: cat(
			stack(100, 80, 44, "Orvel Tandrik"),
			stack(100, 200, 100, "KESTREL HARDWARE"),
			stack(100, 600, "orvel.tandrik@gmail.com", "12 Quay Street"),
		),
		want: want{
			name: "Orvel Tandrik", company: "KESTREL HARDWARE",
			emails: []string{"orvel.tandrik@gmail.com"}, address: "12 Quay Street",
		},
	},
	{
		// A garage's card: its trades printed largest, its two owners'
		// names, and what it does under them. No email, no known name:
		// the line under the name is no job.
		name: "what a firm does, under a name only its place tells, when the firm is known by its size",
		rows: cat(
			stack(100, 60, 120, "LATARIA, PINTURA"),
			stack(440, 250, 80, "RUBENS E TADEU"),
			stack(500, 350, 56, "Pequenos Reparos em Portas"),
			stack(150, 600, "(12) 3456-7890", "Rua das Flores 116", "Vila Nova"),
		),
		want: want{
			name: "Rubens E Tadeu", company: "LATARIA, PINTURA", phones: []phone{{"(12) 3456-7890", "work"}},
			address: "Rua das Flores 116",
			noteHas: []string{"Pequenos Reparos em Portas"},
		},
	},
	{
		// "Coolers, TV Stands" once read as a town and its state.
		name: "a list of wares with two capitals after a comma is no town",
		rows: cat(
			stack(100, 80, 70, "Orvel Tandrik"),
			stack(100, 200, 90, "KESTREL TRADERS"),
			stack(100, 360, "Deals in:", "Water Coolers, TV Stands, AC Parts", "Fans, Lamps & Gifts"),
			stack(100, 640, "Shop 12, Ring Road, Nagpur 440001"),
		),
		want: want{
			name: "Orvel Tandrik", company: "KESTREL TRADERS", address: "Shop 12, Ring Road, Nagpur 440001",
			noteHas: []string{"TV Stands"},
		},
	},
	{
		name: "a town and its state's code alone close an address",
		rows: cat(
			stack(100, 80, 70, "Orvel Tandrik"),
			stack(100, 400, "410 Harbor Road", "Boise, ID", "(208) 555-0147"),
		),
		want: want{
			name: "Orvel Tandrik", address: "410 Harbor Road, Boise, ID", phones: []phone{{"(208) 555-0147", "work"}},
		},
	},
	{
		name: "a word cut by the scan's edge is dropped",
		rows: cat(
			stack(100, 60, 70, "Jane Doe"),
			[]row{{text: "Acme Widget Grill, In", x: 1100, y: 400, h: 40}},
		),
		want: want{name: "Jane Doe", company: "Acme Widget Grill"},
	},
}

func TestClassify(t *testing.T) {
	for _, tc := range classifyCases {
		t.Run(tc.name, func(t *testing.T) {
			ls := lines(tc.rows...)
			// The last case's line runs to the right edge of the card.
			size := cardSize
			if tc.name == "a word cut by the scan's edge is dropped" {
				size.X = ls[len(ls)-1].Box.Max.X
			}
			fields := Classify(ls, size)
			got := map[FieldKind][]Field{}
			for _, f := range fields {
				got[f.Kind] = append(got[f.Kind], f)
			}
			one := func(kind FieldKind, want string) {
				t.Helper()
				fs := got[kind]
				switch {
				case want == "" && len(fs) > 0:
					t.Errorf("%s = %q, want none", kind, fs[0].Value)
				case want != "" && len(fs) == 0:
					t.Errorf("%s missing, want %q", kind, want)
				case want != "" && fs[0].Value != want:
					t.Errorf("%s = %q, want %q", kind, fs[0].Value, want)
				case len(fs) > 1:
					t.Errorf("%d %s fields, want one", len(fs), kind)
				}
			}
			one(FieldName, tc.want.name)
			one(FieldTitle, tc.want.title)
			one(FieldCompany, tc.want.company)
			if fs := got[FieldCompany]; len(fs) > 0 && fs[0].Suggested != tc.want.suggested {
				t.Errorf("company %q suggested = %v, want %v (%s)", fs[0].Value, fs[0].Suggested, tc.want.suggested, fs[0].Reason)
			}
			one(FieldAddress, tc.want.address)

			var phones []phone
			for _, f := range got[FieldPhone] {
				phones = append(phones, phone{f.Value, f.PhoneKind})
			}
			if !equal(phones, tc.want.phones) {
				t.Errorf("phones = %v, want %v", phones, tc.want.phones)
			}
			var emails, websites []string
			for _, f := range got[FieldEmail] {
				emails = append(emails, f.Value)
			}
			for _, f := range got[FieldWebsite] {
				websites = append(websites, f.Value)
			}
			if !equal(emails, tc.want.emails) {
				t.Errorf("emails = %q, want %q", emails, tc.want.emails)
			}
			if !equal(websites, tc.want.websites) {
				t.Errorf("websites = %q, want %q", websites, tc.want.websites)
			}
			note := ""
			if n := got[FieldNote]; len(n) > 0 {
				note = n[0].Value
			}
			for _, s := range tc.want.noteHas {
				if !strings.Contains(note, s) {
					t.Errorf("note %q lacks %q", note, s)
				}
			}
			for _, s := range tc.want.noteLacks {
				if strings.Contains(note, s) {
					t.Errorf("note %q holds %q", note, s)
				}
			}
			// Every field points at a place on the card.
			for _, f := range fields {
				if f.Kind != FieldNote && !f.Box.Empty() && !f.Box.In(image.Rectangle{Max: size}) {
					t.Errorf("%s %q box %v off the card", f.Kind, f.Value, f.Box)
				}
			}
		})
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestClassifyEmpty(t *testing.T) {
	if fs := Classify(nil, cardSize); len(fs) != 0 {
		t.Errorf("Classify(nil) = %v, want nothing", fs)
	}
	// Lines without words or boxes, as a simple engine may give.
	fs := Classify([]Line{{Text: "Jane Doe"}, {Text: "Tel: (415) 555-0160"}}, image.Point{})
	var phones int
	for _, f := range fs {
		if f.Kind == FieldPhone {
			phones++
			if f.Value != "(415) 555-0160" || f.PhoneKind != "work" {
				t.Errorf("phone = %q %q", f.Value, f.PhoneKind)
			}
		}
	}
	if phones != 1 {
		t.Errorf("%d phones, want 1: %v", phones, fs)
	}
}

func TestMergeLines(t *testing.T) {
	word := func(s string, x, y, h int, conf float64) Word {
		return Word{Text: s, Box: image.Rect(x, y, x+len(s)*h/2, y+h), Conf: conf}
	}
	// Layout analysis read the name as one line, badly; sparse reading got
	// the words right but as two pieces, and found a line the other missed.
	auto := []Line{
		NewLine([]Word{word("Tar0", 100, 100, 60, 40), word("Yam", 320, 100, 60, 35)}),
		NewLine([]Word{word("Managing", 100, 200, 40, 95), word("Director", 300, 200, 40, 95)}),
	}
	sparse := []Line{
		NewLine([]Word{word("Taro", 100, 100, 60, 95)}),
		NewLine([]Word{word("Yamada", 320, 100, 60, 94)}),
		NewLine([]Word{word("Managing", 100, 200, 40, 90)}),
		NewLine([]Word{word("Director", 300, 200, 40, 90)}),
		NewLine([]Word{word("ACME.ORG", 100, 400, 40, 91)}),
	}
	got := mergeLines(auto, sparse)
	var texts []string
	for _, l := range got {
		texts = append(texts, l.Text)
	}
	want := []string{"Taro Yamada", "Managing Director", "ACME.ORG"}
	if !equal(texts, want) {
		t.Errorf("mergeLines = %q, want %q", texts, want)
	}
	if got := mergeLines(auto); len(got) != 2 {
		t.Errorf("mergeLines of one reading = %d lines, want 2", len(got))
	}
	if got := mergeLines(); len(got) != 0 {
		t.Errorf("mergeLines() = %v", got)
	}
}

func TestSplitColumns(t *testing.T) {
	w := func(text string, x0, y0, x1, y1 int) Word {
		return Word{Text: text, Box: image.Rect(x0, y0, x1, y1)}
	}
	tests := []struct {
		name  string
		words []Word
		want  []string
	}{
		{
			// A tall logo word beside a name is set apart; the name's own
			// words, however widely spaced, stay together.
			"a logo beside a name",
			[]Word{w("Qx", 150, 100, 400, 260), w("Taro", 820, 140, 1000, 210), w("Example", 1150, 140, 1500, 210)},
			[]string{"Qx", "Taro Example"},
		},
		{
			"a large name and the small postcode of the column beside it",
			[]Word{w("山", 123, 471, 187, 543), w("本", 202, 470, 275, 544), w("雅人", 308, 469, 468, 545), w("〒403-7618", 652, 525, 850, 556)},
			[]string{"山本雅人", "〒403-7618"},
		},
		{
			"a firm and a number beside it",
			[]Word{w("Harbour", 115, 315, 300, 364), w("Freight", 320, 315, 546, 364), w("FAX", 649, 361, 718, 389), w("03-1234-5284", 730, 361, 980, 389)},
			[]string{"Harbour Freight", "FAX 03-1234-5284"},
		},
		{
			"a building's name after a block number, an ideographic space apart",
			[]Word{w("栄", 700, 563, 740, 628), w("3-18-8", 745, 574, 880, 602), w("ヒカリタワー", 940, 563, 1180, 628), w("13F", 1200, 574, 1260, 602)},
			[]string{"栄 3-18-8 ヒカリタワー 13F"},
		},
		{
			"a department and its job in kana, a long vowel mark's box as tall as the line",
			[]Word{w("経営", 116, 195, 246, 239), w("企画", 265, 194, 358, 239), w("室", 381, 204, 406, 234), w("マネ", 437, 195, 502, 238), w("ー", 501, 190, 539, 254), w("ジ", 538, 195, 573, 236), w("ャ", 585, 206, 616, 237), w("ー", 631, 215, 671, 219)},
			[]string{"経営企画室マネージャー"},
		},
		{
			"words of one size, widely spaced",
			[]Word{w("Taro", 100, 100, 280, 170), w("Example", 430, 100, 780, 170)},
			[]string{"Taro Example"},
		},
		{
			"a small mark between words",
			[]Word{w("Sales", 100, 100, 300, 140), w("•", 330, 115, 340, 125), w("Marketing", 370, 100, 700, 140)},
			[]string{"Sales • Marketing"},
		},
		{
			"a smaller word close by",
			[]Word{w("Taro", 100, 100, 280, 170), w("Example", 300, 100, 650, 170), w("MBA", 690, 130, 760, 160)},
			[]string{"Taro Example MBA"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range splitColumns(tt.words) {
				got = append(got, l.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("splitColumns = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzClassify feeds Classify cards made from arbitrary text, one line per
// line of input, and checks that it neither panics nor makes up fields
// from nothing.
func FuzzClassify(f *testing.F) {
	for _, tc := range classifyCases {
		var texts []string
		for _, r := range tc.rows {
			texts = append(texts, r.text)
		}
		f.Add(strings.Join(texts, "\n"), uint16(40))
	}
	f.Add("", uint16(0))
	f.Add("@@@\n+\n(((((\nwww.\nhttp://\n.,.,", uint16(1))
	f.Fuzz(func(t *testing.T, text string, h uint16) {
		var rows []row
		for i, s := range strings.Split(text, "\n") {
			rows = append(rows, row{text: s, x: 1 + int(h%7)*10, y: i * (int(h%200) + 1), h: int(h%200) + 1})
		}
		fields := Classify(lines(rows...), cardSize)
		count := map[FieldKind]int{}
		for _, f := range fields {
			count[f.Kind]++
			if strings.TrimSpace(f.Value) == "" {
				t.Errorf("empty %s field", f.Kind)
			}
		}
		for _, k := range []FieldKind{FieldName, FieldTitle, FieldCompany, FieldAddress, FieldNote} {
			if count[k] > 1 {
				t.Errorf("%d %s fields", count[k], k)
			}
		}
	})
}

// TestLogoFragments: pieces of a logo read into the company's first line,
// and as a line of their own between its two lines, neither cut the
// company short nor join it.
func TestLogoFragments(t *testing.T) {
	word := func(text string, x, y, h int, conf float64) Word {
		return Word{Text: text, Box: image.Rect(x, y, x+len(text)*h*6/10, y+h), Conf: conf}
	}
	ls := []Line{
		NewLine([]Word{word("Ea", 120, 84, 22, 0), word("3", 300, 85, 17, 69),
			word("WIDGET", 430, 90, 56, 90), word("INTERNATIONAL", 650, 90, 56, 96), word("TRADING", 1100, 90, 56, 96)}),
		NewLine([]Word{word("LE", 220, 108, 114, 80)}),
		NewLine([]Word{word("JOINT", 430, 173, 58, 96), word("STOCK", 620, 173, 58, 96), word("COMPANY", 820, 173, 58, 96)}),
	}
	ls = append(ls, lines(stack(430, 440, 64, "TARO EXAMPLE", "Sales Manager")...)...)
	sortLines(ls)
	for _, f := range Classify(ls, cardSize) {
		if f.Kind == FieldCompany {
			if want := "WIDGET INTERNATIONAL TRADING JOINT STOCK COMPANY"; f.Value != want {
				t.Errorf("company = %q, want %q", f.Value, want)
			}
			return
		}
	}
	t.Error("no company")
}

// TestLostDot: an email whose host lost the dot before its ending is
// taken with the dot put back, also when an icon read into its line
// made the line's other words as tall as the icon, so that the ending
// looks like a speck beside them.
func TestLostDot(t *testing.T) {
	word := func(text string, x, y, h int) Word {
		return Word{Text: text, Box: image.Rect(x, y, x+len(text)*h*6/10, y+h), Conf: 61}
	}
	tests := []struct {
		name string
		mail []Line
		want string
	}{
		{"as read", lines(stack(100, 600, "orvel77 @hotmail com")...), "orvel77@hotmail.com"},
		{"labelled", lines(stack(100, 600, "E: mersa.q@kestrel net")...), "mersa.q@kestrel.net"},
		{"beside an icon", []Line{NewLine([]Word{word("m", 100, 572, 128), word("orvel77", 160, 572, 128),
			word("@hotmail", 700, 572, 128), {Text: "com", Box: image.Rect(1300, 621, 1400, 653), Conf: 97}})}, "orvel77@hotmail.com"},
		{"an ending no host has", lines(stack(100, 600, "orvel77 @hotmail cam")...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := append(lines(stack(100, 80, 70, "Orvel Tandrik")...), tt.mail...)
			sortLines(ls)
			var got string
			for _, f := range Classify(ls, cardSize) {
				if f.Kind == FieldEmail {
					got = f.Value
					if f.Conf >= LowConfidence {
						t.Errorf("email %q sure (%.0f), want it marked for a look", f.Value, f.Conf)
					}
				}
			}
			if got != tt.want {
				t.Errorf("email = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLogoMendedByDomain: a logo read unsurely, one letter away from the
// rest of the name the email's domain spells, is written in the domain's
// letters.
func TestLogoMendedByDomain(t *testing.T) {
	ls := lines(cat(stack(100, 80, 120, "IRKA"), stack(100, 230, 60, "XPRESS"), stack(900, 500, "Jane Example"), stack(100, 700, "jane@rkaxpress.example"))...)
	for i := range ls {
		if ls[i].Text == "IRKA" {
			ls[i].Conf = 51
		}
	}
	for _, f := range Classify(ls, cardSize) {
		if f.Kind == FieldCompany {
			if want := "RKA XPRESS"; f.Value != want {
				t.Errorf("company = %q, want %q", f.Value, want)
			}
			return
		}
	}
	t.Error("no company")
}

// TestUnsureLinesNotCompany: a picture read as letters, unsurely or as
// specks of short words, is not taken for the company printed large.
func TestUnsureLinesNotCompany(t *testing.T) {
	tests := []struct {
		name, big string
		conf      float64
		email     string
		want      string // the company, "" for none
	}{
		{"read unsurely: the domain names the firm", "SEER GOA", 26, "jane@dockbird.example", "Dockbird"},
		{"specks of short words", "wr JA wun AFC FEN", 60, "", ""},
		{"read surely and a real word: the largest text", "Harbourline", 90, "", "Harbourline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := cat(stack(100, 80, 140, tt.big), stack(100, 400, 60, "Jane Example", "Cofounder"))
			if tt.email != "" {
				rows = append(rows, stack(100, 700, tt.email)...)
			}
			ls := lines(rows...)
			for i := range ls {
				if ls[i].Text == tt.big {
					ls[i].Conf = tt.conf
				}
			}
			got := ""
			for _, f := range Classify(ls, cardSize) {
				if f.Kind == FieldCompany {
					got = f.Value
				}
			}
			if got != tt.want {
				t.Errorf("company = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnsureDetails: a word of contact details makes a reading weak only
// when it was read with less confidence than weakDetail.
func TestUnsureDetails(t *testing.T) {
	tests := []struct {
		word string
		conf float64
		want bool
	}{
		{"jane@acme.example", 45, true},
		{"jane@acme.example", 55, false},
		{"555-0100", 30, true},
		{"Director", 10, false}, // no detail
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			l := NewLine([]Word{{Text: tt.word, Box: image.Rect(0, 0, 100, 20), Conf: tt.conf}})
			if got := len(unsureDetails([]Line{l})) > 0; got != tt.want {
				t.Errorf("%q read at %.0f: unsure %v, want %v", tt.word, tt.conf, got, tt.want)
			}
		})
	}
}

// TestSuggestedCompany: a card that names no company has one suggested by
// its domain, unsure, with no box on the card and the domain as its
// reason; the contact made of the reading leaves it out, and Suggestion
// finds it for the review to offer.
func TestSuggestedCompany(t *testing.T) {
	tests := []struct {
		name        string
		rows        []row
		want        string // the company suggested
		wantReason  string
		wantPrinted string // the company the contact holds
	}{
		{
			name:       "from the email's domain",
			rows:       cat(stack(100, 80, 70, "Mary Major"), stack(100, 400, "mary@zephyrine.example.com")),
			want:       "Zephyrine",
			wantReason: "the email's domain",
		},
		{
			name:       "from the website's domain",
			rows:       cat(stack(100, 80, 70, "Mary Major"), stack(100, 400, "www.zephyrine.example.com")),
			want:       "Zephyrine",
			wantReason: "the website's domain",
		},
		{
			name:        "printed: no suggestion",
			rows:        cat(stack(100, 80, 70, "Mary Major"), stack(100, 300, 50, "Zephyrine Ltd"), stack(100, 400, "mary@zephyrine.example.com")),
			wantPrinted: "Zephyrine Ltd",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reading{Fields: Classify(lines(tt.rows...), cardSize)}
			s, ok := Suggestion(r.Fields, FieldCompany)
			switch {
			case tt.want == "" && ok:
				t.Errorf("suggested %+v, want none", s)
			case tt.want != "" && !ok:
				t.Errorf("no company suggested, want %q; fields %+v", tt.want, r.Fields)
			case ok && (s.Value != tt.want || s.Reason != tt.wantReason || s.Conf >= LowConfidence || s.Box != image.Rectangle{}):
				t.Errorf("suggested %+v, want %q from %q, unsure, with no box", s, tt.want, tt.wantReason)
			}
			if got := r.Contact().Company; got != tt.wantPrinted {
				t.Errorf("contact's company = %q, want %q", got, tt.wantPrinted)
			}
		})
	}
}

func TestLeadingZero(t *testing.T) {
	tests := []struct {
		num, region, want string
	}{
		{"93-1234-5678", "JP", "03-1234-5678"},
		{"97400 123262", "GB", "07400 123262"},
		{"(920) 7946 0958", "GB", "(020) 7946 0958"},
		{"03-1234-5678", "JP", "03-1234-5678"},       // right as read
		{"+81 93-123-4567", "JP", "+81 93-123-4567"}, // with its country code
		{"912 345 678", "ES", "912 345 678"},         // Spain dials no trunk 0
		{"(415) 555-0100", "US", "(415) 555-0100"},
		{"91234", "GB", "91234"}, // not valid with a 0 either
	}
	for _, tt := range tests {
		t.Run(tt.num+" "+tt.region, func(t *testing.T) {
			if got, _ := leadingZero(tt.num, tt.region); got != tt.want {
				t.Errorf("leadingZero(%q, %s) = %q, want %q", tt.num, tt.region, got, tt.want)
			}
		})
	}
}

func TestDashesMended(t *testing.T) {
	tests := []struct {
		num, region, want string
	}{
		{"03-11234-15679", "JP", "03-1234-5679"}, // a 1 beside each dash
		{"0901-1234-5232", "JP", "090-1234-5232"},
		{"03-1123415769", "JP", "03-1234-5769"},  // a dash read as 1
		{"03-1234-5679", "JP", "03-1234-5679"},   // right as read
		{"03-1234-56791", "JP", "03-1234-56791"}, // a 1 no dash explains
		{"0312345679", "JP", "0312345679"},       // no dash
	}
	for _, tt := range tests {
		t.Run(tt.num, func(t *testing.T) {
			if got, _ := dashesMended(tt.num, tt.region); got != tt.want {
				t.Errorf("dashesMended(%q, %s) = %q, want %q", tt.num, tt.region, got, tt.want)
			}
		})
	}
}

// wordAt is a word read at x on a line 50 pixels tall, 30 pixels a letter.
func wordAt(text string, x int) Word {
	return Word{Text: text, Box: image.Rect(x, 100, x+len(text)*30, 150), Conf: 90}
}

// TestIconBesideLine: a logo or an icon beside a line, read as a letter or
// two and set apart from its words, is no part of the line; an initial,
// set as close as any word, is, and so is the suffix of an email or a
// website read apart ("acme. com").
func TestIconBesideLine(t *testing.T) {
	word := wordAt
	// small is a word in small letters, half the line's height: "com".
	small := func(text string, x int) Word {
		return Word{Text: text, Box: image.Rect(x, 125, x+len(text)*30, 150), Conf: 90}
	}
	tests := []struct {
		name  string
		words []Word
		want  string
	}{
		{"a logo before the name", []Word{word("E", 100), word("Pauline", 200), word("Sample", 430)}, "Pauline Sample"},
		{"an icon after the name", []Word{word("Pauline", 100), word("Sample", 330), word("92", 600)}, "Pauline Sample"},
		{"an initial", []Word{word("J.", 100), word("Edgar", 175), word("Sample", 340)}, "J. Edgar Sample"},
		{"a short word set close", []Word{word("Jo", 100), word("Ann", 175), word("Sample", 280)}, "Jo Ann Sample"},
		{"a label apart from its number", []Word{word("T:", 100), word("+1", 260), word("415", 350), word("555", 470)}, "T: +1 415 555"},
		{"a label with no colon apart from its number", []Word{word("M", 100), word("0412", 200), word("555", 350)}, "M 0412 555"},
		{"a label apart from its email", []Word{word("E", 100), word("jane@sample.example", 200), word("(office)", 800)}, "E jane@sample.example (office)"},
		{"an email's suffix read apart, in small letters", []Word{word("Email:", 100), word("office", 300), word("@quaywell.", 500), small("com", 850)}, "Email: office @quaywell. com"},
		{"a website's", []Word{word("W", 100), word("www.quaywell.", 200), small("ca", 650)}, "W www.quaywell. ca"},
		{"a website's, read with spaces after its dots", []Word{word("Web:", 100), word("WWW.", 250), word("quaywell.", 400), small("es", 700)}, "Web: WWW. quaywell. es"},
		{"a website's start read with no confidence", []Word{{Text: "www.", Box: image.Rect(100, 100, 220, 150)}, word("quaywell.", 240), word("fr", 540)}, "www. quaywell. fr"},
		{"a small word after a name is still a fragment", []Word{word("Pauline", 100), word("Sample.", 330), small("com", 600)}, "Pauline Sample."},
		{"no suffix that exists", []Word{word("Email:", 100), word("jane@quaywell.", 300), small("qz", 850)}, "Email: jane@quaywell."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimSmallFragments(NewLine(tt.words)).Text; got != tt.want {
				t.Errorf("line %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCleanLines: the lines the review draws and offers are those the
// classifier reads, an icon or a logo beside a line dropped from its text
// and from its box, and their text mended as the classifier mends it.
func TestCleanLines(t *testing.T) {
	size := image.Pt(1050, 600)
	word := wordAt
	tests := []struct {
		name    string
		words   []Word
		want    string
		dropped []string // the words whose boxes the line's box leaves out
	}{
		{"a logo before the name", []Word{word("E", 100), word("Pauline", 200), word("Sample", 430)}, "Pauline Sample", []string{"E"}},
		{"an icon after the name", []Word{word("Pauline", 100), word("Sample", 330), word("92", 600)}, "Pauline Sample", []string{"92"}},
		{"a small speck before the name", []Word{{Text: "a", Box: image.Rect(60, 130, 75, 145), Conf: 90}, word("Pauline", 100), word("Sample", 330)}, "Pauline Sample", []string{"a"}},
		{"a word cut by the card's edge", []Word{word("Acme", 400), word("Widgets,", 540), word("In", size.X-58)}, "Acme Widgets,", []string{"In"}},
		{"an initial stays", []Word{word("J.", 100), word("Edgar", 175), word("Sample", 340)}, "J. Edgar Sample", nil},
		{"a slip mended, every word kept", []Word{word("Acme", 100), word("Widgets", 240), word("1td", 470)}, "Acme Widgets Ltd", nil},
		{"a picture's bar before a word", []Word{{Text: "|", Box: image.Rect(40, 60, 47, 175), Conf: 94}, word("Odvjetnik", 120)}, "Odvjetnik", []string{"|"}},
		{"a picture's bar after a word", []Word{word("Odvjetnik", 120), {Text: "l", Box: image.Rect(420, 60, 427, 175), Conf: 94}}, "Odvjetnik", []string{"l"}},
		{"a bar as tall as the word stays in the box", []Word{{Text: "|", Box: image.Rect(60, 95, 67, 155), Conf: 94}, word("Odvjetnik", 120)}, "Odvjetnik", nil},
		{"a short word as tall stays", []Word{word("Ana", 100), word("Lind", 230)}, "Ana Lind", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := NewLine(tt.words)
			got := CleanLines([]Line{read}, size)
			if len(got) != 1 {
				t.Fatalf("%d lines, want 1", len(got))
			}
			l := got[0]
			if l.Text != tt.want {
				t.Errorf("text %q, want %q", l.Text, tt.want)
			}
			var kept image.Rectangle
			for _, w := range tt.words {
				if slices.Contains(tt.dropped, w.Text) {
					if l.Box.Overlaps(w.Box) {
						t.Errorf("box %v covers %q at %v", l.Box, w.Text, w.Box)
					}
					continue
				}
				kept = kept.Union(w.Box)
			}
			if l.Box != kept {
				t.Errorf("box %v, want %v, the words kept", l.Box, kept)
			}
			if len(l.Words) != len(tt.words)-len(tt.dropped) {
				t.Errorf("%d words kept, want %d", len(l.Words), len(tt.words)-len(tt.dropped))
			}
			if want := NewLine(tt.words); !reflect.DeepEqual(read, want) {
				t.Errorf("the line read was changed to %+v", read)
			}
		})
	}
}

func TestUndoSlips(t *testing.T) {
	tests := []struct{ in, want string }{
		{"マネージャ—", "マネージャー"},             // a dash after katakana: the long-vowel mark
		{"ー Eletrônica", "- Eletrônica"}, // the mark alone on a Latin line: a dash
		{"ラーメン", "ラーメン"},
		{"TELH03-1234-5678", "TEL: 03-1234-5678"},
		{"Acme Widgets I1d", "Acme Widgets I1d"},
		{"Acme Widgets 1td", "Acme Widgets Ltd"},
		{"T E L 555 0100", "TEL 555 0100"},
		{"a | b · c", "a b c"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := undoSlips(tt.in); got != tt.want {
				t.Errorf("undoSlips(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMendSplitName: signs between a name's letters go, and two words the
// email spells as one are joined where one is a piece of a word, not a
// particle; signs at a word's edge go only with such a join.
func TestMendSplitName(t *testing.T) {
	tests := []struct {
		name, text, local, want string
	}{
		{"a mark read as a sign, apart", "ZOFIA WO ]JCIK", "zofia_wojcik", "ZOFIA WOJCIK"},
		{"a mark read as a sign, inside", "ZOFIA WO]JCIK", "zofia", "ZOFIA WOJCIK"},
		{"a marked capital split off", "Gökhan Wó Jcik", "gokhan.wojcik", "Gökhan Wójcik"},
		{"signs at a word's edge, no join", "[ HARDW [ARE DEPOT", "", "[ HARDW [ARE DEPOT"},
		{"a particle of one letter", "Riely Ó Súilleabháin", "riely.osuilleabhain", "Riely Ó Súilleabháin"},
		{"a particle of three letters", "Aoife Mac Giolla", "aoife.macgiolla", "Aoife Mac Giolla"},
		{"a piece the email does not join", "Jan Ng Wei", "jan.wei", "Jan Ng Wei"},
		{"a word's end in small letters split off", "Orhan Tug rul I. Celik", "tugrul_celik", "Orhan Tugrul I. Celik"},
		{"a word in small letters the email does not join", "Orhan Tug rul", "orhan", "Orhan Tug rul"},
		{"a particle in small letters", "Anouk van Dijk", "anoukvandijk", "Anouk van Dijk"},
		{"nothing to mend", "Jane Example", "jane", "Jane Example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &card{}
			if tt.local != "" {
				c.locals = []string{tt.local}
			}
			if got := c.mendSplitName(tt.text); got != tt.want {
				t.Errorf("mendSplitName(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentenceCase(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Crafted with care", true},
		{"From harbour to doorstep", true},
		{"Trading Company", false},
		{"Bank of Example", false},
		{"Sample and Sons", false},
		{"ace quaywell communications", false},
		{"DESIGN PRINT SIGNAGE", false},
		{"Design * Print Signage", false},
		{"Orchards", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := sentenceCase(tt.text); got != tt.want {
				t.Errorf("sentenceCase(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestRangeEnd(t *testing.T) {
	tests := []struct {
		after string
		want  int
	}{
		{" to 1231", 8},
		{" to 1231 Fax", 8},
		{" al 39, Mobile", 6},
		{" bis 19", 7},
		{" a 2345-6790", 0}, // a second number in full
		{" to 1231 5555", 0},
		{" Fax", 0},
		{" today", 0},
		{"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.after, func(t *testing.T) {
			if got := rangeEnd(tt.after); got != tt.want {
				t.Errorf("rangeEnd(%q) = %d, want %d", tt.after, got, tt.want)
			}
		})
	}
}

// TestPhoneAndFaxReason: the review says why a number labelled for the
// phone and the fax was taken as the phone.
func TestPhoneAndFaxReason(t *testing.T) {
	rows := cat(stack(100, 80, 70, "John Roe"), stack(100, 400, "Tel/Fax: (415) 555-0150"))
	for _, f := range Classify(lines(rows...), cardSize) {
		if f.Kind == FieldPhone {
			if f.PhoneKind != "work" || !strings.Contains(f.Reason, "labelled as phone and fax") {
				t.Errorf("phone %q kind %q, reason %q; want work, labelled as phone and fax", f.Value, f.PhoneKind, f.Reason)
			}
			return
		}
	}
	t.Error("no phone")
}

// TestFixDigitSlips: a letter OCR reads for a digit, inside a number or
// as its first digit, is read as the digit; letters of words are left.
func TestFixDigitSlips(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"an O inside a number", "Tel: 03-1234-56O8", "Tel: 03-1234-5608"},
		{"a Q first", "Q3-1234-5678", "03-1234-5678"},
		{"a G after a bracket", "Mobile: (G12 3451 36", "Mobile: (612 3451 36"},
		{"an S between digits", "+34 8S0 12 38 11", "+34 850 12 38 11"},
		{"a B and a Z between digits", "0121 2B4 5Z07", "0121 284 5207"},
		{"words are left", "Sales Boise ZIP 83702", "Sales Boise ZIP 83702"},
		{"a postcode's letters are left", "B3 1AA Birmingham", "B3 1AA Birmingham"},
		{"few digits: left", "G12 S3", "G12 S3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fixDigitSlips(tt.in); got != tt.want {
				t.Errorf("fixDigitSlips(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSpelledFromWord(t *testing.T) {
	tests := []struct {
		text, domain string
		want         bool
	}{
		{"Sable Ridge Freight", "sableridge", true},
		{"The Sable Ridge Co.", "sableridge", true},
		{"Sable Ridge", "sableridgefreight", false},
		{"TOVANSA BELDAN", "sabeldan", false},
		{"Kittiwake", "kittiwake", true},
		{"", "kittiwake", false},
	}
	for _, tt := range tests {
		t.Run(tt.text+" "+tt.domain, func(t *testing.T) {
			if got := spelledFromWord(tt.text, tt.domain); got != tt.want {
				t.Errorf("spelledFromWord(%q, %q) = %v, want %v", tt.text, tt.domain, got, tt.want)
			}
		})
	}
}

func TestRoleMailbox(t *testing.T) {
	tests := []struct {
		local string
		want  bool
	}{
		{"quenbybrewing.office", true},
		{"info", true},
		{"sales.emea", true},
		{"office2", true},
		{"tovar.rilentov", false},
		{"officer.jane", false},
		{"marinfo", false},
	}
	for _, tt := range tests {
		t.Run(tt.local, func(t *testing.T) {
			if got := roleMailbox(tt.local); got != tt.want {
				t.Errorf("roleMailbox(%q) = %v, want %v", tt.local, got, tt.want)
			}
		})
	}
}

// TestFormOnItsOwnLine: a legal form alone under the firm's name ends
// it, however few letters it keeps and however unsurely it was read:
// "d.0.0." (d.o.o., its o's read as zeros) read at 57.
func TestFormOnItsOwnLine(t *testing.T) {
	tests := []struct {
		name, form string
		conf       float64
		want       string
	}{
		{"read surely", "d.0.0.", 92, "Ashvik Pivovara d.o.o."},
		{"read unsurely", "d.0.0.", 57, "Ashvik Pivovara d.o.o."},
		{"a Czech form", "s.r.0.", 57, "Ashvik Pivovara s.r.o."},
		{"a speck is no form", "o.", 57, "Ashvik Pivovara"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := lines(cat(
				stack(900, 100, 74, "ASHVIK"),
				stack(900, 234, 60, "Tomislav Marić", 34, "Računovođa", 38, "Ashvik Pivovara", 29, tt.form, "Kvaliteta od 1990."),
				stack(900, 600, "e tmaric@ashvik.hr", "e ashvik.hr"),
			)...)
			for i := range ls {
				if ls[i].Text == tt.form {
					ls[i].Conf = tt.conf
				}
			}
			var got string
			for _, f := range Classify(ls, cardSize) {
				if f.Kind == FieldCompany {
					got = f.Value
				}
			}
			if got != tt.want {
				t.Errorf("company = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWebsiteHost: a website's host is replaced, or written in small
// letters, keeping its scheme, its "www." and its path as read.
func TestWebsiteHost(t *testing.T) {
	tests := []struct {
		raw, host, replaced, lowered string
	}{
		{"www.acme.com", "acme.co.uk", "www.acme.co.uk", "www.acme.com"},
		{"WWW.ACME.COM/Shop", "acme.co.uk", "WWW.acme.co.uk/Shop", "www.acme.com/Shop"},
		{"httpS://Acme.com/", "acme.co.uk", "httpS://acme.co.uk/", "https://acme.com/"},
		{"http://www.acme.com/a/B", "www.acme.io", "http://www.acme.io/a/B", "http://www.acme.com/a/B"},
		{"acme.com", "acme.io", "acme.io", "acme.com"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if got := replaceHost(tt.raw, tt.host); got != tt.replaced {
				t.Errorf("replaceHost(%q, %q) = %q, want %q", tt.raw, tt.host, got, tt.replaced)
			}
			if got := lowerHost(tt.raw); got != tt.lowered {
				t.Errorf("lowerHost(%q) = %q, want %q", tt.raw, got, tt.lowered)
			}
		})
	}
}
