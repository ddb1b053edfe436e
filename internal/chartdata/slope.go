package chartdata

import (
	"math"
	"sort"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func slope(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	cs, err := members(store, r)
	if err != nil {
		return charts.Spec{}, err
	}
	to := r.To
	if to == 0 {
		if to, err = latestYear(store, ind, groupTitle(r), cs); err != nil {
			return charts.Spec{}, err
		}
	}
	seg, ok := ind.SegmentAt(to)
	if !ok {
		return charts.Spec{}, noYear(store, ind, groupTitle(r), to)
	}
	from := r.From
	if from == 0 {
		from = max(to-10, seg.From)
		// The first year from there on that has figures.
		years, _ := store.Years(ind.ID)
		for _, y := range years {
			if y >= from {
				from = y
				break
			}
		}
	}
	if from >= to {
		return charts.Spec{}, invalid("a slope needs two different years: --from %d --to %d", from, to)
	}
	if !ind.SameSegment(from, to) {
		return charts.Spec{}, invalid("%d and %d are in different methodology segments of %s (break in %d): the figures are not comparable; pick years from %d on",
			from, to, ind.ID, seg.From, seg.From)
	}
	label, higher := axisLabel(r.Lang, ind, to)
	sub, cite := source(ind, r, from, to)
	// The whole scale when it is bounded: a slope on an axis cut to the
	// data magnifies small changes.
	lo, hi := scaleRange(ind, to)
	s := charts.Spec{Kind: charts.Slope, Indicator: ind.ID, Year: to,
		Title:    r.Lang.T("chart.slope_title", indName(r, ind), yearTextIn(r.Lang, ind, from), yearTextIn(r.Lang, ind, to)),
		Subtitle: sub, Citation: cite, XLabel: yearAxis(r.Lang, ind), YLabel: label, HigherIsBetter: higher, Decimals: ind.Decimals,
		Min: lo, Max: hi}
	a, err := yearObs(store, ind, from)
	if err != nil {
		return charts.Spec{}, err
	}
	z, err := yearObs(store, ind, to)
	if err != nil {
		return charts.Spec{}, err
	}
	n := 0
	rs := restated{lang: r.Lang}
	for _, c := range cs {
		sr := charts.Series{Name: countryName(r, c), Code: c.ISO3}
		for _, yo := range []struct {
			y int
			m map[string]indicators.Observation
		}{{from, a}, {to, z}} {
			if o, ok := yo.m[c.ISO3]; ok {
				sr.Points = append(sr.Points, charts.Point{X: float64(yo.y), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf,
					Note: rs.note(ind, o)})
			}
		}
		if len(sr.Points) == 2 {
			n++
		}
		s.Series = append(s.Series, sr)
	}
	if n == 0 {
		return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "%s has no country here with figures in both %d and %d: pick two years with figures (see rankings show <country> -i %s)", ind.ID, from, to, ind.ID)
	}
	sort.SliceStable(s.Series, func(i, j int) bool { return s.Series[i].Name < s.Series[j].Name })
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}
