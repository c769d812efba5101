package render

import (
	"strings"

	"github.com/brianvoe/gofakeit/v7/data"
)

// The words the invented cards are made of. They are kept apart from the
// classifier's own lists on purpose, so that the synthetic set tests the
// reader instead of mirroring it: the classifier knows people by
// gofakeit's person lists and jobs by gofakeit's job titles and its own
// title and company words (ocr/people.go). None of the names below come
// from those lists (any that gofakeit also holds is dropped when the set
// is drawn, see apart), the job titles are of trades and professions
// chosen from outside them, and company names are made of place and
// nature words, not of the classifier's company words. Edit these lists,
// never share them with ocr.

// givenNames and familyNames are people's names, by the language their
// cards are printed in, with their diacritics.
var givenNames = map[string][]string{
	"en": {"Oisín", "Siobhán", "Tadhg", "Niamh", "Eilidh", "Ruairí", "Aoife", "Cormac", "Brónach", "Declan",
		"Şebnem", "Gökhan", "Çağla", "Doğan", "Ivana", "Mateja", "Zvonimir", "Małgorzata", "Wojciech", "Przemysław",
		"Jiří", "Květa", "Radek", "Thandiwe", "Sipho", "Kwame", "Adaeze", "Chidi", "Anaya", "Ishaan"},
	"de": {"Jürgen", "Björn", "Gunnar", "Ute", "Hannelore", "Jörg", "Dörte", "Götz", "Wiebke", "Lüder"},
	"fr": {"Gaëlle", "Loïc", "Anaïs", "Aurélien", "Maëlys", "Benoît", "Séverine", "Jérôme", "Noémie", "Anaëlle"},
	"es": {"Iñaki", "Begoña", "Ainhoa", "Jesús", "Nuria", "Íñigo", "Montserrat", "Agustín", "Maite", "Ramón"},
	"pt": {"João", "Conceição", "Gonçalo", "Inês", "Assunção", "Simão", "Leonor", "Estêvão", "Brás", "Graça"},
}

var familyNames = map[string][]string{
	"en": {"Ó Súilleabháin", "Mac Giolla", "Kılıç", "Öztürk", "Şahin", "Horvat", "Kovačević", "Babić", "Wiśniewski",
		"Wójcik", "Dvořák", "Procházka", "Nkosi", "Okonkwo", "Mensah", "Adeyemi", "Raghunathan", "Venkatesan",
		"Fairweather", "Blackwood", "Thistlewood", "Pennington", "Ashdown", "Holloway"},
	"de": {"Größer", "Müßig", "Käßbohrer", "Schäuble", "Bräunig", "Hölzl", "Dreßler", "Jäckel", "Wünsche", "Förster"},
	"fr": {"Lefèvre", "Bézier", "Gaëtan", "Mélançon", "Thériault", "Bélanger", "Pétain", "Létourneau", "Côté", "Hébert"},
	"es": {"Núñez", "Ibáñez", "Muñoz", "Peña", "Gutiérrez", "Echeverría", "Zúñiga", "Álvarez", "Martínez", "Saldaña"},
	"pt": {"Gonçalves", "Magalhães", "Conceição", "Simões", "Guimarães", "Brandão", "Falcão", "Assunção", "Lobão", "Patrício"},
}

// jobTitles are trades and professions, some plain, some with a grade or
// a field: the reader must tell them by where and how they are printed,
// not only by words it knows.
var jobTitles = map[string][]string{
	"en": {"Sommelier", "Quantity Surveyor", "Actuary", "Paralegal", "Underwriter", "Head Brewer", "Luthier",
		"Cartographer", "Midwife", "Site Foreman", "Concierge", "Dispatcher", "Optometrist", "Veterinary Surgeon",
		"Conveyancer", "Arborist", "Shipwright", "Loss Adjuster", "Patent Attorney", "Chief Steward",
		"Wine Buyer", "Harbour Pilot", "Tax Partner", "Freight Forwarder", "Customs Broker"},
	"de": {"Geschäftsführer", "Prokurist", "Vertriebsleiterin", "Steuerberater", "Bauingenieurin", "Einkäuferin"},
	"fr": {"Gérant", "Directrice générale", "Expert-comptable", "Chargée d'affaires", "Ingénieur d'études", "Notaire"},
	"es": {"Gerente general", "Directora comercial", "Jefe de obra", "Asesora fiscal", "Ingeniero de caminos", "Abogada"},
	"pt": {"Diretora comercial", "Gerente de contas", "Engenheiro civil", "Contabilista", "Sócia-gerente", "Advogado"},
}

// companyStems name firms after places and nature, not after what they
// do, as many firms are named.
var companyStems = []string{"Nordvik", "Larkspur", "Bramblegate", "Sable Ridge", "Tidewater", "Ironbark", "Kittiwake",
	"Halcyon", "Saltmarsh", "Whinfell", "Corrieburn", "Eskdale", "Amberly", "Stonechat", "Fenwick", "Rowanoak"}

// companyTrades say what a firm does, where its name says it.
var companyTrades = map[string][]string{
	"en": {"Freight", "Joinery", "Surveying", "Brewing", "Optics", "Roofing", "Shipping", "Orchards", "Ironworks", "Printworks"},
	"de": {"Spedition", "Zimmerei", "Brauerei", "Optik", "Druckerei"},
	"fr": {"Transports", "Menuiserie", "Brasserie", "Optique", "Imprimerie"},
	"es": {"Transportes", "Carpintería", "Cervecería", "Óptica", "Imprenta"},
	"pt": {"Transportes", "Carpintaria", "Cervejaria", "Óptica", "Gráfica"},
}

// taglines and services are printed under the company: the reader must
// not take them for it, nor merge them into it.
var taglines = map[string][]string{
	"en": {"Moving what matters since 1987", "Crafted with care", "Your partner on every shore", "Built to last",
		"Quality you can count on", "From harbour to doorstep"},
	"de": {"Qualität seit 1952", "Wir bewegen Ihre Welt"},
	"fr": {"Depuis 1964, à votre écoute", "La qualité avant tout"},
	"es": {"Calidad desde 1978", "Siempre a su lado"},
	"pt": {"Qualidade desde 1981", "Sempre ao seu lado"},
}

var services = map[string][]string{
	"en": {"Air · Sea · Road · Warehousing", "Sales | Rentals | Repairs", "Import / Export / Customs", "Design • Print • Signage"},
	"de": {"Luftfracht · Seefracht · Lager"},
	"fr": {"Vente · Location · Réparation"},
	"es": {"Venta · Alquiler · Reparación"},
	"pt": {"Venda · Aluguer · Reparação"},
}

// apart drops from names those gofakeit's person lists hold, which the
// classifier takes for known names.
func apart(names []string) []string {
	known := map[string]bool{}
	for _, l := range [][]string{data.Person["first"], data.Person["middle"], data.Person["last"]} {
		for _, n := range l {
			known[strings.ToLower(n)] = true
		}
	}
	var out []string
	for _, n := range names {
		if !known[strings.ToLower(n)] {
			out = append(out, n)
		}
	}
	return out
}
