package charts

import (
	"math"
	"strconv"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// span is the extent of a value axis: the scale's bounds when the spec
// fixes them, otherwise the data's range rounded out to a tick step, which
// the axis title then states (zoomed).
type span struct {
	Lo, Hi float64
	// Zoomed says that the axis runs over the data, not over the scale.
	Zoomed bool
}

// valueSpan returns the value axis for figures vals on a scale bounded by
// scaleMin and scaleMax (NaN when the scale is unbounded or only approximate). A
// bounded axis spans exactly the scale and never runs past it; a figure
// outside it (which a bounded scale should not have) widens it only as far
// as that figure. An unbounded axis spans the data, rounded out to its tick
// step; withZero keeps 0 inside it, for bars that grow from zero.
func valueSpan(scaleMin, scaleMax float64, vals []float64, withZero bool) span {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if finite(scaleMin) && finite(scaleMax) && scaleMin < scaleMax {
		if lo > hi {
			return span{Lo: scaleMin, Hi: scaleMax}
		}
		return span{Lo: math.Min(scaleMin, lo), Hi: math.Max(scaleMax, hi)}
	}
	if lo > hi {
		lo, hi = 0, 1
	}
	if withZero {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	if lo == hi {
		d := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-d, hi+d
	}
	step := niceStep((hi - lo) / 5)
	out := span{Lo: math.Floor(lo/step+1e-9) * step, Hi: math.Ceil(hi/step-1e-9) * step, Zoomed: true}
	out.Lo, out.Hi = cleanFloat(out.Lo, step), cleanFloat(out.Hi, step)
	return out
}

// niceStep rounds a raw tick step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if !(raw > 0) || !finite(raw) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*mag*(1+1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// cleanFloat removes the binary noise of a multiple of step (0.30000000004).
func cleanFloat(v, step float64) float64 {
	d := stepDecimals(step)
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
	if r == 0 {
		return 0 // never "-0"
	}
	return r
}

// stepDecimals is how many decimals a tick label of this step needs.
func stepDecimals(step float64) int {
	for d := 0; d < 8; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(step*p-math.Round(step*p)) < 1e-6 {
			return d
		}
	}
	return 8
}

// zoomedLabel is a value axis title that says the axis is zoomed to the
// data rather than spanning the whole scale.
func zoomedLabel(l i18n.Lang, label string) string {
	if label == "" {
		return l.T("chart.axis.zoomed")
	}
	return l.T("chart.axis.zoomed_label", label)
}

// axisTitle is the title of a value axis of this span, in English.
func (a span) axisTitle(label string) string { return a.axisTitleIn(i18n.EN, label) }

// axisTitleIn is the title of a value axis of this span in language l.
func (a span) axisTitleIn(l i18n.Lang, label string) string {
	if a.Zoomed {
		return zoomedLabel(l, label)
	}
	return label
}

// echarts sets the axis extent on an ECharts value axis: explicit min and
// max, so that ECharts' nice rounding never runs it past the scale, and
// the axis line at the plot's edge rather than through zero.
func (a span) echarts(axis map[string]any) {
	axis["min"], axis["max"] = a.Lo, a.Hi
	delete(axis, "scale")
	axis["axisLine"] = map[string]any{"show": true, "onZero": false, "lineStyle": map[string]any{"color": "#888888"}}
}

// onAxis sets the extent and ticks of a static chart's axis: exactly the
// span, with labelled ticks at a round step, none outside it.
func (a span) onAxis(ax *figure.Axis) {
	ax.Min, ax.Max = a.Lo, a.Hi
	ax.Tick.Marker = spanTicks{}
}

// spanTicks places major ticks at a round step between the axis ends, and
// minor ticks halfway; an end that is off the step (the 1 and 7 of a 1–7
// rating, Freedom House's −4) is labelled too, unless a round tick is too
// close to it, so that a reader sees where the scale ends.
type spanTicks struct{}

// Ticks implements figure.Ticker.
func (spanTicks) Ticks(lo, hi float64) []figure.Tick {
	if !(hi > lo) {
		return nil
	}
	step := niceStep((hi - lo) / 5)
	d := stepDecimals(step)
	var out []figure.Tick
	label := func(v float64) string { return strconv.FormatFloat(v, 'f', max(d, decimalsOf(v)), 64) }
	first := math.Ceil(lo/step - 1e-9)
	var major []float64
	for k := first; k*step <= hi+step*1e-9; k++ {
		v := cleanFloat(k*step, step)
		major = append(major, v)
		if mid := v + step/2; mid < hi {
			out = append(out, figure.Tick{Value: mid})
		}
	}
	if below := first*step - step/2; below > lo {
		out = append(out, figure.Tick{Value: below})
	}
	for _, end := range []float64{lo, hi} {
		near := false
		for _, v := range major {
			near = near || math.Abs(v-end) < step*0.4
		}
		if !near {
			major = append(major, end)
		}
	}
	for _, v := range major {
		out = append(out, figure.Tick{Value: v, Label: label(v)})
	}
	return out
}

// decimalsOf is how many decimals v needs (at most 4).
func decimalsOf(v float64) int {
	for d := 0; d < 4; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(v*p-math.Round(v*p)) < 1e-9 {
			return d
		}
	}
	return 4
}
