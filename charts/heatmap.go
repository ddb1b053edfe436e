package charts

import (
	"fmt"
	"math"
	"strconv"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

func buildHeatmap(s Spec) (map[string]any, int, error) {
	lo, hi := yearSpan(s)
	if hi < lo {
		return nil, 0, fmt.Errorf("charts: heatmap %q has no years", s.Title)
	}
	years := yearLabels(lo, hi)
	hm := ec.NewHeatMap()
	hm.SetXAxis(years)
	var names []string
	var data []opts.HeatMapData
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for i, sr := range s.Series {
		names = append(names, sr.Name)
		for _, p := range sr.Points {
			if p.Missing() || !finite(p.X) {
				continue
			}
			vmin, vmax = math.Min(vmin, p.Y), math.Max(vmax, p.Y)
			data = append(data, opts.HeatMapData{Name: strconv.Itoa(int(p.X)) + ": " + tooltipLine(s, p),
				Value: []any{int(p.X) - lo, i, p.Y}})
		}
	}
	if finite(s.Min) && finite(s.Max) {
		vmin, vmax = s.Min, s.Max
	}
	if !finite(vmin) {
		vmin, vmax = 0, 1
	}
	if vmin == vmax {
		vmax = vmin + 1
	}
	hm.AddSeries(s.Indicator, data)
	m, err := toMap(hm)
	if err != nil {
		return nil, 0, err
	}
	h := layout(s, false)
	height := h.plotTop + 26*len(names) + 110
	ser := m["series"].([]any)[0].(map[string]any)
	ser["name"] = s.Indicator
	ser["label"] = map[string]any{"show": len(years) <= 16, "fontSize": 10}
	ser["itemStyle"] = map[string]any{"borderColor": "#ffffff", "borderWidth": 1}
	ser["tooltip"] = map[string]any{"formatter": "{b}"}
	// The series' own names sit on the y axis; the tooltip needs the
	// country: keep it in the item name.
	for k, d := range ser["data"].([]any) {
		dm := d.(map[string]any)
		v := data[k].Value.([]any)
		dm["name"] = s.Series[v[1].(int)].Name + "\n" + data[k].Name
		dm["label"] = map[string]any{"formatter": s.format(v[2].(float64))}
	}
	if len(s.Breaks) > 0 {
		var md []any
		for _, b := range s.Breaks {
			if b.Year > lo && b.Year <= hi {
				md = append(md, map[string]any{"xAxis": float64(b.Year-lo) - 0.5, "name": b.Label,
					"label": map[string]any{"formatter": escapeTpl(b.Label), "position": "end", "color": "#333333", "fontSize": 11}})
			}
		}
		ser["markLine"] = map[string]any{"symbol": []any{"none", "none"}, "silent": true, "data": md,
			"lineStyle": map[string]any{"color": "#000000", "type": "solid", "width": 2}}
	}
	colors := sequential
	if !s.HigherIsBetter {
		colors = reverse(sequential)
	}
	better, worse := "better", "worse"
	m["visualMap"] = []any{map[string]any{"type": "continuous", "min": vmin, "max": vmax, "calculable": false,
		"orient": "horizontal", "left": "center", "bottom": 8, "itemWidth": 14, "itemHeight": 220,
		"text":    []any{fmt.Sprintf("%s (%s)", s.format(vmax), pick(s.HigherIsBetter, better, worse)), fmt.Sprintf("%s:   %s (%s)", s.YLabel, s.format(vmin), pick(s.HigherIsBetter, worse, better))},
		"inRange": map[string]any{"color": colors}, "dimension": 2}}
	m["xAxis"] = []any{merge(axisName(s.XLabel, false), map[string]any{"type": "category", "data": years, "splitArea": map[string]any{"show": false}})}
	m["yAxis"] = []any{map[string]any{"type": "category", "data": names, "inverse": true, "axisLabel": map[string]any{"color": "#222222"}}}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 16, "right": 30, "bottom": 90, "containLabel": true}}
	m["legend"] = map[string]any{"show": false}
	return m, height, nil
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func reverse(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}
