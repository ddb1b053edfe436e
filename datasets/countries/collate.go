package countries

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/rankings-dev/rankings/indicators"
)

// DisplayLanguage is the language names are shown and sorted in by
// default: English. Every entity also has a Russian name
// (indicators.Country.DisplayName with language.Russian), and SortByName
// sorts by it in Russian collation when given "ru".
var DisplayLanguage = language.English

// SortByName sorts entities by their name in lang (Country.DisplayName:
// the Russian name for Russian, the English name otherwise) in the
// collation of lang, as its readers expect a list to run ("Côte d'Ivoire"
// beside "Costa Rica", not after "Zimbabwe"; "Беларусь" before "Грузия"),
// with the ISO3 code breaking ties so that the order is stable. A collator
// is not safe for concurrent use, so each call makes its own.
func SortByName(cs []indicators.Country, lang language.Tag) {
	col := collate.New(lang)
	slices.SortStableFunc(cs, func(a, b indicators.Country) int {
		if d := col.CompareString(a.DisplayName(lang), b.DisplayName(lang)); d != 0 {
			return d
		}
		return strings.Compare(a.ISO3, b.ISO3)
	})
}
