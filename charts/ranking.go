package charts

import (
	"fmt"
	"math"
	"sort"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/rankings-dev/rankings/internal/i18n"
)

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

func rankLabel(l i18n.Lang, p Point) string {
	if p.Rank > 0 && p.RankOf > 0 {
		return l.T("chart.k_of_n", p.Rank, p.RankOf)
	}
	return ""
}

// Ranking colours: the named countries' bars are vermillion with bold
// labels; when some are named, the rest of the field is muted grey; when
// none are, every bar is blue.
const (
	rankHighlight = "#D55E00"
	rankEven      = "#0072B2"
	rankMuted     = "#B8B8B8"
	noDataColor   = "#666666"
)

// rankingBar is one row of a ranking: its series, its point (Y NaN when
// the country has no figure), bar colour and label.
type rankingBar struct {
	sr    Series
	p     Point
	color string
	label string
	bold  bool
}

// rankingBars returns the rows of a ranking best first, with the look of
// each: a country without a figure is labelled "no data" at its position.
func rankingBars(s Spec) []rankingBar {
	rows := rankingOrder(s)
	anyHL := false
	for _, sr := range rows {
		anyHL = anyHL || sr.Highlight
	}
	var out []rankingBar
	for _, sr := range rows {
		b := rankingBar{sr: sr, p: Point{Y: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}, color: rankEven, bold: sr.Highlight}
		if len(sr.Points) > 0 {
			b.p = sr.Points[0]
		}
		switch {
		case sr.Highlight:
			b.color = rankHighlight
		case anyHL:
			b.color = rankMuted
		}
		if b.p.Missing() {
			b.label = s.Lang.T("chart.no_data")
		} else {
			b.label = s.text(b.p)
			if r := rankLabel(s.Lang, b.p); r != "" {
				b.label = fmt.Sprintf("%s  ·  %s", b.label, r)
			}
		}
		out = append(out, b)
	}
	return out
}

// rankingSpan is the value axis of a ranking: the scale, or the data with
// zero (bars grow from zero).
func rankingSpan(s Spec) span {
	var vals []float64
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			vals = append(vals, p.Y)
		}
	}
	return valueSpan(s.Min, s.Max, vals, true)
}

// barBase is where a ranking's bars start, so that a longer bar is always
// a better figure: zero (or the axis end nearer to it) on a
// higher-is-better scale; on a bounded lower-is-better scale, which is drawn
// inverted (better to the right), the scale's worst end, so that the best
// figure is not a bar of no length. An unbounded lower-is-better scale has
// no worst end: its bars start at zero, its best figure.
func barBase(s Spec, a span) float64 {
	if !s.HigherIsBetter && !a.Zoomed {
		return a.Hi
	}
	return math.Min(math.Max(0, a.Lo), a.Hi)
}

// stackedBars reports whether a ranking's bars need a transparent base bar
// under them to start at base: ECharts grows bars from zero only.
func stackedBars(s Spec, base float64) bool {
	if base == 0 {
		return false
	}
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if !p.Missing() && (p.Y < 0 || p.Y > base) {
				return false
			}
		}
	}
	return true
}

func buildRanking(s Spec) (map[string]any, int, error) {
	bars := rankingBars(s)
	ax := rankingSpan(s)
	base := barBase(s, ax)
	stacked := stackedBars(s, base)
	bar := ec.NewBar()
	var data []opts.BarData
	var noData []any
	var under []any // the transparent bars from zero to each value, when stacked
	for i, b := range bars {
		lab := &opts.Label{Show: opts.Bool(!b.p.Missing()), Position: "right", Formatter: escapeTpl(b.label), Color: "#222222"}
		v := num(b.p.Y)
		if stacked {
			under = append(under, v)
			if !b.p.Missing() {
				v = base - b.p.Y
			}
		}
		data = append(data, opts.BarData{
			Name: b.sr.Name + "\n" + tooltipLine(s, b.p), Value: v,
			ItemStyle: &opts.ItemStyle{Color: b.color},
			Label:     lab,
		})
		if b.p.Missing() {
			noData = append(noData, map[string]any{"name": b.sr.Name + "\n" + s.Lang.T("chart.no_data"), "value": []any{base, i}})
		}
	}
	bar.AddSeries(s.Indicator, data)
	m, err := toMap(bar)
	if err != nil {
		return nil, 0, err
	}
	ser := m["series"].([]any)[0].(map[string]any)
	ser["barMaxWidth"] = 18
	ser["barCategoryGap"] = "30%"
	if stacked {
		// The drawn bar runs from the value to base, on top of an
		// invisible one from zero to the value.
		ser["stack"] = "bars"
		m["series"] = append([]any{map[string]any{"type": "bar", "name": "", "stack": "bars", "data": under, "silent": true,
			"barMaxWidth": 18, "barCategoryGap": "30%", "itemStyle": map[string]any{"color": "transparent"},
			"tooltip": map[string]any{"show": false}, "label": map[string]any{"show": false}}}, m["series"].([]any)...)
	}
	for i, d := range ser["data"].([]any) {
		if bars[i].bold {
			d.(map[string]any)["label"].(map[string]any)["fontWeight"] = "bold"
		}
	}
	if len(noData) > 0 {
		// "no data" where the bar would start: a label, never an empty
		// bar or a zero.
		m["series"] = append(m["series"].([]any), map[string]any{"type": "scatter", "name": s.Lang.T("chart.no_data"), "data": noData, "symbolSize": 0,
			"tooltip": map[string]any{"formatter": "{b}"},
			"label":   map[string]any{"show": true, "position": "right", "distance": 4, "formatter": s.Lang.T("chart.no_data"), "color": noDataColor, "fontStyle": "italic", "fontSize": 12}})
	}
	h := layout(s, false)
	height := h.plotTop + 26*len(bars) + 70
	x := merge(axisName(ax.axisTitleIn(s.Lang, s.XLabel), false), map[string]any{"type": "value", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	ax.echarts(x)
	if !s.HigherIsBetter {
		// Better to the right on every ranking.
		x["inverse"] = true
	}
	m["xAxis"] = []any{x}
	cats := make([]any, len(bars))
	for i, b := range bars {
		if b.bold {
			cats[i] = map[string]any{"value": b.sr.Name, "textStyle": map[string]any{"fontWeight": "bold", "color": "#A04000"}}
		} else {
			cats[i] = b.sr.Name
		}
	}
	m["yAxis"] = []any{map[string]any{"type": "category", "data": cats, "inverse": true,
		"axisLabel": map[string]any{"fontSize": 12, "color": "#222222"}, "axisTick": map[string]any{"show": false}}}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 16, "right": 150, "bottom": 50, "containLabel": true}}
	m["legend"] = map[string]any{"show": false}
	m["tooltip"] = map[string]any{"trigger": "item", "formatter": "{b}"}
	return m, height, nil
}
