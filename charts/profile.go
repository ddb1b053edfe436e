package charts

import (
	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

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
