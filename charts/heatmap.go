package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// heatColumns lays out a heatmap's columns: the years of each panel, with
// an empty column between panels so that segments never touch. It returns
// the column labels and each year's column.
func heatColumns(s Spec) ([]string, map[int]int) {
	lo, hi := yearSpan(s)
	var labels []string
	col := map[int]int{}
	for k, pn := range s.panels() {
		a, b := max(lo, pn.From), hi
		if pn.To != 0 {
			b = min(hi, pn.To)
		}
		if a > b {
			continue
		}
		if k > 0 && len(labels) > 0 {
			// Distinct blank labels: ECharts merges equal categories.
			labels = append(labels, strings.Repeat(" ", k))
		}
		for y := a; y <= b; y++ {
			col[y] = len(labels)
			labels = append(labels, strconv.Itoa(y))
		}
	}
	return labels, col
}

// heatRange is a panel's colour scale: its fixed bounds, or the range of
// its figures.
func heatRange(s Spec, pn Panel) (float64, float64) {
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for _, sr := range s.Series {
		for _, p := range inPanel(sr.Points, pn) {
			if !p.Missing() {
				vmin, vmax = math.Min(vmin, p.Y), math.Max(vmax, p.Y)
			}
		}
	}
	if finite(pn.Min) && finite(pn.Max) {
		vmin, vmax = pn.Min, pn.Max
	}
	if !finite(vmin) {
		vmin, vmax = 0, 1
	}
	if vmin == vmax {
		vmax = vmin + 1
	}
	return vmin, vmax
}

// heatColours is a panel's colour ramp from its lowest to its highest
// value: dark is worse and yellow better in every panel, whichever way the
// panel's scale runs.
func heatColours(pn Panel) []string {
	if pn.HigherIsBetter {
		return sequential
	}
	return reverse(sequential)
}

func buildHeatmap(s Spec) (map[string]any, int, error) {
	lo, hi := yearSpan(s)
	if hi < lo {
		return nil, 0, fmt.Errorf("charts: heatmap %q has no years", s.Title)
	}
	cols, col := heatColumns(s)
	panels := s.panels()
	multi := len(s.Panels) > 1
	var names []string
	var rows []any
	for _, sr := range s.Series {
		names = append(names, sr.Name)
		if sr.Highlight {
			rows = append(rows, map[string]any{"value": sr.Name, "textStyle": map[string]any{"fontWeight": "bold", "color": "#000000"}})
		} else {
			rows = append(rows, sr.Name)
		}
	}
	var series, maps []any
	for k, pn := range panels {
		var data []any
		for i, sr := range s.Series {
			for _, p := range inPanel(sr.Points, pn) {
				c, ok := col[int(p.X)]
				if p.Missing() || !ok {
					continue
				}
				item := map[string]any{"name": sr.Name + "\n" + strconv.Itoa(int(p.X)) + ": " + tooltipLine(s, p),
					"value": []any{c, i, p.Y}, "label": map[string]any{"formatter": s.format(p.Y)}}
				if sr.Highlight {
					// The named countries' rows are outlined.
					item["itemStyle"] = map[string]any{"borderColor": "#111111", "borderWidth": 1.5}
				}
				data = append(data, item)
			}
		}
		series = append(series, map[string]any{"type": "heatmap", "name": s.Indicator, "data": data,
			"label":     map[string]any{"show": len(cols) <= 16, "fontSize": 10},
			"itemStyle": map[string]any{"borderColor": "#ffffff", "borderWidth": 1},
			"tooltip":   map[string]any{"formatter": "{b}"}})
		vmin, vmax := heatRange(s, pn)
		label := s.YLabel
		if multi {
			label = pn.Title
		}
		better, worse := s.Lang.T("chart.better"), s.Lang.T("chart.worse")
		maps = append(maps, map[string]any{"type": "continuous", "min": vmin, "max": vmax, "calculable": false, "seriesIndex": k,
			"orient": "horizontal", "left": "center", "bottom": 8 + 40*(len(panels)-1-k), "itemWidth": 14, "itemHeight": 220,
			"text":    []any{fmt.Sprintf("%s (%s)", s.format(vmax), pick(pn.HigherIsBetter, better, worse)), fmt.Sprintf("%s:   %s (%s)", label, s.format(vmin), pick(pn.HigherIsBetter, worse, better))},
			"inRange": map[string]any{"color": heatColours(pn)}, "dimension": 2})
	}
	// Breaks within one panel (a spec without panels): a thick line.
	if !multi && len(s.Breaks) > 0 && len(series) > 0 {
		var md []any
		for _, b := range s.Breaks {
			if c, ok := col[b.Year]; ok && b.Year > lo {
				md = append(md, map[string]any{"xAxis": float64(c) - 0.5, "name": b.Label,
					"label": map[string]any{"formatter": escapeTpl(b.Label), "position": "end", "color": "#333333", "fontSize": 11}})
			}
		}
		series[0].(map[string]any)["markLine"] = map[string]any{"symbol": []any{"none", "none"}, "silent": true, "data": md,
			"lineStyle": map[string]any{"color": "#000000", "type": "solid", "width": 2}}
	}
	h := layout(s, false)
	keys := 40 * len(panels)
	height := h.plotTop + 26*len(names) + 70 + keys
	m := map[string]any{"series": series, "visualMap": maps,
		"xAxis":  []any{merge(axisName(s.XLabel, false), map[string]any{"type": "category", "data": cols, "splitArea": map[string]any{"show": false}})},
		"yAxis":  []any{map[string]any{"type": "category", "data": rows, "inverse": true, "axisLabel": map[string]any{"color": "#222222"}}},
		"grid":   []any{map[string]any{"top": h.plotTop, "left": 16, "right": 30, "bottom": 50 + keys, "containLabel": true}},
		"legend": map[string]any{"show": false}}
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
