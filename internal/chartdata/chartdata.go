// Package chartdata builds chart specs (package charts) from the data
// store: it picks the figures, years, labels, source lines and caveats, so
// that charts itself never reads data. The CLI and the server use it alike.
package chartdata

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// Request says which chart to build.
type Request struct {
	Kind charts.Kind
	// Indicators: one id for ranking, timeline, heatmap and slope; two (x
	// then y) for scatter; any number (default: the headline set) for
	// profile.
	Indicators []string
	// Countries are the countries to show (timeline, profile, and slope or
	// heatmap instead of the group) or to highlight (ranking, scatter).
	Countries []indicators.Country
	// Group is the group a ranking, heatmap, scatter or slope shows when no
	// countries are named (default post-soviet).
	Group string
	// Year is the indicator's own year (ranking), or the year the figures
	// describe (profile, scatter: edition-year indicators use the edition of
	// Year+1). 0: the latest year with figures.
	Year int
	// From and To bound the years of a timeline or heatmap and are the two
	// years of a slope; 0 = open / default.
	From, To int
	// Percentile draws a WGI timeline as the percentile rank with its
	// published 90% bounds instead of the estimate.
	Percentile bool
	// Accessed is the access date in the citations of sources that ask
	// for one; zero: today.
	Accessed time.Time
	// Lang is the language of the chart's words (titles, axes, legends,
	// notes, names); the zero value is English. Citations stay as the
	// publishers write them.
	Lang i18n.Lang
}

func invalid(format string, args ...any) error {
	return indicators.Errorf(indicators.EInvalid, format, args...)
}

// Build returns the spec of the requested chart.
func Build(store *datasets.Store, r Request) (charts.Spec, error) {
	if r.Group == "" {
		r.Group = "post-soviet"
	}
	need := 1
	switch r.Kind {
	case charts.Scatter:
		need = 2
	case charts.Profile:
		need = 0
	}
	if need > 0 && len(r.Indicators) != need {
		if need == 2 {
			return charts.Spec{}, invalid("a scatter needs two indicators: --indicator x,y (see \"rankings indicators\")")
		}
		return charts.Spec{}, invalid("a %s chart needs one indicator: --indicator id (see \"rankings indicators\")", r.Kind)
	}
	var inds []indicators.Indicator
	for _, id := range r.Indicators {
		ind, err := store.Indicator(id)
		if err != nil {
			return charts.Spec{}, err
		}
		if ind.Events {
			return charts.Spec{}, invalid("%s is a list of elections, not yearly figures: elections appear on timelines (rankings chart timeline <country> --indicator …)", id)
		}
		inds = append(inds, ind)
	}
	var s charts.Spec
	var err error
	switch r.Kind {
	case charts.Ranking:
		s, err = ranking(store, inds[0], r)
	case charts.Timeline:
		s, err = timeline(store, inds[0], r)
	case charts.Profile:
		s, err = profile(store, inds, r)
	case charts.Heatmap:
		s, err = heatmap(store, inds[0], r)
	case charts.Scatter:
		s, err = scatter(store, inds[0], inds[1], r)
	case charts.Slope:
		s, err = slope(store, inds[0], r)
	case charts.Map:
		s, err = mapSpec(store, inds[0], r)
	default:
		names := []string{}
		for _, k := range charts.Kinds() {
			names = append(names, string(k))
		}
		return charts.Spec{}, invalid("unknown chart kind %q: use one of %s", r.Kind, strings.Join(names, ", "))
	}
	if err != nil {
		return charts.Spec{}, err
	}
	s.Entities = entities(store, s.Series)
	s.Lang = r.Lang
	return s, nil
}

// entities says whether a chart's series are countries (historical states
// included), territories or both.
func entities(store *datasets.Store, series []charts.Series) charts.Entities {
	var c, t bool
	for _, sr := range series {
		if e, ok := store.Registry().ByCode(sr.Code); ok && e.Kind == indicators.KindTerritory {
			t = true
		} else {
			c = true
		}
	}
	switch {
	case t && c:
		return charts.CountriesAndTerritories
	case t:
		return charts.Territories
	}
	return charts.Countries
}

// source returns the subtitle (publisher, dataset, edition) and the full
// citation of an indicator's source for the editions (years) drawn.
func source(ind indicators.Indicator, r Request, editions ...int) (subtitle, citation string) {
	src, ok := indicators.SourceByID(ind.Source)
	if !ok {
		return r.Lang.T("chart.source_only", ind.Source), ""
	}
	subtitle = r.Lang.T("chart.source_line", dataText(r.Lang, src.Publisher), dataText(r.Lang, src.Name), dataText(r.Lang, src.Edition))
	return subtitle, citations(accessedOn(r), cited{ind, editions})
}

// yearText is how a year of the indicator reads: "2025 edition" or "2023".
func yearText(ind indicators.Indicator, year int) string { return yearTextIn(i18n.EN, ind, year) }

// yearTextIn is yearText in language l.
func yearTextIn(l i18n.Lang, ind indicators.Indicator, year int) string {
	if ind.Year == indicators.EditionYear {
		return l.T("chart.edition", year)
	}
	return strconv.Itoa(year)
}

func direction(higher bool) string { return chartDirection(i18n.EN, higher) }

// chartDirection is "higher is better" or "lower is better" in language l.
func chartDirection(l i18n.Lang, higher bool) string {
	if higher {
		return l.T("chart.higher_better")
	}
	return l.T("chart.lower_better")
}

// axisLabel is the unit with the direction of the segment at year.
func axisLabel(l i18n.Lang, ind indicators.Indicator, year int) (string, bool) {
	seg, ok := ind.SegmentAt(year)
	if !ok {
		seg = ind.Current()
	}
	higher := seg.Direction == indicators.HigherIsBetter
	return l.T("chart.unit_direction", dataText(l, ind.Unit), chartDirection(l, higher)), higher
}

func members(store *datasets.Store, r Request) ([]indicators.Country, error) {
	if len(r.Countries) > 0 && r.Kind != charts.Ranking && r.Kind != charts.Scatter {
		return r.Countries, nil
	}
	ms, err := store.Registry().Group(r.Group)
	if err != nil {
		return nil, err
	}
	// Named countries outside the group are added.
	have := map[string]bool{}
	for _, m := range ms {
		have[m.ISO3] = true
	}
	for _, c := range r.Countries {
		if !have[c.ISO3] {
			ms = append(ms, c)
		}
	}
	return ms, nil
}

func highlighted(r Request) map[string]bool {
	out := map[string]bool{}
	for _, c := range r.Countries {
		out[c.ISO3] = true
	}
	return out
}

// latestYear is the latest year in which any of the countries has a
// figure.
func latestYear(store *datasets.Store, ind indicators.Indicator, who string, cs []indicators.Country) (int, error) {
	years, err := store.Years(ind.ID)
	if err != nil {
		return 0, err
	}
	for i := len(years) - 1; i >= 0; i-- {
		obs, err := store.Year(ind.ID, years[i])
		if err != nil {
			return 0, err
		}
		for _, o := range obs {
			for _, c := range cs {
				if o.ISO3 == c.ISO3 {
					return years[i], nil
				}
			}
		}
	}
	return 0, docs.NoFigures(who, ind.ID, 0, 0, nil)
}

// seriesYears is every year in which any of cs has a figure on ind.
func seriesYears(store *datasets.Store, ind indicators.Indicator, cs []indicators.Country) ([]int, error) {
	var years []int
	for _, c := range cs {
		s, err := store.Series(ind.ID, c.ISO3)
		if err != nil {
			return nil, err
		}
		years = append(years, s.Years()...)
	}
	return years, nil
}

func yearObs(store *datasets.Store, ind indicators.Indicator, year int) (map[string]indicators.Observation, error) {
	obs, err := store.Year(ind.ID, year)
	if err != nil {
		return nil, err
	}
	out := map[string]indicators.Observation{}
	for _, o := range obs {
		out[o.ISO3] = o
	}
	return out, nil
}

// noYear is the error of a chart of who (in words) on ind in a year in
// which the source has no figures at all, with the years it has.
func noYear(store *datasets.Store, ind indicators.Indicator, who string, year int) error {
	years, _ := store.Years(ind.ID)
	return docs.NoFigures(who, ind.ID, year, year, years)
}

// titleGroup is the group a chart shows, in words of the request's
// language, for a title.
func titleGroup(r Request) string {
	if r.Kind == charts.Ranking && docs.IsWholeField(r.Group) {
		return r.Lang.T("chart.whole_field")
	}
	return docs.GroupTitleIn(r.Lang, r.Group)
}

// groupTitle is the group a chart shows, in words, for an error.
func groupTitle(r Request) string {
	if r.Kind == charts.Ranking {
		return docs.RankingGroupTitle(r.Group)
	}
	return countries.GroupTitle(r.Group)
}

// breaks labels the methodology breaks inside [lo, hi] with the new
// segment's name and direction.
func breaks(l i18n.Lang, ind indicators.Indicator, lo, hi int) []charts.Break {
	var out []charts.Break
	for _, seg := range ind.Segments[1:] {
		if seg.From > lo && seg.From <= hi {
			out = append(out, charts.Break{Year: seg.From, Label: l.T("chart.break_label", seg.From, dataText(l, seg.Label), chartDirection(l, seg.Direction == indicators.HigherIsBetter))})
		}
	}
	return out
}

// mixedLabel is the value axis label of a span that crosses segments of
// different directions.
func spanLabel(l i18n.Lang, ind indicators.Indicator, lo, hi int) (string, bool) {
	label, higher := axisLabel(l, ind, hi)
	// Runs of segments with one direction: "2002–2012 lower is better;
	// from 2013 higher is better".
	type run struct {
		from, to int
		higher   bool
	}
	var runs []run
	for _, seg := range ind.Segments {
		if seg.To != 0 && seg.To < lo || seg.From > hi {
			continue
		}
		h := seg.Direction == indicators.HigherIsBetter
		if n := len(runs); n > 0 && runs[n-1].higher == h {
			runs[n-1].to = seg.To
			continue
		}
		runs = append(runs, run{seg.From, seg.To, h})
	}
	if len(runs) < 2 {
		return label, higher
	}
	var parts []string
	for _, r := range runs {
		if r.to == 0 {
			parts = append(parts, l.T("chart.span_from", r.from, chartDirection(l, r.higher)))
		} else {
			parts = append(parts, l.T("chart.span_years", r.from, r.to, chartDirection(l, r.higher)))
		}
	}
	return l.T("chart.unit_runs", dataText(l, ind.Unit), strings.Join(parts, "; ")), higher
}

// yearsBetween is the span from..to (0 = open: the indicator's first or
// last year) of a chart of cs (who, in words) on ind. A span wholly after
// or before the years in which cs have figures is an error saying what the
// data covers.
func yearsBetween(store *datasets.Store, ind indicators.Indicator, who string, cs []indicators.Country, from, to int) (int, int, error) {
	years, err := store.Years(ind.ID)
	if err != nil {
		return 0, 0, err
	}
	if len(years) == 0 {
		return 0, 0, docs.NoFigures(who, ind.ID, from, to, nil)
	}
	if (from != 0 && from > years[len(years)-1]) || (to != 0 && to < years[0]) {
		have, err := seriesYears(store, ind, cs)
		if err != nil {
			return 0, 0, err
		}
		return 0, 0, docs.NoFigures(who, ind.ID, from, to, have)
	}
	if from == 0 {
		from = years[0]
	}
	if to == 0 {
		to = years[len(years)-1]
	}
	if from > to {
		return 0, 0, invalid("--from %d is after --to %d", from, to)
	}
	return from, to, nil
}

// timeAxisLabel is the x axis title of a timeline, which draws each figure
// in the year it describes.
func timeAxisLabel(l i18n.Lang, ind indicators.Indicator, to int) string {
	if ind.Year == indicators.EditionYear {
		return l.T("chart.axis_covered_year", to, to-1)
	}
	return l.T("chart.axis_year")
}

func yearAxis(l i18n.Lang, ind indicators.Indicator) string {
	if ind.Year == indicators.EditionYear {
		return l.T("chart.axis_edition_year")
	}
	return l.T("chart.axis_year")
}

// coveredOffset is what to add to a described year to get the edition that
// covers it (edition-year indicators mostly cover the year before).
func coveredOffset(ind indicators.Indicator) int {
	if ind.Year == indicators.EditionYear {
		return 1
	}
	return 0
}

// shortName is an indicator's name without the trailing "(variable)".
func shortName(ind indicators.Indicator) string { return shortNameIn(i18n.EN, ind) }

// shortNameIn is shortName in language l.
func shortNameIn(l i18n.Lang, ind indicators.Indicator) string {
	n := l.IndicatorName(ind.ID, ind.Name)
	if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		n = n[:i]
	}
	return n
}

func sourceNames(l i18n.Lang, inds []indicators.Indicator) string {
	seen := map[string]bool{}
	var out []string
	for _, ind := range inds {
		if seen[ind.Source] {
			continue
		}
		seen[ind.Source] = true
		if src, ok := indicators.SourceByID(ind.Source); ok {
			out = append(out, l.T("chart.source_edition", dataText(l, src.Name), dataText(l, src.Edition)))
		}
	}
	return strings.Join(out, "; ")
}

func names(cs []indicators.Country) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return strings.Join(out, ", ")
}

// localNames is names in the request's language.
func localNames(r Request, cs []indicators.Country) string {
	var out []string
	for _, c := range cs {
		out = append(out, countryName(r, c))
	}
	return strings.Join(out, ", ")
}

// restated collects the notes of a chart's figures that the source's
// current files restate (RSF 2013–2021): each point's own note, and once
// per restated segment a note for the whole chart.
type restated struct {
	notes []string
	lang  i18n.Lang
}

// note is the note of a point showing o (indicators.Indicator.PublishedNote
// as a sentence), "" when o is the figure as published.
func (r *restated) note(ind indicators.Indicator, o indicators.Observation) string {
	n := ind.PublishedNote(o)
	if n == "" {
		return ""
	}
	seg, _ := ind.SegmentAt(o.Year)
	chart := r.lang.T("chart.restated", seg.Restated.Publisher, seg.From, seg.To, r.lang.Number(seg.Restated.Pivot, -1),
		chartDirection(r.lang, seg.Restated.Published == indicators.HigherIsBetter))
	if !slices.Contains(r.notes, chart) {
		r.notes = append(r.notes, chart)
	}
	if r.lang == i18n.RU {
		pub, _ := ind.PublishedValue(o)
		return r.lang.T("chart.point_published", seg.Restated.Publisher, o.Year, r.lang.Figure(ind.Format(pub)), seg.From, seg.To,
			chartDirection(r.lang, seg.Restated.Published == indicators.HigherIsBetter), r.lang.Figure(ind.Format(o.Value)))
	}
	return n + "."
}
