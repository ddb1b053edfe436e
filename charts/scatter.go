package charts

import (
	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

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
