package charts

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
