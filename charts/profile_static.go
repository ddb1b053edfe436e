package charts

import (
	"image/color"
	"strconv"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// profileRowPt is the height in points of one indicator row of the static
// profile with n countries: about 12 points per country's sub-row.
func profileRowPt(n int) vg.Length { return vg.Length(max(34, 12*n+18)) }

// profileStaticHeight is the height of the static profile's plot area:
// the rows, the axis, the legend and the figures' footnotes.
func profileStaticHeight(s Spec) vg.Length {
	_, notes := profileMarks(s)
	legend := (len(s.Series) + 4) / 5 * 13
	return profileRowPt(len(s.Series))*vg.Length(len(s.Categories)) + 70 + vg.Length(legend) + vg.Length(len(profileNoteLines(notes)))*11
}

// profileNoteLines are the figures' footnotes as printed under the static
// chart, which has no tooltips: the mark and the note.
func profileNoteLines(notes []Footnote) []string {
	var out []string
	for _, n := range notes {
		out = append(out, wrap(n.Mark+" "+n.Text, 150)...)
	}
	return out
}

func staticProfile(dc draw.Canvas, s Spec) error {
	n, rows := len(s.Series), len(s.Categories)
	marks, notes := profileMarks(s)
	// The figures' footnotes go under the plot.
	lines := profileNoteLines(notes)
	grey := smallStyle
	grey.Color = color.Gray{Y: 0x44}
	y := dc.Min.Y + vg.Length(len(lines))*11
	for _, l := range lines {
		dc.FillText(grey, vg.Point{X: dc.Min.X + 8, Y: y}, l)
		y -= 11
	}
	dc = draw.Crop(dc, 0, 0, vg.Length(len(lines))*11+4, 0)

	p := newPlot(s.XLabel, "")
	p.X.Label.TextStyle.Font.Size = 9
	p.X.Tick.Label.Font.Size = 8.5
	p.Y.Tick.Label.Font.Size = 8
	p.X.Tick.Marker = figure.ConstantTicks(percentTicks())
	// Row j (from the top) is centred on y = rows-1-j.
	var names []string
	for j := rows - 1; j >= 0; j-- {
		name := s.Categories[j]
		for _, l := range noteLines(s.categoryNote(j)) {
			name += "\n" + l
		}
		names = append(names, name)
	}
	p.NominalY(names...)
	// NominalY pads the x axis by half a (multi-line) label; the shaded
	// rows should meet the axis.
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(dataRange{0, 100, -0.5, float64(rows) - 0.5})
	// Alternate rows are shaded as in the HTML chart; the vertical grid
	// follows the percent ticks.
	p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
		trX, trY := p.Transforms(&c)
		for j := 0; j < rows; j += 2 {
			yc := float64(rows - 1 - j)
			x0, x1 := trX(0), trX(100)
			y0, y1 := trY(yc-0.5), trY(yc+0.5)
			c.FillPolygon(color.Gray{Y: 0xf4}, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		}
	}))
	g := figure.NewGrid()
	g.Horizontal.Width = 0
	p.Add(g)
	// A sub-row offset in data units (rows are 1 apart): the countries'
	// sub-rows fill the row with a margin above and below.
	sub := 1 / (float64(n) + 0.8)
	var items []legendItem
	var right, left, none labelSet
	for i, sr := range s.Series {
		st := seriesStyle(i)
		items = append(items, legendItem{name: sr.Name, color: st.Color, symbol: st.Symbol})
		var xys figure.XYs
		for j := range s.Categories {
			pt := pointAt(sr, j)
			yc := float64(rows-1-j) - profileOffset(i, n)*sub
			label := profileLabel(s.Lang, pt, marks[[2]int{j, i}])
			switch {
			case pt.Missing():
				none.add(profileNoDataX, yc, sr.Name+": "+label)
			case profileLeft(pt):
				left.add(pt.Y, yc, label)
				xys = append(xys, figure.XY{X: pt.Y, Y: yc})
			default:
				right.add(pt.Y, yc, label)
				xys = append(xys, figure.XY{X: pt.Y, Y: yc})
			}
		}
		if len(xys) == 0 {
			continue
		}
		sc := figure.NewScatter(xys)
		sc.GlyphStyle = draw.GlyphStyle{Color: rgb(st.Color), Radius: 3.6, Shape: glyphOf(st.Symbol)}
		p.Add(sc)
	}
	for _, ls := range []struct {
		set   labelSet
		align draw.XAlignment
		dx    vg.Length
		col   color.Color
	}{{right, draw.XLeft, 7, color.Gray{Y: 0x22}}, {left, draw.XRight, -7, color.Gray{Y: 0x22}}, {none, draw.XCenter, 0, color.Gray{Y: 0x66}}} {
		if len(ls.set.xys) == 0 {
			continue
		}
		st := labelStyle
		st.Font.Size = 8
		st.XAlign, st.YAlign, st.Color = ls.align, draw.YCenter, ls.col
		l := figure.NewLabels(ls.set.xys, ls.set.text, st)
		l.Offset = vg.Point{X: ls.dx}
		p.Add(l)
	}
	localizeTicks(p, s.Lang)
	placeLegend(dc, p, items)
	return nil
}

// labelSet collects the labels of one alignment.
type labelSet struct {
	xys  figure.XYs
	text []string
}

func (l *labelSet) add(x, y float64, text string) {
	l.xys = append(l.xys, figure.XY{X: x, Y: y})
	l.text = append(l.text, text)
}

// percentTicks are the ticks of the percentile axis: labels every 10.
func percentTicks() []figure.Tick {
	var out []figure.Tick
	for v := 0; v <= 100; v += 10 {
		out = append(out, figure.Tick{Value: float64(v), Label: strconv.Itoa(v)})
	}
	return out
}
