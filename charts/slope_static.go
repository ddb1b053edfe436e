package charts

import (
	"math"
	"sort"
	"strconv"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func staticSlope(dc draw.Canvas, s Spec) error {
	lo, hi := yearSpan(s)
	ax := slopeSpan(s)
	p := newPlot(s.XLabel, ax.axisTitleIn(s.Lang, s.YLabel))
	finish(p)
	p.Y.Label.Position = draw.PosTop
	p.X.Tick.Marker = figure.ConstantTicks([]figure.Tick{{Value: float64(lo), Label: strconv.Itoa(lo)}, {Value: float64(hi), Label: strconv.Itoa(hi)}})
	if !s.HigherIsBetter {
		p.Y.Inverted = true
	}
	span := float64(hi - lo)
	p.Add(dataRange{float64(lo) - span*0.05, float64(hi) + span*0.35, math.NaN(), math.NaN()})
	type end struct {
		text string
		y    float64
		col  string
	}
	var ends []end
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
		var xys figure.XYs
		for _, q := range []*Point{a, z} {
			if q != nil {
				xys = append(xys, figure.XY{X: q.X, Y: q.Y})
			}
		}
		if len(xys) == 0 {
			continue
		}
		if len(xys) == 2 {
			l := figure.NewLine(xys)
			l.LineStyle = lineStyle(rgb(st.Color), 2, dashOf(st.Dash))
			p.Add(l)
		}
		sc := figure.NewScatter(xys)
		sc.GlyphStyle = draw.GlyphStyle{Color: rgb(st.Color), Radius: 4, Shape: glyphOf(st.Symbol)}
		p.Add(sc)
		if z != nil {
			ends = append(ends, end{text: sr.Name + "  " + s.text(*z), y: z.Y, col: st.Color})
		}
	}
	// The end labels, spread apart on the canvas so that none prints over
	// another, each in its line's colour.
	p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
		tx, ty := p.Transforms(&c)
		type placed struct {
			end
			at vg.Length
		}
		var ps []placed
		for _, e := range ends {
			ps = append(ps, placed{e, ty(e.y)})
		}
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].at < ps[b].at })
		const gap = vg.Length(10)
		for k := 1; k < len(ps); k++ {
			ps[k].at = max(ps[k].at, ps[k-1].at+gap)
		}
		if n := len(ps); n > 0 && ps[n-1].at > c.Max.Y {
			ps[n-1].at = c.Max.Y
			for k := n - 2; k >= 0; k-- {
				ps[k].at = min(ps[k].at, ps[k+1].at-gap)
			}
		}
		x0 := tx(float64(hi))
		for _, e := range ps {
			// A leader from the line's end to a label moved off it.
			c.StrokeLine2(lineStyle(rgb(e.col), 0.6, nil), x0+5, ty(e.y), x0+12, e.at)
			st := textStyle(8, false)
			st.Color = rgb("#222222")
			st.YAlign = draw.YCenter
			c.FillText(st, vg.Point{X: x0 + 14, Y: e.at}, e.text)
		}
	}))
	ax.onAxis(&p.Y)
	localizeTicks(p, s.Lang)
	p.Draw(dc)
	return nil
}
