package chartdata

import (
	"fmt"
	"math"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// panels returns one chart panel per methodology segment of ind that
// overlaps [from, to], each with its own scale, direction and axis title,
// or nil when the span stays within one segment (the chart's own scale is
// then the segment's).
func panels(l i18n.Lang, ind indicators.Indicator, from, to int) []charts.Panel {
	var out []charts.Panel
	for _, seg := range ind.Segments {
		if seg.To != 0 && seg.To < from || seg.From > to {
			continue
		}
		lo, hi := max(seg.From, from), to
		if seg.To != 0 {
			hi = min(seg.To, to)
		}
		higher := seg.Direction == indicators.HigherIsBetter
		p := charts.Panel{From: lo, To: hi, HigherIsBetter: higher, Min: math.NaN(), Max: math.NaN()}
		if seg.To == 0 {
			p.To = 0
		}
		p.Title = l.T("chart.panel_title", yearRange(lo, hi), dataText(l, seg.Label))
		if higher {
			p.YLabel = l.T("chart.panel_axis_higher", dataText(l, ind.Unit))
		} else {
			p.YLabel = l.T("chart.panel_axis_lower", dataText(l, ind.Unit))
		}
		p.Min, p.Max = scaleRange(ind, lo)
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// yearRange is "2002–2012", or "2022" for one year.
func yearRange(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// spanNote says that a chart spanning methodology breaks gives every
// segment its own panel and scale.
func spanNote(r Request, ind indicators.Indicator, ps []charts.Panel, what string) string {
	if len(ps) < 2 {
		return ""
	}
	return r.Lang.T("chart.span_note", indName(r, ind), what)
}

// currentFrom is the first year a chart shows by default: the start of the
// current methodology segment, so that a default span never crosses a
// break.
func currentFrom(ind indicators.Indicator, first int) int {
	if seg := ind.Current(); seg.From > first {
		return seg.From
	}
	return first
}

// earlierNote says what a default span left out: the figures of earlier
// methodologies, and how to see them.
func earlierNote(r Request, ind indicators.Indicator, from, first int) string {
	if from <= first {
		return ""
	}
	return r.Lang.T("chart.earlier_note", indName(r, ind), first, from-1, first)
}
