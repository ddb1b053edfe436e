package charts

import (
	"image/color"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func staticScatter(dc draw.Canvas, s Spec) error {
	xs, ys := scatterSpans(s)
	p := newPlot(xs.axisTitleIn(s.Lang, s.XLabel), ys.axisTitleIn(s.Lang, s.YLabel))
	finish(p)
	p.Y.Label.Position = draw.PosTop
	if !s.XHigherIsBetter {
		p.X.Inverted = true
	}
	if !s.HigherIsBetter {
		p.Y.Inverted = true
	}
	named, rest := scatterGroups(s)
	// The field first (under), then the named countries over it.
	fieldStyle := draw.GlyphStyle{Color: rgb(mutedColor), Radius: 2.6, Shape: draw.CircleGlyph{}}
	labelled := len(named) == 0 && len(rest) <= maxEvenLabels
	if len(named) == 0 {
		fieldStyle = draw.GlyphStyle{Color: rgb(Palette[0]), Radius: 3.5, Shape: draw.CircleGlyph{}}
	}
	var field figure.Thumbnailer
	if len(rest) > 0 {
		var xys figure.XYs
		for _, sp := range rest {
			xys = append(xys, figure.XY{X: sp.p.X, Y: sp.p.Y})
		}
		sc := figure.NewScatter(xys)
		sc.GlyphStyle = fieldStyle
		p.Add(sc)
		field = sc
	}
	var lxy figure.XYs
	var ltext []string
	var lstyle []text.Style
	if labelled {
		for _, sp := range rest {
			lxy = append(lxy, figure.XY{X: sp.p.X, Y: sp.p.Y})
			ltext = append(ltext, sp.sr.Name)
			lstyle = append(lstyle, textStyle(8, false))
		}
	}
	order := map[string]int{}
	for _, sp := range named {
		k, ok := order[sp.sr.Name]
		if !ok {
			k = len(order)
			order[sp.sr.Name] = k
		}
		st := seriesStyle(k)
		sc := figure.NewScatter(figure.XYs{{X: sp.p.X, Y: sp.p.Y}})
		sc.GlyphStyle = draw.GlyphStyle{Color: rgb(st.Color), Radius: 5, Shape: filledGlyph(st.Symbol)}
		p.Add(sc)
		if !ok {
			p.Legend.Add(sp.sr.Name, sc)
		}
		lxy = append(lxy, figure.XY{X: sp.p.X, Y: sp.p.Y})
		ltext = append(ltext, sp.sr.Name)
		ts := textStyle(9, true)
		ts.Color = color.Black
		lstyle = append(lstyle, ts)
	}
	if len(lxy) > 0 {
		l := &figure.Labels{XYs: lxy, Labels: ltext, TextStyle: lstyle, Offset: vg.Point{X: 7, Y: -3.5}}
		for i := range l.TextStyle {
			l.TextStyle[i].XAlign, l.TextStyle[i].YAlign = draw.XLeft, draw.YBottom
		}
		p.Add(l)
	}
	if len(named) > 0 {
		// The legend lists the named countries first, the field last, in
		// the bottom right corner (indicators of governance mostly rise
		// together, which leaves that corner empty).
		if field != nil {
			p.Legend.Add(othersName(s.Lang, s.Entities), field)
		}
		p.Legend.Top, p.Legend.Left = false, false
		p.Legend.TextStyle.Font.Size = 8.5
		p.Legend.TextStyle.Font.Variant = "Sans"
	}
	xs.onAxis(&p.X)
	ys.onAxis(&p.Y)
	localizeTicks(p, s.Lang)
	p.Draw(dc)
	return nil
}

// filledGlyph is the filled marker of an ECharts symbol: a named country's
// point is solid, never an outline that reads as "no figure".
func filledGlyph(symbol string) draw.GlyphDrawer {
	switch symbol {
	case "rect", "roundRect":
		return draw.BoxGlyph{}
	case "triangle", "arrow":
		return draw.PyramidGlyph{}
	case "diamond", "pin":
		return diamondGlyph{}
	}
	return draw.CircleGlyph{}
}
