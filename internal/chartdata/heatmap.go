package chartdata

import (
	"fmt"
	"math"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func heatmap(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	cs, err := members(store, r)
	if err != nil {
		return charts.Spec{}, err
	}
	from, to, err := yearsBetween(store, ind, r.From, r.To)
	if err != nil {
		return charts.Spec{}, err
	}
	first := from
	if r.From == 0 {
		// The current methodology segment by default: colours across a
		// break would compare incomparable figures.
		from = currentFrom(ind, from)
	}
	label, higher := spanLabel(ind, from, to)
	sub, cite := source(ind, to)
	s := charts.Spec{Kind: charts.Heatmap, Indicator: ind.ID, Year: to,
		Title:    fmt.Sprintf("%s, %d–%d: %s", ind.Name, from, to, heatmapWho(r)),
		Subtitle: sub, Citation: cite, XLabel: yearAxis(ind), YLabel: label, HigherIsBetter: higher,
		Decimals: ind.Decimals, Breaks: breaks(ind, from, to), Min: math.NaN(), Max: math.NaN()}
	if ind.SameSegment(from, to) {
		s.Min, s.Max = fixedRange(ind, to)
	}
	s.Panels = panels(ind, from, to)
	if note := spanNote(ind, s.Panels, "block of columns and colour scale (dark is worse, yellow better in each)"); note != "" {
		s.Notes = append(s.Notes, note)
	}
	if note := earlierNote(ind, from, first); note != "" {
		s.Notes = append(s.Notes, note)
	}
	var rs restated
	for _, c := range cs {
		ser, err := store.Series(ind.ID, c.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		sr := charts.Series{Name: c.Name, Code: c.ISO3}
		for _, o := range ser.Points {
			if o.Year >= from && o.Year <= to {
				sr.Points = append(sr.Points, charts.Point{X: float64(o.Year), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf,
					Note: rs.note(ind, o)})
			}
		}
		s.Series = append(s.Series, sr)
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

func heatmapWho(r Request) string {
	if len(r.Countries) > 0 {
		return fmt.Sprintf("%d countries", len(r.Countries))
	}
	return groupTitle(r)
}
