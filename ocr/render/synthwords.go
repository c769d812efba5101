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
	// Vietnamese given names, with the middle name printed before them.
	"vi": {"Văn Hải", "Thu Hà", "Quốc Bảo", "Ngọc Ánh", "Hữu Phước", "Thanh Tùng", "Bích Ngọc", "Minh Đức", "Thị Hường", "Đình Khải"},
	"tr": {"Ilgın", "Barış", "Gülşen", "Ömer", "Büşra", "Ertuğrul", "Şükrü", "Özlem", "Tuğçe", "Çağrı"},
	"pl": {"Łukasz", "Grzegorz", "Żaneta", "Bożena", "Jędrzej", "Michał", "Sławomir", "Agnieszka", "Wiesław", "Małgosia"},
	"cs": {"Tomáš", "Lukáš", "Jiřina", "Zdeněk", "Vojtěch", "Kateřina", "Přemysl", "Bořivoj", "Radoslava", "Dušan"},
	"hr": {"Krešimir", "Dražen", "Snježana", "Željko", "Tomislav", "Vesna", "Božidar", "Mirjana", "Ljiljana", "Zoran"},
	"it": {"Niccolò", "Gianluca", "Raffaella", "Lodovico", "Ludovica", "Pierluigi", "Mariagrazia", "Ottavio", "Annunziata", "Gioele"},
	"nl": {"Sjoerd", "Maartje", "Joëlle", "Floor", "Geert", "Ruud", "Marijke", "Bram", "Anneloes", "Wouter"},
}

var familyNames = map[string][]string{
	"en": {"Ó Súilleabháin", "Mac Giolla", "Kılıç", "Öztürk", "Şahin", "Horvat", "Kovačević", "Babić", "Wiśniewski",
		"Wójcik", "Dvořák", "Procházka", "Nkosi", "Okonkwo", "Mensah", "Adeyemi", "Raghunathan", "Venkatesan",
		"Fairweather", "Blackwood", "Thistlewood", "Pennington", "Ashdown", "Holloway"},
	"de": {"Größer", "Müßig", "Käßbohrer", "Schäuble", "Bräunig", "Hölzl", "Dreßler", "Jäckel", "Wünsche", "Förster"},
	"fr": {"Lefèvre", "Bézier", "Gaëtan", "Mélançon", "Thériault", "Bélanger", "Pétain", "Létourneau", "Côté", "Hébert"},
	"es": {"Núñez", "Ibáñez", "Muñoz", "Peña", "Gutiérrez", "Echeverría", "Zúñiga", "Álvarez", "Martínez", "Saldaña"},
	"pt": {"Gonçalves", "Magalhães", "Conceição", "Simões", "Guimarães", "Brandão", "Falcão", "Assunção", "Lobão", "Patrício"},
	"vi": {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"},
	"tr": {"Yılmaz", "Çelik", "Aydın", "Doğru", "Güneş", "Kaçar", "Erdoğdu", "Akgül", "Özkan", "Şimşek"},
	"pl": {"Kowalczyk", "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Kozłowski", "Jabłoński", "Mazurkiewicz", "Pawłowska", "Sołtys"},
	"cs": {"Novák", "Svoboda", "Černý", "Veselý", "Kučera", "Němec", "Pokorný", "Růžička", "Doležal", "Šťastný"},
	"hr": {"Knežević", "Marić", "Jurić", "Perić", "Vuković", "Šimić", "Pavlović", "Božić", "Grgić", "Matić"},
	"it": {"Esposito", "Ferraro", "Lombardo", "De Luca", "Mancini", "Fabbri", "Cattaneo", "Marchetti", "Sanfilippo", "Ricciardi"},
	"nl": {"de Vries", "van Dijk", "Bakker", "Visser", "van den Berg", "Smit", "Mulder", "Jansen", "Hoekstra", "Dijkstra"},
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
	"vi": {"Giám đốc", "Trưởng phòng kinh doanh", "Kế toán trưởng", "Phó giám đốc", "Kỹ sư xây dựng", "Chuyên viên tư vấn"},
	"tr": {"Genel Müdür", "Satış Müdürü", "Mali Müşavir", "İnşaat Mühendisi", "Muhasebe Uzmanı", "Avukat"},
	"pl": {"Dyrektor handlowy", "Kierownik budowy", "Główna księgowa", "Radca prawny", "Inżynier sprzedaży", "Prezes zarządu"},
	"cs": {"Jednatel", "Obchodní ředitel", "Účetní", "Stavbyvedoucí", "Projektová manažerka", "Advokát"},
	"hr": {"Direktor", "Voditeljica prodaje", "Računovođa", "Građevinski inženjer", "Odvjetnik", "Savjetnica za prodaju"},
	"it": {"Amministratore delegato", "Direttrice commerciale", "Commercialista", "Geometra", "Responsabile acquisti", "Avvocato"},
	"nl": {"Directeur", "Bedrijfsleider", "Accountmanager", "Projectleider", "Boekhouder", "Notaris"},
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
	"vi": {"Vận tải", "Xây dựng", "Thương mại", "In ấn", "Nội thất"},
	"tr": {"Nakliyat", "İnşaat", "Matbaacılık", "Mobilya", "Gıda"},
	"pl": {"Transport", "Budownictwo", "Drukarnia", "Meble", "Spedycja"},
	"cs": {"Doprava", "Stavby", "Tiskárna", "Nábytek", "Pivovar"},
	"hr": {"Prijevoz", "Gradnja", "Tiskara", "Namještaj", "Pivovara"},
	"it": {"Trasporti", "Costruzioni", "Tipografia", "Arredamenti", "Birrificio"},
	"nl": {"Transport", "Bouw", "Drukkerij", "Meubelen", "Brouwerij"},
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
	"vi": {"Uy tín tạo nên thương hiệu", "Chất lượng là hàng đầu"},
	"tr": {"1985'ten beri güvenle", "Kalite ve güven"},
	"pl": {"Jakość od 1991 roku", "Zawsze blisko Ciebie"},
	"cs": {"Kvalita od roku 1993", "Vždy po vašem boku"},
	"hr": {"Kvaliteta od 1990.", "Uvijek uz vas"},
	"it": {"Qualità dal 1972", "Sempre al vostro fianco"},
	"nl": {"Kwaliteit sinds 1968", "Altijd dichtbij"},
}

var services = map[string][]string{
	"en": {"Air · Sea · Road · Warehousing", "Sales | Rentals | Repairs", "Import / Export / Customs", "Design • Print • Signage"},
	"de": {"Luftfracht · Seefracht · Lager"},
	"fr": {"Vente · Location · Réparation"},
	"es": {"Venta · Alquiler · Reparación"},
	"pt": {"Venda · Aluguer · Reparação"},
	"vi": {"Vận chuyển · Kho bãi · Hải quan"},
	"tr": {"Satış · Kiralama · Servis"},
	"pl": {"Sprzedaż · Wynajem · Serwis"},
	"cs": {"Prodej · Pronájem · Servis"},
	"hr": {"Prodaja · Najam · Servis"},
	"it": {"Vendita · Noleggio · Assistenza"},
	"nl": {"Verkoop · Verhuur · Onderhoud"},
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

// Japanese cards: each name and firm with the romaji it is written in,
// which the card prints under the name and the email is made of. Common
// names, none in the classifier's lists (it has no Japanese names).
type romaji struct{ kanji, latin string }

var japaneseFamilies = []romaji{
	{"佐藤", "Sato"}, {"鈴木", "Suzuki"}, {"高橋", "Takahashi"}, {"渡辺", "Watanabe"}, {"伊藤", "Ito"},
	{"山本", "Yamamoto"}, {"中村", "Nakamura"}, {"小林", "Kobayashi"}, {"加藤", "Kato"}, {"吉田", "Yoshida"},
	{"松本", "Matsumoto"}, {"井上", "Inoue"}, {"木村", "Kimura"}, {"清水", "Shimizu"}, {"橋本", "Hashimoto"},
	{"石川", "Ishikawa"}, {"前田", "Maeda"}, {"藤原", "Fujiwara"}, {"岡田", "Okada"}, {"森", "Mori"},
}

var japaneseGivens = []romaji{
	{"健一", "Kenichi"}, {"大輔", "Daisuke"}, {"翔太", "Shota"}, {"直樹", "Naoki"}, {"美咲", "Misaki"},
	{"陽子", "Yoko"}, {"恵子", "Keiko"}, {"裕子", "Yuko"}, {"真由美", "Mayumi"}, {"拓也", "Takuya"},
	{"和也", "Kazuya"}, {"亮", "Ryo"}, {"誠", "Makoto"}, {"智子", "Tomoko"}, {"浩二", "Koji"},
	{"千尋", "Chihiro"}, {"雅人", "Masato"}, {"彩", "Aya"}, {"修", "Osamu"}, {"奈緒", "Nao"},
}

// japaneseDepartments print before the job on its line, with or
// without a space; japaneseJobs are the jobs, ranks and trades. Ranks are
// a closed set, so some of these are words the classifier knows
// (ocr/japanese.go); most it knows only by their endings (長, 士, 員, 役),
// and 主任研究員, チーフデザイナー and プロデューサー test that a job is
// found after its department however it is spelt.
var japaneseDepartments = []string{"営業部", "総務部", "技術開発部", "経営企画室", "人事部", "海外事業部",
	"品質保証課", "第二営業課", "物流センター", "設計部"}

var japaneseJobs = []string{"部長", "課長", "係長", "主任", "次長", "室長", "所長", "取締役", "代表取締役",
	"マネージャー", "シニアエンジニア", "チーフデザイナー", "主任研究員", "プロデューサー", "税理士"}

// japaneseFirms are firm names in katakana or kanji, with the romaji
// their domains are made of; japaneseTrades say what the firm does.
var japaneseFirms = []romaji{
	{"サクラ", "sakura"}, {"アオバ", "aoba"}, {"ミナト", "minato"}, {"ヒカリ", "hikari"}, {"コスモ", "cosmo"},
	{"ツバサ", "tsubasa"}, {"東邦", "toho"}, {"北斗", "hokuto"}, {"大和", "yamato"}, {"若葉", "wakaba"},
}

var japaneseTrades = []string{"物流", "工業", "製作所", "商事", "建設", "電機", "印刷", "精機"}

// japanesePlaces are a prefecture and city, a district with its blocks
// still to come.
var japanesePlaces = []string{"東京都港区芝公園", "東京都千代田区丸の内", "大阪府大阪市北区梅田", "愛知県名古屋市中区栄",
	"福岡県福岡市博多区博多駅前", "神奈川県横浜市西区みなとみらい", "京都府京都市下京区烏丸通"}

var japaneseBuildings = []string{"ビル", "タワー", "センタービル", "第一ビル"}

// japaneseTaglines are printed under the firm, as English ones are.
var japaneseTaglines = []string{"未来へつなぐ物流", "確かな技術と信頼", "お客様と共に歩む"}
