package chartdata

import (
	"fmt"
	"math"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

func ranking(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	year := r.Year
	whole := docs.IsWholeField(r.Group)
	var ms []indicators.Country
	var err error
	if whole {
		// The whole field the source ranked, territories included, as
		// rankings rank --group all lists it.
		if year == 0 {
			years, err := store.Years(ind.ID)
			if err != nil {
				return charts.Spec{}, err
			}
			if len(years) > 0 {
				year = years[len(years)-1]
			}
		}
		if ms, err = docs.Field(store, ind.ID, year); err != nil {
			return charts.Spec{}, err
		}
		if len(ms) == 0 {
			return charts.Spec{}, noYear(store, ind, groupTitle(r), year)
		}
		ms = withNamed(ms, r.Countries)
	} else {
		if ms, err = members(store, r); err != nil {
			return charts.Spec{}, err
		}
		if year == 0 {
			if year, err = latestYear(store, ind, groupTitle(r), ms); err != nil {
				return charts.Spec{}, err
			}
		}
	}
	by, err := yearObs(store, ind, year)
	if err != nil {
		return charts.Spec{}, err
	}
	if len(by) == 0 {
		return charts.Spec{}, noYear(store, ind, groupTitle(r), year)
	}
	label, higher := axisLabel(r.Lang, ind, year)
	sub, cite := source(ind, r, year)
	lo, hi := scaleRange(ind, year)
	s := charts.Spec{Kind: charts.Ranking, Indicator: ind.ID, Year: year,
		Title:    r.Lang.T("chart.year_title", indName(r, ind), yearTextIn(r.Lang, ind, year), titleGroup(r)),
		Subtitle: sub, Citation: cite, XLabel: label, HigherIsBetter: higher, Decimals: ind.Decimals, Min: lo, Max: hi}
	hl := highlighted(r)
	rs := restated{lang: r.Lang}
	n := 0
	for _, m := range ms {
		o, ok := by[m.ISO3]
		p := charts.Point{Y: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
		if ok {
			p = charts.Point{X: float64(year), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf, Note: rs.note(ind, o)}
			n++
		}
		s.Series = append(s.Series, charts.Series{Name: countryName(r, m), Code: m.ISO3, Highlight: hl[m.ISO3], Points: []charts.Point{p}})
	}
	if n == 0 {
		have, err := seriesYears(store, ind, ms)
		if err != nil {
			return charts.Spec{}, err
		}
		return charts.Spec{}, docs.NoFigures(fmt.Sprintf("%s (group %s)", countries.GroupTitle(r.Group), r.Group), ind.ID, year, year, have)
	}
	if ind.Ranks == indicators.RanksComputed {
		s.Notes = append(s.Notes, r.Lang.T("chart.note_ranks_computed"))
	} else {
		s.Notes = append(s.Notes, r.Lang.T("chart.note_ranks_published"))
	}
	if whole {
		rank, err := docs.BuildRank(store, ind.ID, year, countries.GroupAll)
		if err != nil {
			return charts.Spec{}, err
		}
		if note := unlistedNote(r, rank.Unlisted); note != "" {
			s.Notes = append(s.Notes, note)
		}
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

// withNamed adds the named countries that are not among ms.
func withNamed(ms, named []indicators.Country) []indicators.Country {
	have := map[string]bool{}
	for _, m := range ms {
		have[m.ISO3] = true
	}
	for _, c := range named {
		if !have[c.ISO3] {
			ms = append(ms, c)
		}
	}
	return ms
}

// unlistedNote says how many ranked entries a chart of the whole field
// cannot show, and which.
func unlistedNote(r Request, u *docs.Unlisted) string {
	if u == nil || u.Count == 0 {
		return ""
	}
	var names []string
	for _, e := range u.Entries {
		names = append(names, e.Name)
	}
	switch {
	case len(names) == 0 && u.Count == 1:
		return r.Lang.N("chart.unlisted_norow", u.Count, u.Count, u.RankOf)
	case len(names) == 0:
		return r.Lang.N("chart.unlisted_norow", u.Count, u.Count, u.RankOf)
	case u.Count == 1:
		return r.Lang.N("chart.unlisted_unmapped", u.Count, u.Count, u.RankOf, chartAnd(r.Lang, names))
	}
	return r.Lang.N("chart.unlisted_unmapped", u.Count, u.Count, u.RankOf, chartAnd(r.Lang, names))
}
