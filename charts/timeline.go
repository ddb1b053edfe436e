package charts

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// segments splits a series' points at the breaks: segments are never
// joined.
func segments(pts []Point, breaks []Break) [][]Point {
	var out [][]Point
	var cur []Point
	bi := 0
	bs := append([]Break(nil), breaks...)
	sort.Slice(bs, func(i, j int) bool { return bs[i].Year < bs[j].Year })
	for _, p := range pts {
		for bi < len(bs) && finite(p.X) && int(p.X) >= bs[bi].Year {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			bi++
		}
		cur = append(cur, p)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func buildTimeline(s Spec) (map[string]any, int, error) {
	lo, hi := yearSpan(s)
	if hi < lo {
		return nil, 0, fmt.Errorf("charts: timeline %q has no years", s.Title)
	}
	years := yearLabels(lo, hi)
	line := ec.NewLine()
	line.SetXAxis(years)
	// Bands of many countries overlap: fainter bands keep the lines legible.
	bandOpacity := float32(0.15)
	if len(s.Series) > 2 {
		bandOpacity = 0.08
	}
	var legend []string
	for i, sr := range s.Series {
		st := seriesStyle(i)
		legend = append(legend, sr.Name)
		for k, seg := range segments(sr.Points, s.Breaks) {
			vals := make([]opts.LineData, len(years))
			los := make([]opts.LineData, len(years))
			wid := make([]opts.LineData, len(years))
			band := false
			for j := range vals {
				vals[j] = opts.LineData{Value: "-"}
				los[j], wid[j] = opts.LineData{Value: "-"}, opts.LineData{Value: "-"}
			}
			for _, p := range seg {
				if !finite(p.X) || int(p.X) < lo || int(p.X) > hi {
					continue
				}
				j := int(p.X) - lo
				vals[j] = opts.LineData{Name: strconv.Itoa(int(p.X)) + ": " + tooltipLine(s, p), Value: num(p.Y)}
				if p.HasBand() {
					band = true
					los[j] = opts.LineData{Value: p.Lo}
					wid[j] = opts.LineData{Value: p.Hi - p.Lo}
				}
			}
			line.AddSeries(sr.Name, vals,
				ec.WithLineChartOpts(opts.LineChart{Symbol: st.Symbol, SymbolSize: 7, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(false)}),
				ec.WithLineStyleOpts(opts.LineStyle{Color: st.Color, Width: 2.5, Type: st.Dash}),
				ec.WithItemStyleOpts(opts.ItemStyle{Color: st.Color}))
			if band {
				// The band: an invisible lower bound with the width
				// stacked on it (after the line, so the legend shows the
				// line's own style).
				stack := fmt.Sprintf("band-%d-%d", i, k)
				line.AddSeries(sr.Name, los, ec.WithLineChartOpts(opts.LineChart{Stack: stack, ShowSymbol: opts.Bool(false)}),
					ec.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}))
				line.AddSeries(sr.Name, wid, ec.WithLineChartOpts(opts.LineChart{Stack: stack, ShowSymbol: opts.Bool(false)}),
					ec.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}),
					ec.WithAreaStyleOpts(opts.AreaStyle{Color: st.Color, Opacity: opts.Float(bandOpacity)}))
			}
		}
	}
	m, err := toMap(line)
	if err != nil {
		return nil, 0, err
	}
	series := m["series"].([]any)
	// Band series: no tooltip, no hover, no legend symbol of their own.
	for _, x := range series {
		sm := x.(map[string]any)
		if _, ok := sm["stack"]; ok {
			sm["tooltip"] = map[string]any{"show": false}
			sm["silent"] = true
			sm["symbol"] = "none"
			sm["stackStrategy"] = "all"
			sm["z"] = 1
		} else {
			sm["tooltip"] = map[string]any{"formatter": "{a}\n{b}"}
			sm["z"] = 3
		}
		sm["connectNulls"] = false
	}
	// Methodology breaks: labelled vertical lines on the first series.
	if len(s.Breaks) > 0 && len(series) > 0 {
		var data []any
		for _, b := range s.Breaks {
			if b.Year < lo || b.Year > hi {
				continue
			}
			data = append(data, map[string]any{"xAxis": strconv.Itoa(b.Year), "name": b.Label,
				"label": map[string]any{"formatter": escapeTpl(b.Label), "position": "insideEndTop", "color": "#333333", "fontSize": 11}})
		}
		series[0].(map[string]any)["markLine"] = map[string]any{"symbol": []any{"none", "none"}, "silent": true, "data": data,
			"lineStyle": map[string]any{"color": "#555555", "type": "dashed", "width": 1.5}}
	}
	legendNames := append([]string(nil), legend...)
	for _, class := range assessmentOrder {
		for _, e := range s.Events {
			if e.Class == class || class == "unknown" && !knownClass(e.Class) {
				legendNames = append(legendNames, "ODIHR: "+assessmentWords(class))
				break
			}
		}
	}
	h := layoutRows(s, true, legendRows(legendNames))
	rows := 0
	if len(s.Events) > 0 {
		rows = len(s.Series)
	}
	plotH := 380
	height := h.plotTop + plotH + 60
	grids := []any{map[string]any{"top": h.plotTop, "left": 16, "right": 40, "height": plotH, "containLabel": true}}
	x := merge(axisName("", false), map[string]any{"type": "category", "data": years, "boundaryGap": false,
		"axisLabel": map[string]any{"hideOverlap": true}})
	if len(s.Events) == 0 {
		x["name"] = s.XLabel
	}
	xs := []any{x}
	y := merge(axisName(s.YLabel, true), map[string]any{"type": "value", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	valueRange(s, y)
	if !s.HigherIsBetter {
		y["inverse"] = true
	}
	ys := []any{y}
	if rows > 0 {
		// The election strip: one row per country under the plot.
		stripTop := h.plotTop + plotH + 50
		stripH := 22*rows + 10
		height = stripTop + stripH + 70
		grids = append(grids, map[string]any{"top": stripTop, "left": 16, "right": 40, "height": stripH, "containLabel": true})
		xs = append(xs, merge(axisName(s.XLabel, false), map[string]any{"type": "category", "data": years, "boundaryGap": false, "gridIndex": 1,
			"axisLabel": map[string]any{"hideOverlap": true}}))
		var names []string
		for _, sr := range s.Series {
			names = append(names, sr.Name)
		}
		ys = append(ys, map[string]any{"type": "category", "data": names, "gridIndex": 1, "inverse": true,
			"name": "OSCE/ODIHR election assessments, by year of the election (hover for date, type and summary)", "nameLocation": "start", "nameTextStyle": map[string]any{"align": "left", "fontWeight": "bold", "color": "#222222"},
			"axisTick": map[string]any{"show": false}, "splitLine": map[string]any{"show": true, "lineStyle": map[string]any{"color": "#eeeeee"}}})
		for _, class := range assessmentOrder {
			var data []any
			seen := map[string]int{}
			for _, e := range s.Events {
				yr, ok := e.Year()
				if !ok || e.Class != class && !(class == "unknown" && !knownClass(e.Class)) || int(yr) < lo || int(yr) > hi {
					continue
				}
				key := e.Country + strconv.Itoa(int(yr))
				off := seen[key]
				seen[key]++
				data = append(data, map[string]any{"value": []any{strconv.Itoa(int(yr)), e.Country},
					"name": eventText(e), "symbolOffset": []any{off * 9, 0}})
			}
			if len(data) == 0 {
				continue
			}
			col, sym := assessmentStyle(class)
			name := "ODIHR: " + assessmentWords(class)
			legend = append(legend, name)
			series = append(series, map[string]any{"type": "scatter", "name": name, "xAxisIndex": 1, "yAxisIndex": 1, "data": data,
				"symbol": sym, "symbolSize": 12, "itemStyle": map[string]any{"color": col, "borderColor": "#333333", "borderWidth": 0.5},
				"tooltip": map[string]any{"formatter": "{b}"}})
		}
		m["series"] = series
	}
	m["grid"] = grids
	m["xAxis"] = xs
	m["yAxis"] = ys
	m["legend"] = legendOpt(h, legend)
	m["tooltip"] = map[string]any{"trigger": "item"}
	return m, height, nil
}

func knownClass(c string) bool {
	for _, k := range assessmentOrder {
		if c == k {
			return true
		}
	}
	return false
}

func assessmentWords(class string) string {
	switch class {
	case "met":
		return "met commitments"
	case "mostly_met":
		return "mostly met"
	case "partly_met":
		return "partly met"
	case "not_met":
		return "not met"
	case "not_observed":
		return "not observed"
	}
	return "unknown"
}

// eventText is an election's hover text: date, type, assessment, summary
// and the source with what kind of page it is. ECharts HTML-escapes it ({b}
// in a string formatter).
func eventText(e Event) string {
	t := strings.ReplaceAll(e.Type, "_", " ")
	label := e.Label
	if label == "" {
		label = assessmentWords(e.Class)
	}
	out := fmt.Sprintf("%s — %s, %s election\nODIHR: %s", e.Country, e.Date, t, label)
	if e.Summary != "" {
		out += "\n" + e.Summary
	}
	switch {
	case e.Source != "" && e.SourceKind != "":
		out += "\n" + fmt.Sprintf("Source: %s (%s)", linkText(e.Source), e.SourceKind)
	case e.Source != "":
		out += "\n" + fmt.Sprintf("Source: %s", linkText(e.Source))
	}
	return out
}
