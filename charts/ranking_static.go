package charts

import (
	"github.com/rankings-dev/rankings/charts/internal/figure"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func staticRanking(dc draw.Canvas, s Spec) error {
	bars := rankingBars(s)
	ax := rankingSpan(s)
	p := newPlot(ax.axisTitleIn(s.Lang, s.XLabel), "")
	finish(p)
	n := len(bars)
	// The names are drawn by the bars' plotter below, bold where named.
	// The axis only reserves their room: one tick outside the plot, as wide
	// as the widest name in bold, so no grid line runs through a row.
	name, bold := textStyle(9, false), textStyle(9, true)
	name.XAlign, name.YAlign = draw.XRight, draw.YCenter
	bold.XAlign, bold.YAlign = draw.XRight, draw.YCenter
	bold.Color = rgb("#A04000")
	widest := ""
	for _, b := range bars {
		if bold.Width(b.sr.Name) > bold.Width(widest) {
			widest = b.sr.Name
		}
	}
	p.Y.Tick.Marker = figure.ConstantTicks([]figure.Tick{{Value: -1e9, Label: widest}})
	p.Y.Tick.Label.Font = bold.Font
	p.Y.Tick.Length, p.Y.Tick.Width, p.Y.Width = 0, 0, 0
	// Room on the right for the label of a bar that reaches the axis end.
	room := vg.Length(0)
	for _, b := range bars {
		room = max(room, bold.Width(b.label)+8)
	}
	base := barBase(s, ax)
	if !s.HigherIsBetter {
		// Better to the right on every ranking.
		p.X.Inverted = true
	}
	p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
		tx, ty := p.Transforms(&c)
		for i, b := range bars {
			yc := ty(float64(n - 1 - i))
			st := name
			if b.bold {
				st = bold
			}
			c.FillText(st, vg.Point{X: c.Min.X - 6, Y: yc}, b.sr.Name)
			lab := textStyle(9, b.bold)
			lab.YAlign = draw.YCenter
			if b.p.Missing() {
				// "no data" where the bar would start, never an empty bar.
				lab.Color = rgb(noDataColor)
				lab.Font.Style = xfont.StyleItalic
				c.FillText(lab, vg.Point{X: tx(base) + 4, Y: yc}, b.label)
				continue
			}
			x0, x1 := tx(base), tx(b.p.Y)
			c.FillPolygon(rgb(b.color), []vg.Point{{X: x0, Y: yc - 5}, {X: x1, Y: yc - 5}, {X: x1, Y: yc + 5}, {X: x0, Y: yc + 5}})
			// A negative bar's label sits right of zero, where its row is
			// empty.
			c.FillText(lab, vg.Point{X: max(x0, x1) + 4, Y: yc}, b.label)
		}
	}))
	ax.onAxis(&p.X)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	localizeTicks(p, s.Lang)
	p.Draw(draw.Crop(dc, 0, -room, 0, 0))
	return nil
}
