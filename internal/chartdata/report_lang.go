package chartdata

import (
	"strings"
	"unicode"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// The words of a report in its language. English is always what the
// report said before it had a language: each helper returns the English
// text unchanged for i18n.EN.

// countryIn is a country's name in language l.
func countryIn(l i18n.Lang, c indicators.Country) string {
	return c.DisplayName(l.Tag())
}

// indicatorIn is an indicator's full name in language l.
func indicatorIn(l i18n.Lang, ind indicators.Indicator) string {
	return l.IndicatorName(ind.ID, ind.Name)
}

// shortIn is an indicator's name in a sentence: the name without its
// trailing "(variable)" in English, the Russian name in Russian.
func shortIn(l i18n.Lang, ind indicators.Indicator) string {
	return l.IndicatorName(ind.ID, shortName(ind))
}

// quotedIn is a name to be set in quotation marks in language l: in
// Russian, quotation marks inside it become the inner marks „…“, so that
// «„Свобода в мире“: общий балл» does not read ««Свобода в мире»…».
func quotedIn(l i18n.Lang, name string) string {
	if l != i18n.RU {
		return name
	}
	return strings.NewReplacer("«", "„", "»", "“").Replace(name)
}

// yearIn is how a year of the indicator reads in language l: "2025
// edition" or "2023", «выпуск 2025 года» or «2023».
func yearIn(l i18n.Lang, ind indicators.Indicator, year int) string {
	if ind.Year == indicators.EditionYear {
		return l.T("report.year.edition", year)
	}
	return l.T("report.year.data", year)
}

// formatIn is a figure as the indicator formats it, with the decimal
// separator of language l ("39.34", «39,34»).
func formatIn(l i18n.Lang, ind indicators.Indicator, v float64) string {
	s := ind.Format(v)
	if l == i18n.RU {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// ordinalIn is a rank as an ordinal: "141st", «141-е».
func ordinalIn(l i18n.Lang, n int) string {
	if l == i18n.RU {
		return l.Int(n) + "-е"
	}
	return charts.Ordinal(n)
}

// directionIn says which direction of a scale is better.
func directionIn(l i18n.Lang, higher bool) string {
	if higher {
		return l.T("report.direction.higher")
	}
	return l.T("report.direction.lower")
}

// unitKey is the catalogue key of a unit: "report.unit." and the English
// unit in lower case, each run of other characters than letters and
// digits an underscore ("score 0–100" is "report.unit.score_0_100").
func unitKey(unit string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(unit) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
			continue
		}
		under = true
	}
	return "report.unit." + b.String()
}

// unitIn is an indicator's unit in language l; a unit the catalogue does
// not hold stays in English.
func unitIn(l i18n.Lang, ind indicators.Indicator) string {
	if k := unitKey(ind.Unit); l != i18n.EN && i18n.Has(k) {
		return l.T(k)
	}
	return ind.Unit
}

// electionTypeIn is an election's type in words ("presidential runoff").
func electionTypeIn(l i18n.Lang, t string) string {
	if k := "report.election." + t; l != i18n.EN && i18n.Has(k) {
		return l.T(k)
	}
	return strings.ReplaceAll(t, "_", " ")
}

// missionIn is the kind of ODIHR mission: its English abbreviation (EOM,
// LEOM, EAM), as ODIHR's reports name it, or none or unknown in words.
func missionIn(l i18n.Lang, m string) string {
	if k := "report.mission." + m; l != i18n.EN && i18n.Has(k) {
		return l.T(k)
	}
	return strings.ReplaceAll(m, "_", " ")
}
