package charts

import (
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

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
