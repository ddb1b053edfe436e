package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rankings-dev/rankings/internal/i18n"
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

// timeAxis is the x extent of a timeline in calendar years: from the
// start of the first year its figures describe to the end of the last, and
// wide enough for every election marker (an election after the last figure
// extends the axis rather than being drawn past its end).
func timeAxis(s Spec) (lo, hi int) {
	ylo, yhi := yearSpan(s)
	lo, hi = ylo-s.Covered, yhi-s.Covered+1
	for _, e := range s.Events {
		if y, ok := e.Year(); ok {
			lo, hi = min(lo, int(math.Floor(y))), max(hi, int(math.Floor(y))+1)
		}
	}
	return lo, hi
}

// pointDate is where a timeline draws a point: the middle of the year its
// figures describe.
func (s Spec) pointDate(p Point) string {
	return fmt.Sprintf("%04d-07-01", int(p.X)-s.Covered)
}

// pointYear is how a tooltip names a point's year: "2023", or "2023
// edition (covers 2022)" where the figures describe an earlier year.
func (s Spec) pointYear(p Point) string {
	if s.Covered > 0 {
		return s.Lang.T("chart.tip.edition_covers", int(p.X), int(p.X)-s.Covered)
	}
	return strconv.Itoa(int(p.X))
}

// timelineLeft is the left margin of every grid of a timeline, in pixels:
// fixed (no containLabel) so that the panels and the election strip share
// their x positions exactly, and wide enough for the strip's country names.
func timelineLeft(s Spec) int {
	left := 64
	if len(s.Events) > 0 {
		for _, sr := range s.Series {
			left = max(left, 7*utf8.RuneCountInString(sr.Name)+22)
		}
	}
	return min(left, 280)
}

// panelSpan is the value axis of a timeline panel: its scale, or the range
// of its figures and their bands (zoomed, and the axis title says so).
func panelSpan(s Spec, pn Panel) span {
	var vals []float64
	for _, sr := range s.Series {
		for _, p := range inPanel(sr.Points, pn) {
			if !p.Missing() {
				vals = append(vals, p.Y)
				if p.HasBand() {
					vals = append(vals, p.Lo, p.Hi)
				}
			}
		}
	}
	return valueSpan(pn.Min, pn.Max, vals, false)
}

func buildTimeline(s Spec) (map[string]any, int, error) {
	ylo, yhi := yearSpan(s)
	if yhi < ylo {
		return nil, 0, fmt.Errorf("charts: timeline %q has no years", s.Title)
	}
	xlo, xhi := timeAxis(s)
	panels := s.panels()
	multi := len(s.Panels) > 1
	// Bands of many countries overlap: fainter bands keep the lines legible.
	bandOpacity := 0.15
	if len(s.Series) > 2 {
		bandOpacity = 0.08
	}
	var series []any
	var legend []string
	for i, sr := range s.Series {
		st := seriesStyle(i)
		legend = append(legend, sr.Name)
		for k, pn := range panels {
			for r, seg := range segments(inPanel(sr.Points, pn), s.Breaks) {
				var vals, los, wid []any
				var banded []*Point // per entry of los: the point whose interval it holds, or nil
				band := false
				prev := math.NaN()
				for _, p := range seg {
					if !finite(p.X) {
						continue
					}
					if finite(prev) && p.X-prev > 1 {
						// A missing year: a gap, never joined across.
						gap := fmt.Sprintf("%04d-07-01", int(prev)+1-s.Covered)
						vals = append(vals, map[string]any{"value": []any{gap, "-"}})
						los = append(los, []any{gap, "-"})
						wid = append(wid, []any{gap, "-"})
						banded = append(banded, nil)
					}
					prev = p.X
					d := s.pointDate(p)
					vals = append(vals, map[string]any{"name": s.pointYear(p) + ": " + tooltipLine(s, p), "value": []any{d, num(p.Y)}})
					if p.HasBand() && !p.Missing() {
						band = true
						los = append(los, []any{d, p.Lo})
						wid = append(wid, []any{d, p.Hi - p.Lo})
						banded = append(banded, &p)
					} else {
						los = append(los, []any{d, "-"})
						wid = append(wid, []any{d, "-"})
						banded = append(banded, nil)
					}
				}
				if len(vals) == 0 {
					continue
				}
				series = append(series, map[string]any{"type": "line", "name": sr.Name, "xAxisIndex": k, "yAxisIndex": k, "data": vals,
					"symbol": st.Symbol, "symbolSize": 7, "showSymbol": true, "connectNulls": false, "z": 3,
					"lineStyle": map[string]any{"color": st.Color, "width": 2.5, "type": st.Dash},
					"itemStyle": map[string]any{"color": st.Color}, "tooltip": map[string]any{"formatter": "{a}\n{b}"}})
				if band {
					// The band: an invisible lower bound with the width
					// stacked on it (after the line, so the legend shows
					// the line's own style).
					stack := fmt.Sprintf("band-%d-%d-%d", i, k, r)
					for j, d := range [][]any{los, wid} {
						b := map[string]any{"type": "line", "name": sr.Name, "xAxisIndex": k, "yAxisIndex": k, "data": d,
							"stack": stack, "stackStrategy": "all", "symbol": "none", "showSymbol": false, "silent": true, "z": 1,
							"connectNulls": false, "tooltip": map[string]any{"show": false}, "lineStyle": map[string]any{"opacity": 0}}
						if j == 1 {
							b["areaStyle"] = map[string]any{"color": st.Color, "opacity": bandOpacity}
						}
						series = append(series, b)
					}
					// A stacked area needs two neighbouring intervals: an
					// interval standing alone (its neighbours missing or
					// without one) is drawn as a bar from its lower to its
					// upper bound instead, so no published interval is lost.
					for j, p := range banded {
						if p == nil || j > 0 && banded[j-1] != nil || j+1 < len(banded) && banded[j+1] != nil {
							continue
						}
						d := s.pointDate(*p)
						series = append(series, map[string]any{"type": "line", "name": sr.Name, "xAxisIndex": k, "yAxisIndex": k,
							"data": []any{[]any{d, p.Lo}, []any{d, p.Hi}}, "symbol": "none", "showSymbol": false, "silent": true, "z": 1,
							"tooltip":   map[string]any{"show": false},
							"lineStyle": map[string]any{"color": st.Color, "opacity": bandOpacity, "width": 6, "cap": "butt"}})
					}
				}
			}
		}
	}
	left := timelineLeft(s)
	xAxis := func(k int, name string) map[string]any {
		x := merge(axisName(name, false), map[string]any{"type": "time", "gridIndex": k,
			"min": fmt.Sprintf("%04d-01-01", xlo), "max": fmt.Sprintf("%04d-01-01", xhi),
			"minInterval": 365 * 24 * 3600 * 1000, "splitNumber": min(xhi-xlo, 14),
			"axisLabel": map[string]any{"formatter": "{yyyy}", "hideOverlap": true},
			"splitLine": map[string]any{"show": true, "lineStyle": map[string]any{"color": "#eeeeee"}}})
		return x
	}
	// Panels: one grid per methodology segment, stacked, sharing the year
	// axis; each has its own value axis, direction and title.
	legendNames := append([]string(nil), legend...)
	for _, class := range assessmentOrder {
		for _, e := range s.Events {
			if e.Class == class || class == "unknown" && !knownClass(e.Class) {
				legendNames = append(legendNames, odihrLegend(s.Lang, class))
				break
			}
		}
	}
	h := layoutRows(s, true, legendRows(legendNames))
	plotH := 380
	gap := 0
	if multi {
		plotH = max(150, 420/len(panels))
		gap = 84
	}
	var grids, xs, ys []any
	top := h.plotTop
	if multi {
		// Room for the first panel's two-line title.
		top += 16
	}
	for k, pn := range panels {
		if k > 0 {
			top += plotH + gap
		}
		grids = append(grids, map[string]any{"top": top, "left": left, "right": 40, "height": plotH})
		name := ""
		if k == len(panels)-1 && len(s.Events) == 0 {
			name = s.XLabel
		}
		xs = append(xs, xAxis(k, name))
		sp := panelSpan(s, pn)
		title := sp.axisTitleIn(s.Lang, pn.YLabel)
		if multi {
			title = pn.Title + "\n" + title
		}
		y := merge(axisName(title, true), map[string]any{"type": "value", "gridIndex": k,
			"splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
		y["nameTextStyle"].(map[string]any)["lineHeight"] = 15
		sp.echarts(y)
		if !pn.HigherIsBetter {
			// Drawn inverted, so that up means better in every panel; the
			// title stays above the panel (an inverted axis starts at the
			// top).
			y["inverse"] = true
			y["nameLocation"] = "start"
		}
		ys = append(ys, y)
		if multi {
			// Years outside the panel's segment are shaded: its figures
			// cannot be there.
			var areas []any
			seg0, seg1 := pn.From-s.Covered, pn.To-s.Covered+1
			if pn.From > ylo && seg0 > xlo {
				areas = append(areas, []any{map[string]any{"xAxis": fmt.Sprintf("%04d-01-01", xlo)}, map[string]any{"xAxis": fmt.Sprintf("%04d-01-01", seg0)}})
			}
			if pn.To != 0 && seg1 < xhi {
				areas = append(areas, []any{map[string]any{"xAxis": fmt.Sprintf("%04d-01-01", seg1)}, map[string]any{"xAxis": fmt.Sprintf("%04d-01-01", xhi)}})
			}
			series = append(series, map[string]any{"type": "line", "name": "", "xAxisIndex": k, "yAxisIndex": k, "data": []any{},
				"silent": true, "tooltip": map[string]any{"show": false},
				"markArea": map[string]any{"silent": true, "itemStyle": map[string]any{"color": "#f2f2f2"}, "data": areas}})
		}
	}
	height := top + plotH + 60
	// Methodology breaks inside one panel (a spec without panels): labelled
	// vertical lines at the start of the year the new methodology covers.
	if !multi && len(s.Breaks) > 0 && len(series) > 0 {
		var data []any
		for i, b := range s.Breaks {
			if b.Year <= ylo || b.Year > yhi {
				continue
			}
			pos := "insideEndTop"
			if i%2 == 1 {
				pos = "insideEndBottom"
			}
			data = append(data, map[string]any{"xAxis": fmt.Sprintf("%04d-01-01", b.Year-s.Covered), "name": b.Label,
				"label": map[string]any{"formatter": escapeTpl(b.Label), "position": pos, "color": "#333333", "fontSize": 11}})
		}
		series[0].(map[string]any)["markLine"] = map[string]any{"symbol": []any{"none", "none"}, "silent": true, "data": data,
			"lineStyle": map[string]any{"color": "#555555", "type": "dashed", "width": 1.5}}
	}
	if len(s.Events) > 0 {
		// The election strip: one row per country under the plot, on the
		// same time axis, each marker at the election's date.
		k := len(panels)
		rows := len(s.Series)
		stripTop := top + plotH + 50
		stripH := 22*rows + 10
		height = stripTop + stripH + 70
		grids = append(grids, map[string]any{"top": stripTop, "left": left, "right": 40, "height": stripH})
		xs = append(xs, xAxis(k, s.XLabel))
		var names []string
		for _, sr := range s.Series {
			names = append(names, sr.Name)
		}
		ys = append(ys, map[string]any{"type": "category", "data": names, "gridIndex": k, "inverse": true,
			"name": s.Lang.T("chart.strip_title_hover"), "nameLocation": "start",
			"nameTextStyle": map[string]any{"align": "left", "fontWeight": "bold", "color": "#222222"},
			"axisTick":      map[string]any{"show": false}, "splitLine": map[string]any{"show": true, "lineStyle": map[string]any{"color": "#eeeeee"}}})
		for _, class := range assessmentOrder {
			var data []any
			seen := map[string]int{}
			for _, e := range s.Events {
				if _, ok := e.Year(); !ok || e.Class != class && !(class == "unknown" && !knownClass(e.Class)) {
					continue
				}
				key := e.Country + e.Date
				off := seen[key]
				seen[key]++
				data = append(data, map[string]any{"value": []any{e.Date, e.Country}, "name": eventText(s.Lang, e), "symbolOffset": []any{off * 9, 0}})
			}
			if len(data) == 0 {
				continue
			}
			col, sym := assessmentStyle(class)
			name := odihrLegend(s.Lang, class)
			legend = append(legend, name)
			series = append(series, map[string]any{"type": "scatter", "name": name, "xAxisIndex": k, "yAxisIndex": k, "data": data,
				"symbol": sym, "symbolSize": 12, "itemStyle": map[string]any{"color": col, "borderColor": "#333333", "borderWidth": 0.5},
				"tooltip": map[string]any{"formatter": "{b}"}})
		}
	}
	m := map[string]any{"series": series, "grid": grids, "xAxis": xs, "yAxis": ys,
		"legend": legendOpt(h, legend), "tooltip": map[string]any{"trigger": "item"}}
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

// odihrLegend is the legend entry of an assessment class in language l:
// "ODIHR: met commitments".
func odihrLegend(l i18n.Lang, class string) string {
	return l.T("chart.odihr_legend", assessmentWords(l, class))
}

// assessmentWords is an assessment class in words in language l.
func assessmentWords(l i18n.Lang, class string) string {
	if l == i18n.RU {
		if !knownClass(class) || !i18n.Has("assessment."+class) {
			class = "unknown"
		}
		return l.T("assessment." + class)
	}
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
func eventText(l i18n.Lang, e Event) string {
	t := strings.ReplaceAll(e.Type, "_", " ")
	label := e.Label
	if label == "" {
		label = assessmentWords(l, e.Class)
	}
	out := l.T("chart.event.head", e.Country, l.DateText(e.Date), t, label)
	if e.Summary != "" {
		if l == i18n.RU {
			out += "\n" + l.T("chart.summary_english", e.Summary)
		} else {
			out += "\n" + e.Summary
		}
	}
	switch {
	case e.Source != "" && e.SourceKind != "":
		out += "\n" + l.T("chart.event.source_kind", linkText(e.Source), e.SourceKind)
	case e.Source != "":
		out += "\n" + l.T("chart.event.source", linkText(e.Source))
	}
	return out
}
