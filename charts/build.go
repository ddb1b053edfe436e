package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
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
	// staticW is the width a static image is laid out at (0: staticWidth).
	staticW vg.Length
	// geo is a map's outlines (GeoJSON in map coordinates, made safe like
	// the option), which the page registers with ECharts before drawing.
	geo []byte
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
	case Map:
		m, c.Height, c.geo, err = buildMap(s)
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
	if !finite(s.XMin) || !finite(s.XMax) || s.XMin >= s.XMax {
		out.XMin, out.XMax = nan, nan
	}
	out.Panels = make([]Panel, len(s.Panels))
	for i, p := range s.Panels {
		if !finite(p.Min) || !finite(p.Max) || p.Min >= p.Max {
			p.Min, p.Max = nan, nan
		}
		out.Panels[i] = p
	}
	if len(s.Panels) == 0 {
		out.Panels = nil
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

// tooltipLine is the hover text of a point: value, rank and band, and the
// point's note on a line of its own. ECharts HTML-escapes it ({b} in a
// string formatter), as it does the country names of {a}.
func tooltipLine(s Spec, p Point) string {
	parts := []string{s.text(p)}
	if r := rankLabel(s.Lang, p); r != "" && !p.Missing() {
		parts = append(parts, s.Lang.T("chart.tip.rank", r))
	}
	if p.HasBand() {
		parts = append(parts, s.Lang.T("chart.tip.interval", s.format(p.Lo), s.format(p.Hi)))
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

// ---- profile ----

// ---- heatmap ----

// ---- scatter ----

// ---- slope ----
