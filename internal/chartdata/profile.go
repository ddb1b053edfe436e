package chartdata

import (
	"fmt"
	"math"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

// normalise maps a value onto 0–100 with 100 the best end of the scale at
// year; ok is false when the scale is unbounded.
func normalise(ind indicators.Indicator, year int, v float64) (float64, bool) {
	seg, ok := ind.SegmentAt(year)
	if !ok || !seg.Scale.Bounded() {
		return 0, false
	}
	f := (v - seg.Scale.Min) / (seg.Scale.Max - seg.Scale.Min)
	if seg.Direction == indicators.LowerIsBetter {
		f = 1 - f
	}
	return math.Max(0, math.Min(100, f*100)), true
}

func profile(store *datasets.Store, inds []indicators.Indicator, r Request) (charts.Spec, error) {
	if len(r.Countries) == 0 {
		return charts.Spec{}, invalid("a profile needs at least one country: rankings chart profile kazakhstan uzbekistan")
	}
	if len(inds) == 0 {
		for _, id := range docs.HeadlineIndicators {
			ind, err := store.Indicator(id)
			if err != nil {
				return charts.Spec{}, err
			}
			inds = append(inds, ind)
		}
	}
	if len(inds) < 3 {
		return charts.Spec{}, invalid("a profile needs at least 3 indicators, got %d", len(inds))
	}
	year := r.Year
	if year == 0 {
		// The latest described year in which every indicator has a figure
		// for the first country.
		for y := 2100; y > 1900 && year == 0; y-- {
			all := true
			for _, ind := range inds {
				o, ok := obsAt(store, ind, r.Countries[0].ISO3, y+coveredOffset(ind))
				if !ok || math.IsNaN(o.Value) {
					all = false
					break
				}
			}
			if all {
				year = y
			}
		}
		if year == 0 {
			return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "no year in which %s has figures on all %d indicators", r.Countries[0].Name, len(inds))
		}
	}
	s := charts.Spec{Kind: charts.Profile, Indicator: "profile", Year: year,
		Title:          fmt.Sprintf("Governance profile, %d: %s", year, names(r.Countries)),
		Subtitle:       "Sources: " + sourceNames(inds),
		Citation:       "see each source's citation in \"rankings sources\"",
		HigherIsBetter: true, Decimals: 0, Min: 0, Max: 100,
		YLabel: "0–100, higher is better on every axis"}
	for _, ind := range inds {
		ed := year + coveredOffset(ind)
		name := shortName(ind)
		if ind.Year == indicators.EditionYear {
			name += fmt.Sprintf(" (%d ed.)", ed)
		}
		s.Categories = append(s.Categories, name)
	}
	var rs restated
	for _, c := range r.Countries {
		sr := charts.Series{Name: c.Name, Code: c.ISO3}
		for j, ind := range inds {
			ed := year + coveredOffset(ind)
			o, ok := obsAt(store, ind, c.ISO3, ed)
			if !ok {
				continue
			}
			v, ok := normalise(ind, ed, o.Value)
			if !ok {
				continue
			}
			sr.Points = append(sr.Points, charts.Point{X: float64(j), Y: v, Lo: math.NaN(), Hi: math.NaN(), Text: ind.Format(o.Value),
				Note: rs.note(ind, o)})
		}
		s.Series = append(s.Series, sr)
	}
	s.Notes = append(s.Notes, fmt.Sprintf("Each axis maps the indicator's published scale onto 0–100, with 100 at its best end (lower-is-better scales are flipped); the published figure is in the table. Figures describe %d: edition-year indices (RSF, WJP, Freedom House) use the edition of %d, which covers it.", year, year+1))
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

func obsAt(store *datasets.Store, ind indicators.Indicator, iso3 string, year int) (indicators.Observation, bool) {
	ser, err := store.Series(ind.ID, iso3)
	if err != nil {
		return indicators.Observation{}, false
	}
	return ser.At(year)
}
