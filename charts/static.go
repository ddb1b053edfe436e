package charts

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// StaticDPI is the resolution of PNG output: StaticSize in pixels.
const StaticDPI = 96

const staticWidth = 10 * vg.Inch

// StaticSize returns the size in pixels (at StaticDPI) of the chart's SVG
// and PNG images.
func (c *Chart) StaticSize() (w, h int) {
	wl, hl := c.staticSize()
	return px(wl), px(hl)
}

func px(l vg.Length) int { return int(math.Round(l.Dots(StaticDPI))) }

func (c *Chart) staticSize() (vg.Length, vg.Length) {
	s := c.Spec
	head, foot := c.headerHeight(), c.footerHeight()
	var plotH vg.Length
	switch s.Kind {
	case Ranking:
		plotH = vg.Length(18*len(s.Series) + 70)
	case Timeline:
		plotH = 330
		if len(s.Events) > 0 {
			plotH += vg.Length(16*len(s.Series) + 70)
		}
	case Profile:
		plotH = vg.Length(26*len(s.Categories) + 90)
	case Heatmap:
		plotH = vg.Length(18*len(s.Series) + 90)
	default:
		plotH = 400
	}
	return staticWidth, head + plotH + foot
}

var (
	titleStyle = textStyle(15, true)
	smallStyle = textStyle(8.5, false)
	labelStyle = textStyle(9, false)
)

func textStyle(size vg.Length, bold bool) text.Style {
	f := plot.DefaultFont
	f.Variant = "Sans"
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: color.Black, Font: font.From(f, size), XAlign: draw.XLeft, YAlign: draw.YTop, Handler: plot.DefaultTextHandler}
}

func (c *Chart) sourceLines() []string { return wrap(c.Spec.sourceLine(), 150) }

func (c *Chart) headerHeight() vg.Length {
	return 10 + 20 + vg.Length(len(c.sourceLines()))*11 + 8
}

func (c *Chart) noteLines() []string {
	var out []string
	var hl []string
	for _, sr := range c.Spec.Series {
		if sr.Highlight {
			hl = append(hl, sr.Name)
		}
	}
	if len(hl) > 0 && c.Spec.Kind == Ranking {
		out = append(out, "Highlighted (orange): "+strings.Join(hl, ", ")+".")
	}
	for _, n := range c.Spec.Notes {
		out = append(out, wrap(n, 150)...)
	}
	return out
}

func (c *Chart) footerHeight() vg.Length { return vg.Length(len(c.noteLines()))*11 + 10 }

// WriteSVG writes the chart as an SVG image (gonum/plot): the same data,
// palette, title and source line as the HTML chart. Text is escaped by the
// SVG writer.
func (c *Chart) WriteSVG(w io.Writer) error {
	wl, hl := c.staticSize()
	cv := vgsvg.New(wl, hl)
	if err := c.drawStatic(cv, wl, hl); err != nil {
		return err
	}
	_, err := cv.WriteTo(w)
	return err
}

// WritePNG writes the chart as a PNG image of StaticSize pixels.
func (c *Chart) WritePNG(w io.Writer) error {
	wl, hl := c.staticSize()
	img := vgimg.NewWith(vgimg.UseWH(wl, hl), vgimg.UseDPI(StaticDPI), vgimg.UseBackgroundColor(color.White))
	if err := c.drawStatic(img, wl, hl); err != nil {
		return err
	}
	_, err := vgimg.PngCanvas{Canvas: img}.WriteTo(w)
	return err
}

func (c *Chart) drawStatic(cv vg.Canvas, wl, hl vg.Length) error {
	dc := draw.NewCanvas(cv, wl, hl)
	dc.FillPolygon(color.White, []vg.Point{{X: 0, Y: 0}, {X: wl, Y: 0}, {X: wl, Y: hl}, {X: 0, Y: hl}})
	// Header: title and source line; footer: notes.
	y := hl - 10
	dc.FillText(titleStyle, vg.Point{X: 14, Y: y}, c.Spec.Title)
	y -= 22
	grey := smallStyle
	grey.Color = color.Gray{Y: 0x44}
	for _, l := range c.sourceLines() {
		dc.FillText(grey, vg.Point{X: 14, Y: y}, l)
		y -= 11
	}
	fy := c.footerHeight() - 6
	for _, l := range c.noteLines() {
		dc.FillText(grey, vg.Point{X: 14, Y: fy}, l)
		fy -= 11
	}
	body := draw.Crop(dc, 6, -14, c.footerHeight(), -c.headerHeight())
	s := c.Spec
	switch s.Kind {
	case Ranking:
		return staticRanking(body, s)
	case Timeline:
		return staticTimeline(body, s)
	case Profile:
		return staticProfile(body, s)
	case Heatmap:
		return staticHeatmap(body, s)
	case Scatter:
		return staticScatter(body, s)
	case Slope:
		return staticSlope(body, s)
	}
	return fmt.Errorf("charts: unknown kind %q", s.Kind)
}

// plotFunc adapts a function to plot.Plotter.
type plotFunc func(draw.Canvas, *plot.Plot)

func (f plotFunc) Plot(c draw.Canvas, p *plot.Plot) { f(c, p) }

// dataRange widens a plot's ranges.
type dataRange struct{ x0, x1, y0, y1 float64 }

func (d dataRange) Plot(draw.Canvas, *plot.Plot) {}

// DataRange returns the range; a NaN end leaves the plot's range alone.
func (d dataRange) DataRange() (xmin, xmax, ymin, ymax float64) {
	lo := func(v float64) float64 {
		if math.IsNaN(v) {
			return math.Inf(1)
		}
		return v
	}
	hi := func(v float64) float64 {
		if math.IsNaN(v) {
			return math.Inf(-1)
		}
		return v
	}
	return lo(d.x0), hi(d.x1), lo(d.y0), hi(d.y1)
}
func newPlot(xl, yl string) *plot.Plot {
	p := plot.New()
	p.X.Label.Text = xl
	p.Y.Label.Text = yl
	return p
}
func lineStyle(col color.Color, w vg.Length, dash []vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: col, Width: w, Dashes: dash}
}

func dashOf(name string) []vg.Length {
	switch name {
	case "dashed":
		return []vg.Length{6, 3}
	case "dotted":
		return []vg.Length{1.5, 2.5}
	}
	return nil
}

func glyphOf(symbol string) draw.GlyphDrawer {
	switch symbol {
	case "rect", "roundRect":
		return draw.SquareGlyph{}
	case "triangle", "arrow":
		return draw.TriangleGlyph{}
	case "diamond", "pin":
		return diamondGlyph{}
	case "emptyCircle":
		return draw.RingGlyph{}
	}
	return draw.CircleGlyph{}
}

// diamondGlyph is a filled diamond (ECharts' "diamond").
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius * 1.25
	c.FillPolygon(sty.Color, []vg.Point{{X: pt.X, Y: pt.Y + r}, {X: pt.X + r, Y: pt.Y}, {X: pt.X, Y: pt.Y - r}, {X: pt.X - r, Y: pt.Y}})
}

// yearTicks labels whole years, thinning them to fit.
type yearTicks struct{}

func (yearTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := int(math.Ceil(min)), int(math.Floor(max))
	step := 1
	for (hi-lo)/step > 14 {
		step++
	}
	var out []plot.Tick
	for y := lo; y <= hi; y++ {
		t := plot.Tick{Value: float64(y)}
		if (y-lo)%step == 0 {
			t.Label = strconv.Itoa(y)
		}
		out = append(out, t)
	}
	return out
}

func finish(p *plot.Plot) {
	p.BackgroundColor = color.White
	for _, f := range []*font.Font{&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font, &p.Legend.TextStyle.Font} {
		f.Variant = "Sans"
	}
	p.X.Label.TextStyle.Font.Size = 9
	p.Y.Label.TextStyle.Font.Size = 9
	p.X.Tick.Label.Font.Size = 8.5
	p.Y.Tick.Label.Font.Size = 8.5
	p.Add(plotter.NewGrid())
}

func staticRanking(dc draw.Canvas, s Spec) error {
	rows := rankingOrder(s)
	p := newPlot(s.XLabel, "")
	finish(p)
	n := len(rows)
	var names []string
	for i := n - 1; i >= 0; i-- {
		names = append(names, rows[i].Name)
	}
	p.NominalY(names...)
	lo, hi := 0.0, 0.0
	for i, sr := range rows {
		p0 := Point{Y: math.NaN()}
		if len(sr.Points) > 0 {
			p0 = sr.Points[0]
		}
		if p0.Missing() {
			continue
		}
		yi := float64(n - 1 - i)
		col := rgb("#0072B2")
		if sr.Highlight {
			col = rgb("#D55E00")
		}
		v := p0.Y
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		label := s.text(p0)
		if r := rankLabel(p0); r != "" {
			label += "  ·  " + r
		}
		p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
			tx, ty := p.Transforms(&c)
			x0, x1 := tx(0), tx(v)
			yc := ty(yi)
			c.FillPolygon(col, []vg.Point{{X: x0, Y: yc - 5}, {X: x1, Y: yc - 5}, {X: x1, Y: yc + 5}, {X: x0, Y: yc + 5}})
			st := labelStyle
			st.YAlign = draw.YCenter
			if v < 0 {
				st.XAlign = draw.XRight
				c.FillText(st, vg.Point{X: x1 - 4, Y: yc}, label)
			} else {
				c.FillText(st, vg.Point{X: x1 + 4, Y: yc}, label)
			}
		}))
	}
	if finite(s.Min) && finite(s.Max) {
		lo, hi = math.Min(lo, s.Min), math.Max(hi, s.Max)
	}
	span := hi - lo
	if span == 0 {
		span = 1
	}
	p.Add(dataRange{lo, hi + span*0.25, -0.5, float64(n) - 0.5})
	p.Draw(dc)
	return nil
}

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

func staticProfile(dc draw.Canvas, s Spec) error {
	// Print has no hover: the radar becomes a dot plot, one row per
	// indicator on the same 0–100 scale, one marker shape per country.
	p := newPlot("normalised score, 0–100 (100 = best end of each scale; higher is better)", "")
	finish(p)
	n := len(s.Categories)
	var rows []string
	for j := n - 1; j >= 0; j-- {
		rows = append(rows, s.Categories[j])
	}
	p.NominalY(rows...)
	p.Add(dataRange{0, 100, -0.5, float64(n) - 0.5})
	var items []legendItem
	for i, sr := range s.Series {
		st := seriesStyle(i)
		var xys plotter.XYs
		for _, pt := range sr.Points {
			j := int(pt.X)
			if pt.Missing() || j < 0 || j >= n {
				continue
			}
			off := (float64(i) - float64(len(s.Series)-1)/2) * 0.12
			xys = append(xys, plotter.XY{X: pt.Y, Y: float64(n-1-j) + off})
		}
		items = append(items, seriesItem(sr.Name, i))
		if len(xys) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: rgb(st.Color), Radius: 4, Shape: glyphOf(st.Symbol)}
		p.Add(sc)
	}
	p.Y.Tick.Label.Font.Size = 8
	placeLegend(dc, p, items)
	return nil
}

func staticHeatmap(dc draw.Canvas, s Spec) error {
	lo, hi := yearSpan(s)
	p := newPlot(s.XLabel, "")
	finish(p)
	p.X.Tick.Marker = yearTicks{}
	n := len(s.Series)
	var names []string
	for i := n - 1; i >= 0; i-- {
		names = append(names, s.Series[i].Name)
	}
	p.NominalY(names...)
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for _, sr := range s.Series {
		for _, pt := range sr.Points {
			if !pt.Missing() {
				vmin, vmax = math.Min(vmin, pt.Y), math.Max(vmax, pt.Y)
			}
		}
	}
	if finite(s.Min) && finite(s.Max) {
		vmin, vmax = s.Min, s.Max
	}
	if !finite(vmin) || vmin == vmax {
		vmin, vmax = 0, 1
	}
	colors := sequential
	if !s.HigherIsBetter {
		colors = reverse(sequential)
	}
	p.Add(dataRange{float64(lo) - 0.5, float64(hi) + 0.5, -0.5, float64(n) - 0.5})
	showText := hi-lo <= 24
	p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
		tx, ty := p.Transforms(&c)
		for i, sr := range s.Series {
			row := float64(n - 1 - i)
			for _, pt := range sr.Points {
				if pt.Missing() || !finite(pt.X) {
					continue
				}
				f := (pt.Y - vmin) / (vmax - vmin)
				col := ramp(colors, f)
				x0, x1 := tx(pt.X-0.5), tx(pt.X+0.5)
				y0, y1 := ty(row-0.5), ty(row+0.5)
				c.FillPolygon(col, []vg.Point{{X: x0 + 0.5, Y: y0 + 0.5}, {X: x1 - 0.5, Y: y0 + 0.5}, {X: x1 - 0.5, Y: y1 - 0.5}, {X: x0 + 0.5, Y: y1 - 0.5}})
				if showText {
					st := textStyle(6, false)
					st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
					if f < 0.6 {
						st.Color = color.White
					}
					c.FillText(st, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, s.format(pt.Y))
				}
			}
		}
		for _, b := range s.Breaks {
			if b.Year > lo && b.Year <= hi {
				x := tx(float64(b.Year) - 0.5)
				c.StrokeLine2(lineStyle(color.Black, 2, nil), x, c.Min.Y, x, c.Max.Y)
			}
		}
	}))
	// Colour key.
	key := fmt.Sprintf("colour: %s (%s) to %s (%s)", s.format(vmin), pick(s.HigherIsBetter, "worse", "better"), s.format(vmax), pick(s.HigherIsBetter, "better", "worse"))
	p.X.Label.Text = s.XLabel + "    " + key
	p.Draw(dc)
	return nil
}

// ramp interpolates a colour scale at f in [0, 1].
func ramp(stops []string, f float64) color.NRGBA {
	f = math.Max(0, math.Min(1, f))
	pos := f * float64(len(stops)-1)
	i := int(math.Floor(pos))
	if i >= len(stops)-1 {
		return rgb(stops[len(stops)-1])
	}
	t := pos - float64(i)
	a, b := rgb(stops[i]), rgb(stops[i+1])
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xff}
}

func staticScatter(dc draw.Canvas, s Spec) error {
	p := newPlot(s.XLabel, s.YLabel)
	finish(p)
	p.Y.Label.Position = draw.PosTop
	if !s.XHigherIsBetter {
		p.X.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	}
	if !s.HigherIsBetter {
		p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	}
	var xys plotter.XYs
	var labels []string
	for i, sr := range s.Series {
		st := seriesStyle(i)
		for _, pt := range sr.Points {
			if pt.Missing() || !finite(pt.X) {
				continue
			}
			sc, err := plotter.NewScatter(plotter.XYs{{X: pt.X, Y: pt.Y}})
			if err != nil {
				return err
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: rgb(st.Color), Radius: 4, Shape: glyphOf(st.Symbol)}
			p.Add(sc)
			xys = append(xys, plotter.XY{X: pt.X, Y: pt.Y})
			labels = append(labels, sr.Name)
		}
	}
	if len(xys) > 0 {
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
		if err != nil {
			return err
		}
		l.Offset = vg.Point{X: 6, Y: -3}
		for i := range l.TextStyle {
			l.TextStyle[i].Font.Size = 8
		}
		p.Add(l)
	}
	p.Draw(dc)
	return nil
}

func staticSlope(dc draw.Canvas, s Spec) error {
	lo, hi := yearSpan(s)
	p := newPlot(s.XLabel, s.YLabel)
	finish(p)
	p.Y.Label.Position = draw.PosTop
	p.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: float64(lo), Label: strconv.Itoa(lo)}, {Value: float64(hi), Label: strconv.Itoa(hi)}})
	if !s.HigherIsBetter {
		p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	}
	span := float64(hi - lo)
	p.Add(dataRange{float64(lo) - span*0.05, float64(hi) + span*0.35, math.NaN(), math.NaN()})
	for i, sr := range s.Series {
		st := seriesStyle(i)
		var a, z *Point
		for k := range sr.Points {
			pt := sr.Points[k]
			if pt.Missing() {
				continue
			}
			switch int(pt.X) {
			case lo:
				a = &pt
			case hi:
				z = &pt
			}
		}
		var xys plotter.XYs
		for _, q := range []*Point{a, z} {
			if q != nil {
				xys = append(xys, plotter.XY{X: q.X, Y: q.Y})
			}
		}
		if len(xys) == 0 {
			continue
		}
		if len(xys) == 2 {
			l, err := plotter.NewLine(xys)
			if err != nil {
				return err
			}
			l.LineStyle = lineStyle(rgb(st.Color), 2, dashOf(st.Dash))
			p.Add(l)
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: rgb(st.Color), Radius: 4, Shape: glyphOf(st.Symbol)}
		p.Add(sc)
		last := xys[len(xys)-1]
		lb, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{last}, Labels: []string{sr.Name + " " + s.format(last.Y)}})
		if err != nil {
			return err
		}
		lb.Offset = vg.Point{X: 8, Y: -3}
		lb.TextStyle[0].Font.Size = 8
		lb.TextStyle[0].Color = rgb(st.Color)
		p.Add(lb)
		p.Add(dataRange{last.X, last.X, last.Y, last.Y})
	}
	p.Draw(dc)
	return nil
}
