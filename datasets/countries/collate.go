package countries

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/rankings-dev/rankings/indicators"
)

// DisplayLanguage is the language names are shown and sorted in. Only
// English names exist today; Russian ones will follow, and with them
// Russian collation (Cyrillic order) through the same SortByName.
var DisplayLanguage = language.English

// SortByName sorts entities by name in the collation of lang, as its
// readers expect a list to run ("Côte d'Ivoire" beside "Costa Rica", not
// after "Zimbabwe"), with the ISO3 code breaking ties so that the order is
// stable. A collator is not safe for concurrent use, so each call makes
// its own.
func SortByName(cs []indicators.Country, lang language.Tag) {
	col := collate.New(lang)
	slices.SortStableFunc(cs, func(a, b indicators.Country) int {
		if d := col.CompareString(a.Name, b.Name); d != 0 {
			return d
		}
		return strings.Compare(a.ISO3, b.ISO3)
	})
}
