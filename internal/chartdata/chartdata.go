// Package chartdata builds chart specs (package charts) from the data
// store: it picks the figures, years, labels, source lines and caveats, so
// that charts itself never reads data. The CLI and the server use it alike.
package chartdata

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
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

// source returns the subtitle (publisher, dataset, edition) and the
// citation of an indicator's source; edition fills the citation's
// "<edition>" placeholder.
func source(ind indicators.Indicator, edition int) (subtitle, citation string) {
	src, ok := indicators.SourceByID(ind.Source)
	if !ok {
		return "Source: " + ind.Source, ""
	}
	subtitle = fmt.Sprintf("Source: %s, %s (%s)", src.Publisher, src.Name, src.Edition)
	citation = src.Citation
	ed := "latest"
	if edition > 0 {
		ed = strconv.Itoa(edition)
	}
	citation = strings.ReplaceAll(citation, "<edition>", ed)
	return subtitle, citation
}

// yearText is how a year of the indicator reads: "2025 edition" or "2023".
func yearText(ind indicators.Indicator, year int) string {
	if ind.Year == indicators.EditionYear {
		return fmt.Sprintf("%d edition", year)
	}
	return strconv.Itoa(year)
}

func direction(higher bool) string {
	if higher {
		return "higher is better"
	}
	return "lower is better"
}

// axisLabel is the unit with the direction of the segment at year.
func axisLabel(ind indicators.Indicator, year int) (string, bool) {
	seg, ok := ind.SegmentAt(year)
	if !ok {
		seg = ind.Current()
	}
	higher := seg.Direction == indicators.HigherIsBetter
	return ind.Unit + ", " + direction(higher), higher
}

// fixedRange returns the segment's scale when it is bounded and not
// approximate (an approximate scale such as WGI's is exceeded by a few
// figures).
func fixedRange(ind indicators.Indicator, year int) (float64, float64) {
	seg, ok := ind.SegmentAt(year)
	if !ok {
		seg = ind.Current()
	}
	if seg.Scale.Bounded() && !seg.Scale.Approximate && seg.Scale.Min >= 0 {
		return seg.Scale.Min, seg.Scale.Max
	}
	return math.NaN(), math.NaN()
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
func latestYear(store *datasets.Store, ind indicators.Indicator, cs []indicators.Country) (int, error) {
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
	return 0, indicators.Errorf(indicators.ENotFound, "%s has no figures for these countries", ind.ID)
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

func noYear(store *datasets.Store, ind indicators.Indicator, year int) error {
	years, _ := store.Years(ind.ID)
	return indicators.Errorf(indicators.ENotFound, "%s has no figures for %d: years with figures are %s", ind.ID, year, indicators.YearRanges(years))
}

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
			return charts.Spec{}, noYear(store, ind, year)
		}
		ms = withNamed(ms, r.Countries)
	} else {
		if ms, err = members(store, r); err != nil {
			return charts.Spec{}, err
		}
		if year == 0 {
			if year, err = latestYear(store, ind, ms); err != nil {
				return charts.Spec{}, err
			}
		}
	}
	by, err := yearObs(store, ind, year)
	if err != nil {
		return charts.Spec{}, err
	}
	if len(by) == 0 {
		return charts.Spec{}, noYear(store, ind, year)
	}
	label, higher := axisLabel(ind, year)
	sub, cite := source(ind, year)
	lo, hi := fixedRange(ind, year)
	s := charts.Spec{Kind: charts.Ranking, Indicator: ind.ID, Year: year,
		Title:    fmt.Sprintf("%s, %s: %s", ind.Name, yearText(ind, year), groupTitle(r)),
		Subtitle: sub, Citation: cite, XLabel: label, HigherIsBetter: higher, Decimals: ind.Decimals, Min: lo, Max: hi}
	hl := highlighted(r)
	var rs restated
	n := 0
	for _, m := range ms {
		o, ok := by[m.ISO3]
		p := charts.Point{Y: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
		if ok {
			p = charts.Point{X: float64(year), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf, Note: rs.note(ind, o)}
			n++
		}
		s.Series = append(s.Series, charts.Series{Name: m.Name, Code: m.ISO3, Highlight: hl[m.ISO3], Points: []charts.Point{p}})
	}
	if n == 0 {
		return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "%s has no figures for %s (group %s) in %d", ind.ID, countries.GroupTitle(r.Group), r.Group, year)
	}
	if ind.Ranks == indicators.RanksComputed {
		s.Notes = append(s.Notes, "Ranks \"k of N\" are computed by rankings within the year over every country and territory the source scored (the publisher gives no rank); ties share the best rank.")
	} else {
		s.Notes = append(s.Notes, "Ranks \"k of N\" are the publisher's, over every country and territory it ranked that year.")
	}
	if whole {
		rank, err := docs.BuildRank(store, ind.ID, year, countries.GroupAll)
		if err != nil {
			return charts.Spec{}, err
		}
		if note := unlistedNote(rank.Unlisted); note != "" {
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
func unlistedNote(u *docs.Unlisted) string {
	if u == nil || u.Count == 0 {
		return ""
	}
	var names []string
	for _, e := range u.Entries {
		names = append(names, e.Name)
	}
	switch {
	case len(names) == 0 && u.Count == 1:
		return fmt.Sprintf("%d of the %d entries the source ranked is not shown: the data has no row for it, but it counts in N.", u.Count, u.RankOf)
	case len(names) == 0:
		return fmt.Sprintf("%d of the %d entries the source ranked are not shown: the data has no rows for them, but they count in N.", u.Count, u.RankOf)
	case u.Count == 1:
		return fmt.Sprintf("%d of the %d entries the source ranked is not shown, because the registry leaves it unmapped on purpose (it is no country or territory): %s. It counts in N.", u.Count, u.RankOf, joinAnd(names))
	}
	return fmt.Sprintf("%d of the %d entries the source ranked are not shown, because the registry leaves them unmapped on purpose (they are no countries or territories): %s. They count in N.", u.Count, u.RankOf, joinAnd(names))
}

// groupTitle is the group a chart shows, in words.
func groupTitle(r Request) string {
	if r.Kind == charts.Ranking {
		return docs.RankingGroupTitle(r.Group)
	}
	return countries.GroupTitle(r.Group)
}

// breaks labels the methodology breaks inside [lo, hi] with the new
// segment's name and direction.
func breaks(ind indicators.Indicator, lo, hi int) []charts.Break {
	var out []charts.Break
	for _, seg := range ind.Segments[1:] {
		if seg.From > lo && seg.From <= hi {
			out = append(out, charts.Break{Year: seg.From, Label: fmt.Sprintf("%d: %s (%s)", seg.From, seg.Label, direction(seg.Direction == indicators.HigherIsBetter))})
		}
	}
	return out
}

// mixedLabel is the value axis label of a span that crosses segments of
// different directions.
func spanLabel(ind indicators.Indicator, lo, hi int) (string, bool) {
	label, higher := axisLabel(ind, hi)
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
			parts = append(parts, fmt.Sprintf("from %d %s", r.from, direction(r.higher)))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d %s", r.from, r.to, direction(r.higher)))
		}
	}
	return ind.Unit + ": " + strings.Join(parts, "; "), higher
}

func yearsBetween(store *datasets.Store, ind indicators.Indicator, from, to int) (int, int, error) {
	years, err := store.Years(ind.ID)
	if err != nil {
		return 0, 0, err
	}
	if len(years) == 0 {
		return 0, 0, indicators.Errorf(indicators.ENotFound, "%s has no figures", ind.ID)
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

func timeline(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	if len(r.Countries) == 0 {
		return charts.Spec{}, invalid("a timeline needs at least one country: rankings chart timeline kazakhstan uzbekistan --indicator %s", ind.ID)
	}
	if len(r.Countries) > len(charts.Palette)*2 {
		return charts.Spec{}, invalid("a timeline shows at most %d countries; got %d", len(charts.Palette)*2, len(r.Countries))
	}
	from, to, err := yearsBetween(store, ind, r.From, r.To)
	if err != nil {
		return charts.Spec{}, err
	}
	percentile := r.Percentile && ind.Uncertain.Percentile
	if r.Percentile && !percentile {
		return charts.Spec{}, invalid("%s publishes no percentile rank: --percentile is for WGI indicators", ind.ID)
	}
	label, higher := spanLabel(ind, from, to)
	sub, cite := source(ind, to)
	var names []string
	for _, c := range r.Countries {
		names = append(names, c.Name)
	}
	s := charts.Spec{Kind: charts.Timeline, Indicator: ind.ID, Year: to,
		Title:    fmt.Sprintf("%s, %d–%d", ind.Name, from, to),
		Subtitle: sub, Citation: cite, XLabel: yearAxis(ind), YLabel: label, HigherIsBetter: higher,
		Decimals: ind.Decimals, Breaks: breaks(ind, from, to)}
	s.Min, s.Max = math.NaN(), math.NaN()
	if len(ind.Segments) == 1 {
		s.Min, s.Max = fixedRange(ind, to)
	}
	if percentile {
		s.Title = fmt.Sprintf("%s — percentile rank, %d–%d", ind.Name, from, to)
		s.YLabel = "percentile rank among all economies (0–100), higher is better"
		s.Min, s.Max, s.Decimals = 0, 100, 1
		s.Indicator += "-pct"
	}
	any := false
	var rs restated
	for _, c := range r.Countries {
		ser, err := store.Series(ind.ID, c.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		sr := charts.Series{Name: c.Name, Code: c.ISO3}
		for _, o := range ser.Points {
			if o.Year < from || o.Year > to {
				continue
			}
			p := charts.Point{X: float64(o.Year), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf}
			if !percentile {
				p.Note = rs.note(ind, o)
			}
			switch {
			case percentile:
				p.Y, p.Lo, p.Hi, p.Rank, p.RankOf = o.Pct, o.PctLower, o.PctUpper, 0, 0
			case !math.IsNaN(o.Lower) && !math.IsNaN(o.Upper):
				p.Lo, p.Hi = o.Lower, o.Upper
			case ind.Uncertain.StdErr && !math.IsNaN(o.StdErr):
				z := 1.645 // a 90% interval, as for WGI's percentile bounds
				if ind.Uncertain.StdErrZ() > 0 {
					z = ind.Uncertain.StdErrZ()
				}
				p.Lo, p.Hi = o.Value-z*o.StdErr, o.Value+z*o.StdErr
			}
			if !math.IsNaN(p.Y) {
				any = true
			}
			sr.Points = append(sr.Points, p)
		}
		s.Series = append(s.Series, sr)
	}
	if !any {
		return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "%s has no figures for %s between %d and %d", ind.ID, strings.Join(names, ", "), from, to)
	}
	switch {
	case percentile:
		s.Band = "90% interval of the percentile rank, as published by the World Bank"
	case ind.Uncertain.Bounds:
		s.Band = fmt.Sprintf("%.0f%% interval published by the source", ind.Uncertain.BoundsLevel*100)
	case ind.Uncertain.StdErr && ind.Uncertain.StdErrZ() > 0:
		s.Band = fmt.Sprintf("%.0f%% interval, as the publisher reads its standard error: the score ± %s × the published standard error",
			ind.Uncertain.StdErrLevel*100, indicators.FormatNumber(ind.Uncertain.StdErrZ()))
	case ind.Uncertain.StdErr:
		s.Band = "90% interval: the estimate ± 1.645 × its published standard error"
	case ind.Source == "vdem":
		s.Notes = append(s.Notes, "No uncertainty band: V-Dem publishes credible intervals, but the subset rankings embeds carries point estimates only, so none is drawn rather than invented.")
	}
	if ind.Year == indicators.EditionYear {
		s.Notes = append(s.Notes, ind.YearNote)
	}
	s.Notes = append(s.Notes, rs.notes...)
	// ODIHR elections of the countries within the years.
	for _, c := range r.Countries {
		es, err := store.Elections(c.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		for _, e := range es {
			if y := e.Year(); y < from || y > to {
				continue
			}
			s.Events = append(s.Events, charts.Event{Country: c.Name, Date: e.Date, Class: string(e.Assessment), Label: e.Assessment.Label(),
				Type: e.Type, Summary: e.Summary, Source: e.SourceURL, SourceKind: e.SourceKind.Label()})
		}
	}
	if len(s.Events) > 0 {
		s.Notes = append(s.Notes, "Election markers: OSCE/ODIHR's assessment as coded by rankings (met, mostly met, partly met, not met), from ODIHR's own pages or, where the table says so, from a copy or a secondary account; read each with its summary and source.")
	}
	return s, nil
}

func yearAxis(ind indicators.Indicator) string {
	if ind.Year == indicators.EditionYear {
		return "edition year"
	}
	return "year"
}

func heatmap(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	cs, err := members(store, r)
	if err != nil {
		return charts.Spec{}, err
	}
	from, to, err := yearsBetween(store, ind, r.From, r.To)
	if err != nil {
		return charts.Spec{}, err
	}
	if r.From == 0 {
		// The current methodology segment by default: colours across a
		// break would compare incomparable figures.
		if seg := ind.Current(); seg.From > from {
			from = seg.From
		}
	}
	label, higher := spanLabel(ind, from, to)
	sub, cite := source(ind, to)
	s := charts.Spec{Kind: charts.Heatmap, Indicator: ind.ID, Year: to,
		Title:    fmt.Sprintf("%s, %d–%d: %s", ind.Name, from, to, heatmapWho(r)),
		Subtitle: sub, Citation: cite, XLabel: yearAxis(ind), YLabel: label, HigherIsBetter: higher,
		Decimals: ind.Decimals, Breaks: breaks(ind, from, to), Min: math.NaN(), Max: math.NaN()}
	if len(s.Breaks) > 0 {
		s.Notes = append(s.Notes, "A thick line marks a methodology break: colours on either side are not comparable.")
	}
	if len(ind.Segments) == 1 {
		s.Min, s.Max = fixedRange(ind, to)
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

// coveredOffset is what to add to a described year to get the edition that
// covers it (edition-year indicators mostly cover the year before).
func coveredOffset(ind indicators.Indicator) int {
	if ind.Year == indicators.EditionYear {
		return 1
	}
	return 0
}

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

// shortName is an indicator's name without the trailing "(variable)".
func shortName(ind indicators.Indicator) string {
	n := ind.Name
	if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		n = n[:i]
	}
	return n
}

func sourceNames(inds []indicators.Indicator) string {
	seen := map[string]bool{}
	var out []string
	for _, ind := range inds {
		if seen[ind.Source] {
			continue
		}
		seen[ind.Source] = true
		if src, ok := indicators.SourceByID(ind.Source); ok {
			out = append(out, src.Name+" ("+src.Edition+")")
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

func slope(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	cs, err := members(store, r)
	if err != nil {
		return charts.Spec{}, err
	}
	to := r.To
	if to == 0 {
		if to, err = latestYear(store, ind, cs); err != nil {
			return charts.Spec{}, err
		}
	}
	seg, ok := ind.SegmentAt(to)
	if !ok {
		return charts.Spec{}, noYear(store, ind, to)
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
	label, higher := axisLabel(ind, to)
	sub, cite := source(ind, to)
	s := charts.Spec{Kind: charts.Slope, Indicator: ind.ID, Year: to,
		Title:    fmt.Sprintf("%s: %s and %s", ind.Name, yearText(ind, from), yearText(ind, to)),
		Subtitle: sub, Citation: cite, XLabel: yearAxis(ind), YLabel: label, HigherIsBetter: higher, Decimals: ind.Decimals,
		Min: math.NaN(), Max: math.NaN()}
	a, err := yearObs(store, ind, from)
	if err != nil {
		return charts.Spec{}, err
	}
	z, err := yearObs(store, ind, to)
	if err != nil {
		return charts.Spec{}, err
	}
	n := 0
	var rs restated
	for _, c := range cs {
		sr := charts.Series{Name: c.Name, Code: c.ISO3}
		for _, yo := range []struct {
			y int
			m map[string]indicators.Observation
		}{{from, a}, {to, z}} {
			if o, ok := yo.m[c.ISO3]; ok {
				sr.Points = append(sr.Points, charts.Point{X: float64(yo.y), Y: o.Value, Lo: math.NaN(), Hi: math.NaN(), Rank: o.Rank, RankOf: o.RankOf,
					Note: rs.note(ind, o)})
			}
		}
		if len(sr.Points) > 0 {
			n++
		}
		s.Series = append(s.Series, sr)
	}
	if n == 0 {
		return charts.Spec{}, indicators.Errorf(indicators.ENotFound, "%s has no figures for these countries in %d or %d", ind.ID, from, to)
	}
	sort.SliceStable(s.Series, func(i, j int) bool { return s.Series[i].Name < s.Series[j].Name })
	s.Notes = append(s.Notes, rs.notes...)
	return s, nil
}

// restated collects the notes of a chart's figures that the source's
// current files restate (RSF 2013–2021): each point's own note, and once
// per restated segment a note for the whole chart.
type restated struct {
	notes []string
}

// note is the note of a point showing o (indicators.Indicator.PublishedNote
// as a sentence), "" when o is the figure as published.
func (r *restated) note(ind indicators.Indicator, o indicators.Observation) string {
	n := ind.PublishedNote(o)
	if n == "" {
		return ""
	}
	seg, _ := ind.SegmentAt(o.Year)
	chart := fmt.Sprintf("%s's current files give its %d–%d scores as %s minus the score it first published (on the published scale, %s); the tooltips and the table give each published figure.",
		seg.Restated.Publisher, seg.From, seg.To, indicators.FormatNumber(seg.Restated.Pivot), seg.Restated.Published)
	if !slices.Contains(r.notes, chart) {
		r.notes = append(r.notes, chart)
	}
	return n + "."
}
