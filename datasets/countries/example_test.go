package countries_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/rankings-dev/rankings/datasets/countries"
)

// Every entity has a Russian name; SortByName orders by the name in the
// language it is given, in that language's collation.
func ExampleSortByName() {
	r := countries.Default()
	cs, _ := r.Group("central-asia")
	countries.SortByName(cs, language.Russian)
	for _, c := range cs {
		fmt.Printf("%s %s (%s)\n", c.ISO3, c.DisplayName(language.Russian), c.Name)
	}
	// Output:
	// KAZ Казахстан (Kazakhstan)
	// KGZ Кыргызстан (Kyrgyzstan)
	// TJK Таджикистан (Tajikistan)
	// TKM Туркменистан (Turkmenistan)
	// UZB Узбекистан (Uzbekistan)
}

func ExampleRegistry_Resolve() {
	r := countries.Default()
	for _, in := range []string{"Kazakstan", "Киргизия", "Oʻzbekiston", "საქართველო", "uzb", "Soviet Union", "СССР"} {
		c, err := r.Resolve(in)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s → %s (%s, %s)\n", in, c.ISO3, c.Name, c.Kind)
	}
	_, err := r.Resolve("kazakstn")
	fmt.Println(err)
	_, err = r.Resolve("congo")
	fmt.Println(err)
	// Output:
	// Kazakstan → KAZ (Kazakhstan, country)
	// Киргизия → KGZ (Kyrgyzstan, country)
	// Oʻzbekiston → UZB (Uzbekistan, country)
	// საქართველო → GEO (Georgia, country)
	// uzb → UZB (Uzbekistan, country)
	// Soviet Union → SUN (Soviet Union, historical)
	// СССР → SUN (Soviet Union, historical)
	// unknown country "kazakstn" — did you mean Kazakhstan?
	// ambiguous country "congo": Congo (COG) or DR Congo (COD) — use one of these
}
