package chartdata

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
)

// scatter builds a scatter of yi against xi across the group. The countries
// the user named are highlighted and listed first; the rest of the field
// follows in the group's order.
func scatter(store *datasets.Store, xi, yi indicators.Indicator, r Request) (charts.Spec, error) {
	if xi.ID == yi.ID {
		return charts.Spec{}, invalid("a scatter needs two different indicators, but --indicator names %s twice: give two ids, for example --indicator %s,%s", xi.ID, xi.ID, otherIndicator(xi.ID))
	}
	ms, err := members(store, r)
	if err != nil {
		return charts.Spec{}, err
	}
	year := r.Year
	if year == 0 {
		ly, err := latestYear(store, xi, countries.GroupTitle(r.Group), ms)
		if err != nil {
			return charts.Spec{}, err
		}
		ly2, err := latestYear(store, yi, countries.GroupTitle(r.Group), ms)
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
	xl, xh := axisLabel(r.Lang, xi, year+coveredOffset(xi))
	yl, yh := axisLabel(r.Lang, yi, year+coveredOffset(yi))
	xmin, xmax := scaleRange(xi, year+coveredOffset(xi))
	ymin, ymax := scaleRange(yi, year+coveredOffset(yi))
	s := charts.Spec{Kind: charts.Scatter, Indicator: xi.ID + "-vs-" + yi.ID, Year: year,
		Title:    r.Lang.T("chart.scatter_title", shortNameIn(r.Lang, xi), shortNameIn(r.Lang, yi), year, titleGroup(r)),
		Subtitle: r.Lang.T("chart.sources", sourceNames(r.Lang, []indicators.Indicator{xi, yi})),
		Citation: citations(accessedOn(r), cited{xi, []int{year + coveredOffset(xi)}}, cited{yi, []int{year + coveredOffset(yi)}}),
		XLabel:   shortNameIn(r.Lang, xi) + " — " + xl, YLabel: shortNameIn(r.Lang, yi) + " — " + yl,
		HigherIsBetter: yh, XHigherIsBetter: xh, Decimals: yi.Decimals, Min: ymin, Max: ymax, XMin: xmin, XMax: xmax}
	hl := highlighted(r)
	var named, field []charts.Series
	n := 0
	var missing []string
	rs := restated{lang: r.Lang}
	for _, m := range ms {
		ox, okx := bx[m.ISO3]
		oy, oky := by[m.ISO3]
		if !okx || !oky {
			missing = append(missing, countryName(r, m))
			continue
		}
		n++
		sr := charts.Series{Name: countryName(r, m), Code: m.ISO3, Highlight: hl[m.ISO3], Points: []charts.Point{{X: ox.Value, Y: oy.Value, Lo: math.NaN(), Hi: math.NaN(),
			Text: fmt.Sprintf("%s: %s; %s: %s", xi.ID, xi.Format(ox.Value), yi.ID, yi.Format(oy.Value)),
			Note: strings.TrimSpace(rs.note(xi, ox) + " " + rs.note(yi, oy))}}}
		if sr.Highlight {
			named = append(named, sr)
		} else {
			field = append(field, sr)
		}
	}
	s.Series = append(namedOrder(named, r.Countries), field...)
	if n == 0 {
		return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "no country of the %s group has figures on both %s and %s for %d", r.Group, xi.ID, yi.ID, year)
	}
	s.Notes = append(s.Notes, r.Lang.T("chart.scatter_years", year, year+1))
	if len(missing) > 0 {
		s.Notes = append(s.Notes, r.Lang.T("chart.scatter_missing", strings.Join(missing, ", ")))
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

// namedOrder puts the named countries' series in the order the user named
// them.
func namedOrder(series []charts.Series, named []indicators.Country) []charts.Series {
	at := map[string]int{}
	for i, c := range named {
		if _, ok := at[c.ISO3]; !ok {
			at[c.ISO3] = i
		}
	}
	out := append([]charts.Series(nil), series...)
	sort.SliceStable(out, func(i, j int) bool { return at[out[i].Code] < at[out[j].Code] })
	return out
}

// otherIndicator suggests a second indicator for a scatter of id.
func otherIndicator(id string) string {
	if id == "wgi-rl" {
		return "rsf"
	}
	return "wgi-rl"
}
