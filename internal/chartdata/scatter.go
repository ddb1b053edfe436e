package chartdata

import (
	"fmt"
	"math"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func scatter(store *datasets.Store, xi, yi indicators.Indicator, r Request) (charts.Spec, error) {
	ms, err := members(store, r)
	if err != nil {
		return charts.Spec{}, err
	}
	year := r.Year
	if year == 0 {
		ly, err := latestYear(store, xi, ms)
		if err != nil {
			return charts.Spec{}, err
		}
		ly2, err := latestYear(store, yi, ms)
		if err != nil {
			return charts.Spec{}, err
		}
		year = min(ly-coveredOffset(xi), ly2-coveredOffset(yi))
	}
	bx, err := yearObs(store, xi, year+coveredOffset(xi))
	if err != nil {
		return charts.Spec{}, err
	}
	by, err := yearObs(store, yi, year+coveredOffset(yi))
	if err != nil {
		return charts.Spec{}, err
	}
	xl, xh := axisLabel(xi, year+coveredOffset(xi))
	yl, yh := axisLabel(yi, year+coveredOffset(yi))
	s := charts.Spec{Kind: charts.Scatter, Indicator: xi.ID + "-vs-" + yi.ID, Year: year,
		Title:    fmt.Sprintf("%s vs %s, %d: %s", shortName(xi), shortName(yi), year, groupTitle(r)),
		Subtitle: "Sources: " + sourceNames([]indicators.Indicator{xi, yi}),
		Citation: "see each source's citation in \"rankings sources\"",
		XLabel:   shortName(xi) + " — " + xl, YLabel: shortName(yi) + " — " + yl,
		HigherIsBetter: yh, XHigherIsBetter: xh, Decimals: yi.Decimals, Min: math.NaN(), Max: math.NaN()}
	n := 0
	var missing []string
	var rs restated
	for _, m := range ms {
		ox, okx := bx[m.ISO3]
		oy, oky := by[m.ISO3]
		if !okx || !oky {
			missing = append(missing, m.Name)
			continue
		}
		n++
		s.Series = append(s.Series, charts.Series{Name: m.Name, Code: m.ISO3, Points: []charts.Point{{X: ox.Value, Y: oy.Value, Lo: math.NaN(), Hi: math.NaN(),
			Text: fmt.Sprintf("%s: %s; %s: %s", xi.ID, xi.Format(ox.Value), yi.ID, yi.Format(oy.Value)),
			Note: strings.TrimSpace(rs.note(xi, ox) + " " + rs.note(yi, oy))}}})
	}
	if n == 0 {
		return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "no country of the %s group has figures on both %s and %s for %d", r.Group, xi.ID, yi.ID, year)
	}
	s.Notes = append(s.Notes, fmt.Sprintf("Figures describe %d: edition-year indices (RSF, WJP, Freedom House) use the edition of %d. Axes are drawn so that right and up are better.", year, year+1))
	if len(missing) > 0 {
		s.Notes = append(s.Notes, "Not shown (no figure on one of the indicators): "+strings.Join(missing, ", ")+".")
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}
