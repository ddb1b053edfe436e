package chartdata

import (
	"math"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// percentile is a figure's place in the field its source ranked, from 0
// to 100 with 100 the best end: the publisher's own percentile rank where
// it publishes one (the WGI's, which the World Bank computes from its
// unrounded estimates), otherwise indicators.Percentile of the rank k of N,
// 100 × (N − k) / N, the share of the ranked field placed below. ok is
// false when the figure has neither.
func percentile(o indicators.Observation) (float64, bool) {
	if !math.IsNaN(o.Pct) {
		return o.Pct, true
	}
	if !o.HasRank() {
		return math.NaN(), false
	}
	p := indicators.Percentile(o.Rank, o.RankOf)
	return p, !math.IsNaN(p)
}

// scaleText is the published scale and direction of an indicator's
// figures at year, as a profile row shows it: "score 0–100, higher is
// better".
func scaleText(l i18n.Lang, ind indicators.Indicator, year int) string {
	seg, ok := ind.SegmentAt(year)
	if !ok {
		seg = ind.Current()
	}
	unit := ind.Unit
	if f := strings.Fields(unit); len(f) > 0 {
		unit = f[0]
	}
	unit = dataText(l, unit)
	dir := chartDirection(l, seg.Direction == indicators.HigherIsBetter)
	if !seg.Scale.Bounded() {
		return l.T("chart.profile_scale_open", unit, dir)
	}
	return l.T("chart.profile_scale", unit, l.Figure(seg.Scale.String()), dir)
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
		Title:          r.Lang.T("chart.profile_title", year, localNames(r, r.Countries)),
		Subtitle:       r.Lang.T("chart.sources", sourceNames(r.Lang, inds)),
		Citation:       profileCitation(inds, year, r),
		HigherIsBetter: true, Decimals: 1, Min: 0, Max: 100,
		XLabel: r.Lang.T("chart.profile_axis")}
	var editions, ownPct, computed []string
	for _, ind := range inds {
		ed := year + coveredOffset(ind)
		name := shortNameIn(r.Lang, ind)
		if ind.Year == indicators.EditionYear {
			name = r.Lang.T("chart.profile_row_edition", name, ed)
			if src, ok := indicators.SourceByID(ind.Source); ok && !slices.Contains(editions, src.Publisher) {
				editions = append(editions, dataText(r.Lang, src.Publisher))
			}
		}
		note := scaleText(r.Lang, ind, ed)
		if ind.Uncertain.Percentile {
			// The publisher's own percentile rank stands in for the formula.
			name, pub := sourceOf(r.Lang, ind)
			note = r.Lang.T("chart.profile_row_pct", note, pub)
			if !slices.Contains(ownPct, name) {
				ownPct = append(ownPct, name)
			}
		}
		if src, _ := sourceOf(r.Lang, ind); (ind.Ranks == indicators.RanksComputed || ed <= ind.RanksComputedTo) && !slices.Contains(computed, src) {
			computed = append(computed, src)
		}
		s.Categories = append(s.Categories, name)
		s.CategoryNotes = append(s.CategoryNotes, note)
	}
	rs := restated{lang: r.Lang}
	for _, c := range r.Countries {
		sr := charts.Series{Name: countryName(r, c), Code: c.ISO3}
		for j, ind := range inds {
			ed := year + coveredOffset(ind)
			o, ok := obsAt(store, ind, c.ISO3, ed)
			if !ok || math.IsNaN(o.Value) {
				continue // no data: the row says so
			}
			pct, _ := percentile(o)
			pt := charts.Point{X: float64(j), Y: pct, Lo: math.NaN(), Hi: math.NaN(), Text: r.Lang.Figure(ind.Format(o.Value)), Note: rs.note(ind, o)}
			if o.HasRank() {
				pt.Rank, pt.RankOf = o.Rank, o.RankOf
			}
			sr.Points = append(sr.Points, pt)
		}
		s.Series = append(s.Series, sr)
	}
	if err := profileHasFigures(store, s, inds, r.Countries, year); err != nil {
		return charts.Spec{}, err
	}
	s.Notes = append(s.Notes, r.Lang.T("chart.profile_note_dot"))
	if len(ownPct) > 0 {
		s.Notes = append(s.Notes, r.Lang.T("chart.profile_note_own_pct", strings.Join(ownPct, r.Lang.T("chart.and_the"))))
	}
	if len(computed) > 0 {
		s.Notes = append(s.Notes, r.Lang.T("chart.profile_note_computed", listAndIn(r.Lang, computed)))
	}
	s.Notes = append(s.Notes, r.Lang.T("chart.profile_note_place"))
	if len(editions) > 0 {
		s.Notes = append(s.Notes, r.Lang.T("chart.profile_note_editions", year, strings.Join(editions, ", "), year+1))
	}
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

// profileHasFigures returns NoFigures when the profile s of cs on inds in
// the described year holds no dot: what the data covers is the years,
// described, in which any of cs has a figure on any of inds.
func profileHasFigures(store *datasets.Store, s charts.Spec, inds []indicators.Indicator, cs []indicators.Country, year int) error {
	for _, sr := range s.Series {
		if len(sr.Points) > 0 {
			return nil
		}
	}
	var years []int
	for _, ind := range inds {
		have, err := seriesYears(store, ind, cs)
		if err != nil {
			return err
		}
		for _, y := range have {
			years = append(years, y-coveredOffset(ind))
		}
	}
	return docs.NoFigures(names(cs), "", year, year, years)
}

// sourceOf is the name of an indicator's source and its publisher without
// the bracketed authors ("Worldwide Governance Indicators", "World Bank").
func sourceOf(l i18n.Lang, ind indicators.Indicator) (name, publisher string) {
	src, ok := indicators.SourceByID(ind.Source)
	if !ok {
		return ind.Source, ind.Source
	}
	pub := dataText(l, src.Publisher)
	if i := strings.Index(pub, " ("); i > 0 {
		pub = pub[:i]
	}
	name = dataText(l, src.Name)
	if i := strings.Index(name, " ("); i > 0 && l == i18n.RU {
		name = name[:i]
	}
	return name, pub
}

func obsAt(store *datasets.Store, ind indicators.Indicator, iso3 string, year int) (indicators.Observation, bool) {
	ser, err := store.Series(ind.ID, iso3)
	if err != nil {
		return indicators.Observation{}, false
	}
	return ser.At(year)
}

// listAnd joins items as "a, b and c".
func listAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
