package countries

import (
	"slices"
	"strings"
	"testing"
)

// postSovietNames are, for each of the 15 post-Soviet states, its names in
// its own official language(s) and script, and its Russian names with their
// common variants. Each must resolve to the state, in any case.
var postSovietNames = map[string]struct{ native, russian []string }{
	"ARM": {
		native:  []string{"Հայաստան", "Հայաստանի Հանրապետություն", "Hayastan"},
		russian: []string{"Армения", "Республика Армения", "Армянская ССР"},
	},
	"AZE": {
		native:  []string{"Azərbaycan", "Azerbaycan", "Azərbaycan Respublikası", "Азәрбајҹан", "Азәрбајҹан Республикасы"},
		russian: []string{"Азербайджан", "Азербайджанская Республика", "Азербайджанская ССР"},
	},
	"BLR": {
		native:  []string{"Беларусь", "Рэспубліка Беларусь"},
		russian: []string{"Беларусь", "Белоруссия", "Республика Беларусь", "Республика Белоруссия", "Белорусская ССР", "БССР"},
	},
	"EST": {
		native:  []string{"Eesti", "Eesti Vabariik"},
		russian: []string{"Эстония", "Эстонская Республика", "Эстонская ССР"},
	},
	"GEO": {
		native:  []string{"საქართველო", "Sakartvelo"},
		russian: []string{"Грузия", "Сакартвело", "Грузинская ССР"},
	},
	"KAZ": {
		native:  []string{"Қазақстан", "Қазақстан Республикасы", "Qazaqstan", "Qazaqstan Respublikasy"},
		russian: []string{"Казахстан", "Республика Казахстан", "Казахская ССР"},
	},
	"KGZ": {
		native:  []string{"Кыргызстан", "Кыргыз Республикасы"},
		russian: []string{"Кыргызстан", "Киргизия", "Кыргызская Республика", "Киргизская Республика", "Киргизстан", "Киргизская ССР"},
	},
	"LTU": {
		native:  []string{"Lietuva", "Lietuvos Respublika"},
		russian: []string{"Литва", "Литовская Республика", "Литовская ССР"},
	},
	"LVA": {
		native:  []string{"Latvija", "Latvijas Republika"},
		russian: []string{"Латвия", "Латвийская Республика", "Латвийская ССР"},
	},
	"MDA": {
		native:  []string{"Republica Moldova", "Moldova"},
		russian: []string{"Молдова", "Молдавия", "Республика Молдова", "Молдавская ССР"},
	},
	"RUS": {
		native:  []string{"Россия", "Российская Федерация", "Rossiya"},
		russian: []string{"Россия", "Российская Федерация", "РФ", "РСФСР"},
	},
	"TJK": {
		native:  []string{"Тоҷикистон", "Ҷумҳурии Тоҷикистон", "Tojikiston"},
		russian: []string{"Таджикистан", "Республика Таджикистан", "Таджикская ССР"},
	},
	"TKM": {
		native:  []string{"Türkmenistan", "Tu\u0308rkmenistan", "Түркменистан"}, // ü precomposed and decomposed
		russian: []string{"Туркменистан", "Туркмения", "Туркменская ССР"},
	},
	"UKR": {
		native:  []string{"Україна", "Ukraina", "Ukrayina"},
		russian: []string{"Украина", "Украинская ССР", "УССР"},
	},
	"UZB": {
		native: []string{"Oʻzbekiston", "O‘zbekiston", "O'zbekiston", "O’zbekiston", "O`zbekiston", "Ozbekiston",
			"Oʻzbekiston Respublikasi", "Ўзбекистон", "Ўзбекистон Республикаси"},
		russian: []string{"Узбекистан", "Республика Узбекистан", "Узбекская ССР"},
	},
}

func TestPostSovietNativeAndRussianNames(t *testing.T) {
	r := Default()
	group, err := r.Group("post-soviet")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range group {
		want = append(want, c.ISO3)
	}
	var have []string
	for iso3 := range postSovietNames {
		have = append(have, iso3)
	}
	slices.Sort(have)
	if !slices.Equal(have, want) {
		t.Fatalf("the table covers %v, the post-Soviet group is %v", have, want)
	}
	for iso3, names := range postSovietNames {
		if len(names.native) == 0 || len(names.russian) == 0 {
			t.Errorf("%s: no native or no Russian names in the table", iso3)
		}
		for _, name := range slices.Concat(names.native, names.russian) {
			for _, in := range []string{name, strings.ToUpper(name), strings.ToLower(name), " " + name + "\t"} {
				c, err := r.Resolve(in)
				if err != nil || c.ISO3 != iso3 {
					t.Errorf("Resolve(%q) = %s, %v; want %s", in, c.ISO3, err, iso3)
				}
			}
		}
	}
}

// TestHistoricalAndTerritoriesStayApart checks that the new native and
// Russian forms did not pull a historical entity or a territory into a
// state.
func TestHistoricalAndTerritoriesStayApart(t *testing.T) {
	r := Default()
	for in, want := range map[string]string{
		"СССР": "SUN", "Советский Союз": "SUN", "USSR": "SUN", "Soviet Union": "SUN",
		"Крым": "XCR", "Приднестровье": "XTR", "Абхазия": "XAB", "Южная Осетия": "XSO", "Нагорный Карабах": "XNK",
		"Восточная Германия": "DDR", "ГДР": "DDR", "Западная Германия": "XWG", "Югославия": "YUG",
	} {
		if c, err := r.Resolve(in); err != nil || c.ISO3 != want {
			t.Errorf("Resolve(%q) = %s, %v; want %s", in, c.ISO3, err, want)
		}
	}
	// ФРГ is both West Germany before 1990 and Germany today: neither
	// claims it.
	if c, err := r.Resolve("ФРГ"); err == nil {
		t.Errorf("Resolve(ФРГ) = %s, want no entity", c.ISO3)
	}
}
