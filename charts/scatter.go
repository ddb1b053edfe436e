package charts

import (
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// Scatter styles: the countries a user named are the story (each its own
// strong colour and marker, labelled, in the legend); the rest of the field
// is one muted grey with no labels and one legend entry.
const (
	mutedColor     = "#BBBBBB"
	mutedSize      = 7
	highlightSize  = 13
	evenSize       = 10
	maxEvenLabels  = 30
	highlightLabel = "#111111"
)

// scatterPoint is one drawn point of a scatter with the series it belongs
// to.
type scatterPoint struct {
	sr Series
	p  Point
}

// scatterGroups splits the drawable points of a scatter into the named
// countries' (in spec order) and the rest.
func scatterGroups(s Spec) (named, rest []scatterPoint) {
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if p.Missing() || !finite(p.X) {
				continue
			}
			if sr.Highlight {
				named = append(named, scatterPoint{sr, p})
			} else {
				rest = append(rest, scatterPoint{sr, p})
			}
		}
	}
	return named, rest
}

// scatterSpans returns the x and y axes of a scatter.
func scatterSpans(s Spec) (x, y span) {
	var xs, ys []float64
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if !p.Missing() && finite(p.X) {
				xs, ys = append(xs, p.X), append(ys, p.Y)
			}
		}
	}
	return valueSpan(s.XMin, s.XMax, xs, false), valueSpan(s.Min, s.Max, ys, false)
}

// othersName is the legend entry of the muted rest of a scatter's field.
func othersName(l i18n.Lang, e Entities) string {
	switch e {
	case Territories:
		return l.T("chart.scatter.other_territories")
	case CountriesAndTerritories:
		return l.T("chart.scatter.other_countries_territories")
	}
	return l.T("chart.scatter.other_countries")
}

// hoverText is a scatter point's tooltip: the name, then its figures and
// note on lines of their own.
func hoverText(sp scatterPoint) string {
	parts := []string{sp.sr.Name}
	if sp.p.Text != "" {
		parts = append(parts, sp.p.Text)
	}
	if sp.p.Note != "" {
		parts = append(parts, sp.p.Note)
	}
	return strings.Join(parts, "\n")
}

func buildScatter(s Spec) (map[string]any, int, error) {
	named, rest := scatterGroups(s)
	sc := ec.NewScatter()
	item := func(sp scatterPoint, symbol string, size int) opts.ScatterData {
		return opts.ScatterData{Name: hoverText(sp), Value: []any{sp.p.X, sp.p.Y}, Symbol: symbol, SymbolSize: size}
	}
	var legend []string
	// labels holds, per series and item, the point's label options:
	// ECharts takes them per data item, go-echarts has no field for it.
	var labels [][]map[string]any
	// symbols is each series' marker, for its legend icon.
	symbols := []string{}
	if len(named) == 0 {
		// Nobody named: the group evenly, one colour.
		var data []opts.ScatterData
		var lb []map[string]any
		show := len(rest) <= maxEvenLabels
		for _, sp := range rest {
			data = append(data, item(sp, "circle", evenSize))
			lb = append(lb, map[string]any{"show": show, "formatter": escapeTpl(sp.sr.Name)})
		}
		sc.AddSeries(fieldName(s.Lang, s.Entities), data, ec.WithItemStyleOpts(opts.ItemStyle{Color: Palette[0], Opacity: opts.Float(0.85)}))
		labels = append(labels, lb)
		symbols = append(symbols, "circle")
	} else {
		// The muted field first, so that the named countries are drawn
		// over it.
		if len(rest) > 0 {
			var data []opts.ScatterData
			var lb []map[string]any
			for _, sp := range rest {
				data = append(data, item(sp, "circle", mutedSize))
				// Hidden, but the name shows on hover.
				lb = append(lb, map[string]any{"show": false, "formatter": escapeTpl(sp.sr.Name)})
			}
			sc.AddSeries(othersName(s.Lang, s.Entities), data, ec.WithItemStyleOpts(opts.ItemStyle{Color: mutedColor}))
			labels = append(labels, lb)
			symbols = append(symbols, "circle")
		}
		order := map[string]int{}
		var groups [][]scatterPoint
		for _, sp := range named {
			k, ok := order[sp.sr.Name]
			if !ok {
				k = len(groups)
				order[sp.sr.Name] = k
				groups = append(groups, nil)
				legend = append(legend, sp.sr.Name)
			}
			groups[k] = append(groups[k], sp)
		}
		for i, g := range groups {
			st := seriesStyle(i)
			var data []opts.ScatterData
			var lb []map[string]any
			for _, sp := range g {
				data = append(data, item(sp, st.Symbol, highlightSize))
				lb = append(lb, map[string]any{"show": true, "formatter": escapeTpl(sp.sr.Name), "fontWeight": "bold", "color": highlightLabel})
			}
			sc.AddSeries(g[0].sr.Name, data, ec.WithItemStyleOpts(opts.ItemStyle{Color: st.Color, BorderColor: "#ffffff", BorderWidth: 1}))
			labels = append(labels, lb)
			symbols = append(symbols, st.Symbol)
		}
		if len(rest) > 0 {
			legend = append(legend, othersName(s.Lang, s.Entities))
		}
	}
	m, err := toMap(sc)
	if err != nil {
		return nil, 0, err
	}
	for i, x := range m["series"].([]any) {
		sm := x.(map[string]any)
		sm["tooltip"] = map[string]any{"formatter": "{b}"}
		if i < len(symbols) {
			sm["symbol"] = symbols[i]
		}
		sm["labelLayout"] = map[string]any{"hideOverlap": true}
		sm["label"] = map[string]any{"show": false, "position": "right", "color": "#222222", "fontSize": 12}
		if len(named) > 0 {
			// The named countries are drawn above the field.
			if i == 0 && len(rest) > 0 {
				sm["z"] = 1
			} else {
				sm["z"] = 3
			}
		}
		data, _ := sm["data"].([]any)
		for j, d := range data {
			if dm, ok := d.(map[string]any); ok && j < len(labels[i]) {
				dm["label"] = labels[i][j]
				dm["emphasis"] = map[string]any{"label": map[string]any{"show": true, "formatter": labels[i][j]["formatter"]}}
			}
		}
	}
	h := layout(s, len(legend) > 0)
	if len(legend) > 0 {
		h = layoutRows(s, true, legendRows(legend))
	}
	height := h.plotTop + 480
	xs, ys := scatterSpans(s)
	x := merge(axisName(xs.axisTitleIn(s.Lang, s.XLabel), false), map[string]any{"type": "value", "position": "bottom", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	x["nameGap"] = 32
	xs.echarts(x)
	if !s.XHigherIsBetter {
		x["inverse"] = true
	}
	y := merge(axisName(ys.axisTitleIn(s.Lang, s.YLabel), true), map[string]any{"type": "value", "position": "left", "splitLine": map[string]any{"lineStyle": map[string]any{"color": "#e5e5e5"}}})
	ys.echarts(y)
	if !s.HigherIsBetter {
		y["inverse"] = true
	}
	m["xAxis"] = []any{x}
	m["yAxis"] = []any{y}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 16, "right": 110, "bottom": 50, "containLabel": true}}
	if len(legend) > 0 {
		lg := legendOpt(h, legend)
		// Markers, not bars: the icon is the point's own shape.
		lg["itemWidth"], lg["itemHeight"] = 14, 14
		m["legend"] = lg
	} else {
		m["legend"] = map[string]any{"show": false}
	}
	return m, height, nil
}

// fieldName names the one series of a scatter with nobody named: the
// field it shows.
func fieldName(l i18n.Lang, e Entities) string {
	switch e {
	case Territories:
		return l.T("chart.scatter.territories")
	case CountriesAndTerritories:
		return l.T("chart.scatter.countries_territories")
	}
	return l.T("chart.scatter.countries")
}
