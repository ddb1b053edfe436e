package charts

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
