package datasets_test

import (
	"fmt"

	"github.com/rankings-dev/rankings/datasets"
)

func ExampleStore_Series() {
	store := datasets.Embedded()
	kaz, _ := store.Registry().Resolve("Казахстан")
	s, _ := store.Series("rsf", kaz.ISO3)
	o, _ := s.At(2025)
	fmt.Printf("%s %d: %.2f, rank %d of %d\n", kaz.Name, o.Year, o.Value, o.Rank, o.RankOf)
	// Output: Kazakhstan 2025: 39.34, rank 141 of 180
}
