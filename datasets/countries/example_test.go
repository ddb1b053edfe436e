package countries_test

import (
	"fmt"

	"github.com/rankings-dev/rankings/datasets/countries"
)

func ExampleRegistry_Resolve() {
	r := countries.Default()
	for _, in := range []string{"Kazakstan", "Киргизия", "uzb", "Soviet Union"} {
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
	// uzb → UZB (Uzbekistan, country)
	// Soviet Union → SUN (Soviet Union, historical)
	// unknown country "kazakstn" — did you mean Kazakhstan?
	// ambiguous country "congo": Congo (COG) or DR Congo (COD) — use one of these
}
