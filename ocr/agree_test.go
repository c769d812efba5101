package ocr

import (
	"cmp"
	"strings"
	"testing"
)

// TestAgreement: a card's name, email and website mend each other's
// single misread letters, and what still disagrees is marked for review.
func TestAgreement(t *testing.T) {
	tests := []struct {
		name             string
		rows             []row
		email, website   string
		emailLow, webLow bool // marked for review
		nameWant         string
		emailConf        float64 // 95 when 0: read surer than the name's 90
	}{
		{
			name:    "an l read twice in the email and the website",
			rows:    cat(stack(100, 80, 70, "Elena Sorokina"), stack(100, 400, "E: eLlena@quillvale.example", "W: quillvale.exampLle")),
			email:   "elena@quillvale.example",
			website: "quillvale.example",
		},
		{
			name:    "a website one letter off the firm's name, a letter read after its www",
			rows:    cat(stack(100, 80, 70, "Elena Sorokina", "Sales Manager"), stack(100, 250, 60, "Quillvale Printworks Limited"), stack(100, 400, "E: elena.sorokina@gmail.com", "W: www.v.quilvaleprintworkslimited.co.uk")),
			email:   "elena.sorokina@gmail.com",
			website: "www.quillvaleprintworkslimited.co.uk",
			webLow:  true,
		},
		{
			name:    "a long website two letters off the firm's name",
			rows:    cat(stack(100, 80, 70, "Elena Sorokina", "Sales Manager"), stack(100, 250, 60, "Corrieburn Roofing Ltd"), stack(100, 400, "E: elena.sorokina@gmail.com", "W: www.cormiebumroofingltd.ca")),
			email:   "elena.sorokina@gmail.com",
			website: "www.corrieburnroofingltd.ca",
			webLow:  true,
		},
		{
			name:    "a website that drops a word of the firm's name is left",
			rows:    cat(stack(100, 80, 70, "Elena Sorokina", "Sales Manager"), stack(100, 250, 60, "Quillvale Brewing Ltd"), stack(100, 400, "E: elena.sorokina@gmail.com", "W: www.quillvalebrewing.com")),
			email:   "elena.sorokina@gmail.com",
			website: "www.quillvalebrewing.com",
		},
		{
			name:    "a website the email's domain spells as read is left",
			rows:    cat(stack(100, 80, 70, "Elena Sorokina", "Sales Manager"), stack(100, 250, 60, "Quillvale Ltd"), stack(100, 400, "E: elena@quilvaleltd.com", "W: www.quilvaleltd.com")),
			email:   "elena@quilvaleltd.com",
			website: "www.quilvaleltd.com",
		},
		{
			name:    "a website cut short of its suffix's last letter, with a slip besides",
			rows:    cat(stack(100, 80, 70, "Elena Sorokina"), stack(100, 400, "E: elena@quillvale.ai", "W: www.quilivale.a")),
			email:   "elena@quillvale.ai",
			website: "www.quillvale.ai",
		},
		{
			name:  "a host cut short of another label is left",
			rows:  cat(stack(100, 80, 70, "Elena Sorokina"), stack(100, 400, "E: elena@quillvale.co.uk", "W: www.quillvale.c")),
			email: "elena@quillvale.co.uk",
		},
		{
			name:     "one letter of the local part against the name",
			rows:     cat(stack(100, 80, 70, "Jane Doe"), stack(100, 400, "jame.doe@acmewidgets.com", "www.acmewidgets.com")),
			email:    "jane.doe@acmewidgets.com",
			website:  "www.acmewidgets.com",
			emailLow: true, emailConf: 50,
		},
		{
			name:     "one letter of the name against an email read surer",
			rows:     cat(stack(100, 80, 70, "TARO KAdI", "Sales Manager"), stack(100, 400, "taro.kaji@example.co.jp")),
			email:    "taro.kaji@example.co.jp",
			nameWant: "Taro Kaji",
		},
		{
			name:      "a name's diacritics are not a slip of the email",
			rows:      cat(stack(100, 80, 70, "Benoît Gaétan", "Sales Manager"), stack(100, 400, "benoit.gaetan@example.fr")),
			email:     "benoit.gaetan@example.fr",
			nameWant:  "Benoît Gaétan",
			emailConf: 80,
		},
		{
			name:      "an ł read as t, against an email read less surely",
			rows:      cat(stack(100, 80, 70, "Matgorzata Nowak", "Sales Manager"), stack(100, 400, "malgorzata.nowak@example.ca")),
			email:     "malgorzata.nowak@example.ca",
			nameWant:  "Małgorzata Nowak",
			emailConf: 80,
		},
		{
			name:     "a ß in capitals read as R, against an email that writes ss",
			rows:     cat(stack(100, 80, 70, "TORVE MÜRIG", "Sales Manager"), stack(100, 400, "torve.mussig@example.de")),
			email:    "torve.mussig@example.de",
			nameWant: "Torve Müßig",
		},
		{
			name:     "a ß read as R, against an initial and the family name",
			rows:     cat(stack(100, 80, 70, "ORLA KÄRBOHREN", "Sales Manager"), stack(100, 400, "okassbohren@example.de")),
			email:    "okassbohren@example.de",
			nameWant: "Orla Käßbohren",
		},
		{
			name:     "an R the email writes as r stays",
			rows:     cat(stack(100, 80, 70, "TORVE MÜRIG", "Sales Manager"), stack(100, 400, "torve.murig@example.de")),
			email:    "torve.murig@example.de",
			nameWant: "Torve Mürig",
		},
		{
			name:     "an Ł read as T in capitals",
			rows:     cat(stack(100, 80, 70, "PRZEMYSTAW NOWAK", "Sales Manager"), stack(100, 400, "przemyslaw@example.ca")),
			email:    "przemyslaw@example.ca",
			nameWant: "Przemysław Nowak",
		},
		{
			name:     "an ł read as t, against an email that adds an initial",
			rows:     cat(stack(100, 80, 70, "Matgorzata Ferreira", "Sales Manager"), stack(100, 400, "malgorzataf@example.co.uk")),
			email:    "malgorzataf@example.co.uk",
			nameWant: "Małgorzata Ferreira",
		},
		{
			name:     "an ł read as t, against an email of the whole name and a number",
			rows:     cat(stack(100, 80, 70, "Rafat Okonkwo", "Sales Manager"), stack(100, 400, "rafalokonkwo71@example.com")),
			email:    "rafalokonkwo71@example.com",
			nameWant: "Rafał Okonkwo",
		},
		{
			name:      "an l of the name against a t of the email is no ł",
			rows:      cat(stack(100, 80, 70, "Jane Wilton", "Sales Manager"), stack(100, 400, "jane.witton@example.ca")),
			email:     "jane.wilton@example.ca",
			nameWant:  "Jane Wilton",
			emailLow:  true,
			emailConf: 50,
		},
		{
			name:      "a long name one letter short in the email",
			rows:      cat(stack(100, 80, 70, "Sławomir Nowak", "Radca prawny"), stack(100, 400, "slawomi.nowak@example.pl")),
			email:     "slawomir.nowak@example.pl",
			emailLow:  true,
			emailConf: 50,
		},
		{
			name:      "a short name one letter short is a short form",
			rows:      cat(stack(100, 80, 70, "Maria Nowak", "Radca prawny"), stack(100, 400, "mari.nowak@example.pl")),
			email:     "mari.nowak@example.pl",
			emailConf: 80,
		},
		{
			name:  "an initial before the family name is no slip",
			rows:  cat(stack(100, 80, 70, "Marcus Bell"), stack(100, 400, "mbell@bellokafor.example.org")),
			email: "mbell@bellokafor.example.org",
		},
		{
			name:    "a website one letter from the email's domain, its suffix unknown",
			rows:    cat(stack(100, 80, 70, "Jane Doe"), stack(100, 400, "jane@acmewidgets.com", "www.acmewidgets.corn")),
			email:   "jane@acmewidgets.com",
			website: "www.acmewidgets.com",
		},
		{
			name:    "two valid domains one letter apart, the firm's name names the email's",
			rows:    cat(stack(100, 80, 70, "Jane Doe"), stack(100, 300, "Larkspur Brewing"), stack(100, 400, "jane@larkspur.com", "https://aarkspur.com")),
			email:   "jane@larkspur.com",
			website: "https://larkspur.com",
			webLow:  true,
		},
		{
			name:     "two valid domains one letter apart, the firm's name names the website's",
			rows:     cat(stack(100, 80, 70, "Jane Doe"), stack(100, 300, "Corrieburn S.L."), stack(100, 400, "jane@corriebum.es", "www.corrieburn.es")),
			email:    "jane@corrieburn.es",
			website:  "www.corrieburn.es",
			emailLow: true,
		},
		{
			name:    "two letters apart (ri read as n), the firm's name names the email's",
			rows:    cat(stack(100, 80, 70, "Jane Doe"), stack(100, 300, "Rilokasa Lda."), stack(100, 400, "jane@rilokasa.pt", "https://nlokasa.pt")),
			email:   "jane@rilokasa.pt",
			website: "https://rilokasa.pt",
			webLow:  true,
		},
		{
			name:    "two letters apart with no firm to tell: left as read",
			rows:    cat(stack(100, 80, 70, "Jane Doe"), stack(100, 400, "jane@rilokasa.pt", "https://nlokasa.pt")),
			email:   "jane@rilokasa.pt",
			website: "https://nlokasa.pt",
		},
		{
			name:    "a website read as its suffix alone takes the email's domain",
			rows:    cat(stack(100, 80, 70, "Jane Doe"), stack(100, 400, "jane@corrieburn.com.sg", "www. com.sg")),
			email:   "jane@corrieburn.com.sg",
			website: "www.corrieburn.com.sg",
		},
		{
			name:     "two valid domains one letter apart: review both",
			rows:     cat(stack(100, 80, 70, "Jane Doe"), stack(100, 400, "jane@acmewidgets.com", "www.acnewidgets.com")),
			email:    "jane@acmewidgets.com",
			website:  "www.acnewidgets.com",
			emailLow: true, webLow: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var email, website *Field
			name := ""
			ls := lines(tt.rows...)
			for i := range ls {
				if strings.Contains(ls[i].Text, "@") {
					ls[i].Conf = cmp.Or(tt.emailConf, 95)
				}
			}
			fs := Classify(ls, cardSize)
			for i := range fs {
				switch fs[i].Kind {
				case FieldName:
					name = fs[i].Value
				case FieldEmail:
					email = &fs[i]
				case FieldWebsite:
					website = &fs[i]
				}
			}
			check := func(what string, f *Field, want string, low bool) {
				t.Helper()
				switch {
				case want == "" && f != nil:
					t.Errorf("%s = %q, want none", what, f.Value)
				case want == "":
				case f == nil:
					t.Errorf("%s missing, want %q", what, want)
				case f.Value != want:
					t.Errorf("%s = %q, want %q", what, f.Value, want)
				case (f.Conf < LowConfidence) != low:
					t.Errorf("%s confidence %.0f (%s), marked for review %v, want %v", what, f.Conf, f.Reason, !low, low)
				case low && !strings.Contains(f.Reason, "agree"):
					t.Errorf("%s reason %q does not say why it needs review", what, f.Reason)
				}
			}
			if tt.nameWant != "" && name != tt.nameWant {
				t.Errorf("name = %q, want %q", name, tt.nameWant)
			}
			check("email", email, tt.email, tt.emailLow)
			check("website", website, tt.website, tt.webLow)
		})
	}
}

func TestEmailAgainstName(t *testing.T) {
	tests := []struct {
		name, local, person, want string
		mend                      func(string, []string) string
	}{
		{"a label read into the local part", "mailomasato", "Masato Fujiwara", "masato", unlabelled},
		{"a label and its colon", "email:jdoe", "Jane Doe", "jdoe", unlabelled},
		{"a local part that starts like a label", "mailer", "Mai Lerner", "mailer", unlabelled},
		{"no label", "masato", "Masato Fujiwara", "masato", unlabelled},
		{"a name the rest does not agree with", "mailoxyz", "Masato Fujiwara", "mailoxyz", unlabelled},
		{"an initial and a family name, one letter off", "mhunez", "Marta Nunez", "mnunez", mendInitialed},
		{"a given name and an initial, one letter off", "hiamht", "Niamh Tovey", "niamht", mendInitialed},
		{"right as read", "mnunez", "Marta Nunez", "mnunez", mendInitialed},
		{"an initial that disagrees", "xhunez", "Marta Nunez", "xhunez", mendInitialed},
		{"two letters off", "mhunex", "Marta Nunez", "mhunex", mendInitialed},
		{"a name with marks, written without", "mnunez", "Marta Núñez", "mnunez", mendInitialed},
		{"a letter apart, written plain", "pwrobek", "Paweł Wróbel", "pwrobel", mendInitialed},
		{"a letter apart in the given name", "lukqszn", "Łukasz Nowak", "lukaszn", mendInitialed},
		{"an initial l read as i", "iquenby", "Lorcan Quenby", "lquenby", mendInitialed},
		{"an initial i read as j", "jorvale", "Isra Orvale", "iorvale", mendInitialed},
		{"a family initial l read as i", "tamsini", "Tamsin Lorvett", "tamsinl", mendInitialed},
		{"an initial that is no stroke alike", "kquenby", "Lorcan Quenby", "kquenby", mendInitialed},
		{"the family name alone", "quenby", "Lorcan Quenby", "quenby", mendInitialed},
		{"a 1 read as l after the name", "orlaquenbyl4", "Orla Quenby", "orlaquenby14", mendNumberAfterName},
		{"a 1 read as l between digits", "quenby1l3", "Orla Quenby", "quenby113", mendNumberAfterName},
		{"a 1 read as I after the given name", "orlaI7", "Orla Quenby", "orla17", mendNumberAfterName},
		{"a number read right", "orlaquenby14", "Orla Quenby", "orlaquenby14", mendNumberAfterName},
		{"an l with no digit after the name", "quenbyl", "Orla Quenby", "quenbyl", mendNumberAfterName},
		{"letters after the name", "quenbyla4", "Orla Quenby", "quenbyla4", mendNumberAfterName},
		{"an l that is no number's", "orlal", "Orla Quenby", "orlal", mendNumberAfterName},
		{"a number not after the name", "tovil3", "Orla Quenby", "tovil3", mendNumberAfterName},
		{"a name with marks, written without", "goncalol2", "Gonçalo Quenby", "goncalo12", mendNumberAfterName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.mend(tt.local, strings.Fields(tt.person)); got != tt.want {
				t.Errorf("%q for %q = %q, want %q", tt.local, tt.person, got, tt.want)
			}
		})
	}
}
