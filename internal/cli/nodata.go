package cli

import (
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// chartsNoFigures is the error of a chart set for year in which none of
// inds has figures: after the last year any of them has, it says where
// the data runs to.
func chartsNoFigures(store *datasets.Store, inds []indicators.Indicator, year int) error {
	last := 0
	for _, ind := range inds {
		if ind.Events {
			continue
		}
		years, err := store.Years(ind.ID)
		if err != nil {
			return err
		}
		if len(years) > 0 {
			last = max(last, years[len(years)-1])
		}
	}
	if last != 0 && year > last {
		return indicators.Errorf(indicators.ENotFound, "no indicator has figures for %d: the data runs to %d", year, last)
	}
	return indicators.Errorf(indicators.ENotFound, "no indicator has figures for %d", year)
}
