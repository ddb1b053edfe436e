package charts

import (
	"fmt"
	"math"
	"strings"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// A profile is a dot plot: one row per indicator (category), the countries
// as marked dots on a shared 0–100 percentile axis, each dot labelled with
// the published figure and its rank. Within a row the countries' dots sit
// on sub-rows of their own, in series order, so that two countries at the
// same percentile never hide each other and every label has a line of its
// own. The HTML and the static chart share this geometry.

// profileRowPx is the height in pixels of one indicator row of the HTML
// chart with n countries; profileSubPx the distance between two
// countries' sub-rows.
const profileSubPx = 16

func profileRowPx(n int) int { return max(52, profileSubPx*n+26) }

// profileOffset is the sub-row of country i of n, in sub-row units from
// the row's centre (negative: above it).
func profileOffset(i, n int) float64 { return float64(i) - float64(n-1)/2 }

// profileLeft reports whether a dot's label goes to the left of the dot,
// so that labels near the best end stay inside the plot.
func profileLeft(p Point) bool { return !p.Missing() && p.Y > 62 }

// profileNoDataX is where a row's "no data" text stands: the middle of
// the axis, away from 0 so that it cannot be read as a zero.
const profileNoDataX = 50

// profileFont is the font of the row labels, given to their rich-text
// styles too so that ECharts measures them as it draws them.
const profileFont = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

// pointAt is the series' point of category cat, missing when it has none.
func pointAt(sr Series, cat int) Point {
	for _, p := range sr.Points {
		if int(p.X) == cat && finite(p.X) {
			return p
		}
	}
	return Point{X: float64(cat), Y: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
}

// categoryNote is the note shown with category j ("" when none).
func (s Spec) categoryNote(j int) string {
	if j < len(s.CategoryNotes) {
		return s.CategoryNotes[j]
	}
	return ""
}

// noteLines breaks a category's note into the lines shown under its name:
// one per "; "-separated part, so that no row label grows wide.
func noteLines(note string) []string {
	if note == "" {
		return nil
	}
	return strings.Split(note, "; ")
}

// profileMarks numbers the notes of a profile's figures as its table does
// (indicator by indicator, country by country), so that a label in the
// chart carries the same mark as the table cell. The key is {category,
// series}.
func profileMarks(s Spec) (map[[2]int]string, []Footnote) {
	var fn footnotes
	marks := map[[2]int]string{}
	for j := range s.Categories {
		for i, sr := range s.Series {
			if n := pointNote(pointAt(sr, j)); n != "" {
				marks[[2]int{j, i}] = fn.mark("", n)
			}
		}
	}
	return marks, fn.notes
}

// profileLabel is the text next to a country's dot: the published figure
// with its note's mark and the rank "k of N"; "no data" without a figure.
func profileLabel(l i18n.Lang, p Point, mark string) string {
	switch {
	case p.Missing() && p.Text != "":
		return l.T("chart.profile.label_unranked", p.Text, mark)
	case p.Missing():
		return l.T("chart.no_data")
	case p.Rank > 0 && p.RankOf > 0:
		return l.T("chart.profile.label_rank", p.Text, mark, p.Rank, p.RankOf)
	}
	return p.Text + mark
}

// profileTooltip is the hover text of a country's dot: the country and
// the indicator, the published figure with its scale and direction, the
// rank and the percentile, and the figure's note.
func profileTooltip(s Spec, sr Series, j int, p Point) string {
	lines := []string{sr.Name, s.Categories[j]}
	scale := s.categoryNote(j)
	switch {
	case p.Missing() && p.Text == "":
		lines = append(lines, s.Lang.T("chart.no_data"))
	case scale != "":
		lines = append(lines, fmt.Sprintf("%s (%s)", p.Text, scale))
	default:
		lines = append(lines, p.Text)
	}
	switch {
	case !p.Missing() && p.Rank > 0 && p.RankOf > 0:
		lines = append(lines, s.Lang.T("chart.profile.tip_rank", p.Rank, p.RankOf, s.format(p.Y)))
	case !p.Missing():
		lines = append(lines, s.Lang.T("chart.profile.tip_pct", s.format(p.Y)))
	case p.Text != "":
		lines = append(lines, s.Lang.T("chart.profile.tip_unranked"))
	}
	if n := pointNote(p); n != "" {
		lines = append(lines, n)
	}
	return strings.Join(lines, "\n")
}

func buildProfile(s Spec) (map[string]any, int, error) {
	n := len(s.Series)
	var legend []string
	for _, sr := range s.Series {
		legend = append(legend, sr.Name)
	}
	h := layoutRows(s, true, legendRows(legend))
	marks, _ := profileMarks(s)
	sc := ec.NewScatter()
	for i, sr := range s.Series {
		st := seriesStyle(i)
		var data []opts.ScatterData
		for j := range s.Categories {
			p := pointAt(sr, j)
			x := p.Y
			if p.Missing() {
				x = profileNoDataX
			}
			data = append(data, opts.ScatterData{Name: profileTooltip(s, sr, j, p), Value: []any{x, j}, Symbol: st.Symbol, SymbolSize: 11})
		}
		sc.AddSeries(sr.Name, data, ec.WithItemStyleOpts(opts.ItemStyle{Color: st.Color}))
	}
	m, err := toMap(sc)
	if err != nil {
		return nil, 0, err
	}
	for i, x := range m["series"].([]any) {
		sm := x.(map[string]any)
		st := seriesStyle(i)
		sm["symbol"] = st.Symbol
		sm["symbolSize"] = 11
		dy := profileOffset(i, n) * profileSubPx
		sm["symbolOffset"] = []any{0, dy}
		sm["tooltip"] = map[string]any{"formatter": "{b}"}
		sm["emphasis"] = map[string]any{"scale": 1.4}
		for j, d := range sm["data"].([]any) {
			dm := d.(map[string]any)
			p := pointAt(s.Series[i], j)
			label := map[string]any{"show": true, "formatter": escapeTpl(profileLabel(s.Lang, p, marks[[2]int{j, i}])),
				"fontSize": 11, "color": "#222222", "position": "right", "distance": 7}
			switch {
			case p.Missing():
				// Text only, no mark: a missing figure is never a dot. (ECharts
				// drops the label of a "none" symbol, so the symbol is there
				// but transparent.)
				dm["symbol"] = "circle"
				dm["symbolSize"] = 1
				dm["itemStyle"] = map[string]any{"color": "rgba(0,0,0,0)"}
				label["position"] = "inside"
				label["color"] = "#666666"
				label["fontStyle"] = "italic"
				label["formatter"] = escapeTpl(fmt.Sprintf("%s: %s", s.Series[i].Name, profileLabel(s.Lang, p, marks[[2]int{j, i}])))
			case profileLeft(p):
				label["position"] = "left"
			}
			dm["label"] = label
		}
	}
	rowPx := profileRowPx(n)
	plotH := rowPx * len(s.Categories)
	height := h.plotTop + 22 + plotH + 94
	cats := make([]any, len(s.Categories))
	for j, c := range s.Categories {
		text := "{n|" + escapeTpl(c) + "}"
		for _, l := range noteLines(s.categoryNote(j)) {
			text += "\n{s|" + escapeTpl(l) + "}"
		}
		cats[j] = text
	}
	grey := map[string]any{"lineStyle": map[string]any{"color": "#e0e0e0"}}
	x := merge(axisName(s.XLabel, false), map[string]any{"type": "value", "min": 0, "max": 100, "interval": 10,
		"axisLine": map[string]any{"show": true, "onZero": false}, "splitLine": grey, "nameGap": 30})
	x["nameTextStyle"].(map[string]any)["lineHeight"] = 16
	x["nameTextStyle"].(map[string]any)["verticalAlign"] = "top"
	top := map[string]any{"type": "value", "position": "top", "min": 0, "max": 100, "interval": 10,
		"axisLine": map[string]any{"show": true, "onZero": false}, "splitLine": map[string]any{"show": false},
		"axisLabel": map[string]any{"color": "#444444"}}
	m["xAxis"] = []any{x, top}
	m["yAxis"] = []any{map[string]any{"type": "category", "data": cats, "inverse": true,
		"axisLine": map[string]any{"show": true, "onZero": false}, "axisTick": map[string]any{"show": false},
		"splitArea": map[string]any{"show": true, "areaStyle": map[string]any{"color": []any{"#f4f4f4", "#ffffff"}}},
		"axisLabel": map[string]any{"interval": 0, "margin": 12, "lineHeight": 15, "fontFamily": profileFont, "rich": map[string]any{
			"n": map[string]any{"fontSize": 12, "color": "#222222", "fontFamily": profileFont},
			"s": map[string]any{"fontSize": 10.5, "color": "#555555", "fontFamily": profileFont},
		}}}}
	m["grid"] = []any{map[string]any{"top": h.plotTop, "left": 16, "right": 28, "bottom": 64, "containLabel": true}}
	m["legend"] = legendOpt(h, legend)
	// Marker-sized legend icons: a wide rectangle would read as a bar.
	m["legend"].(map[string]any)["itemWidth"] = 14
	return m, height, nil
}

// profileTable is a profile's figures: per indicator and country the
// published value, the rank k of N and the percentile.
func profileTable(s Spec) Table {
	l := s.Lang
	t := Table{Caption: l.T("chart.profile.caption", s.Title),
		Header: []string{l.T("chart.col.indicator"), l.T("chart.col.scale"), s.Entities.headerIn(l), l.T("chart.col.value"), l.T("chart.col.rank"), l.T("chart.col.percentile")}}
	marks, notes := profileMarks(s)
	for j, c := range s.Categories {
		for i, sr := range s.Series {
			p := pointAt(sr, j)
			value, rank, pct := l.T("chart.no_data"), "", ""
			if p.Text != "" {
				value = p.Text + marks[[2]int{j, i}]
			}
			if !p.Missing() {
				pct = s.format(p.Y)
				if p.Rank > 0 && p.RankOf > 0 {
					rank = l.T("chart.k_of_n", p.Rank, p.RankOf)
				}
			} else if p.Text != "" {
				rank = l.T("chart.profile.not_ranked")
			}
			t.Rows = append(t.Rows, []Cell{{Text: c}, {Text: s.categoryNote(j)}, {Text: sr.Name},
				{Text: value, Num: true}, {Text: rank, Num: true}, {Text: pct, Num: true}})
		}
	}
	t.Notes = notes
	return t
}

// describeProfile tells, per country, on which indicator it stands highest
// and lowest in the ranked field, and which rows have no figure.
func describeProfile(b *strings.Builder, s Spec) {
	l := s.Lang
	b.WriteString(l.N("chart.profile.describe", len(s.Categories), s.Title, len(s.Categories)))
	place := func(j int, p Point) string {
		if p.Rank > 0 && p.RankOf > 0 {
			return l.T("chart.profile.place_rank", s.Categories[j], s.format(p.Y), p.Text, p.Rank, p.RankOf)
		}
		return l.T("chart.profile.place", s.Categories[j], s.format(p.Y), p.Text)
	}
	for _, sr := range s.Series {
		best, worst := -1, -1
		var missing []string
		for j := range s.Categories {
			p := pointAt(sr, j)
			if p.Missing() {
				missing = append(missing, s.Categories[j])
				continue
			}
			if best < 0 || p.Y > pointAt(sr, best).Y {
				best = j
			}
			if worst < 0 || p.Y < pointAt(sr, worst).Y {
				worst = j
			}
		}
		switch {
		case best < 0:
			b.WriteString(l.T("chart.profile.none", sr.Name))
		case best == worst:
			b.WriteString(l.T("chart.profile.one", sr.Name, place(best, pointAt(sr, best))))
		default:
			b.WriteString(l.T("chart.profile.high_low", sr.Name, place(best, pointAt(sr, best)), place(worst, pointAt(sr, worst))))
		}
		switch {
		case best < 0:
		case len(missing) > 3:
			b.WriteString(l.N("chart.profile.missing_n", len(s.Categories), sr.Name, len(missing), len(s.Categories)))
		case len(missing) > 0:
			b.WriteString(l.T("chart.profile.missing", sr.Name, listAndIn(l, missing)))
		}
	}
}

// listAndIn joins items as "a, b and c" in language l.
func listAndIn(l i18n.Lang, items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return l.T("chart.list_and", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}
