package chartdata

import (
	"math"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

func timeline(store *datasets.Store, ind indicators.Indicator, r Request) (charts.Spec, error) {
	if len(r.Countries) == 0 {
		return charts.Spec{}, invalid("a timeline needs at least one country: rankings chart timeline kazakhstan uzbekistan --indicator %s", ind.ID)
	}
	if len(r.Countries) > len(charts.Palette)*2 {
		return charts.Spec{}, invalid("a timeline shows at most %d countries; got %d", len(charts.Palette)*2, len(r.Countries))
	}
	from, to, err := yearsBetween(store, ind, names(r.Countries), r.Countries, r.From, r.To)
	if err != nil {
		return charts.Spec{}, err
	}
	first := from
	if r.From == 0 {
		// The current methodology segment by default: a line across a
		// break would join incomparable figures.
		from = currentFrom(ind, from)
	}
	percentile := r.Percentile && ind.Uncertain.Percentile
	if r.Percentile && !percentile {
		return charts.Spec{}, invalid("%s publishes no percentile rank: --percentile is for WGI indicators", ind.ID)
	}
	label, higher := spanLabel(r.Lang, ind, from, to)
	sub, cite := source(ind, r, spanYears(store, ind, from, to)...)
	var names []string
	for _, c := range r.Countries {
		names = append(names, c.Name)
	}
	s := charts.Spec{Kind: charts.Timeline, Indicator: ind.ID, Year: to,
		Title:    r.Lang.T("chart.timeline_title", indName(r, ind), from, to),
		Subtitle: sub, Citation: cite, XLabel: timeAxisLabel(r.Lang, ind, to), YLabel: label, HigherIsBetter: higher,
		Decimals: ind.Decimals, Breaks: breaks(r.Lang, ind, from, to), Covered: coveredOffset(ind)}
	s.Min, s.Max = math.NaN(), math.NaN()
	if ind.SameSegment(from, to) {
		s.Min, s.Max = scaleRange(ind, to)
	}
	if !percentile {
		s.Panels = panels(r.Lang, ind, from, to)
		if note := spanNote(r, ind, s.Panels, r.Lang.T("chart.span_what_timeline")); note != "" {
			s.Notes = append(s.Notes, note)
		}
	}
	if note := earlierNote(r, ind, from, first); note != "" {
		s.Notes = append(s.Notes, note)
	}
	if percentile {
		s.Title = r.Lang.T("chart.timeline_pct_title", indName(r, ind), from, to)
		s.YLabel = r.Lang.T("chart.axis_wgi_pct")
		s.Min, s.Max, s.Decimals = 0, 100, 1
		s.Indicator += "-pct"
	}
	any := false
	rs := restated{lang: r.Lang}
	for _, c := range r.Countries {
		ser, err := store.Series(ind.ID, c.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		sr := charts.Series{Name: countryName(r, c), Code: c.ISO3}
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
		have, err := seriesYears(store, ind, r.Countries)
		if err != nil {
			return charts.Spec{}, err
		}
		return charts.Spec{}, docs.NoFigures(docs.NamesAnd(names), ind.ID, from, to, have)
	}
	switch {
	case percentile:
		s.Band = r.Lang.T("chart.band_wgi_pct")
	case ind.Uncertain.Bounds:
		s.Band = r.Lang.T("chart.band_bounds", ind.Uncertain.BoundsLevel*100)
	case ind.Uncertain.StdErr && ind.Uncertain.StdErrZ() > 0:
		s.Band = r.Lang.T("chart.band_stderr_z", ind.Uncertain.StdErrLevel*100, r.Lang.Number(ind.Uncertain.StdErrZ(), -1))
	case ind.Uncertain.StdErr:
		s.Band = r.Lang.T("chart.band_stderr")
	case ind.Source == "vdem":
		s.Notes = append(s.Notes, r.Lang.T("chart.note_vdem_no_band"))
	}
	if ind.Year == indicators.EditionYear {
		s.Notes = append(s.Notes, dataText(r.Lang, ind.YearNote))
	}
	s.Notes = append(s.Notes, rs.notes...)
	// ODIHR elections of the countries within the years.
	for _, c := range r.Countries {
		es, err := store.Elections(c.ISO3)
		if err != nil {
			return charts.Spec{}, err
		}
		for _, e := range es {
			if y := e.Year(); y < from-coveredOffset(ind) || y > to {
				continue
			}
			s.Events = append(s.Events, charts.Event{Country: countryName(r, c), Date: e.Date, Class: string(e.Assessment), Label: docs.AssessmentIn(r.Lang, string(e.Assessment)),
				Type: docs.ElectionTypeIn(r.Lang, e.Type), Summary: e.Summary, Source: e.SourceURL, SourceKind: docs.SourceKindIn(r.Lang, string(e.SourceKind))})
		}
	}
	if len(s.Events) > 0 {
		s.Notes = append(s.Notes, r.Lang.T("chart.note_elections"))
	}
	return s, nil
}
