package server

import (
	"fmt"
	"html/template"
	"reflect"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// message is message key of the catalogue in language l as HTML. The
// catalogue's text is the project's own and may hold markup (a link);
// every argument but a template.HTML one is escaped.
func message(l i18n.Lang, key string, args ...any) template.HTML {
	esc := make([]any, len(args))
	for i, a := range args {
		// A template hands on a document's optional figures as pointers
		// (*int), which it would print as their values.
		if v := reflect.ValueOf(a); v.Kind() == reflect.Pointer && !v.IsNil() {
			a = v.Elem().Interface()
		}
		switch v := a.(type) {
		case template.HTML:
			esc[i] = string(v)
		case string:
			esc[i] = template.HTMLEscapeString(v)
		case fmt.Stringer:
			esc[i] = template.HTMLEscapeString(v.String())
		default:
			esc[i] = a
		}
	}
	return template.HTML(l.T(key, esc...))
}

// apiPath is the address of an API document whose names the page's
// language l can have (lang=ru); the API is otherwise the same in every
// language.
func apiPath(l i18n.Lang, p string) string {
	if l == i18n.EN {
		return p
	}
	return p + "?" + langParam + "=" + string(l)
}

// cname is the name in language l of a registry entity or of a
// document's reference to one (anything with ISO3 and Name fields).
func (s *Server) cname(l i18n.Lang, c any) string {
	if ic, ok := c.(indicators.Country); ok {
		return displayName(l, ic)
	}
	v := reflect.Indirect(reflect.ValueOf(c))
	if v.Kind() != reflect.Struct {
		return fmt.Sprint(c)
	}
	iso, name := v.FieldByName("ISO3"), v.FieldByName("Name")
	if !iso.IsValid() || !name.IsValid() {
		return fmt.Sprint(c)
	}
	return s.nameOf(l, iso.String(), name.String())
}

// yearText says what an indicator's year is (prefix "web.year_of." or
// "web.year_is." and the year's meaning, edition or data).
func yearText(l i18n.Lang, prefix string, year int, meaning string) string {
	if !i18n.Has(prefix + meaning) {
		return l.T(prefix+"other", year, meaning)
	}
	return l.T(prefix+meaning, year)
}

// trendText is a trend of the compare page: the slope per year with its
// 95% interval and the years it spans.
func trendText(l i18n.Lang, t docs.Trend) string {
	if t.N == 0 {
		return l.T("web.trend.none")
	}
	if t.Insufficient || t.Slope == nil {
		return l.N("web.trend.insufficient", t.N, t.N)
	}
	g := func(v float64) string { return l.Figure(fmt.Sprintf("%+.3g", v)) }
	return l.T("web.trend.slope", g(*t.Slope), g(*t.CILow), g(*t.CIHigh), *t.From, *t.To)
}

// changeText is a change since a base year in the compare page's "Change
// since" column; value is its figure, formatted. A rank change is given
// only with both field sizes, and where the source ranked a different
// number of entities in the two years the change of percentile (the share
// of the ranked field placed below, docs.ChangeDoc) leads instead.
func changeText(l i18n.Lang, value string, c docs.ChangeDoc) string {
	if c.Value == nil {
		return c.Reason
	}
	if *c.Value > 0 {
		value = "+" + value
	}
	if c.RankChange == nil || c.Rank == nil || c.SinceRank == nil {
		return l.T("web.change.points", value, *c.From)
	}
	now, then := fmt.Sprintf("%d/%d", *c.Rank, *c.RankOf), fmt.Sprintf("%d/%d", *c.SinceRank, *c.SinceRankOf)
	if c.FieldChanged() {
		pct := l.Figure(fmt.Sprintf("%+.1f", *c.PercentileChange))
		if *c.RankOf > *c.SinceRankOf {
			return l.T("web.change.field_grew", value, *c.From, pct, now, then, *c.SinceRankOf, *c.RankOf)
		}
		return l.T("web.change.field_shrank", value, *c.From, pct, now, then, *c.SinceRankOf, *c.RankOf)
	}
	switch r := *c.RankChange; {
	case r > 0:
		return l.T("web.change.up", value, *c.From, now, then, r)
	case r < 0:
		return l.T("web.change.down", value, *c.From, now, then, -r)
	}
	return l.T("web.change.same", value, *c.From, now)
}

// segmentsOf splits a series' figures by methodology segment, so that each
// segment's rows carry their own scale and direction (RSF 2002–2012 is
// lower-is-better, 2013– higher-is-better).
func segmentsOf(l i18n.Lang, ss docs.ShowSeries) []showSegment {
	var out []showSegment
	for i, v := range ss.Values {
		seg, ok := segmentOf(ss, v.Year)
		if !ok {
			seg = docs.Segment{From: v.Year, HigherIsBetter: ss.HigherIsBetter}
		}
		h := segmentHeading(l, seg)
		if len(out) == 0 || !ok || out[len(out)-1].Heading != h {
			out = append(out, showSegment{Heading: h, Break: len(out) > 0})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, showRow{I: i, V: v})
	}
	return out
}

// segmentHeading names a segment: "2002–2012: old points scale
// (unbounded), lower is better".
func segmentHeading(l i18n.Lang, seg docs.Segment) string {
	years := fmt.Sprintf("%d–", seg.From)
	if seg.To != nil {
		years = fmt.Sprintf("%d–%d", seg.From, *seg.To)
	}
	label := seg.Label
	if label == "" {
		label = l.T("web.segment.scale", l.Figure(docs.ScaleText(seg.Scale)))
	} else {
		label = segmentLabel(l, label)
	}
	if seg.HigherIsBetter {
		return l.T("web.segment.higher", years, label)
	}
	return l.T("web.segment.lower", years, label)
}

// segmentLabel is a methodology segment's label in language l.
func segmentLabel(l i18n.Lang, label string) string {
	if l == i18n.EN || !i18n.Has("web.segment_label."+label) {
		return label
	}
	return l.T("web.segment_label." + label)
}

// electionsLine counts a country's elections and names the latest
// assessed one.
func electionsLine(l i18n.Lang, d docs.ElectionsDocument) string {
	n := len(d.Elections)
	if e := d.Latest; e != nil {
		return l.N("web.electionspage.count_latest", n, n, l.DateText(e.Date), docs.ElectionTypeIn(l, e.Type), docs.AssessmentIn(l, e.Assessment))
	}
	return l.N("web.electionspage.count", n, n)
}

// sourceKindSentence says what a country's assessments rest on
// (docs.SourceKindSentence in English).
func sourceKindSentence(l i18n.Lang, counts map[string]int, total int) string {
	if l == i18n.EN {
		return docs.SourceKindSentence(counts, total)
	}
	odihr, pa, mirror, secondary := counts[string(indicators.SourceODIHR)], counts[string(indicators.SourceOSCEPA)],
		counts[string(indicators.SourceMirror)], counts[string(indicators.SourceSecondary)]
	s := l.N("web.source_kinds.basis", total, odihr, total, pa, mirror, secondary)
	if n := counts[docs.NotStated]; n > 0 {
		s += " " + l.N("web.source_kinds.not_stated", total, n, total)
	}
	return s
}

// unlistedSentence says how many of the whole field a ranking leaves
// out and why (docs.Rank.UnlistedSentence in English).
func unlistedSentence(l i18n.Lang, r docs.Rank) string {
	if l == i18n.EN {
		return r.UnlistedSentence()
	}
	u := r.Unlisted
	switch {
	case u == nil:
		return ""
	case u.Count == 0:
		return l.T("web.unlisted.none", len(r.Rows), r.Year, u.RankOf)
	case len(u.Entries) == 0:
		return l.N("web.unlisted.no_rows", u.Count, u.Count, u.RankOf, r.Year)
	}
	return l.N("web.unlisted.unmapped", u.Count, u.Count, u.RankOf, r.Year)
}
