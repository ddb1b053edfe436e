package countries

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/rankings-dev/rankings/indicators"
)

// postSovietRussian are the Russian names shown for the 15 states: the
// forms the states use in Russian and the UN uses (Беларусь, Кыргызстан,
// Молдова, Туркменистан), not the older Russian-only variants.
var postSovietRussian = map[string]string{
	"ARM": "Армения", "AZE": "Азербайджан", "BLR": "Беларусь", "EST": "Эстония", "GEO": "Грузия",
	"KAZ": "Казахстан", "KGZ": "Кыргызстан", "LTU": "Литва", "LVA": "Латвия", "MDA": "Молдова",
	"RUS": "Россия", "TJK": "Таджикистан", "TKM": "Туркменистан", "UKR": "Украина", "UZB": "Узбекистан",
}

func TestRussianNames(t *testing.T) {
	r := Default()
	ru := language.Russian
	seen := map[string]string{}
	for _, c := range r.All() {
		if c.NameRU == "" {
			t.Errorf("%s (%s) has no Russian name", c.ISO3, c.Name)
			continue
		}
		if strings.TrimSpace(c.NameRU) != c.NameRU || !strings.ContainsFunc(c.NameRU, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) ||
			strings.ContainsFunc(c.NameRU, func(r rune) bool { return unicode.Is(unicode.Latin, r) }) {
			t.Errorf("%s: Russian name %q is not Cyrillic text", c.ISO3, c.NameRU)
		}
		if prev, dup := seen[normalize(c.NameRU)]; dup {
			t.Errorf("%s and %s have the same Russian name %q", prev, c.ISO3, c.NameRU)
		}
		seen[normalize(c.NameRU)] = c.ISO3
		// Every Russian name is a form of its entity alone.
		if got, err := r.Resolve(c.NameRU); err != nil || got != c {
			t.Errorf("Resolve(%q) = %s, %v; want %s", c.NameRU, got.ISO3, err, c.ISO3)
		}
		if got := c.DisplayName(ru); got != c.NameRU {
			t.Errorf("%s: DisplayName(ru) = %q, want %q", c.ISO3, got, c.NameRU)
		}
		if got := c.DisplayName(language.English); got != c.Name {
			t.Errorf("%s: DisplayName(en) = %q, want %q", c.ISO3, got, c.Name)
		}
	}
	for iso3, want := range postSovietRussian {
		c, _ := r.ByCode(iso3)
		if c.NameRU != want {
			t.Errorf("%s: Russian name %q, want %q", iso3, c.NameRU, want)
		}
		if got := c.DisplayName(language.MustParse("ru-KZ")); got != want {
			t.Errorf("%s: DisplayName(ru-KZ) = %q, want %q", iso3, got, want)
		}
	}
	for iso3, want := range map[string]string{"SUN": "СССР", "COG": "Республика Конго", "COD": "ДР Конго", "XCR": "Крым",
		"XOU": "Оккупированные Россией территории Украины", "MAF": "Сен-Мартен", "SXM": "Синт-Мартен"} {
		if c, _ := r.ByCode(iso3); c.NameRU != want {
			t.Errorf("%s: Russian name %q, want %q", iso3, c.NameRU, want)
		}
	}
	// A Country built without a Russian name falls back to its English one.
	if got := (indicators.Country{ISO3: "KAZ", Name: "Kazakhstan"}).DisplayName(ru); got != "Kazakhstan" {
		t.Errorf("DisplayName(ru) without NameRU = %q", got)
	}
}

func TestSortByNameRussian(t *testing.T) {
	r := Default()
	cs, err := r.Group("post-soviet")
	if err != nil {
		t.Fatal(err)
	}
	SortByName(cs, language.Russian)
	var got []string
	for _, c := range cs {
		got = append(got, c.NameRU)
	}
	want := []string{"Азербайджан", "Армения", "Беларусь", "Грузия", "Казахстан", "Кыргызстан", "Латвия", "Литва",
		"Молдова", "Россия", "Таджикистан", "Туркменистан", "Узбекистан", "Украина", "Эстония"}
	if !slices.Equal(got, want) {
		t.Errorf("SortByName(ru) =\n%v\nwant\n%v", got, want)
	}
	// ё sorts with е, not after я; Latin-script names do not come first.
	cs = []indicators.Country{
		{ISO3: "C", Name: "c", NameRU: "Ёлкино"},
		{ISO3: "A", Name: "a", NameRU: "Ежово"},
		{ISO3: "B", Name: "b", NameRU: "Жуково"},
		{ISO3: "D", Name: "d", NameRU: "Яблоново"},
	}
	SortByName(cs, language.Russian)
	got = got[:0]
	for _, c := range cs {
		got = append(got, c.ISO3)
	}
	if !slices.Equal(got, []string{"A", "C", "B", "D"}) {
		t.Errorf("SortByName(ru) with ё = %v, want [A C B D]", got)
	}
	// In English the same countries sort by their English names.
	cs, _ = r.Group("post-soviet")
	SortByName(cs, language.English)
	if cs[0].ISO3 != "ARM" || cs[len(cs)-1].ISO3 != "UZB" {
		t.Errorf("SortByName(en) runs %s … %s, want ARM … UZB", cs[0].ISO3, cs[len(cs)-1].ISO3)
	}
}
