package countries

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/indicators"
)

// sharedFile returns the path of a file in the shared folder beside the
// checkout (../../../shared from this package). When it is missing the test
// is skipped, or fails if CI=true.
func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI: %v", p, err)
		}
		t.Skipf("skipping: %s not found (the shared folder is not beside the checkout): %v", p, err)
	}
	return p
}

func TestResolve(t *testing.T) {
	r := Default()
	tests := []struct {
		in   string
		want string
	}{
		// English names, codes and case
		{"Kazakhstan", "KAZ"},
		{"kazakhstan", "KAZ"},
		{"  KAZAKHSTAN\t", "KAZ"},
		{"kaz", "KAZ"},
		{"KZ", "KAZ"},
		{"uzb", "UZB"},
		{"Georgia", "GEO"},
		{"georgia", "GEO"},
		{"South Georgia", "SGS"},
		{"Niger", "NER"},
		{"Nigeria", "NGA"},
		{"Dominica", "DMA"},
		{"Dominican Republic", "DOM"},
		{"Guinea", "GIN"},
		{"Guinea Bissau", "GNB"},
		{"Equatorial Guinea", "GNQ"},
		{"Sudan", "SDN"},
		{"South Sudan", "SSD"},
		// transliterations and old names
		{"Kazakstan", "KAZ"},
		{"Kazachstan", "KAZ"},
		{"Qazaqstan", "KAZ"},
		{"Kirghizia", "KGZ"},
		{"Kyrgyz Republic", "KGZ"},
		{"Byelorussia", "BLR"},
		{"Belorussia", "BLR"},
		{"Moldavia", "MDA"},
		{"Moldova, Republic of", "MDA"},
		{"Russian Federation", "RUS"},
		{"Türkmenistan", "TKM"},
		{"turkmenistan", "TKM"},
		{"Turkmenia", "TKM"},
		{"Tadjikistan", "TJK"},
		{"O'zbekiston", "UZB"},
		{"Oʻzbekiston", "UZB"},
		{"Sakartvelo", "GEO"},
		{"Hayastan", "ARM"},
		{"Kazakh SSR", "KAZ"},
		// Russian Cyrillic
		{"Казахстан", "KAZ"},
		{"Узбекистан", "UZB"},
		{"Кыргызстан", "KGZ"},
		{"Киргизия", "KGZ"},
		{"Таджикистан", "TJK"},
		{"Туркменистан", "TKM"},
		{"Туркмения", "TKM"},
		{"Армения", "ARM"},
		{"Азербайджан", "AZE"},
		{"Азербаи\u0306джан", "AZE"}, // й typed as и + combining breve
		{"Грузия", "GEO"},
		{"Беларусь", "BLR"},
		{"Белоруссия", "BLR"},
		{"Молдова", "MDA"},
		{"Молдавия", "MDA"},
		{"Россия", "RUS"},
		{"Российская Федерация", "RUS"},
		{"РОССИЯ", "RUS"},
		{"Украина", "UKR"},
		{"Эстония", "EST"},
		{"Латвия", "LVA"},
		{"Литва", "LTU"},
		{"Объединенные Арабские Эмираты", "ARE"}, // е for ё
		// source forms
		{"Bosnia-Herzegovina", "BIH"},
		{"Congo-Brazzaville", "COG"},
		{"Congo (Brazzaville)", "COG"},
		{"DR Congo", "COD"},
		{"Congo, Dem. Rep.", "COD"},
		{"Korea, Rep.", "KOR"},
		{"The Gambia", "GMB"},
		{"Gambia, The", "GMB"},
		{"St. Vincent and the Grenadines", "VCT"},
		{"Burma/Myanmar", "MMR"},
		{"ROM", "ROU"},
		{"zar", "COD"},
		{"TMP", "TLS"},
		{"KSV", "XKX"},
		{"ADO", "AND"},
		{"WBG", "PSE"},
		// punctuation and diacritics
		{"Côte d’Ivoire", "CIV"},
		{"COTE D'IVOIRE", "CIV"},
		{"Cote dIvoire", "CIV"},
		{"Türkiye", "TUR"},
		{"TÜRKİYE", "TUR"},
		{"São Tomé and Príncipe", "STP"},
		{"Sao Tome & Principe", "STP"},
		{"Trinidad & Tobago", "TTO"},
		// historical entities are not their successors
		{"Soviet Union", "SUN"},
		{"USSR", "SUN"},
		{"СССР", "SUN"},
		{"Yugoslavia", "YUG"},
		{"Serbia and Montenegro", "SCG"},
		{"Czechoslovakia", "CSK"},
		{"Czech Republic", "CZE"},
		{"East Germany", "DDR"},
		{"Germany", "DEU"},
		// territories
		{"Crimea", "XCR"},
		{"Крым", "XCR"},
		{"Transnistria", "XTR"},
		{"Abkhazia", "XAB"},
		{"Nagorno-Karabakh", "XNK"},
		{"Hong Kong", "HKG"},
		{"Kosovo", "XKX"},
	}
	if len(tests) < 50 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		got, err := r.Resolve(tt.in)
		if err != nil {
			t.Errorf("Resolve(%q): %v, want %s", tt.in, err, tt.want)
			continue
		}
		if got.ISO3 != tt.want {
			t.Errorf("Resolve(%q) = %s (%s), want %s", tt.in, got.ISO3, got.Name, tt.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	r := Default()
	tests := []struct {
		in       string
		code     string
		msg      string   // exact message, if set
		contains []string // suggestions that must be offered
	}{
		{in: "kazakstn", code: indicators.ENotFound, msg: `unknown country "kazakstn" — did you mean Kazakhstan?`, contains: []string{"Kazakhstan"}},
		{in: " Казахстн ", code: indicators.ENotFound, msg: `unknown country "Казахстн" — did you mean Kazakhstan?`},
		{in: "austra", code: indicators.ENotFound, msg: `unknown country "austra" — did you mean Austria or Australia?`},
		{in: "Georiga", code: indicators.ENotFound, contains: []string{"Georgia"}},
		{in: "turkmen", code: indicators.ENotFound, contains: []string{"Turkmenistan"}},
		{in: "xyzzy", code: indicators.ENotFound, msg: `unknown country "xyzzy" — run "rankings countries" for the list`},
		{in: "congo", code: indicators.EInvalid, msg: `ambiguous country "congo": Congo (COG) or DR Congo (COD) — use one of these`},
		{in: "Korea", code: indicators.EInvalid, msg: `ambiguous country "Korea": North Korea (PRK) or South Korea (KOR) — use one of these`},
		{in: "virgin islands", code: indicators.EInvalid},
		{in: "Корея", code: indicators.EInvalid, msg: `ambiguous country "Корея": North Korea (PRK) or South Korea (KOR) — use one of these`},
		{in: "  ", code: indicators.EInvalid},
		{in: "--", code: indicators.EInvalid},
	}
	for _, tt := range tests {
		c, err := r.Resolve(tt.in)
		var e *indicators.Error
		if !errors.As(err, &e) {
			t.Errorf("Resolve(%q) = %v, %v; want *indicators.Error", tt.in, c, err)
			continue
		}
		if e.Code != tt.code {
			t.Errorf("Resolve(%q) code = %s, want %s (%v)", tt.in, e.Code, tt.code, err)
		}
		if tt.msg != "" && e.Msg != tt.msg {
			t.Errorf("Resolve(%q) message\n got %s\nwant %s", tt.in, e.Msg, tt.msg)
		}
		for _, s := range tt.contains {
			if !slices.Contains(e.Suggestions, s) {
				t.Errorf("Resolve(%q) suggestions %q lack %q", tt.in, e.Suggestions, s)
			}
		}
		if len(e.Suggestions) > 3 {
			t.Errorf("Resolve(%q) suggests %d names, want at most 3", tt.in, len(e.Suggestions))
		}
	}
	// An ambiguous error suggests the codes, which do resolve.
	_, err := r.Resolve("congo")
	var e *indicators.Error
	if errors.As(err, &e) && !slices.Equal(e.Suggestions, []string{"COG", "COD"}) {
		t.Errorf("congo suggestions = %q, want [COG COD]", e.Suggestions)
	}
}

func TestResolveAll(t *testing.T) {
	r := Default()
	got, err := r.ResolveAll([]string{"kaz", "Киргизия", "Tadjikistan"})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, c := range got {
		codes = append(codes, c.ISO3)
	}
	if !slices.Equal(codes, []string{"KAZ", "KGZ", "TJK"}) {
		t.Errorf("ResolveAll = %v", codes)
	}

	_, err = r.ResolveAll([]string{"kaz", "uzb", "Kazakhstan"})
	if indicators.ErrorCode(err) != indicators.EInvalid || !strings.Contains(err.Error(), `"kaz" and "Kazakhstan"`) {
		t.Errorf("duplicate: err = %v, want EInvalid naming both inputs", err)
	}
	_, err = r.ResolveAll([]string{"kaz", "nowhereland"})
	if indicators.ErrorCode(err) != indicators.ENotFound {
		t.Errorf("unknown: err = %v, want ENotFound", err)
	}
}

func TestByCode(t *testing.T) {
	r := Default()
	for code, want := range map[string]string{
		"KAZ": "KAZ", " kaz ": "KAZ", "KZ": "KAZ", "rom": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX",
		"ADO": "AND", "WBG": "PSE", "XKO": "XKX", "CTU": "XNC", "SUN": "SUN", "SU": "SUN", "ANT": "ANT", "BUR": "MMR",
	} {
		c, ok := r.ByCode(code)
		if !ok || c.ISO3 != want {
			t.Errorf("ByCode(%q) = %v, %v; want %s", code, c, ok, want)
		}
	}
	for _, code := range []string{"", "XYZ", "Kazakhstan", "CS", "USA1"} {
		if c, ok := r.ByCode(code); ok {
			t.Errorf("ByCode(%q) = %v, want not found", code, c)
		}
	}
}

func TestGroups(t *testing.T) {
	r := Default()
	want := map[string][]string{
		"post-soviet":    {"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"},
		"central-asia":   {"KAZ", "KGZ", "TJK", "TKM", "UZB"},
		"south-caucasus": {"ARM", "AZE", "GEO"},
		"eastern-europe": {"BLR", "MDA", "RUS", "UKR"},
		"baltics":        {"EST", "LTU", "LVA"},
		"territories":    {"XAB", "XCR", "XDB", "XNK", "XOU", "XSO", "XTR"},
	}
	for _, name := range GroupNames() {
		cs, err := r.Group(name)
		if err != nil {
			t.Fatalf("Group(%q): %v", name, err)
		}
		var codes []string
		wantKind := indicators.KindCountry
		if name == "territories" {
			wantKind = indicators.KindTerritory
		}
		for _, c := range cs {
			codes = append(codes, c.ISO3)
			if c.Kind != wantKind {
				t.Errorf("Group(%q) holds %s of kind %s", name, c.ISO3, c.Kind)
			}
		}
		if title := GroupTitle(name); title == name || title == "" {
			t.Errorf("GroupTitle(%q) = %q, want words", name, title)
		}
		if name == "all" {
			if len(cs) != len(r.Countries()) || len(cs) < 190 || slices.Contains(codes, "SUN") || slices.Contains(codes, "HKG") {
				t.Errorf("Group(all) has %d entities, want the %d countries", len(cs), len(r.Countries()))
			}
			continue
		}
		if !slices.Equal(codes, want[name]) {
			t.Errorf("Group(%q) = %v, want %v", name, codes, want[name])
		}
	}
	if cs, err := r.Group(" Central_Asia "); err != nil || len(cs) != 5 {
		t.Errorf("Group(Central_Asia) = %d, %v", len(cs), err)
	}
	// A group's title is accepted as its name.
	for in, want := range map[string]string{"Disputed and occupied territories": "territories", "post-Soviet states": "post-soviet", "ALL": "all", " Territories ": "territories"} {
		if got, err := GroupID(in); err != nil || got != want {
			t.Errorf("GroupID(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	if got := GroupTitle("territories"); got != "disputed and occupied territories" {
		t.Errorf("GroupTitle(territories) = %q", got)
	}
	_, err := r.Group("asia")
	if indicators.ErrorCode(err) != indicators.EInvalid || !strings.Contains(err.Error(), "post-soviet, central-asia, south-caucasus, eastern-europe, baltics, territories, all") {
		t.Errorf("Group(asia) err = %v, want EInvalid listing the groups", err)
	}
}

// TestTerritoriesAreNotStates checks the policy that a disputed or occupied
// territory a source scores on its own is an entity of its own: every name
// of it, in English and Russian, and every source row naming it resolve to
// the territory, never to the state that claims or holds it.
func TestTerritoriesAreNotStates(t *testing.T) {
	r := Default()
	names := map[string][]string{
		"XCR": {"Crimea", "Крым", "Republic of Crimea", "Республика Крым", "Autonomous Republic of Crimea", "Крымский полуостров"},
		"XAB": {"Abkhazia", "Абхазия", "Republic of Abkhazia", "Республика Абхазия", "Apsny"},
		"XSO": {"South Ossetia", "Южная Осетия", "Tskhinvali Region", "Цхинвальский регион"},
		"XTR": {"Transnistria", "Приднестровье", "Pridnestrovian Moldavian Republic", "Приднестровская Молдавская Республика", "ПМР"},
		"XNK": {"Nagorno-Karabakh", "Нагорный Карабах", "Artsakh", "Арцах", "Nagorno Karabakh"},
		"XDB": {"Eastern Donbas", "Восточный Донбасс", "Eastern Donbass", "Occupied Donbas", "Оккупированный Донбасс"},
		"XOU": {"Russian-Occupied Territories of Ukraine", "Оккупированные территории Украины"},
	}
	for want, ns := range names {
		for _, n := range ns {
			c, err := r.Resolve(n)
			if err != nil || c.ISO3 != want || c.Kind != indicators.KindTerritory {
				t.Errorf("Resolve(%q) = %s (%s), %v; want the territory %s", n, c.ISO3, c.Kind, err, want)
			}
		}
	}
	// Freedom House's rows, as the generator maps them.
	for name, want := range map[string]string{"Crimea": "XCR", "Abkhazia": "XAB", "South Ossetia": "XSO", "Transnistria": "XTR",
		"Nagorno-Karabakh": "XNK", "Eastern Donbas": "XDB", "Russian-Occupied Territories of Ukraine": "XOU"} {
		for _, source := range []string{"fh-fiw", "fh-ratings"} {
			if m, err := r.Map(source, "", name, 2024); err != nil || m.ISO3 != want {
				t.Errorf("Map(%s, %q) = %+v, %v; want %s", source, name, m, err, want)
			}
		}
	}
	// The states keep their own names.
	for name, want := range map[string]string{"Ukraine": "UKR", "Украина": "UKR", "Russia": "RUS", "Россия": "RUS", "Georgia": "GEO",
		"Грузия": "GEO", "Moldova": "MDA", "Молдова": "MDA", "Azerbaijan": "AZE", "Азербайджан": "AZE"} {
		if c, err := r.Resolve(name); err != nil || c.ISO3 != want {
			t.Errorf("Resolve(%q) = %s, %v; want %s", name, c.ISO3, err, want)
		}
	}
	cs, err := r.Group("territories")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		for _, g := range []string{"post-soviet", "eastern-europe", "south-caucasus", "all"} {
			ms, _ := r.Group(g)
			if slices.ContainsFunc(ms, func(m indicators.Country) bool { return m.ISO3 == c.ISO3 }) {
				t.Errorf("%s (%s) is in the group %s", c.Name, c.ISO3, g)
			}
		}
	}
}

// deliberatelyAmbiguous are the normalized forms that name several entities
// on purpose.
var deliberatelyAmbiguous = map[string][]string{
	"congo":             {"COD", "COG"},
	"korea":             {"KOR", "PRK"},
	"virginislands":     {"VGB", "VIR"},
	"saintmartin":       {"MAF", "SXM"},
	"stmartin":          {"MAF", "SXM"},
	"конго":             {"COD", "COG"},
	"корея":             {"KOR", "PRK"},
	"виргинскиеострова": {"VGB", "VIR"},
}

func TestRegistryIntegrity(t *testing.T) {
	r := Default()
	all := r.All()
	iso3, iso2 := map[string]bool{}, map[string]bool{}
	kinds := map[indicators.Kind]int{}
	for i, c := range all {
		if i > 0 && all[i-1].ISO3 >= c.ISO3 {
			t.Errorf("All() not sorted at %s", c.ISO3)
		}
		if iso3[c.ISO3] {
			t.Errorf("ISO3 %s repeated", c.ISO3)
		}
		iso3[c.ISO3] = true
		if c.ISO2 != "" {
			if iso2[c.ISO2] {
				t.Errorf("ISO2 %s repeated", c.ISO2)
			}
			iso2[c.ISO2] = true
		}
		if strings.TrimSpace(c.Name) == "" {
			t.Errorf("%s has no name", c.ISO3)
		}
		kinds[c.Kind]++
		// Every entity is found by its codes and (unless deliberately
		// ambiguous) by its name.
		for _, in := range []string{c.ISO3, c.ISO2, c.Name} {
			if in == "" || deliberatelyAmbiguous[normalize(in)] != nil {
				continue
			}
			if got, err := r.Resolve(in); err != nil || got != c {
				t.Errorf("Resolve(%q) = %v, %v; want %s", in, got, err, c.ISO3)
			}
		}
		if got, ok := r.ByCode(c.ISO3); !ok || got != c {
			t.Errorf("ByCode(%s) = %v", c.ISO3, got)
		}
	}
	// ISO 3166-1 has 249 entries; the registry adds historical states and
	// uncoded territories, and 197 sovereign states (193 UN members, the
	// Holy See, Palestine, Taiwan, Kosovo).
	if n := kinds[indicators.KindCountry]; n != 197 {
		t.Errorf("%d countries, want 197", n)
	}
	iso := 0
	for _, c := range all {
		if c.Kind != indicators.KindHistorical && c.ISO3[0] != 'X' {
			iso++
		}
	}
	if iso != 249 {
		t.Errorf("%d ISO 3166-1 entries, want 249", iso)
	}
	for _, code := range []string{"SUN", "YUG", "SCG", "CSK", "DDR", "ANT", "YMD", "VDR", "XRV"} {
		if c, _ := r.ByCode(code); c.Kind != indicators.KindHistorical {
			t.Errorf("%s is %q, want historical", code, c.Kind)
		}
	}
	// Every alias maps to one entity or is deliberately ambiguous.
	for _, e := range r.keys {
		key, idx := e.key, e.idx
		var codes []string
		for _, i := range idx {
			codes = append(codes, r.all[i].ISO3)
		}
		slices.Sort(codes)
		if want, ok := deliberatelyAmbiguous[key]; len(codes) > 1 && !ok || ok && !slices.Equal(codes, want) {
			t.Errorf("form %q names %v", key, codes)
		}
	}
	// Alternative codes must not shadow anything.
	for _, e := range r.codes {
		code, i := e.code, e.idx
		if c, ok := r.ByCode(code); !ok || c != r.all[i] {
			t.Errorf("code %s", code)
		}
	}
}

func TestParseRejectsCorruptData(t *testing.T) {
	const header = "iso3,iso2,name,name_ru,kind,aliases\n"
	const good = header + "KAZ,KZ,Kazakhstan,Казахстан,country,Qazaqstan\n"
	if r, err := parse([]byte(good)); err != nil || len(r.all) != 1 || r.all[0].NameRU != "Казахстан" {
		t.Fatalf("parse(good) = %v, %v", r, err)
	}
	for name, data := range map[string]string{
		"header":     "code,name\nKAZ,Kazakhstan\n",
		"old header": "iso3,iso2,name,kind,aliases\nKAZ,KZ,Kazakhstan,country,\n",
		"fields":     header + "KAZ,KZ,Kazakhstan,country,\n",
		"iso3":       header + "Kaz,KZ,Kazakhstan,Казахстан,country,\n",
		"iso2":       header + "KAZ,KAZ,Kazakhstan,Казахстан,country,\n",
		"name":       header + "KAZ,KZ, ,Казахстан,country,\n",
		"name_ru":    header + "KAZ,KZ,Kazakhstan,,country,\n",
		"name_ru -":  header + "KAZ,KZ,Kazakhstan,—,country,\n",
		"kind":       header + "KAZ,KZ,Kazakhstan,Казахстан,state,\n",
		"order":      header + "UZB,UZ,Uzbekistan,Узбекистан,country,\nKAZ,KZ,Kazakhstan,Казахстан,country,\n",
		"dup code":   header + "KAZ,KZ,Kazakhstan,Казахстан,country,ROM\nROU,RO,Romania,Румыния,country,ROM\n",
		"dup iso2":   header + "KAZ,KZ,Kazakhstan,Казахстан,country,\nUZB,KZ,Uzbekistan,Узбекистан,country,\n",
		"alias junk": header + "KAZ,KZ,Kazakhstan,Казахстан,country,Qazaqstan|--\n",
	} {
		if _, err := parse([]byte(data)); err == nil {
			t.Errorf("%s: parse accepted corrupt data", name)
		}
	}
	r, err := parse(countriesCSV)
	if err != nil {
		t.Fatalf("embedded countries.csv: %v", err)
	}
	if Default() != Default() || len(r.All()) != len(Default().All()) {
		t.Error("Default is not parsed once")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d’Ivoire":          "cotedivoire",
		"  Bosnia & Herzegovina": "bosniaandherzegovina",
		"The Gambia":             "gambia",
		"TÜRKİYE":                "turkiye",
		"Азербайджан":            "азербайджан",
		"Азербаи\u0306джан":      "азербайджан",
		"Ёлка":                   "елка",
		"Straße":                 "strasse",
		// the scripts of the post-Soviet states' own names
		"ҚАЗАҚСТАН":               "қазақстан",
		"Тоҷикистон":              "тоҷикистон",
		"ЎЗБЕКИСТОН":              "ўзбекистон", // ў keeps its breve, as й does
		"Ўзбекистон":              "ўзбекистон",
		"УКРАЇНА":                 "украіна", // ї is і with a diaeresis
		"Рэспубліка Беларусь":     "рэспублікабеларусь",
		"АЗӘРБАЈҸАН":              "азәрбајҹан",
		"Azərbaycan":              "azerbaycan",
		"AZƏRBAYCAN RESPUBLİKASI": "azerbaycanrespublikasi", // dotted İ
		"Azərbaycan Respublikası": "azerbaycanrespublikasi", // dotless ı
		"Oʻzbekiston":             "ozbekiston",
		"O‘zbekiston":             "ozbekiston",
		"O'zbekiston":             "ozbekiston",
		"O’zbekiston":             "ozbekiston",
		"O`zbekiston":             "ozbekiston",
		"OʻZBEKISTON":             "ozbekiston",
		"Türkmenistan":            "turkmenistan",
		"საქართველო":              "საქართველო",
		"ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ":              "საქართველო", // Mtavruli capitals
		"ՀԱՅԱՍՏԱՆ":                "հայաստան",
		"Հայաստանի Հանրապետություն": "հայաստանիհանրապետություն",
		"Lietuvos Respublika":       "lietuvosrespublika",
		"Latvijas Republika":        "latvijasrepublika",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"kazakstn", "kazakhstan", 2}, {"georiga", "georgia", 1}, {"", "abc", 3}, {"казахстн", "казахстан", 1}} {
		if got := indicators.EditDistance(tt.a, tt.b); got != tt.d {
			t.Errorf("indicators.EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}

func TestMap(t *testing.T) {
	r := Default()
	tests := []struct {
		source, code, name string
		year               int
		iso3               string
		unmapped, note     bool
	}{
		{"vdem", "RUS", "Russia", 1990, "SUN", false, true},
		{"vdem", "RUS", "Russia", 1991, "RUS", false, false},
		{"vdem", "SRB", "Serbia", 1991, "YUG", false, true},
		{"vdem", "SRB", "Serbia", 1992, "SCG", false, true},
		{"vdem", "SRB", "Serbia", 2005, "SCG", false, true},
		{"vdem", "SRB", "Serbia", 2006, "SRB", false, false},
		{"vdem", "CZE", "Czechia", 1992, "CSK", false, true},
		{"vdem", "CZE", "Czechia", 1993, "CZE", false, false},
		{"vdem", "DDR", "German Democratic Republic", 1980, "DDR", false, false},
		{"vdem", "PSG", "Palestine/Gaza", 2010, "XGZ", false, false},
		{"rsf", "ISR1", "Israel (Israeli territory)", 2008, "ISR", false, true},
		{"rsf", "ISR2", "Israel (outside Israeli territory)", 2008, "", true, false},
		{"rsf", "USA2", "United States (US territory)", 2008, "USA", false, true},
		{"rsf", "USA_I", "United States (in Irak)", 2004, "", true, false},
		{"rsf", "CSS", "OECS", 2024, "", true, false},
		{"rsf", "XCD", "OECS", 2015, "", true, false},
		{"rsf", "CTU", "Cyprus North", 2010, "XNC", false, false},
		{"rsf", "XKO", "Kosovo", 2010, "XKX", false, false},
		{"rsf", "YUG", "Federal Republic of Yugoslavia", 2002, "SCG", false, true},
		{"rsf", "MAR", "Morocco / Western Sahara ", 2024, "MAR", false, true},
		{"wgi", "ROM", "Romania", 2000, "ROU", false, false},
		{"wgi", "ANT", "Netherlands Antilles (former)", 2000, "ANT", false, false},
		{"wjp", "KGZ", "Kyrgyz Republic", 2020, "KGZ", false, false},
		{"fh-ratings", "", "USSR", 1980, "SUN", false, false},
		{"fh-ratings", "", "Yugoslavia", 1991, "YUG", false, false},
		{"fh-ratings", "", "Yugoslavia", 1995, "SCG", false, true},
		{"fh-ratings", "", "Germany, W. ", 1980, "XWG", false, false},
		{"fh-fiw", "", "Congo (Kinshasa)", 2020, "COD", false, false},
		{"fh-fiw", "", "Crimea", 2020, "XCR", false, false},
		{"fh-fotp", "", "Cyprus (Turkish)", 2010, "XNC", false, false},
		{"odihr", "KAZ", "", 2019, "KAZ", false, false},
	}
	for _, tt := range tests {
		m, err := r.Map(tt.source, tt.code, tt.name, tt.year)
		if err != nil {
			t.Errorf("Map(%s, %s, %q, %d): %v", tt.source, tt.code, tt.name, tt.year, err)
			continue
		}
		if m.ISO3 != tt.iso3 || (m.Unmapped != "") != tt.unmapped || (m.Note != "") != tt.note {
			t.Errorf("Map(%s, %s, %q, %d) = %+v, want %s unmapped=%v note=%v", tt.source, tt.code, tt.name, tt.year, m, tt.iso3, tt.unmapped, tt.note)
		}
	}
	for _, bad := range []struct {
		source, code, name string
		year               int
	}{
		{"rsf", "KAZ", "Uzbekistan", 2020}, // code and name disagree
		{"rsf", "ZZZ", "Atlantis", 2020},   // unknown code
		{"fh-fiw", "", "Atlantis", 2020},   // unknown name
		{"fh-fiw", "", "Congo", 2020},      // ambiguous name
		{"vdem", "RUS", "Russia", 0},       // V-Dem needs the year
		{"gallup", "KAZ", "Kazakhstan", 2020},
		{"wgi", "", "", 2020},
	} {
		if m, err := r.Map(bad.source, bad.code, bad.name, bad.year); err == nil {
			t.Errorf("Map(%s, %s, %q, %d) = %+v, want an error", bad.source, bad.code, bad.name, bad.year, m)
		}
	}
}
