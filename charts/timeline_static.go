package charts

import (
	"image/color"
	"math"
	"strings"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// yearTicks labels whole years, thinning them to fit.
type yearTicks struct{}

// seriesLines draws a series' runs (split at gaps and breaks) with its
// band, on a numeric x axis in calendar years: each point in the middle of
// the year its figures describe.
func seriesLines(p *figure.Plot, s Spec, i int, pts []Point) {
	st := seriesStyle(i)
	col := rgb(st.Color)
	band := col
	band.A = 0x30
	at := func(x float64) float64 { return x - float64(s.Covered) + 0.5 }
	for _, seg := range segments(pts, s.Breaks) {
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
			p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
				tx, ty := p.Transforms(&c)
				// Each stretch of neighbouring intervals is one band; an
				// interval standing alone is drawn as a bar.
				for _, b := range bandRuns(run) {
					if len(b) == 1 {
						x := tx(at(b[0].X))
						c.StrokeLine2(lineStyle(band, 4, nil), x, ty(b[0].Lo), x, ty(b[0].Hi))
						continue
					}
					var poly []vg.Point
					for _, q := range b {
						poly = append(poly, vg.Point{X: tx(at(q.X)), Y: ty(q.Hi)})
					}
					for k := len(b) - 1; k >= 0; k-- {
						poly = append(poly, vg.Point{X: tx(at(b[k].X)), Y: ty(b[k].Lo)})
					}
					c.FillPolygon(band, c.ClipPolygonXY(poly))
				}
				var line []vg.Point
				for _, q := range run {
					line = append(line, vg.Point{X: tx(at(q.X)), Y: ty(q.Y)})
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
				p.Add(dataRange{math.NaN(), math.NaN(), lo, hi})
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
	xlo, xhi := timeAxis(s)
	panels := s.panels()
	multi := len(s.Panels) > 1
	var items []legendItem
	for i, sr := range s.Series {
		items = append(items, seriesItem(sr.Name, i))
	}
	legendH := drawLegendRow(dc, items, 5) + 8
	if hasBand(s) {
		// The shaded band says what it is, under the series' entries.
		y := dc.Max.Y - legendH - 2
		x := dc.Min.X + 40
		dc.FillPolygon(color.Gray{Y: 0xd8}, []vg.Point{{X: x, Y: y - 4}, {X: x + 22, Y: y - 4}, {X: x + 22, Y: y + 4}, {X: x, Y: y + 4}})
		ts := smallStyle
		ts.YAlign = draw.YCenter
		// A legend wider than the chart wraps, each line under the last.
		for i, line := range fitLines(ts, bandLegend(s), dc.Max.X-x-27-8) {
			dc.FillText(ts, vg.Point{X: x + 27, Y: y - vg.Length(11*i)}, line)
			legendH += 11
		}
		legendH += 2
	}
	body := draw.Crop(dc, 0, 0, 0, -legendH)
	stripH := vg.Length(0)
	if len(s.Events) > 0 {
		// One legend row is in the strip's height; a second one widens it.
		stripH = vg.Length(16*len(s.Series)+86) + legendHeight(body.Max.X-body.Min.X, eventItems(s), 6) - 13
	}
	// The time axis's title wraps to the plot's width, so that a long one
	// stays inside the image.
	xLabel := fitAxisTitle(s.XLabel, body.Max.X-body.Min.X-60)
	// The panels share the height above the election strip.
	var plots []*figure.Plot
	var canvases []draw.Canvas
	ph := (body.Max.Y - body.Min.Y - stripH) / vg.Length(len(panels))
	for k, pn := range panels {
		sp := panelSpan(s, pn)
		ylabel := sp.axisTitleIn(s.Lang, pn.YLabel)
		p := newPlot("", ylabel)
		finish(p)
		p.X.Tick.Marker = yearTicks{}
		p.Y.Label.Position = draw.PosTop
		// The axis title (with the panel's title) goes above the panel,
		// where it has room (drawn below).
		p.Y.Label.Text = ""
		if !pn.HigherIsBetter {
			// Inverted, so that up means better in every panel.
			p.Y.Inverted = true
		}
		if k == len(panels)-1 && len(s.Events) == 0 {
			p.X.Label.Text = xLabel
		}
		if multi {
			pn := pn
			p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
				// Years outside the panel's segment are shaded.
				tx, _ := p.Transforms(&c)
				shade := func(a, b float64) {
					x0, x1 := tx(math.Max(a, float64(xlo))), tx(math.Min(b, float64(xhi)))
					if x1 > x0 {
						c.FillPolygon(color.Gray{Y: 0xf0}, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
					}
				}
				shade(float64(xlo), float64(pn.From-s.Covered))
				if pn.To != 0 {
					shade(float64(pn.To-s.Covered+1), float64(xhi))
				}
			}))
			p.Add(figure.NewGrid())
		}
		for i, sr := range s.Series {
			seriesLines(p, s, i, inPanel(sr.Points, pn))
		}
		p.Add(dataRange{float64(xlo), float64(xhi), math.NaN(), math.NaN()})
		sp.onAxis(&p.Y)
		if !multi {
			breakLines(p, s)
		}
		top := body.Max.Y - ph*vg.Length(k)
		pc := draw.Canvas{Canvas: body.Canvas, Rectangle: vg.Rectangle{Min: vg.Point{X: body.Min.X, Y: top - ph}, Max: vg.Point{X: body.Max.X, Y: top}}}
		st := textStyle(9, true)
		st.YAlign = draw.YTop
		head := ylabel
		if multi {
			head = pn.Title + " — " + ylabel
		}
		// The panel's heading wraps to the chart's width.
		lines := fitLines(st, head, pc.Max.X-pc.Min.X-48)
		for i, line := range lines {
			pc.FillText(st, vg.Point{X: pc.Min.X + 40, Y: pc.Max.Y - 4 - vg.Length(11*i)}, line)
		}
		pc = draw.Crop(pc, 0, 0, 0, -vg.Length(18+11*(len(lines)-1)))
		plots = append(plots, p)
		canvases = append(canvases, pc)
	}
	var strip draw.Canvas
	var stripItems []legendItem
	if len(s.Events) > 0 {
		// Elections: a strip under the panels, one row per country, each
		// marker at the election's date on the same time axis.
		strip = draw.Crop(body, 0, 0, 0, -(body.Max.Y - body.Min.Y - stripH + 8))
		q := newPlot(xLabel, "")
		finish(q)
		st := textStyle(9, true)
		st.YAlign = draw.YTop
		// The strip's legend rows, then its heading, then the strip.
		stripLegendH := legendHeight(strip.Max.X-strip.Min.X, eventItems(s), 6)
		strip.FillText(st, vg.Point{X: strip.Min.X + 40, Y: strip.Max.Y - stripLegendH - 3}, s.Lang.T("chart.strip_title"))
		q.X.Tick.Marker = yearTicks{}
		var names []string
		rowOf := map[string]float64{}
		for i := len(s.Series) - 1; i >= 0; i-- {
			rowOf[s.Series[i].Name] = float64(len(names))
			names = append(names, s.Series[i].Name)
		}
		q.NominalY(names...)
		q.Add(dataRange{float64(xlo), float64(xhi), -0.5, float64(len(names)) - 0.5})
		for _, class := range assessmentOrder {
			var xys figure.XYs
			for _, e := range s.Events {
				yr, ok := e.Year()
				row, rok := rowOf[e.Country]
				if !ok || !rok || e.Class != class && !(class == "unknown" && !knownClass(e.Class)) {
					continue
				}
				xys = append(xys, figure.XY{X: yr, Y: row})
			}
			if len(xys) == 0 {
				continue
			}
			col, sym := assessmentStyle(class)
			sc := figure.NewScatter(xys)
			sc.GlyphStyle = draw.GlyphStyle{Color: rgb(col), Radius: 4, Shape: glyphOf(sym)}
			q.Add(sc)
			stripItems = append(stripItems, legendItem{name: odihrLegend(s.Lang, class), color: col, symbol: sym})
		}
		drawLegendRow(strip, stripItems, 6)
		plots = append(plots, q)
		canvases = append(canvases, draw.Crop(strip, 0, 0, 0, -(stripLegendH+17)))
	}
	// Every plot's data area starts at the same x, so that the panels and
	// the strip share their year positions exactly.
	left := vg.Length(0)
	offs := make([]vg.Length, len(plots))
	for i, p := range plots {
		localizeTicks(p, s.Lang)
		offs[i] = p.DataCanvas(canvases[i]).Min.X - canvases[i].Min.X
		left = max(left, offs[i])
	}
	for i, p := range plots {
		p.Draw(draw.Crop(canvases[i], left-offs[i], 0, 0, 0))
	}
	return nil
}

// breakLines marks methodology breaks inside one panel: a dashed line at the
// start of the year the new methodology's figures describe, its label on
// alternate heights so that neighbouring labels never overprint.
func breakLines(p *figure.Plot, s Spec) {
	for i, b := range s.Breaks {
		b, i := b, i
		p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
			tx, _ := p.Transforms(&c)
			x := tx(float64(b.Year - s.Covered))
			c.StrokeLine2(lineStyle(color.Gray{Y: 0x55}, 1.2, []vg.Length{4, 3}), x, c.Min.Y, x, c.Max.Y)
			st := smallStyle
			st.Color = color.Gray{Y: 0x22}
			y := c.Max.Y - 2 - vg.Length(i%2)*12
			if x > c.Min.X+(c.Max.X-c.Min.X)*0.7 {
				st.XAlign = draw.XRight
				c.FillText(st, vg.Point{X: x - 3, Y: y}, b.Label)
			} else {
				c.FillText(st, vg.Point{X: x + 3, Y: y}, b.Label)
			}
		}))
	}
}

// placeLegend draws the plot with its legend in rows of entries above it
// (gonum's own legend is a single column that would cover the data).
func placeLegend(dc draw.Canvas, p *figure.Plot, items []legendItem) {
	legendH := drawLegendRow(dc, items, 5)
	p.Draw(draw.Crop(dc, 0, 0, 0, -(legendH + 8)))
}

// legendGrid lays legend entries out in columns as wide as the widest
// entry, at most maxPerRow to a row, so that no label runs into the next
// entry's mark; it returns the entries per row and the column width.
func legendGrid(avail vg.Length, items []legendItem, maxPerRow int) (int, vg.Length) {
	widest := vg.Length(0)
	for _, it := range items {
		widest = max(widest, 27+smallStyle.Width(it.name)+14)
	}
	perRow := max(1, min(maxPerRow, int((avail-40)/max(widest, 1))))
	return perRow, max((avail-40)/vg.Length(perRow), widest)
}

// legendHeight is the height of the legend rows drawLegendRow draws.
func legendHeight(avail vg.Length, items []legendItem, maxPerRow int) vg.Length {
	perRow, _ := legendGrid(avail, items, maxPerRow)
	return vg.Length((len(items)+perRow-1)/perRow) * 13
}

// drawLegendRow draws legend entries in rows at the top of dc and returns
// the height they take.
func drawLegendRow(dc draw.Canvas, items []legendItem, maxPerRow int) vg.Length {
	perRow, colW := legendGrid(dc.Max.X-dc.Min.X, items, maxPerRow)
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
	return legendHeight(dc.Max.X-dc.Min.X, items, maxPerRow)
}

// eventItems are the legend entries of the assessments a timeline's
// elections have, in legend order.
func eventItems(s Spec) []legendItem {
	var out []legendItem
	for _, class := range assessmentOrder {
		for _, e := range s.Events {
			if e.Class == class || class == "unknown" && !knownClass(e.Class) {
				col, sym := assessmentStyle(class)
				out = append(out, legendItem{name: odihrLegend(s.Lang, class), color: col, symbol: sym})
				break
			}
		}
	}
	return out
}

// hasBand reports whether any point of a timeline has a band drawn.
func hasBand(s Spec) bool {
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if p.HasBand() && !p.Missing() {
				return true
			}
		}
	}
	return false
}

// bandLegend is the legend line of a timeline's shaded band.
func bandLegend(s Spec) string {
	if s.Band == "" {
		return s.Lang.T("chart.band_legend")
	}
	return s.Lang.T("chart.band_legend_what", s.Band)
}

// fitAxisTitle breaks a time axis's title into lines no wider than w in
// the axis title's style (finish's); a title that fits stays one line.
func fitAxisTitle(title string, w vg.Length) string {
	p := newPlot(title, "")
	finish(p)
	return strings.Join(fitLines(p.X.Label.TextStyle, title, w), "\n")
}

// fitLines breaks text at spaces into lines no wider than w in style st;
// a text that fits is one line.
func fitLines(st text.Style, s string, w vg.Length) []string {
	if st.Width(s) <= w {
		return []string{s}
	}
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if cur != "" && st.Width(next) > w {
			lines = append(lines, cur)
			next = word
		}
		cur = next
	}
	return append(lines, cur)
}

// bandRuns splits a run of consecutive figures into the stretches whose
// figures all carry an interval.
func bandRuns(run []Point) [][]Point {
	var out [][]Point
	start := -1
	for i, q := range run {
		if q.HasBand() {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, run[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, run[start:])
	}
	return out
}
