package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// yearTicks labels whole years, thinning them to fit.
type yearTicks struct{}

// seriesLines draws a series' runs (split at gaps and breaks) with its
// band, on a numeric x axis.
func seriesLines(p *plot.Plot, s Spec, i int, sr Series) {
	st := seriesStyle(i)
	col := rgb(st.Color)
	band := col
	band.A = 0x30
	for _, seg := range segments(sr.Points, s.Breaks) {
		var runs [][]Point
		var cur []Point
		prev := math.NaN()
		for _, pt := range seg {
			if pt.Missing() || !finite(pt.X) || finite(prev) && pt.X-prev > 1 {
				if len(cur) > 0 {
					runs = append(runs, cur)
				}
				cur = nil
			}
			if !pt.Missing() && finite(pt.X) {
				cur = append(cur, pt)
				prev = pt.X
			}
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
		for _, run := range runs {
			run := run
			p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
				tx, ty := p.Transforms(&c)
				var poly []vg.Point
				for _, q := range run {
					if q.HasBand() {
						poly = append(poly, vg.Point{X: tx(q.X), Y: ty(q.Hi)})
					}
				}
				for k := len(run) - 1; k >= 0; k-- {
					if run[k].HasBand() {
						poly = append(poly, vg.Point{X: tx(run[k].X), Y: ty(run[k].Lo)})
					}
				}
				if len(poly) >= 4 {
					c.FillPolygon(band, c.ClipPolygonXY(poly))
				}
				var line []vg.Point
				for _, q := range run {
					line = append(line, vg.Point{X: tx(q.X), Y: ty(q.Y)})
				}
				if len(line) > 1 {
					c.StrokeLines(lineStyle(col, 2, dashOf(st.Dash)), c.ClipLinesXY(line)...)
				}
				for _, pt := range line {
					if c.Contains(pt) {
						c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: 3, Shape: glyphOf(st.Symbol)}, pt)
					}
				}
			}))
			for _, q := range run {
				lo, hi := q.Y, q.Y
				if q.HasBand() {
					lo, hi = q.Lo, q.Hi
				}
				p.Add(dataRange{q.X, q.X, lo, hi})
			}
		}
	}
}

// legendItem is one entry of a static legend: a line sample with the
// series' marker.
type legendItem struct {
	name          string
	color, symbol string
	dash          string
	line          bool
}

func seriesItem(name string, i int) legendItem {
	st := seriesStyle(i)
	return legendItem{name: name, color: st.Color, symbol: st.Symbol, dash: st.Dash, line: true}
}

func staticTimeline(dc draw.Canvas, s Spec) error {
	lo, hi := yearSpan(s)
	p := newPlot("", s.YLabel)
	finish(p)
	p.X.Tick.Marker = yearTicks{}
	p.Y.Label.Position = draw.PosTop
	if !s.HigherIsBetter {
		p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	}
	var items []legendItem
	for i, sr := range s.Series {
		seriesLines(p, s, i, sr)
		items = append(items, seriesItem(sr.Name, i))
	}
	p.Add(dataRange{float64(lo) - 0.3, float64(hi) + 0.3, math.NaN(), math.NaN()})
	if finite(s.Min) && finite(s.Max) {
		p.Add(dataRange{math.NaN(), math.NaN(), s.Min, s.Max})
	}
	for _, b := range s.Breaks {
		if b.Year < lo || b.Year > hi {
			continue
		}
		b := b
		p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
			tx, _ := p.Transforms(&c)
			x := tx(float64(b.Year) - 0.5)
			c.StrokeLine2(lineStyle(color.Gray{Y: 0x55}, 1.2, []vg.Length{4, 3}), x, c.Min.Y, x, c.Max.Y)
			st := smallStyle
			st.Color = color.Gray{Y: 0x22}
			if x > c.Min.X+(c.Max.X-c.Min.X)*0.7 {
				st.XAlign = draw.XRight
				c.FillText(st, vg.Point{X: x - 3, Y: c.Max.Y - 2}, b.Label)
			} else {
				c.FillText(st, vg.Point{X: x + 3, Y: c.Max.Y - 2}, b.Label)
			}
		}))
	}
	if len(s.Events) == 0 {
		p.X.Label.Text = s.XLabel
		placeLegend(dc, p, items)
		return nil
	}
	// Elections: a strip under the plot, one row per country.
	stripH := vg.Length(16*len(s.Series) + 86)
	main := draw.Crop(dc, 0, 0, stripH, 0)
	strip := draw.Crop(dc, 0, 0, 0, -(dc.Max.Y - dc.Min.Y - stripH + 8))
	q := newPlot(s.XLabel, "")
	finish(q)
	q.Title.Text = "OSCE/ODIHR election assessments"
	q.Title.TextStyle.Font.Size = 9
	q.Title.TextStyle.XAlign = draw.XLeft
	q.X.Tick.Marker = yearTicks{}
	var names []string
	rowOf := map[string]float64{}
	for i := len(s.Series) - 1; i >= 0; i-- {
		rowOf[s.Series[i].Name] = float64(len(names))
		names = append(names, s.Series[i].Name)
	}
	q.NominalY(names...)
	q.Add(dataRange{float64(lo) - 0.3, float64(hi) + 0.3, -0.5, float64(len(names)) - 0.5})
	var strItems []legendItem
	for _, class := range assessmentOrder {
		var xys plotter.XYs
		for _, e := range s.Events {
			yr, ok := e.Year()
			row, rok := rowOf[e.Country]
			if !ok || !rok || yr < float64(lo) || yr > float64(hi)+1 || e.Class != class && !(class == "unknown" && !knownClass(e.Class)) {
				continue
			}
			xys = append(xys, plotter.XY{X: math.Floor(yr), Y: row})
		}
		if len(xys) == 0 {
			continue
		}
		col, sym := assessmentStyle(class)
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: rgb(col), Radius: 4, Shape: glyphOf(sym)}
		q.Add(sc)
		strItems = append(strItems, legendItem{name: "ODIHR: " + assessmentWords(class), color: col, symbol: sym})
	}
	placeLegend(main, p, items)
	drawLegendRow(strip, strItems, 6)
	q.Draw(draw.Crop(strip, 0, 0, 0, -16))
	return nil
}

// placeLegend draws the plot with its legend in rows of entries above it
// (gonum's own legend is a single column that would cover the data).
func placeLegend(dc draw.Canvas, p *plot.Plot, items []legendItem) {
	const perRow = 5
	rows := (len(items) + perRow - 1) / perRow
	legendH := vg.Length(rows) * 13
	drawLegendRow(dc, items, perRow)
	p.Draw(draw.Crop(dc, 0, 0, 0, -(legendH + 8)))
}

// drawLegendRow draws legend entries in rows at the top of dc.
func drawLegendRow(dc draw.Canvas, items []legendItem, perRow int) {
	colW := (dc.Max.X - dc.Min.X - 40) / vg.Length(perRow)
	for k, it := range items {
		col := rgb(it.color)
		x := dc.Min.X + 40 + vg.Length(k%perRow)*colW
		y := dc.Max.Y - vg.Length(k/perRow)*13 - 6
		if it.line {
			dc.StrokeLine2(lineStyle(col, 2, dashOf(it.dash)), x, y, x+22, y)
		}
		dc.DrawGlyph(draw.GlyphStyle{Color: col, Radius: 3.5, Shape: glyphOf(it.symbol)}, vg.Point{X: x + 11, Y: y})
		ts := smallStyle
		ts.YAlign = draw.YCenter
		dc.FillText(ts, vg.Point{X: x + 27, Y: y}, it.name)
	}
}
