package charts

import (
	"fmt"
	"math"
	"sort"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
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
