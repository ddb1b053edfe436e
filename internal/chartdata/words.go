package chartdata

import (
	"strings"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// dataKey prefixes the catalogue keys of the indicator catalogue's own
// English texts (units, segment labels, year notes, publishers, source
// names and editions): the key is the prefix and the English text, so
// that a text the catalogue does not translate stays English.
const dataKey = "chart.data."

// dataText is english, a text of the indicator catalogue, in language l.
func dataText(l i18n.Lang, english string) string {
	if l == i18n.EN || l == "" || english == "" || !i18n.Has(dataKey+english) {
		return english
	}
	return l.T(dataKey + english)
}

// indName is the indicator's name in the request's language.
func indName(r Request, ind indicators.Indicator) string {
	return r.Lang.IndicatorName(ind.ID, ind.Name)
}

// unit is the indicator's unit in the request's language.
func unit(r Request, ind indicators.Indicator) string { return dataText(r.Lang, ind.Unit) }

// countryName is the country's name in the request's language.
func countryName(r Request, c indicators.Country) string {
	return c.DisplayName(r.Lang.Tag())
}

// chartAnd joins items as "a, b and c" in language l.
func chartAnd(l i18n.Lang, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return l.T("chart.list_and", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// listAndIn is chartAnd (profile's spelling of it).
func listAndIn(l i18n.Lang, items []string) string { return chartAnd(l, items) }
