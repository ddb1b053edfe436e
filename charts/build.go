package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Chart is a built chart: its deterministic id, the spec it was built from
// (finite numbers only) and its ECharts option.
type Chart struct {
	// ID is derived from the chart's content (kind, indicators, countries,
	// years, title): byte-identical output across runs, and two charts on
	// one page never share an id.
	ID string
	// Spec is the chart's input with every non-finite number made a gap.
	Spec Spec
	// Width and Height are the drawing size in pixels.
	Width, Height int
	option        []byte
}

// Build turns a spec into a chart. It fails on an unknown kind, a missing
// title or no series; missing values are gaps, never errors.
func Build(s Spec) (*Chart, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	s = clean(s)
	c := &Chart{ID: chartID(s), Spec: s, Width: 900}
	var (
		m   map[string]any
		err error
	)
	switch s.Kind {
	case Ranking:
		m, c.Height, err = buildRanking(s)
	case Timeline:
		m, c.Height, err = buildTimeline(s)
	case Profile:
		m, c.Height, err = buildProfile(s)
	case Heatmap:
		m, c.Height, err = buildHeatmap(s)
	case Scatter:
		m, c.Height, err = buildScatter(s)
	case Slope:
		m, c.Height, err = buildSlope(s)
	}
	if err != nil {
		return nil, err
	}
	common(m, s, c)
	c.option, err = safeJSON(m)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Option returns the ECharts option as JSON that is safe to place inside a
// <script> element: "<", ">" and "&" are \u escapes, "__" is split so that
// no go-echarts "__f__" function marker exists, and it has no non-finite
// number (encoding/json refuses them).
func (c *Chart) Option() []byte { return append([]byte(nil), c.option...) }

// clean returns a copy of s in which every non-finite number is a gap: Y
// stays NaN (a gap), a band with a non-finite bound is dropped.
func clean(s Spec) Spec {
	out := s
	out.Series = make([]Series, len(s.Series))
	nan := math.NaN()
	for i, sr := range s.Series {
		pts := make([]Point, len(sr.Points))
		for j, p := range sr.Points {
			if !finite(p.Y) {
				p.Y = nan
			}
			if !p.HasBand() || p.Missing() {
				p.Lo, p.Hi = nan, nan
			}
			if !finite(p.X) {
				p.X = nan
			}
			pts[j] = p
		}
		sr.Points = pts
		out.Series[i] = sr
	}
	if !finite(s.Min) || !finite(s.Max) || s.Min >= s.Max {
		out.Min, out.Max = nan, nan
	}
	out.Notes = append([]string(nil), s.Notes...)
	return out
}

// safeJSON marshals the option with encoding/json, which escapes <, > and &
// (and U+2028/9) as \u sequences, then splits every "__" so that no
// "__f__" marker survives. Outside strings JSON has no underscores, and
// inside strings "\u005f" reads back as "_".
func safeJSON(m map[string]any) ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("charts: option: %w", err)
	}
	return bytes.ReplaceAll(b, []byte("__"), []byte(`_\u005f`)), nil
}

// toMap renders a go-echarts chart's option as generic JSON values, so
// that options go-echarts has no field for can be set.
func toMap(c interface {
	Validate()
	JSON() map[string]interface{}
}) (map[string]any, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("charts: option: %w", err)
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// num is a data value: the number, or "-" (ECharts' gap marker).
func num(v float64) any {
	if !finite(v) {
		return "-"
	}
	return v
}

// header lays out the title, the wrapped source line and the legend, and
// returns where the plot may start.
type header struct {
	sub       []string
	legendTop int
	plotTop   int
}

func layout(s Spec, legend bool) header {
	return layoutRows(s, legend, 1)
}

func layoutRows(s Spec, legend bool, rows int) header {
	h := header{sub: wrap(s.sourceLine(), 130)}
	top := 8 + 24 + 4 + 15*len(h.sub) + 10
	h.legendTop = top
	if legend {
		top += 6 + 24*rows
	}
	h.plotTop = top + 26
	return h
}

// wrap breaks text into lines of at most width runes, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// common sets what every chart shares: the title and source, the palette,
// the accessible description, no animation (screenshots and print see the
// final state) and HTML-escaped tooltips.
func common(m map[string]any, s Spec, c *Chart) {
	h := layout(s, false)
	m["title"] = map[string]any{
		"text": s.Title, "subtext": strings.Join(h.sub, "\n"), "left": 12, "top": 8, "itemGap": 4,
		"textStyle":    map[string]any{"fontSize": 17, "fontWeight": "bold", "color": "#111111"},
		"subtextStyle": map[string]any{"fontSize": 11, "lineHeight": 15, "color": "#444444"},
	}
	m["color"] = Palette
	m["animation"] = false
	m["aria"] = map[string]any{"enabled": true, "label": map[string]any{"description": Describe(s)}}
	m["textStyle"] = map[string]any{"fontFamily": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"}
	m["backgroundColor"] = "#ffffff"
	tt, _ := m["tooltip"].(map[string]any)
	if tt == nil {
		tt = map[string]any{}
	}
	tt["show"] = true
	if _, ok := tt["trigger"]; !ok {
		tt["trigger"] = "item"
	}
	tt["confine"] = true
	tt["extraCssText"] = "white-space: pre-wrap; max-width: 380px;"
	m["tooltip"] = tt
	delete(m, "toolbox")
}

func legendOpt(h header, names []string) map[string]any {
	return map[string]any{"show": true, "type": "plain", "top": h.legendTop, "left": 12, "right": 12, "data": names,
		"itemWidth": 28, "itemHeight": 12, "textStyle": map[string]any{"fontSize": 12}}
}

// legendRows estimates how many rows a wrapping legend of these names
// takes in a chart 900 pixels wide.
func legendRows(names []string) int {
	rows, x := 1, 0
	for _, n := range names {
		w := 28 + 5 + 7*utf8.RuneCountInString(n) + 10
		if x > 0 && x+w > 860 {
			rows++
			x = 0
		}
		x += w
	}
	return rows
}

func axisName(name string, vertical bool) map[string]any {
	m := map[string]any{"name": name, "nameTextStyle": map[string]any{"fontSize": 12, "color": "#222222", "fontWeight": "bold"}}
	if vertical {
		m["nameLocation"] = "end"
		m["nameTextStyle"].(map[string]any)["align"] = "left"
	} else {
		m["nameLocation"] = "middle"
		m["nameGap"] = 30
	}
	return m
}

func merge(dst map[string]any, src map[string]any) map[string]any {
	for k, v := range src {
		dst[k] = v
	}
	return dst
}

func valueRange(s Spec, axis map[string]any) {
	if finite(s.Min) && finite(s.Max) {
		axis["min"], axis["max"] = s.Min, s.Max
	} else {
		axis["scale"] = true
	}
}

// yearLabels lists the years from lo to hi as category labels.
func yearLabels(lo, hi int) []string {
	var out []string
	for y := lo; y <= hi; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// yearSpan is the first and last year of every point and break.
func yearSpan(s Spec) (lo, hi int) {
	lo, hi = math.MaxInt, math.MinInt
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if finite(p.X) {
				lo, hi = min(lo, int(p.X)), max(hi, int(p.X))
			}
		}
	}
	if lo > hi {
		return 0, -1
	}
	return lo, hi
}

// ---- ranking ----

// rankingOrder sorts the series best first: by published rank when every
// country has one, by value otherwise; missing values last.
func rankingOrder(s Spec) []Series {
	out := append([]Series(nil), s.Series...)
	val := func(sr Series) (Point, bool) {
		if len(sr.Points) == 0 || sr.Points[0].Missing() {
			return Point{}, false
		}
		return sr.Points[0], true
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, aok := val(out[i])
		b, bok := val(out[j])
		if aok != bok {
			return aok
		}
		if !aok {
			return out[i].Name < out[j].Name
		}
		if a.Y != b.Y {
			if s.HigherIsBetter {
				return a.Y > b.Y
			}
			return a.Y < b.Y
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func rankLabel(p Point) string {
	if p.Rank > 0 && p.RankOf > 0 {
		return fmt.Sprintf("%d of %d", p.Rank, p.RankOf)
	}
	return ""
}

func buildRanking(s Spec) (map[string]any, int, error) {
	rows := rankingOrder(s)
	bar := ec.NewBar()
	var names []string
	var data []opts.BarData
	for _, sr := range rows {
		p := Point{Y: math.NaN()}
		if len(sr.Points) > 0 {
			p = sr.Points[0]
		}
		names = append(names, sr.Name)
		label := s.text(p)
		if r := rankLabel(p); r != "" && !p.Missing() {
			label += "  ·  " + r
		}
		col := "#0072B2"
		if sr.Highlight {
			col = "#D55E00"
		}
		data = append(data, opts.BarData{
			Name: sr.Name + "\n" + tooltipLine(s, p), Value: num(p.Y),
			ItemStyle: &opts.ItemStyle{Color: col},
			Label:     &opts.Label{Show: opts.Bool(true), Position: "right", Formatter: escapeTpl(label), Color: "#222222"},
		})
	}
	bar.AddSeries(s.Indicator, data)
	m, err := toMap(bar)
	if err != nil {
		return nil, 0, err
	}
	h := layout(s, false)
	height := h.plotTop + 26*len(rows) + 70
	x := merge(axisName(s.XLabel, false), map[string]any{"type": "value", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	valueRange(s, x)
	m["xAxis"] = []any{x}
	cats := make([]any, len(rows))
	for i, sr := range rows {
		if sr.Highlight {
			cats[i] = map[string]any{"value": sr.Name, "textStyle": map[string]any{"fontWeight": "bold", "color": "#A04000"}}
		} else {
			cats[i] = sr.Name
		}
	}
	m["yAxis"] = []any{map[string]any{"type": "category", "data": cats, "inverse": true,
		"axisLabel": map[string]any{"fontSize": 12, "color": "#222222"}, "axisTick": map[string]any{"show": false}}}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 16, "right": 130, "bottom": 50, "containLabel": true}}
	ser := m["series"].([]any)[0].(map[string]any)
	ser["barMaxWidth"] = 18
	ser["barCategoryGap"] = "30%"
	m["legend"] = map[string]any{"show": false}
	m["tooltip"] = map[string]any{"trigger": "item", "formatter": "{b}"}
	return m, height, nil
}

// tooltipLine is the hover text of a point: value, rank and band, and the
// point's note on a line of its own. ECharts HTML-escapes it ({b} in a
// string formatter), as it does the country names of {a}.
func tooltipLine(s Spec, p Point) string {
	parts := []string{s.text(p)}
	if r := rankLabel(p); r != "" && !p.Missing() {
		parts = append(parts, "rank "+r)
	}
	if p.HasBand() {
		parts = append(parts, fmt.Sprintf("interval %s to %s", s.format(p.Lo), s.format(p.Hi)))
	}
	out := strings.Join(parts, " · ")
	if p.Note != "" && !p.Missing() {
		out += "\n" + p.Note
	}
	return out
}

// escapeTpl makes a label safe as an ECharts template: braces of data text
// would otherwise be read as {a}, {b} … placeholders.
func escapeTpl(t string) string {
	return strings.NewReplacer("{", "(", "}", ")").Replace(t)
}

// ---- timeline ----

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

// ---- profile ----

func buildProfile(s Spec) (map[string]any, int, error) {
	radar := ec.NewRadar()
	var ind []*opts.Indicator
	for _, c := range s.Categories {
		ind = append(ind, &opts.Indicator{Name: c, Min: 0, Max: 100})
	}
	h := layout(s, true)
	radar.SetGlobalOptions(ec.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, SplitNumber: 4, Shape: "polygon"}))
	var legend []string
	for i, sr := range s.Series {
		st := seriesStyle(i)
		vals := make([]any, len(s.Categories))
		for j := range vals {
			vals[j] = "-"
		}
		for _, p := range sr.Points {
			j := int(p.X)
			if finite(p.X) && j >= 0 && j < len(vals) {
				vals[j] = num(p.Y)
			}
		}
		legend = append(legend, sr.Name)
		radar.AddSeries(sr.Name, []opts.RadarData{{Name: sr.Name, Value: vals}},
			ec.WithLineStyleOpts(opts.LineStyle{Color: st.Color, Width: 2.5, Type: st.Dash}),
			ec.WithItemStyleOpts(opts.ItemStyle{Color: st.Color}),
			ec.WithAreaStyleOpts(opts.AreaStyle{Color: st.Color, Opacity: opts.Float(0.08)}))
	}
	m, err := toMap(radar)
	if err != nil {
		return nil, 0, err
	}
	for i, x := range m["series"].([]any) {
		sm := x.(map[string]any)
		sm["symbol"] = seriesStyle(i).Symbol
		sm["symbolSize"] = 8
	}
	height := h.plotTop + 470
	m["radar"] = map[string]any{"indicator": m["radar"].(map[string]any)["indicator"], "splitNumber": 4, "shape": "polygon",
		"center": []any{"50%", h.plotTop + 225}, "radius": 170,
		"axisName":  map[string]any{"color": "#222222", "fontSize": 12, "width": 150, "overflow": "break"},
		"splitLine": map[string]any{"lineStyle": map[string]any{"color": "#cccccc"}}}
	m["legend"] = legendOpt(h, legend)
	return m, height, nil
}

// ---- heatmap ----

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

// ---- scatter ----

func buildScatter(s Spec) (map[string]any, int, error) {
	sc := ec.NewScatter()
	for i, sr := range s.Series {
		st := seriesStyle(i)
		data := []opts.ScatterData{}
		for _, p := range sr.Points {
			if p.Missing() || !finite(p.X) {
				continue
			}
			name := p.Text
			if p.Note != "" {
				name += "\n" + p.Note
			}
			data = append(data, opts.ScatterData{Name: name, Value: []any{p.X, p.Y}, Symbol: st.Symbol, SymbolSize: 11})
		}
		sc.AddSeries(sr.Name, data, ec.WithItemStyleOpts(opts.ItemStyle{Color: st.Color}),
			ec.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{a}", Color: "#222222"}))
	}
	m, err := toMap(sc)
	if err != nil {
		return nil, 0, err
	}
	for _, x := range m["series"].([]any) {
		sm := x.(map[string]any)
		sm["tooltip"] = map[string]any{"formatter": "{a}\n{b}"}
		sm["labelLayout"] = map[string]any{"hideOverlap": true}
	}
	h := layout(s, false)
	height := h.plotTop + 480
	x := merge(axisName(s.XLabel, false), map[string]any{"type": "value", "scale": true, "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	x["nameGap"] = 32
	if !s.XHigherIsBetter {
		x["inverse"] = true
	}
	y := merge(axisName(s.YLabel, true), map[string]any{"type": "value", "scale": true, "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	if !s.HigherIsBetter {
		y["inverse"] = true
	}
	m["xAxis"] = []any{x}
	m["yAxis"] = []any{y}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 16, "right": 110, "bottom": 50, "containLabel": true}}
	m["legend"] = map[string]any{"show": false}
	return m, height, nil
}

// ---- slope ----

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
	// The value range, fixed so that the end labels can be spread apart
	// in value units (one label height = 16 pixels).
	vmin, vmax := math.Inf(1), math.Inf(-1)
	type end struct {
		name, text string
		y, at      float64
		i          int
	}
	var ends []end
	for i, sr := range s.Series {
		var last *Point
		for k := range sr.Points {
			p := sr.Points[k]
			if p.Missing() {
				continue
			}
			vmin, vmax = math.Min(vmin, p.Y), math.Max(vmax, p.Y)
			if int(p.X) == hi {
				last = &sr.Points[k]
			}
		}
		if last != nil {
			ends = append(ends, end{name: sr.Name, text: sr.Name + "  " + s.text(*last), y: last.Y, at: last.Y, i: i})
		}
	}
	if finite(s.Min) && finite(s.Max) {
		vmin, vmax = s.Min, s.Max
	} else if finite(vmin) {
		pad := (vmax - vmin) * 0.05
		if pad == 0 {
			pad = 1
		}
		vmin, vmax = vmin-pad, vmax+pad
	}
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
	y := merge(axisName(s.YLabel, true), map[string]any{"type": "value", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	if finite(vmin) {
		y["min"], y["max"] = vmin, vmax
		y["axisLabel"] = map[string]any{"showMinLabel": false, "showMaxLabel": false}
	}
	if !s.HigherIsBetter {
		y["inverse"] = true
	}
	m["yAxis"] = []any{y}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 60, "right": 200, "height": plotH - 20, "containLabel": true}}
	m["legend"] = map[string]any{"show": false}
	_ = legend
	return m, height, nil
}
