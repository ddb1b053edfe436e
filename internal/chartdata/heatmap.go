package chartdata

import (
	"math"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func heatmap(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	// The group's countries with the named ones first, highlighted: the
	// named countries are the story, the rest of the group the context.
	all := r
	all.Countries = nil
	cs, err := members(store, all)
	if err != nil {
		return charts.Spec{}, err
	}
	cs = namedFirst(cs, r.Countries)
	hl := highlighted(r)
	from, to, err := yearsBetween(store, ind, groupTitle(r), cs, r.From, r.To)
	if err != nil {
		return charts.Spec{}, err
	}
	first := from
	if r.From == 0 {
		// The current methodology segment by default: colours across a
		// break would compare incomparable figures.
		from = currentFrom(ind, from)
	}
	label, higher := spanLabel(r.Lang, ind, from, to)
	sub, cite := source(ind, r, spanYears(store, ind, from, to)...)
	s := charts.Spec{Kind: charts.Heatmap, Indicator: ind.ID, Year: to,
		Title:    r.Lang.T("chart.heatmap_title", indName(r, ind), from, to, heatmapWho(r)),
		Subtitle: sub, Citation: cite, XLabel: yearAxis(r.Lang, ind), YLabel: label, HigherIsBetter: higher,
		Decimals: ind.Decimals, Breaks: breaks(r.Lang, ind, from, to), Min: math.NaN(), Max: math.NaN()}
	if ind.SameSegment(from, to) {
		s.Min, s.Max = scaleRange(ind, to)
	}
	s.Panels = panels(r.Lang, ind, from, to)
	if note := spanNote(r, ind, s.Panels, r.Lang.T("chart.span_what_heatmap")); note != "" {
		s.Notes = append(s.Notes, note)
	}
	if note := earlierNote(r, ind, from, first); note != "" {
		s.Notes = append(s.Notes, note)
	}
	rs := restated{lang: r.Lang}
	for _, c := range cs {
		ser, err := store.Series(ind.ID, c.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		sr := charts.Series{Name: countryName(r, c), Code: c.ISO3, Highlight: hl[c.ISO3]}
		for _, o := range ser.Points {
			if o.Year >= from && o.Year <= to {
				sr.Points = append(sr.Points, charts.Point{X: float64(o.Year), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf,
					Note: rs.note(ind, o)})
			}
		}
		s.Series = append(s.Series, sr)
	}
	if len(r.Countries) > 0 {
		s.Notes = append(s.Notes, r.Lang.T("chart.heatmap_named", localNames(r, r.Countries)))
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

func heatmapWho(r Request) string {
	return titleGroup(r)
}

// namedFirst orders ms with the named countries first, in the order named,
// adding any that are not among ms.
func namedFirst(ms, named []indicators.Country) []indicators.Country {
	is := map[string]bool{}
	out := append([]indicators.Country(nil), named...)
	for _, c := range named {
		is[c.ISO3] = true
	}
	for _, m := range ms {
		if !is[m.ISO3] {
			out = append(out, m)
		}
	}
	return out
}
