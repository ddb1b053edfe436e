package charts

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
