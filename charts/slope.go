package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

func buildSlope(s Spec) (map[string]any, int, error) {
	lo, hi := yearSpan(s)
	if hi <= lo {
		return nil, 0, fmt.Errorf("charts: slope %q needs two years", s.Title)
	}
	years := []string{strconv.Itoa(lo), strconv.Itoa(hi)}
	line := ec.NewLine()
	line.SetXAxis(years)
	var legend []string
	for i, sr := range s.Series {
		st := seriesStyle(i)
		vals := []opts.LineData{{Value: "-"}, {Value: "-"}}
		for _, p := range sr.Points {
			switch int(p.X) {
			case lo:
				vals[0] = opts.LineData{Name: years[0] + ": " + tooltipLine(s, p), Value: num(p.Y)}
			case hi:
				vals[1] = opts.LineData{Name: years[1] + ": " + tooltipLine(s, p), Value: num(p.Y)}
			}
		}
		legend = append(legend, sr.Name)
		line.AddSeries(sr.Name, vals,
			ec.WithLineChartOpts(opts.LineChart{Symbol: st.Symbol, SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
			ec.WithLineStyleOpts(opts.LineStyle{Color: st.Color, Width: 2.5, Type: st.Dash}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: st.Color}))
	}
	m, err := toMap(line)
	if err != nil {
		return nil, 0, err
	}
	for _, x := range m["series"].([]any) {
		sm := x.(map[string]any)
		sm["tooltip"] = map[string]any{"formatter": "{a}\n{b}"}
		sm["connectNulls"] = false
	}
	h := layout(s, false)
	const plotH = 460
	height := h.plotTop + plotH + 60
	// The value axis spans the scale (or the data, zoomed, which its
	// title says); it is fixed so that the end labels can be spread apart
	// in value units (one label height = 16 pixels).
	type end struct {
		name, text string
		y, at      float64
		i          int
	}
	var ends []end
	for i, sr := range s.Series {
		var last *Point
		for k := range sr.Points {
			if p := sr.Points[k]; !p.Missing() && int(p.X) == hi {
				last = &sr.Points[k]
			}
		}
		if last != nil {
			ends = append(ends, end{name: sr.Name, text: sr.Name + "  " + s.text(*last), y: last.Y, at: last.Y, i: i})
		}
	}
	ax := slopeSpan(s)
	vmin, vmax := ax.Lo, ax.Hi
	gap := (vmax - vmin) * 16 / plotH
	sort.SliceStable(ends, func(a, b int) bool { return ends[a].y < ends[b].y })
	for k := 1; k < len(ends); k++ {
		ends[k].at = math.Max(ends[k].at, ends[k-1].at+gap)
	}
	if n := len(ends); n > 0 && ends[n-1].at > vmax {
		ends[n-1].at = vmax
		for k := n - 2; k >= 0; k-- {
			ends[k].at = math.Min(ends[k].at, ends[k+1].at-gap)
		}
	}
	var labels []any
	for _, e := range ends {
		labels = append(labels, map[string]any{"value": []any{1, e.at},
			"label": map[string]any{"formatter": escapeTpl(e.text)}})
	}
	series := m["series"].([]any)
	m["series"] = append(series, map[string]any{"type": "scatter", "name": "labels", "data": labels, "symbolSize": 0, "silent": true,
		"tooltip": map[string]any{"show": false}, "label": map[string]any{"show": true, "position": "right", "distance": 10, "fontSize": 12, "color": "#222222"}})
	m["xAxis"] = []any{merge(axisName(s.XLabel, false), map[string]any{"type": "category", "data": years, "boundaryGap": false,
		"axisLabel": map[string]any{"fontSize": 13, "fontWeight": "bold"}})}
	y := merge(axisName(ax.axisTitleIn(s.Lang, s.YLabel), true), map[string]any{"type": "value", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	ax.echarts(y)
	if !s.HigherIsBetter {
		y["inverse"] = true
	}
	m["yAxis"] = []any{y}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 60, "right": 200, "height": plotH - 20, "containLabel": true}}
	m["legend"] = map[string]any{"show": false}
	_ = legend
	return m, height, nil
}

// slopeSpan is the value axis of a slope: the whole scale when it is
// bounded, so that a small change is not magnified; the data's range,
// zoomed and said so, when it is not.
func slopeSpan(s Spec) span {
	var vals []float64
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			vals = append(vals, p.Y)
		}
	}
	return valueSpan(s.Min, s.Max, vals, false)
}
