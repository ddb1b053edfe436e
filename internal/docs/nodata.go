package docs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// NoFigures is the error of a request that matches no figures: who (a
// country, several, or a group, in words) on the indicator id ("" when
// several were asked for) in the years from..to (0 = open), with what the
// data does cover, from the years in which who has figures on the
// indicators asked for. The data "runs to" the last of those years when the
// request starts after it, "starts in" the first when it ends before it,
// and otherwise the years are listed.
func NoFigures(who, id string, from, to int, years []int) error {
	years = slices.Compact(slices.Sorted(slices.Values(years)))
	on := ""
	if id != "" {
		on = " on " + id
	}
	if len(years) == 0 {
		if id != "" {
			return indicators.Errorf(indicators.ENotFound, "no figures for %s on %s in any year: \"rankings indicators %s\" lists the countries and territories it covers", who, id, id)
		}
		return indicators.Errorf(indicators.ENotFound, "no figures for %s on these indicators in any year: \"rankings indicators <id>\" lists the countries and territories each covers", who)
	}
	first, last := years[0], years[len(years)-1]
	window := YearsAsked(from, to)
	switch {
	case window == "":
		// Every year was asked for; years is not empty, so some figure
		// was left out by another choice than the years.
		return indicators.Errorf(indicators.ENotFound, "no figures for %s%s: the years with figures are %s", who, on, indicators.YearRanges(years))
	case from != 0 && from > last:
		return indicators.Errorf(indicators.ENotFound, "no figures for %s%s %s: the data runs to %d", who, on, window, last)
	case to != 0 && to < first:
		return indicators.Errorf(indicators.ENotFound, "no figures for %s%s %s: the data starts in %d", who, on, window, first)
	}
	return indicators.Errorf(indicators.ENotFound, "no figures for %s%s %s: the years with figures are %s", who, on, window, indicators.YearRanges(years))
}

// YearsAsked says in words which years from..to (0 = open) asks for:
// "in 2030", "from 2030", "up to 1990", "from 1990 to 2000"; "" when both
// ends are open.
func YearsAsked(from, to int) string {
	switch {
	case from != 0 && from == to:
		return fmt.Sprintf("in %d", from)
	case from != 0 && to != 0:
		return fmt.Sprintf("from %d to %d", from, to)
	case from != 0:
		return fmt.Sprintf("from %d", from)
	case to != 0:
		return fmt.Sprintf("up to %d", to)
	}
	return ""
}

// NamesAnd joins names as a sentence lists them: "A", "A and B",
// "A, B and C".
func NamesAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
